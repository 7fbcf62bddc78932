//! [`LegacyPayloadDeadline`]: storage version 3 -> 4, the settings gain the last block at which
//! signatures over the legacy (SCALE) message of a payload are accepted. One value rewritten:
//! a single step, run by `pallet-migrations` after the migrations before it (a chain at storage
//! version 2 re-keys its canonical forms first, then gets the deadline).

use super::{at_version, complete, migration_id};
use crate::{HandleSettings, Pallet, DEFAULT_LEGACY_PAYLOAD_GRACE};
#[cfg(any(feature = "try-runtime", test))]
use alloc::vec::Vec;
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	migrations::{MigrationId, SteppedMigration, SteppedMigrationError},
	pallet_prelude::*,
	weights::WeightMeter,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::Saturating;

/// The settings before storage version 4.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct SettingsV3<BlockNumber> {
	/// Smallest suffix of new claims.
	pub suffix_min: u32,
	/// Largest suffix of new claims.
	pub suffix_max: u32,
	/// Blocks a retired pair stays unavailable.
	pub reuse_cooldown: BlockNumber,
}

/// [`HandleSettings`] as stored before storage version 4, if stored.
pub(crate) fn old_settings<T: crate::Config>() -> Option<SettingsV3<BlockNumberFor<T>>> {
	frame_support::storage::unhashed::get(&HandleSettings::<T>::hashed_key())
}

/// Gives the settings their `legacy_payload_deadline`: the block the migration runs in plus
/// [`DEFAULT_LEGACY_PAYLOAD_GRACE`] (100_800 blocks, a week of 6-second blocks), so that
/// payloads signed in the legacy form before the upgrade, and wallets not yet on the readable
/// text, keep working for that long; governance moves it with `set_legacy_payload_deadline`.
/// Suffix range and cooldown are kept. Settings never stored (a chain that kept the defaults)
/// get the defaults with that deadline. The storage version becomes 4.
///
/// One step, weighed as two reads and two writes (the storage version and the settings); it
/// waits for a block with that much weight left.
pub struct LegacyPayloadDeadline<T>(PhantomData<T>);

impl<T: crate::Config> LegacyPayloadDeadline<T> {
	/// The storage version the migration starts from.
	const FROM: u16 = 3;
	/// The storage version it leaves.
	const TO: u16 = 4;

	/// The weight of its one step.
	pub fn step_weight() -> Weight {
		T::DbWeight::get().reads_writes(2, 2)
	}
}

impl<T: crate::Config> SteppedMigration for LegacyPayloadDeadline<T> {
	type Cursor = ();
	type Identifier = MigrationId<16>;

	fn id() -> Self::Identifier {
		migration_id(b"handles-deadline", Self::FROM, Self::TO)
	}

	fn max_steps() -> Option<u32> {
		Some(1)
	}

	fn step(
		_cursor: Option<Self::Cursor>,
		meter: &mut WeightMeter,
	) -> Result<Option<Self::Cursor>, SteppedMigrationError> {
		if !at_version::<T>(Self::FROM) {
			return Ok(None);
		}
		let required = Self::step_weight();
		if meter.try_consume(required).is_err() {
			return Err(SteppedMigrationError::InsufficientWeight { required });
		}
		let deadline = Pallet::<T>::now().saturating_add(DEFAULT_LEGACY_PAYLOAD_GRACE.into());
		let mut settings = crate::DefaultSettings::<T>::get();
		if let Some(SettingsV3 { suffix_min, suffix_max, reuse_cooldown }) = old_settings::<T>() {
			settings.suffix_min = suffix_min;
			settings.suffix_max = suffix_max;
			settings.reuse_cooldown = reuse_cooldown;
		}
		settings.legacy_payload_deadline = deadline;
		HandleSettings::<T>::put(settings);
		complete::<T>(Self::TO, format_args!("legacy payloads accepted until block {deadline:?}"));
		Ok(None)
	}

	upgrade_checks_under_try_runtime!();
}

#[cfg(any(feature = "try-runtime", test))]
impl<T: crate::Config> super::UpgradeChecks for LegacyPayloadDeadline<T> {
	fn before() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		Ok(super::state_before::<T, _>(Self::FROM, || (old_settings::<T>(), Pallet::<T>::now())))
	}

	/// The suffix range and cooldown are those of before (the defaults if none were stored), the
	/// deadline lies [`DEFAULT_LEGACY_PAYLOAD_GRACE`] blocks after the block it ran in, and the
	/// settings decode in their new form; the storage version is 4.
	fn after(before: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		type Before<T> = (Option<SettingsV3<BlockNumberFor<T>>>, BlockNumberFor<T>);
		let Some((old, at)) = super::state_after::<T, Before<T>>(&before, Self::TO)? else {
			return Ok(());
		};
		let raw = HandleSettings::<T>::hashed_key();
		let stored = frame_support::storage::unhashed::get::<
			crate::HandleSettingsRecord<BlockNumberFor<T>>,
		>(&raw)
		.ok_or("the settings do not decode in their new form")?;
		let defaults = crate::DefaultSettings::<T>::get();
		let (min, max, cooldown) = match old {
			Some(o) => (o.suffix_min, o.suffix_max, o.reuse_cooldown),
			None => (defaults.suffix_min, defaults.suffix_max, defaults.reuse_cooldown),
		};
		ensure!(
			(stored.suffix_min, stored.suffix_max, stored.reuse_cooldown) == (min, max, cooldown),
			"the suffix range or the cooldown changed"
		);
		ensure!(
			stored.legacy_payload_deadline
				>= at.saturating_add(DEFAULT_LEGACY_PAYLOAD_GRACE.into()),
			"the deadline lies less than the grace after the upgrade"
		);
		Ok(())
	}
}
