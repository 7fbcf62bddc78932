//! Exhaustive checks of the generated table against the definition in `fold_rules.rs`, over all
//! 1,114,112 code points.

#![allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use alloc::{string::String, vec, vec::Vec};

use unicode_security::GeneralSecurityProfile;

use crate::{
	canonical::{canonical, push_fold, reorder_marks},
	fold_rules::{fold, raw_fold, FORBIDDEN_IMAGES, FORBIDDEN_REPLACEMENT},
	validate::{is_allowed, is_invisible},
	FORBIDDEN_CHARS, MAX_BASE_BYTES, MAX_CANONICAL_BYTES,
};

fn all_chars() -> impl Iterator<Item = char> {
	(0u32..=0x10FFFF).filter_map(char::from_u32)
}

fn one(c: char) -> String {
	let mut s = String::new();
	s.push(c);
	s
}

#[test]
fn table_equals_definition_for_every_code_point() {
	for c in all_chars() {
		let (expected, expected_forbidden) = fold(c);
		let mut got = String::new();
		let flags = push_fold(c, &mut got);
		assert_eq!(got, expected, "fold of U+{:04X}", u32::from(c));
		assert_eq!(flags.forbidden, expected_forbidden, "forbidden flag of U+{:04X}", u32::from(c));
		let needs_reorder =
			got.chars().any(|d| unicode_normalization::char::canonical_combining_class(d) != 0);
		assert_eq!(flags.reorder, needs_reorder, "reorder flag of U+{:04X}", u32::from(c));
	}
}

#[test]
fn every_character_of_a_fold_is_its_own_fold() {
	// This is what makes `canonical` idempotent: folding a canonical form again changes nothing.
	for c in all_chars() {
		let mut folded = String::new();
		push_fold(c, &mut folded);
		for d in folded.chars() {
			let mut again = String::new();
			let flags = push_fold(d, &mut again);
			assert_eq!(
				again,
				one(d),
				"U+{:04X} in the fold of U+{:04X}",
				u32::from(d),
				u32::from(c)
			);
			assert!(!flags.forbidden);
		}
		assert_eq!(canonical(&reorder_marks(folded.clone())), reorder_marks(folded));
	}
}

#[test]
fn no_fold_contains_a_forbidden_character() {
	for c in all_chars() {
		let mut folded = String::new();
		push_fold(c, &mut folded);
		assert!(!folded
			.chars()
			.any(|d| FORBIDDEN_CHARS.contains(&d) || FORBIDDEN_IMAGES.contains(&d)));
	}
}

#[test]
fn forbidden_images_are_the_raw_folds_of_the_forbidden_characters() {
	for (f, image) in FORBIDDEN_CHARS.iter().zip(FORBIDDEN_IMAGES.iter()) {
		assert_eq!(raw_fold(*f), one(*image));
		assert_eq!(canonical(&one(*f)), one(FORBIDDEN_REPLACEMENT));
	}
	assert_eq!(raw_fold(FORBIDDEN_REPLACEMENT), one(FORBIDDEN_REPLACEMENT));
}

#[test]
fn zero_width_joiners_are_the_only_allowed_invisible_characters() {
	for c in all_chars() {
		let mut buf = [0u8; 4];
		let ignorable = unicode_security::skeleton(c.encode_utf8(&mut buf)).next().is_none();
		if ignorable && c.identifier_allowed() {
			assert!(is_invisible(c), "U+{:04X} is ignorable and allowed", u32::from(c));
		}
		if is_invisible(c) {
			assert!(ignorable);
		}
	}
}

#[test]
fn ascii_allowed_set_matches_uts39() {
	for b in 0u8..0x80 {
		let c = char::from(b);
		assert_eq!(is_allowed(c), c.identifier_allowed(), "{c:?}");
	}
}

#[test]
fn canonical_bound_covers_every_valid_handle() {
	// Longest canonical form reachable with at most MAX_BASE_BYTES bytes of allowed characters:
	// a knapsack over the best expansion for each UTF-8 width.
	let mut best = [0usize; 5];
	for c in all_chars().filter(|c| is_allowed(*c)) {
		let mut folded = String::new();
		push_fold(c, &mut folded);
		let w = c.len_utf8();
		if let Some(slot) = best.get_mut(w) {
			*slot = (*slot).max(folded.len());
		}
	}
	let mut reach = vec![0usize; MAX_BASE_BYTES + 1];
	for bytes in 1..=MAX_BASE_BYTES {
		for (w, gain) in best.iter().enumerate().skip(1) {
			if w <= bytes {
				reach[bytes] = reach[bytes].max(reach[bytes - w] + gain);
			}
		}
	}
	let longest = reach[MAX_BASE_BYTES];
	assert!(longest <= MAX_CANONICAL_BYTES, "longest canonical {longest} > bound");
	// The bound is tight: not more than needed (rounded up to a multiple of 32).
	assert!(MAX_CANONICAL_BYTES < longest + 32, "bound {MAX_CANONICAL_BYTES} far above {longest}");
}

#[test]
fn ascii_letters_keep_apart_except_i_and_l() {
	let letters: Vec<char> = ('a'..='z').collect();
	for a in &letters {
		for b in &letters {
			if a == b || matches!((a, b), ('i', 'l') | ('l', 'i')) {
				continue;
			}
			assert_ne!(canonical(&one(*a)), canonical(&one(*b)), "{a} vs {b}");
		}
	}
}

#[test]
fn case_variants_of_every_code_point_are_equal() {
	for c in all_chars() {
		let s = one(c);
		let base = canonical(&s);
		assert_eq!(canonical(&s.to_uppercase()), base, "upper case of U+{:04X}", u32::from(c));
		assert_eq!(canonical(&s.to_lowercase()), base, "lower case of U+{:04X}", u32::from(c));
	}
}
