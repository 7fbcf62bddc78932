//! Storage migrations of the pallet.
//!
//! - [`CanonicalFormV2`]: storage version 0 -> 1, canonical forms of version 1 -> 2 of the rules
//!   crate. A multi-block migration (run by `pallet-migrations`), because the number of handles
//!   on a chain has no bound that fits one block: MSAs are never deleted.
//! - [`PruningQueues`]: storage version 1 -> 2, the replay store without per-expiration quota and
//!   the cooldowns, both pruned through queues. Multi-block as well (cooldowns have no bound).
//!
//! A chain at version 0 runs both, in this order (the runtime lists them so).

use crate::{pruning::push, *};
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
type StagedCooldowns<T: Config> = StorageDoubleMap<
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
/// skips it.
pub struct CanonicalFormV2<T>(PhantomData<T>);

/// The storage version the migration starts from.
const FROM: u16 = 0;
/// The storage version it leaves.
const TO: u16 = 1;

impl<T: Config> CanonicalFormV2<T> {
	/// Weight of moving one cooldown (one read and removal, one read and write of the other map).
	fn cooldown_weight() -> Weight {
		T::DbWeight::get().reads_writes(2, 2).saturating_add(Self::canonical_weight())
	}

	/// Weight of removing one index entry.
	fn clear_weight() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}

	/// Weight of re-keying one record, with a collision (at most 3 reads, 3 writes, one event).
	fn record_weight() -> Weight {
		T::DbWeight::get().reads_writes(3, 3).saturating_add(Self::canonical_weight())
	}

	/// Weight of the reserved-list step: every entry read, removed and written again.
	fn reserved_weight() -> Weight {
		let n = u64::from(T::MaxReservedHandles::get());
		T::DbWeight::get()
			.reads_writes(n.saturating_add(1), n.saturating_mul(2).saturating_add(1))
			.saturating_add(Self::canonical_weight().saturating_mul(n))
	}

	/// Allowance for one canonical form of a stored (at most 224-byte) string, with proof size
	/// for the records it touches.
	fn canonical_weight() -> Weight {
		Weight::from_parts(
			20_000_000,
			2 * HandleRecord::<BlockNumberFor<T>>::max_encoded_len() as u64,
		)
	}

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

impl<T: Config> SteppedMigration for CanonicalFormV2<T> {
	type Cursor = CanonicalV2Cursor;
	type Identifier = MigrationId<15>;

	fn id() -> Self::Identifier {
		MigrationId {
			pallet_id: *b"handles-canonic",
			version_from: FROM as u8,
			version_to: TO as u8,
		}
	}

	fn step(
		cursor: Option<Self::Cursor>,
		meter: &mut WeightMeter,
	) -> Result<Option<Self::Cursor>, SteppedMigrationError> {
		if Pallet::<T>::on_chain_storage_version() != FROM {
			return Ok(None);
		}
		let mut cursor = match cursor {
			Some(c) => c,
			None => {
				let needed = Self::reserved_weight();
				if meter.try_consume(needed).is_err() {
					return Err(SteppedMigrationError::InsufficientWeight { required: needed });
				}
				Self::rekey_reserved();
				CanonicalV2Cursor::StageCooldowns
			}
		};
		loop {
			cursor = match cursor {
				CanonicalV2Cursor::StageCooldowns => {
					// One iterator per step: it continues from the last key instead of
					// rescanning the keys this block removed.
					let mut drain = CoolingDown::<T>::drain();
					loop {
						if meter.try_consume(Self::cooldown_weight()).is_err() {
							return Ok(Some(cursor));
						}
						let Some((old, suffix, at)) = drain.next() else { break };
						let new = Self::rekey(&old).unwrap_or(old);
						let end = StagedCooldowns::<T>::get(&new, suffix)
							.map_or(at, |staged| staged.max(at));
						StagedCooldowns::<T>::insert(new, suffix, end);
					}
					CanonicalV2Cursor::ClearIndex
				}
				CanonicalV2Cursor::ClearIndex => {
					let mut drain = HandleToMsa::<T>::drain();
					loop {
						if meter.try_consume(Self::clear_weight()).is_err() {
							return Ok(Some(cursor));
						}
						if drain.next().is_none() {
							break;
						}
					}
					CanonicalV2Cursor::Records(None)
				}
				CanonicalV2Cursor::Records(mut last) => {
					let mut iter = match last {
						Some(id) => MsaHandles::<T>::iter_from(MsaHandles::<T>::hashed_key_for(id)),
						None => MsaHandles::<T>::iter(),
					};
					loop {
						if meter.try_consume(Self::record_weight()).is_err() {
							return Ok(Some(CanonicalV2Cursor::Records(last)));
						}
						let Some((msa_id, record)) = iter.next() else { break };
						Self::rekey_record(msa_id, record);
						last = Some(msa_id);
					}
					CanonicalV2Cursor::RestoreCooldowns
				}
				CanonicalV2Cursor::RestoreCooldowns => {
					let now = Pallet::<T>::now();
					let mut drain = StagedCooldowns::<T>::drain();
					loop {
						if meter.try_consume(Self::cooldown_weight()).is_err() {
							return Ok(Some(cursor));
						}
						let Some((canonical, suffix, at)) = drain.next() else { break };
						if at > now && !HandleToMsa::<T>::contains_key(&canonical, suffix) {
							CoolingDown::<T>::insert(canonical, suffix, at);
						}
					}
					StorageVersion::new(TO).put::<Pallet<T>>();
					log::info!(
						target: LOG_TARGET,
						"canonical forms migrated to version {}",
						handles_rules::CANONICAL_VERSION
					);
					return Ok(None);
				}
			};
		}
	}
}

