//! Runs the migrations in the mock as `pallet-migrations` runs them, step by step, with the
//! checks that `try-runtime` runs before and after each (`UpgradeChecks`).

use crate::{
	migrations::{CanonicalFormV2, PruningQueues, UpgradeChecks},
	mock::*,
	Canonical,
};
use frame_support::{
	traits::{GetStorageVersion, StorageVersion},
	weights::{Weight, WeightMeter},
};

/// `s` as a storage key, as it stands (an old canonical form, not today's).
pub fn stale(s: &str) -> Canonical {
	Canonical::try_from(s.as_bytes().to_vec()).expect("fits")
}

/// Runs the migration `M` to its end with `limit` per step, its checks before and after; returns
/// the number of steps.
pub fn run_steps<M: UpgradeChecks>(limit: Weight) -> u32 {
	let before = M::before().expect("the state before the migration is taken");
	let mut cursor = None;
	let mut steps = 0;
	loop {
		let mut meter = WeightMeter::with_limit(limit);
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
	let steps = run_steps::<CanonicalFormV2<Test>>(limit);
	run_steps::<PruningQueues<Test>>(limit);
	assert_eq!(Handles::on_chain_storage_version(), StorageVersion::new(2));
	steps
}
