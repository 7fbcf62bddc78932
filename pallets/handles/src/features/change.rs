//! `change_handle`: an MSA gets a new handle and keeps its id; the old handle cools down.

use crate::*;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	/// Gives `payload.msa_id` the handle `new_base_handle.new_suffix` with the consent of its
	/// owner `owner`.
	pub(crate) fn do_change_handle(
		owner: T::AccountId,
		signature: T::Signature,
		payload: ChangeHandlePayload<BlockNumberFor<T>>,
	) -> Result<Weight, DispatchError> {
		let msa_id = payload.msa_id;
		Self::ensure_live(payload.expiration)?;
		Self::ensure_owner(msa_id, &owner)?;
		let old = MsaHandles::<T>::get(msa_id);
		ensure!(
			old.as_ref().map(|r| r.display()) == payload.old_handle.as_ref().map(|h| h.to_vec()),
			Error::<T>::HandleMismatch
		);
		let handle = Self::check_handle(&payload.new_base_handle)?;
		let messages = Self::messages_for(&payload);
		let (replay_key, verified) = Self::check_signed(&messages, &owner, &signature)?;

		// Another spelling of the handle the MSA holds: restyled at once.
		if let Some(held) = old
			.as_ref()
			.filter(|r| r.canonical == handle.canonical && r.suffix == payload.new_suffix)
		{
			// No cooldown starts: its pruning is unused as well.
			let unused = Self::record_payload(payload.expiration, replay_key)
				.saturating_add(Self::cooldown_weight());
			let record = HandleRecord { base: handle.base, ..held.clone() };
			MsaHandles::<T>::insert(msa_id, &record);
			Self::deposit_event(Event::HandleChanged {
				msa_id,
				old_handle: Some(held.display()),
				new_handle: record.display(),
			});
			return Ok(Self::refund(&[verified], unused));
		}
		ensure!(
			Moderated::<T>::get(&handle.canonical, payload.new_suffix) != Some(msa_id),
			Error::<T>::HandleModerated
		);
		let claim = Self::check_claim(handle, payload.new_suffix, Some(msa_id))?;

		let mut unused = Self::record_payload(payload.expiration, replay_key);
		unused = unused.saturating_add(match &old {
			Some(old) => Self::unwrite_handle(msa_id, old),
			None => Self::cooldown_weight(),
		});
		let (new, write_unused) = Self::write_handle(msa_id, claim);
		unused = unused.saturating_add(write_unused);
		Self::deposit_event(Event::HandleChanged {
			msa_id,
			old_handle: old.map(|r| r.display()),
			new_handle: new.display(),
		});
		Ok(Self::refund(&[verified], unused))
	}
}
