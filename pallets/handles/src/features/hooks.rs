//! Block hooks: replay-store pruning, seed rotation, integrity test.

use crate::*;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{One, Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// `on_initialize` of block `n`: prunes the payloads that expired at block `n - 1` (a payload
	/// is refused as expired from block `expiration + 1` on, so its replay entry is no longer
	/// needed) and rotates the seeds when `n % SeedRotationPeriod == 1`. Returns the weight used.
	pub(crate) fn do_on_initialize(n: BlockNumberFor<T>) -> Weight {
		let pruned = Self::prune_payloads(n.saturating_sub(One::one()));
		let mut weight = T::WeightInfo::prune_payloads(pruned);
		if Self::is_rotation_block(n) {
			Self::rotate_seeds();
			weight = weight.saturating_add(T::WeightInfo::rotate_seeds());
		}
		weight
	}

	/// Whether block `n` rotates the seeds.
	pub(crate) fn is_rotation_block(n: BlockNumberFor<T>) -> bool {
		let period = T::SeedRotationPeriod::get();
		!period.is_zero() && n % period == One::one()
	}

	/// Removes the replay entries of payloads expiring at `expiration`; returns how many.
	pub(crate) fn prune_payloads(expiration: BlockNumberFor<T>) -> u32 {
		let count = UsedPayloadCount::<T>::take(expiration);
		if count > 0 {
			// One more than counted, so that a cursor means the count was wrong.
			let result = UsedPayloads::<T>::clear_prefix(expiration, count.saturating_add(1), None);
			if result.maybe_cursor.is_some() {
				defensive!("the replay count of an expiration block differs from its entries");
			}
		}
		count
	}

	/// `previous = current`, `current = parent block hash`; emits `SeedRotated`.
	pub(crate) fn rotate_seeds() {
		let parent = frame_system::Pallet::<T>::parent_hash();
		let parent = parent.as_ref();
		let current: Seed = match <[u8; 32]>::try_from(parent) {
			Ok(seed) => seed,
			// A hash of another length is hashed to 32 bytes.
			Err(_) => sp_io::hashing::blake2_256(parent),
		};
		let previous = Seeds::<T>::get().current;
		Seeds::<T>::put(SeedPair { current, previous });
		Self::deposit_event(Event::SeedRotated { current, previous });
	}

	/// The first block after the current one whose `on_initialize` rotates the seeds.
	pub(crate) fn next_rotation() -> BlockNumberFor<T> {
		let now = Self::now();
		let period = T::SeedRotationPeriod::get();
		if period.is_zero() {
			return BlockNumberFor::<T>::zero();
		}
		// Blocks `k * period + 1`; the next one strictly after `now`.
		let base = now.saturating_sub(now % period);
		let candidate = base.saturating_add(One::one());
		if candidate > now {
			candidate
		} else {
			candidate.saturating_add(period)
		}
	}

	/// Checks the constants (run by `integrity_test`).
	pub(crate) fn do_integrity_test() {
		assert!(
			T::SeedRotationPeriod::get() >= 2u32.into(),
			"SeedRotationPeriod must be at least 2 (blocks n % period == 1 rotate the seeds)"
		);
		assert!(!T::MaxPayloadLifetime::get().is_zero(), "MaxPayloadLifetime must be at least 1");
		assert!(T::MaxMsasPerOwner::get() >= 1, "MaxMsasPerOwner must be at least 1");
		assert!(
			T::MaxPayloadsPerExpiration::get() >= 1,
			"MaxPayloadsPerExpiration must be at least 1"
		);
		assert!(
			T::MaxReservedHandles::get() as usize >= handles_rules::DEFAULT_RESERVED.len(),
			"MaxReservedHandles must hold the default reserved handles"
		);
		assert!(
			u32::try_from(handles_rules::MAX_CANONICAL_BYTES).is_ok(),
			"the canonical bound must fit u32"
		);
	}
}
