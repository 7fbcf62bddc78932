//! `change_handle`.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn change_keeps_the_msa_id_and_the_old_handle_cools_down() {
	test(|| {
		let (msa_id, old_suffix) = create(&alice(), "alice");
		let new_suffix = available_suffix("alicia");
		change(&alice(), msa_id, "alicia", new_suffix);
		assert_eq!(
			last_event(),
			Event::HandleChanged {
				msa_id,
				old_handle: Some(format!("alice.{old_suffix}").into_bytes()),
				new_handle: format!("alicia.{new_suffix}").into_bytes(),
			}
		);
		let record = MsaHandles::<Test>::get(msa_id).unwrap();
		assert_eq!(record.base_str(), "alicia");
		assert_eq!(HandleToMsa::<Test>::get(canonical("alicia"), new_suffix), Some(msa_id));
		assert_eq!(HandleToMsa::<Test>::get(canonical("alice"), old_suffix), None);
		assert!(CoolingDown::<Test>::get(canonical("alice"), old_suffix).is_some());
		// The id no longer matches the formula for the new handle: resolve through the chain.
		assert_ne!(msa_id, handles_rules::msa_id(&handles_rules::canonical("alicia"), new_suffix));
		assert_eq!(
			Handles::msa_for_handle(format!("alicia.{new_suffix}").into_bytes())
				.unwrap()
				.unwrap()
				.msa_id,
			msa_id
		);
	})
}

#[test]
fn change_with_ed25519_and_ecdsa_owners_works() {
	test(|| {
		for (key, base, new) in [(dave_ed(), "dave", "david"), (eve_ecdsa(), "eve", "evelyn")] {
			let (msa_id, _) = create(&key, base);
			change(&key, msa_id, new, available_suffix(new));
			assert_eq!(MsaHandles::<Test>::get(msa_id).unwrap().base_str(), new);
		}
	})
}

#[test]
fn change_requires_a_signed_origin() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		let payload = change_payload(msa_id, "alicia", available_suffix("alicia"));
		assert_noop!(
			Handles::change_handle(
				RuntimeOrigin::none(),
				alice().account(),
				alice().sign_payload(&payload),
				payload
			),
			DispatchError::BadOrigin
		);
	})
}

#[test]
fn change_to_a_taken_handle_fails() {
	test(|| {
		let (_, bob_suffix) = create(&bob(), "bob");
		let (msa_id, _) = create(&alice(), "alice");
		let payload = change_payload(msa_id, "BOB", bob_suffix);
		assert_noop!(try_change(&alice(), payload), Error::<Test>::HandleTaken);
	})
}

#[test]
fn change_to_another_spelling_of_its_handle_restyles_it_at_once() {
	test(|| {
		let (msa_id, suffix) = create(&alice(), "alice");
		let created_at = System::block_number();
		// Two rotations later the suffix is no longer an option for `alice`: a restyle needs none.
		run_to_block(202);
		assert!(!Handles::suffix_options(b"alice".to_vec()).unwrap().candidates.contains(&suffix));
		for base in ["ALICE", "Alice"] {
			let before = current_handle(msa_id).unwrap();
			let payload = change_payload(msa_id, base, suffix);
			assert_ok!(try_change(&alice(), payload));
			let new = format!("{base}.{suffix}").into_bytes();
			assert_eq!(
				last_event(),
				Event::HandleChanged { msa_id, old_handle: Some(before), new_handle: new.clone() }
			);
			assert_eq!(current_handle(msa_id), Some(new));
		}
		let record = MsaHandles::<Test>::get(msa_id).unwrap();
		assert_eq!(record.created_at, created_at, "the handle is the same one");
		assert_eq!(HandleToMsa::<Test>::get(&record.canonical, suffix), Some(msa_id));
		assert_eq!(CoolingDown::<Test>::iter().count(), 0, "nothing cools down");
		assert_eq!(
			Handles::msa_for_handle(format!("alice.{suffix}").into_bytes())
				.unwrap()
				.map(|m| m.msa_id),
			Some(msa_id)
		);
	})
}

