//! Benchmarks of `pallet-handles` (FRAME benchmarks v2), each set up for its worst case:
//!
//! - the handle with the longest canonical form: ten Hangul syllables U+CB94 and `mm` (32 bytes,
//!   canonical form 214 bytes; the rules' bound is 224). Hangul handles are also the slowest to
//!   validate (see "Weights" in the pallet README);
//! - the full `u32` suffix range;
//! - signatures over the raw message, so each is verified twice (the `<Bytes>`-wrapped form that
//!   wallets produce is tried first);
//! - every signed call three times, with an sr25519, an ed25519 and an ecdsa owner
//!   (`create_handle`, `create_handle_ed25519`, `create_handle_ecdsa`, ...): the call declares the
//!   largest of the three, so no key scheme is cheaper to declare than to run;
//! - owners' MSA lists full (`MaxMsasPerOwner - 1` before an insert, `MaxMsasPerOwner` before a
//!   removal);
//! - an old handle that cools down on change, a non-zero cooldown on retire;
//! - `prune_replay(p)` and `prune_cooldowns(p)` over `p` in `0..=MaxIdlePrune`, each pruned entry
//!   expired and one more, not yet expired, behind them (the read that stops the pruning). The
//!   pruning a call does (two entries per entry it adds) is declared on top of the call's own
//!   benchmark, which runs with empty queues.
//!
//! The `probe_*` benchmarks are not weights: they check that these choices are the worst case
//! (raw signatures, other handles, emptier owner lists). They are marked `extra`, so the CLI runs
//! them only with `--extra` and they stay out of `weights.rs`; the pallet README has the command
//! and the figures.
//!
//! Keys are made in the benchmark keystore (`sp_io::crypto`), so the runtime's `Signer` and
//! `Signature` must convert from sr25519, ed25519 and ecdsa keys and signatures
//! (`MultiSigner`/`MultiSignature` do).

use super::*;
use crate::Pallet as Handles;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::{crypto::KeyTypeId, ecdsa, ed25519, sr25519};
use sp_runtime::traits::IdentifyAccount;

/// Key type of the benchmark keys.
const KEY_TYPE: KeyTypeId = KeyTypeId(*b"hndl");
/// Block at which the benchmarks run.
const NOW: u32 = 10;
/// Syllables whose handles have the longest canonical form (see the module docs).
const WORST_SYLLABLE: char = '\u{CB94}';
const WORST_SYLLABLE_2: char = '\u{CB92}';

/// A runtime `Signer` the benchmark keys convert into.
pub trait BenchmarkSigner:
	From<sr25519::Public> + From<ed25519::Public> + From<ecdsa::Public>
{
}
impl<S: From<sr25519::Public> + From<ed25519::Public> + From<ecdsa::Public>> BenchmarkSigner for S {}

/// A runtime `Signature` the benchmark signatures convert into.
pub trait BenchmarkSignature:
	From<sr25519::Signature> + From<ed25519::Signature> + From<ecdsa::Signature>
{
}
impl<S: From<sr25519::Signature> + From<ed25519::Signature> + From<ecdsa::Signature>>
	BenchmarkSignature for S
{
}

/// The key scheme of a benchmark key.
#[derive(Clone, Copy)]
enum Scheme {
	Sr25519,
	Ed25519,
	Ecdsa,
}

/// A public key of the benchmark keystore.
#[derive(Clone, Copy)]
enum BenchPublic {
	Sr25519(sr25519::Public),
	Ed25519(ed25519::Public),
	Ecdsa(ecdsa::Public),
}

/// How a benchmark key signs a payload's message.
#[derive(Clone, Copy, PartialEq)]
enum Form {
	/// The message as is (verified after the wrapped attempt fails: two verifications).
	Raw,
	/// The `<Bytes>`-wrapped message, as wallets sign (one verification).
	Wrapped,
}

/// A signing key of the benchmark keystore and its account.
struct BenchKey<T: Config> {
	public: BenchPublic,
	account: T::AccountId,
}

