//! Assembly of the node: client, transaction pool, networking, RPC and block production.
//!
//! Two ways to make blocks share one Aura runtime:
//! - **sealed on demand** (development): `sc-consensus-manual-seal` authors blocks when told
//!   (`instant`, `manual`, or on a timer), with Aura pre-digests and slot-aligned timestamps so
//!   the runtime accepts them; each block is finalized when sealed.
//! - **Aura + GRANDPA** (`--chain local` and other non-development chains): validators author
//!   in their slots and finalize together.

use std::{
	net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr},
	sync::Arc,
	time::Duration,
};

use futures::{channel::mpsc, FutureExt};
use handles_runtime::{apis::RuntimeApi, opaque::Block, SLOT_DURATION};
use sc_client_api::{Backend, BlockBackend};
use sc_consensus_aura::{ImportQueueParams, SlotProportion, StartAuraParams};
use sc_consensus_grandpa::SharedVoterState;
use sc_consensus_manual_seal::{
	consensus::aura::AuraConsensusDataProvider, EngineCommand, ManualSealParams,
};
use sc_network::multiaddr::{Multiaddr, Protocol};
use sc_service::{error::Error as ServiceError, Configuration, TaskManager, WarpSyncConfig};
use sc_telemetry::{Telemetry, TelemetryWorker};
use sc_transaction_pool_api::OffchainTransactionPoolFactory;
use sp_consensus_aura::sr25519::{AuthorityPair as AuraPair, AuthoritySignature};
use sp_runtime::traits::{Block as BlockT, Header as HeaderT, Zero};

use crate::cli::Sealing;

/// Host functions the executor offers the runtime: the standard set, plus the benchmarking ones
/// when the node (and so the runtime, whose Wasm then imports them) has `runtime-benchmarks`.
#[cfg(not(feature = "runtime-benchmarks"))]
pub type HostFunctions = sp_io::SubstrateHostFunctions;
#[cfg(feature = "runtime-benchmarks")]
pub type HostFunctions =
	(sp_io::SubstrateHostFunctions, frame_benchmarking::benchmarking::HostFunctions);

/// The full client.
pub type FullClient =
	sc_service::TFullClient<Block, RuntimeApi, sc_executor::WasmExecutor<HostFunctions>>;
type FullBackend = sc_service::TFullBackend<Block>;
type FullSelectChain = sc_consensus::LongestChain<FullBackend, Block>;
type FullPool = sc_transaction_pool::TransactionPoolHandle<Block, FullClient>;
type GrandpaBlockImport =
	sc_consensus_grandpa::GrandpaBlockImport<FullBackend, Block, FullClient, FullSelectChain>;
type GrandpaLink = sc_consensus_grandpa::LinkHalf<Block, FullClient, FullSelectChain>;

/// Blocks between GRANDPA justifications that are stored and served.
const GRANDPA_JUSTIFICATION_PERIOD: u32 = 512;

/// Parts of the node that do not depend on how blocks are made.
pub type Service<Other> = sc_service::PartialComponents<
	FullClient,
	FullBackend,
	FullSelectChain,
	sc_consensus::DefaultImportQueue<Block>,
	FullPool,
	Other,
>;

/// Client, database, pool and tasks, and the chain selection, before networking starts.
struct Base {
	parts: Parts,
	select_chain: FullSelectChain,
}

fn new_base(config: &Configuration) -> Result<Base, ServiceError> {
	let telemetry = config
		.telemetry_endpoints
		.clone()
		.filter(|x| !x.is_empty())
		.map(|endpoints| -> Result<_, sc_telemetry::Error> {
			let worker = TelemetryWorker::new(16)?;
			let telemetry = worker.handle().new_telemetry(endpoints);
			Ok((worker, telemetry))
		})
		.transpose()?;

	let executor = sc_service::new_wasm_executor::<HostFunctions>(&config.executor);
	let (client, backend, keystore_container, task_manager) =
		sc_service::new_full_parts::<Block, RuntimeApi, _>(
			config,
			telemetry.as_ref().map(|(_, telemetry)| telemetry.handle()),
			executor,
			Vec::new(),
		)?;
	let client = Arc::new(client);

	let telemetry = telemetry.map(|(worker, telemetry)| {
		task_manager.spawn_handle().spawn("telemetry", None, worker.run());
		telemetry
	});

	let select_chain = sc_consensus::LongestChain::new(backend.clone());
	let transaction_pool = Arc::from(
		sc_transaction_pool::Builder::new(
			task_manager.spawn_essential_handle(),
			client.clone(),
			config.role.is_authority().into(),
		)
		.with_options(config.transaction_pool.clone())
		.with_prometheus(config.prometheus_registry())
		.build(),
	);

	Ok(Base {
		parts: Parts {
			client,
			backend,
			keystore_container,
			task_manager,
			transaction_pool,
			telemetry,
		},
		select_chain,
	})
}

