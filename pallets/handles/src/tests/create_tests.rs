//! `create_handle`.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use sp_runtime::DispatchError;

fn assert_created(key: &Key, base: &str, suffix: Suffix, msa_id: MsaId) {
	let canonical = handles_rules::canonical(base);
	assert_eq!(msa_id, handles_rules::msa_id(&canonical, suffix));
	assert_eq!(MsaOwner::<Test>::get(msa_id), Some(key.account()));
	assert!(OwnerMsas::<Test>::get(key.account()).contains(&msa_id));
	let canonical_key = Canonical::try_from(canonical.into_bytes()).unwrap();
	assert_eq!(HandleToMsa::<Test>::get(&canonical_key, suffix), Some(msa_id));
	let record = MsaHandles::<Test>::get(msa_id).unwrap();
	assert_eq!(record.base.to_vec(), base.as_bytes().to_vec());
	assert_eq!(record.suffix, suffix);
	assert_eq!(record.created_at, System::block_number());
	assert_eq!(
		last_event(),
		Event::MsaCreatedWithHandle {
			msa_id,
			owner: key.account(),
			handle: format!("{base}.{suffix}").into_bytes(),
		}
	);
}

#[test]
fn create_with_sr25519_owner_creates_msa_with_derived_id() {
	test(|| {
		let (msa_id, suffix) = create(&alice(), "Alice");
		assert_created(&alice(), "Alice", suffix, msa_id);
	})
}

#[test]
fn create_with_ed25519_owner_works() {
	test(|| {
		let (msa_id, suffix) = create(&dave_ed(), "Dave");
		assert_created(&dave_ed(), "Dave", suffix, msa_id);
	})
}

#[test]
fn create_with_ecdsa_owner_works() {
	test(|| {
		let (msa_id, suffix) = create(&eve_ecdsa(), "Eve_1");
		assert_created(&eve_ecdsa(), "Eve_1", suffix, msa_id);
	})
}

#[test]
fn create_submitted_by_the_owner_itself_works() {
	test(|| {
		let key = bob();
		let payload = create_payload("bobby", available_suffix("bobby"));
		assert_ok!(Handles::create_handle(
			RuntimeOrigin::signed(key.account()),
			key.account(),
			key.sign_payload(&payload),
			payload
		));
	})
}

#[test]
fn create_requires_a_signed_origin() {
	test(|| {
		let key = alice();
		let payload = create_payload("alice", available_suffix("alice"));
		for origin in [RuntimeOrigin::root(), RuntimeOrigin::none()] {
			assert_noop!(
				Handles::create_handle(
					origin,
					key.account(),
					key.sign_payload(&payload),
					payload.clone()
				),
				DispatchError::BadOrigin
			);
		}
	})
}

#[test]
fn create_with_invalid_handle_fails_naming_the_rule() {
	test(|| {
		let key = alice();
		let cases: [(&[u8], InvalidHandleReason); 7] = [
			(&[0xff, 0xfe, 0x41], InvalidHandleReason(HandleRule::NotUtf8)),
			(b"a", InvalidHandleReason(HandleRule::TooShort)),
			("al@ce".as_bytes(), InvalidHandleReason(HandleRule::ForbiddenCharacter)),
			("\u{ff20}alice".as_bytes(), InvalidHandleReason(HandleRule::ForbiddenCharacter)),
			("al ice".as_bytes(), InvalidHandleReason(HandleRule::DisallowedCharacter)),
			("\u{430}lice".as_bytes(), InvalidHandleReason(HandleRule::MixedScript)),
			("a\u{301}".as_bytes(), InvalidHandleReason(HandleRule::CanonicalTooShort)),
		];
		for (base, reason) in cases {
			let payload = CreateHandlePayload {
				base_handle: base.to_vec().try_into().unwrap(),
				suffix: DEFAULT_SUFFIX_MIN,
				expiration: System::block_number() + 10,
			};
			assert_noop!(try_create(&key, payload), Error::<Test>::InvalidHandle(reason));
		}
	})
}

#[test]
fn create_of_reserved_handle_or_lookalike_fails() {
	test(|| {
		let key = alice();
		for base in ["admin", "ADMIN", "adm1n", "Everyone", "ALL"] {
			let payload = create_payload(base, DEFAULT_SUFFIX_MIN);
			assert_noop!(
				try_create(&key, payload),
				Error::<Test>::InvalidHandle(InvalidHandleReason(HandleRule::Reserved))
			);
		}
	})
}

#[test]
fn create_with_suffix_out_of_range_fails() {
	test(|| {
		let key = alice();
		for suffix in [0, DEFAULT_SUFFIX_MIN - 1, DEFAULT_SUFFIX_MAX + 1, u32::MAX] {
			let payload = create_payload("alice", suffix);
			assert_noop!(try_create(&key, payload), Error::<Test>::SuffixOutOfRange);
		}
	})
}

