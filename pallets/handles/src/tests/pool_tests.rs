//! The pool check (`Pallet::pool_validity`): a user call that would fail is refused with the
//! index of its pallet error, nothing it runs remains, and each payload provides its replay key.

use super::migrate::pallet_state;
use crate::{mock::*, *};
use codec::Encode;
use frame_support::assert_ok;
use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};

/// The custom code the pool gives for `error`: its index among the pallet's errors.
fn code(error: Error<Test>) -> TransactionValidityError {
	InvalidTransaction::Custom(error.encode()[0]).into()
}

/// The tag a signature by `signer` over `payload` provides.
fn tag<P: SignedPayload>(payload: &P, signer: &Key) -> Vec<u8> {
	(POOL_TAG, replay_key(&Handles::message_for(payload), &signer.account())).encode()
}

fn create_call(owner: &Key, form: Form, payload: CreateHandlePayload<BlockNumber>) -> Call<Test> {
	Call::create_handle {
		owner: owner.account(),
		signature: owner.sign_in(&payload, form),
		payload,
	}
}

#[test]
fn a_claim_that_would_land_is_valid_provides_its_replay_key_and_leaves_nothing_behind() {
	test(|| {
		let payload = create_payload("poolside", available_suffix("poolside"));
		let call = create_call(&alice(), Form::ReadableWrapped, payload.clone());
		let before = pallet_state();
		let valid = Handles::pool_validity(&call).expect("valid").expect("a user call");
		assert_eq!(valid.provides, vec![tag(&payload, &alice())]);
		assert_eq!(pallet_state(), before, "no record, no replay entry, no event");
		// The call itself still lands.
		assert_ok!(try_create_with_signature(
			&alice(),
			alice().sign_in(&payload, Form::Legacy),
			payload
		));
	})
}

#[test]
fn the_readable_and_legacy_forms_of_one_payload_provide_one_tag() {
	test(|| {
		let payload = create_payload("twin", available_suffix("twin"));
		let tags = [Form::ReadableWrapped, Form::Readable, Form::LegacyWrapped].map(|form| {
			Handles::pool_validity(&create_call(&alice(), form, payload.clone()))
				.expect("valid")
				.expect("a user call")
				.provides
		});
		assert!(tags.iter().all(|t| *t == tags[0]), "{tags:?}");
		// Another owner's signature of the same payload is another payload.
		let by_bob = Handles::pool_validity(&create_call(&bob(), Form::ReadableWrapped, payload))
			.expect("valid")
			.expect("a user call");
		assert_ne!(by_bob.provides, tags[0]);
	})
}

#[test]
fn doomed_claims_are_refused_with_the_error_they_would_fail_with() {
	test(|| {
		let payload = create_payload("landed", available_suffix("landed"));
		let call = create_call(&alice(), Form::ReadableWrapped, payload.clone());
		assert_ok!(try_create_with_signature(
			&alice(),
			alice().sign_in(&payload, Form::Readable),
			payload.clone()
		));
		// The same payload again: replayed.
		assert_eq!(Handles::pool_validity(&call), Err(code(Error::PayloadReplayed)));
		// Another owner on the pair just taken.
		let taken = create_call(&bob(), Form::ReadableWrapped, payload.clone());
		assert_eq!(Handles::pool_validity(&taken), Err(code(Error::HandleTaken)));
		// Signed by someone else.
		let forged = Call::create_handle {
			owner: alice().account(),
			signature: bob().sign_in(&payload, Form::ReadableWrapped),
			payload: create_payload("forged", available_suffix("forged")),
		};
		assert_eq!(Handles::pool_validity(&forged), Err(code(Error::InvalidSignature)));
		// Expired.
		let mut old = create_payload("late", available_suffix("late"));
		old.expiration = System::block_number() - 1;
		let expired = create_call(&alice(), Form::ReadableWrapped, old);
		assert_eq!(Handles::pool_validity(&expired), Err(code(Error::PayloadExpired)));
		// A suffix no seed offers.
		let unoffered = (1000..=9999)
			.find(|s| !Handles::suffix_options(b"nooffer".to_vec()).unwrap().candidates.contains(s))
			.expect("a suffix not offered");
		let call =
			create_call(&alice(), Form::ReadableWrapped, create_payload("nooffer", unoffered));
		assert_eq!(Handles::pool_validity(&call), Err(code(Error::SuffixNotOffered)));
		// A legacy signature after the deadline.
		assert_ok!(Handles::set_legacy_payload_deadline(RuntimeOrigin::root(), 0));
		let legacy = create_call(
			&alice(),
			Form::LegacyWrapped,
			create_payload("old", available_suffix("old")),
		);
		assert_eq!(Handles::pool_validity(&legacy), Err(code(Error::LegacyPayloadExpired)));
	})
}

