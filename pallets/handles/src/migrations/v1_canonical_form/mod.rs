//! The re-keying of every stored canonical form to the current version of the rules crate, a
//! multi-block migration (the number of handles on a chain has no bound that fits one block: MSAs
//! are never deleted), run as two instances of [`CanonicalForm`]:
//!
//! - [`CanonicalFormV2`]: storage version 0 -> 1, canonical forms of version 1 -> 2;
//! - [`CanonicalFormV3`]: storage version 2 -> 3, canonical forms of version 2 -> 3.
//!
//! Both do the same work per entry, so they share the step weights of this module, measured by
//! its benchmarks (which run the first instance; the runtime lists them as
//! `pallet_handles_v1_canonical_form`, after the storage version that brought the migration).

#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarks;
pub mod weights;

use super::{at_version, complete, migration_id, take_within, Progress};
use crate::{
	Canonical, CooldownQueue, CooldownQueueBounds, CoolingDown, Event, HandleRecord, HandleToMsa,
	Moderated, MsaHandles, MsaId, Pallet, ReservedHandles, Suffix, LOG_TARGET,
};
use alloc::vec::Vec;
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	migrations::{MigrationId, SteppedMigration, SteppedMigrationError},
	pallet_prelude::*,
	storage::types::StorageDoubleMap,
	traits::{PalletInfoAccess, StorageInstance},
	weights::WeightMeter,
};
use frame_system::pallet_prelude::BlockNumberFor;

/// One instance of [`CanonicalForm`]: the storage versions it runs between and the names of the
/// maps it stages entries in, which no other instance uses.
pub trait Rekeying {
	/// The storage version the migration starts from.
	const FROM: u16;
	/// The storage version it leaves.
	const TO: u16;
	/// Name of the map that holds the cooldowns under their new keys between phases.
	const STAGED_COOLDOWNS: &'static str;
	/// Name of the map that holds the moderation entries under their new keys between phases.
	const STAGED_MODERATED: &'static str;
}

/// [`CanonicalFormV2`]: storage version 0 -> 1, canonical forms of version 1 -> 2.
pub enum ToFormsV2 {}

impl Rekeying for ToFormsV2 {
	const FROM: u16 = 0;
	const TO: u16 = 1;
	const STAGED_COOLDOWNS: &'static str = "StagedCooldowns";
	const STAGED_MODERATED: &'static str = "StagedModerated";
}

/// [`CanonicalFormV3`]: storage version 2 -> 3, canonical forms of version 2 -> 3.
pub enum ToFormsV3 {}

impl Rekeying for ToFormsV3 {
	const FROM: u16 = 2;
	const TO: u16 = 3;
	const STAGED_COOLDOWNS: &'static str = "StagedCooldownsV3";
	const STAGED_MODERATED: &'static str = "StagedModeratedV3";
}

/// Storage prefixes of the two staging maps of an instance: `Handles` and the name it gives.
macro_rules! staging_prefix {
	($prefix:ident, $name:ident, $what:literal) => {
		#[doc = concat!("Storage prefix of the staging map of ", $what, " of the instance `R`.")]
		pub struct $prefix<T, R>(PhantomData<(T, R)>);

		impl<T: crate::Config, R: Rekeying> StorageInstance for $prefix<T, R> {
			fn pallet_prefix() -> &'static str {
				<Pallet<T> as PalletInfoAccess>::name()
			}
			const STORAGE_PREFIX: &'static str = R::$name;
		}
	};
}

staging_prefix!(StagedCooldownsPrefix, STAGED_COOLDOWNS, "cooldowns");
staging_prefix!(StagedModeratedPrefix, STAGED_MODERATED, "moderation entries");

/// A staging map: `(canonical, suffix) -> V`, keyed as the map whose entries it holds, under the
/// prefix `P`.
type StagingMap<P, V> =
	StorageDoubleMap<P, Blake2_128Concat, Canonical, Blake2_128Concat, Suffix, V, OptionQuery>;

/// Cooldowns of the migration, under their new keys, until the records have been re-keyed.
pub(crate) type StagedCooldowns<T, R> = StagingMap<StagedCooldownsPrefix<T, R>, BlockNumberFor<T>>;

