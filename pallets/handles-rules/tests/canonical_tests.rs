//! The canonical form: the specification's look-alike sets, and property tests over random
//! Unicode (10,000 cases per property).

use handles_rules::*;
use proptest::prelude::*;

fn same(a: &str, b: &str) -> bool {
	canonical(a) == canonical(b)
}

#[test]
fn alice_variants_are_one_class() {
	let class = [
		"alice",
		"Alice",
		"ALICE",
		"AIice",
		"a1ice",
		"\u{0430}lice",
		"alicë",
		"ALİCE",
		"aIice",
		"a|ice",
		"ÀLICE",
	];
	for v in class {
		assert_eq!(canonical(v), canonical("alice"), "{v}");
	}
}

#[test]
fn spec_merges_hold() {
	assert!(same("m", "rn"));
	assert!(same("modern", "rnodern"));
	assert!(same("0", "o"));
	assert!(same("1", "l"));
	assert!(same("l", "I"));
	assert!(same("paypal", "pаypаl")); // Cyrillic а
	assert!(same("ΑΒΓ", "αβγ"));
	assert!(same("straße", "STRASSE"));
	assert!(same("ΚΟΤ", "KOT")); // capital anchor: Greek capitals meet Latin
	assert!(same("ВОВ", "BOB")); // and Cyrillic ones
	assert!(same("вов", "bob"));
	assert!(same("Ωμέγα", "ωμεγα"));
}

#[test]
fn distinct_letters_stay_apart() {
	for (a, b) in [
		("pay", "par"),
		("bob", "dob"),
		("cat", "cot"),
		("yuri", "ruri"),
		("nick", "rick"),
		("tom", "torn1"),
		("v", "y"),
		("y", "r"),
	] {
		assert!(!same(a, b), "{a} vs {b}");
	}
}

#[test]
fn latin_greek_cyrillic_diacritics_fold() {
	assert!(same("alicë", "alice"));
	assert!(same("crème", "creme"));
	assert!(same("Łódź", "lodz"));
	assert!(same("ἀλφα", "αλφα"));
	assert!(same("йод", "иод"));
	assert!(same("ёж", "еж"));
}

#[test]
fn marks_of_other_scripts_are_kept() {
	// Devanagari vowel signs spell different words.
	assert!(!same("कि", "क"));
	assert!(!same("कि", "की"));
	assert!(!same("कम", "कमल"));
	// Kana voicing marks and Arabic harakat are kept too.
	assert!(!same("か", "が"));
	assert!(!same("مَ", "مِ"));
}

#[test]
fn forbidden_characters_never_survive() {
	for s in ["a@b", "a．b", "a＠b", "a`b", "a'b", ":#", "a.b.c"] {
		let c = canonical(s);
		assert!(!c.chars().any(|ch| FORBIDDEN_CHARS.contains(&ch)), "{s} -> {c}");
	}
}

#[test]
fn never_truncated() {
	let long = "m".repeat(1000);
	assert_eq!(canonical(&long), "rn".repeat(1000));
}

#[test]
fn versions_are_pinned() {
	assert_eq!(CANONICAL_VERSION, 1);
	// Changing the Unicode data changes canonical forms: bump CANONICAL_VERSION and migrate.
	assert_eq!(UNICODE_VERSIONS.0, (18, 0, 0));
	assert_eq!(UNICODE_VERSIONS.1, (18, 0, 0));
}

/// Arbitrary strings that favour characters with interesting folds.
fn interesting_string() -> impl Strategy<Value = String> {
	let interesting = prop::sample::select(vec![
		'a', 'A', 'i', 'I', 'l', 'L', '1', '0', 'o', 'O', 'm', 'M', 'r', 'n', 'y', 'Y', '@', '.',
		'`', '\'', ':', '#', '\u{0430}', '\u{0410}', 'в', 'В', 'Γ', 'γ', 'ν', 'Ν', 'ß', 'ẞ', 'ſ',
		'ı', 'İ', 'Σ', 'ς', 'σ', '\u{0301}', '\u{0308}', '\u{0345}', '\u{093F}', '\u{094D}',
		'\u{093C}', '\u{3099}', '\u{064E}', '\u{200D}', '\u{FE0F}', '＠', '．', '﹫', 'ǅ', 'ᾳ',
		'가', '꽦', 'ᄀ', 'ﬁ', 'K', 'Å', 'Ω', 'µ',
	]);
	prop::collection::vec(prop_oneof![3 => interesting, 1 => any::<char>()], 0..24)
		.prop_map(|v| v.into_iter().collect())
}

