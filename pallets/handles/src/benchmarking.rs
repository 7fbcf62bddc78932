//! Benchmarks of `pallet-handles` (FRAME benchmarks v2), each set up for its worst case:
//!
//! - the longest handle with the longest canonical form (32 × `m`, canonical 64 bytes `rnrn...`);
//! - the full `u32` suffix range;
//! - signatures over the `<Bytes>`-wrapped message, so each is verified twice (raw, then wrapped);
//! - the replay bucket of the payload's expiration holding `MaxPayloadsPerExpiration - 1` entries;
//! - owners' MSA lists full (`MaxMsasPerOwner - 1` before an insert, `MaxMsasPerOwner` before a
//!   removal);
//! - an old handle that cools down on change, a non-zero cooldown on retire;
//! - `prune_payloads(p)` over `p` in `0..=MaxPayloadsPerExpiration`.
//!
//! Keys are sr25519 keys made in the benchmark keystore (`sp_io::crypto`), so the runtime's
//! `Signature`/`Signer` must convert from sr25519 (`MultiSignature`/`MultiSigner` do).

use super::*;
use crate::Pallet as Handles;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::{crypto::KeyTypeId, sr25519};
use sp_runtime::traits::IdentifyAccount;

/// Key type of the benchmark keys.
const KEY_TYPE: KeyTypeId = KeyTypeId(*b"hndl");
/// Block at which the benchmarks run.
const NOW: u32 = 10;

/// A signing key of the benchmark keystore and its account.
struct BenchKey<T: Config> {
	public: sr25519::Public,
	account: T::AccountId,
}

impl<T: Config> BenchKey<T>
where
	T::Signer: From<sr25519::Public>,
	T::Signature: From<sr25519::Signature>,
{
	fn new() -> Self {
		let public = sp_io::crypto::sr25519_generate(KEY_TYPE, None);
		Self { public, account: T::Signer::from(public).into_account() }
	}

	/// Signature over the `<Bytes>`-wrapped message of `payload` (the slower path to verify).
	fn sign<P: SignedPayload>(&self, payload: &P) -> T::Signature {
		let message = wrap_bytes(&Handles::<T>::message_for(payload));
		sp_io::crypto::sr25519_sign(KEY_TYPE, &self.public, &message)
			.expect("the key was generated in the keystore")
			.into()
	}
}

