//! Benchmarks of one step of [`PruningQueues`], one per function of its `weights.rs`: each step
//! starts in the phase it measures and gets the weight of exactly one unit of work, so it handles
//! one entry and stops. Entries are worst cases: a replay entry still live (moved and queued), a
//! running cooldown of the handle with the longest canonical form (queued).
//!
//! The runtime lists them as `pallet_handles_v2_pruning_queues` (`Pallet` here), so that
//! `scripts/benchmark` writes `weights.rs` beside this file from them.

use super::{
	weights::{SubstrateWeight, WeightInfo},
	PruningQueues, PruningQueuesCursor, UsedPayloadCount, UsedPayloads,
};
use crate::{
	benchmarking::cases::{canonical_of, worst_handle, NOW, WORST_SYLLABLE},
	Config, CooldownQueueBounds, CoolingDown, ReplayEntries, ReplayQueueBounds,
};
use core::marker::PhantomData;
use frame_benchmarking::v2::*;
use frame_support::{migrations::SteppedMigration, traits::StorageVersion, weights::WeightMeter};
use frame_system::pallet_prelude::BlockNumberFor;

/// The step benchmarks of [`PruningQueues`], under their own name in the runtime's benchmark
/// list.
pub struct Pallet<T>(PhantomData<T>);

/// The migration as the runtime runs it.
type Migration<T> = PruningQueues<T, SubstrateWeight<T>>;

/// A chain at storage version 1, where the migration runs, at block `NOW`, with no cooldowns but
/// those a benchmark puts there.
fn at_version_1<T: Config>() {
	frame_system::Pallet::<T>::set_block_number(NOW.into());
	StorageVersion::new(1).put::<crate::Pallet<T>>();
	let _ = CoolingDown::<T>::clear(u32::MAX, None);
}

#[benchmarks]
mod benches {
	use super::*;

	/// One old replay entry, still live, moved to the new store and queued.
	#[benchmark]
	fn move_replay_entry() {
		at_version_1::<T>();
		let key = [7u8; 32];
		UsedPayloads::<T>::insert(BlockNumberFor::<T>::from(NOW), key, ());
		let mut meter = WeightMeter::with_limit(SubstrateWeight::<T>::move_replay_entry());
		let cursor;

		#[block]
		{
			cursor = Migration::<T>::step(Some(PruningQueuesCursor::Replay), &mut meter);
		}

		assert_eq!(cursor, Ok(Some(PruningQueuesCursor::Replay)));
		assert_eq!(ReplayEntries::<T>::get(key), Some(NOW.into()));
		assert_eq!(ReplayQueueBounds::<T>::get().len(), 1);
	}

	/// One old per-expiration count removed.
	#[benchmark]
	fn remove_count() {
		at_version_1::<T>();
		UsedPayloadCount::<T>::insert(BlockNumberFor::<T>::from(NOW), 1);
		let mut meter = WeightMeter::with_limit(SubstrateWeight::<T>::remove_count());
		let cursor;

		#[block]
		{
			cursor = Migration::<T>::step(Some(PruningQueuesCursor::Counts), &mut meter);
		}

		assert_eq!(cursor, Ok(Some(PruningQueuesCursor::Counts)));
		assert_eq!(UsedPayloadCount::<T>::iter().count(), 0);
	}

	/// One running cooldown queued.
	#[benchmark]
	fn queue_cooldown() {
		at_version_1::<T>();
		let canonical = canonical_of(&worst_handle(WORST_SYLLABLE));
		CoolingDown::<T>::insert(&canonical, u32::MAX, BlockNumberFor::<T>::from(NOW + 1));
		let mut meter = WeightMeter::with_limit(SubstrateWeight::<T>::queue_cooldown());
		let cursor;

		#[block]
		{
			cursor = Migration::<T>::step(Some(PruningQueuesCursor::Cooldowns(None)), &mut meter);
		}

		assert!(matches!(cursor, Ok(Some(PruningQueuesCursor::Cooldowns(Some(_))))));
		assert_eq!(CooldownQueueBounds::<T>::get().len(), 1);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
