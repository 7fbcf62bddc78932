//! Governance calls: settings, reserved list, moderation.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn non_governance_origins_are_refused_for_every_governance_call() {
	test(|| {
		let (msa_id, _) = create(&alice(), "alice");
		for origin in [sponsor(), RuntimeOrigin::signed(alice().account()), RuntimeOrigin::none()] {
			assert_noop!(
				Handles::set_handle_settings(origin.clone(), 1, 2, 3),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Handles::add_reserved_handle(origin.clone(), b"carol".to_vec().try_into().unwrap()),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Handles::remove_reserved_handle(
					origin.clone(),
					b"admin".to_vec().try_into().unwrap()
				),
				DispatchError::BadOrigin
			);
			assert_noop!(Handles::force_retire_handle(origin, msa_id), DispatchError::BadOrigin);
		}
	})
}

#[test]
fn set_handle_settings_changes_range_and_cooldown() {
	test(|| {
		assert_ok!(Handles::set_handle_settings(RuntimeOrigin::root(), 10, 20, 5));
		assert_eq!(
			last_event(),
			Event::HandleSettingsChanged { suffix_min: 10, suffix_max: 20, reuse_cooldown: 5 }
		);
		let settings = Handles::settings();
		assert_eq!(
			(settings.suffix_min, settings.suffix_max, settings.reuse_cooldown),
			(10, 20, 5)
		);
		let options = Handles::suffix_options(b"alice".to_vec()).unwrap();
		let seeds = Seeds::<Test>::get();
		let range = handles_rules::SuffixRange::new(10, 20).unwrap();
		let drawn = handles_rules::suffix_options(&seeds.current, &seeds.previous, "allce", range);
		assert!(!drawn.is_empty());
		assert_eq!(options.candidates, drawn);
		assert!(
			options.candidates.iter().all(|s| (10..=20).contains(s)),
			"{:?}",
			options.candidates
		);
	})
}

#[test]
fn set_handle_settings_with_min_above_max_fails() {
	test(|| {
		assert_noop!(
			Handles::set_handle_settings(RuntimeOrigin::root(), 2, 1, 0),
			Error::<Test>::InvalidSuffixRange
		);
	})
}

#[test]
fn full_u32_range_and_single_suffix_range_work() {
	test(|| {
		assert_ok!(Handles::set_handle_settings(RuntimeOrigin::root(), 0, u32::MAX, 0));
		let (msa_id, _) = create(&alice(), "alice");
		assert!(MsaHandles::<Test>::contains_key(msa_id));
		assert_ok!(Handles::set_handle_settings(RuntimeOrigin::root(), 7, 7, 0));
		assert_eq!(Handles::suffix_options(b"bob".to_vec()).unwrap().candidates, vec![7]);
		let (_, suffix) = create(&bob(), "bob");
		assert_eq!(suffix, 7);
	})
}

#[test]
fn range_change_never_reissues_or_overwrites_an_existing_handle() {
	test(|| {
		let (msa_id, suffix) = create(&alice(), "alice");
		// Only the taken suffix is in range now: it is offered but not available.
		assert_ok!(Handles::set_handle_settings(RuntimeOrigin::root(), suffix, suffix, 0));
		let options = Handles::suffix_options(b"ALICE".to_vec()).unwrap();
		assert_eq!(options.candidates, vec![suffix]);
		assert!(options.available.is_empty());
		let payload = create_payload("ALICE", suffix);
		assert_noop!(try_create(&bob(), payload), Error::<Test>::HandleTaken);
		// A range excluding it leaves the handle registered and resolvable.
		assert_ok!(Handles::set_handle_settings(RuntimeOrigin::root(), 1, 2, 0));
		assert_eq!(HandleToMsa::<Test>::get(canonical("alice"), suffix), Some(msa_id));
		assert_eq!(
			Handles::msa_for_handle(format!("alice.{suffix}").into_bytes())
				.unwrap()
				.unwrap()
				.msa_id,
			msa_id
		);
	})
}

