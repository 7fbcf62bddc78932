//! The canonical form: the look-alike groups of the test vectors (`vectors/mod.rs`; the rules are
//! in the crate README), and property tests over random Unicode (10,000 cases per property).

mod vectors;

use handles_rules::*;
use icu_casemap::CaseMapper;
use icu_locale_core::LanguageIdentifier;
use proptest::prelude::*;

/// Full upper case from the pinned case data (the canonical form's own), not the compiler's.
fn upper(s: &str) -> String {
	CaseMapper::new().uppercase_to_string(s, &LanguageIdentifier::UNKNOWN).into_owned()
}

/// Full lower case from the pinned case data.
fn lower(s: &str) -> String {
	CaseMapper::new().lowercase_to_string(s, &LanguageIdentifier::UNKNOWN).into_owned()
}

/// Checks a group of the vectors: the handles of one set share a canonical form, and no two sets
/// of the group share one.
fn check(group: vectors::Group) {
	let forms: Vec<String> = group.iter().map(|set| canonical(set[0])).collect();
	for (set, form) in group.iter().zip(&forms) {
		for h in *set {
			assert_eq!(&canonical(h), form, "{h} vs {}", set[0]);
		}
	}
	for (i, a) in forms.iter().enumerate() {
		for (j, b) in forms.iter().enumerate().skip(i + 1) {
			assert_ne!(a, b, "{} vs {}: both {a}", group[i][0], group[j][0]);
		}
	}
}

#[test]
fn alice_variants_are_one_class() {
	check(vectors::ALICE);
}

#[test]
fn spec_merges_hold() {
	check(vectors::SPEC_MERGES);
}

#[test]
fn distinct_letters_stay_apart() {
	check(vectors::DISTINCT_LETTERS);
}

#[test]
fn reserved_handles_and_their_look_alikes() {
	check(vectors::RESERVED);
}

#[test]
fn latin_greek_cyrillic_diacritics_fold() {
	check(vectors::FOLDING_DIACRITICS);
}

/// Kept marks typed in either order of two canonically equivalent spellings (a different
/// combining class each) give one form, the form of the NFD spelling: the fold puts them in
/// canonical order.
#[test]
fn kept_marks_in_either_order_give_one_form() {
	use unicode_normalization::UnicodeNormalization;
	for (typed, ordered) in [
		// Devanagari virama (class 9) typed before nukta (class 7).
		("क\u{94d}\u{93c}", "क\u{93c}\u{94d}"),
		// Thai tone mark mai ek (class 107) typed before sara u (class 103).
		("ก\u{e48}\u{e38}", "ก\u{e38}\u{e48}"),
	] {
		assert_eq!(typed.nfd().collect::<String>(), ordered, "the test's own premise");
		assert_ne!(typed, ordered);
		assert_eq!(canonical(typed), canonical(ordered), "{typed:?}");
		assert!(canonical(ordered).chars().count() >= 2, "the marks are kept: {ordered:?}");
		// `validate` folds on its own path: the same form there.
		let valid = validate_with_default_reserved(typed.as_bytes()).expect(typed);
		assert_eq!(valid.canonical, canonical(ordered), "{typed:?}");
	}
}

#[test]
fn marks_of_other_scripts_are_kept() {
	check(vectors::MARKS_KEPT);
}

#[test]
fn words_that_differ_by_a_mark_stay_apart() {
	check(vectors::APART_BY_A_MARK);
}

#[test]
fn optional_vocalisation_marks_fold() {
	check(vectors::VOCALISATION_FOLDS);
}

#[test]
fn sara_am_and_nikhahit_with_sara_aa_are_one() {
	check(vectors::SARA_AM);
}

#[test]
fn identical_capitals_are_one_handle() {
	check(vectors::IDENTICAL_CAPITALS);
}

#[test]
fn the_apostrophe_family_and_its_look_alikes_are_one_letter() {
	check(vectors::APOSTROPHES);
	assert_eq!(canonical("o’brien"), "o'brlen");
}

#[test]
fn look_alike_letters_of_one_script_are_one_letter() {
	check(vectors::ONE_SCRIPT_LOOKALIKES);
}

#[test]
fn arabic_zeros_are_one_digit() {
	check(vectors::ARABIC_DIGITS);
	assert!(canonical("علي٠").ends_with('\u{0660}'));
}

#[test]
fn scripts_of_cldr_exemplars_are_handles_and_look_alikes_of_latin_meet_it() {
	check(vectors::CLDR_SCRIPTS);
}

#[test]
fn signs_like_a_colon_are_themselves() {
	for (word, letter) in vectors::LIKE_PUNCTUATION {
		let c = canonical(word);
		assert!(c.contains(*letter), "{word} -> {c}");
		assert!(!c.contains('\u{FFFD}'), "{word} -> {c}");
	}
	// Not the apostrophe, and not each other.
	check(vectors::LIKE_PUNCTUATION_APART);
}

#[test]
fn forbidden_characters_never_survive() {
	for set in vectors::FORBIDDEN {
		for s in *set {
			let c = canonical(s);
			assert!(!c.chars().any(|ch| FORBIDDEN_CHARS.contains(&ch)), "{s} -> {c}");
			assert!(c.contains('\u{FFFD}'), "{s} -> {c}");
		}
	}
	check(vectors::FORBIDDEN);
}

#[test]
fn handles_of_many_scripts_are_each_their_own() {
	check(vectors::SCRIPTS);
}

#[test]
fn never_truncated() {
	let long = "m".repeat(1000);
	assert_eq!(canonical(&long), "rn".repeat(1000));
}