fn any_unicode() -> impl Strategy<Value = String> {
	prop_oneof![any::<String>(), interesting_string()]
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(10_000))]

	#[test]
	fn canonical_is_idempotent(s in any_unicode()) {
		let c = canonical(&s);
		prop_assert_eq!(canonical(&c), c);
	}

	#[test]
	fn canonical_is_case_insensitive(s in any_unicode()) {
		let c = canonical(&s);
		prop_assert_eq!(canonical(&s.to_uppercase()), c.clone());
		prop_assert_eq!(canonical(&s.to_lowercase()), c);
	}

	#[test]
	fn canonical_never_contains_forbidden(s in any_unicode()) {
		let c = canonical(&s);
		prop_assert!(!c.chars().any(|ch| FORBIDDEN_CHARS.contains(&ch)));
	}

	#[test]
	fn canonical_is_a_homomorphism_on_letters_and_never_truncates(a in any_unicode(), b in "[a-z0-9_-]{0,8}") {
		// Folding works character by character (up to mark order), so nothing is ever cut off.
		let joined = format!("{a}{b}");
		let c = canonical(&joined);
		prop_assert!(c.ends_with(&canonical(&b)));
	}

	#[test]
	fn valid_handles_fit_the_canonical_bound(s in "\\PC{1,32}") {
		if let Ok(v) = validate(s.as_bytes(), |_| false) {
			prop_assert!(v.canonical.len() <= MAX_CANONICAL_BYTES);
			prop_assert!(v.canonical.chars().count() >= MIN_BASE_CHARS);
			prop_assert_eq!(canonical(&v.canonical), v.canonical.clone());
			prop_assert_eq!(v.canonical, canonical(&s));
		}
	}

	#[test]
	fn validate_never_panics_on_bytes(b in prop::collection::vec(any::<u8>(), 0..48)) {
		let _ = validate_with_default_reserved(&b);
	}

	#[test]
	fn validate_never_panics_on_unicode(s in any_unicode()) {
		let r = validate_with_default_reserved(s.as_bytes());
		if let Ok(v) = r {
			prop_assert!(s.len() <= MAX_BASE_BYTES);
			prop_assert!(!s.chars().any(|ch| FORBIDDEN_CHARS.contains(&ch)));
			prop_assert_eq!(v.base, s);
		}
	}

	#[test]
	fn case_variants_validate_alike(s in "[a-zA-Z0-9_-]{2,32}") {
		let a = validate(s.as_bytes(), |_| false).map(|v| v.canonical);
		let b = validate(s.to_uppercase().as_bytes(), |_| false).map(|v| v.canonical);
		prop_assert_eq!(a, b);
	}
}

#[test]
fn naive_closure_would_over_merge_but_canonical_does_not() {
	// y ~ Y ~ Γ (Greek capital gamma, skeleton of γ is y) and Γ ~ Г (Cyrillic) ~ г ~ r: a union
	// of all case and confusable pairs would put y and r together. The canonical form keeps them
	// apart while still merging each look-alike with its own partner.
	assert!(same("γ", "y"));
	assert!(same("г", "r"));
	assert!(!same("y", "r"));
	assert!(!same("γ", "г"));
}

/// Strings over a few scripts, to exercise the mixed-script rule.
fn script_mix() -> impl Strategy<Value = String> {
	let pick = prop::sample::select(vec![
		'a', 'Z', '1', '-', '_', 'а', 'Ж', 'α', 'Ω', '東', '京', 'か', 'カ', '한', 'न', '\u{093F}',
		'\u{0301}', 'م', '\u{064E}', 'ー', '·', 'ǅ', 'ℓ', '٣',
	]);
	prop::collection::vec(pick, 2..8).prop_map(|v| v.into_iter().collect())
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(10_000))]

	#[test]
	fn mixed_script_rule_equals_uts39(s in script_mix()) {
		use unicode_security::{RestrictionLevel, RestrictionLevelDetection};
		let uts39 = s.as_str().detect_restriction_level() <= RestrictionLevel::HighlyRestrictive;
		let ours = validate(s.as_bytes(), |_| false);
		if uts39 {
			prop_assert_ne!(ours, Err(HandleError::MixedScript));
		} else if let Err(e) = ours {
			prop_assert!(matches!(e, HandleError::MixedScript | HandleError::DisallowedCharacter(_) | HandleError::ForbiddenCharacter(_)), "{:?}", e);
		} else {
			prop_assert!(false, "{} accepted though UTS #39 says mixed", s);
		}
	}
}