/// Partial components of an Aura + GRANDPA node (also used by the block import/export commands).
pub fn new_partial(
	config: &Configuration,
) -> Result<Service<(GrandpaBlockImport, GrandpaLink, Option<Telemetry>)>, ServiceError> {
	let Base {
		parts:
			Parts { client, backend, keystore_container, task_manager, transaction_pool, telemetry },
		select_chain,
	} = new_base(config)?;

	let (grandpa_block_import, grandpa_link) = sc_consensus_grandpa::block_import(
		client.clone(),
		GRANDPA_JUSTIFICATION_PERIOD,
		&client,
		select_chain.clone(),
		telemetry.as_ref().map(|x| x.handle()),
	)?;

	let cidp_client = client.clone();
	let import_queue =
		sc_consensus_aura::import_queue::<AuraPair, _, _, _, _, _>(ImportQueueParams {
			block_import: grandpa_block_import.clone(),
			justification_import: Some(Box::new(grandpa_block_import.clone())),
			client: client.clone(),
			create_inherent_data_providers: move |parent_hash, _| {
				let cidp_client = cidp_client.clone();
				async move {
					let slot_duration = sc_consensus_aura::standalone::slot_duration_at(
						&*cidp_client,
						parent_hash,
					)?;
					let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
					let slot =
						sp_consensus_aura::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
							*timestamp,
							slot_duration,
						);
					Ok((slot, timestamp))
				}
			},
			spawner: &task_manager.spawn_essential_handle(),
			registry: config.prometheus_registry(),
			check_for_equivocation: Default::default(),
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			compatibility_mode: Default::default(),
		})?;

	Ok(sc_service::PartialComponents {
		client,
		backend,
		task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (grandpa_block_import, grandpa_link, telemetry),
	})
}

/// Timestamp of the next dev block: the slot after the parent's, and never behind the wall clock
/// (rounded down to a slot boundary), so each sealed block gets a fresh Aura slot and the
/// timestamp pallet sees at least one slot between blocks however fast blocks are sealed.
fn next_dev_timestamp(
	client: &FullClient,
	parent: <Block as BlockT>::Hash,
) -> Result<sp_timestamp::Timestamp, Box<dyn std::error::Error + Send + Sync>> {
	let now = sp_timestamp::Timestamp::current().as_millis();
	let aligned_now = now - now % SLOT_DURATION;
	let header = client.header(parent)?.ok_or("parent header not found")?;
	let after_parent = if header.number().is_zero() {
		0
	} else {
		let slot = sc_consensus_aura::find_pre_digest::<Block, AuthoritySignature>(&header)
			.map_err(|e| format!("parent block has no Aura slot: {e}"))?;
		u64::from(slot).saturating_add(1).saturating_mul(SLOT_DURATION)
	};
	Ok(aligned_now.max(after_parent).into())
}

