//! [`CanonicalFormV2`]: storage version 0 -> 1, the canonical forms of version 1 -> 2 of the rules
//! crate. A multi-block migration, because the number of handles on a chain has no bound that
//! fits one block: MSAs are never deleted.

#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarks;
pub mod weights;

use super::{at_version, complete, migration_id, take_within, Progress};
use crate::{
	Canonical, CoolingDown, Event, HandleRecord, HandleToMsa, MsaHandles, MsaId, Pallet,
	ReservedHandles, Suffix, LOG_TARGET,
};
use alloc::vec::Vec;
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	migrations::{MigrationId, SteppedMigration, SteppedMigrationError},
	pallet_prelude::*,
	storage_alias,
	weights::WeightMeter,
};
use frame_system::pallet_prelude::BlockNumberFor;

/// Cooldowns of the migration, under their new keys, until the records have been re-keyed.
#[storage_alias]
type StagedCooldowns<T: crate::Config> = StorageDoubleMap<
	Pallet<T>,
	Blake2_128Concat,
	Canonical,
	Blake2_128Concat,
	Suffix,
	BlockNumberFor<T>,
	OptionQuery,
>;

/// Where [`CanonicalFormV2`] stands between two steps.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum CanonicalV2Cursor {
	/// Moving cooldowns to the staging map under their new keys.
	StageCooldowns,
	/// Emptying the handle -> MSA index (it is rebuilt from the records).
	ClearIndex,
	/// Re-keying the handle records after the MSA with this id (`None`: from the first).
	Records(Option<MsaId>),
	/// Moving the staged cooldowns back, except those of pairs held or already over.
	RestoreCooldowns,
}

/// Re-keys every stored canonical form from version 1 to version 2 of the rules crate.
///
/// What it does, in steps that each fit the weight `pallet-migrations` gives them:
/// 1. the reserved list (bounded by `MaxReservedHandles`, one step) and each cooldown are put
///    under `canonical(old canonical form)`, since neither keeps the base handle it came from;
///    two cooldowns that meet keep the later end;
/// 2. the handle -> MSA index is emptied and rebuilt from the MSA records, whose canonical form is
///    recomputed from the stored base handle (exact);
/// 3. two handles whose new forms and suffix coincide: the one held longer (smaller
///    `created_at`, then the smaller MSA id) keeps the pair; the other MSA's handle is released
///    (the MSA stays, without a handle, and may take a new one with `change_handle`), and
///    `HandleReleasedByMigration` says so;
/// 4. cooldowns come back, except those of pairs that are held or whose cooldown is over;
/// 5. the storage version becomes 1.
///
/// Runs only from storage version 0; a chain at version 1 (every chain started with this code)
/// skips it. `W` prices its steps ([`weights::SubstrateWeight`] unless the runtime names others).
pub struct CanonicalFormV2<T, W = weights::SubstrateWeight<T>>(PhantomData<(T, W)>);

impl<T: crate::Config, W: weights::WeightInfo> CanonicalFormV2<T, W> {
	/// The storage version the migration starts from.
	const FROM: u16 = 0;
	/// The storage version it leaves.
	const TO: u16 = 1;

	/// The canonical form (current version) of the text `old`, bounded for storage; `None` when
	/// it would not fit (then the entry keeps its old key, defensively).
	fn rekey(old: &[u8]) -> Option<Canonical> {
		let text = core::str::from_utf8(old).ok()?;
		Canonical::try_from(handles_rules::canonical(text).into_bytes()).ok()
	}

	/// Re-keys the reserved list in one step (it is bounded by `MaxReservedHandles`).
	fn rekey_reserved() {
		let old: Vec<Canonical> = ReservedHandles::<T>::drain().map(|(k, ())| k).collect();
		for key in old {
			let new = Self::rekey(&key).unwrap_or_else(|| {
				defensive!("a reserved canonical form re-keys within its bound");
				key
			});
			ReservedHandles::<T>::insert(new, ());
		}
	}

