//! The states the benchmarks start from, each the worst case of what it measures (see the module
//! docs of `benchmarking`), and the signed calls built on them.
//!
//! Each signed call has one set-up-and-check helper ([`create`], [`retire`], [`change`],
//! [`transfer`], taking the key scheme): it leaves the worst case in storage and returns the
//! [`SignedCall`] to dispatch in the measured block and the check of its outcome.

use super::keys::{BenchKey, BenchmarkConfig, Form, Scheme};
use crate::{Pallet as Handles, *};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_benchmarking::v2::{whitelisted_caller, BenchmarkError};
use frame_support::{
	traits::{EnsureOrigin, Get, UnfilteredDispatchable},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};

/// Block at which the benchmarks run.
pub(crate) const NOW: u32 = 10;
/// Syllables whose handles have the longest canonical form (see the module docs).
pub(crate) const WORST_SYLLABLE: char = '\u{CB94}';
pub(crate) const WORST_SYLLABLE_2: char = '\u{CB92}';

/// A worst-case base handle (longest canonical form): ten `syllable`s (three bytes each, 21 bytes
/// of canonical form each) and `mm` (`rnrn`).
pub(crate) fn worst_handle(syllable: char) -> Vec<u8> {
	let mut handle: alloc::string::String = core::iter::repeat_n(syllable, 10).collect();
	handle.push_str("mm");
	handle.into_bytes()
}

/// A base handle of `len` ASCII letters `letter` (`m` folds to `rn`, doubling its canonical form).
pub(super) fn ascii_handle(letter: u8, len: u32) -> Vec<u8> {
	alloc::vec![letter; len as usize]
}

/// Block `NOW`, the full `u32` suffix range, the default reuse cooldown and fixed seeds.
pub(super) fn setup<T: Config>() {
	frame_system::Pallet::<T>::set_block_number(NOW.into());
	HandleSettings::<T>::put(HandleSettingsRecord {
		suffix_min: 0,
		suffix_max: u32::MAX,
		reuse_cooldown: DEFAULT_REUSE_COOLDOWN.into(),
		legacy_payload_deadline: DEFAULT_LEGACY_PAYLOAD_GRACE.into(),
	});
	Seeds::<T>::put(SeedPair { current: [1u8; 32], previous: [2u8; 32] });
}

/// The expiration of the benchmarks' payloads.
fn expiration<T: Config>() -> BlockNumberFor<T> {
	(NOW + 100).into()
}