impl<T: Config> BenchKey<T>
where
	T::Signer: BenchmarkSigner,
	T::Signature: BenchmarkSignature,
{
	/// An sr25519 key.
	fn new() -> Self {
		Self::of(Scheme::Sr25519)
	}

	/// A new key of `scheme`.
	fn of(scheme: Scheme) -> Self {
		Self::from_public(match scheme {
			Scheme::Sr25519 => {
				BenchPublic::Sr25519(sp_io::crypto::sr25519_generate(KEY_TYPE, None))
			}
			Scheme::Ed25519 => {
				BenchPublic::Ed25519(sp_io::crypto::ed25519_generate(KEY_TYPE, None))
			}
			Scheme::Ecdsa => BenchPublic::Ecdsa(sp_io::crypto::ecdsa_generate(KEY_TYPE, None)),
		})
	}

	fn from_public(public: BenchPublic) -> Self {
		let signer = match public {
			BenchPublic::Sr25519(p) => T::Signer::from(p),
			BenchPublic::Ed25519(p) => T::Signer::from(p),
			BenchPublic::Ecdsa(p) => T::Signer::from(p),
		};
		Self { public, account: signer.into_account() }
	}

	/// Signature over `payload`'s message in `form`.
	fn sign_as<P: SignedPayload>(&self, payload: &P, form: Form) -> T::Signature {
		let mut message = Handles::<T>::message_for(payload);
		if form == Form::Wrapped {
			message = wrap_bytes(&message);
		}
		const IN_KEYSTORE: &str = "the key was generated in the keystore";
		match self.public {
			BenchPublic::Sr25519(p) => {
				sp_io::crypto::sr25519_sign(KEY_TYPE, &p, &message).expect(IN_KEYSTORE).into()
			}
			BenchPublic::Ed25519(p) => {
				sp_io::crypto::ed25519_sign(KEY_TYPE, &p, &message).expect(IN_KEYSTORE).into()
			}
			BenchPublic::Ecdsa(p) => {
				sp_io::crypto::ecdsa_sign(KEY_TYPE, &p, &message).expect(IN_KEYSTORE).into()
			}
		}
	}

	/// Signature over the raw message of `payload` (the slower path to verify).
	fn sign<P: SignedPayload>(&self, payload: &P) -> T::Signature {
		self.sign_as(payload, Form::Raw)
	}
}

/// A worst-case base handle (longest canonical form): ten `syllable`s (three bytes each, 21 bytes
/// of canonical form each) and `mm` (`rnrn`).
fn worst_handle(syllable: char) -> Vec<u8> {
	let mut handle: alloc::string::String = core::iter::repeat_n(syllable, 10).collect();
	handle.push_str("mm");
	handle.into_bytes()
}

/// A base handle of `len` ASCII letters `letter` (`m` folds to `rn`, doubling its canonical form).
fn ascii_handle(letter: u8, len: u32) -> Vec<u8> {
	alloc::vec![letter; len as usize]
}

fn setup<T: Config>() {
	frame_system::Pallet::<T>::set_block_number(NOW.into());
	HandleSettings::<T>::put(HandleSettingsRecord {
		suffix_min: 0,
		suffix_max: u32::MAX,
		reuse_cooldown: 100_800u32.into(),
	});
	Seeds::<T>::put(SeedPair { current: [1u8; 32], previous: [2u8; 32] });
}

fn expiration<T: Config>() -> BlockNumberFor<T> {
	(NOW + 100).into()
}

/// Queues `expired` replay entries that expired before block `NOW`, then one that has not.
fn fill_replay_queue<T: Config>(expired: u32) {
	for i in 0..=expired {
		let expiration: BlockNumberFor<T> = if i < expired { NOW - 1 } else { NOW }.into();
		let key = sp_io::hashing::blake2_256(&i.to_le_bytes());
		ReplayEntries::<T>::insert(key, expiration);
		ReplayQueue::<T>::insert(u64::from(i), (expiration, key));
	}
	ReplayQueueBounds::<T>::put(QueueBounds { head: 0, tail: u64::from(expired) + 1 });
}

/// Queues `ended` cooldowns of worst-case handles that ended at block `NOW`, then one that has
/// not; each is still the pair's cooldown, so pruning removes it.
fn fill_cooldown_queue<T: Config>(ended: u32) {
	let canonical = canonical_of(&worst_handle(WORST_SYLLABLE));
	for i in 0..=ended {
		let available_at: BlockNumberFor<T> = if i < ended { NOW } else { NOW + 1 }.into();
		CoolingDown::<T>::insert(&canonical, i, available_at);
		CooldownQueue::<T>::insert(u64::from(i), (canonical.clone(), i, available_at));
	}
	CooldownQueueBounds::<T>::put(QueueBounds { head: 0, tail: u64::from(ended) + 1 });
}

