//! Weights of the steps of [`PruningQueues`](super::PruningQueues): one function per unit of work,
//! the benchmark of the same name in `benchmarks.rs` measuring one step that does exactly one
//! unit.
//!
//! The figures below are set by hand, not yet measured: database reads and writes per entry, with
//! proof size for the keys they touch. `scripts/benchmark` regenerates this file from the step
//! benchmarks (with the pallet's weight template), replacing them with measured figures.

use super::MAX_CURSOR_KEY_BYTES;
use crate::CooldownQueue;
use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// Weight functions of the steps of `PruningQueues`.
pub trait WeightInfo {
	/// One old replay entry moved: read and removed, the entry, its queue slot and the queue's
	/// bounds written.
	fn move_replay_entry() -> Weight;
	/// One old per-expiration count removed.
	fn remove_count() -> Weight;
	/// One cooldown queued, or removed when it has ended (with its at most 224-byte canonical
	/// form).
	fn queue_cooldown() -> Weight;
}

/// The weights `PruningQueues` runs with, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: crate::Config> WeightInfo for SubstrateWeight<T> {
	fn move_replay_entry() -> Weight {
		T::DbWeight::get().reads_writes(2, 4).saturating_add(Weight::from_parts(0, 256))
	}

	fn remove_count() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}

	fn queue_cooldown() -> Weight {
		T::DbWeight::get().reads_writes(2, 2).saturating_add(Weight::from_parts(
			0,
			2 * CooldownQueue::<T>::hashed_key_for(0).len() as u64
				+ u64::from(MAX_CURSOR_KEY_BYTES),
		))
	}
}
