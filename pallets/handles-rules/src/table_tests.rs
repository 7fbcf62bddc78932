//! Exhaustive checks of the generated table against its definitions, over all 1,114,112 code
//! points: the fold against `fold_rules.rs`, the rule-3 bit and the script-set masks against
//! `unicode-security` / `unicode-script`.

#![allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

extern crate std;

use alloc::{string::String, vec, vec::Vec};

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use unicode_script::Script;
use unicode_security::{mixed_script::AugmentedScriptSet, GeneralSecurityProfile};

use crate::{
	canonical::{
		canonical, push_fold, reorder_marks, CharInfo, CJK_MASK, LATIN_MASK, SCRIPT_UNIVERSE,
		TABLE_BYTES,
	},
	fold_rules::{
		self, cldr_letters, fold, is_folded_mark, raw_fold, BACKTICKS, EXTRA_ALLOWED,
		FORBIDDEN_IMAGES, FORBIDDEN_REPLACEMENT,
	},
	is_highly_restrictive,
	table_layout::ScriptMask,
	FORBIDDEN_CHARS, MAX_BASE_BYTES, MAX_CANONICAL_BYTES,
};

/// The invisible characters UTS #39 allows: the zero-width non-joiner and joiner (the only
/// allowed Default_Ignorable_Code_Point characters, see below).
fn is_invisible(c: char) -> bool {
	matches!(c, '\u{200C}' | '\u{200D}')
}

/// Reference for rule 3 (the table's allowed bit): UTS #39 identifier profile, visible, plus the
/// Thai and Lao sara am, the apostrophe family, the Hebrew points and CLDR's exemplar letters and
/// marks.
fn is_allowed(c: char) -> bool {
	(c.identifier_allowed() && !is_invisible(c))
		|| matches!(
			c,
			'\u{0E33}' | '\u{0EB3}' | '\'' | '\u{2019}' | '\u{02BC}' | '\u{02BB}' | '\u{A78C}'
		) || matches!(c, '\u{05B0}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}' | '\u{05C2}' | '\u{05C7}')
		|| cldr_letters().contains(&c)
}

fn universe() -> Vec<Script> {
	SCRIPT_UNIVERSE.iter().map(|n| Script::from_short_name(n).unwrap()).collect()
}

/// Reference for the table's script mask: the augmented script set `unicode-security` gives.
fn reference_mask(c: char, universe: &[Script]) -> ScriptMask {
	let set = AugmentedScriptSet::for_char(c);
	let all = set.base.is_common() || set.base.is_inherited();
	if !all {
		for s in set.base.iter() {
			assert!(
				universe.contains(&s),
				"{s:?} of U+{:04X} is outside the universe",
				u32::from(c)
			);
		}
	}
	let mut mask: ScriptMask = 0;
	for (bit, s) in universe.iter().enumerate() {
		if all || set.base.contains_script(*s) {
			mask |= 1 << bit;
		}
	}
	for (flag, bit) in [(set.hanb, 125), (set.jpan, 126), (set.kore, 127)] {
		if flag {
			mask |= 1 << bit;
		}
	}
	mask
}

/// Rule 4 evaluated from the table, as `validate` does.
fn table_highly_restrictive(text: &str) -> bool {
	let mut set = ScriptMask::MAX;
	let mut non_latin = ScriptMask::MAX;
	for c in text.chars() {
		let m = CharInfo::of(c).script_mask();
		set &= m;
		if m & LATIN_MASK == 0 {
			non_latin &= m;
		}
	}
	text.is_ascii() || set != 0 || non_latin & CJK_MASK != 0
}

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
			// Folds are in NFD, so `reorder_marks` only has to order marks.
			assert!(
				d.nfd().eq(core::iter::once(d)),
				"U+{:04X} in the fold of U+{:04X} is not NFD",
				u32::from(d),
				u32::from(c)
			);
			let mut again = String::new();
			let flags = push_fold(d, &mut again);
			assert_eq!(
				again,
				one(d),
				"U+{:04X} in the fold of U+{:04X}",
				u32::from(d),
				u32::from(c)
			);
			assert!(!flags.forbidden || crate::ARABIC_ZEROS.contains(&d));
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
	for (f, image) in ['@', '#', ':', '.', '\u{00B7}'].iter().zip(FORBIDDEN_IMAGES.iter()) {
		assert_eq!(raw_fold(*f), one(*image));
		assert_eq!(canonical(&one(*f)), one(FORBIDDEN_REPLACEMENT));
	}
	// The backtick's image is the apostrophe, a letter: the backticks are forbidden themselves,
	// while the apostrophe family is one letter.
	assert_eq!(BACKTICKS[0], FORBIDDEN_CHARS[4]);
	for b in BACKTICKS {
		assert_eq!(raw_fold(b), one('\''), "U+{:04X}", u32::from(b));
		assert_eq!(canonical(&one(b)), one(FORBIDDEN_REPLACEMENT), "U+{:04X}", u32::from(b));
	}
	for a in ['\'', '\u{2019}', '\u{02BC}', '\u{02BB}', '\u{A78C}', '\u{05D9}', '\u{05F3}'] {
		assert_eq!(canonical(&one(a)), "'", "U+{:04X}", u32::from(a));
	}
	// The middle dots that pass for the separator all have the image of U+00B7.
	for dot in ['\u{0387}', '\u{2027}', '\u{2E31}', '\u{30FB}', '\u{FF65}', '\u{1427}', '\u{2022}']
	{
		assert_eq!(raw_fold(dot), one('\u{00B7}'), "U+{:04X}", u32::from(dot));
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
		let documented = c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '\'' | '.' | ':');
		assert_eq!(documented, c.identifier_allowed(), "{c:?}");
		assert_eq!(CharInfo::of(c).allowed(), documented, "{c:?}");
	}
}