/// Moderation entries of the migration, under their new keys, until every old key is gone.
pub(crate) type StagedModerated<T, R> = StagingMap<StagedModeratedPrefix<T, R>, MsaId>;

/// Where a [`CanonicalForm`] migration stands between two steps. The indices are part of the
/// stored cursor: a chain may upgrade in the middle of a migration.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum CanonicalFormCursor {
	/// Moving cooldowns to the staging map under their new keys.
	#[codec(index = 0)]
	StageCooldowns,
	/// Re-keying the entries of the cooldown queue from this position on.
	#[codec(index = 4)]
	CooldownQueue(u64),
	/// Moving moderation entries to their staging map under their new keys.
	#[codec(index = 5)]
	StageModerated,
	/// Emptying the handle -> MSA index (it is rebuilt from the records).
	#[codec(index = 1)]
	ClearIndex,
	/// Re-keying the handle records after the MSA with this id (`None`: from the first).
	#[codec(index = 2)]
	Records(Option<MsaId>),
	/// Moving the staged cooldowns back, except those of pairs held or already over.
	#[codec(index = 3)]
	RestoreCooldowns,
	/// Moving the staged moderation entries back.
	#[codec(index = 6)]
	RestoreModerated,
}

/// Re-keys every stored canonical form to the current version of the rules crate.
///
/// What it does, in steps that each fit the weight `pallet-migrations` gives them:
/// 1. the reserved list (bounded by `MaxReservedHandles`, one step), each cooldown, each entry
///    of the cooldown queue and each moderation entry are put under `canonical(old canonical
///    form)`, since none keeps the base handle it came from; two cooldowns that meet keep the
///    later end, two moderation entries that meet the smaller MSA id;
/// 2. the handle -> MSA index is emptied and rebuilt from the MSA records, whose canonical form is
///    recomputed from the stored base handle (exact);
/// 3. two handles whose new forms and suffix coincide: the one held longer (smaller
///    `created_at`, then the smaller MSA id) keeps the pair; the other MSA's handle is released
///    (the MSA stays, without a handle, and may take a new one with `change_handle`), and
///    `HandleReleasedByMigration` says so;
/// 4. cooldowns come back, except those of pairs that are held or whose cooldown is over (their
///    queue entries stay, and pruning passes over them); moderation entries come back;
/// 5. the storage version becomes `R::TO`.
///
/// Runs only from storage version `R::FROM`; a chain at any other version skips it. `W` prices
/// its steps ([`weights::SubstrateWeight`] unless the runtime names others). The cooldown queue
/// and the moderation entries are priced as cooldowns: the same canonical form of the same keys,
/// with no more storage access per entry.
pub struct CanonicalForm<T, R, W = weights::SubstrateWeight<T>>(PhantomData<(T, R, W)>);

/// Canonical forms of version 1 -> 2 of the rules crate, storage version 0 -> 1.
pub type CanonicalFormV2<T, W = weights::SubstrateWeight<T>> = CanonicalForm<T, ToFormsV2, W>;

/// Canonical forms of version 2 -> 3 of the rules crate, storage version 2 -> 3.
pub type CanonicalFormV3<T, W = weights::SubstrateWeight<T>> = CanonicalForm<T, ToFormsV3, W>;

impl<T: crate::Config, R: Rekeying, W: weights::WeightInfo> CanonicalForm<T, R, W> {
	/// The canonical form (current version) of the text `old`, bounded for storage; `None` when
	/// it would not fit (then the entry keeps its old key, defensively).
	fn rekey(old: &[u8]) -> Option<Canonical> {
		let text = core::str::from_utf8(old).ok()?;
		Canonical::try_from(handles_rules::canonical(text).into_bytes()).ok()
	}

	/// [`Self::rekey`], or `old` itself when the new form does not fit.
	fn rekeyed(old: Canonical) -> Canonical {
		Self::rekey(&old).unwrap_or(old)
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
		let new = Self::rekeyed(old);
		let end = StagedCooldowns::<T, R>::get(&new, suffix).map_or(at, |staged| staged.max(at));
		StagedCooldowns::<T, R>::insert(new, suffix, end);
	}