#[test]
fn create_with_suffix_not_offered_fails() {
	test(|| {
		let key = alice();
		let payload = create_payload("alice", unoffered_suffix("alice"));
		assert_noop!(try_create(&key, payload), Error::<Test>::SuffixNotOffered);
	})
}

#[test]
fn create_of_taken_handle_fails() {
	test(|| {
		let (_, suffix) = create(&alice(), "alice");
		let key = bob();
		let payload = create_payload("alice", suffix);
		assert_noop!(try_create(&key, payload), Error::<Test>::HandleTaken);
	})
}

#[test]
fn create_when_derived_msa_id_is_in_use_fails() {
	test(|| {
		let suffix = available_suffix("alice");
		let derived = handles_rules::msa_id(&handles_rules::canonical("alice"), suffix);
		// Another MSA already has this id (a hash collision, modelled directly).
		MsaOwner::<Test>::insert(derived, charlie().account());
		OwnerMsas::<Test>::insert(charlie().account(), BoundedVec::truncate_from(vec![derived]));
		let key = alice();
		let payload = create_payload("alice", suffix);
		assert_noop!(try_create(&key, payload), Error::<Test>::MsaIdInUse);
	})
}

#[test]
fn owner_may_hold_several_msas() {
	test(|| {
		let (a, _) = create(&alice(), "alice");
		let (b, _) = create(&alice(), "alice_two");
		let (c, _) = create(&alice(), "wonderland");
		let mut ids = vec![a, b, c];
		ids.sort();
		assert_eq!(OwnerMsas::<Test>::get(alice().account()).to_vec(), ids);
	})
}

#[test]
fn create_beyond_max_msas_per_owner_fails() {
	test(|| {
		let max = <Test as Config>::MaxMsasPerOwner::get();
		for i in 0..max {
			create(&alice(), &format!("alice{i}"));
		}
		let key = alice();
		let payload = create_payload("alice_more", available_suffix("alice_more"));
		assert_noop!(try_create(&key, payload), Error::<Test>::TooManyMsas);
	})
}

#[test]
fn create_with_invalid_signature_fails() {
	test(|| {
		let payload = create_payload("alice", available_suffix("alice"));
		// Signed by Bob, claimed for Alice.
		assert_noop!(
			try_create_signed_by(&alice(), &bob(), payload),
			Error::<Test>::InvalidSignature
		);
	})
}

#[test]
fn create_stores_handle_as_typed_and_canonical_form() {
	test(|| {
		let (msa_id, suffix) = create(&alice(), "ALiCE");
		let record = MsaHandles::<Test>::get(msa_id).unwrap();
		assert_eq!(record.base_str(), "ALiCE");
		assert_eq!(record.canonical_str(), handles_rules::canonical("alice"));
		assert_eq!(record.display(), format!("ALiCE.{suffix}").into_bytes());
	})
}

#[test]
fn create_with_a_base_over_32_bytes_does_not_even_decode() {
	use codec::{Decode, Encode};
	test(|| {
		let key = alice();
		// The call as a client that ignores the bound would encode it: a plain byte vector.
		let call_bytes = |base: &[u8]| {
			(1u8, 0u8, key.account(), key.sign(b"any"), (base.to_vec(), DEFAULT_SUFFIX_MIN, 10u64))
				.encode()
		};
		let longest = vec![b'a'; handles_rules::MAX_BASE_BYTES];
		assert!(RuntimeCall::decode(&mut &call_bytes(&longest)[..]).is_ok());
		for len in [handles_rules::MAX_BASE_BYTES + 1, 4096, 3_900_000] {
			let long = vec![b'a'; len];
			assert!(RuntimeCall::decode(&mut &call_bytes(&long)[..]).is_err(), "{len} bytes");
		}
	})
}

#[test]
fn an_invalid_handle_reason_is_the_rules_crates_rule_in_one_byte() {
	use codec::{Encode, MaxEncodedLen};
	use frame_support::traits::PalletError;
	assert_eq!(HandleRule::max_encoded_len(), InvalidHandleReason::MAX_ENCODED_SIZE);
	assert_eq!(InvalidHandleReason::max_encoded_len(), 1);
	// The reason a call reports is the rule the rules crate names, byte for byte.
	for (base, rule) in [("a", HandleRule::TooShort), ("al ice", HandleRule::DisallowedCharacter)] {
		let Err(reason) = Handles::check_handle(base.as_bytes()) else { panic!("refused") };
		assert!(
			matches!(reason, Error::<Test>::InvalidHandle(r) if r == InvalidHandleReason(rule))
		);
		let from_rules = handles_rules::validate_with_default_reserved(base.as_bytes())
			.expect_err("refused")
			.rule();
		assert_eq!(from_rules, rule);
		assert_eq!(InvalidHandleReason(rule).encode(), rule.encode());
	}
}