#[test]
fn change_with_a_payload_naming_another_handle_fails() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		// Signed while the MSA held `alice`; it holds `alicia` when submitted.
		let stale = change_payload(msa_id, "alexandra", available_suffix("alexandra"));
		let alicia_suffix = available_suffix("alicia");
		let to_alicia = change_payload(msa_id, "alicia", alicia_suffix);
		assert_ok!(try_change(&alice(), to_alicia));
		assert_noop!(try_change(&alice(), stale.clone()), Error::<Test>::HandleMismatch);
		// `None` for an MSA that holds a handle, and a look-alike spelling, fail too.
		for old_handle in
			[None, Some(format!("ALICIA.{alicia_suffix}").into_bytes().try_into().unwrap())]
		{
			let payload = ChangeHandlePayload { old_handle, ..stale.clone() };
			assert_noop!(try_change(&alice(), payload), Error::<Test>::HandleMismatch);
		}
	})
}

#[test]
fn change_to_an_invalid_handle_fails() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		for (base, reason) in [
			("x", InvalidHandleReason(HandleRule::TooShort)),
			("al:ce", InvalidHandleReason(HandleRule::ForbiddenCharacter)),
			("ADM1N", InvalidHandleReason(HandleRule::Reserved)),
		] {
			let payload = change_payload(msa_id, base, DEFAULT_SUFFIX_MIN);
			assert_noop!(try_change(&alice(), payload), Error::<Test>::InvalidHandle(reason));
		}
	})
}

#[test]
fn change_with_suffix_out_of_range_or_not_offered_fails() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		let payload = change_payload(msa_id, "alicia", DEFAULT_SUFFIX_MAX + 1);
		assert_noop!(try_change(&alice(), payload), Error::<Test>::SuffixOutOfRange);
		let payload = change_payload(msa_id, "alicia", unoffered_suffix("alicia"));
		assert_noop!(try_change(&alice(), payload), Error::<Test>::SuffixNotOffered);
	})
}

#[test]
fn change_by_someone_who_is_not_the_owner_fails() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		let payload = change_payload(msa_id, "mallory", available_suffix("mallory"));
		assert_noop!(try_change(&bob(), payload), Error::<Test>::NotOwner);
	})
}

#[test]
fn change_of_unknown_msa_fails() {
	test(|| {
		let payload = change_payload(42, "alicia", available_suffix("alicia"));
		assert_noop!(try_change(&alice(), payload), Error::<Test>::MsaNotFound);
	})
}

#[test]
fn change_with_signature_of_another_key_fails() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		let payload = change_payload(msa_id, "alicia", available_suffix("alicia"));
		assert_noop!(
			try_change_signed_by(&alice(), &bob(), payload),
			Error::<Test>::InvalidSignature
		);
	})
}

#[test]
fn change_to_a_handle_whose_derived_id_belongs_to_another_msa_fails() {
	test(|| {
		no_cooldown();
		// Alice's MSA has the id derived from alice.S; she retires the handle.
		let (alice_msa, suffix) = create(&alice(), "alice");
		retire(&alice(), alice_msa);
		// No cooldown, but the id alice.S derives is Alice's MSA, so Bob's MSA cannot take it.
		let (bob_msa, _) = create(&bob(), "bob");
		let payload = change_payload(bob_msa, "alice", suffix);
		assert_noop!(try_change(&bob(), payload), Error::<Test>::MsaIdInUse);
	})
}

#[test]
fn change_back_to_the_handle_that_derived_its_own_id_is_allowed() {
	test(|| {
		no_cooldown();
		let (msa_id, suffix) = create(&alice(), "alice");
		change(&alice(), msa_id, "alicia", available_suffix("alicia"));
		change(&alice(), msa_id, "alice", suffix);
		assert_eq!(MsaHandles::<Test>::get(msa_id).unwrap().suffix, suffix);
		assert_eq!(HandleToMsa::<Test>::get(canonical("alice"), suffix), Some(msa_id));
	})
}
