//! `retire_handle` and `force_retire_handle`: an MSA loses its handle, which cools down.

use crate::*;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	/// Retires the handle of `payload.msa_id` with the consent of its owner `owner`.
	pub(crate) fn do_retire_handle(
		owner: T::AccountId,
		signature: T::Signature,
		payload: RetireHandlePayload<BlockNumberFor<T>>,
	) -> Result<Weight, DispatchError> {
		Self::ensure_live(payload.expiration)?;
		Self::ensure_owner(payload.msa_id, &owner)?;
		let record = MsaHandles::<T>::get(payload.msa_id).ok_or(Error::<T>::MsaHasNoHandle)?;
		ensure!(record.display()[..] == payload.handle[..], Error::<T>::HandleMismatch);
		let messages = Self::messages_for(&payload);
		let (replay_key, verified) = Self::check_signed(&messages, &owner, &signature)?;

		let unused = Self::record_payload(payload.expiration, replay_key);
		let unused = unused.saturating_add(Self::retire(payload.msa_id, record));
		Ok(Self::refund(&[verified], unused))
	}

	/// Governance retires the handle of `msa_id`; it never returns to that MSA. Returns the weight
	/// declared but not used.
	pub(crate) fn do_force_retire_handle(msa_id: MsaId) -> Result<Weight, DispatchError> {
		ensure!(MsaOwner::<T>::contains_key(msa_id), Error::<T>::MsaNotFound);
		let record = MsaHandles::<T>::get(msa_id).ok_or(Error::<T>::MsaHasNoHandle)?;
		Moderated::<T>::insert(&record.canonical, record.suffix, msa_id);
		Ok(Self::retire(msa_id, record))
	}

	/// Removes the handle `record` of `msa_id`, starts its cooldown and emits `HandleRetired`.
	/// Returns the pruning weight declared but not used.
	fn retire(msa_id: MsaId, record: HandleRecord<BlockNumberFor<T>>) -> Weight {
		let unused = Self::unwrite_handle(msa_id, &record);
		Self::deposit_event(Event::HandleRetired { msa_id, handle: record.display() });
		unused
	}
}