#[test]
fn versions_are_pinned() {
	assert_eq!(CANONICAL_VERSION, 3);
	// Changing the Unicode data changes canonical forms: bump CANONICAL_VERSION and migrate.
	assert_eq!(UNICODE_VERSIONS.0, (18, 0, 0));
	assert_eq!(UNICODE_VERSIONS.1, (18, 0, 0));
	assert_eq!(unicode_script::UNICODE_VERSION, (18, 0, 0));
	assert_eq!(unicode_properties::UNICODE_VERSION, (18, 0, 0));
	// icu_casemap =2.4.0 carries Unicode 18.0.0 case data: U+A7DD is a capital new in 18.0.
	assert_eq!(lower("\u{A7DD}"), "\u{0277}");
}

/// Arbitrary strings that favour characters with interesting folds.
fn interesting_string() -> impl Strategy<Value = String> {
	let interesting = prop::sample::select(vec![
		'a', 'A', 'i', 'I', 'l', 'L', '1', '0', 'o', 'O', 'm', 'M', 'r', 'n', 'y', 'Y', '@', '.',
		'`', '\'', ':', '#', '\u{0430}', '\u{0410}', 'в', 'В', 'Γ', 'γ', 'ν', 'Ν', 'ß', 'ẞ', 'ſ',
		'ı', 'İ', 'Σ', 'ς', 'σ', '\u{0301}', '\u{0308}', '\u{0345}', '\u{093F}', '\u{094D}',
		'\u{093C}', '\u{3099}', '\u{064E}', '\u{200D}', '\u{FE0F}', '＠', '．', '﹫', 'ǅ', 'ᾳ',
		'가', '꽦', 'ᄀ', 'ﬁ', 'K', 'Å', 'Ω', 'µ', '\u{309A}', '\u{0902}', '\u{0BCD}', '\u{0E33}',
		'\u{0E4D}', '\u{0E32}', '\u{0EB3}', '\u{0653}', 'آ', 'י', 'ґ', 'Ґ', '\u{0903}', 'Ð', 'ð',
		'Đ', '·', '・', '\u{05B4}', '\u{0651}', 'ʼ', 'భ', '٠',
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
		prop_assert_eq!(canonical(&upper(&s)), c.clone());
		prop_assert_eq!(canonical(&lower(&s)), c);
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
		let b = validate(upper(&s).as_bytes(), |_| false).map(|v| v.canonical);
		prop_assert_eq!(a, b);
	}
}

#[test]
fn naive_closure_would_over_merge_but_canonical_does_not() {
	// y ~ Y ~ Γ (Greek capital gamma, skeleton of γ is y) and Γ ~ Г (Cyrillic) ~ г ~ r: a union
	// of all case and confusable pairs would put y and r together. The canonical form keeps them
	// apart while still merging each look-alike with its own partner.
	check(vectors::NAIVE_CLOSURE);
}

/// Strings over a few scripts, to exercise the mixed-script rule.
fn script_mix() -> impl Strategy<Value = String> {
	let pick = prop::sample::select(vec![
		'a', 'Z', '1', '-', '_', 'а', 'Ж', 'α', 'Ω', '東', '京', 'か', 'カ', '한', 'न', '\u{093F}',
		'\u{0301}', 'م', '\u{064E}', 'ー', '·', 'ǅ', 'ℓ', '٣',
	]);
	prop::collection::vec(pick, 2..8).prop_map(|v| v.into_iter().collect())
}

/// Handles that are mostly valid: 2 to 10 characters of one script (at most 30 bytes), with
/// capitals, digits and look-alikes that fold; one case in four is random text instead.
fn mostly_valid_handle() -> impl Strategy<Value = String> {
	let scripts: Vec<Vec<char>> = vec![
		"abcdefghijklmnopqrstuvwxyzABCIKLOZ0123456789-_éëñßøæ".chars().collect(),
		"абвгджзиклмнопрстуфхцчшщыэюяЖЯ".chars().collect(),
		"αβγδεζηθικλμνξοπρστυφχψωΩΣ".chars().collect(),
		"東京大阪山川かなカナー".chars().collect(),
		"가나다라한국꽦".chars().collect(),
	];
	let one_script = prop::sample::select(scripts).prop_flat_map(|alphabet| {
		prop::collection::vec(prop::sample::select(alphabet), 2..=10)
			.prop_map(|v| v.into_iter().collect::<String>())
	});
	prop_oneof![3 => one_script, 1 => "\\PC{1,32}"]
}

#[test]
fn valid_handles_fit_the_canonical_bound() {
	// Run by hand to count the valid cases: a property that holds because no case was valid
	// proves nothing.
	const CASES: u32 = 10_000;
	let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(CASES));
	let valid = core::cell::Cell::new(0u32);
	let result = runner.run(&mostly_valid_handle(), |s| {
		if let Ok(v) = validate(s.as_bytes(), |_| false) {
			valid.set(valid.get() + 1);
			prop_assert!(v.canonical.len() <= MAX_CANONICAL_BYTES);
			prop_assert!(v.canonical.chars().count() >= MIN_BASE_CHARS);
			prop_assert_eq!(canonical(&v.canonical), v.canonical.clone());
			prop_assert_eq!(v.canonical, canonical(&s));
		}
		Ok(())
	});
	if let Err(e) = result {
		panic!("{e}");
	}
	assert!(valid.get() >= CASES / 2, "only {} of {CASES} cases were valid handles", valid.get());
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
			prop_assert!(matches!(e, HandleError::MixedScript | HandleError::DisallowedCharacter(_) | HandleError::ForbiddenCharacter(_) | HandleError::LeadingCombiningMark(_)), "{:?}", e);
		} else {
			prop_assert!(false, "{} accepted though UTS #39 says mixed", s);
		}
	}
}