#[test]
fn add_reserved_handle_refuses_the_handle_and_its_lookalikes() {
	test(|| {
		assert_ok!(try_reserve(b"Bob"));
		assert_eq!(last_event(), Event::ReservedHandleAdded { canonical: b"bob".to_vec() });
		for base in ["bob", "BOB", "b0b"] {
			let payload = create_payload(base, DEFAULT_SUFFIX_MIN);
			assert_noop!(
				try_create(&bob(), payload),
				Error::<Test>::InvalidHandle(InvalidHandleReason(HandleRule::Reserved))
			);
		}
	})
}

#[test]
fn default_reserved_handles_are_compared_by_canonical_form() {
	test(|| {
		for base in ["admin", "everyone", "all"] {
			assert!(ReservedHandles::<Test>::contains_key(canonical(base)));
		}
		for base in ["ADMIN", "adm1n", "EVERY0NE", "A11"] {
			assert_noop!(try_reserve(base.as_bytes()), Error::<Test>::AlreadyReserved);
		}
	})
}

#[test]
fn add_reserved_handle_that_breaks_a_rule_fails() {
	test(|| {
		assert_noop!(
			try_reserve(b"a"),
			Error::<Test>::InvalidHandle(InvalidHandleReason(HandleRule::TooShort))
		);
		assert_noop!(
			try_reserve(b"a#b"),
			Error::<Test>::InvalidHandle(InvalidHandleReason(HandleRule::ForbiddenCharacter))
		);
	})
}

#[test]
fn add_reserved_handle_beyond_max_fails() {
	test(|| {
		let max = <Test as Config>::MaxReservedHandles::get();
		let words = ["kab", "keb", "kub", "tab", "teb", "tub", "pab", "peb", "pub", "sab", "seb"];
		let mut words = words.iter().chain(["sub", "nab", "neb", "nub", "hab", "heb"].iter());
		while ReservedHandles::<Test>::count() < max {
			let word = words.next().expect("enough words");
			assert_ok!(try_reserve(word.as_bytes()));
		}
		assert_noop!(try_reserve(b"one_more"), Error::<Test>::TooManyReservedHandles);
	})
}

#[test]
fn reserving_a_held_handle_leaves_it_with_its_msa() {
	test(|| {
		let (msa_id, suffix) = create(&bob(), "bob");
		assert_ok!(try_reserve(b"bob"));
		assert_eq!(HandleToMsa::<Test>::get(canonical("bob"), suffix), Some(msa_id));
	})
}

#[test]
fn remove_reserved_handle_by_a_lookalike_frees_it() {
	test(|| {
		assert_ok!(try_unreserve(b"ADM1N"));
		assert_eq!(
			last_event(),
			Event::ReservedHandleRemoved { canonical: canonical("admin").to_vec() }
		);
		assert!(!ReservedHandles::<Test>::contains_key(canonical("admin")));
		create(&alice(), "admin");
	})
}

#[test]
fn remove_reserved_handle_not_on_the_list_fails() {
	test(|| {
		assert_noop!(try_unreserve(b"carol"), Error::<Test>::NotReserved);
		assert_noop!(
			try_unreserve(&[0xff, 0xff]),
			Error::<Test>::InvalidHandle(InvalidHandleReason(HandleRule::NotUtf8))
		);
	})
}

#[test]
fn force_retire_handle_retires_and_starts_the_cooldown() {
	test(|| {
		let (msa_id, suffix) = create(&alice(), "alice");
		assert_ok!(Handles::force_retire_handle(RuntimeOrigin::root(), msa_id));
		assert_eq!(
			last_event(),
			Event::HandleRetired { msa_id, handle: format!("alice.{suffix}").into_bytes() }
		);
		assert!(MsaHandles::<Test>::get(msa_id).is_none());
		assert_eq!(MsaOwner::<Test>::get(msa_id), Some(alice().account()));
		assert!(CoolingDown::<Test>::get(canonical("alice"), suffix).is_some());
	})
}

#[test]
fn force_retire_of_unknown_msa_or_msa_without_handle_fails() {
	test(|| {
		assert_noop!(
			Handles::force_retire_handle(RuntimeOrigin::root(), 99),
			Error::<Test>::MsaNotFound
		);
		let (msa_id, _) = create(&alice(), "alice");
		assert_ok!(Handles::force_retire_handle(RuntimeOrigin::root(), msa_id));
		assert_noop!(
			Handles::force_retire_handle(RuntimeOrigin::root(), msa_id),
			Error::<Test>::MsaHasNoHandle
		);
	})
}
