//! The pallet's invariants, checked by `try_state` and at the end of every test.

use crate::*;
use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::Get};
use sp_runtime::{traits::Saturating, TryRuntimeError};

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the pallet's storage:
	///
	/// 1. `HandleToMsa` and `MsaHandles` are exact inverses, and every record is consistent (its
	///    canonical form is the canonical form of its base, its display handle fits).
	/// 2. Every MSA with a handle has an owner; every MSA appears in exactly its owner's list; the
	///    lists are ascending, non-empty and hold only existing MSAs.
	/// 3. No active handle is cooling down.
	/// 4. The pruning queues: each spans exactly its bounds; every replay entry is queued with
	///    its expiration (at most `now + MaxPayloadLifetime`) and every cooldown with its end
	///    block, so both are pruned eventually.
	/// 5. The settings hold a valid range; the reserved list fits its bound.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let now = Self::now();

		// 1. The handle maps are exact inverses.
		let mut handles = 0u32;
		for (canonical, suffix, msa_id) in HandleToMsa::<T>::iter() {
			let record =
				MsaHandles::<T>::get(msa_id).ok_or("handle points at an MSA without handle")?;
			ensure!(
				record.canonical == canonical && record.suffix == suffix,
				"handle -> MSA and MSA -> handle disagree"
			);
			handles = handles.saturating_add(1);
		}
		let mut records = 0u32;
		for (msa_id, record) in MsaHandles::<T>::iter() {
			ensure!(
				HandleToMsa::<T>::get(&record.canonical, record.suffix) == Some(msa_id),
				"MSA -> handle has no inverse entry"
			);
			ensure!(
				handles_rules::canonical(record.base_str()).as_bytes() == &record.canonical[..],
				"stored canonical form differs from the canonical form of the base"
			);
			ensure!(
				record.display().len() <= handles_rules::MAX_DISPLAY_BYTES,
				"display handle exceeds its bound"
			);
			ensure!(MsaOwner::<T>::contains_key(msa_id), "MSA with a handle has no owner");
			ensure!(record.created_at <= now, "handle created in the future");
			// 3. No active handle is cooling down.
			if let Some(available_at) = CoolingDown::<T>::get(&record.canonical, record.suffix) {
				ensure!(available_at <= now, "an active handle is cooling down");
			}
			records = records.saturating_add(1);
		}
		ensure!(handles == records, "handle maps differ in size");

		// 2. Owners and their lists.
		let mut owners: BTreeMap<MsaId, T::AccountId> = BTreeMap::new();
		for (msa_id, owner) in MsaOwner::<T>::iter() {
			ensure!(
				OwnerMsas::<T>::get(&owner).binary_search(&msa_id).is_ok(),
				"MSA missing from its owner's list"
			);
			owners.insert(msa_id, owner);
		}
		let mut listed = 0usize;
		for (owner, list) in OwnerMsas::<T>::iter() {
			ensure!(!list.is_empty(), "empty owner list kept in storage");
			ensure!(list.windows(2).all(|w| w[0] < w[1]), "owner list not strictly ascending");
			for msa_id in list.iter() {
				ensure!(owners.get(msa_id) == Some(&owner), "owner list holds another's MSA");
			}
			listed = listed.saturating_add(list.len());
		}
		ensure!(listed == owners.len(), "owner lists and MSA owners differ in size");

		// 4. The replay store and the pruning queues.
		let lifetime = T::MaxPayloadLifetime::get();
		let replay = ReplayQueueBounds::<T>::get();
		ensure!(replay.head <= replay.tail, "replay queue bounds reversed");
		let mut queued = 0u64;
		for (position, (expiration, key)) in ReplayQueue::<T>::iter() {
			ensure!(
				(replay.head..replay.tail).contains(&position),
				"replay queue entry outside its bounds"
			);
			ensure!(
				ReplayEntries::<T>::get(key) == Some(expiration),
				"queued replay entry missing from the store"
			);
			ensure!(expiration <= now.saturating_add(lifetime), "replay entry too far ahead");
			queued = queued.saturating_add(1);
		}
		ensure!(queued == replay.len(), "replay queue has gaps");
		ensure!(
			ReplayEntries::<T>::iter_keys().count() as u64 == queued,
			"replay entry not queued for pruning"
		);
		let cooldowns = CooldownQueueBounds::<T>::get();
		ensure!(cooldowns.head <= cooldowns.tail, "cooldown queue bounds reversed");
		let mut queued_cooldowns = alloc::collections::btree_set::BTreeSet::new();
		for (position, entry) in CooldownQueue::<T>::iter() {
			ensure!(
				(cooldowns.head..cooldowns.tail).contains(&position),
				"cooldown queue entry outside its bounds"
			);
			queued_cooldowns.insert(entry);
		}
		ensure!(
			CooldownQueue::<T>::iter_keys().count() as u64 == cooldowns.len(),
			"cooldown queue has gaps"
		);
		for (canonical, suffix, available_at) in CoolingDown::<T>::iter() {
			ensure!(
				queued_cooldowns.contains(&(canonical, suffix, available_at)),
				"cooldown not queued for pruning"
			);
		}

		// 5. Settings and reserved list.
		let settings = HandleSettings::<T>::get();
		ensure!(settings.suffix_min <= settings.suffix_max, "suffix range min above max");
		ensure!(
			ReservedHandles::<T>::count() <= T::MaxReservedHandles::get(),
			"reserved list over its bound"
		);
		ensure!(
			ReservedHandles::<T>::iter_keys().count() == ReservedHandles::<T>::count() as usize,
			"reserved list counter differs from entries"
		);
		Ok(())
	}
}
