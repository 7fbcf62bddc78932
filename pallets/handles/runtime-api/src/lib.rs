//! Runtime API of `pallet-handles`.
//!
//! One method per `handles_*` JSON-RPC method (the repository README, "JSON-RPC (`handles_*`)").
//! The runtime implements each by calling the pallet's read function of the same name; the RPC
//! crate turns the SCALE types below into the JSON shapes that section states. Byte strings are UTF-8 (handles) and accounts are
//! the runtime's `AccountId`.
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

use alloc::vec::Vec;
use codec::{Codec, Decode, DecodeWithMemTracking, Encode};
use scale_info::TypeInfo;

/// Most lookups one batch call answers (`handles_getHandlesForMsas`, `handles_getMsasForHandles`
/// and their runtime API methods): more is refused as a whole.
pub const MAX_BATCH_LOOKUPS: u32 = 100;

/// The two seeds suffix candidates are drawn from, and when they change next.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct SeedInfo<BlockNumber> {
	/// Seed set at the most recent rotation (s0).
	pub current: [u8; 32],
	/// Seed before that (s1).
	pub previous: [u8; 32],
	/// Block number whose `on_initialize` rotates the seeds next.
	pub next_rotation: BlockNumber,
}

/// Suffixes a base handle may be claimed with right now.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct SuffixOptions {
	/// The base handle as given (UTF-8).
	pub base_handle: Vec<u8>,
	/// Its canonical form (UTF-8).
	pub canonical: Vec<u8>,
	/// Union of the candidates under the current and previous seed, ascending, no duplicates.
	pub candidates: Vec<u32>,
	/// The candidates that a `create_handle`/`change_handle` would accept at this block, ascending.
	pub available: Vec<u32>,
}

/// [`SuffixOptions`] with what expires at the next seed rotation: everything
/// `handles_getSuffixOptions` answers, from one runtime call (API version 2).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct SuffixOffer<BlockNumber> {
	/// The base handle as given (UTF-8).
	pub base_handle: Vec<u8>,
	/// Its canonical form (UTF-8).
	pub canonical: Vec<u8>,
	/// Union of the candidates under the current and previous seed, ascending, no duplicates.
	pub candidates: Vec<u32>,
	/// The candidates that a `create_handle`/`change_handle` would accept at this block, ascending.
	pub available: Vec<u32>,
	/// The available suffixes offered only under the previous seed, ascending: they stop being
	/// offered at `next_rotation`.
	pub expiring: Vec<u32>,
	/// Block number whose `on_initialize` rotates the seeds next.
	pub next_rotation: BlockNumber,
}

/// Version 1's answer: the offer without what expires at the next rotation.
impl<BlockNumber> From<SuffixOffer<BlockNumber>> for SuffixOptions {
	fn from(offer: SuffixOffer<BlockNumber>) -> Self {
		Self {
			base_handle: offer.base_handle,
			canonical: offer.canonical,
			candidates: offer.candidates,
			available: offer.available,
		}
	}
}

/// The MSA a display handle resolves to.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct MsaForHandle<AccountId> {
	/// The MSA id.
	pub msa_id: u32,
	/// The MSA's owner.
	pub owner: AccountId,
	/// The display handle as registered (`Alice.4821`), which may differ from the queried look-alike.
	pub handle: Vec<u8>,
}

/// The handle an MSA holds.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct HandleInfo<AccountId, BlockNumber> {
	/// Display handle (`base.suffix`).
	pub handle: Vec<u8>,
	/// Base handle as the user typed it.
	pub base_handle: Vec<u8>,
	/// The suffix.
	pub suffix: u32,
	/// Canonical form of the base handle.
	pub canonical: Vec<u8>,
	/// The MSA's owner.
	pub owner: AccountId,
	/// Block at which the MSA got this handle.
	pub created_at: BlockNumber,
}

/// One MSA of an owner.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct OwnedMsa {
	/// The MSA id.
	pub msa_id: u32,
	/// Its display handle, or `None` when the handle was retired.
	pub handle: Option<Vec<u8>>,
}

