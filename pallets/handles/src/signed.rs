//! Checks every signed payload goes through: expiration, signatures (readable and legacy
//! messages, in the wallets' wrappings), replay protection.

use crate::*;
use alloc::vec::Vec;
use codec::Encode;
use frame_support::{pallet_prelude::*, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{IdentifyAccount, Saturating, Verify, Zero};

/// What a signature's key is, as far as verification cares: an Ethereum key (`personal_sign`)
/// signs the EIP-191 form of the readable message and nothing else, every other key the
/// `<Bytes>`-wrapped or raw readable or legacy message.
pub trait SignatureKind {
	/// Whether the signature is an Ethereum one (`MultiSignature::Eth`: keccak-256, the account
	/// `address ++ [0xEE; 12]`).
	fn is_ethereum(&self) -> bool;
}

impl SignatureKind for sp_runtime::MultiSignature {
	fn is_ethereum(&self) -> bool {
		matches!(self, sp_runtime::MultiSignature::Eth(_))
	}
}

/// Most verifications one signature may take: the four forms a non-Ethereum signature is tried
/// against (readable `<Bytes>`-wrapped, readable raw, legacy `<Bytes>`-wrapped, legacy raw). The
/// calls declare this many per signature and refund what a signature did not need.
pub const MAX_VERIFICATIONS: u32 = 4;

/// How a signature over one message was made.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Wrapping {
	/// Over the message wrapped in `<Bytes>`..`</Bytes>` (what polkadot.js, Talisman and
	/// SubWallet sign).
	Bytes,
	/// Over the message as is.
	Raw,
}

/// The form a valid payload signature was over, which tells the verifications it took.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Verified {
	/// An Ethereum signature over the EIP-191 form of the readable message: one verification.
	Eip191,
	/// The `<Bytes>`-wrapped readable message: one verification.
	ReadableWrapped,
	/// The raw readable message: two verifications.
	ReadableRaw,
	/// The `<Bytes>`-wrapped legacy (SCALE) message: three verifications.
	LegacyWrapped,
	/// The raw legacy message: four verifications, the worst case.
	LegacyRaw,
}

impl Verified {
	/// The verifications this signature took.
	pub fn verifications(self) -> u32 {
		match self {
			Verified::Eip191 | Verified::ReadableWrapped => 1,
			Verified::ReadableRaw => 2,
			Verified::LegacyWrapped => 3,
			Verified::LegacyRaw => MAX_VERIFICATIONS,
		}
	}

	/// Whether the signature is over the legacy (SCALE) message, accepted only until the
	/// settings' `legacy_payload_deadline`.
	pub fn is_legacy(self) -> bool {
		matches!(self, Verified::LegacyWrapped | Verified::LegacyRaw)
	}

	/// Verifications this signature did not need, of the [`MAX_VERIFICATIONS`] a call's weight
	/// declares for it.
	pub fn saved(self) -> u32 {
		MAX_VERIFICATIONS.saturating_sub(self.verifications())
	}
}

/// How `signature` is `signer`'s signature over `message`: over the message wrapped in
/// `<Bytes>`..`</Bytes>` or over the raw message; `None` when it is neither. The wrapped form,
/// which browser wallets produce, is tried first, so the wallet path costs one verification and a
/// raw signature two. Clients that check a legacy signature before paying for its call use this
/// too.
pub fn verify_signature<S: Verify>(
	signature: &S,
	signer: &<S::Signer as IdentifyAccount>::AccountId,
	message: &[u8],
) -> Option<Wrapping> {
	if signature.verify(&wrap_bytes(message)[..], signer) {
		Some(Wrapping::Bytes)
	} else if signature.verify(message, signer) {
		Some(Wrapping::Raw)
	} else {
		None
	}
}

/// The two messages of one payload on this chain: the readable text (v3) and the legacy SCALE
/// bytes (v2), which also keys the payload in the replay store whichever form was signed.
pub struct PayloadMessages {
	/// The readable text's bytes; `None` when the payload has no readable form.
	pub readable: Option<Vec<u8>>,
	/// The legacy message ([`signed_message`]).
	pub legacy: Vec<u8>,
}