/// Queues `expired` replay entries that expired before block `NOW`, then one that has not.
pub(super) fn fill_replay_queue<T: Config>(expired: u32) {
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
pub(super) fn fill_cooldown_queue<T: Config>(ended: u32) {
	let canonical = canonical_of(&worst_handle(WORST_SYLLABLE));
	for i in 0..=ended {
		let available_at: BlockNumberFor<T> = if i < ended { NOW } else { NOW + 1 }.into();
		CoolingDown::<T>::insert(&canonical, i, available_at);
		CooldownQueue::<T>::insert(u64::from(i), (canonical.clone(), i, available_at));
	}
	CooldownQueueBounds::<T>::put(QueueBounds { head: 0, tail: u64::from(ended) + 1 });
}

/// One below the owner's MSA bound: the longest list an MSA can still be added to.
pub(super) fn fullest_owner<T: Config>() -> u32 {
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
pub(crate) fn canonical_of(base: &[u8]) -> Canonical {
	bounded(handles_rules::canonical(core::str::from_utf8(base).expect("UTF-8")).into_bytes())
}

/// Leaves an ended cooldown on `(base, suffix)`, as when pruning has not reached it yet: the
/// worst case of taking a pair, which then removes the entry (one more write).
fn leave_ended_cooldown<T: Config>(base: &[u8], suffix: Suffix) {
	CoolingDown::<T>::insert(canonical_of(base), suffix, BlockNumberFor::<T>::from(NOW));
}

/// The set-up of a governance call: [`setup`], then an origin that passes `GovernanceOrigin`.
pub(super) fn governance<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	setup::<T>();
	T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// Creates an MSA for `owner` holding `base` directly in storage; returns its id.
pub(super) fn give_handle<T: Config>(owner: &T::AccountId, base: &[u8]) -> MsaId {
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

/// A new key of `scheme` holding `owned` MSAs without a handle and one more with the worst handle
/// of `syllable`; returns the key and the MSA with the handle.
fn holder<T: BenchmarkConfig>(scheme: Scheme, owned: u32, syllable: char) -> (BenchKey<T>, MsaId) {
	let owner = BenchKey::<T>::of(scheme);
	fill_owner::<T>(&owner.account, owned);
	let msa_id = give_handle::<T>(&owner.account, &worst_handle(syllable));
	(owner, msa_id)
}

/// A signed call set up in its case, dispatched the way `#[extrinsic_call]` dispatches: the
/// encoded call decoded, the sponsor's origin, no call filter.
pub(super) struct SignedCall<T: Config> {
	sponsor: T::AccountId,
	encoded: Vec<u8>,
}

impl<T: Config> SignedCall<T> {
	/// `call`, submitted by the whitelisted caller.
	fn new(call: Call<T>) -> Self {
		Self { sponsor: whitelisted_caller(), encoded: call.encode() }
	}

	/// Dispatches the call: what a benchmark of a signed call measures.
	pub(super) fn dispatch(self) -> Result<(), BenchmarkError> {
		let call = <Call<T> as Decode>::decode(&mut &self.encoded[..])
			.expect("the call is encoded above, encoding must be correct");
		let origin: T::RuntimeOrigin = RawOrigin::Signed(self.sponsor).into();
		call.dispatch_bypass_filter(origin)?;
		Ok(())
	}

	/// Runs the pool check of the call (`Pallet::pool_validity`): it must find it valid.
	pub(super) fn pool_check(self) -> Result<(), BenchmarkError> {
		let call = <Call<T> as Decode>::decode(&mut &self.encoded[..])
			.expect("the call is encoded above, encoding must be correct");
		match Pallet::<T>::pool_validity(&call) {
			Ok(Some(_)) => Ok(()),
			_ => Err(BenchmarkError::Stop("the pool check refused a call that would land")),
		}
	}
}

/// A `create_handle` case: a new key of `scheme`, holding `owned` MSAs, signs in `form` a payload
/// for `base` with its first available suffix, whose ended cooldown is still stored.
pub(super) struct CreateCase<T: Config> {
	/// The owner of the new MSA.
	pub(super) owner: BenchKey<T>,
	/// The owner's signature over the payload.
	pub(super) signature: T::Signature,
	/// The payload.
	pub(super) payload: CreateHandlePayload<BlockNumberFor<T>>,
	/// MSAs the owner holds before the call.
	owned: u32,
}

impl<T: BenchmarkConfig> CreateCase<T> {
	/// The case of `base` and `owned` MSAs, signed by a new key of `scheme` in `form`.
	pub(super) fn new(scheme: Scheme, form: Form, base: Vec<u8>, owned: u32) -> Self {
		let owner = BenchKey::<T>::of(scheme);
		setup::<T>();
		fill_owner::<T>(&owner.account, owned);
		let suffix = first_available::<T>(&base);
		leave_ended_cooldown::<T>(&base, suffix);
		let payload = CreateHandlePayload {
			base_handle: bounded(base),
			suffix,
			expiration: expiration::<T>(),
		};
		let signature = owner.sign_as(&payload, form);
		Self { owner, signature, payload, owned }
	}

	/// The worst case for a key of `scheme` signing in `form`: the worst handle, the fullest
	/// owner list.
	pub(super) fn worst(scheme: Scheme, form: Form) -> Self {
		Self::new(scheme, form, worst_handle(WORST_SYLLABLE), fullest_owner::<T>())
	}

	/// The call, and the check that it created the MSA: the owner's list one longer, the pair
	/// held and its ended cooldown removed.
	pub(super) fn call(self) -> (SignedCall<T>, impl FnOnce()) {
		let Self { owner, signature, payload, owned } = self;
		let (canonical, suffix) = (canonical_of(&payload.base_handle), payload.suffix);
		let account = owner.account;
		let call = Call::<T>::create_handle { owner: account.clone(), signature, payload };
		(SignedCall::new(call), move || {
			assert_eq!(OwnerMsas::<T>::get(&account).len() as u32, owned + 1);
			assert!(!CoolingDown::<T>::contains_key(&canonical, suffix), "ended cooldown removed");
			assert!(HandleToMsa::<T>::contains_key(&canonical, suffix));
		})
	}
}

/// The worst `create_handle` by a key of `scheme` (raw readable signature, worst handle, fullest
/// owner list) and its check.
pub(super) fn create<T: BenchmarkConfig>(scheme: Scheme) -> (SignedCall<T>, impl FnOnce()) {
	CreateCase::<T>::worst(scheme, Form::Raw).call()
}

/// The worst `retire_handle` by a key of `scheme` (an owner with the fullest MSA list, one of
/// them holding the worst handle; a non-zero cooldown) and its check.
pub(super) fn retire<T: BenchmarkConfig>(scheme: Scheme) -> (SignedCall<T>, impl FnOnce()) {
	setup::<T>();
	let (owner, msa_id) = holder::<T>(scheme, fullest_owner::<T>(), WORST_SYLLABLE);
	let handle = MsaHandles::<T>::get(msa_id).map(|r| r.display()).unwrap_or_default();
	let payload =
		RetireHandlePayload { msa_id, handle: bounded(handle), expiration: expiration::<T>() };
	let signature = owner.sign(&payload);
	let call = Call::<T>::retire_handle { owner: owner.account, signature, payload };
	(SignedCall::new(call), move || assert!(!MsaHandles::<T>::contains_key(msa_id)))
}

/// The worst `change_handle` by a key of `scheme` (an owner with the fullest MSA list, one of
/// them holding a worst handle that it changes for the other worst handle, whose ended cooldown
/// is still stored; the old one cools down) and its check.
pub(super) fn change<T: BenchmarkConfig>(scheme: Scheme) -> (SignedCall<T>, impl FnOnce()) {
	setup::<T>();
	let (owner, msa_id) = holder::<T>(scheme, fullest_owner::<T>(), WORST_SYLLABLE_2);
	let new_base = worst_handle(WORST_SYLLABLE);
	let new_suffix = first_available::<T>(&new_base);
	leave_ended_cooldown::<T>(&new_base, new_suffix);
	let new_canonical = canonical_of(&new_base);
	let payload = ChangeHandlePayload {
		msa_id,
		old_handle: MsaHandles::<T>::get(msa_id).map(|r| bounded(r.display())),
		new_base_handle: bounded(new_base),
		new_suffix,
		expiration: expiration::<T>(),
	};
	let signature = owner.sign(&payload);
	let call = Call::<T>::change_handle { owner: owner.account, signature, payload };
	(SignedCall::new(call), move || {
		assert_eq!(MsaHandles::<T>::get(msa_id).map(|r| r.suffix), Some(new_suffix));
		assert!(!CoolingDown::<T>::contains_key(&new_canonical, new_suffix), "cooldown removed");
	})
}

/// The worst `transfer_ownership` between keys of `scheme` (both owners with the fullest MSA
/// list) and its check.
pub(super) fn transfer<T: BenchmarkConfig>(scheme: Scheme) -> (SignedCall<T>, impl FnOnce()) {
	transfer_with::<T>(scheme, fullest_owner::<T>())
}

/// `transfer_ownership` between keys of `scheme`: both owners hold `owned` MSAs, then the owner
/// gets one with the worst handle, which moves. The call and the check that the MSA moved.
pub(super) fn transfer_with<T: BenchmarkConfig>(
	scheme: Scheme,
	owned: u32,
) -> (SignedCall<T>, impl FnOnce()) {
	setup::<T>();
	let (owner, msa_id) = holder::<T>(scheme, owned, WORST_SYLLABLE);
	let new_owner = BenchKey::<T>::of(scheme);
	fill_owner::<T>(&new_owner.account, owned);
	let payload = TransferOwnershipPayload {
		msa_id,
		owner: owner.account.clone(),
		new_owner: new_owner.account.clone(),
		expiration: expiration::<T>(),
	};
	let call = Call::<T>::transfer_ownership {
		signature: owner.sign(&payload),
		new_owner_signature: new_owner.sign(&payload),
		owner: owner.account,
		new_owner: new_owner.account.clone(),
		payload,
	};
	let new_owner = new_owner.account;
	(SignedCall::new(call), move || assert_eq!(MsaOwner::<T>::get(msa_id), Some(new_owner)))
}

/// The longest readable message (a transfer of an MSA holding the worst handle, naming two
/// accounts) and a signature over it by a new key of `scheme` as its wallet makes it
/// (`<Bytes>`-wrapped, EIP-191 for an Ethereum key): one verification, the one a wallet-signed
/// payload needs.
pub(super) fn longest_wallet_message<T: BenchmarkConfig>(
	scheme: Scheme,
) -> (BenchKey<T>, PayloadMessages, T::Signature) {
	setup::<T>();
	let (key, msa_id) = holder::<T>(scheme, 0, WORST_SYLLABLE);
	let payload = TransferOwnershipPayload {
		msa_id,
		owner: key.account.clone(),
		new_owner: key.account.clone(),
		expiration: expiration::<T>(),
	};
	let signature = key.sign_as(&payload, Form::Wrapped);
	(key, Handles::<T>::messages_for(&payload), signature)
}

/// `bytes` as a bounded call argument (the benchmark handles fit their bounds).
pub(super) fn bounded<S: Get<u32>>(bytes: Vec<u8>) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(bytes)
}

/// Asserts that `event` is the last event deposited.
pub(super) fn assert_last_event<T: Config>(event: Event<T>) {
	let event: <T as frame_system::Config>::RuntimeEvent = event.into();
	frame_system::Pallet::<T>::assert_last_event(event);
}
