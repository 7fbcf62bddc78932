//! `create_handle`: a new MSA holding a handle.

use crate::*;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	/// Creates an MSA owned by `owner` holding `payload.base_handle.payload.suffix`, after checking
	/// everything (expiration, rules, signature, replay, suffix, availability, owner's room).
	pub(crate) fn do_create_handle(
		owner: T::AccountId,
		signature: T::Signature,
		payload: CreateHandlePayload<BlockNumberFor<T>>,
	) -> Result<Weight, DispatchError> {
		Self::ensure_live(payload.expiration)?;
		// Pure checks first, so junk input costs no signature verification.
		let handle = Self::check_handle(&payload.base_handle)?;
		let messages = Self::messages_for(&payload);
		let (replay_key, verified) = Self::check_signed(&messages, &owner, &signature)?;
		let claim = Self::check_claim(handle, payload.suffix, None)?;
		let msa_id = claim.derived_msa_id;
		let owned = Self::owned_with(&owner, msa_id)?;

		// Everything is checked: write.
		let pruning_unused = Self::record_payload(payload.expiration, replay_key);
		let (record, write_unused) = Self::write_handle(msa_id, claim);
		MsaOwner::<T>::insert(msa_id, &owner);
		OwnerMsas::<T>::insert(&owner, owned);
		Self::deposit_event(Event::MsaCreatedWithHandle {
			msa_id,
			owner,
			handle: record.display(),
		});
		Ok(Self::refund(&[verified], pruning_unused.saturating_add(write_unused)))
	}
}
