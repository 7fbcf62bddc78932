//! Pruning of the replay store and the cooldowns through their queues, and the quota-free
//! replay store (nobody can fill it for somebody else).

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::Hooks, weights::Weight};

/// `key` creates `base` with a payload expiring at `expiration`; returns its replay key.
fn create_expiring(key: &Key, base: &str, expiration: BlockNumber) -> [u8; 32] {
	let payload =
		CreateHandlePayload { expiration, ..create_payload(base, available_suffix(base)) };
	let replay_key = crate::replay_key(&Handles::message_for(&payload), &key.account());
	assert_ok!(try_create(key, payload));
	replay_key
}

/// Records `count` replay entries (of made-up messages) expiring at `expiration`.
fn record_payloads(count: u32, expiration: BlockNumber) {
	for i in 0..count {
		Handles::record_payload(expiration, sp_io::hashing::blake2_256(&i.to_le_bytes()));
	}
}

fn on_idle(remaining: Weight) -> Weight {
	<Handles as Hooks<BlockNumber>>::on_idle(System::block_number(), remaining)
}

#[test]
fn a_replay_entry_stays_until_its_expiration_has_passed_then_a_later_call_prunes_it() {
	test(|| {
		let expiration = System::block_number() + 3;
		let first = create_expiring(&alice(), "alice", expiration);
		// At the expiration block the payload is still valid, so its entry must stay, whatever
		// prunes in between.
		run_to_block(expiration);
		create_expiring(&bob(), "bob", expiration + 10);
		on_idle(Weight::MAX);
		assert_eq!(ReplayEntries::<Test>::get(first), Some(expiration));
		// One block later it has expired: the next call prunes it.
		run_to_block(expiration + 1);
		create_expiring(&charlie(), "charlie", expiration + 10);
		assert_eq!(ReplayEntries::<Test>::get(first), None);
		assert_eq!(ReplayQueueBounds::<Test>::get(), QueueBounds { head: 1, tail: 3 });
	})
}

#[test]
fn every_entry_added_prunes_up_to_two_expired_ones() {
	test(|| {
		let expiration = System::block_number() + 2;
		let keys = [alice(), bob(), charlie(), dave_ed(), eve_ecdsa()];
		for (i, key) in keys.iter().enumerate() {
			create_expiring(key, &format!("user{}", "abcde".as_bytes()[i] as char), expiration);
		}
		run_to_block(expiration + 1);
		// Five expired entries; one create adds one and prunes two.
		let (msa_id, _) = create(&alice(), "ferdie");
		let bounds = ReplayQueueBounds::<Test>::get();
		assert_eq!((bounds.head, bounds.len()), (2, 4));
		// A transfer adds two entries and may prune four: the three expired ones left, then it
		// stops at the first entry that has not expired.
		assert_ok!(try_transfer(&alice(), &bob(), transfer_payload(msa_id, &bob())));
		let bounds = ReplayQueueBounds::<Test>::get();
		assert_eq!((bounds.head, bounds.len()), (5, 3));
		assert_eq!(ReplayEntries::<Test>::iter().count(), 3);
	})
}

#[test]
fn many_payloads_with_one_expiration_never_block_another_users_payload() {
	test(|| {
		// The attack: one party makes cheap transfers back and forth, all expiring at `E`. With a
		// per-expiration quota this made every other payload expiring at `E` fail.
		let expiration = System::block_number() + 50;
		// A chain of transfers across fresh keys (each payload is another message).
		let keys: Vec<Key> = (0..=200)
			.map(|i| {
				use sp_core::Pair;
				Key::Sr(sp_core::sr25519::Pair::from_string(&format!("//relay{i}"), None).unwrap())
			})
			.collect();
		let (msa_id, _) = create(&keys[0], "bob");
		for pair in keys.windows(2) {
			let payload =
				TransferOwnershipPayload { expiration, ..transfer_payload(msa_id, &pair[1]) };
			assert_ok!(try_transfer(&pair[0], &pair[1], payload));
		}
		assert!(ReplayEntries::<Test>::iter().count() >= 400);
		// Alice's payload with the same expiration goes through.
		create_expiring(&alice(), "alice", expiration);
		assert!(MsaHandles::<Test>::iter().any(|(_, r)| r.base_str() == "alice"));
	})
}

#[test]
fn a_pruned_payload_is_still_refused_as_expired() {
	test(|| {
		let (signature, payload) = create_for_replay(&alice(), "alice");
		run_to_block(payload.expiration + 1);
		on_idle(Weight::MAX);
		assert_eq!(ReplayEntries::<Test>::iter().count(), 0);
		assert_noop!(
			try_create_with_signature(&alice(), signature, payload),
			Error::<Test>::PayloadExpired
		);
	})
}

#[test]
fn on_idle_prunes_at_most_max_idle_prune_of_each_queue_and_reports_its_weight() {
	test(|| {
		set_cooldown(5);
		let expiration = System::block_number() + 1;
		let max = <Test as Config>::MaxIdlePrune::get();
		// More expired replay entries than one on_idle prunes.
		record_payloads(max + 3, expiration);
		let queued = ReplayQueueBounds::<Test>::get().len();
		assert_eq!(queued, u64::from(max + 3));
		// Two cooldowns that end at block `now + 5`.
		for base in ["alice", "bob"] {
			let (msa_id, _) = create(&alice(), base);
			retire(&alice(), msa_id);
		}
		run_to_block(System::block_number() + 5);

		// No weight left: nothing is pruned.
		assert_eq!(on_idle(Weight::zero()), Weight::zero());
		assert_eq!(ReplayQueueBounds::<Test>::get().len(), queued + 4);

		let used = on_idle(Weight::MAX);
		let weights = <() as WeightInfo>::prune_replay(max)
			.saturating_add(<() as WeightInfo>::prune_cooldowns(2));
		assert_eq!(used, weights);
		// `max` of the expired replay entries (three stay for the next block) and both cooldowns.
		assert_eq!(ReplayQueueBounds::<Test>::get().len(), queued + 4 - u64::from(max));
		assert_eq!(CoolingDown::<Test>::iter().count(), 0);
		assert_eq!(CooldownQueueBounds::<Test>::get().len(), 0);
	})
}

