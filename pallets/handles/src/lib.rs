#![doc = include_str!("../README.md")]
//!
//! ## Code map
//!
//! - [`pallet`]: Config, storage, events, errors, and the thin calls (origin check, then a `do_*`
//!   function of the feature module).
//! - `features/`: one module per feature (create, retire, change, transfer, governance, hooks,
//!   read functions, invariants).
//! - What the features share: `checks` (the rules crate applied to chain state: validation with
//!   the reserved list, options, availability), `signed` (expiration, signatures, replay
//!   checks), `records` (writing handle records and owner lists), [`pruning`] (the replay and
//!   cooldown queues) and `call_weights` (the weights the calls declare).
//! - [`types`]: storage records, payloads and the signed-message format.
//! - [`migrations`]: storage migrations, one module each (canonical forms of rules version 2, the
//!   pruning queues), with their step weights, step benchmarks and checks.
//! - [`weights`]: the [`WeightInfo`] trait and its figures.
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

mod call_weights;
mod checks;
mod features;
pub mod migrations;
pub mod pruning;
mod records;
mod signed;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use call_weights::BENCHMARKED_VERIFICATIONS;
pub use features::{
	hooks::MAX_HOOK_PROOF_SIZE,
	pool::{INVALID_HANDLE_CODES, POOL_TAG},
};
pub use pallet::*;
pub use pruning::PRUNE_PER_ENTRY;
pub use signed::{
	replay_key, verify_signature, PayloadMessages, SignatureKind, Verified, Wrapping,
	MAX_VERIFICATIONS,
};
pub use types::*;
pub use weights::WeightInfo;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::handles";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::{string::String, vec::Vec};
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{IdentifyAccount, Verify};

	/// The in-code storage version: 1 since canonical forms of version 2 of the rules crate
	/// (migration [`migrations::CanonicalFormV2`] from 0), 2 since the replay store and the
	/// cooldowns are pruned through queues (migration [`migrations::PruningQueues`] from 1), 3
	/// since canonical forms of version 3 (migration [`migrations::CanonicalFormV3`] from 2), 4
	/// since the settings hold the deadline of legacy payloads (migration
	/// [`migrations::LegacyPayloadDeadline`] from 3).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(4);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Signature of an owner over a payload (`MultiSignature` in the runtime: sr25519, ed25519,
		/// ecdsa and Ethereum keys all work). Its kind chooses the message forms it is verified
		/// against ([`PayloadMessages::verify`]).
		type Signature: Verify<Signer = Self::Signer> + Parameter + SignatureKind;

		/// The key behind a signature, which identifies an account (`MultiSigner`).
		type Signer: IdentifyAccount<AccountId = Self::AccountId>;

		/// The chain's name on the second line of every readable message (`Chain: <name> 0x<genesis
		/// hash>`): `Handles` on the dev and local chains. With the genesis hash it tells chains
		/// apart, so a payload signed for one chain never works on another.
		#[pallet::constant]
		type HandlesChainName: Get<&'static str>;

		/// Origin of the governance calls (`Root` or a council majority in the runtime).
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Blocks between seed rotations: the seeds rotate in `on_initialize` of every block `n`
		/// with `n % SeedRotationPeriod == 1`. At least 2.
		#[pallet::constant]
		type SeedRotationPeriod: Get<BlockNumberFor<Self>>;

		/// Furthest a payload's expiration may lie ahead of the current block: a payload is valid
		/// while `now <= expiration <= now + MaxPayloadLifetime`.
		#[pallet::constant]
		type MaxPayloadLifetime: Get<BlockNumberFor<Self>>;

		/// Most MSAs one account may own.
		#[pallet::constant]
		type MaxMsasPerOwner: Get<u32>;

		/// Most expired entries `on_idle` prunes in one block, from each of the two pruning queues
		/// (replay store and cooldowns), when the block has the weight left. The calls prune
		/// besides, each a little more than it adds, so the queues never fall behind; this only
		/// catches up in quiet blocks. It bounds the hook's worst case, which `integrity_test`
		/// checks against the block limits.
		#[pallet::constant]
		type MaxIdlePrune: Get<u32>;

		/// Most entries of the reserved-handle list.
		#[pallet::constant]
		type MaxReservedHandles: Get<u32>;

		/// Weights of the calls and hooks.
		type WeightInfo: WeightInfo;
	}

	/// The default settings: suffixes `1000..=9999`, reuse cooldown 100_800 blocks, legacy
	/// payloads accepted until block 100_800.
	#[pallet::type_value]
	pub fn DefaultSettings<T: Config>() -> HandleSettingsRecord<BlockNumberFor<T>> {
		HandleSettingsRecord {
			suffix_min: handles_rules::DEFAULT_SUFFIX_MIN,
			suffix_max: handles_rules::DEFAULT_SUFFIX_MAX,
			reuse_cooldown: DEFAULT_REUSE_COOLDOWN.into(),
			legacy_payload_deadline: DEFAULT_LEGACY_PAYLOAD_GRACE.into(),
		}
	}

	/// The current and the previous seed of suffix candidates.
	#[pallet::storage]
	pub type Seeds<T: Config> = StorageValue<_, SeedPair, ValueQuery>;

	/// Suffix range and reuse cooldown, set by governance.
	#[pallet::storage]
	pub type HandleSettings<T: Config> =
		StorageValue<_, HandleSettingsRecord<BlockNumberFor<T>>, ValueQuery, DefaultSettings<T>>;

	/// Reserved handles, by canonical form.
	#[pallet::storage]
	pub type ReservedHandles<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, Canonical, (), OptionQuery>;

	/// Active handles: `(canonical, suffix)` -> the MSA holding it. Exact inverse of [`MsaHandles`].
	#[pallet::storage]
	pub type HandleToMsa<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		Canonical,
		Blake2_128Concat,
		Suffix,
		MsaId,
		OptionQuery,
	>;

	/// The handle each MSA holds (absent when retired).
	#[pallet::storage]
	pub type MsaHandles<T: Config> =
		StorageMap<_, Blake2_128Concat, MsaId, HandleRecord<BlockNumberFor<T>>, OptionQuery>;

	/// The owner of every MSA ever created (MSAs are never deleted, so ids are never reused).
	#[pallet::storage]
	pub type MsaOwner<T: Config> =
		StorageMap<_, Blake2_128Concat, MsaId, T::AccountId, OptionQuery>;

	/// The MSAs of each owner, ascending.
	#[pallet::storage]
	pub type OwnerMsas<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<MsaId, T::MaxMsasPerOwner>,
		ValueQuery,
	>;

	/// Retired `(canonical, suffix)` pairs -> first block at which they may be claimed again
	/// (`retired_at + reuse_cooldown`). An entry whose block has come is stale and equals no entry;
	/// it is removed when the pair is claimed again or when [`CooldownQueue`] reaches it.
	#[pallet::storage]
	pub type CoolingDown<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		Canonical,
		Blake2_128Concat,
		Suffix,
		BlockNumberFor<T>,
		OptionQuery,
	>;

	/// Moderation: `(canonical, suffix)` -> the MSA whose handle governance retired with
	/// `force_retire_handle`. That MSA may never take the pair again.
	#[pallet::storage]
	pub type Moderated<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		Canonical,
		Blake2_128Concat,
		Suffix,
		MsaId,
		OptionQuery,
	>;

	/// Replay store: `blake2_256(message ++ signer)` of every payload that took effect (`message`:
	/// its legacy SCALE message, whichever form was signed) -> its expiration. Kept until the
	/// expiration has passed (a payload is refused as expired from block `expiration + 1` on),
	/// then pruned through [`ReplayQueue`]. No quota: an entry costs its submitter a successful
	/// call, so nobody can fill the store for somebody else.
	#[pallet::storage]
	pub type ReplayEntries<T: Config> =
		StorageMap<_, Identity, [u8; 32], BlockNumberFor<T>, OptionQuery>;

	/// The keys of [`ReplayEntries`] in the order they were recorded, with their expiration:
	/// position -> `(expiration, key)`, positions `head..tail` of [`ReplayQueueBounds`]. An entry
	/// recorded at block `b` expires by `b + MaxPayloadLifetime`, so everything recorded more than
	/// `MaxPayloadLifetime` blocks ago can be pruned from the front.
	#[pallet::storage]
	pub type ReplayQueue<T: Config> =
		StorageMap<_, Twox64Concat, u64, (BlockNumberFor<T>, [u8; 32]), OptionQuery>;

	/// Front and end of [`ReplayQueue`].
	#[pallet::storage]
	pub type ReplayQueueBounds<T: Config> = StorageValue<_, QueueBounds, ValueQuery>;

	/// Every cooldown started, in order: position -> `(canonical, suffix, available_at)`,
	/// positions `head..tail` of [`CooldownQueueBounds`]. Pruning takes the front while its block
	/// has come and removes the [`CoolingDown`] entry if it is still that cooldown.
	#[pallet::storage]
	pub type CooldownQueue<T: Config> =
		StorageMap<_, Twox64Concat, u64, (Canonical, Suffix, BlockNumberFor<T>), OptionQuery>;

	/// Front and end of [`CooldownQueue`].
	#[pallet::storage]
	pub type CooldownQueueBounds<T: Config> = StorageValue<_, QueueBounds, ValueQuery>;

	/// Genesis state of the pallet.
	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// Smallest suffix (default 1000).
		pub suffix_min: u32,
		/// Largest suffix (default 9999).
		pub suffix_max: u32,
		/// Blocks a retired handle stays unavailable (default 100_800).
		pub reuse_cooldown: BlockNumberFor<T>,
		/// Reserved base handles, stored by canonical form (default `admin`, `everyone`, `all`).
		pub reserved_handles: Vec<String>,
		/// Last block at which legacy (SCALE) payload signatures are accepted (default 100_800).
		pub legacy_payload_deadline: BlockNumberFor<T>,
		/// Synthetic handles to make at genesis, for development chains at scale (default 0;
		/// `features::synthetic`).
		pub synthetic_handles: u32,
		/// Initial value of both seeds (current and previous).
		pub initial_seed: Seed,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			let settings = DefaultSettings::<T>::get();
			Self {
				suffix_min: settings.suffix_min,
				suffix_max: settings.suffix_max,
				reuse_cooldown: settings.reuse_cooldown,
				reserved_handles: handles_rules::DEFAULT_RESERVED
					.iter()
					.map(|s| String::from(*s))
					.collect(),
				legacy_payload_deadline: settings.legacy_payload_deadline,
				synthetic_handles: 0,
				initial_seed: [0u8; 32],
			}
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			assert!(
				handles_rules::SuffixRange::new(self.suffix_min, self.suffix_max).is_ok(),
				"handles genesis: suffix_min must not exceed suffix_max"
			);
			HandleSettings::<T>::put(HandleSettingsRecord {
				suffix_min: self.suffix_min,
				suffix_max: self.suffix_max,
				reuse_cooldown: self.reuse_cooldown,
				legacy_payload_deadline: self.legacy_payload_deadline,
			});
			Seeds::<T>::put(SeedPair { current: self.initial_seed, previous: self.initial_seed });
			for base in &self.reserved_handles {
				let canonical = Pallet::<T>::reserved_canonical(base.as_bytes())
					.expect("handles genesis: every reserved handle must be a valid handle");
				assert!(
					ReservedHandles::<T>::count() < T::MaxReservedHandles::get(),
					"handles genesis: more reserved handles than MaxReservedHandles"
				);
				ReservedHandles::<T>::insert(canonical, ());
			}
			if self.synthetic_handles > 0 {
				Pallet::<T>::build_synthetic(self.synthetic_handles);
			}
		}
	}

	/// Events of the pallet. `handle` fields are display handles as UTF-8 bytes (`Alice.4821`).
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A new MSA was created holding a handle.
		MsaCreatedWithHandle {
			/// Id of the new MSA.
			msa_id: MsaId,
			/// Its owner.
			owner: T::AccountId,
			/// Its display handle.
			handle: Vec<u8>,
		},
		/// An MSA lost its handle (by its owner or by governance); the handle cools down.
		HandleRetired {
			/// The MSA.
			msa_id: MsaId,
			/// The display handle it held.
			handle: Vec<u8>,
		},
		/// An MSA got a new handle; the old one, if any, cools down.
		HandleChanged {
			/// The MSA (its id is unchanged).
			msa_id: MsaId,
			/// The display handle it held before, `None` when it had been retired.
			old_handle: Option<Vec<u8>>,
			/// Its new display handle.
			new_handle: Vec<u8>,
		},
		/// An MSA (and its handle) moved to another owner.
		OwnershipTransferred {
			/// The MSA.
			msa_id: MsaId,
			/// Owner before.
			old_owner: T::AccountId,
			/// Owner now.
			new_owner: T::AccountId,
		},
		/// Governance changed the suffix range and reuse cooldown of future claims.
		HandleSettingsChanged {
			/// Smallest suffix.
			suffix_min: u32,
			/// Largest suffix.
			suffix_max: u32,
			/// Cooldown of handles retired from now on.
			reuse_cooldown: BlockNumberFor<T>,
		},
		/// A handle and its look-alikes were reserved.
		ReservedHandleAdded {
			/// Canonical form added to the reserved list (UTF-8).
			canonical: Vec<u8>,
		},
		/// A handle was removed from the reserved list.
		ReservedHandleRemoved {
			/// Canonical form removed from the reserved list (UTF-8).
			canonical: Vec<u8>,
		},
		/// A storage migration of canonical forms found two handles that are now look-alikes with
		/// the same suffix: the one held longer keeps the pair, this MSA's handle is released (the
		/// MSA stays, without a handle, and may take another with `change_handle`).
		HandleReleasedByMigration {
			/// The MSA whose handle was released.
			msa_id: MsaId,
			/// The display handle it held.
			handle: Vec<u8>,
			/// The MSA that keeps the pair.
			held_by: MsaId,
		},
		/// Governance set the last block at which legacy (SCALE) payload signatures are accepted.
		LegacyPayloadDeadlineSet {
			/// The last block; from the next one only readable payloads are.
			block: BlockNumberFor<T>,
		},
		/// The seeds of suffix candidates rotated.
		SeedRotated {
			/// The new current seed (the parent block's hash).
			current: Seed,
			/// The new previous seed (the former current seed).
			previous: Seed,
		},
	}

	/// Errors of the pallet, named for the user's situation.
	#[pallet::error]
	pub enum Error<T> {
		/// The base handle breaks a rule; the reason names it.
		InvalidHandle(InvalidHandleReason),
		/// The payload's expiration block has passed.
		PayloadExpired,
		/// The payload's expiration lies more than `MaxPayloadLifetime` blocks ahead.
		PayloadExpirationTooFar,
		/// This signed payload has already taken effect; sign a new one.
		PayloadReplayed,
		/// No longer returned (the replay store has no per-expiration quota since storage
		/// version 2); kept so that the errors after it keep their indices.
		ExpirationBlockFull,
		/// The owner's signature does not match the payload on this chain (wrong signer, wrong
		/// chain, wrong call, or altered payload).
		InvalidSignature,
		/// The new owner's signature does not match the transfer payload.
		InvalidNewOwnerSignature,
		/// The suffix lies outside the current suffix range.
		SuffixOutOfRange,
		/// The suffix is not among the options offered for this handle under the current or the
		/// previous seed.
		SuffixNotOffered,
		/// The handle (or a look-alike with the same suffix) is held by an MSA.
		HandleTaken,
		/// The handle (or a look-alike with the same suffix) was retired recently and is cooling
		/// down.
		HandleCoolingDown,
		/// The MSA id this handle derives is already in use, so this suffix is unavailable.
		MsaIdInUse,
		/// No MSA has this id.
		MsaNotFound,
		/// The MSA holds no handle.
		MsaHasNoHandle,
		/// The signer is not the owner of the MSA.
		NotOwner,
		/// The `new_owner` argument differs from the payload's `new_owner`.
		NewOwnerMismatch,
		/// The new owner already owns the MSA.
		AlreadyOwner,
		/// The account owns `MaxMsasPerOwner` MSAs already.
		TooManyMsas,
		/// `suffix_min` is greater than `suffix_max`.
		InvalidSuffixRange,
		/// The handle (or a look-alike) is already reserved.
		AlreadyReserved,
		/// The handle is not on the reserved list.
		NotReserved,
		/// The reserved list holds `MaxReservedHandles` entries already.
		TooManyReservedHandles,
		/// The payload names a handle the MSA does not hold (any more): sign again with the
		/// handle it holds now (`None` for an MSA without a handle).
		HandleMismatch,
		/// The `owner` argument differs from the payload's `owner`: the MSA changed owner after
		/// the payload was signed, or the payload is for another owner.
		OwnerMismatch,
		/// Governance retired this handle of this MSA (`force_retire_handle`): it never returns
		/// to it.
		HandleModerated,
		/// The payload was signed in its legacy (SCALE) form, which this chain no longer accepts
		/// (after `legacy_payload_deadline`): sign the readable text instead.
		LegacyPayloadExpired,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Rotates the seeds when `n % SeedRotationPeriod == 1`.
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			Self::do_on_initialize(n)
		}

		/// Prunes expired replay entries and ended cooldowns, at most `MaxIdlePrune` of each, with
		/// the block's spare weight.
		fn on_idle(_n: BlockNumberFor<T>, remaining_weight: Weight) -> Weight {
			Self::do_on_idle(remaining_weight)
		}

		fn integrity_test() {
			Self::do_integrity_test()
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Create a new MSA owned by `owner`, holding the handle `payload.base_handle.payload.suffix`.
		///
		/// Any signed origin may submit it (a sponsor) and pays the fee; `owner` consents by
		/// signing the payload: its readable text (raw, in `<Bytes>`, or EIP-191 for an Ethereum
		/// key) or its legacy SCALE message (raw or in `<Bytes>`); see the README.
		/// The new MSA's id is `msa_id(canonical, suffix)`.
		///
		/// - `owner`: the account that will own the MSA.
		/// - `signature`: `owner`'s signature over the create message.
		/// - `payload`: base handle, suffix (one of the offered options) and expiration.
		///
		/// Errors: `PayloadExpired`, `PayloadExpirationTooFar`, `InvalidHandle`,
		/// `InvalidSignature`, `PayloadReplayed`, `SuffixOutOfRange`,
		/// `SuffixNotOffered`, `HandleTaken`, `HandleCoolingDown`, `MsaIdInUse`, `TooManyMsas`.
		///
		/// Emits `MsaCreatedWithHandle`. Declares the weight of the worst signature (a raw legacy
		/// one: four verifications) and of pruning two expired replay entries, and refunds what
		/// it did not use: three verifications when the owner signed as wallets do (the
		/// `<Bytes>`-wrapped text, or EIP-191), the pruning when nothing had expired (the same
		/// holds for every signed call), and the removal of the pair's ended cooldown when it had
		/// none.
		#[pallet::call_index(0)]
		#[pallet::weight(Pallet::<T>::create_handle_weight())]
		pub fn create_handle(
			origin: OriginFor<T>,
			owner: T::AccountId,
			signature: T::Signature,
			payload: CreateHandlePayload<BlockNumberFor<T>>,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let refund = Self::do_create_handle(owner, signature, payload)?;
			Ok(Self::actual_weight(Self::create_handle_weight(), refund))
		}

		/// Retire the handle `payload.handle` of MSA `payload.msa_id`: the MSA keeps existing
		/// without a handle and the handle cools down for `reuse_cooldown` blocks.
		///
		/// Any signed origin may submit it; `owner` must own the MSA and sign the payload, which
		/// names the display handle the MSA holds (as the chain shows it).
		///
		/// Errors: `PayloadExpired`, `PayloadExpirationTooFar`, `MsaNotFound`, `NotOwner`,
		/// `MsaHasNoHandle`, `HandleMismatch` (the MSA holds another handle now),
		/// `InvalidSignature`, `PayloadReplayed`.
		///
		/// Emits `HandleRetired`.
		#[pallet::call_index(1)]
		#[pallet::weight(Pallet::<T>::retire_handle_weight())]
		pub fn retire_handle(
			origin: OriginFor<T>,
			owner: T::AccountId,
			signature: T::Signature,
			payload: RetireHandlePayload<BlockNumberFor<T>>,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let refund = Self::do_retire_handle(owner, signature, payload)?;
			Ok(Self::actual_weight(Self::retire_handle_weight(), refund))
		}

		/// Give MSA `payload.msa_id` the handle `new_base_handle.new_suffix` in place of
		/// `payload.old_handle`; it keeps its id. Its old handle, if any, cools down. Also gives a
		/// handle to an MSA whose handle was retired (`old_handle: None`). A new spelling of the
		/// same handle (same canonical form and suffix, `alice.4821` to `Alice.4821`) restyles it
		/// at once: no option check, no cooldown.
		///
		/// Any signed origin may submit it; `owner` must own the MSA and sign the payload.
		///
		/// Errors: `PayloadExpired`, `PayloadExpirationTooFar`, `MsaNotFound`, `NotOwner`,
		/// `HandleMismatch` (the MSA holds another handle now, or none), `InvalidHandle`,
		/// `InvalidSignature`, `PayloadReplayed`, `HandleModerated`,
		/// `SuffixOutOfRange`, `SuffixNotOffered`, `HandleTaken`, `HandleCoolingDown`,
		/// `MsaIdInUse`.
		///
		/// Emits `HandleChanged`.
		#[pallet::call_index(2)]
		#[pallet::weight(Pallet::<T>::change_handle_weight())]
		pub fn change_handle(
			origin: OriginFor<T>,
			owner: T::AccountId,
			signature: T::Signature,
			payload: ChangeHandlePayload<BlockNumberFor<T>>,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let refund = Self::do_change_handle(owner, signature, payload)?;
			Ok(Self::actual_weight(Self::change_handle_weight(), refund))
		}

		/// Move MSA `payload.msa_id` (and its handle, if any) from `owner` to `new_owner`.
		///
		/// Any signed origin may submit it; both `owner` (the current owner, named in the
		/// payload) and `new_owner` sign the same transfer message, and each signature takes
		/// effect once.
		///
		/// Errors: `PayloadExpired`, `PayloadExpirationTooFar`, `NewOwnerMismatch`,
		/// `OwnerMismatch`, `MsaNotFound`, `NotOwner`, `AlreadyOwner`, `InvalidSignature`,
		/// `InvalidNewOwnerSignature`, `PayloadReplayed`, `TooManyMsas`.
		///
		/// Emits `OwnershipTransferred`.
		#[pallet::call_index(3)]
		#[pallet::weight(Pallet::<T>::transfer_ownership_weight())]
		pub fn transfer_ownership(
			origin: OriginFor<T>,
			owner: T::AccountId,
			signature: T::Signature,
			new_owner: T::AccountId,
			new_owner_signature: T::Signature,
			payload: TransferOwnershipPayload<T::AccountId, BlockNumberFor<T>>,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let refund = Self::do_transfer_ownership(
				owner,
				signature,
				new_owner,
				new_owner_signature,
				payload,
			)?;
			Ok(Self::actual_weight(Self::transfer_ownership_weight(), refund))
		}

		/// Set the suffix range (`suffix_min..=suffix_max`) of future claims and the cooldown of
		/// handles retired from now on. Existing handles and running cooldowns are untouched.
		///
		/// Origin: `GovernanceOrigin`.
		///
		/// Errors: `BadOrigin`, `InvalidSuffixRange`.
		///
		/// Emits `HandleSettingsChanged`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_handle_settings())]
		pub fn set_handle_settings(
			origin: OriginFor<T>,
			suffix_min: u32,
			suffix_max: u32,
			reuse_cooldown: BlockNumberFor<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_handle_settings(suffix_min, suffix_max, reuse_cooldown)
		}

		/// Reserve the base handle `base` and all its look-alikes (stored by canonical form).
		/// Handles already held keep existing.
		///
		/// Origin: `GovernanceOrigin`.
		///
		/// Errors: `BadOrigin`, `InvalidHandle`, `AlreadyReserved`, `TooManyReservedHandles`.
		///
		/// Emits `ReservedHandleAdded`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::add_reserved_handle())]
		pub fn add_reserved_handle(origin: OriginFor<T>, base: BaseHandle) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_add_reserved_handle(base)
		}

		/// Remove the base handle `base` (compared by canonical form) from the reserved list.
		///
		/// Origin: `GovernanceOrigin`.
		///
		/// Errors: `BadOrigin`, `InvalidHandle`, `NotReserved`.
		///
		/// Emits `ReservedHandleRemoved`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::remove_reserved_handle())]
		pub fn remove_reserved_handle(origin: OriginFor<T>, base: BaseHandle) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_remove_reserved_handle(base)
		}

		/// Moderation: retire the handle of MSA `msa_id` as `retire_handle` would; the handle
		/// never returns to this MSA (`change_handle` to it fails with `HandleModerated`).
		///
		/// Origin: `GovernanceOrigin`.
		///
		/// Errors: `BadOrigin`, `MsaNotFound`, `MsaHasNoHandle`.
		///
		/// Emits `HandleRetired`.
		#[pallet::call_index(7)]
		#[pallet::weight(Pallet::<T>::force_retire_handle_weight())]
		pub fn force_retire_handle(
			origin: OriginFor<T>,
			msa_id: MsaId,
		) -> DispatchResultWithPostInfo {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let refund = Self::do_force_retire_handle(msa_id)?;
			Ok(Self::actual_weight(Self::force_retire_handle_weight(), refund))
		}

		/// Set the last block at which a signature over a payload's legacy (SCALE) message is
		/// accepted; from the next block only the readable text is (`LegacyPayloadExpired`
		/// otherwise). A block in the past ends legacy payloads at once; a later one brings them
		/// back until then.
		///
		/// Origin: `GovernanceOrigin`.
		///
		/// Errors: `BadOrigin`.
		///
		/// Emits `LegacyPayloadDeadlineSet`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::set_legacy_payload_deadline())]
		pub fn set_legacy_payload_deadline(
			origin: OriginFor<T>,
			block: BlockNumberFor<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_legacy_payload_deadline(block);
			Ok(())
		}
	}
}

/// Default reuse cooldown in blocks: 100_800 blocks, one week of 6-second blocks. The genesis
/// default of `reuse_cooldown`.
pub const DEFAULT_REUSE_COOLDOWN: u32 = 100_800;

/// Blocks legacy (SCALE) payloads stay accepted after the upgrade that brings their deadline
/// (migration [`migrations::LegacyPayloadDeadline`]), and after genesis on a new chain: 100_800,
/// one week of 6-second blocks.
pub const DEFAULT_LEGACY_PAYLOAD_GRACE: u32 = 100_800;