/// The longest base handle (32 bytes) with a long canonical form.
fn longest_handle(letter: u8) -> Vec<u8> {
	alloc::vec![letter; handles_rules::MAX_BASE_BYTES]
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

/// Fills the replay bucket of `expiration` to one below its bound.
fn fill_replay_bucket<T: Config>(expiration: BlockNumberFor<T>) {
	let entries = T::MaxPayloadsPerExpiration::get().saturating_sub(1);
	for i in 0..entries {
		UsedPayloads::<T>::insert(expiration, sp_io::hashing::blake2_256(&i.to_le_bytes()), ());
	}
	UsedPayloadCount::<T>::insert(expiration, entries);
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

/// Creates an MSA for `owner` holding `base` directly in storage; returns its id.
fn give_handle<T: Config>(owner: &T::AccountId, base: &[u8]) -> MsaId {
	let suffix = first_available::<T>(base);
	let checked = Handles::<T>::check_handle(base).expect("valid handle");
	let claim = Handles::<T>::check_claim(checked, suffix, None).expect("available");
	let msa_id = claim.derived_msa_id;
	Handles::<T>::write_handle(msa_id, claim);
	MsaOwner::<T>::insert(msa_id, owner);
	let owned = Handles::<T>::owned_with(owner, msa_id).expect("room");
	OwnerMsas::<T>::insert(owner, owned);
	msa_id
}

fn assert_last_event<T: Config>(event: Event<T>) {
	let event: <T as frame_system::Config>::RuntimeEvent = event.into();
	frame_system::Pallet::<T>::assert_last_event(event);
}

#[benchmarks(where
	T::Signer: From<sr25519::Public>,
	T::Signature: From<sr25519::Signature>,
)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_handle() {
		setup::<T>();
		let owner = BenchKey::<T>::new();
		fill_owner::<T>(&owner.account, T::MaxMsasPerOwner::get().saturating_sub(1));
		let base = longest_handle(b'm');
		let suffix = first_available::<T>(&base);
		let payload =
			CreateHandlePayload { base_handle: base, suffix, expiration: expiration::<T>() };
		fill_replay_bucket::<T>(payload.expiration);
		let signature = owner.sign(&payload);
		let sponsor: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(sponsor), owner.account.clone(), signature, payload);

		assert_eq!(OwnerMsas::<T>::get(&owner.account).len() as u32, T::MaxMsasPerOwner::get());
	}

	#[benchmark]
	fn retire_handle() {
		setup::<T>();
		let owner = BenchKey::<T>::new();
		fill_owner::<T>(&owner.account, T::MaxMsasPerOwner::get().saturating_sub(1));
		let msa_id = give_handle::<T>(&owner.account, &longest_handle(b'm'));
		let payload = RetireHandlePayload { msa_id, expiration: expiration::<T>() };
		fill_replay_bucket::<T>(payload.expiration);
		let signature = owner.sign(&payload);
		let sponsor: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(sponsor), owner.account.clone(), signature, payload);

		assert!(!MsaHandles::<T>::contains_key(msa_id));
	}

	#[benchmark]
	fn change_handle() {
		setup::<T>();
		let owner = BenchKey::<T>::new();
		fill_owner::<T>(&owner.account, T::MaxMsasPerOwner::get().saturating_sub(1));
		let msa_id = give_handle::<T>(&owner.account, &longest_handle(b'w'));
		let new_base = longest_handle(b'm');
		let new_suffix = first_available::<T>(&new_base);
		let payload = ChangeHandlePayload {
			msa_id,
			new_base_handle: new_base,
			new_suffix,
			expiration: expiration::<T>(),
		};
		fill_replay_bucket::<T>(payload.expiration);
		let signature = owner.sign(&payload);
		let sponsor: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(sponsor), owner.account.clone(), signature, payload);

		assert_eq!(MsaHandles::<T>::get(msa_id).map(|r| r.suffix), Some(new_suffix));
	}

	#[benchmark]
	fn transfer_ownership() {
		setup::<T>();
		let owner = BenchKey::<T>::new();
		let new_owner = BenchKey::<T>::new();
		fill_owner::<T>(&owner.account, T::MaxMsasPerOwner::get().saturating_sub(1));
		fill_owner::<T>(&new_owner.account, T::MaxMsasPerOwner::get().saturating_sub(1));
		let msa_id = give_handle::<T>(&owner.account, &longest_handle(b'm'));
		let payload = TransferOwnershipPayload {
			msa_id,
			new_owner: new_owner.account.clone(),
			expiration: expiration::<T>(),
		};
		fill_replay_bucket::<T>(payload.expiration);
		let signature = owner.sign(&payload);
		let new_owner_signature = new_owner.sign(&payload);
		let sponsor: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(sponsor),
			owner.account.clone(),
			signature,
			new_owner.account.clone(),
			new_owner_signature,
			payload,
		);

		assert_eq!(MsaOwner::<T>::get(msa_id), Some(new_owner.account));
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
		let base = longest_handle(b'm');

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, base.clone());

		let canonical = Handles::<T>::reserved_canonical(&base).expect("valid");
		assert!(ReservedHandles::<T>::contains_key(canonical));
		Ok(())
	}

	#[benchmark]
	fn remove_reserved_handle() -> Result<(), BenchmarkError> {
		setup::<T>();
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let base = longest_handle(b'm');
		let canonical = Handles::<T>::reserved_canonical(&base).expect("valid");
		ReservedHandles::<T>::insert(&canonical, ());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, base);

		assert!(!ReservedHandles::<T>::contains_key(canonical));
		Ok(())
	}

	#[benchmark]
	fn force_retire_handle() -> Result<(), BenchmarkError> {
		setup::<T>();
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let owner: T::AccountId = account("owner", 0, 0);
		let msa_id = give_handle::<T>(&owner, &longest_handle(b'm'));

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
	fn prune_payloads(p: Linear<0, { T::MaxPayloadsPerExpiration::get() }>) {
		setup::<T>();
		let expiration: BlockNumberFor<T> = (NOW - 1).into();
		for i in 0..p {
			UsedPayloads::<T>::insert(expiration, sp_io::hashing::blake2_256(&i.to_le_bytes()), ());
		}
		UsedPayloadCount::<T>::insert(expiration, p);

		#[block]
		{
			Handles::<T>::prune_payloads(expiration);
		}

		assert_eq!(UsedPayloads::<T>::iter_prefix(expiration).count(), 0);
	}

	impl_benchmark_test_suite!(Handles, crate::mock::new_test_ext(), crate::mock::Test);
}
