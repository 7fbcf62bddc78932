//! Block hooks: seed rotation, integrity test (pruning: `pruning.rs`).

use crate::*;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{One, Saturating, Zero};

/// Most proof size any hook of the pallet may use in its worst case (checked by
/// `integrity_test`): 1 MiB, a fifth of a parachain block's proof budget.
pub const MAX_HOOK_PROOF_SIZE: u64 = 1024 * 1024;

impl<T: Config> Pallet<T> {
	/// `on_initialize` of block `n`: rotates the seeds when `n % SeedRotationPeriod == 1`.
	/// Returns the weight used. (Pruning happens in the calls and in `on_idle`.)
	pub(crate) fn do_on_initialize(n: BlockNumberFor<T>) -> Weight {
		if Self::is_rotation_block(n) {
			Self::rotate_seeds();
			T::WeightInfo::rotate_seeds()
		} else {
			Weight::zero()
		}
	}

	/// Whether block `n` rotates the seeds.
	pub(crate) fn is_rotation_block(n: BlockNumberFor<T>) -> bool {
		let period = T::SeedRotationPeriod::get();
		!period.is_zero() && n % period == One::one()
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
		let max_block = T::BlockWeights::get().max_block;
		for (hook, worst) in [
			("on_initialize", T::WeightInfo::rotate_seeds()),
			("on_idle", Self::on_idle_worst_case()),
		] {
			assert!(
				worst.all_lte(max_block),
				"the worst case of {hook} ({worst:?}) must fit a block ({max_block:?})"
			);
			assert!(
				worst.proof_size() <= MAX_HOOK_PROOF_SIZE,
				"the worst-case proof of {hook} ({} B) must stay within {MAX_HOOK_PROOF_SIZE} B",
				worst.proof_size()
			);
		}
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