#[test]
fn an_invalid_handle_is_refused_with_its_rule() {
	test(|| {
		for (base, rule) in [("a", HandleRule::TooShort), ("bo@b", HandleRule::ForbiddenCharacter)]
		{
			let call = create_call(&alice(), Form::ReadableWrapped, create_payload(base, 1000));
			let code = INVALID_HANDLE_CODES + InvalidHandleReason(rule).encode()[0];
			assert_eq!(
				Handles::pool_validity(&call),
				Err(InvalidTransaction::Custom(code).into()),
				"{base}"
			);
		}
		// The codes of the other errors stay below.
		assert!(Error::<Test>::LegacyPayloadExpired.encode()[0] < INVALID_HANDLE_CODES);
	})
}

#[test]
fn an_owner_at_its_quota_is_refused() {
	test(|| {
		for i in 0..MaxMsasPerOwner::get() {
			create(&alice(), &format!("quota{}", char::from(b'a' + i as u8)));
		}
		let call = create_call(
			&alice(),
			Form::ReadableWrapped,
			create_payload("onemore", available_suffix("onemore")),
		);
		assert_eq!(Handles::pool_validity(&call), Err(code(Error::TooManyMsas)));
	})
}

#[test]
fn stale_retire_change_and_transfer_payloads_are_refused() {
	test(|| {
		let (msa, _) = create(&alice(), "stale");
		let retire = retire_payload(msa);
		let change = change_payload(msa, "fresh", available_suffix("fresh"));
		let transfer = transfer_payload(msa, &bob());
		// The payloads were signed while the MSA held `stale.<suffix>`; then it was retired.
		assert_ok!(try_retire(&alice(), retire_payload(msa)));
		let retire_call = Call::retire_handle {
			owner: alice().account(),
			signature: alice().sign_in(&retire, Form::ReadableWrapped),
			payload: retire,
		};
		assert_eq!(Handles::pool_validity(&retire_call), Err(code(Error::MsaHasNoHandle)));
		let change_call = Call::change_handle {
			owner: alice().account(),
			signature: alice().sign_in(&change, Form::ReadableWrapped),
			payload: change,
		};
		assert_eq!(Handles::pool_validity(&change_call), Err(code(Error::HandleMismatch)));
		// A transfer submitted with another owner than the payload names.
		let by_charlie = Call::transfer_ownership {
			owner: charlie().account(),
			signature: charlie().sign_in(&transfer, Form::ReadableWrapped),
			new_owner: bob().account(),
			new_owner_signature: bob().sign_in(&transfer, Form::ReadableWrapped),
			payload: transfer,
		};
		assert_eq!(Handles::pool_validity(&by_charlie), Err(code(Error::OwnerMismatch)));
	})
}

#[test]
fn a_transfer_provides_both_signatures_keys() {
	test(|| {
		let (msa, _) = create(&alice(), "moving");
		let transfer = transfer_payload(msa, &bob());
		let call = Call::transfer_ownership {
			owner: alice().account(),
			signature: alice().sign_in(&transfer, Form::ReadableWrapped),
			new_owner: bob().account(),
			new_owner_signature: bob().sign_in(&transfer, Form::ReadableWrapped),
			payload: transfer.clone(),
		};
		let valid = Handles::pool_validity(&call).expect("valid").expect("a user call");
		assert_eq!(valid.provides, vec![tag(&transfer, &alice()), tag(&transfer, &bob())]);
		assert_eq!(MsaOwner::<Test>::get(msa), Some(alice().account()), "rolled back");
	})
}

#[test]
fn governance_calls_are_left_to_their_origin_check() {
	test(|| {
		let call =
			Call::<Test>::set_handle_settings { suffix_min: 1, suffix_max: 2, reuse_cooldown: 3 };
		assert_eq!(Handles::pool_validity(&call), Ok(None));
		assert_eq!(HandleSettings::<Test>::get().suffix_min, 1000);
	})
}