/// One below the owner's MSA bound: the longest list an MSA can still be added to.
fn fullest_owner<T: Config>() -> u32 {
	T::MaxMsasPerOwner::get().saturating_sub(1)
}

/// Gives `owner` `count` MSAs with ids counting down from `u32::MAX` (no handles).
fn fill_owner<T: Config>(owner: &T::AccountId, count: u32) {
	let mut ids: Vec<MsaId> = (0..count).map(|i| u32::MAX - i).collect();
	ids.sort();
	for id in &ids {
		MsaOwner::<T>::insert(id, owner);
	}
	OwnerMsas::<T>::insert(owner, BoundedVec::truncate_from(ids));
}

/// The first available suffix of `base`.
fn first_available<T: Config>(base: &[u8]) -> Suffix {
	*Handles::<T>::suffix_options(base.to_vec())
		.expect("valid handle")
		.available
		.first()
		.expect("an available suffix")
}

/// The canonical form of `base`, bounded for storage.
fn canonical_of(base: &[u8]) -> Canonical {
	bounded(handles_rules::canonical(core::str::from_utf8(base).expect("UTF-8")).into_bytes())
}

/// Leaves an ended cooldown on `(base, suffix)`, as when pruning has not reached it yet: the
/// worst case of taking a pair, which then removes the entry (one more write).
fn leave_ended_cooldown<T: Config>(base: &[u8], suffix: Suffix) {
	CoolingDown::<T>::insert(canonical_of(base), suffix, BlockNumberFor::<T>::from(NOW));
}

/// Creates an MSA for `owner` holding `base` directly in storage; returns its id.
fn give_handle<T: Config>(owner: &T::AccountId, base: &[u8]) -> MsaId {
	let suffix = first_available::<T>(base);
	let checked = Handles::<T>::check_handle(base).expect("valid handle");
	let claim = Handles::<T>::check_claim(checked, suffix, None).expect("available");
	let msa_id = claim.derived_msa_id;
	let _ = Handles::<T>::write_handle(msa_id, claim);
	MsaOwner::<T>::insert(msa_id, owner);
	let owned = Handles::<T>::owned_with(owner, msa_id).expect("room");
	OwnerMsas::<T>::insert(owner, owned);
	msa_id
}

/// A `create_handle` case: `owner` (holding `owned` MSAs) signs in `form` a payload for `base`.
/// Returns the signature and the payload.
fn create_case<T: Config>(
	owner: &BenchKey<T>,
	form: Form,
	base: Vec<u8>,
	owned: u32,
) -> (T::Signature, CreateHandlePayload<BlockNumberFor<T>>)
where
	T::Signer: BenchmarkSigner,
	T::Signature: BenchmarkSignature,
{
	setup::<T>();
	fill_owner::<T>(&owner.account, owned);
	let suffix = first_available::<T>(&base);
	leave_ended_cooldown::<T>(&base, suffix);
	let payload =
		CreateHandlePayload { base_handle: bounded(base), suffix, expiration: expiration::<T>() };
	(owner.sign_as(&payload, form), payload)
}

/// The worst `create_handle` case for `owner` signing in `form`: the worst handle, the fullest
/// owner list.
fn worst_create<T: Config>(
	owner: &BenchKey<T>,
	form: Form,
) -> (T::Signature, CreateHandlePayload<BlockNumberFor<T>>)
where
	T::Signer: BenchmarkSigner,
	T::Signature: BenchmarkSignature,
{
	create_case::<T>(owner, form, worst_handle(WORST_SYLLABLE), fullest_owner::<T>())
}

/// A `transfer_ownership` case: both owners (keys of `scheme`) hold `owned` MSAs, then the owner
/// gets one with the worst handle, which moves.
struct TransferCase<T: Config> {
	owner: BenchKey<T>,
	new_owner: BenchKey<T>,
	msa_id: MsaId,
	signature: T::Signature,
	new_owner_signature: T::Signature,
	payload: TransferOwnershipPayload<T::AccountId, BlockNumberFor<T>>,
}

