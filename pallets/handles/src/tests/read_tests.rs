//! Read functions behind the runtime API.

use crate::{mock::*, *};
use frame_support::assert_ok;
use pallet_handles_runtime_api::{HandleInfo, OwnedMsa, QueryError, ValidationResult};

fn text(bytes: &[u8]) -> &str {
	core::str::from_utf8(bytes).unwrap()
}

#[test]
fn seed_returns_both_seeds_and_the_next_rotation() {
	test(|| {
		let seed = Handles::seed();
		let stored = Seeds::<Test>::get();
		assert_eq!((seed.current, seed.previous), (stored.current, stored.previous));
		assert_eq!(seed.previous, GENESIS_SEED);
		assert_eq!(seed.next_rotation, 101);
	})
}

#[test]
fn suffix_options_lists_candidates_and_the_available_ones() {
	test(|| {
		let options = Handles::suffix_options(b"Alice".to_vec()).unwrap();
		assert_eq!(options.base_handle, b"Alice".to_vec());
		assert_eq!(options.canonical, handles_rules::canonical("Alice").into_bytes());
		assert!(options.candidates.windows(2).all(|w| w[0] < w[1]));
		assert_eq!(options.available, options.candidates);
		let (_, taken) = create(&alice(), "Alice");
		let after = Handles::suffix_options(b"alice".to_vec()).unwrap();
		assert_eq!(after.candidates, options.candidates);
		assert!(!after.available.contains(&taken));
		assert_eq!(after.available.len() + 1, options.candidates.len());
	})
}

#[test]
fn suffix_offer_adds_the_suffixes_expiring_at_the_next_rotation() {
	test(|| {
		// After a rotation the previous seed's candidates expire at the next one.
		run_to_block(101);
		let seed = Handles::seed();
		let range = handles_rules::SuffixRange::DEFAULT;
		let (_, taken) = create(&alice(), "Alice");
		let offer = Handles::suffix_offer(b"Alice".to_vec()).unwrap();
		let options = Handles::suffix_options(b"Alice".to_vec()).unwrap();
		assert_eq!(
			(&offer.base_handle, &offer.canonical, &offer.candidates, &offer.available),
			(&options.base_handle, &options.canonical, &options.candidates, &options.available)
		);
		let current = handles_rules::candidates(&seed.current, "allce", range);
		let previous = handles_rules::candidates(&seed.previous, "allce", range);
		let expected: Vec<Suffix> = offer
			.available
			.iter()
			.copied()
			.filter(|s| !current.contains(s) && previous.contains(s))
			.collect();
		assert!(!expected.is_empty(), "the previous seed offers suffixes of its own");
		assert_eq!(offer.expiring, expected);
		assert!(!offer.expiring.contains(&taken));
		assert_eq!(offer.next_rotation, 201);
		assert_eq!(seed.next_rotation, 201);
	})
}

/// The availability of every suffix of `suffixes` with `canonical`, one pair at a time.
fn one_at_a_time(canonical: &Canonical, suffixes: &[Suffix]) -> Vec<Suffix> {
	let text = core::str::from_utf8(canonical).unwrap();
	suffixes
		.iter()
		.copied()
		.filter(|s| Handles::ensure_pair_available(canonical, text, *s, None).is_ok())
		.collect()
}

#[test]
fn available_among_reads_a_prefix_once_and_answers_as_one_pair_at_a_time() {
	// Storage written directly (no records behind it): only the availability reads are checked.
	new_test_ext().execute_with(|| {
		run_to_block(50);
		let canonical: Canonical = b"allce".to_vec().try_into().unwrap();
		let other: Canonical = b"bob".to_vec().try_into().unwrap();
		let suffixes: Vec<Suffix> = (1000..1020).collect();
		let check = |label: &str| {
			let text = core::str::from_utf8(&canonical).unwrap();
			assert_eq!(
				Handles::available_among(&canonical, text, &suffixes),
				one_at_a_time(&canonical, &suffixes),
				"{label}"
			);
		};
		check("nothing held");
		// Held pairs, a running and an ended cooldown, a derived MSA id in use, and entries of
		// another canonical form (outside the prefix).
		HandleToMsa::<Test>::insert(&canonical, 1003, 1);
		HandleToMsa::<Test>::insert(&canonical, 1011, 2);
		CoolingDown::<Test>::insert(&canonical, 1005, 60);
		CoolingDown::<Test>::insert(&canonical, 1006, 50);
		CoolingDown::<Test>::insert(&canonical, 1007, 10);
		MsaOwner::<Test>::insert(handles_rules::msa_id("allce", 1009), alice().account());
		HandleToMsa::<Test>::insert(&other, 1001, 3);
		CoolingDown::<Test>::insert(&other, 1002, 99);
		check("a few of each");
		let available = Handles::available_among(&canonical, "allce", &suffixes);
		for gone in [1003, 1011, 1005, 1009] {
			assert!(!available.contains(&gone), "{gone}");
		}
		for open in [1001, 1002, 1006, 1007] {
			assert!(available.contains(&open), "{open}");
		}
		// Exactly as many entries as suffixes (still read by iteration), then one more (read
		// one pair at a time), in each map.
		for s in 2000..2018 {
			HandleToMsa::<Test>::insert(&canonical, s, 10 + s);
		}
		for s in 2100..2117 {
			CoolingDown::<Test>::insert(&canonical, s, 70);
		}
		assert_eq!(HandleToMsa::<Test>::iter_prefix(&canonical).count(), 20);
		assert_eq!(CoolingDown::<Test>::iter_prefix(&canonical).count(), 20);
		check("as many entries as suffixes");
		HandleToMsa::<Test>::insert(&canonical, 3000, 9);
		CoolingDown::<Test>::insert(&canonical, 3000, 70);
		CoolingDown::<Test>::insert(&canonical, 3001, 70);
		check("more entries than suffixes");
		assert!(Handles::available_among(&canonical, "allce", &[1003, 1005, 1002]) == vec![1002]);
	})
}