	/// Puts the entry of the cooldown queue at `position` under its new key, in place.
	fn rekey_queued_cooldown(position: u64) {
		CooldownQueue::<T>::mutate_extant(position, |(canonical, _, _)| {
			if let Some(new) = Self::rekey(canonical) {
				*canonical = new;
			}
		});
	}

	/// Puts the moderation of `(old, suffix)` for `msa_id` under its new key in the staging map.
	fn stage_moderated(old: Canonical, suffix: Suffix, msa_id: MsaId) {
		let new = Self::rekeyed(old);
		let kept = StagedModerated::<T, R>::get(&new, suffix).map_or(msa_id, |s| s.min(msa_id));
		StagedModerated::<T, R>::insert(new, suffix, kept);
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

/// [`take_within`] for a phase whose entries cannot fail: hands each entry to `migrate` while
/// the meter pays `weight` for it.
fn each<I: Iterator>(
	meter: &mut WeightMeter,
	weight: Weight,
	entries: I,
	mut migrate: impl FnMut(I::Item),
) -> Result<Progress, SteppedMigrationError> {
	take_within(meter, weight, entries, |entry| {
		migrate(entry);
		Ok(())
	})
}

impl<T: crate::Config, R: Rekeying, W: weights::WeightInfo> SteppedMigration
	for CanonicalForm<T, R, W>
{
	type Cursor = CanonicalFormCursor;
	type Identifier = MigrationId<15>;

	fn id() -> Self::Identifier {
		migration_id(b"handles-canonic", R::FROM, R::TO)
	}

	fn step(
		cursor: Option<Self::Cursor>,
		meter: &mut WeightMeter,
	) -> Result<Option<Self::Cursor>, SteppedMigrationError> {
		if !at_version::<T>(R::FROM) {
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
				CanonicalFormCursor::StageCooldowns
			}
		};
		// Each phase takes one iterator per step: it continues from the last key instead of
		// rescanning the keys this block removed. A phase the meter stops ends the step, to go on
		// from its cursor in the next.
		loop {
			cursor = match cursor {
				CanonicalFormCursor::StageCooldowns => {
					let cooldowns = CoolingDown::<T>::drain();
					if each(meter, W::stage_cooldown(), cooldowns, |(old, suffix, at)| {
						Self::stage_cooldown(old, suffix, at)
					})? == Progress::OutOfWeight
					{
						return Ok(Some(cursor));
					}
					CanonicalFormCursor::CooldownQueue(CooldownQueueBounds::<T>::get().head)
				}
				CanonicalFormCursor::CooldownQueue(mut next) => {
					let positions = next..CooldownQueueBounds::<T>::get().tail;
					if each(meter, W::stage_cooldown(), positions, |position| {
						Self::rekey_queued_cooldown(position);
						next = position.saturating_add(1);
					})? == Progress::OutOfWeight
					{
						return Ok(Some(CanonicalFormCursor::CooldownQueue(next)));
					}
					CanonicalFormCursor::StageModerated
				}
				CanonicalFormCursor::StageModerated => {
					let moderated = Moderated::<T>::drain();
					if each(meter, W::stage_cooldown(), moderated, |(old, suffix, msa_id)| {
						Self::stage_moderated(old, suffix, msa_id)
					})? == Progress::OutOfWeight
					{
						return Ok(Some(cursor));
					}
					CanonicalFormCursor::ClearIndex
				}
				CanonicalFormCursor::ClearIndex => {
					let index = HandleToMsa::<T>::drain();
					if each(meter, W::clear_index_entry(), index, |_| ())? == Progress::OutOfWeight
					{
						return Ok(Some(cursor));
					}
					CanonicalFormCursor::Records(None)
				}
				CanonicalFormCursor::Records(mut last) => {
					let records = match last {
						Some(id) => MsaHandles::<T>::iter_from(MsaHandles::<T>::hashed_key_for(id)),
						None => MsaHandles::<T>::iter(),
					};
					if each(meter, W::rekey_record(), records, |(msa_id, record)| {
						Self::rekey_record(msa_id, record);
						last = Some(msa_id);
					})? == Progress::OutOfWeight
					{
						return Ok(Some(CanonicalFormCursor::Records(last)));
					}
					CanonicalFormCursor::RestoreCooldowns
				}
				CanonicalFormCursor::RestoreCooldowns => {
					let now = Pallet::<T>::now();
					let staged = StagedCooldowns::<T, R>::drain();
					if each(meter, W::restore_cooldown(), staged, |(canonical, suffix, at)| {
						if at > now && !HandleToMsa::<T>::contains_key(&canonical, suffix) {
							CoolingDown::<T>::insert(canonical, suffix, at);
						}
					})? == Progress::OutOfWeight
					{
						return Ok(Some(cursor));
					}
					CanonicalFormCursor::RestoreModerated
				}
				CanonicalFormCursor::RestoreModerated => {
					let staged = StagedModerated::<T, R>::drain();
					if each(meter, W::restore_cooldown(), staged, |(canonical, suffix, msa_id)| {
						Moderated::<T>::insert(canonical, suffix, msa_id)
					})? == Progress::OutOfWeight
					{
						return Ok(Some(cursor));
					}
					let version = handles_rules::CANONICAL_VERSION;
					let done = format_args!("canonical forms migrated to version {version}");
					complete::<T>(R::TO, done);
					return Ok(None);
				}
			};
		}
	}

	upgrade_checks_under_try_runtime!();
}

/// What the check after a [`CanonicalForm`] migration compares with.
#[cfg(any(feature = "try-runtime", test))]
#[derive(Encode, Decode)]
struct Before {
	/// The MSAs that held a handle.
	holders: Vec<MsaId>,
	/// The entries of the reserved list.
	reserved: u32,
	/// The moderation entries.
	moderated: u32,
}

#[cfg(any(feature = "try-runtime", test))]
impl<T: crate::Config, R: Rekeying, W: weights::WeightInfo> super::UpgradeChecks
	for CanonicalForm<T, R, W>
{
	fn before() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		Ok(super::state_before::<T, _>(R::FROM, || Before {
			holders: MsaHandles::<T>::iter_keys().collect(),
			reserved: ReservedHandles::<T>::count(),
			moderated: Moderated::<T>::iter_keys().count() as u32,
		}))
	}

