//! Claims of the same handle in one block: the first wins, the second changes nothing.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
fn two_creates_of_the_same_handle_in_one_block_first_wins_second_fails_and_changes_nothing() {
	test(|| {
		let suffix = available_suffix("alice");
		let first = create_payload("alice", suffix);
		let second = create_payload("alice", suffix);
		assert_ok!(try_create(&alice(), first));
		assert_noop!(try_create(&bob(), second), Error::<Test>::HandleTaken);
		let found =
			Handles::msa_for_handle(format!("alice.{suffix}").into_bytes()).unwrap().unwrap();
		assert_eq!(found.owner, alice().account());
		assert!(OwnerMsas::<Test>::get(bob().account()).is_empty());
		// Bob's payload did not take effect, so it is not in the replay store either.
		assert_eq!(ReplayQueueBounds::<Test>::get().len(), 1);
	})
}

#[test]
fn two_creates_of_lookalikes_in_one_block_first_wins() {
	test(|| {
		let suffix = available_suffix("alice");
		let first = create_payload("Alice", suffix);
		let second = create_payload("ALICE", suffix);
		assert_ok!(try_create(&alice(), first));
		assert_noop!(try_create(&bob(), second), Error::<Test>::HandleTaken);
	})
}

#[test]
fn a_create_and_a_change_to_the_same_handle_in_one_block_first_wins() {
	test(|| {
		let (bob_msa, _) = create(&bob(), "bob");
		let suffix = available_suffix("alice");
		let create_p = create_payload("alice", suffix);
		assert_ok!(try_create(&alice(), create_p));
		let change = change_payload(bob_msa, "alice", suffix);
		assert_noop!(try_change(&bob(), change), Error::<Test>::HandleTaken);
		// Bob's MSA keeps its handle.
		assert_eq!(MsaHandles::<Test>::get(bob_msa).unwrap().base_str(), "bob");
	})
}

#[test]
fn the_same_owner_signing_two_suffixes_of_one_handle_gets_both() {
	test(|| {
		let options = Handles::suffix_options(b"alice".to_vec()).unwrap().available;
		for suffix in &options[..2] {
			let payload = create_payload("alice", *suffix);
			assert_ok!(try_create(&alice(), payload));
		}
		assert_eq!(OwnerMsas::<Test>::get(alice().account()).len(), 2);
	})
}