#[test]
fn suffix_options_of_an_invalid_or_reserved_handle_is_an_error_naming_the_rule() {
	test(|| {
		let Err(QueryError::InvalidHandle(message)) = Handles::suffix_options(b"a".to_vec()) else {
			panic!("too short is an error")
		};
		assert!(text(&message).contains("too short"), "{}", text(&message));
		let Err(QueryError::InvalidHandle(message)) = Handles::suffix_options(b"ADMIN".to_vec())
		else {
			panic!("reserved is an error")
		};
		assert!(text(&message).contains("reserved"), "{}", text(&message));
		let long = vec![b'a'; 1000];
		assert!(matches!(Handles::suffix_options(long), Err(QueryError::InvalidHandle(_))));
	})
}

#[test]
fn msa_for_handle_resolves_registered_handles_and_returns_none_for_free_ones() {
	test(|| {
		let (msa_id, suffix) = create(&alice(), "Alice");
		let found =
			Handles::msa_for_handle(format!("Alice.{suffix}").into_bytes()).unwrap().unwrap();
		assert_eq!(found.msa_id, msa_id);
		assert_eq!(found.owner, alice().account());
		assert_eq!(found.handle, format!("Alice.{suffix}").into_bytes());
		let other = if suffix == DEFAULT_SUFFIX_MAX { DEFAULT_SUFFIX_MIN } else { suffix + 1 };
		assert_eq!(Handles::msa_for_handle(format!("Alice.{other}").into_bytes()), Ok(None));
		assert_eq!(Handles::msa_for_handle(b"nobody.1234".to_vec()), Ok(None));
		retire(&alice(), msa_id);
		assert_eq!(Handles::msa_for_handle(format!("Alice.{suffix}").into_bytes()), Ok(None));
	})
}

#[test]
fn msa_for_handle_of_a_malformed_display_handle_is_an_error() {
	test(|| {
		for bad in [
			b"alice".to_vec(),
			b"alice.".to_vec(),
			b".1234".to_vec(),
			b"alice.12a4".to_vec(),
			b"alice.01234".to_vec(),
			b"alice.99999999999".to_vec(),
			vec![0xff, b'.', b'1'],
			vec![b'a'; 10_000],
		] {
			let result = Handles::msa_for_handle(bad.clone());
			let Err(QueryError::MalformedDisplayHandle(message)) = result else {
				panic!("{bad:?} is malformed, got {result:?}")
			};
			assert!(!message.is_empty());
		}
	})
}

#[test]
fn handle_for_msa_returns_the_handle_and_none_without_one() {
	test(|| {
		let (msa_id, suffix) = create(&alice(), "Alice");
		assert_eq!(
			Handles::handle_for_msa(msa_id),
			Some(HandleInfo {
				handle: format!("Alice.{suffix}").into_bytes(),
				base_handle: b"Alice".to_vec(),
				suffix,
				canonical: handles_rules::canonical("Alice").into_bytes(),
				owner: alice().account(),
				created_at: 1,
			})
		);
		retire(&alice(), msa_id);
		assert_eq!(Handles::handle_for_msa(msa_id), None);
		assert_eq!(Handles::handle_for_msa(msa_id.wrapping_add(1)), None);
	})
}

#[test]
fn handles_for_owner_lists_msas_ascending_with_none_for_retired_ones() {
	test(|| {
		assert!(Handles::handles_for_owner(alice().account()).is_empty());
		let (a, sa) = create(&alice(), "alice");
		let (b, sb) = create(&alice(), "wonder");
		retire(&alice(), b);
		let mut expected = vec![
			OwnedMsa { msa_id: a, handle: Some(format!("alice.{sa}").into_bytes()) },
			OwnedMsa { msa_id: b, handle: None },
		];
		expected.sort_by_key(|m| m.msa_id);
		assert_eq!(Handles::handles_for_owner(alice().account()), expected);
		let _ = sb;
	})
}

#[test]
fn validate_handle_uses_the_rules_and_the_chains_reserved_list() {
	test(|| {
		assert_eq!(
			Handles::validate_handle(b"Alice".to_vec()),
			ValidationResult {
				valid: true,
				canonical: Some(handles_rules::canonical("Alice").into_bytes()),
				error: None
			}
		);
		let result = Handles::validate_handle(b"al ice".to_vec());
		assert!(!result.valid && result.canonical.is_none());
		assert_eq!(
			result.error.unwrap(),
			handles_rules::HandleError::DisallowedCharacter(' ').to_string().into_bytes()
		);
		assert!(Handles::validate_handle(b"carol".to_vec()).valid);
		assert_ok!(try_reserve(b"carol"));
		let result = Handles::validate_handle(b"CAROL".to_vec());
		assert!(!result.valid);
		assert_eq!(
			result.error.unwrap(),
			handles_rules::HandleError::Reserved.to_string().into_bytes()
		);
		assert_ok!(try_unreserve(b"admin"));
		assert!(Handles::validate_handle(b"admin".to_vec()).valid);
	})
}

#[test]
fn settings_report_governance_settings_and_constants() {
	test(|| {
		let settings = Handles::settings();
		assert_eq!(settings.suffix_min, DEFAULT_SUFFIX_MIN);
		assert_eq!(settings.suffix_max, DEFAULT_SUFFIX_MAX);
		assert_eq!(settings.reuse_cooldown, u64::from(DEFAULT_REUSE_COOLDOWN));
		assert_eq!(settings.seed_rotation_period, 100);
		assert_eq!(settings.max_payload_lifetime, 200);
	})
}