/// Outcome of validating a base handle against the rules and the reserved list of the chain.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct ValidationResult {
	/// Whether the handle may be claimed (suffix aside).
	pub valid: bool,
	/// Canonical form when valid.
	pub canonical: Option<Vec<u8>>,
	/// Human-readable message naming the broken rule when invalid (UTF-8).
	pub error: Option<Vec<u8>>,
}

/// Governance settings and constants of the pallet.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct Settings<BlockNumber> {
	/// Smallest suffix of new claims.
	pub suffix_min: u32,
	/// Largest suffix of new claims.
	pub suffix_max: u32,
	/// Blocks a retired (canonical, suffix) pair stays unavailable.
	pub reuse_cooldown: BlockNumber,
	/// Blocks between seed rotations.
	pub seed_rotation_period: BlockNumber,
	/// Furthest a payload's expiration may lie ahead of the current block.
	pub max_payload_lifetime: BlockNumber,
}

/// Why a query could not be answered; the message is UTF-8 and says what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub enum QueryError {
	/// The base handle breaks a rule (message names the rule).
	InvalidHandle(Vec<u8>),
	/// The display handle is not `base.suffix` with a decimal `u32` suffix (message says why).
	MalformedDisplayHandle(Vec<u8>),
}

/// A batch lookup of more entries than [`MAX_BATCH_LOOKUPS`]: refused as a whole.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct TooManyLookups {
	/// Entries asked for.
	pub count: u32,
	/// Most entries one call takes ([`MAX_BATCH_LOOKUPS`]).
	pub max: u32,
}

impl TooManyLookups {
	/// `Err` when `count` entries are more than [`MAX_BATCH_LOOKUPS`].
	pub fn check(count: usize) -> Result<(), Self> {
		if count > MAX_BATCH_LOOKUPS as usize {
			return Err(Self {
				count: u32::try_from(count).unwrap_or(u32::MAX),
				max: MAX_BATCH_LOOKUPS,
			});
		}
		Ok(())
	}
}

impl core::fmt::Display for TooManyLookups {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		write!(f, "{} lookups in one call, at most {} are allowed", self.count, self.max)
	}
}

/// A signed call's payload, for [`HandlesApi::signing_message`]: the variant is the call and its
/// fields are those of the call's payload (`CreateHandlePayload`, `RetireHandlePayload`,
/// `ChangeHandlePayload`, `TransferOwnershipPayload` of `pallet-handles`), in their order. The SCALE
/// encoding is that of the pallet's `HandlesPayload`: the payload kind (0 create, 1 retire,
/// 2 change, 3 transfer), then the payload's own encoding. Byte strings are UTF-8: base handles as
/// typed, display handles as the chain shows them.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub enum SigningPayload<AccountId, BlockNumber> {
	/// `create_handle`: a new MSA holding `base_handle.suffix`.
	#[codec(index = 0)]
	Create {
		/// Base handle as typed (at most `MAX_BASE_BYTES`).
		base_handle: Vec<u8>,
		/// The suffix.
		suffix: u32,
		/// Last block at which the payload may take effect.
		expiration: BlockNumber,
	},
	/// `retire_handle`: the MSA loses `handle`.
	#[codec(index = 1)]
	Retire {
		/// The MSA.
		msa_id: u32,
		/// The display handle it holds (at most `MAX_DISPLAY_BYTES`).
		handle: Vec<u8>,
		/// Last block at which the payload may take effect.
		expiration: BlockNumber,
	},
	/// `change_handle`: the MSA trades `old_handle` for `new_base_handle.new_suffix`.
	#[codec(index = 2)]
	Change {
		/// The MSA.
		msa_id: u32,
		/// The display handle it holds, `None` when it holds none.
		old_handle: Option<Vec<u8>>,
		/// New base handle as typed.
		new_base_handle: Vec<u8>,
		/// New suffix.
		new_suffix: u32,
		/// Last block at which the payload may take effect.
		expiration: BlockNumber,
	},
	/// `transfer_ownership`: the MSA moves from `owner` to `new_owner`.
	#[codec(index = 3)]
	Transfer {
		/// The MSA.
		msa_id: u32,
		/// Its owner.
		owner: AccountId,
		/// The account that becomes its owner.
		new_owner: AccountId,
		/// Last block at which the payload may take effect.
		expiration: BlockNumber,
	},
}

