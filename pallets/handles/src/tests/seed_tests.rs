//! Seed rotation and suffix options.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

fn seed_of(n: BlockNumber) -> Seed {
	parent_hash_of(n).0
}

#[test]
fn genesis_sets_both_seeds() {
	new_test_ext().execute_with(|| {
		assert_eq!(
			Seeds::<Test>::get(),
			SeedPair { current: GENESIS_SEED, previous: GENESIS_SEED }
		);
		Handles::do_try_state().unwrap();
	})
}

#[test]
fn rotation_at_blocks_1_101_201_moves_current_to_previous() {
	new_test_ext().execute_with(|| {
		run_to_block(1);
		assert_eq!(Seeds::<Test>::get(), SeedPair { current: seed_of(1), previous: GENESIS_SEED });
		assert_eq!(
			last_event(),
			Event::SeedRotated { current: seed_of(1), previous: GENESIS_SEED }
		);
		run_to_block(100);
		assert_eq!(Seeds::<Test>::get().current, seed_of(1));
		run_to_block(101);
		assert_eq!(Seeds::<Test>::get(), SeedPair { current: seed_of(101), previous: seed_of(1) });
		assert_eq!(
			last_event(),
			Event::SeedRotated { current: seed_of(101), previous: seed_of(1) }
		);
		run_to_block(200);
		assert_eq!(Seeds::<Test>::get().current, seed_of(101));
		run_to_block(201);
		assert_eq!(
			Seeds::<Test>::get(),
			SeedPair { current: seed_of(201), previous: seed_of(101) }
		);
		Handles::do_try_state().unwrap();
	})
}

#[test]
fn blocks_between_rotations_keep_the_seeds() {
	test(|| {
		let before = Seeds::<Test>::get();
		for n in [2, 50, 99, 100] {
			run_to_block(n);
			assert_eq!(Seeds::<Test>::get(), before);
			assert!(!System::events()
				.iter()
				.any(|r| matches!(r.event, RuntimeEvent::Handles(Event::SeedRotated { .. }))));
		}
	})
}

#[test]
fn options_are_the_union_of_the_candidates_under_both_seeds() {
	test(|| {
		run_to_block(101);
		let seeds = Seeds::<Test>::get();
		assert_ne!(seeds.current, seeds.previous);
		let options = Handles::suffix_options(b"Alice".to_vec()).unwrap();
		let canonical = handles_rules::canonical("Alice");
		let range = handles_rules::SuffixRange::DEFAULT;
		let mut expected: Vec<Suffix> =
			handles_rules::candidates(&seeds.current, &canonical, range)
				.into_iter()
				.chain(handles_rules::candidates(&seeds.previous, &canonical, range))
				.collect();
		expected.sort();
		expected.dedup();
		assert_eq!(options.candidates, expected);
		assert!(options.candidates.len() <= handles_rules::MAX_SUFFIX_OPTIONS);
		assert_eq!(options.available, options.candidates);
	})
}

#[test]
fn a_suffix_offered_only_under_the_previous_seed_is_accepted() {
	test(|| {
		run_to_block(101);
		let seeds = Seeds::<Test>::get();
		let canonical = handles_rules::canonical("alice");
		let range = handles_rules::SuffixRange::DEFAULT;
		let current = handles_rules::candidates(&seeds.current, &canonical, range);
		let previous_only = handles_rules::candidates(&seeds.previous, &canonical, range)
			.into_iter()
			.find(|s| !current.contains(s))
			.expect("the two seeds give different candidates");
		let payload = create_payload("alice", previous_only);
		assert_ok!(try_create(&alice(), payload));
	})
}

#[test]
fn a_suffix_stops_being_offered_two_rotations_later() {
	test(|| {
		let seeds = Seeds::<Test>::get();
		let canonical = handles_rules::canonical("alice");
		let range = handles_rules::SuffixRange::DEFAULT;
		run_to_block(201);
		let now = Seeds::<Test>::get();
		let gone = handles_rules::candidates(&seeds.current, &canonical, range)
			.into_iter()
			.find(|s| {
				!handles_rules::candidates(&now.current, &canonical, range).contains(s)
					&& !handles_rules::candidates(&now.previous, &canonical, range).contains(s)
			})
			.expect("a candidate of block 1 that block 201 no longer offers");
		let payload = create_payload("alice", gone);
		assert_noop!(try_create(&alice(), payload), Error::<Test>::SuffixNotOffered);
	})
}

#[test]
fn every_offered_suffix_is_accepted() {
	test(|| {
		no_cooldown();
		let offer = Handles::suffix_options(b"alice".to_vec()).unwrap();
		let options = offer.candidates;
		// Ten candidates under each seed, none shared: twenty options, all free.
		assert_eq!(options.len(), handles_rules::MAX_SUFFIX_OPTIONS);
		assert_eq!(offer.available, options);
		let keys = [alice(), bob(), charlie(), dave_ed(), eve_ecdsa()];
		for (i, suffix) in options.iter().copied().enumerate() {
			let key = &keys[i % keys.len()];
			let payload = create_payload("alice", suffix);
			assert_ok!(try_create(key, payload));
			let found = Handles::msa_for_handle(format!("alice.{suffix}").into_bytes()).unwrap();
			assert_eq!(found.map(|f| f.owner), Some(key.account()));
		}
		assert!(Handles::suffix_options(b"alice".to_vec()).unwrap().available.is_empty());
	})
}

#[test]
fn an_msa_id_collision_makes_that_suffix_unavailable() {
	test(|| {
		let options = Handles::suffix_options(b"alice".to_vec()).unwrap();
		let suffix = options.available[0];
		let derived = handles_rules::msa_id(&handles_rules::canonical("alice"), suffix);
		MsaOwner::<Test>::insert(derived, bob().account());
		OwnerMsas::<Test>::insert(
			bob().account(),
			frame_support::BoundedVec::truncate_from(vec![derived]),
		);
		let after = Handles::suffix_options(b"alice".to_vec()).unwrap();
		assert_eq!(after.candidates, options.candidates);
		assert!(!after.available.contains(&suffix));
		assert_eq!(after.available.len(), options.available.len() - 1);
		let payload = create_payload("alice", suffix);
		assert_noop!(try_create(&alice(), payload), Error::<Test>::MsaIdInUse);
	})
}

#[test]
fn seed_reports_the_next_rotation_block() {
	test(|| {
		assert_eq!(Handles::seed().next_rotation, 101);
		run_to_block(100);
		assert_eq!(Handles::seed().next_rotation, 101);
		run_to_block(101);
		let seed = Handles::seed();
		assert_eq!(seed.next_rotation, 201);
		assert_eq!((seed.current, seed.previous), (seed_of(101), seed_of(1)));
	})
}
