//! Assembly of the node: client, transaction pool, networking, RPC and block production.
//!
//! Two ways to make blocks share one Aura runtime:
//! - **sealed on demand** ([`sealing`], development): `sc-consensus-manual-seal` authors blocks
//!   when told (`instant`, `manual`, or on a timer), with Aura pre-digests and slot-aligned
//!   timestamps so the runtime accepts them; each block is finalized when sealed.
//! - **Aura + GRANDPA** ([`aura`], `--chain local` and other non-development chains): validators
//!   author in their slots and finalize together.
//!
//! This module sets up what both start from: the database and client, the keystore, the task
//! manager, the transaction pool and telemetry ([`new_client`]). Both then go online the same way
//! ([`network`]).

use std::sync::Arc;

use handles_runtime::{apis::RuntimeApi, opaque::Block};
use sc_service::{error::Error as ServiceError, Configuration, TaskManager};
use sc_telemetry::{Telemetry, TelemetryWorker};
use sp_runtime::traits::Block as BlockT;

mod aura;
mod network;
mod sealing;

pub use aura::{new_full, new_partial};
pub use sealing::new_dev;

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
type BlockHash = <Block as BlockT>::Hash;

/// The client with its database, the keystore, the task manager, the transaction pool and
/// telemetry: what a node has before its network starts, whichever way it makes blocks.
struct ClientComponents {
	client: Arc<FullClient>,
	backend: Arc<FullBackend>,
	keystore_container: sc_service::KeystoreContainer,
	task_manager: TaskManager,
	transaction_pool: Arc<FullPool>,
	telemetry: Option<Telemetry>,
}

/// Opens the database and sets up the client on it, the keystore, the tasks, telemetry (when
/// endpoints are configured) and the transaction pool; also returns the longest-chain selection
/// on that database.
fn new_client(config: &Configuration) -> Result<(ClientComponents, FullSelectChain), ServiceError> {
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

	let components = ClientComponents {
		client,
		backend,
		keystore_container,
		task_manager,
		transaction_pool,
		telemetry,
	};
	Ok((components, select_chain))
}