#[test]
fn allowed_bit_equals_uts39_for_every_code_point() {
	let mut allowed = 0usize;
	for c in all_chars() {
		assert_eq!(
			CharInfo::of(c).allowed(),
			is_allowed(c),
			"allowed bit of U+{:04X}",
			u32::from(c)
		);
		allowed += usize::from(is_allowed(c));
	}
	assert!(allowed > 30_000, "{allowed}");
}

#[test]
fn script_masks_equal_uts39_for_every_allowed_code_point() {
	let universe = universe();
	assert!(universe.len() <= crate::table_layout::MAX_SCRIPTS);
	let latin = universe.iter().position(|s| *s == Script::Latin).unwrap();
	assert_eq!(LATIN_MASK, 1 << latin);
	let arabic = universe.iter().position(|s| *s == Script::Arabic).unwrap();
	assert_eq!(crate::canonical::ARABIC_MASK, 1 << arabic);
	for c in all_chars().filter(|c| is_allowed(*c)) {
		let mask = CharInfo::of(c).script_mask();
		assert_eq!(mask, reference_mask(c, &universe), "script mask of U+{:04X}", u32::from(c));
		let set = AugmentedScriptSet::for_char(c);
		assert_eq!(mask & LATIN_MASK != 0, set.base.contains_script(Script::Latin));
	}
}

/// One allowed character per distinct script mask (an ASCII one and a non-ASCII one where both
/// exist), so that short strings over them cover every combination of script sets.
fn script_set_representatives() -> Vec<char> {
	let mut seen: Vec<(ScriptMask, bool)> = Vec::new();
	let mut reps = Vec::new();
	for c in all_chars().filter(|c| is_allowed(*c)) {
		let key = (CharInfo::of(c).script_mask(), c.is_ascii());
		if !seen.contains(&key) {
			seen.push(key);
			reps.push(c);
		}
	}
	reps
}

#[test]
fn mixed_script_check_equals_uts39_on_all_pairs_and_triples_of_script_sets() {
	// The result depends only on the set of augmented script sets of the characters (and on
	// whether all are ASCII); masks equal the sets (test above), so covering every pair and
	// triple of distinct masks exercises every branch of the restriction-level detection.
	let reps = script_set_representatives();
	let mut s = String::new();
	let mut mixed = 0usize;
	for a in &reps {
		for b in &reps {
			s.clear();
			s.push(*a);
			s.push(*b);
			assert_eq!(table_highly_restrictive(&s), is_highly_restrictive(&s), "{s:?}");
			for c in &reps {
				s.truncate(a.len_utf8() + b.len_utf8());
				s.push(*c);
				let uts39 = is_highly_restrictive(&s);
				assert_eq!(table_highly_restrictive(&s), uts39, "{s:?}");
				mixed += usize::from(!uts39);
			}
		}
	}
	assert!(mixed > 0);
	std::eprintln!("{} representatives, {} of their triples mixed", reps.len(), mixed);
}

