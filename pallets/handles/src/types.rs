//! Types of the pallet's storage, calls and events, and the signed-message format.

use alloc::{string::String, vec::Vec};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, BoundedVec};
use handles_rules::{HandleError, SuffixRange};
use handles_signing::Message;
use scale_info::TypeInfo;

pub use handles_rules::{HandleRule, MsaId, Seed, Suffix};

/// The 7-byte tag every legacy (SCALE) signed message starts with (encoded without a length
/// prefix).
pub const HANDLES_TAG: [u8; 7] = *b"handles";
/// The wallets' wrappings of the bytes they sign, from the signing-message crate: `<Bytes>`..
/// `</Bytes>` ([`wrap_bytes`]) and EIP-191 ([`eip191`]).
pub use handles_signing::{eip191, wrap_bytes, BYTES_PREFIX, BYTES_SUFFIX};

/// Bound of a stored base handle: [`handles_rules::MAX_BASE_BYTES`].
pub type MaxBaseBytes = ConstU32<{ handles_rules::MAX_BASE_BYTES as u32 }>;
/// Bound of a stored canonical form: [`handles_rules::MAX_CANONICAL_BYTES`].
pub type MaxCanonicalBytes = ConstU32<{ handles_rules::MAX_CANONICAL_BYTES as u32 }>;
/// A base handle as the user typed it (valid UTF-8, checked by the rules crate). Call arguments
/// use it too, so a longer one does not even decode.
pub type BaseHandle = BoundedVec<u8, MaxBaseBytes>;
/// Bound of a display handle as the chain shows it: [`handles_rules::MAX_DISPLAY_BYTES`].
pub type MaxDisplayBytes = ConstU32<{ handles_rules::MAX_DISPLAY_BYTES as u32 }>;
/// A display handle as the chain shows it (`Alice.4821`, UTF-8), in payloads.
pub type DisplayHandle = BoundedVec<u8, MaxDisplayBytes>;
/// The canonical form of a base handle (UTF-8): look-alikes have the same canonical form.
pub type Canonical = BoundedVec<u8, MaxCanonicalBytes>;

/// The handle an MSA holds.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct HandleRecord<BlockNumber> {
	/// Base handle as the user typed it (`Alice`).
	pub base: BaseHandle,
	/// The suffix (`4821`).
	pub suffix: Suffix,
	/// Canonical form of the base (`a1ice`-like look-alikes share it).
	pub canonical: Canonical,
	/// Block at which the MSA got this handle.
	pub created_at: BlockNumber,
}

impl<BlockNumber> HandleRecord<BlockNumber> {
	/// The base handle as text; stored bases are valid UTF-8 (checked before they are stored).
	pub fn base_str(&self) -> &str {
		core::str::from_utf8(&self.base).unwrap_or_default()
	}

	/// The canonical form as text; stored canonical forms are valid UTF-8.
	pub fn canonical_str(&self) -> &str {
		core::str::from_utf8(&self.canonical).unwrap_or_default()
	}

	/// The display handle `base.suffix` (`Alice.4821`) as UTF-8 bytes.
	pub fn display(&self) -> Vec<u8> {
		String::into_bytes(handles_rules::format_display(self.base_str(), self.suffix))
	}
}

/// The two seeds that suffix candidates are drawn from.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct SeedPair {
	/// Seed set at the most recent rotation (s0).
	pub current: Seed,
	/// The seed before that (s1).
	pub previous: Seed,
}

/// Front and end of a pruning queue: the entries at positions `head..tail` are queued.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct QueueBounds {
	/// Position of the oldest queued entry (equal to `tail` when the queue is empty).
	pub head: u64,
	/// Position the next entry takes.
	pub tail: u64,
}

impl QueueBounds {
	/// Number of queued entries.
	pub fn len(&self) -> u64 {
		self.tail.saturating_sub(self.head)
	}

	/// Whether nothing is queued.
	pub fn is_empty(&self) -> bool {
		self.head >= self.tail
	}
}

/// Settings that governance changes with `set_handle_settings` and
/// `set_legacy_payload_deadline`.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct HandleSettingsRecord<BlockNumber> {
	/// Smallest suffix of new claims (inclusive).
	pub suffix_min: u32,
	/// Largest suffix of new claims (inclusive).
	pub suffix_max: u32,
	/// Blocks a retired `(canonical, suffix)` pair stays unavailable.
	pub reuse_cooldown: BlockNumber,
	/// Last block at which a signature over the legacy (SCALE) message of a payload is accepted;
	/// after it only the readable text is (since storage version 4).
	pub legacy_payload_deadline: BlockNumber,
}