#[test]
fn on_idle_prunes_only_what_the_remaining_weight_pays_for() {
	test(|| {
		let expiration = System::block_number() + 1;
		record_payloads(10, expiration);
		run_to_block(expiration + 1);
		let budget = <() as WeightInfo>::prune_replay(3);
		let used = on_idle(budget);
		assert!(used.all_lte(budget));
		assert_eq!(used, <() as WeightInfo>::prune_replay(3));
		assert_eq!(ReplayQueueBounds::<Test>::get().len(), 7);
	})
}

#[test]
fn a_newer_cooldown_of_the_same_pair_survives_the_pruning_of_the_older_one() {
	test(|| {
		set_cooldown(3);
		let (msa_id, suffix) = create(&alice(), "alice");
		retire(&alice(), msa_id);
		let canonical: Canonical =
			handles_rules::canonical("alice").into_bytes().try_into().unwrap();
		run_to_block(System::block_number() + 3);
		// The pair is free again; the same MSA takes it back and retires it with a longer cooldown.
		set_cooldown(20);
		change(&alice(), msa_id, "alice", suffix);
		retire(&alice(), msa_id);
		let newer = CoolingDown::<Test>::get(&canonical, suffix).expect("cooling down");
		assert_eq!(newer, System::block_number() + 20);
		on_idle(Weight::MAX);
		// The older queue entry is gone, the newer cooldown stays.
		assert_eq!(CoolingDown::<Test>::get(&canonical, suffix), Some(newer));
		assert_eq!(CooldownQueueBounds::<Test>::get().len(), 1);
		run_to_block(newer);
		on_idle(Weight::MAX);
		assert_eq!(CoolingDown::<Test>::get(&canonical, suffix), None);
	})
}

#[test]
fn an_ended_cooldown_is_pruned_although_its_pair_is_never_claimed_again() {
	test(|| {
		set_cooldown(4);
		let (msa_id, _) = create(&alice(), "alice");
		retire(&alice(), msa_id);
		assert_eq!(CoolingDown::<Test>::iter().count(), 1);
		run_to_block(System::block_number() + 3);
		on_idle(Weight::MAX);
		assert_eq!(CoolingDown::<Test>::iter().count(), 1, "not ended yet");
		run_to_block(System::block_number() + 1);
		// A retire elsewhere prunes it as a side effect.
		let (other, _) = create(&bob(), "bob");
		retire(&bob(), other);
		assert_eq!(CoolingDown::<Test>::iter().count(), 1);
		let bob = handles_rules::canonical("bob");
		assert!(CoolingDown::<Test>::iter().all(|(c, _, _)| c[..] == *bob.as_bytes()));
	})
}

#[test]
fn a_call_that_prunes_reports_the_pruning_in_its_actual_weight() {
	test(|| {
		let expiration = System::block_number() + 1;
		record_payloads(3, expiration);
		run_to_block(expiration + 1);
		let payload = create_payload("alice", available_suffix("alice"));
		let info = try_create(&alice(), payload).expect("created");
		// Two expired entries pruned: nothing of the declared pruning is refunded (raw signature:
		// no verification either), only the cooldown removal the fresh pair did not need.
		assert_eq!(info.actual_weight, Some(Handles::create_handle_weight() - one_write()));
		assert_eq!(ReplayQueueBounds::<Test>::get().len(), 2);
	})
}

#[test]
fn the_worst_case_hooks_fit_a_block_and_the_proof_budget() {
	test(|| {
		integrity_test();
		let worst = Handles::on_idle_worst_case();
		assert!(worst.proof_size() <= MAX_HOOK_PROOF_SIZE);
		assert!(worst.any_gt(<() as WeightInfo>::prune_replay(0)));
	})
}

#[test]
fn starting_a_cooldown_refunds_the_pruning_it_did_not_do() {
	test(|| {
		let declared = <() as WeightInfo>::prune_cooldowns(PRUNE_PER_ENTRY);
		let unused = declared - <() as WeightInfo>::prune_cooldowns(0);
		assert!(unused.any_gt(Weight::zero()));
		// Nothing has ended: the whole pruning is left unused.
		assert_eq!(Handles::start_cooldown(&canonical("alice"), 7, 10), unused);
		assert_eq!(Handles::cooldown_weight(), declared);
	})
}

#[test]
fn pruning_empty_queues_writes_nothing() {
	test(|| {
		assert!(!ReplayQueueBounds::<Test>::exists() && !CooldownQueueBounds::<Test>::exists());
		assert_eq!(Handles::prune_replay(5), 0);
		assert_eq!(Handles::prune_cooldowns(5), 0);
		assert!(!ReplayQueueBounds::<Test>::exists(), "no bounds stored for an empty queue");
		assert!(!CooldownQueueBounds::<Test>::exists());
	})
}
