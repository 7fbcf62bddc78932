//! Writing chain state that several calls share: handle records (both handle maps, with the
//! cooldown a removed handle starts) and owners' MSA lists.

use crate::{checks::Claim, *};
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// Writes the handle of `claim` to MSA `msa_id` (both handle maps) and removes the pair's
	/// ended cooldown entry if pruning had not yet. Returns the record written and the weight of
	/// that removal when there was nothing to remove (the calls declare it).
	pub(crate) fn write_handle(
		msa_id: MsaId,
		claim: Claim,
	) -> (HandleRecord<BlockNumberFor<T>>, Weight) {
		let record = HandleRecord {
			base: claim.base,
			suffix: claim.suffix,
			canonical: claim.canonical,
			created_at: Self::now(),
		};
		let unused = if claim.ended_cooldown {
			CoolingDown::<T>::remove(&record.canonical, record.suffix);
			Weight::zero()
		} else {
			T::DbWeight::get().writes(1)
		};
		HandleToMsa::<T>::insert(&record.canonical, record.suffix, msa_id);
		MsaHandles::<T>::insert(msa_id, &record);
		(record, unused)
	}

	/// Removes the handle `record` of MSA `msa_id` from both handle maps and starts its cooldown
	/// (`now + reuse_cooldown`). Returns the weight of the cooldown pruning declared but not done
	/// (all of it when the cooldown is zero).
	pub(crate) fn unwrite_handle(
		msa_id: MsaId,
		record: &HandleRecord<BlockNumberFor<T>>,
	) -> Weight {
		HandleToMsa::<T>::remove(&record.canonical, record.suffix);
		MsaHandles::<T>::remove(msa_id);
		let cooldown = HandleSettings::<T>::get().reuse_cooldown;
		let available_at = Self::now().saturating_add(cooldown);
		if available_at > Self::now() {
			Self::start_cooldown(&record.canonical, record.suffix, available_at)
		} else {
			Self::cooldown_weight()
		}
	}

	/// The current block number.
	pub(crate) fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// The MSA exists (`MsaNotFound`) and `who` owns it (`NotOwner`).
	pub(crate) fn ensure_owner(msa_id: MsaId, who: &T::AccountId) -> Result<(), Error<T>> {
		let owner = MsaOwner::<T>::get(msa_id).ok_or(Error::<T>::MsaNotFound)?;
		ensure!(&owner == who, Error::<T>::NotOwner);
		Ok(())
	}

	/// `owner`'s MSA list with `msa_id` inserted in order, or `TooManyMsas`.
	pub(crate) fn owned_with(
		owner: &T::AccountId,
		msa_id: MsaId,
	) -> Result<BoundedVec<MsaId, T::MaxMsasPerOwner>, Error<T>> {
		let mut owned = OwnerMsas::<T>::get(owner);
		match owned.binary_search(&msa_id) {
			// Ids are never reused, so an owner's list never holds the id of a new MSA.
			Ok(_) => {
				defensive!("an MSA id appears twice in an owner's list");
			}
			Err(index) => owned.try_insert(index, msa_id).map_err(|_| Error::<T>::TooManyMsas)?,
		}
		Ok(owned)
	}
}
