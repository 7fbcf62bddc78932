//! Checks every signed payload goes through: expiration, signatures, replay protection.

use crate::*;
use alloc::vec::Vec;
use codec::Encode;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{IdentifyAccount, Saturating, Verify, Zero};

/// The form a valid signature was over, which tells the verifications it took.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Verified {
	/// The `<Bytes>`-wrapped message (what wallets sign): one verification.
	Wrapped,
	/// The raw message: two verifications (the wrapped form is tried first).
	Raw,
}

impl Verified {
	/// Verifications this signature did not need, of the two a call's weight declares for it.
	pub fn saved(self) -> u32 {
		match self {
			Verified::Wrapped => 1,
			Verified::Raw => 0,
		}
	}
}

/// How `signature` is `signer`'s signature over `message`: over the message wrapped in
/// `<Bytes>`..`</Bytes>` or over the raw message; `None` when it is neither. The wrapped form,
/// which browser wallets produce, is tried first, so the wallet path costs one verification and a
/// raw signature two. Clients that check a signature before paying for its call use this too.
pub fn verify_signature<S: Verify>(
	signature: &S,
	signer: &<S::Signer as IdentifyAccount>::AccountId,
	message: &[u8],
) -> Option<Verified> {
	if signature.verify(&wrap_bytes(message)[..], signer) {
		Some(Verified::Wrapped)
	} else if signature.verify(message, signer) {
		Some(Verified::Raw)
	} else {
		None
	}
}

/// Key of a signed payload in the replay store ([`ReplayEntries`]):
/// `blake2_256(SCALE((message, signer)))`.
pub fn replay_key<A: Encode>(message: &[u8], signer: &A) -> [u8; 32] {
	sp_io::hashing::blake2_256(&(message, signer).encode())
}

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

	/// Checks `signer`'s signature over `message`, then that the payload has not taken effect
	/// before. Returns the replay key to record with [`Self::record_payload`] once every other
	/// check has passed, and how the signature was verified.
	pub(crate) fn check_signed(
		message: &[u8],
		signer: &T::AccountId,
		signature: &T::Signature,
	) -> Result<([u8; 32], Verified), DispatchError> {
		let verified =
			verify_signature(signature, signer, message).ok_or(Error::<T>::InvalidSignature)?;
		Ok((Self::check_unused(message, signer)?, verified))
	}

	/// That `signer`'s payload `message` has not taken effect before (`PayloadReplayed`).
	/// Returns its replay key.
	pub(crate) fn check_unused(
		message: &[u8],
		signer: &T::AccountId,
	) -> Result<[u8; 32], DispatchError> {
		let key = replay_key(message, signer);
		ensure!(!ReplayEntries::<T>::contains_key(key), Error::<T>::PayloadReplayed);
		Ok(key)
	}
}
