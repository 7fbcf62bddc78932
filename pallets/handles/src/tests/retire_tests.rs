//! `retire_handle`.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn retire_removes_the_handle_keeps_the_msa_and_starts_the_cooldown() {
	test(|| {
		let (msa_id, suffix) = create(&alice(), "alice");
		retire(&alice(), msa_id);
		assert_eq!(
			last_event(),
			Event::HandleRetired { msa_id, handle: format!("alice.{suffix}").into_bytes() }
		);
		assert!(MsaHandles::<Test>::get(msa_id).is_none());
		let canonical = canonical("alice");
		assert!(HandleToMsa::<Test>::get(&canonical, suffix).is_none());
		// The MSA stays, with its owner.
		assert_eq!(MsaOwner::<Test>::get(msa_id), Some(alice().account()));
		assert_eq!(OwnerMsas::<Test>::get(alice().account()).to_vec(), vec![msa_id]);
		assert_eq!(
			CoolingDown::<Test>::get(&canonical, suffix),
			Some(System::block_number() + u64::from(DEFAULT_REUSE_COOLDOWN))
		);
	})
}

#[test]
fn retire_with_ecdsa_and_ed25519_owners_works() {
	test(|| {
		for (key, base) in [(eve_ecdsa(), "eve"), (dave_ed(), "dave")] {
			let (msa_id, _) = create(&key, base);
			retire(&key, msa_id);
			assert!(MsaHandles::<Test>::get(msa_id).is_none());
		}
	})
}

#[test]
fn retire_requires_a_signed_origin() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		let payload = retire_payload(msa_id);
		assert_noop!(
			Handles::retire_handle(
				RuntimeOrigin::root(),
				alice().account(),
				alice().sign_payload(&payload),
				payload
			),
			DispatchError::BadOrigin
		);
	})
}

#[test]
fn retire_by_someone_who_is_not_the_owner_fails() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		let payload = retire_payload(msa_id);
		assert_noop!(try_retire(&bob(), payload), Error::<Test>::NotOwner);
	})
}

#[test]
fn retire_of_unknown_msa_fails() {
	test(|| {
		let payload = retire_payload(12345);
		assert_noop!(try_retire(&alice(), payload), Error::<Test>::MsaNotFound);
	})
}

#[test]
fn retire_of_msa_without_handle_fails() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		retire(&alice(), msa_id);
		// A fresh payload (another expiration), so it is not a replay.
		let payload = RetireHandlePayload {
			expiration: System::block_number() + 11,
			..retire_payload(msa_id)
		};
		assert_noop!(try_retire(&alice(), payload), Error::<Test>::MsaHasNoHandle);
	})
}

#[test]
fn retire_with_signature_of_another_key_fails() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		let payload = retire_payload(msa_id);
		assert_noop!(
			try_retire_signed_by(&alice(), &bob(), payload),
			Error::<Test>::InvalidSignature
		);
	})
}

#[test]
fn retired_msa_can_get_a_handle_again_with_change() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		retire(&alice(), msa_id);
		let suffix = available_suffix("alicia");
		change(&alice(), msa_id, "alicia", suffix);
		assert_eq!(
			last_event(),
			Event::HandleChanged {
				msa_id,
				old_handle: None,
				new_handle: format!("alicia.{suffix}").into_bytes()
			}
		);
	})
}

#[test]
fn retire_signed_for_an_earlier_handle_does_not_retire_the_current_one() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		// Signed while the MSA held `alice`...
		let stale = retire_payload(msa_id);
		let to_bob = change_payload(msa_id, "bob", available_suffix("bob"));
		assert_ok!(try_change(&alice(), to_bob));
		// ...it cannot retire `bob`, which the MSA holds now.
		assert_noop!(try_retire(&alice(), stale), Error::<Test>::HandleMismatch);
		assert!(MsaHandles::<Test>::contains_key(msa_id));
	})
}

#[test]
fn force_retired_handle_never_returns_to_its_msa() {
	test(|| {
		set_cooldown(5);
		let (msa_id, suffix) = create(&alice(), "alice");
		assert_ok!(Handles::force_retire_handle(RuntimeOrigin::root(), msa_id));
		// After the cooldown, as any spelling, the moderated MSA cannot take it back...
		run_to_block(System::block_number() + 6);
		for base in ["alice", "ALICE"] {
			let payload = change_payload(msa_id, base, suffix);
			assert_noop!(try_change(&alice(), payload), Error::<Test>::HandleModerated);
		}
		// ...while it may take another handle.
		let other = change_payload(msa_id, "alicia", available_suffix("alicia"));
		assert_ok!(try_change(&alice(), other));
	})
}

#[test]
fn without_a_cooldown_a_retired_pair_leaves_no_cooldown_entry() {
	test(|| {
		no_cooldown();
		let (msa_id, _) = create(&alice(), "alice");
		retire(&alice(), msa_id);
		assert_eq!(CoolingDown::<Test>::iter().count(), 0);
		assert!(CooldownQueueBounds::<Test>::get().is_empty());
	})
}