impl PayloadMessages {
	/// How `signature` is `signer`'s signature over this payload; `None` when it is not. The form
	/// is chosen by the signature's kind, so each wallet's path costs one verification:
	///
	/// 1. an Ethereum signature: the EIP-191 form of the readable message, and nothing else;
	/// 2. any other: the `<Bytes>`-wrapped readable message (polkadot.js, Talisman, SubWallet),
	///    then the raw readable message, then the legacy message `<Bytes>`-wrapped, then raw.
	///
	/// The worst case is a raw legacy signature (or a bad one): [`MAX_VERIFICATIONS`].
	pub fn verify<S: Verify + SignatureKind>(
		&self,
		signature: &S,
		signer: &<S::Signer as IdentifyAccount>::AccountId,
	) -> Option<Verified> {
		let readable = self.readable.as_deref();
		if signature.is_ethereum() {
			return readable
				.filter(|text| signature.verify(&eip191(text)[..], signer))
				.map(|_| Verified::Eip191);
		}
		let in_readable = readable.and_then(|text| verify_signature(signature, signer, text));
		match in_readable {
			Some(Wrapping::Bytes) => Some(Verified::ReadableWrapped),
			Some(Wrapping::Raw) => Some(Verified::ReadableRaw),
			None => match verify_signature(signature, signer, &self.legacy)? {
				Wrapping::Bytes => Some(Verified::LegacyWrapped),
				Wrapping::Raw => Some(Verified::LegacyRaw),
			},
		}
	}
}

/// Key of a signed payload in the replay store ([`ReplayEntries`]):
/// `blake2_256(SCALE((message, signer)))` of its legacy `message`, which names the call, every
/// field and the chain. A readable payload and its legacy twin have the same key, so a payload
/// takes effect at most once whichever form was signed.
pub fn replay_key<A: Encode>(message: &[u8], signer: &A) -> [u8; 32] {
	sp_io::hashing::blake2_256(&(message, signer).encode())
}

impl<T: Config> Pallet<T> {
	/// Genesis hash of this chain (frame_system keeps the hash of block 0 forever).
	pub fn genesis_hash() -> T::Hash {
		frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero())
	}

	/// The legacy message of `payload` on this chain ([`signed_message`]).
	pub fn message_for<P: SignedPayload>(payload: &P) -> Vec<u8> {
		signed_message(&Self::genesis_hash(), payload)
	}

	/// This chain as its readable messages name it: `HandlesChainName`, the genesis hash and
	/// `SS58Prefix`. `None` if the hash is not 32 bytes (no readable messages then).
	pub fn signing_chain() -> Option<handles_signing::Chain<'static>> {
		Some(handles_signing::Chain {
			name: T::HandlesChainName::get(),
			genesis_hash: Self::genesis_hash().as_ref().try_into().ok()?,
			ss58_prefix: <T as frame_system::Config>::SS58Prefix::get(),
		})
	}

	/// The readable message of `payload` on this chain (SPEC "Signed payloads (v3)"): a transfer
	/// shows the display handle its MSA holds now. `None` when the payload has no readable form.
	pub fn readable_message_for<P: SignedPayload>(payload: &P) -> Option<Vec<u8>> {
		let held = payload.shown_msa().and_then(MsaHandles::<T>::get).map(|r| r.display());
		let message = payload.readable(held.as_deref())?;
		Some(handles_signing::signing_message(&Self::signing_chain()?, &message).into_bytes())
	}

	/// Both messages of `payload` on this chain.
	pub fn messages_for<P: SignedPayload>(payload: &P) -> PayloadMessages {
		PayloadMessages {
			readable: Self::readable_message_for(payload),
			legacy: Self::message_for(payload),
		}
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

	/// Checks `signer`'s signature over the payload of `messages` ([`PayloadMessages::verify`]),
	/// then that the payload has not taken effect before. Returns the replay key to record with
	/// [`Self::record_payload`] once every other check has passed, and how the signature was
	/// verified.
	pub(crate) fn check_signed(
		messages: &PayloadMessages,
		signer: &T::AccountId,
		signature: &T::Signature,
	) -> Result<([u8; 32], Verified), DispatchError> {
		let verified =
			Self::check_signature(messages, signer, signature, Error::<T>::InvalidSignature)?;
		Ok((Self::check_unused(&messages.legacy, signer)?, verified))
	}

	/// How `signature` is `signer`'s signature over the payload of `messages`
	/// ([`PayloadMessages::verify`]): `invalid` when it is not, `LegacyPayloadExpired` when it is
	/// over the legacy message after the settings' `legacy_payload_deadline`.
	pub(crate) fn check_signature(
		messages: &PayloadMessages,
		signer: &T::AccountId,
		signature: &T::Signature,
		invalid: Error<T>,
	) -> Result<Verified, DispatchError> {
		let verified = messages.verify(signature, signer).ok_or(invalid)?;
		if verified.is_legacy() {
			let deadline = HandleSettings::<T>::get().legacy_payload_deadline;
			ensure!(Self::now() <= deadline, Error::<T>::LegacyPayloadExpired);
		}
		Ok(verified)
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
