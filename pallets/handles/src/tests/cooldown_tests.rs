//! Reuse cooldown of retired and changed-away handles.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, weights::Weight};

const COOLDOWN: BlockNumber = 50;

/// Bob's MSA changes its handle to `alice.S` (whose derived id is unused), then retires it at
/// block `retired_at`. Returns `S` and Bob's MSA.
fn alice_handle_retired() -> (Suffix, MsaId) {
	set_cooldown(COOLDOWN);
	let (msa_id, _) = create(&bob(), "bob");
	let suffix = available_suffix("alice");
	change(&bob(), msa_id, "alice", suffix);
	retire(&bob(), msa_id);
	(suffix, msa_id)
}

#[test]
fn a_retired_pair_is_unavailable_until_exactly_retired_at_plus_cooldown() {
	test(|| {
		let retired_at = System::block_number();
		let (suffix, _) = alice_handle_retired();
		run_to_block(retired_at + COOLDOWN - 1);
		assert!(!Handles::suffix_options(b"alice".to_vec()).unwrap().available.contains(&suffix));
		let payload = create_payload("alice", suffix);
		assert_noop!(try_create(&alice(), payload), Error::<Test>::HandleCoolingDown);
		run_to_block(retired_at + COOLDOWN);
		assert!(Handles::suffix_options(b"alice".to_vec()).unwrap().available.contains(&suffix));
		let payload = create_payload("alice", suffix);
		assert_ok!(try_create(&alice(), payload));
		// The stale cooldown entry went with the claim.
		assert!(CoolingDown::<Test>::get(canonical("alice"), suffix).is_none());
	})
}

#[test]
fn lookalikes_of_a_cooling_handle_are_cooling_too() {
	test(|| {
		let (suffix, _) = alice_handle_retired();
		for base in ["ALICE", "a1ice", "AIice"] {
			let payload = create_payload(base, suffix);
			assert_noop!(try_create(&alice(), payload), Error::<Test>::HandleCoolingDown);
		}
	})
}

#[test]
fn a_changed_away_handle_cools_down_too() {
	test(|| {
		set_cooldown(COOLDOWN);
		let (bob_msa, _) = create(&bob(), "bob");
		let suffix = available_suffix("alice");
		change(&bob(), bob_msa, "alice", suffix);
		let changed_at = System::block_number();
		change(&bob(), bob_msa, "robert", available_suffix("robert"));
		// Charlie's MSA wants alice.S.
		let (charlie_msa, _) = create(&charlie(), "charlie");
		let take = ChangeHandlePayload {
			expiration: changed_at + COOLDOWN + 10,
			..change_payload(charlie_msa, "alice", suffix)
		};
		run_to_block(changed_at + COOLDOWN - 1);
		assert_noop!(try_change(&charlie(), take.clone()), Error::<Test>::HandleCoolingDown);
		run_to_block(changed_at + COOLDOWN);
		assert_ok!(try_change(&charlie(), take));
	})
}

#[test]
fn a_cooldown_change_leaves_running_cooldowns_alone() {
	test(|| {
		let retired_at = System::block_number();
		let (suffix, _) = alice_handle_retired();
		no_cooldown();
		assert_eq!(
			CoolingDown::<Test>::get(canonical("alice"), suffix),
			Some(retired_at + COOLDOWN)
		);
		let payload = create_payload("alice", suffix);
		assert_noop!(try_create(&alice(), payload), Error::<Test>::HandleCoolingDown);
	})
}

#[test]
fn with_zero_cooldown_a_retired_pair_is_available_at_once() {
	test(|| {
		no_cooldown();
		let (msa_id, _) = create(&bob(), "bob");
		let suffix = available_suffix("alice");
		change(&bob(), msa_id, "alice", suffix);
		retire(&bob(), msa_id);
		assert!(Handles::suffix_options(b"alice".to_vec()).unwrap().available.contains(&suffix));
		let payload = create_payload("alice", suffix);
		assert_ok!(try_create(&alice(), payload));
	})
}

#[test]
fn a_pair_retired_from_its_creating_msa_stays_unavailable_after_the_cooldown() {
	test(|| {
		set_cooldown(1);
		let (msa_id, suffix) = create(&alice(), "alice");
		retire(&alice(), msa_id);
		run_to_block(3);
		// Its derived MSA id belongs to the (never deleted) MSA that held it.
		assert!(!Handles::suffix_options(b"alice".to_vec()).unwrap().available.contains(&suffix));
		let payload = create_payload("alice", suffix);
		assert_noop!(try_create(&bob(), payload), Error::<Test>::MsaIdInUse);
	})
}

#[test]
fn taking_a_pair_removes_its_ended_cooldown_and_pays_for_that_write_only_then() {
	test(|| {
		let write = one_write();
		assert!(write.any_gt(Weight::zero()));
		let no_pruning = unused_replay_pruning();
		let declared = Handles::create_handle_weight();

		// A pair without a cooldown entry: the removal the call declares is refunded.
		let fresh = try_create(&alice(), create_payload("alice", available_suffix("alice")))
			.expect("created");
		assert_eq!(fresh.actual_weight, Some(declared - no_pruning - write));

		// A pair whose cooldown ended at this block but is still stored (pruning has not reached
		// it): still available, and taking it removes the entry, which is paid for.
		let suffix = available_suffix("bob");
		CoolingDown::<Test>::insert(canonical("bob"), suffix, System::block_number());
		assert_eq!(available_suffix("bob"), suffix);
		let stale = try_create(&bob(), create_payload("bob", suffix)).expect("created");
		assert_eq!(stale.actual_weight, Some(declared - no_pruning));
		assert!(CoolingDown::<Test>::get(canonical("bob"), suffix).is_none());
		assert!(HandleToMsa::<Test>::contains_key(canonical("bob"), suffix));

		// The same for change_handle: changing to a pair with an ended cooldown entry costs one
		// write more than changing to a fresh pair.
		let (to_fresh_msa, _) = create(&charlie(), "carol");
		let to_fresh =
			try_change(&charlie(), change_payload(to_fresh_msa, "dave", available_suffix("dave")))
				.expect("changed");
		let (to_stale_msa, _) = create(&charlie(), "erin");
		let suffix = available_suffix("frank");
		CoolingDown::<Test>::insert(canonical("frank"), suffix, System::block_number());
		let to_stale =
			try_change(&charlie(), change_payload(to_stale_msa, "frank", suffix)).expect("changed");
		assert_eq!(to_stale.actual_weight.unwrap(), to_fresh.actual_weight.unwrap() + write);
		assert!(CoolingDown::<Test>::get(canonical("frank"), suffix).is_none());
	})
}
