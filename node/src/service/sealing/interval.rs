//! `--sealing <MILLISECONDS>` (and `--dev` without `--sealing`): a timer asks for a (possibly
//! empty, finalized) block every interval; the blocks are sealed as in [`super::manual`].

use std::time::Duration;

use futures::channel::mpsc;
use sc_consensus_manual_seal::EngineCommand;
use sc_service::TaskManager;

use super::BlockHash;

/// Sends a seal-and-finalize command to `sink` every `ms` milliseconds, the first one interval
/// after start-up.
pub(super) fn start_timer(
	task_manager: &TaskManager,
	mut sink: mpsc::Sender<EngineCommand<BlockHash>>,
	ms: u64,
) {
	task_manager.spawn_handle().spawn("interval-sealing", None, async move {
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
}
