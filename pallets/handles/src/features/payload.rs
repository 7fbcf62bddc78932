//! Checks every signed payload goes through: expiration, signatures, replay protection.

use crate::*;
use alloc::vec::Vec;
use codec::Encode;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Saturating, Verify, Zero};

impl<T: Config> Pallet<T> {
	/// Genesis hash of this chain (frame_system keeps the hash of block 0 forever).
	pub fn genesis_hash() -> T::Hash {
		frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero())
	}

	/// The message an owner signs for `payload` on this chain.
	pub fn message_for<P: SignedPayload>(payload: &P) -> Vec<u8> {
		signed_message(&Self::genesis_hash(), payload)
	}

	/// `now <= expiration <= now + MaxPayloadLifetime`.
	pub(crate) fn ensure_live(expiration: BlockNumberFor<T>) -> DispatchResult {
		let now = Self::now();
		ensure!(expiration >= now, Error::<T>::PayloadExpired);
		ensure!(
			expiration <= now.saturating_add(T::MaxPayloadLifetime::get()),
			Error::<T>::PayloadExpirationTooFar
		);
		Ok(())
	}

	/// Whether `signature` is `signer`'s signature over `message`, raw or wrapped in
	/// `<Bytes>`..`</Bytes>`.
	pub(crate) fn signature_matches(
		signature: &T::Signature,
		signer: &T::AccountId,
		message: &[u8],
	) -> bool {
		signature.verify(message, signer) || signature.verify(&wrap_bytes(message)[..], signer)
	}

	/// Key of a signed payload in the replay store: `blake2_256(message ++ signer)`.
	pub(crate) fn replay_key(message: &[u8], signer: &T::AccountId) -> [u8; 32] {
		sp_io::hashing::blake2_256(&(message, signer).encode())
	}

	/// Checks `signer`'s signature over `message`, then that the payload has not taken effect
	/// before and that its expiration block still has room in the replay store. Returns the
	/// replay key to record with [`Self::record_payload`] once every other check has passed.
	pub(crate) fn check_signed(
		message: &[u8],
		signer: &T::AccountId,
		signature: &T::Signature,
		expiration: BlockNumberFor<T>,
	) -> Result<[u8; 32], DispatchError> {
		ensure!(Self::signature_matches(signature, signer, message), Error::<T>::InvalidSignature);
		Self::check_unused(message, signer, expiration, 1)
	}

	/// That `signer`'s payload `message` has not taken effect before (`PayloadReplayed`) and that
	/// its expiration block has room for `entries` more replay entries (`ExpirationBlockFull`):
	/// this one and those the same call records beside it. Returns its replay key.
	pub(crate) fn check_unused(
		message: &[u8],
		signer: &T::AccountId,
		expiration: BlockNumberFor<T>,
		entries: u32,
	) -> Result<[u8; 32], DispatchError> {
		let key = Self::replay_key(message, signer);
		ensure!(!UsedPayloads::<T>::contains_key(expiration, key), Error::<T>::PayloadReplayed);
		ensure!(
			UsedPayloadCount::<T>::get(expiration).saturating_add(entries)
				<= T::MaxPayloadsPerExpiration::get(),
			Error::<T>::ExpirationBlockFull
		);
		Ok(key)
	}

	/// Records a payload that takes effect, so it never takes effect again.
	pub(crate) fn record_payload(expiration: BlockNumberFor<T>, key: [u8; 32]) {
		UsedPayloads::<T>::insert(expiration, key, ());
		UsedPayloadCount::<T>::mutate(expiration, |count| *count = count.saturating_add(1));
	}
}