/// The replay store before storage version 2: `(expiration, key) -> ()`.
#[storage_alias]
type UsedPayloads<T: Config> = StorageDoubleMap<
	Pallet<T>,
	Twox64Concat,
	BlockNumberFor<T>,
	Identity,
	[u8; 32],
	(),
	OptionQuery,
>;

/// Entries per expiration of the replay store before storage version 2.
#[storage_alias]
type UsedPayloadCount<T: Config> =
	StorageMap<Pallet<T>, Twox64Concat, BlockNumberFor<T>, u32, ValueQuery>;

/// Where [`PruningQueues`] stands between two steps.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum PruningQueuesCursor {
	/// Moving the old replay entries into the new store and its queue.
	Replay,
	/// Removing the old per-expiration counts.
	Counts,
	/// Queueing the cooldowns after this raw storage key (`None`: from the first).
	Cooldowns(Option<BoundedVec<u8, ConstU32<512>>>),
}

/// Moves the replay store to [`ReplayEntries`] and its queue, and queues every cooldown.
///
/// 1. Each old replay entry whose payload has not expired moves to [`ReplayEntries`] and the end
///    of [`ReplayQueue`]; expired ones are dropped (their payloads are refused as expired).
/// 2. The per-expiration counts are removed.
/// 3. Each cooldown still running is queued in [`CooldownQueue`]; ended ones are removed.
///    They are queued in storage order, not by end block, so the last of them may hold back the
///    pruning of newer cooldowns for at most one cooldown period (the availability check does
///    not depend on pruning).
/// 4. The storage version becomes 2.
///
/// Payloads cannot take effect while it runs: `pallet-migrations` holds back every extrinsic
/// until the migration is done, so no replay check sees a half-moved store.
pub struct PruningQueues<T>(PhantomData<T>);

impl<T: Config> PruningQueues<T> {
	/// The storage version the migration starts from.
	const FROM: u16 = 1;
	/// The storage version it leaves.
	const TO: u16 = 2;

	/// Moving one replay entry: read and remove the old one, write the entry, the queue slot and
	/// the bounds.
	fn replay_weight() -> Weight {
		T::DbWeight::get().reads_writes(2, 4).saturating_add(Weight::from_parts(0, 256))
	}

	/// Removing one count.
	fn count_weight() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}

	/// Queueing or removing one cooldown (with its at most 224-byte canonical form).
	fn cooldown_weight() -> Weight {
		T::DbWeight::get().reads_writes(2, 2).saturating_add(Weight::from_parts(
			0,
			2 * CooldownQueue::<T>::hashed_key_for(0).len() as u64 + 512,
		))
	}
}

impl<T: Config> SteppedMigration for PruningQueues<T> {
	type Cursor = PruningQueuesCursor;
	type Identifier = MigrationId<14>;

	fn id() -> Self::Identifier {
		MigrationId {
			pallet_id: *b"handles-queues",
			version_from: Self::FROM as u8,
			version_to: Self::TO as u8,
		}
	}

	fn step(
		cursor: Option<Self::Cursor>,
		meter: &mut WeightMeter,
	) -> Result<Option<Self::Cursor>, SteppedMigrationError> {
		if Pallet::<T>::on_chain_storage_version() != Self::FROM {
			return Ok(None);
		}
		let now = Pallet::<T>::now();
		let mut cursor = cursor.unwrap_or(PruningQueuesCursor::Replay);
		loop {
			cursor = match cursor {
				PruningQueuesCursor::Replay => {
					let mut drain = UsedPayloads::<T>::drain();
					loop {
						if meter.try_consume(Self::replay_weight()).is_err() {
							return Ok(Some(cursor));
						}
						let Some((expiration, key, ())) = drain.next() else { break };
						if expiration >= now {
							// Not `record_payload`: nothing is pruned here, and the queue order
							// does not matter for entries that all expire within a lifetime.
							ReplayEntries::<T>::insert(key, expiration);
							push::<ReplayQueueBounds<T>, ReplayQueue<T>, _>((expiration, key));
						}
					}
					PruningQueuesCursor::Counts
				}
				PruningQueuesCursor::Counts => {
					let mut drain = UsedPayloadCount::<T>::drain();
					loop {
						if meter.try_consume(Self::count_weight()).is_err() {
							return Ok(Some(cursor));
						}
						if drain.next().is_none() {
							break;
						}
					}
					PruningQueuesCursor::Cooldowns(None)
				}
				PruningQueuesCursor::Cooldowns(last) => {
					let mut iter = match &last {
						Some(raw) => CoolingDown::<T>::iter_from(raw.to_vec()),
						None => CoolingDown::<T>::iter(),
					};
					let mut last = last;
					loop {
						if meter.try_consume(Self::cooldown_weight()).is_err() {
							return Ok(Some(PruningQueuesCursor::Cooldowns(last)));
						}
						let Some((canonical, suffix, available_at)) = iter.next() else { break };
						let raw = iter.last_raw_key().to_vec();
						if available_at > now {
							push::<CooldownQueueBounds<T>, CooldownQueue<T>, _>((
								canonical,
								suffix,
								available_at,
							));
						} else {
							CoolingDown::<T>::remove(&canonical, suffix);
						}
						match BoundedVec::try_from(raw) {
							Ok(raw) => last = Some(raw),
							Err(_) => {
								defensive!("a cooldown's storage key fits 512 bytes");
								return Err(SteppedMigrationError::Failed);
							}
						}
					}
					StorageVersion::new(Self::TO).put::<Pallet<T>>();
					log::info!(
						target: LOG_TARGET,
						"replay store and cooldowns now pruned through queues"
					);
					return Ok(None);
				}
			};
		}
	}
}