fn spawn_rpc_and_tasks(
	config: Configuration,
	base: &mut BaseRuntime,
	manual_seal: Option<mpsc::Sender<EngineCommand<<Block as BlockT>::Hash>>>,
) -> Result<(), ServiceError> {
	let rpc_builder = {
		let client = base.client.clone();
		let pool = base.transaction_pool.clone();
		Box::new(move |_| {
			let deps = crate::rpc::FullDeps {
				client: client.clone(),
				pool: pool.clone(),
				manual_seal: manual_seal.clone(),
			};
			crate::rpc::create_full(deps).map_err(Into::into)
		})
	};

	let rpc = sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		network: base.network.clone(),
		client: base.client.clone(),
		keystore: base.keystore.clone(),
		task_manager: &mut base.task_manager,
		transaction_pool: base.transaction_pool.clone(),
		rpc_builder,
		backend: base.backend.clone(),
		system_rpc_tx: base.system_rpc_tx.clone(),
		tx_handler_controller: base.tx_handler_controller.take().ok_or_else(|| {
			ServiceError::Other("transaction handler controller taken twice".into())
		})?,
		sync_service: base.sync_service.clone(),
		config,
		telemetry: base.telemetry.as_mut(),
		tracing_execute_block: None,
	})?;
	log_rpc_endpoint(rpc.listen_addresses());
	Ok(())
}

/// Logs where to reach the JSON-RPC server, once it listens: its first address (loopback for an
/// unspecified one, as with `--rpc-external`) and a polkadot.js Apps link to it.
fn log_rpc_endpoint(listen_addresses: &[Multiaddr]) {
	let Some((http, ws, apps)) = listen_addresses.iter().find_map(rpc_socket_addr).map(rpc_links)
	else {
		return;
	};
	log::info!("🔌 JSON-RPC: {http} and {ws}");
	log::info!("🌐 polkadot.js Apps: {apps}");
}

/// The socket address of an `/ip4|ip6/<ip>/tcp/<port>` multiaddress.
fn rpc_socket_addr(addr: &Multiaddr) -> Option<SocketAddr> {
	let mut protocols = addr.iter();
	let ip: IpAddr = match protocols.next()? {
		Protocol::Ip4(ip) => ip.into(),
		Protocol::Ip6(ip) => ip.into(),
		_ => return None,
	};
	match protocols.next()? {
		Protocol::Tcp(port) => Some(SocketAddr::new(ip, port)),
		_ => None,
	}
}

/// `(HTTP URL, WebSocket URL, polkadot.js Apps link)` of a JSON-RPC server listening on `addr`.
fn rpc_links(mut addr: SocketAddr) -> (String, String, String) {
	if addr.ip().is_unspecified() {
		addr.set_ip(match addr {
			SocketAddr::V4(_) => Ipv4Addr::LOCALHOST.into(),
			SocketAddr::V6(_) => Ipv6Addr::LOCALHOST.into(),
		});
	}
	let ws = format!("ws://{addr}");
	let mut encoded = String::new();
	for c in ws.chars() {
		match c {
			':' | '/' | '[' | ']' => encoded.push_str(&format!("%{:02X}", c as u32)),
			c => encoded.push(c),
		}
	}
	let apps = format!("https://polkadot.js.org/apps/?rpc={encoded}#/explorer");
	(format!("http://{addr}"), ws, apps)
}

/// A running network with its client, before block production starts.
struct BaseRuntime {
	client: Arc<FullClient>,
	backend: Arc<FullBackend>,
	keystore: sp_keystore::KeystorePtr,
	task_manager: TaskManager,
	transaction_pool: Arc<FullPool>,
	telemetry: Option<Telemetry>,
	network: Arc<dyn sc_network::service::traits::NetworkService>,
	system_rpc_tx: sc_utils::mpsc::TracingUnboundedSender<sc_rpc::system::Request<Block>>,
	tx_handler_controller:
		Option<sc_network_transactions::TransactionsHandlerController<<Block as BlockT>::Hash>>,
	sync_service: Arc<sc_network_sync::SyncingService<Block>>,
}

fn start_offchain_workers(
	config: &Configuration,
	client: &Arc<FullClient>,
	backend: &Arc<FullBackend>,
	keystore: &sp_keystore::KeystorePtr,
	pool: &Arc<FullPool>,
	network: &Arc<dyn sc_network::service::traits::NetworkService>,
	task_manager: &TaskManager,
) -> Result<(), ServiceError> {
	if !config.offchain_worker.enabled {
		return Ok(());
	}
	let offchain_workers = sc_offchain::OffchainWorkers::new(sc_offchain::OffchainWorkerOptions {
		runtime_api_provider: client.clone(),
		is_validator: config.role.is_authority(),
		keystore: Some(keystore.clone()),
		offchain_db: backend.offchain_storage(),
		transaction_pool: Some(OffchainTransactionPoolFactory::new(pool.clone())),
		network_provider: Arc::new(network.clone()),
		enable_http_requests: true,
		custom_extensions: |_| vec![],
	})?;
	task_manager.spawn_handle().spawn(
		"offchain-workers-runner",
		"offchain-worker",
		offchain_workers.run(client.clone(), task_manager.spawn_handle()).boxed(),
	);
	Ok(())
}

