//! `--sealing instant`: a block as soon as a transaction enters the pool, finalized at once.

use handles_runtime::opaque::Block;
use sc_consensus_manual_seal::InstantSealParams;
use sc_service::TaskManager;
use sp_inherents::CreateInherentDataProviders;

use super::Sealer;

/// Starts sealing a block for each transaction that enters the pool.
pub(super) fn start<CIDP>(task_manager: &TaskManager, sealer: Sealer<CIDP>)
where
	CIDP: CreateInherentDataProviders<Block, ()> + 'static,
{
	let Sealer { client, pool, select_chain, proposer, aura_data, create_inherent_data_providers } =
		sealer;
	let params = InstantSealParams {
		block_import: client.clone(),
		env: proposer,
		client,
		pool,
		select_chain,
		consensus_data_provider: Some(Box::new(aura_data)),
		create_inherent_data_providers,
	};
	task_manager.spawn_essential_handle().spawn_blocking(
		"instant-seal",
		None,
		sc_consensus_manual_seal::run_instant_seal_and_finalize(params),
	);
}