#[test]
fn table_size_is_bounded() {
	// The generated tables (trie, values, pool, script sets) stay small for the Wasm runtime: below
	// the 135 KB of the previous fold-only table (sorted pairs and pool), which additionally needed
	// the identifier-profile and script tables of `unicode-security` and `unicode-script`.
	const { assert!(TABLE_BYTES < 112 * 1024) };
	std::eprintln!("generated tables: {TABLE_BYTES} bytes");
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
		// Case mappings of the pinned data (`icu_casemap`), not of the compiler.
		let upper = fold_rules::uppercase(c);
		let lower = fold_rules::lowercase(c);
		assert_eq!(canonical(&upper), base, "upper case of U+{:04X}", u32::from(c));
		assert_eq!(canonical(&lower), base, "lower case of U+{:04X}", u32::from(c));
	}
}

#[test]
fn forbidden_characters_carry_the_forbidden_flag() {
	// `validate` relies on the flag alone in its per-character loop.
	for f in FORBIDDEN_CHARS {
		let mut out = String::new();
		assert!(push_fold(f, &mut out).forbidden, "{f:?}");
	}
}

/// Characters whose folds hold marks of many combining classes, and starters.
fn mark_heavy_char() -> impl Strategy<Value = char> {
	prop_oneof![
		3 => prop::sample::select(vec![
			'a', 'k', '\u{0301}', '\u{0316}', '\u{0345}', '\u{093C}', '\u{094D}', '\u{0951}',
			'\u{0952}', '\u{05B0}', '\u{05BC}', '\u{0E38}', '\u{0E48}', '\u{0F71}', '\u{0F72}',
			'\u{0F80}', '\u{1DCE}', '\u{302A}', '\u{302B}', '\u{3099}', '\u{0670}', '\u{064E}',
			'\u{0651}', 'ǖ', 'ṩ', 'ᾷ', '\u{0F73}', '가', 'ﬓ',
		]),
		1 => any::<char>(),
	]
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(10_000))]

	#[test]
	fn reorder_marks_equals_nfd_on_concatenated_folds(v in prop::collection::vec(mark_heavy_char(), 0..40)) {
		let mut folded = String::new();
		for c in &v {
			push_fold(*c, &mut folded);
		}
		let nfd: String = folded.chars().nfd().collect();
		prop_assert_eq!(reorder_marks(folded), nfd);
	}
}

#[test]
fn mark_bit_equals_general_category_m_for_every_code_point() {
	for c in all_chars() {
		assert_eq!(
			CharInfo::of(c).is_mark(),
			unicode_normalization::char::is_combining_mark(c),
			"mark bit of U+{:04X}",
			u32::from(c)
		);
	}
}

#[test]
fn rule_3_additions_are_the_sara_am_and_the_apostrophes() {
	assert_eq!(
		EXTRA_ALLOWED,
		['\u{0E33}', '\u{0EB3}', '\'', '\u{2019}', '\u{02BC}', '\u{02BB}', '\u{A78C}']
	);
	for c in EXTRA_ALLOWED {
		assert!(CharInfo::of(c).allowed());
		assert!(!CharInfo::of(c).is_mark());
	}
	// The profile leaves out the sara am and `ꞌ`; the others it allows already.
	let outside: Vec<char> =
		EXTRA_ALLOWED.into_iter().filter(|c| !c.identifier_allowed()).collect();
	assert_eq!(outside, ['\u{0E33}', '\u{0EB3}', '\u{A78C}']);
}

/// A letter of each script that has one (allowed, Script_Extensions that script alone), for the
/// words the mark walk adds marks to.
fn letter_of(script: Script) -> Option<char> {
	use unicode_script::UnicodeScript;
	all_chars().find(|c| {
		is_allowed(*c)
			&& !unicode_normalization::char::is_combining_mark(*c)
			&& c.script_extension() == script.into()
	})
}

#[test]
fn every_combining_mark_either_stays_or_folds_as_its_script_says() {
	// Decided by the mark as typed: a mark that stays changes the canonical form of any word it
	// is added to, one that folds never does. U+0345 (iota subscript) is a letter in disguise: its
	// capital is Ι, so it folds like ι (case folding comes first).
	use unicode_script::UnicodeScript;
	let mut letters: Vec<(Script, Option<char>)> = Vec::new();
	let (mut stay, mut folded) = (0usize, 0usize);
	for m in all_chars().filter(|c| unicode_normalization::char::is_combining_mark(*c)) {
		let script = m.script();
		let letter = match letters.iter().find(|(s, _)| *s == script) {
			Some((_, l)) => *l,
			None => {
				let l = letter_of(script);
				letters.push((script, l));
				l
			}
		};
		let mut words = vec![String::from("ab")];
		if let Some(l) = letter {
			words.push([l, l].iter().collect());
		}
		for word in words {
			let marked = format!("{word}{m}");
			let changes = canonical(&marked) != canonical(&word);
			if m == '\u{0345}' {
				assert_eq!(canonical(&marked), canonical(&format!("{word}ι")));
				continue;
			}
			assert_eq!(
				changes,
				!is_folded_mark(m),
				"U+{:04X} after {word:?}: {:?} vs {:?}",
				u32::from(m),
				canonical(&marked),
				canonical(&word)
			);
		}
		if is_folded_mark(m) {
			folded += 1;
		} else {
			stay += 1;
		}
	}
	assert!(stay > 1000 && folded > 500, "{stay} stay, {folded} fold");
	std::eprintln!("combining marks: {stay} stay, {folded} fold");
}