impl<BlockNumber> HandleSettingsRecord<BlockNumber> {
	/// The suffix range; `suffix_min <= suffix_max` is checked before settings are stored, and the
	/// default range stands in should a stored value ever break that.
	pub fn range(&self) -> SuffixRange {
		SuffixRange::new(self.suffix_min, self.suffix_max).unwrap_or(SuffixRange::DEFAULT)
	}
}

/// Why a base handle was refused: the rule of the rules crate it breaks ([`HandleRule`], whose
/// SCALE encoding is one byte: the rule's index).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct InvalidHandleReason(pub HandleRule);

impl frame_support::traits::PalletError for InvalidHandleReason {
	/// One byte: the index of the rule (checked by a test against `HandleRule`'s own bound).
	const MAX_ENCODED_SIZE: usize = 1;
}

impl From<HandleRule> for InvalidHandleReason {
	fn from(rule: HandleRule) -> Self {
		Self(rule)
	}
}

impl From<HandleError> for InvalidHandleReason {
	fn from(error: HandleError) -> Self {
		Self(error.rule())
	}
}

/// A payload that the owner signs. Its readable message is the text of
/// [`handles_signing::signing_message`] for [`SignedPayload::readable`]; its legacy message is
/// `SCALE((HANDLES_TAG, genesis_hash, Self::KIND, self))` ([`signed_message`]).
pub trait SignedPayload: Encode {
	/// The byte naming the call: 0 create, 1 retire, 2 change, 3 transfer.
	const KIND: u8;
	/// Last block at which the payload may take effect.
	type BlockNumber: Copy;
	/// The payload's expiration.
	fn expiration(&self) -> Self::BlockNumber;
	/// The MSA whose current display handle the readable message shows, read from chain state
	/// (a transfer's); `None` for the other calls, whose payloads name their handles.
	fn shown_msa(&self) -> Option<MsaId> {
		None
	}
	/// What the readable message says, `held` being the display handle the MSA of
	/// [`SignedPayload::shown_msa`] holds now. `None` when a field has no readable form (an
	/// expiration beyond `u32`, an account other than 32 bytes): such a payload is verified in its
	/// legacy form only.
	fn readable<'a>(&'a self, held: Option<&'a [u8]>) -> Option<Message<'a>>;
}

/// An expiration as the readable message shows it.
fn readable_block<B: TryInto<u32>>(block: B) -> Option<u32> {
	block.try_into().ok()
}

/// An account as the readable message shows it: its 32 bytes.
fn readable_account<A: Encode>(account: &A) -> Option<[u8; 32]> {
	account.encode().try_into().ok()
}

/// Owner's consent to `create_handle`: a new MSA holding `base_handle.suffix`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct CreateHandlePayload<BlockNumber> {
	/// Base handle as typed (UTF-8, at most 32 bytes).
	pub base_handle: BaseHandle,
	/// Chosen suffix: one of the options for the handle.
	pub suffix: Suffix,
	/// Last block at which the payload may take effect.
	pub expiration: BlockNumber,
}

/// Owner's consent to `retire_handle`: the MSA loses the handle it holds.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct RetireHandlePayload<BlockNumber> {
	/// The MSA whose handle is retired.
	pub msa_id: MsaId,
	/// The display handle the MSA holds, as the chain shows it (`Alice.4821`, UTF-8): the
	/// payload retires that handle only, never one the MSA holds later.
	pub handle: DisplayHandle,
	/// Last block at which the payload may take effect.
	pub expiration: BlockNumber,
}

/// Owner's consent to `change_handle`: the MSA trades `old_handle` for
/// `new_base_handle.new_suffix`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct ChangeHandlePayload<BlockNumber> {
	/// The MSA whose handle changes (it keeps its id).
	pub msa_id: MsaId,
	/// The display handle the MSA holds, as the chain shows it (`Alice.4821`, UTF-8); `None`
	/// when it holds none.
	pub old_handle: Option<DisplayHandle>,
	/// New base handle as typed (UTF-8, at most 32 bytes).
	pub new_base_handle: BaseHandle,
	/// New suffix: one of the options for the new handle.
	pub new_suffix: Suffix,
	/// Last block at which the payload may take effect.
	pub expiration: BlockNumber,
}

