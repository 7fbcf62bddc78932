//! A development chain sealed on demand: `sc-consensus-manual-seal` authors blocks when told, with
//! Aura pre-digests and slot-aligned timestamps so the runtime accepts them; each block is
//! finalized when sealed. What starts the sealing is the `--sealing` mode, one module each:
//! [`instant`], [`manual`] and [`interval`].

use std::sync::Arc;

use futures::channel::mpsc;
use handles_runtime::{opaque::Block, SLOT_DURATION};
use sc_consensus_manual_seal::{consensus::aura::AuraConsensusDataProvider, EngineCommand};
use sc_service::{error::Error as ServiceError, Configuration, TaskManager};
use sp_consensus_aura::sr25519::AuthoritySignature;
use sp_runtime::traits::{Header as HeaderT, Zero};

use super::{
	network::{spawn_rpc_and_tasks, start_network},
	new_client, BlockHash, FullClient, FullPool, FullSelectChain,
};
use crate::cli::Sealing;

mod instant;
mod interval;
mod manual;

/// What every sealing mode seals with: the client (which also imports the sealed blocks), the
/// pool whose transactions go in, the chain to build on, the block proposer, the Aura pre-digest
/// and the inherent data.
struct Sealer<CIDP> {
	client: Arc<FullClient>,
	pool: Arc<FullPool>,
	select_chain: FullSelectChain,
	proposer: sc_basic_authorship::ProposerFactory<FullPool, FullClient>,
	aura_data: AuraConsensusDataProvider<Block>,
	create_inherent_data_providers: CIDP,
}

/// Starts a node that seals blocks on demand (development chains).
pub fn new_dev<N>(config: Configuration, sealing: Sealing) -> Result<TaskManager, ServiceError>
where
	N: sc_network::NetworkBackend<Block, BlockHash>,
{
	let (components, select_chain) = new_client(&config)?;
	let client = components.client.clone();
	let transaction_pool = components.transaction_pool.clone();

	let import_queue = sc_consensus_manual_seal::import_queue(
		Box::new(client.clone()),
		&components.task_manager.spawn_essential_handle(),
		config.prometheus_registry(),
	);

	let net_config = sc_network::config::FullNetworkConfiguration::<Block, BlockHash, N>::new(
		&config.network,
		config.prometheus_registry().cloned(),
	);
	let metrics = N::register_notification_metrics(config.prometheus_registry());
	let prometheus_registry = config.prometheus_registry().cloned();
	let mut node = start_network(&config, net_config, metrics, import_queue, None, components)?;

	// Blocks on demand: `engine_*` is served only with manual sealing. With interval sealing the
	// timer alone feeds the channel, so no RPC caller can make or finalize blocks.
	let (command_sink, commands_stream) = mpsc::channel::<EngineCommand<_>>(1024);
	let rpc_sink = match sealing {
		Sealing::Manual => Some(command_sink.clone()),
		Sealing::Instant | Sealing::Interval(_) => None,
	};
	spawn_rpc_and_tasks(config, &mut node, rpc_sink)?;

	let proposer = sc_basic_authorship::ProposerFactory::new(
		node.task_manager.spawn_handle(),
		client.clone(),
		transaction_pool.clone(),
		prometheus_registry.as_ref(),
		node.telemetry.as_ref().map(|x| x.handle()),
	);

	let aura_data = AuraConsensusDataProvider::new(client.clone());
	let cidp_client = client.clone();
	let create_inherent_data_providers = move |parent: BlockHash, ()| {
		let client = cidp_client.clone();
		async move {
			let timestamp = next_dev_timestamp(&client, parent)?;
			Ok(sp_timestamp::InherentDataProvider::new(timestamp))
		}
	};
	let sealer = Sealer {
		client,
		pool: transaction_pool,
		select_chain,
		proposer,
		aura_data,
		create_inherent_data_providers,
	};

	match sealing {
		Sealing::Instant => instant::start(&node.task_manager, sealer),
		Sealing::Manual => {
			// The RPC holds the only sender: blocks come from `engine_createBlock` alone.
			drop(command_sink);
			manual::start(&node.task_manager, sealer, commands_stream);
		}
		Sealing::Interval(ms) => {
			interval::start_timer(&node.task_manager, command_sink, ms);
			manual::start(&node.task_manager, sealer, commands_stream);
		}
	}

	Ok(node.task_manager)
}

/// Timestamp of the next dev block: the slot after the parent's, and never behind the wall clock
/// (rounded down to a slot boundary), so each sealed block gets a fresh Aura slot and the
/// timestamp pallet sees at least one slot between blocks however fast blocks are sealed.
fn next_dev_timestamp(
	client: &FullClient,
	parent: BlockHash,
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
