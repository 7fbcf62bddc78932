//! Bringing a node online, the same whichever way it makes blocks: networking (with warp sync
//! when given) and the offchain workers ([`start_network`]), then the JSON-RPC server and the
//! standard tasks ([`spawn_rpc_and_tasks`]).

use std::sync::Arc;

use futures::{channel::mpsc, FutureExt};
use handles_runtime::opaque::Block;
use sc_client_api::Backend;
use sc_consensus_manual_seal::EngineCommand;
use sc_service::{error::Error as ServiceError, Configuration, TaskManager, WarpSyncConfig};
use sc_telemetry::Telemetry;
use sc_transaction_pool_api::OffchainTransactionPoolFactory;

use super::{BlockHash, ClientComponents, FullBackend, FullClient, FullPool};

/// A node whose network runs, with its client, keystore, tasks and pool, before block production
/// starts.
pub(super) struct NetworkedNode {
	pub(super) client: Arc<FullClient>,
	pub(super) backend: Arc<FullBackend>,
	pub(super) keystore: sp_keystore::KeystorePtr,
	pub(super) task_manager: TaskManager,
	pub(super) transaction_pool: Arc<FullPool>,
	pub(super) telemetry: Option<Telemetry>,
	pub(super) network: Arc<dyn sc_network::service::traits::NetworkService>,
	pub(super) system_rpc_tx:
		sc_utils::mpsc::TracingUnboundedSender<sc_rpc::system::Request<Block>>,
	/// Taken by [`spawn_rpc_and_tasks`].
	pub(super) tx_handler_controller:
		Option<sc_network_transactions::TransactionsHandlerController<BlockHash>>,
	pub(super) sync_service: Arc<sc_network_sync::SyncingService<Block>>,
}

/// Starts networking (with warp sync when given) and the offchain workers.
pub(super) fn start_network<N>(
	config: &Configuration,
	net_config: sc_network::config::FullNetworkConfiguration<Block, BlockHash, N>,
	metrics: sc_network::service::NotificationMetrics,
	import_queue: sc_consensus::DefaultImportQueue<Block>,
	warp_sync_config: Option<WarpSyncConfig<Block>>,
	components: ClientComponents,
) -> Result<NetworkedNode, ServiceError>
where
	N: sc_network::NetworkBackend<Block, BlockHash>,
{
	let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
		sc_service::build_network(sc_service::BuildNetworkParams {
			config,
			net_config,
			client: components.client.clone(),
			transaction_pool: components.transaction_pool.clone(),
			spawn_handle: components.task_manager.spawn_handle(),
			spawn_essential_handle: components.task_manager.spawn_essential_handle(),
			import_queue,
			block_announce_validator_builder: None,
			warp_sync_config,
			block_relay: None,
			metrics,
			gap_sync_body_policy: None,
		})?;

	let node = NetworkedNode {
		client: components.client,
		backend: components.backend,
		keystore: components.keystore_container.keystore(),
		task_manager: components.task_manager,
		transaction_pool: components.transaction_pool,
		telemetry: components.telemetry,
		network,
		system_rpc_tx,
		tx_handler_controller: Some(tx_handler_controller),
		sync_service,
	};
	start_offchain_workers(config, &node)?;
	Ok(node)
}

/// Starts the offchain workers when the configuration enables them.
fn start_offchain_workers(
	config: &Configuration,
	node: &NetworkedNode,
) -> Result<(), ServiceError> {
	if !config.offchain_worker.enabled {
		return Ok(());
	}
	let offchain_workers = sc_offchain::OffchainWorkers::new(sc_offchain::OffchainWorkerOptions {
		runtime_api_provider: node.client.clone(),
		is_validator: config.role.is_authority(),
		keystore: Some(node.keystore.clone()),
		offchain_db: node.backend.offchain_storage(),
		transaction_pool: Some(OffchainTransactionPoolFactory::new(node.transaction_pool.clone())),
		network_provider: Arc::new(node.network.clone()),
		enable_http_requests: true,
		custom_extensions: |_| vec![],
	})?;
	node.task_manager.spawn_handle().spawn(
		"offchain-workers-runner",
		"offchain-worker",
		offchain_workers.run(node.client.clone(), node.task_manager.spawn_handle()).boxed(),
	);
	Ok(())
}

/// Starts the JSON-RPC server (with `engine_*` when `manual_seal` is given) and the standard
/// tasks of a node, then logs where to reach the server.
pub(super) fn spawn_rpc_and_tasks(
	config: Configuration,
	node: &mut NetworkedNode,
	manual_seal: Option<mpsc::Sender<EngineCommand<BlockHash>>>,
) -> Result<(), ServiceError> {
	let rpc_builder = {
		let client = node.client.clone();
		let pool = node.transaction_pool.clone();
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
		network: node.network.clone(),
		client: node.client.clone(),
		keystore: node.keystore.clone(),
		task_manager: &mut node.task_manager,
		transaction_pool: node.transaction_pool.clone(),
		rpc_builder,
		backend: node.backend.clone(),
		system_rpc_tx: node.system_rpc_tx.clone(),
		tx_handler_controller: node.tx_handler_controller.take().ok_or_else(|| {
			ServiceError::Other("transaction handler controller taken twice".into())
		})?,
		sync_service: node.sync_service.clone(),
		config,
		telemetry: node.telemetry.as_mut(),
		tracing_execute_block: None,
	})?;
	crate::endpoints::log_rpc_endpoint(rpc.listen_addresses());
	Ok(())
}