sp_api::decl_runtime_apis! {
	/// Read access to user handles, one method per `handles_*` RPC method.
	///
	/// Version 2 adds [`HandlesApi::suffix_offer`]; version 3 the batch lookups
	/// [`HandlesApi::handles_for_msas`] and [`HandlesApi::msas_for_handles`]; version 4
	/// [`HandlesApi::signing_message`]; version 5 [`HandlesApi::legacy_payload_deadline`].
	#[api_version(5)]
	pub trait HandlesApi<AccountId, BlockNumber> where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// `handles_getSeed`.
		fn seed() -> SeedInfo<BlockNumber>;
		/// The options and availability of `handles_getSuffixOptions`, without what expires at
		/// the next rotation (version 1; [`HandlesApi::suffix_offer`] answers all of it).
		fn suffix_options(base_handle: Vec<u8>) -> Result<SuffixOptions, QueryError>;
		/// `handles_getSuffixOptions`: options, availability, the suffixes expiring at the next
		/// rotation and its block, all at one block (since version 2).
		fn suffix_offer(base_handle: Vec<u8>) -> Result<SuffixOffer<BlockNumber>, QueryError>;
		/// `handles_getMsaForHandle`: look-alikes of the display handle resolve too.
		fn msa_for_handle(display_handle: Vec<u8>) -> Result<Option<MsaForHandle<AccountId>>, QueryError>;
		/// `handles_getHandleForMsa`.
		fn handle_for_msa(msa_id: u32) -> Option<HandleInfo<AccountId, BlockNumber>>;
		/// `handles_getHandlesForOwner`, ascending by MSA id.
		fn handles_for_owner(owner: AccountId) -> Vec<OwnedMsa>;
		/// `handles_validateHandle`, with the chain's reserved list.
		fn validate_handle(base_handle: Vec<u8>) -> ValidationResult;
		/// `handles_getSettings`.
		fn settings() -> Settings<BlockNumber>;
		/// `handles_getHandlesForMsas`: [`HandlesApi::handle_for_msa`] of each id, in order.
		/// More than [`MAX_BATCH_LOOKUPS`] ids is refused ([`TooManyLookups`]).
		fn handles_for_msas(
			msa_ids: Vec<u32>,
		) -> Result<Vec<Option<HandleInfo<AccountId, BlockNumber>>>, TooManyLookups>;
		/// `handles_getMsasForHandles`: [`HandlesApi::msa_for_handle`] of each display handle, in
		/// order, with `None` where that one is `None` or an error (malformed, base over
		/// `MAX_BASE_BYTES`). More than [`MAX_BATCH_LOOKUPS`] handles is refused
		/// ([`TooManyLookups`]).
		fn msas_for_handles(
			display_handles: Vec<Vec<u8>>,
		) -> Result<Vec<Option<MsaForHandle<AccountId>>>, TooManyLookups>;
		/// `handles_signingMessage`: the UTF-8 bytes of the text an owner signs for `payload` on
		/// this chain (crate `handles-signing`), with the chain's name, genesis hash and SS58
		/// format, and for a transfer the MSA's current display handle. A base handle over
		/// `MAX_BASE_BYTES` or a display handle over `MAX_DISPLAY_BYTES`, which no call takes, is
		/// refused ([`QueryError::InvalidHandle`], [`QueryError::MalformedDisplayHandle`]). Since
		/// version 4.
		fn signing_message(
			payload: SigningPayload<AccountId, BlockNumber>,
		) -> Result<Vec<u8>, QueryError>;
		/// The last block at which signatures over a payload's legacy (SCALE) message are
		/// accepted (`legacyPayloadDeadline` of `handles_getSettings`, since version 5).
		#[api_version(5)]
		fn legacy_payload_deadline() -> BlockNumber;
	}
}
