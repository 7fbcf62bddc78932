//! `transfer_ownership`.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn transfer_moves_the_msa_and_its_handle_to_the_new_owner() {
	test(|| {
		let (msa_id, suffix) = create(&alice(), "alice");
		let (bob_msa, _) = create(&bob(), "bob");
		transfer(&alice(), &bob(), msa_id);
		assert_eq!(
			last_event(),
			Event::OwnershipTransferred {
				msa_id,
				old_owner: alice().account(),
				new_owner: bob().account()
			}
		);
		assert_eq!(MsaOwner::<Test>::get(msa_id), Some(bob().account()));
		assert!(!OwnerMsas::<Test>::contains_key(alice().account()));
		let mut ids = vec![msa_id, bob_msa];
		ids.sort();
		assert_eq!(OwnerMsas::<Test>::get(bob().account()).to_vec(), ids);
		// The handle moved with the MSA.
		let found =
			Handles::msa_for_handle(format!("alice.{suffix}").into_bytes()).unwrap().unwrap();
		assert_eq!((found.msa_id, found.owner), (msa_id, bob().account()));
	})
}

#[test]
fn transfer_between_key_types_works() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		transfer(&alice(), &eve_ecdsa(), msa_id);
		transfer(&eve_ecdsa(), &dave_ed(), msa_id);
		transfer(&dave_ed(), &alice(), msa_id);
		assert_eq!(MsaOwner::<Test>::get(msa_id), Some(alice().account()));
	})
}

#[test]
fn transfer_of_an_msa_without_handle_works() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		retire(&alice(), msa_id);
		transfer(&alice(), &bob(), msa_id);
		assert_eq!(
			Handles::handles_for_owner(bob().account()),
			vec![pallet_handles_runtime_api::OwnedMsa { msa_id, handle: None }]
		);
	})
}

#[test]
fn transfer_requires_a_signed_origin() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		let payload = transfer_payload(msa_id, &bob());
		assert_noop!(
			Handles::transfer_ownership(
				RuntimeOrigin::root(),
				alice().account(),
				alice().sign_payload(&payload),
				bob().account(),
				bob().sign_payload(&payload),
				payload
			),
			DispatchError::BadOrigin
		);
	})
}

#[test]
fn transfer_needs_the_new_owner_signature() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		let payload = transfer_payload(msa_id, &bob());
		// The new owner's signature slot holds Alice's signature, then Charlie's.
		for wrong in [alice(), charlie()] {
			assert_noop!(
				try_transfer_signed_by(&alice(), &alice(), &bob(), &wrong, payload.clone()),
				Error::<Test>::InvalidNewOwnerSignature
			);
		}
	})
}

#[test]
fn transfer_needs_the_owner_signature() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		let payload = transfer_payload(msa_id, &bob());
		// Bob signs in the owner's place too.
		assert_noop!(
			try_transfer_signed_by(&alice(), &bob(), &bob(), &bob(), payload),
			Error::<Test>::InvalidSignature
		);
	})
}

#[test]
fn transfer_with_new_owner_differing_from_the_payload_fails() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		let payload = transfer_payload(msa_id, &bob());
		assert_noop!(try_transfer(&alice(), &charlie(), payload), Error::<Test>::NewOwnerMismatch);
	})
}

#[test]
fn transfer_by_someone_who_is_not_the_owner_fails() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		// Charlie names himself as the owner in the payload: he is not.
		let payload = TransferOwnershipPayload {
			owner: charlie().account(),
			..transfer_payload(msa_id, &bob())
		};
		assert_noop!(try_transfer(&charlie(), &bob(), payload), Error::<Test>::NotOwner);
	})
}

#[test]
fn transfer_to_the_current_owner_fails() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		let payload = transfer_payload(msa_id, &alice());
		assert_noop!(try_transfer(&alice(), &alice(), payload), Error::<Test>::AlreadyOwner);
	})
}

#[test]
fn transfer_of_unknown_msa_fails() {
	test(|| {
		let payload =
			TransferOwnershipPayload { owner: alice().account(), ..transfer_payload(7, &bob()) };
		assert_noop!(try_transfer(&alice(), &bob(), payload), Error::<Test>::MsaNotFound);
	})
}

#[test]
fn transfer_to_an_owner_with_max_msas_fails() {
	test(|| {
		for i in 0..<Test as Config>::MaxMsasPerOwner::get() {
			create(&bob(), &format!("bob{i}"));
		}
		let (msa_id, _) = create(&alice(), "alice");
		let payload = transfer_payload(msa_id, &bob());
		assert_noop!(try_transfer(&alice(), &bob(), payload), Error::<Test>::TooManyMsas);
	})
}

#[test]
fn after_transfer_only_the_new_owner_can_retire_or_change() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		transfer(&alice(), &bob(), msa_id);

		let change = change_payload(msa_id, "alicia", available_suffix("alicia"));
		assert_noop!(try_change(&alice(), change.clone()), Error::<Test>::NotOwner);
		let retire_p = retire_payload(msa_id);
		assert_noop!(try_retire(&alice(), retire_p.clone()), Error::<Test>::NotOwner);
		assert_ok!(try_change(&bob(), change));
		// The handle changed: a retire payload names the new one.
		let retire_p = retire_payload(msa_id);
		assert_ok!(try_retire(&bob(), retire_p));
	})
}

#[test]
fn transfer_payload_of_an_earlier_owner_does_not_move_the_msa_back() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		// Alice -> Bob with payload `t`, signed by both.
		let t = transfer_payload(msa_id, &bob());
		let (alice_sig, bob_sig) = (alice().sign_payload(&t), bob().sign_payload(&t));
		assert_ok!(try_transfer_with_signatures(
			&alice(),
			alice_sig,
			&bob(),
			bob_sig.clone(),
			t.clone()
		));
		// Bob -> Charlie.
		transfer(&bob(), &charlie(), msa_id);
		// Charlie re-submits `t` as "owner" with his own signature and Bob's old one: `t` names
		// Alice as the owner.
		let charlie_sig = charlie().sign_payload(&t);
		assert_noop!(
			try_transfer_with_signatures(&charlie(), charlie_sig, &bob(), bob_sig, t.clone()),
			Error::<Test>::OwnerMismatch
		);
		// Bob's signature over `t` is spent anyway: the same message with Charlie named as the
		// owner is another message, and `t` itself has an entry for Bob.
		assert!(ReplayEntries::<Test>::contains_key(crate::replay_key(
			&Handles::message_for(&t),
			&bob().account()
		)));
		assert_eq!(MsaOwner::<Test>::get(msa_id), Some(charlie().account()));
	})
}

#[test]
fn transfer_records_both_signatures() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		let t = transfer_payload(msa_id, &bob());
		let queued = ReplayQueueBounds::<Test>::get().len();
		assert_ok!(try_transfer(&alice(), &bob(), t.clone()));
		assert_eq!(ReplayQueueBounds::<Test>::get().len(), queued + 2);
		let message = Handles::message_for(&t);
		for who in [alice(), bob()] {
			assert_eq!(
				ReplayEntries::<Test>::get(crate::replay_key(&message, &who.account())),
				Some(t.expiration)
			);
		}
	})
}