/// What a node has before its network starts.
struct Parts {
	client: Arc<FullClient>,
	backend: Arc<FullBackend>,
	keystore_container: sc_service::KeystoreContainer,
	task_manager: TaskManager,
	transaction_pool: Arc<FullPool>,
	telemetry: Option<Telemetry>,
}

/// Starts networking (with warp sync when given) and the offchain workers.
fn start_network<N>(
	config: &Configuration,
	net_config: sc_network::config::FullNetworkConfiguration<Block, <Block as BlockT>::Hash, N>,
	metrics: sc_network::service::NotificationMetrics,
	import_queue: sc_consensus::DefaultImportQueue<Block>,
	warp_sync_config: Option<WarpSyncConfig<Block>>,
	parts: Parts,
) -> Result<BaseRuntime, ServiceError>
where
	N: sc_network::NetworkBackend<Block, <Block as BlockT>::Hash>,
{
	let Parts { client, backend, keystore_container, task_manager, transaction_pool, telemetry } =
		parts;
	let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
		sc_service::build_network(sc_service::BuildNetworkParams {
			config,
			net_config,
			client: client.clone(),
			transaction_pool: transaction_pool.clone(),
			spawn_handle: task_manager.spawn_handle(),
			spawn_essential_handle: task_manager.spawn_essential_handle(),
			import_queue,
			block_announce_validator_builder: None,
			warp_sync_config,
			block_relay: None,
			metrics,
			gap_sync_body_policy: None,
		})?;

	let keystore = keystore_container.keystore();
	start_offchain_workers(
		config,
		&client,
		&backend,
		&keystore,
		&transaction_pool,
		&network,
		&task_manager,
	)?;

	Ok(BaseRuntime {
		client,
		backend,
		keystore,
		task_manager,
		transaction_pool,
		telemetry,
		network,
		system_rpc_tx,
		tx_handler_controller: Some(tx_handler_controller),
		sync_service,
	})
}