#[test]
fn kept_marks_never_fold_to_a_generic_mark_or_nothing() {
	for m in all_chars().filter(|c| unicode_normalization::char::is_combining_mark(*c)) {
		if is_folded_mark(m) {
			continue;
		}
		let (f, forbidden) = fold(m);
		assert!(!f.is_empty() && !forbidden, "U+{:04X}", u32::from(m));
		assert!(!f.chars().any(is_folded_mark), "U+{:04X} -> {f:?}", u32::from(m));
	}
}

#[test]
fn generated_digits_and_reserved_forms_match_their_definitions() {
	use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
	let mut zeros = Vec::new();
	for c in all_chars() {
		let nd = c.general_category() == GeneralCategory::DecimalNumber;
		assert_eq!(crate::display::decimal_digit(c).is_some(), nd, "U+{:04X}", u32::from(c));
		if let Some((zero, value)) = crate::display::decimal_digit(c) {
			assert_eq!(zero + value, u32::from(c));
			if value == 0 {
				zeros.push(u32::from(c));
			}
		}
	}
	assert_eq!(zeros, crate::tables::DIGIT_ZEROS.to_vec());
	for (r, c) in crate::DEFAULT_RESERVED.iter().zip(crate::tables::DEFAULT_RESERVED_CANONICAL) {
		assert_eq!(canonical(r), c);
	}
	assert_eq!(crate::DEFAULT_RESERVED.len(), crate::tables::DEFAULT_RESERVED_CANONICAL.len());
}

#[test]
fn table_fits_its_layout() {
	assert!(universe().len() <= crate::table_layout::MAX_SCRIPTS);
	assert!(crate::tables::POOL.len() <= crate::table_layout::MAX_POOL_BYTES);
}

/// Look-alike pairs that stay apart, with why: the capital looks like a digit and its small
/// letter like an ASCII letter, so one form for the pair would join that digit and that letter.
const SPLIT_LOOK_ALIKES: [(char, char); 2] = [('3', 'Յ'), ('6', 'Ϭ')];

#[test]
fn characters_drawn_alike_that_can_share_a_handle_have_one_form() {
	// Every skeleton class of registrable characters (allowed, not forbidden): two members whose
	// augmented script sets intersect can stand in one handle, so their folds must be equal.
	let mut classes: std::collections::BTreeMap<String, Vec<char>> = Default::default();
	for c in all_chars().filter(|c| is_allowed(*c)) {
		let mut folded = String::new();
		if push_fold(c, &mut folded).forbidden {
			continue;
		}
		let mut buf = [0u8; 4];
		classes
			.entry(unicode_security::skeleton(c.encode_utf8(&mut buf)).collect())
			.or_default()
			.push(c);
	}
	let (mut pairs, mut split) = (0usize, Vec::new());
	for members in classes.values() {
		for (i, a) in members.iter().enumerate() {
			for b in &members[i + 1..] {
				let mut shared = AugmentedScriptSet::for_char(*a);
				shared.intersect_with(AugmentedScriptSet::for_char(*b));
				if shared.is_empty() {
					continue;
				}
				pairs += 1;
				if canonical(&one(*a)) != canonical(&one(*b)) {
					split.push((*a, *b));
				}
			}
		}
	}
	let shown: Vec<String> = split
		.iter()
		.take(30)
		.map(|(a, b)| {
			std::format!(
				"U+{:04X} {a} {:?} / U+{:04X} {b} {:?}",
				u32::from(*a),
				canonical(&one(*a)),
				u32::from(*b),
				canonical(&one(*b))
			)
		})
		.collect();
	assert_eq!(split, SPLIT_LOOK_ALIKES.to_vec(), "{shown:#?}");
	assert!(pairs > 400, "{pairs}");
}
