//! [`PruningQueues`]: storage version 1 -> 2, the replay store without per-expiration quota and
//! the cooldowns, both pruned through queues. A multi-block migration, because cooldowns have no
//! bound that fits one block.

#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarks;
pub mod weights;

use super::{at_version, complete, migration_id, take_within, Progress};
use crate::{
	pruning::push, CooldownQueue, CooldownQueueBounds, CoolingDown, Pallet, ReplayEntries,
	ReplayQueue, ReplayQueueBounds,
};
#[cfg(any(feature = "try-runtime", test))]
use alloc::vec::Vec;
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	migrations::{MigrationId, SteppedMigration, SteppedMigrationError},
	pallet_prelude::*,
	storage_alias,
	weights::WeightMeter,
};
use frame_system::pallet_prelude::BlockNumberFor;

/// The longest raw storage key of a cooldown the cursor carries between steps.
pub const MAX_CURSOR_KEY_BYTES: u32 = 512;

/// The replay store before storage version 2: `(expiration, key) -> ()`.
#[storage_alias]
type UsedPayloads<T: crate::Config> = StorageDoubleMap<
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
type UsedPayloadCount<T: crate::Config> =
	StorageMap<Pallet<T>, Twox64Concat, BlockNumberFor<T>, u32, ValueQuery>;

/// Where [`PruningQueues`] stands between two steps.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum PruningQueuesCursor {
	/// Moving the old replay entries into the new store and its queue.
	Replay,
	/// Removing the old per-expiration counts.
	Counts,
	/// Queueing the cooldowns after this raw storage key (`None`: from the first).
	Cooldowns(Option<BoundedVec<u8, ConstU32<MAX_CURSOR_KEY_BYTES>>>),
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
/// until the migration is done, so no replay check sees a half-moved store. `W` prices its steps
/// ([`weights::SubstrateWeight`] unless the runtime names others).
pub struct PruningQueues<T, W = weights::SubstrateWeight<T>>(PhantomData<(T, W)>);

impl<T: crate::Config, W: weights::WeightInfo> PruningQueues<T, W> {
	/// The storage version the migration starts from.
	const FROM: u16 = 1;
	/// The storage version it leaves, from which cooldowns are queued.
	pub(crate) const TO: u16 = 2;
}

impl<T: crate::Config, W: weights::WeightInfo> SteppedMigration for PruningQueues<T, W> {
	type Cursor = PruningQueuesCursor;
	type Identifier = MigrationId<14>;

	fn id() -> Self::Identifier {
		migration_id(b"handles-queues", Self::FROM, Self::TO)
	}

	fn step(
		cursor: Option<Self::Cursor>,
		meter: &mut WeightMeter,
	) -> Result<Option<Self::Cursor>, SteppedMigrationError> {
		if !at_version::<T>(Self::FROM) {
			return Ok(None);
		}
		let now = Pallet::<T>::now();
		let mut cursor = cursor.unwrap_or(PruningQueuesCursor::Replay);
		loop {
			cursor = match cursor {
				PruningQueuesCursor::Replay => {
					let old = UsedPayloads::<T>::drain();
					let moved = take_within(meter, W::move_replay_entry(), old, |entry| {
						let (expiration, key, ()) = entry;
						if expiration >= now {
							// Not `record_payload`: nothing is pruned here, and the queue order
							// does not matter for entries that all expire within a lifetime.
							ReplayEntries::<T>::insert(key, expiration);
							push::<ReplayQueueBounds<T>, ReplayQueue<T>, _>((expiration, key));
						}
						Ok(())
					})?;
					if moved == Progress::OutOfWeight {
						return Ok(Some(cursor));
					}
					PruningQueuesCursor::Counts
				}
				PruningQueuesCursor::Counts => {
					let counts = UsedPayloadCount::<T>::drain();
					if take_within(meter, W::remove_count(), counts, |_| Ok(()))?
						== Progress::OutOfWeight
					{
						return Ok(Some(cursor));
					}
					PruningQueuesCursor::Cooldowns(None)
				}
				PruningQueuesCursor::Cooldowns(mut last) => {
					let mut iter = match &last {
						Some(raw) => CoolingDown::<T>::iter_from(raw.to_vec()),
						None => CoolingDown::<T>::iter(),
					};
					// Each cooldown with its raw key, where the next step continues.
					let cooldowns = core::iter::from_fn(|| {
						let cooldown = iter.next()?;
						Some((cooldown, iter.last_raw_key().to_vec()))
					});
					let queued = take_within(meter, W::queue_cooldown(), cooldowns, |entry| {
						let ((canonical, suffix, available_at), raw) = entry;
						if available_at > now {
							push::<CooldownQueueBounds<T>, CooldownQueue<T>, _>((
								canonical,
								suffix,
								available_at,
							));
						} else {
							CoolingDown::<T>::remove(&canonical, suffix);
						}
						let raw = BoundedVec::try_from(raw).map_err(|_| {
							defensive!("a cooldown's storage key fits 512 bytes");
							SteppedMigrationError::Failed
						})?;
						last = Some(raw);
						Ok(())
					})?;
					if queued == Progress::OutOfWeight {
						return Ok(Some(PruningQueuesCursor::Cooldowns(last)));
					}
					let done = format_args!("replay store and cooldowns now pruned through queues");
					complete::<T>(Self::TO, done);
					return Ok(None);
				}
			};
		}
	}

	upgrade_checks_under_try_runtime!();
}

/// What the check after [`PruningQueues`] compares with.
#[cfg(any(feature = "try-runtime", test))]
#[derive(Encode, Decode)]
struct Before {
	/// Entries of the old replay store and of the new one.
	replay: u64,
	/// Cooldowns, running or ended.
	cooldowns: u64,
}

#[cfg(any(feature = "try-runtime", test))]
impl<T: crate::Config, W: weights::WeightInfo> super::UpgradeChecks for PruningQueues<T, W> {
	fn before() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		Ok(super::state_before::<T, _>(Self::FROM, || Before {
			replay: (UsedPayloads::<T>::iter_keys().count()
				+ ReplayEntries::<T>::iter_keys().count()) as u64,
			cooldowns: CoolingDown::<T>::iter_keys().count() as u64,
		}))
	}

	/// The old replay store and its counts are gone; no entry was made up; and every invariant
	/// of the pallet holds (`do_try_state`: among them, every replay entry and every cooldown is
	/// queued for pruning); the storage version is 2.
	fn after(before: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let Some(before) = super::state_after::<T, Before>(&before, Self::TO)? else {
			return Ok(());
		};
		ensure!(UsedPayloads::<T>::iter_keys().next().is_none(), "an old replay entry is left");
		ensure!(UsedPayloadCount::<T>::iter_keys().next().is_none(), "an old count is left");
		ensure!(ReplayQueueBounds::<T>::get().len() <= before.replay, "replay entries appeared");
		ensure!(CooldownQueueBounds::<T>::get().len() <= before.cooldowns, "cooldowns appeared");
		Pallet::<T>::do_try_state()
	}
}