/// Starts a node that seals blocks on demand (development chains).
pub fn new_dev<N>(config: Configuration, sealing: Sealing) -> Result<TaskManager, ServiceError>
where
	N: sc_network::NetworkBackend<Block, <Block as BlockT>::Hash>,
{
	let Base { parts, select_chain } = new_base(&config)?;
	let client = parts.client.clone();
	let transaction_pool = parts.transaction_pool.clone();

	let import_queue = sc_consensus_manual_seal::import_queue(
		Box::new(client.clone()),
		&parts.task_manager.spawn_essential_handle(),
		config.prometheus_registry(),
	);

	let net_config = sc_network::config::FullNetworkConfiguration::<
		Block,
		<Block as BlockT>::Hash,
		N,
	>::new(&config.network, config.prometheus_registry().cloned());
	let metrics = N::register_notification_metrics(config.prometheus_registry());
	let prometheus_registry = config.prometheus_registry().cloned();
	let mut base = start_network(&config, net_config, metrics, import_queue, None, parts)?;

	// Blocks on demand: `engine_*` is served only with manual sealing. With interval sealing the
	// timer alone feeds the channel, so no RPC caller can make or finalize blocks.
	let (command_sink, commands_stream) = mpsc::channel::<EngineCommand<_>>(1024);
	let rpc_sink = match sealing {
		Sealing::Manual => Some(command_sink.clone()),
		Sealing::Instant | Sealing::Interval(_) => None,
	};
	spawn_rpc_and_tasks(config, &mut base, rpc_sink)?;

	let proposer = sc_basic_authorship::ProposerFactory::new(
		base.task_manager.spawn_handle(),
		client.clone(),
		transaction_pool.clone(),
		prometheus_registry.as_ref(),
		base.telemetry.as_ref().map(|x| x.handle()),
	);

	let aura_data = AuraConsensusDataProvider::new(client.clone());
	let cidp_client = client.clone();
	let create_inherent_data_providers = move |parent: <Block as BlockT>::Hash, ()| {
		let client = cidp_client.clone();
		async move {
			let timestamp = next_dev_timestamp(&client, parent)?;
			Ok(sp_timestamp::InherentDataProvider::new(timestamp))
		}
	};

	match sealing {
		Sealing::Instant => {
			let params = sc_consensus_manual_seal::InstantSealParams {
				block_import: client.clone(),
				env: proposer,
				client,
				pool: transaction_pool,
				select_chain,
				consensus_data_provider: Some(Box::new(aura_data)),
				create_inherent_data_providers,
			};
			base.task_manager.spawn_essential_handle().spawn_blocking(
				"instant-seal",
				None,
				sc_consensus_manual_seal::run_instant_seal_and_finalize(params),
			);
		}
		Sealing::Manual | Sealing::Interval(_) => {
			if let Sealing::Interval(ms) = sealing {
				let mut sink = command_sink;
				base.task_manager.spawn_handle().spawn("interval-sealing", None, async move {
					let mut interval = tokio::time::interval(Duration::from_millis(ms));
					interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
					// The first tick completes at once; blocks start one interval after start-up.
					interval.tick().await;
					loop {
						interval.tick().await;
						let command = EngineCommand::SealNewBlock {
							create_empty: true,
							finalize: true,
							parent_hash: None,
							sender: None,
						};
						// A full channel means sealing lags behind; skipping a tick is harmless.
						if let Err(e) = sink.try_send(command) {
							if e.is_disconnected() {
								break;
							}
						}
					}
				});
			} else {
				drop(command_sink);
			}
			let params = ManualSealParams {
				block_import: client.clone(),
				env: proposer,
				client,
				pool: transaction_pool,
				select_chain,
				commands_stream: Box::pin(commands_stream),
				consensus_data_provider: Some(Box::new(aura_data)),
				create_inherent_data_providers,
			};
			base.task_manager.spawn_essential_handle().spawn_blocking(
				"manual-seal",
				None,
				sc_consensus_manual_seal::run_manual_seal(params),
			);
		}
	}

	Ok(base.task_manager)
}