	/// Puts the cooldown of `(old, suffix)` until `at` under its new key in the staging map.
	fn stage_cooldown(old: Canonical, suffix: Suffix, at: BlockNumberFor<T>) {
		let new = Self::rekey(&old).unwrap_or(old);
		let end = StagedCooldowns::<T>::get(&new, suffix).map_or(at, |staged| staged.max(at));
		StagedCooldowns::<T>::insert(new, suffix, end);
	}

	/// Re-keys the record of `msa_id` from its base handle; resolves a collision with the MSA
	/// already holding the new pair.
	fn rekey_record(msa_id: MsaId, mut record: HandleRecord<BlockNumberFor<T>>) {
		match Self::rekey(&record.base) {
			Some(canonical) => record.canonical = canonical,
			None => {
				defensive!("the canonical form of a stored base fits its bound");
			}
		}
		if let Some(holder) = HandleToMsa::<T>::get(&record.canonical, record.suffix) {
			match MsaHandles::<T>::get(holder) {
				Some(held) if (held.created_at, holder) <= (record.created_at, msa_id) => {
					MsaHandles::<T>::remove(msa_id);
					Self::released(msa_id, &record, holder);
					return;
				}
				Some(held) => {
					MsaHandles::<T>::remove(holder);
					Self::released(holder, &held, msa_id);
				}
				None => {
					defensive!("the index points at an MSA with a handle");
				}
			}
		}
		HandleToMsa::<T>::insert(&record.canonical, record.suffix, msa_id);
		MsaHandles::<T>::insert(msa_id, record);
	}

	/// Emits `HandleReleasedByMigration` for the MSA `msa_id`, which held `record`.
	fn released(msa_id: MsaId, record: &HandleRecord<BlockNumberFor<T>>, held_by: MsaId) {
		log::info!(
			target: LOG_TARGET,
			"canonical-form migration: {} released by MSA {msa_id}, held by MSA {held_by}",
			record.base_str(),
		);
		Pallet::<T>::deposit_event(Event::HandleReleasedByMigration {
			msa_id,
			handle: record.display(),
			held_by,
		});
	}
}

impl<T: crate::Config, W: weights::WeightInfo> SteppedMigration for CanonicalFormV2<T, W> {
	type Cursor = CanonicalV2Cursor;
	type Identifier = MigrationId<15>;

	fn id() -> Self::Identifier {
		migration_id(b"handles-canonic", Self::FROM, Self::TO)
	}