fn transfer_case<T: Config>(owned: u32, scheme: Scheme) -> TransferCase<T>
where
	T::Signer: BenchmarkSigner,
	T::Signature: BenchmarkSignature,
{
	setup::<T>();
	let owner = BenchKey::<T>::of(scheme);
	let new_owner = BenchKey::<T>::of(scheme);
	fill_owner::<T>(&owner.account, owned);
	fill_owner::<T>(&new_owner.account, owned);
	let msa_id = give_handle::<T>(&owner.account, &worst_handle(WORST_SYLLABLE));
	let payload = TransferOwnershipPayload {
		msa_id,
		owner: owner.account.clone(),
		new_owner: new_owner.account.clone(),
		expiration: expiration::<T>(),
	};
	let signature = owner.sign(&payload);
	let new_owner_signature = new_owner.sign(&payload);
	TransferCase { owner, new_owner, msa_id, signature, new_owner_signature, payload }
}

/// A `retire_handle` case: an owner (key of `scheme`) with the fullest MSA list, one of them
/// holding the worst handle. Returns the owner, the MSA, the signature and the payload.
fn retire_case<T: Config>(
	scheme: Scheme,
) -> (BenchKey<T>, MsaId, T::Signature, RetireHandlePayload<BlockNumberFor<T>>)
where
	T::Signer: BenchmarkSigner,
	T::Signature: BenchmarkSignature,
{
	setup::<T>();
	let owner = BenchKey::<T>::of(scheme);
	fill_owner::<T>(&owner.account, fullest_owner::<T>());
	let msa_id = give_handle::<T>(&owner.account, &worst_handle(WORST_SYLLABLE));
	let handle = MsaHandles::<T>::get(msa_id).map(|r| r.display()).unwrap_or_default();
	let payload =
		RetireHandlePayload { msa_id, handle: bounded(handle), expiration: expiration::<T>() };
	let signature = owner.sign(&payload);
	(owner, msa_id, signature, payload)
}

/// A `change_handle` case: an owner (key of `scheme`) with the fullest MSA list, one of them
/// holding a worst handle that it changes for the other worst handle (the old one cools down).
fn change_case<T: Config>(
	scheme: Scheme,
) -> (BenchKey<T>, MsaId, T::Signature, ChangeHandlePayload<BlockNumberFor<T>>)
where
	T::Signer: BenchmarkSigner,
	T::Signature: BenchmarkSignature,
{
	setup::<T>();
	let owner = BenchKey::<T>::of(scheme);
	fill_owner::<T>(&owner.account, fullest_owner::<T>());
	let msa_id = give_handle::<T>(&owner.account, &worst_handle(WORST_SYLLABLE_2));
	let new_base = worst_handle(WORST_SYLLABLE);
	let new_suffix = first_available::<T>(&new_base);
	leave_ended_cooldown::<T>(&new_base, new_suffix);
	let payload = ChangeHandlePayload {
		msa_id,
		old_handle: MsaHandles::<T>::get(msa_id).map(|r| bounded(r.display())),
		new_base_handle: bounded(new_base),
		new_suffix,
		expiration: expiration::<T>(),
	};
	let signature = owner.sign(&payload);
	(owner, msa_id, signature, payload)
}

/// The longest signed message (a transfer's) and a `<Bytes>`-wrapped signature over it by a new
/// key of `scheme`: one verification, the one a wallet-signed payload needs.
fn longest_wallet_message<T: Config>(scheme: Scheme) -> (BenchKey<T>, Vec<u8>, T::Signature)
where
	T::Signer: BenchmarkSigner,
	T::Signature: BenchmarkSignature,
{
	setup::<T>();
	let key = BenchKey::<T>::of(scheme);
	let payload = TransferOwnershipPayload {
		msa_id: u32::MAX,
		owner: key.account.clone(),
		new_owner: key.account.clone(),
		expiration: expiration::<T>(),
	};
	let signature = key.sign_as(&payload, Form::Wrapped);
	(key, Handles::<T>::message_for(&payload), signature)
}

/// `bytes` as a bounded call argument (the benchmark handles fit their bounds).
fn bounded<S: Get<u32>>(bytes: Vec<u8>) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(bytes)
}

fn assert_last_event<T: Config>(event: Event<T>) {
	let event: <T as frame_system::Config>::RuntimeEvent = event.into();
	frame_system::Pallet::<T>::assert_last_event(event);
}

