//! Storage migrations of the pallet, one module per migration, each laid out alike:
//!
//! - the migration itself, a `SteppedMigration` run by `pallet-migrations` (none of them fits one
//!   block), with the cursor it keeps between steps;
//! - `weights.rs`: a `WeightInfo` trait with the weight of each unit of work of its steps (one
//!   entry of a phase), and `SubstrateWeight`, the figures it runs with;
//! - `benchmarks.rs` (feature `runtime-benchmarks`): benchmarks of one step each, given the
//!   weight of exactly one entry, which `scripts/benchmark` turns into `weights.rs`;
//! - the checks before and after it: `pre_upgrade`/`post_upgrade` under `try-runtime`, which the
//!   tests run around every migration too (`UpgradeChecks`).
//!
//! The migrations, in the order the runtime lists them (each runs only from its storage version,
//! so a chain at version 0 runs all four, and one at version 3 the last):
//!
//! - [`CanonicalFormV2`], storage version 0 -> 1: canonical forms of version 1 -> 2 of the rules
//!   crate;
//! - [`PruningQueues`] ([`v2_pruning_queues`]), storage version 1 -> 2: the replay store without
//!   per-expiration quota and the cooldowns, both pruned through queues;
//! - [`CanonicalFormV3`], storage version 2 -> 3: canonical forms of version 2 -> 3;
//! - [`LegacyPayloadDeadline`] ([`v3_legacy_deadline`]), storage version 3 -> 4: the settings
//!   gain the last block of legacy (SCALE) payload signatures. One value: a single step, so no
//!   weights or benchmarks of its own (it is priced with the runtime's database weights).
//!
//! The two canonical-form migrations are one implementation, [`v1_canonical_form::CanonicalForm`]
//! (named after the storage version that first brought it), with one instance per change of the
//! rules crate: each has its own id and staging maps, and both share the step weights and
//! benchmarks of [`v1_canonical_form`]. The next change of canonical forms is one more instance
//! (a [`v1_canonical_form::Rekeying`] from the storage version of the day) listed last.

/// `pre_upgrade` and `post_upgrade` of a migration's `SteppedMigration`, under `try-runtime`: they
/// run its [`UpgradeChecks`].
macro_rules! upgrade_checks_under_try_runtime {
	() => {
		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			<Self as $crate::migrations::UpgradeChecks>::before()
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(before: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			<Self as $crate::migrations::UpgradeChecks>::after(before)
		}
	};
}

pub mod v1_canonical_form;
pub mod v2_pruning_queues;
pub mod v3_legacy_deadline;

pub use v1_canonical_form::{CanonicalFormCursor, CanonicalFormV2, CanonicalFormV3};
pub use v2_pruning_queues::{PruningQueues, PruningQueuesCursor};
pub use v3_legacy_deadline::LegacyPayloadDeadline;

use crate::{Config, Pallet, LOG_TARGET};
use frame_support::{
	migrations::{MigrationId, SteppedMigrationError},
	traits::{GetStorageVersion, StorageVersion},
	weights::{Weight, WeightMeter},
};

/// Where a phase of a step stopped.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Progress {
	/// The phase handled its last entry: the next phase may start in the same step.
	Done,
	/// The meter could not pay for another entry: the step ends, and the next one resumes the
	/// phase.
	OutOfWeight,
}

/// Hands the entries of `entries` to `migrate` while `meter` pays `weight` for each. The weight
/// is paid before each entry is read, so finding that none is left costs one entry's weight too.
/// An error of `migrate` ends the step at once (`pallet-migrations` rolls the step back).
pub(crate) fn take_within<I: Iterator>(
	meter: &mut WeightMeter,
	weight: Weight,
	mut entries: I,
	mut migrate: impl FnMut(I::Item) -> Result<(), SteppedMigrationError>,
) -> Result<Progress, SteppedMigrationError> {
	loop {
		if meter.try_consume(weight).is_err() {
			return Ok(Progress::OutOfWeight);
		}
		let Some(entry) = entries.next() else { return Ok(Progress::Done) };
		migrate(entry)?;
	}
}

/// The id of the migration `pallet_id` from storage version `from` to `to`.
pub(crate) fn migration_id<const N: usize>(
	pallet_id: &[u8; N],
	from: u16,
	to: u16,
) -> MigrationId<N> {
	MigrationId { pallet_id: *pallet_id, version_from: from as u8, version_to: to as u8 }
}

/// Whether the chain is at storage version `from`: a migration from it runs, any other skips it.
pub(crate) fn at_version<T: Config>(from: u16) -> bool {
	Pallet::<T>::on_chain_storage_version() == from
}

/// Ends a migration: the storage version becomes `to`, and the log says what it did.
pub(crate) fn complete<T: Config>(to: u16, what: core::fmt::Arguments) {
	StorageVersion::new(to).put::<Pallet<T>>();
	log::info!(target: LOG_TARGET, "{what}");
}

/// The checks of a migration: `pre_upgrade` and `post_upgrade` of its `SteppedMigration` run
/// them under `try-runtime`, and the tests run them around every migration they run.
#[cfg(any(feature = "try-runtime", test))]
pub(crate) trait UpgradeChecks: frame_support::migrations::SteppedMigration {
	/// Takes what [`Self::after`] compares with, before the first step (empty when the chain is
	/// not at the storage version the migration starts from, so it will not run).
	fn before() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError>;

	/// Checks the storage after the last step against `before`.
	fn after(before: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError>;
}

/// For [`UpgradeChecks::before`]: the state `take` reads, encoded, when the chain is at storage
/// version `from` (the migration will run); `None` encoded otherwise.
#[cfg(any(feature = "try-runtime", test))]
pub(crate) fn state_before<T: Config, S: codec::Encode>(
	from: u16,
	take: impl FnOnce() -> S,
) -> alloc::vec::Vec<u8> {
	use codec::Encode;
	at_version::<T>(from).then(take).encode()
}

/// For [`UpgradeChecks::after`]: the state [`state_before`] took, `None` when the migration did
/// not run (nothing to check); an error when the storage version it left is not `to`.
#[cfg(any(feature = "try-runtime", test))]
pub(crate) fn state_after<T: Config, S: codec::Decode>(
	before: &[u8],
	to: u16,
) -> Result<Option<S>, sp_runtime::TryRuntimeError> {
	use codec::Decode;
	let before = Option::<S>::decode(&mut &before[..])
		.map_err(|_| "the state taken before a migration does not decode")?;
	if before.is_some() {
		frame_support::ensure!(at_version::<T>(to), "a migration left another storage version");
	}
	Ok(before)
}
