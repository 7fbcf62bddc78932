//! Aura + GRANDPA (`--chain local` and other non-development chains): validators author blocks in
//! their Aura slots and finalize them together with GRANDPA. [`new_partial`] is also what the
//! block import/export, check and revert commands open the chain with.

use std::{sync::Arc, time::Duration};

use handles_runtime::opaque::Block;
use sc_client_api::BlockBackend;
use sc_consensus_aura::{ImportQueueParams, SlotProportion, StartAuraParams};
use sc_consensus_grandpa::SharedVoterState;
use sc_service::{error::Error as ServiceError, Configuration, TaskManager, WarpSyncConfig};
use sc_telemetry::Telemetry;
use sc_transaction_pool_api::OffchainTransactionPoolFactory;
use sp_consensus_aura::{sr25519::AuthorityPair as AuraPair, SlotDuration};

use super::{
	network::{spawn_rpc_and_tasks, start_network},
	new_client, BlockHash, ClientComponents, FullBackend, FullClient, FullPool, FullSelectChain,
};

type GrandpaBlockImport =
	sc_consensus_grandpa::GrandpaBlockImport<FullBackend, Block, FullClient, FullSelectChain>;
type GrandpaLink = sc_consensus_grandpa::LinkHalf<Block, FullClient, FullSelectChain>;

/// Blocks between GRANDPA justifications that are stored and served.
const GRANDPA_JUSTIFICATION_PERIOD: u32 = 512;

/// The client components with Aura's import queue (importing through GRANDPA), plus GRANDPA's
/// block import and link and the telemetry: an Aura + GRANDPA node before its network starts.
pub type AuraGrandpaComponents = sc_service::PartialComponents<
	FullClient,
	FullBackend,
	FullSelectChain,
	sc_consensus::DefaultImportQueue<Block>,
	FullPool,
	(GrandpaBlockImport, GrandpaLink, Option<Telemetry>),
>;

/// The inherent data of an Aura block made or checked now: the wall-clock timestamp and the slot
/// it falls in.
fn slot_and_timestamp(
	slot_duration: SlotDuration,
) -> (sp_consensus_aura::inherents::InherentDataProvider, sp_timestamp::InherentDataProvider) {
	let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
	let slot = sp_consensus_aura::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
		*timestamp,
		slot_duration,
	);
	(slot, timestamp)
}

/// Partial components of an Aura + GRANDPA node (also used by the block import/export commands).
pub fn new_partial(config: &Configuration) -> Result<AuraGrandpaComponents, ServiceError> {
	let (components, select_chain) = new_client(config)?;
	let client = components.client;
	let telemetry = components.telemetry;

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
					Ok(slot_and_timestamp(slot_duration))
				}
			},
			spawner: &components.task_manager.spawn_essential_handle(),
			registry: config.prometheus_registry(),
			check_for_equivocation: Default::default(),
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			compatibility_mode: Default::default(),
		})?;

	Ok(sc_service::PartialComponents {
		client,
		backend: components.backend,
		task_manager: components.task_manager,
		import_queue,
		keystore_container: components.keystore_container,
		select_chain,
		transaction_pool: components.transaction_pool,
		other: (grandpa_block_import, grandpa_link, telemetry),
	})
}

/// Starts an Aura + GRANDPA node.
pub fn new_full<N>(config: Configuration) -> Result<TaskManager, ServiceError>
where
	N: sc_network::NetworkBackend<Block, BlockHash>,
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

	let mut net_config = sc_network::config::FullNetworkConfiguration::<Block, BlockHash, N>::new(
		&config.network,
		config.prometheus_registry().cloned(),
	);
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

	let mut node = start_network(
		&config,
		net_config,
		metrics,
		import_queue,
		Some(WarpSyncConfig::WithProvider(warp_sync)),
		ClientComponents {
			client: client.clone(),
			backend,
			keystore_container,
			task_manager,
			transaction_pool: transaction_pool.clone(),
			telemetry,
		},
	)?;
	let keystore = node.keystore.clone();
	let network = node.network.clone();
	let sync_service = node.sync_service.clone();
	spawn_rpc_and_tasks(config, &mut node, None)?;
	let telemetry = node.telemetry.as_ref().map(|x| x.handle());

	if role.is_authority() {
		let proposer_factory = sc_basic_authorship::ProposerFactory::new(
			node.task_manager.spawn_handle(),
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
					Ok(slot_and_timestamp(slot_duration))
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
		node.task_manager.spawn_essential_handle().spawn_blocking(
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
		node.task_manager.spawn_essential_handle().spawn_blocking(
			"grandpa-voter",
			None,
			sc_consensus_grandpa::run_grandpa_voter(grandpa_params)?,
		);
	}

	Ok(node.task_manager)
}