#[benchmarks(where
	T::Signer: BenchmarkSigner,
	T::Signature: BenchmarkSignature,
)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_handle() {
		let owner = BenchKey::<T>::of(Scheme::Sr25519);
		let (signature, payload) = worst_create::<T>(&owner, Form::Raw);
		let pair = (canonical_of(&payload.base_handle), payload.suffix);
		let sponsor: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		create_handle(RawOrigin::Signed(sponsor), owner.account.clone(), signature, payload);

		assert_eq!(OwnerMsas::<T>::get(&owner.account).len() as u32, T::MaxMsasPerOwner::get());
		// The ended cooldown the pair had was removed.
		assert!(!CoolingDown::<T>::contains_key(&pair.0, pair.1));
		assert!(HandleToMsa::<T>::contains_key(&pair.0, pair.1));
	}

	#[benchmark]
	fn retire_handle() {
		let (owner, msa_id, signature, payload) = retire_case::<T>(Scheme::Sr25519);
		let sponsor: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		retire_handle(RawOrigin::Signed(sponsor), owner.account.clone(), signature, payload);

		assert!(!MsaHandles::<T>::contains_key(msa_id));
	}

	#[benchmark]
	fn change_handle() {
		let (owner, msa_id, signature, payload) = change_case::<T>(Scheme::Sr25519);
		let new_suffix = payload.new_suffix;
		let new_canonical = canonical_of(&payload.new_base_handle);
		let sponsor: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		change_handle(RawOrigin::Signed(sponsor), owner.account.clone(), signature, payload);

		assert_eq!(MsaHandles::<T>::get(msa_id).map(|r| r.suffix), Some(new_suffix));
		// The ended cooldown the new pair had was removed.
		assert!(!CoolingDown::<T>::contains_key(&new_canonical, new_suffix));
	}

	#[benchmark]
	fn transfer_ownership() {
		let case = transfer_case::<T>(fullest_owner::<T>(), Scheme::Sr25519);
		let sponsor: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		transfer_ownership(
			RawOrigin::Signed(sponsor),
			case.owner.account.clone(),
			case.signature,
			case.new_owner.account.clone(),
			case.new_owner_signature,
			case.payload,
		);

		assert_eq!(MsaOwner::<T>::get(case.msa_id), Some(case.new_owner.account));
	}

	#[benchmark]
	fn create_handle_ed25519() {
		let owner = BenchKey::<T>::of(Scheme::Ed25519);
		let (signature, payload) = worst_create::<T>(&owner, Form::Raw);
		let sponsor: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		create_handle(RawOrigin::Signed(sponsor), owner.account.clone(), signature, payload);

		assert_eq!(OwnerMsas::<T>::get(&owner.account).len() as u32, T::MaxMsasPerOwner::get());
	}

	#[benchmark]
	fn retire_handle_ed25519() {
		let (owner, msa_id, signature, payload) = retire_case::<T>(Scheme::Ed25519);
		let sponsor: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		retire_handle(RawOrigin::Signed(sponsor), owner.account.clone(), signature, payload);

		assert!(!MsaHandles::<T>::contains_key(msa_id));
	}

	#[benchmark]
	fn change_handle_ed25519() {
		let (owner, msa_id, signature, payload) = change_case::<T>(Scheme::Ed25519);
		let new_suffix = payload.new_suffix;
		let sponsor: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		change_handle(RawOrigin::Signed(sponsor), owner.account.clone(), signature, payload);

		assert_eq!(MsaHandles::<T>::get(msa_id).map(|r| r.suffix), Some(new_suffix));
	}

	#[benchmark]
	fn transfer_ownership_ed25519() {
		let case = transfer_case::<T>(fullest_owner::<T>(), Scheme::Ed25519);
		let sponsor: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		transfer_ownership(
			RawOrigin::Signed(sponsor),
			case.owner.account.clone(),
			case.signature,
			case.new_owner.account.clone(),
			case.new_owner_signature,
			case.payload,
		);

		assert_eq!(MsaOwner::<T>::get(case.msa_id), Some(case.new_owner.account));
	}

	#[benchmark]
	fn create_handle_ecdsa() {
		let owner = BenchKey::<T>::of(Scheme::Ecdsa);
		let (signature, payload) = worst_create::<T>(&owner, Form::Raw);
		let sponsor: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		create_handle(RawOrigin::Signed(sponsor), owner.account.clone(), signature, payload);

		assert_eq!(OwnerMsas::<T>::get(&owner.account).len() as u32, T::MaxMsasPerOwner::get());
	}

	#[benchmark]
	fn retire_handle_ecdsa() {
		let (owner, msa_id, signature, payload) = retire_case::<T>(Scheme::Ecdsa);
		let sponsor: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		retire_handle(RawOrigin::Signed(sponsor), owner.account.clone(), signature, payload);

		assert!(!MsaHandles::<T>::contains_key(msa_id));
	}

	#[benchmark]
	fn change_handle_ecdsa() {
		let (owner, msa_id, signature, payload) = change_case::<T>(Scheme::Ecdsa);
		let new_suffix = payload.new_suffix;
		let sponsor: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		change_handle(RawOrigin::Signed(sponsor), owner.account.clone(), signature, payload);

		assert_eq!(MsaHandles::<T>::get(msa_id).map(|r| r.suffix), Some(new_suffix));
	}

	#[benchmark]
	fn transfer_ownership_ecdsa() {
		let case = transfer_case::<T>(fullest_owner::<T>(), Scheme::Ecdsa);
		let sponsor: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		transfer_ownership(
			RawOrigin::Signed(sponsor),
			case.owner.account.clone(),
			case.signature,
			case.new_owner.account.clone(),
			case.new_owner_signature,
			case.payload,
		);

		assert_eq!(MsaOwner::<T>::get(case.msa_id), Some(case.new_owner.account));
	}

	#[benchmark]
	fn set_handle_settings() -> Result<(), BenchmarkError> {
		setup::<T>();
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 0, u32::MAX, 7u32.into());

		assert_last_event::<T>(Event::HandleSettingsChanged {
			suffix_min: 0,
			suffix_max: u32::MAX,
			reuse_cooldown: 7u32.into(),
		});
		Ok(())
	}

	#[benchmark]
	fn add_reserved_handle() -> Result<(), BenchmarkError> {
		setup::<T>();
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let base = worst_handle(WORST_SYLLABLE);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, bounded(base.clone()));

		let canonical = Handles::<T>::reserved_canonical(&base).expect("valid");
		assert!(ReservedHandles::<T>::contains_key(canonical));
		Ok(())
	}

	#[benchmark]
	fn remove_reserved_handle() -> Result<(), BenchmarkError> {
		setup::<T>();
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let base = worst_handle(WORST_SYLLABLE);
		let canonical = Handles::<T>::reserved_canonical(&base).expect("valid");
		ReservedHandles::<T>::insert(&canonical, ());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, bounded(base));

		assert!(!ReservedHandles::<T>::contains_key(canonical));
		Ok(())
	}

	#[benchmark]
	fn force_retire_handle() -> Result<(), BenchmarkError> {
		setup::<T>();
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let owner: T::AccountId = account("owner", 0, 0);
		let msa_id = give_handle::<T>(&owner, &worst_handle(WORST_SYLLABLE));

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, msa_id);

		assert!(!MsaHandles::<T>::contains_key(msa_id));
		Ok(())
	}

	#[benchmark]
	fn rotate_seeds() {
		setup::<T>();
		let before = Seeds::<T>::get();

		#[block]
		{
			Handles::<T>::rotate_seeds();
		}

		assert_eq!(Seeds::<T>::get().previous, before.current);
	}

	#[benchmark]
	fn prune_replay(p: Linear<0, { T::MaxIdlePrune::get() }>) {
		setup::<T>();
		fill_replay_queue::<T>(p);
		let pruned;

		#[block]
		{
			pruned = Handles::<T>::prune_replay(p.saturating_add(1));
		}

		assert_eq!(pruned, p);
		assert_eq!(ReplayQueueBounds::<T>::get().len(), 1);
	}

	#[benchmark]
	fn prune_cooldowns(p: Linear<0, { T::MaxIdlePrune::get() }>) {
		setup::<T>();
		fill_cooldown_queue::<T>(p);
		let pruned;

		#[block]
		{
			pruned = Handles::<T>::prune_cooldowns(p.saturating_add(1));
		}

		assert_eq!(pruned, p);
		assert_eq!(CooldownQueueBounds::<T>::get().len(), 1);
		assert_eq!(CoolingDown::<T>::iter().count(), 1);
	}

	#[benchmark]
	fn verify_sr25519() {
		let (key, message, signature) = longest_wallet_message::<T>(Scheme::Sr25519);
		let verified;

		#[block]
		{
			verified = crate::verify_signature(&signature, &key.account, &message);
		}

		assert_eq!(verified, Some(Verified::Wrapped));
	}

	#[benchmark]
	fn verify_ed25519() {
		let (key, message, signature) = longest_wallet_message::<T>(Scheme::Ed25519);
		let verified;

		#[block]
		{
			verified = crate::verify_signature(&signature, &key.account, &message);
		}

		assert_eq!(verified, Some(Verified::Wrapped));
	}

	#[benchmark]
	fn verify_ecdsa() {
		let (key, message, signature) = longest_wallet_message::<T>(Scheme::Ecdsa);
		let verified;

		#[block]
		{
			verified = crate::verify_signature(&signature, &key.account, &message);
		}

		assert_eq!(verified, Some(Verified::Wrapped));
	}

	// Worst-case checks (not weights; see the module docs).

	/// `create_handle` with an ASCII handle of `l` bytes (`m`, canonical `2 l` bytes) and `o` MSAs
	/// already owned: the slopes must not be negative, and at `l` = 32 it must not cost more than
	/// `create_handle` with the worst handle.
	#[benchmark(extra)]
	fn probe_create_ascii(
		l: Linear<
			{ handles_rules::MIN_BASE_CHARS as u32 },
			{ handles_rules::MAX_BASE_BYTES as u32 },
		>,
		o: Linear<0, { T::MaxMsasPerOwner::get().saturating_sub(1) }>,
	) {
		let owner = BenchKey::<T>::new();
		let (signature, payload) = create_case::<T>(&owner, Form::Raw, ascii_handle(b'm', l), o);
		let sponsor: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		create_handle(RawOrigin::Signed(sponsor), owner.account.clone(), signature, payload);

		assert_eq!(OwnerMsas::<T>::get(&owner.account).len() as u32, o + 1);
	}

	/// `create_handle` signed over the `<Bytes>`-wrapped message, as wallets sign (one
	/// verification instead of two).
	#[benchmark(extra)]
	fn probe_create_wallet_signature() {
		let owner = BenchKey::<T>::new();
		let (signature, payload) = worst_create::<T>(&owner, Form::Wrapped);
		let sponsor: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		create_handle(RawOrigin::Signed(sponsor), owner.account.clone(), signature, payload);

		assert_eq!(OwnerMsas::<T>::get(&owner.account).len() as u32, T::MaxMsasPerOwner::get());
	}

	/// Where the time of a wallet-signed `create_handle` goes, in the state of the worst create:
	/// `r` storage reads of existing entries (`MsaOwner` of `r` more MSAs of the owner), the
	/// slope being the cost of one read through the trie as every benchmark reads.
	#[benchmark(extra)]
	fn probe_create_reads(r: Linear<1, 20>) {
		let owner = BenchKey::<T>::new();
		let _ = worst_create::<T>(&owner, Form::Wrapped);
		let ids: Vec<MsaId> = (1..=r).collect();
		for id in &ids {
			MsaOwner::<T>::insert(id, &owner.account);
		}
		let mut found = 0u32;

		#[block]
		{
			for id in &ids {
				found += u32::from(MsaOwner::<T>::get(id).is_some());
			}
		}

		assert_eq!(found, r);
	}

	/// The rules' validation of the worst handle alone (no storage).
	#[benchmark(extra)]
	fn probe_create_validate() {
		let owner = BenchKey::<T>::new();
		let (_, payload) = worst_create::<T>(&owner, Form::Wrapped);
		let valid;

		#[block]
		{
			valid = handles_rules::validate(&payload.base_handle, |_| false);
		}

		assert!(valid.is_ok());
	}

	/// The suffix options and the derived MSA id of the worst handle alone (no storage).
	#[benchmark(extra)]
	fn probe_create_options() {
		let owner = BenchKey::<T>::new();
		let (_, payload) = worst_create::<T>(&owner, Form::Wrapped);
		let canonical = handles_rules::canonical(
			core::str::from_utf8(&payload.base_handle).expect("the worst handle is UTF-8"),
		);
		// The set-up's seeds and range, read before the measured block.
		let (seeds, range) = (Seeds::<T>::get(), Handles::<T>::suffix_range());
		let (options, derived);

		#[block]
		{
			options = Handles::<T>::options_under(&seeds, &canonical, range);
			derived = Handles::<T>::derived_msa_id(&canonical, payload.suffix);
		}

		assert!(options.contains(&payload.suffix));
		assert!(!MsaOwner::<T>::contains_key(derived));
	}

	/// Every check of the worst wallet-signed create and none of its writes: validation with the
	/// reserved read, the message, one verification with the replay read, the claim's reads and
	/// the owner's list.
	#[benchmark(extra)]
	fn probe_create_checks() {
		let owner = BenchKey::<T>::new();
		let (signature, payload) = worst_create::<T>(&owner, Form::Wrapped);
		let owned;

		#[block]
		{
			let handle = Handles::<T>::check_handle(&payload.base_handle).expect("valid");
			let message = Handles::<T>::message_for(&payload);
			Handles::<T>::check_signed(&message, &owner.account, &signature).expect("signed");
			let claim = Handles::<T>::check_claim(handle, payload.suffix, None).expect("free");
			owned = Handles::<T>::owned_with(&owner.account, claim.derived_msa_id).expect("room");
		}

		assert_eq!(owned.len() as u32, T::MaxMsasPerOwner::get());
	}

	/// The writes of the worst create after its checks: the replay entry with its queue, both
	/// handle maps and the pair's ended cooldown, the MSA's owner and the owner's list.
	#[benchmark(extra)]
	fn probe_create_writes() {
		let owner = BenchKey::<T>::new();
		let (signature, payload) = worst_create::<T>(&owner, Form::Wrapped);
		let handle = Handles::<T>::check_handle(&payload.base_handle).expect("valid");
		let message = Handles::<T>::message_for(&payload);
		let (key, _) =
			Handles::<T>::check_signed(&message, &owner.account, &signature).expect("signed");
		let claim = Handles::<T>::check_claim(handle, payload.suffix, None).expect("free");
		let msa_id = claim.derived_msa_id;
		let owned = Handles::<T>::owned_with(&owner.account, msa_id).expect("room");

		#[block]
		{
			Handles::<T>::record_payload(payload.expiration, key);
			let _ = Handles::<T>::write_handle(msa_id, claim);
			MsaOwner::<T>::insert(msa_id, &owner.account);
			OwnerMsas::<T>::insert(&owner.account, owned);
		}

		assert!(MsaOwner::<T>::contains_key(msa_id));
	}

	/// The event of the worst create (the longest display handle: ten-digit suffix).
	#[benchmark(extra)]
	fn probe_create_event() {
		let owner = BenchKey::<T>::new();
		let (_, payload) = worst_create::<T>(&owner, Form::Wrapped);
		let mut handle = payload.base_handle.to_vec();
		handle.extend_from_slice(b".1234567890");

		#[block]
		{
			Handles::<T>::deposit_event(Event::MsaCreatedWithHandle {
				msa_id: 7,
				owner: owner.account.clone(),
				handle: handle.clone(),
			});
		}
	}

	/// The worst wallet-signed create without its dispatch: `probe_create_wallet_signature`
	/// minus this is the call's decoding and the storage layer every call runs in.
	#[benchmark(extra)]
	fn probe_create_undispatched() {
		let owner = BenchKey::<T>::new();
		let (signature, payload) = worst_create::<T>(&owner, Form::Wrapped);

		#[block]
		{
			Handles::<T>::do_create_handle(owner.account.clone(), signature, payload).expect("ok");
		}
		assert_eq!(OwnerMsas::<T>::get(&owner.account).len() as u32, T::MaxMsasPerOwner::get());
	}

	/// `transfer_ownership` between owners holding `o` MSAs each (plus the one moved).
	#[benchmark(extra)]
	fn probe_transfer_owned(o: Linear<0, { T::MaxMsasPerOwner::get().saturating_sub(1) }>) {
		let case = transfer_case::<T>(o, Scheme::Sr25519);
		let sponsor: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		transfer_ownership(
			RawOrigin::Signed(sponsor),
			case.owner.account.clone(),
			case.signature,
			case.new_owner.account.clone(),
			case.new_owner_signature,
			case.payload,
		);

		assert_eq!(MsaOwner::<T>::get(case.msa_id), Some(case.new_owner.account));
	}

	impl_benchmark_test_suite!(Handles, crate::mock::new_test_ext(), crate::mock::Test);
}

#[cfg(test)]
mod worst_case_tests {
	use super::*;

	#[test]
	fn worst_handles_fill_the_base_and_have_the_longest_canonical_form() {
		for syllable in [WORST_SYLLABLE, WORST_SYLLABLE_2] {
			let handle = worst_handle(syllable);
			assert_eq!(handle.len(), handles_rules::MAX_BASE_BYTES);
			let valid = handles_rules::validate_with_default_reserved(&handle).expect("valid");
			assert_eq!(valid.canonical.len(), 214);
			// Longer than every ASCII handle's canonical form (at most 2 bytes per letter).
			assert!(valid.canonical.len() > 2 * handles_rules::MAX_BASE_BYTES);
		}
	}
}