/// Starts an Aura + GRANDPA node.
pub fn new_full<N>(config: Configuration) -> Result<TaskManager, ServiceError>
where
	N: sc_network::NetworkBackend<Block, <Block as BlockT>::Hash>,
{
	let sc_service::PartialComponents {
		client,
		backend,
		task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (block_import, grandpa_link, telemetry),
	} = new_partial(&config)?;

	let mut net_config = sc_network::config::FullNetworkConfiguration::<
		Block,
		<Block as BlockT>::Hash,
		N,
	>::new(&config.network, config.prometheus_registry().cloned());
	let metrics = N::register_notification_metrics(config.prometheus_registry());

	let peer_store_handle = net_config.peer_store_handle();
	let genesis_hash = client
		.block_hash(0)
		.ok()
		.flatten()
		.ok_or_else(|| ServiceError::Other("the genesis block is missing".into()))?;
	let grandpa_protocol_name =
		sc_consensus_grandpa::protocol_standard_name(&genesis_hash, &config.chain_spec);
	let (grandpa_protocol_config, grandpa_notification_service) =
		sc_consensus_grandpa::grandpa_peers_set_config::<_, N>(
			grandpa_protocol_name.clone(),
			metrics.clone(),
			peer_store_handle,
		);
	net_config.add_notification_protocol(grandpa_protocol_config);

	let warp_sync = Arc::new(sc_consensus_grandpa::warp_proof::NetworkProvider::new(
		backend.clone(),
		grandpa_link.shared_authority_set().clone(),
		Vec::default(),
	));

	let role = config.role;
	let force_authoring = config.force_authoring;
	let name = config.network.node_name.clone();
	let enable_grandpa = !config.disable_grandpa;
	let prometheus_registry = config.prometheus_registry().cloned();

	let mut base = start_network(
		&config,
		net_config,
		metrics,
		import_queue,
		Some(WarpSyncConfig::WithProvider(warp_sync)),
		Parts {
			client: client.clone(),
			backend,
			keystore_container,
			task_manager,
			transaction_pool: transaction_pool.clone(),
			telemetry,
		},
	)?;
	let keystore = base.keystore.clone();
	let network = base.network.clone();
	let sync_service = base.sync_service.clone();
	spawn_rpc_and_tasks(config, &mut base, None)?;
	let telemetry = base.telemetry.as_ref().map(|x| x.handle());

	if role.is_authority() {
		let proposer_factory = sc_basic_authorship::ProposerFactory::new(
			base.task_manager.spawn_handle(),
			client.clone(),
			transaction_pool.clone(),
			prometheus_registry.as_ref(),
			telemetry.clone(),
		);
		let slot_duration = sc_consensus_aura::slot_duration(&*client)?;
		let aura = sc_consensus_aura::start_aura::<AuraPair, _, _, _, _, _, _, _, _, _, _>(
			StartAuraParams {
				slot_duration,
				client,
				select_chain,
				block_import,
				proposer_factory,
				create_inherent_data_providers: move |_, ()| async move {
					let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
					let slot =
						sp_consensus_aura::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
							*timestamp,
							slot_duration,
						);
					Ok((slot, timestamp))
				},
				force_authoring,
				backoff_authoring_blocks: Option::<()>::None,
				keystore: keystore.clone(),
				sync_oracle: sync_service.clone(),
				justification_sync_link: sync_service.clone(),
				block_proposal_slot_portion: SlotProportion::new(2f32 / 3f32),
				max_block_proposal_slot_portion: None,
				telemetry: telemetry.clone(),
				compatibility_mode: Default::default(),
			},
		)?;
		base.task_manager.spawn_essential_handle().spawn_blocking(
			"aura",
			Some("block-authoring"),
			aura,
		);
	}

	if enable_grandpa {
		let keystore = if role.is_authority() { Some(keystore) } else { None };
		let grandpa_config = sc_consensus_grandpa::Config {
			gossip_duration: Duration::from_millis(333),
			justification_generation_period: GRANDPA_JUSTIFICATION_PERIOD,
			name: Some(name),
			observer_enabled: false,
			keystore,
			local_role: role,
			telemetry: telemetry.clone(),
			protocol_name: grandpa_protocol_name,
		};
		let grandpa_params = sc_consensus_grandpa::GrandpaParams {
			config: grandpa_config,
			link: grandpa_link,
			network,
			sync: sync_service,
			notification_service: grandpa_notification_service,
			voting_rule: sc_consensus_grandpa::VotingRulesBuilder::default().build(),
			prometheus_registry,
			shared_voter_state: SharedVoterState::empty(),
			telemetry,
			offchain_tx_pool_factory: OffchainTransactionPoolFactory::new(transaction_pool),
		};
		base.task_manager.spawn_essential_handle().spawn_blocking(
			"grandpa-voter",
			None,
			sc_consensus_grandpa::run_grandpa_voter(grandpa_params)?,
		);
	}

	Ok(base.task_manager)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn rpc_links_name_the_listen_address() {
		let addr: Multiaddr = "/ip4/127.0.0.1/tcp/9944".parse().unwrap();
		let (http, ws, apps) = rpc_links(rpc_socket_addr(&addr).unwrap());
		assert_eq!(http, "http://127.0.0.1:9944");
		assert_eq!(ws, "ws://127.0.0.1:9944");
		assert_eq!(apps, "https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A9944#/explorer");

		let any: Multiaddr = "/ip4/0.0.0.0/tcp/9945".parse().unwrap();
		assert_eq!(rpc_links(rpc_socket_addr(&any).unwrap()).1, "ws://127.0.0.1:9945");
		let v6: Multiaddr = "/ip6/::1/tcp/9944".parse().unwrap();
		let (_, ws, apps) = rpc_links(rpc_socket_addr(&v6).unwrap());
		assert_eq!(ws, "ws://[::1]:9944");
		assert!(apps.contains("?rpc=ws%3A%2F%2F%5B%3A%3A1%5D%3A9944#"));
		assert_eq!(rpc_socket_addr(&"/dns/localhost/tcp/1".parse().unwrap()), None);
	}
}
