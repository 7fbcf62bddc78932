//! `transfer_ownership`: an MSA and its handle move to another owner; both sign.

use crate::*;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	/// Moves `payload.msa_id` from `owner` to `new_owner`, both having signed the payload.
	pub(crate) fn do_transfer_ownership(
		owner: T::AccountId,
		signature: T::Signature,
		new_owner: T::AccountId,
		new_owner_signature: T::Signature,
		payload: TransferOwnershipPayload<T::AccountId, BlockNumberFor<T>>,
	) -> Result<Weight, DispatchError> {
		let msa_id = payload.msa_id;
		Self::ensure_live(payload.expiration)?;
		ensure!(payload.new_owner == new_owner, Error::<T>::NewOwnerMismatch);
		ensure!(payload.owner == owner, Error::<T>::OwnerMismatch);
		Self::ensure_owner(msa_id, &owner)?;
		ensure!(new_owner != owner, Error::<T>::AlreadyOwner);
		let messages = Self::messages_for(&payload);
		let (replay_key, verified) = Self::check_signed(&messages, &owner, &signature)?;
		let new_owner_verified = Self::check_signature(
			&messages,
			&new_owner,
			&new_owner_signature,
			Error::<T>::InvalidNewOwnerSignature,
		)?;
		// The new owner's signature is one-time too: it needs its own entry, beside the owner's.
		let new_owner_key = Self::check_unused(&messages.legacy, &new_owner)?;
		let new_list = Self::owned_with(&new_owner, msa_id)?;
		let mut old_list = OwnerMsas::<T>::get(&owner);

		let unused = Self::record_payload(payload.expiration, replay_key)
			.saturating_add(Self::record_payload(payload.expiration, new_owner_key));
		match old_list.binary_search(&msa_id) {
			Ok(index) => {
				old_list.remove(index);
			}
			Err(_) => {
				defensive!("an MSA is missing from its owner's list");
			}
		}
		if old_list.is_empty() {
			OwnerMsas::<T>::remove(&owner);
		} else {
			OwnerMsas::<T>::insert(&owner, old_list);
		}
		OwnerMsas::<T>::insert(&new_owner, new_list);
		MsaOwner::<T>::insert(msa_id, &new_owner);
		Self::deposit_event(Event::OwnershipTransferred { msa_id, old_owner: owner, new_owner });
		Ok(Self::refund(&[verified, new_owner_verified], unused))
	}
}
