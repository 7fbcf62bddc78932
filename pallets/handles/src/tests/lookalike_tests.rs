//! Look-alike (homoglyph) handles.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
fn lookalike_variants_of_a_taken_handle_with_the_same_suffix_fail() {
	test(|| {
		let (_, suffix) = create(&alice(), "alice");
		// Case, capital I for l, digit 1 for l, diacritics, all-Cyrillic look-alike.
		for base in
			["ALICE", "Alice", "AIice", "a1ice", "alicë", "\u{430}\u{4cf}\u{456}\u{441}\u{435}"]
		{
			let payload = create_payload(base, suffix);
			assert_noop!(try_create(&bob(), payload), Error::<Test>::HandleTaken);
		}
		// A Cyrillic а among Latin letters is refused outright.
		let payload = create_payload("\u{430}lice", suffix);
		assert_noop!(
			try_create(&bob(), payload),
			Error::<Test>::InvalidHandle(InvalidHandleReason(HandleRule::MixedScript))
		);
	})
}

#[test]
fn lookalikes_share_the_suffix_options() {
	test(|| {
		let options = Handles::suffix_options(b"alice".to_vec()).unwrap();
		for base in ["ALICE", "AIice", "a1ice"] {
			let other = Handles::suffix_options(base.as_bytes().to_vec()).unwrap();
			assert_eq!(other.canonical, options.canonical);
			assert_eq!(other.candidates, options.candidates);
		}
	})
}

#[test]
fn homoglyph_variants_resolve_to_one_msa() {
	test(|| {
		let (msa_id, suffix) = create(&alice(), "Alice");
		for base in ["Alice", "alice", "ALICE", "AIice", "a1ice", "alicë", "\u{430}lice"] {
			let found = Handles::msa_for_handle(format!("{base}.{suffix}").into_bytes())
				.unwrap()
				.unwrap_or_else(|| panic!("{base} resolves"));
			assert_eq!(found.msa_id, msa_id);
			assert_eq!(found.owner, alice().account());
			assert_eq!(found.handle, format!("Alice.{suffix}").into_bytes());
		}
	})
}

#[test]
fn the_rn_and_m_lookalikes_are_one_handle() {
	test(|| {
		let (_, suffix) = create(&alice(), "mary");
		let payload = create_payload("rnary", suffix);
		assert_noop!(try_create(&bob(), payload), Error::<Test>::HandleTaken);
	})
}

#[test]
fn handles_that_do_not_look_alike_stay_distinct() {
	test(|| {
		// A range of one suffix: every base claims 7, so two bases that merged could not both.
		assert_ok!(Handles::set_handle_settings(RuntimeOrigin::root(), 7, 7, 0));
		let claims = [
			(alice(), "pay"),
			(bob(), "par"),
			(charlie(), "bob"),
			(dave_ed(), "dob"),
			(eve_ecdsa(), "pax"),
		];
		let mut msas = Vec::new();
		for (key, base) in &claims {
			let available = Handles::suffix_options(base.as_bytes().to_vec()).unwrap().available;
			assert_eq!(available, [7], "{base}.7 is free");
			let (msa_id, _) = create(key, base);
			msas.push(msa_id);
		}
		for ((_, base), msa_id) in claims.iter().zip(&msas) {
			let found = Handles::msa_for_handle(format!("{base}.7").into_bytes()).unwrap();
			assert_eq!(found.map(|f| f.msa_id), Some(*msa_id), "{base}.7");
		}
	})
}