	/// Every MSA that held a handle holds it under the canonical form of its base and is indexed
	/// there, or had it released (the MSA stays); the index holds nothing else; no held pair
	/// cools down; every cooldown and moderation entry is under a canonical form of today; the
	/// reserved list and the moderation entries did not grow; the staging maps are empty; the
	/// storage version is `R::TO`. From storage version 2 on (cooldowns queued), every invariant
	/// of the pallet holds too (`do_try_state`: among them, every cooldown is queued with its
	/// new key).
	fn after(before: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let Some(before) = super::state_after::<T, Before>(&before, R::TO)? else {
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
		let today = |canonical: &Canonical| Self::rekey(canonical).as_ref() == Some(canonical);
		for (canonical, suffix, _) in CoolingDown::<T>::iter() {
			ensure!(!HandleToMsa::<T>::contains_key(&canonical, suffix), "a held pair cools down");
			ensure!(today(&canonical), "a cooldown keeps an old canonical form");
		}
		let mut moderated = 0u32;
		for (canonical, _, _) in Moderated::<T>::iter() {
			ensure!(today(&canonical), "a moderation entry keeps an old canonical form");
			moderated = moderated.saturating_add(1);
		}
		ensure!(moderated <= before.moderated, "moderation entries appeared");
		ensure!(ReservedHandles::<T>::count() <= before.reserved, "the reserved list grew");
		ensure!(
			StagedCooldowns::<T, R>::iter_keys().next().is_none()
				&& StagedModerated::<T, R>::iter_keys().next().is_none(),
			"a staging map keeps entries"
		);
		if R::FROM >= super::PruningQueues::<T>::TO {
			Pallet::<T>::do_try_state()?;
		}
		Ok(())
	}
}
