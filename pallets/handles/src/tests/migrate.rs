//! Runs the migrations in the mock as `pallet-migrations` runs them, step by step, with the
//! checks that `try-runtime` runs before and after each (`UpgradeChecks`).

use crate::{
	migrations::{CanonicalFormV2, PruningQueues, UpgradeChecks},
	mock::*,
	Canonical,
};
use frame_support::{
	traits::{GetStorageVersion, PalletInfoAccess, StorageVersion},
	weights::{Weight, WeightMeter},
};

/// `s` as a storage key, as it stands (an old canonical form, not today's).
pub fn stale(s: &str) -> Canonical {
	Canonical::try_from(s.as_bytes().to_vec()).expect("fits")
}

/// Runs the migration `M` to its end with `limit` per step, its checks before and after; returns
/// the number of steps.
pub fn run_steps<M: UpgradeChecks>(limit: Weight) -> u32 {
	run_steps_with::<M>(limit, limit)
}

/// [`run_steps`] with `first` for the first step and `then` for each later one.
pub fn run_steps_with<M: UpgradeChecks>(first: Weight, then: Weight) -> u32 {
	let before = M::before().expect("the state before the migration is taken");
	let mut cursor = None;
	let mut steps = 0;
	loop {
		let mut meter = WeightMeter::with_limit(if steps == 0 { first } else { then });
		cursor = M::step(cursor, &mut meter).expect("step succeeds");
		steps += 1;
		if cursor.is_none() {
			M::after(before).expect("the checks after the migration hold");
			return steps;
		}
		assert!(steps < 10_000, "migration makes progress");
	}
}

/// Runs the runtime's migrations in order with `limit` per step; returns the number of steps
/// of the canonical-form migration.
pub fn migrate(limit: Weight) -> u32 {
	migrate_with(limit, limit)
}

/// [`migrate`] with `first` for the first step of each migration and `then` for each later one.
pub fn migrate_with(first: Weight, then: Weight) -> u32 {
	let steps = run_steps_with::<CanonicalFormV2<Test>>(first, then);
	run_steps_with::<PruningQueues<Test>>(first, then);
	assert_eq!(Handles::on_chain_storage_version(), StorageVersion::new(2));
	steps
}

/// Raw storage entries, key and value, in key order.
pub type StorageEntries = Vec<(Vec<u8>, Vec<u8>)>;

/// The whole state a migration leaves: every key and value under the pallet's prefix (records,
/// index, reserved list, cooldowns, replay entries, queues, storage version) and every event, so
/// two runs can be compared entry by entry.
pub fn pallet_state() -> (StorageEntries, Vec<RuntimeEvent>) {
	let prefix = sp_io::hashing::twox_128(Handles::name().as_bytes()).to_vec();
	let mut entries = Vec::new();
	let mut key = prefix.clone();
	while let Some(next) = sp_io::storage::next_key(&key).filter(|k| k.starts_with(&prefix)) {
		let value = sp_io::storage::get(&next).expect("an iterated key has a value").to_vec();
		entries.push((next.clone(), value));
		key = next;
	}
	(entries, System::events().into_iter().map(|r| r.event).collect())
}