/// Consent of both the owner and the new owner to `transfer_ownership`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct TransferOwnershipPayload<AccountId, BlockNumber> {
	/// The MSA that moves.
	pub msa_id: MsaId,
	/// Its owner when both sign: the payload moves the MSA away from this account only.
	pub owner: AccountId,
	/// The account that becomes its owner.
	pub new_owner: AccountId,
	/// Last block at which the payload may take effect.
	pub expiration: BlockNumber,
}

impl<B: Copy + Encode + TryInto<u32>> SignedPayload for CreateHandlePayload<B> {
	const KIND: u8 = 0;
	type BlockNumber = B;
	fn expiration(&self) -> B {
		self.expiration
	}
	fn readable<'a>(&'a self, _held: Option<&'a [u8]>) -> Option<Message<'a>> {
		Some(Message::Create {
			base_handle: &self.base_handle,
			suffix: self.suffix,
			expiration: readable_block(self.expiration)?,
		})
	}
}

impl<B: Copy + Encode + TryInto<u32>> SignedPayload for RetireHandlePayload<B> {
	const KIND: u8 = 1;
	type BlockNumber = B;
	fn expiration(&self) -> B {
		self.expiration
	}
	fn readable<'a>(&'a self, _held: Option<&'a [u8]>) -> Option<Message<'a>> {
		Some(Message::Retire {
			msa_id: self.msa_id,
			handle: &self.handle,
			expiration: readable_block(self.expiration)?,
		})
	}
}

impl<B: Copy + Encode + TryInto<u32>> SignedPayload for ChangeHandlePayload<B> {
	const KIND: u8 = 2;
	type BlockNumber = B;
	fn expiration(&self) -> B {
		self.expiration
	}
	fn readable<'a>(&'a self, _held: Option<&'a [u8]>) -> Option<Message<'a>> {
		Some(Message::Change {
			msa_id: self.msa_id,
			old_handle: self.old_handle.as_ref().map(|h| &h[..]),
			new_base_handle: &self.new_base_handle,
			new_suffix: self.new_suffix,
			expiration: readable_block(self.expiration)?,
		})
	}
}

impl<A: Encode, B: Copy + Encode + TryInto<u32>> SignedPayload for TransferOwnershipPayload<A, B> {
	const KIND: u8 = 3;
	type BlockNumber = B;
	fn expiration(&self) -> B {
		self.expiration
	}
	fn shown_msa(&self) -> Option<MsaId> {
		Some(self.msa_id)
	}
	fn readable<'a>(&'a self, held: Option<&'a [u8]>) -> Option<Message<'a>> {
		Some(Message::Transfer {
			msa_id: self.msa_id,
			handle: held,
			owner: readable_account(&self.owner)?,
			new_owner: readable_account(&self.new_owner)?,
			expiration: readable_block(self.expiration)?,
		})
	}
}

/// The four payloads as one enum: `SCALE((HANDLES_TAG, genesis_hash, HandlesPayload::X(p)))` is the
/// same byte string as [`signed_message`] of `p`, because the enum index is the call's kind byte.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub enum HandlesPayload<AccountId, BlockNumber> {
	/// Kind 0.
	#[codec(index = 0)]
	Create(CreateHandlePayload<BlockNumber>),
	/// Kind 1.
	#[codec(index = 1)]
	Retire(RetireHandlePayload<BlockNumber>),
	/// Kind 2.
	#[codec(index = 2)]
	Change(ChangeHandlePayload<BlockNumber>),
	/// Kind 3.
	#[codec(index = 3)]
	Transfer(TransferOwnershipPayload<AccountId, BlockNumber>),
}

/// The legacy (v2) message of `payload` on the chain with genesis hash `genesis_hash`:
/// `SCALE((HANDLES_TAG, genesis_hash, P::KIND, payload))`. The signature may be over these bytes
/// or over the same bytes wrapped in `<Bytes>`..`</Bytes>` (see [`wrap_bytes`]). Its hash with
/// the signer is the payload's replay key whichever form was signed ([`crate::replay_key`]).
pub fn signed_message<H: Encode, P: SignedPayload>(genesis_hash: &H, payload: &P) -> Vec<u8> {
	(HANDLES_TAG, genesis_hash, P::KIND, payload).encode()
}