	fn step(
		cursor: Option<Self::Cursor>,
		meter: &mut WeightMeter,
	) -> Result<Option<Self::Cursor>, SteppedMigrationError> {
		if !at_version::<T>(Self::FROM) {
			return Ok(None);
		}
		let mut cursor = match cursor {
			Some(c) => c,
			None => {
				let required = W::rekey_reserved(T::MaxReservedHandles::get());
				if meter.try_consume(required).is_err() {
					return Err(SteppedMigrationError::InsufficientWeight { required });
				}
				Self::rekey_reserved();
				CanonicalV2Cursor::StageCooldowns
			}
		};
		// Each phase takes one iterator per step: it continues from the last key instead of
		// rescanning the keys this block removed.
		loop {
			cursor = match cursor {
				CanonicalV2Cursor::StageCooldowns => {
					let cooldowns = CoolingDown::<T>::drain();
					let staged = take_within(meter, W::stage_cooldown(), cooldowns, |entry| {
						let (old, suffix, at) = entry;
						Self::stage_cooldown(old, suffix, at);
						Ok(())
					})?;
					if staged == Progress::OutOfWeight {
						return Ok(Some(cursor));
					}
					CanonicalV2Cursor::ClearIndex
				}
				CanonicalV2Cursor::ClearIndex => {
					let index = HandleToMsa::<T>::drain();
					if take_within(meter, W::clear_index_entry(), index, |_| Ok(()))?
						== Progress::OutOfWeight
					{
						return Ok(Some(cursor));
					}
					CanonicalV2Cursor::Records(None)
				}
				CanonicalV2Cursor::Records(mut last) => {
					let records = match last {
						Some(id) => MsaHandles::<T>::iter_from(MsaHandles::<T>::hashed_key_for(id)),
						None => MsaHandles::<T>::iter(),
					};
					let rekeyed = take_within(meter, W::rekey_record(), records, |entry| {
						let (msa_id, record) = entry;
						Self::rekey_record(msa_id, record);
						last = Some(msa_id);
						Ok(())
					})?;
					if rekeyed == Progress::OutOfWeight {
						return Ok(Some(CanonicalV2Cursor::Records(last)));
					}
					CanonicalV2Cursor::RestoreCooldowns
				}
				CanonicalV2Cursor::RestoreCooldowns => {
					let now = Pallet::<T>::now();
					let staged = StagedCooldowns::<T>::drain();
					let restored = take_within(meter, W::restore_cooldown(), staged, |entry| {
						let (canonical, suffix, at) = entry;
						if at > now && !HandleToMsa::<T>::contains_key(&canonical, suffix) {
							CoolingDown::<T>::insert(canonical, suffix, at);
						}
						Ok(())
					})?;
					if restored == Progress::OutOfWeight {
						return Ok(Some(cursor));
					}
					let version = handles_rules::CANONICAL_VERSION;
					complete::<T>(
						Self::TO,
						format_args!("canonical forms migrated to version {version}"),
					);
					return Ok(None);
				}
			};
		}
	}

	upgrade_checks_under_try_runtime!();
}

/// What the check after [`CanonicalFormV2`] compares with.
#[cfg(any(feature = "try-runtime", test))]
#[derive(Encode, Decode)]
struct Before {
	/// The MSAs that held a handle.
	holders: Vec<MsaId>,
	/// The entries of the reserved list.
	reserved: u32,
}

#[cfg(any(feature = "try-runtime", test))]
impl<T: crate::Config, W: weights::WeightInfo> super::UpgradeChecks for CanonicalFormV2<T, W> {
	fn before() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		Ok(super::state_before::<T, _>(Self::FROM, || Before {
			holders: MsaHandles::<T>::iter_keys().collect(),
			reserved: ReservedHandles::<T>::count(),
		}))
	}

	/// Every MSA that held a handle holds it under the canonical form of its base and is indexed
	/// there, or had it released (the MSA stays); the index holds nothing else; no held pair
	/// cools down; the reserved list did not grow; the storage version is 1.
	fn after(before: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let Some(before) = super::state_after::<T, Before>(&before, Self::TO)? else {
			return Ok(());
		};
		let mut held = 0usize;
		for msa_id in before.holders {
			let Some(record) = MsaHandles::<T>::get(msa_id) else {
				ensure!(
					crate::MsaOwner::<T>::contains_key(msa_id),
					"the MSA of a released handle is gone"
				);
				continue;
			};
			ensure!(
				handles_rules::canonical(record.base_str()).as_bytes() == &record.canonical[..],
				"a record keeps a canonical form other than its base's"
			);
			ensure!(
				HandleToMsa::<T>::get(&record.canonical, record.suffix) == Some(msa_id),
				"a re-keyed record is not in the index"
			);
			held = held.saturating_add(1);
		}
		ensure!(MsaHandles::<T>::iter_keys().count() == held, "the migration made up a record");
		ensure!(HandleToMsa::<T>::iter_keys().count() == held, "the index keeps a stale entry");
		for (canonical, suffix, _) in CoolingDown::<T>::iter() {
			ensure!(!HandleToMsa::<T>::contains_key(&canonical, suffix), "a held pair cools down");
		}
		ensure!(ReservedHandles::<T>::count() <= before.reserved, "the reserved list grew");
		Ok(())
	}
}
