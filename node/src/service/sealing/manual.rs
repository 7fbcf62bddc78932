//! `--sealing manual`: a block for each command on the channel, which `engine_createBlock` and
//! `engine_finalizeBlock` feed. Interval sealing seals through this too, with a timer feeding the
//! channel instead ([`super::interval`]).

use futures::channel::mpsc;
use handles_runtime::opaque::Block;
use sc_consensus_manual_seal::{EngineCommand, ManualSealParams};
use sc_service::TaskManager;
use sp_inherents::CreateInherentDataProviders;

use super::{BlockHash, Sealer};

/// Starts sealing (and finalizing) blocks as `commands` asks; it ends when every sender is gone.
pub(super) fn start<CIDP>(
	task_manager: &TaskManager,
	sealer: Sealer<CIDP>,
	commands: mpsc::Receiver<EngineCommand<BlockHash>>,
) where
	CIDP: CreateInherentDataProviders<Block, ()> + 'static,
{
	let Sealer { client, pool, select_chain, proposer, aura_data, create_inherent_data_providers } =
		sealer;
	let params = ManualSealParams {
		block_import: client.clone(),
		env: proposer,
		client,
		pool,
		select_chain,
		commands_stream: Box::pin(commands),
		consensus_data_provider: Some(Box::new(aura_data)),
		create_inherent_data_providers,
	};
	task_manager.spawn_essential_handle().spawn_blocking(
		"manual-seal",
		None,
		sc_consensus_manual_seal::run_manual_seal(params),
	);
}
