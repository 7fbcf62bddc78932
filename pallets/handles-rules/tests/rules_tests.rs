//! One test per rule and per error of `validate`, with the examples of the crate README's "The rules
//! in plain words".

use handles_rules::*;

fn check(base: &str) -> Result<ValidHandle, HandleError> {
	validate_with_default_reserved(base.as_bytes())
}

/// Length in bytes of the canonical form of ten `꽦`, the longest of any valid handle.
const LONGEST_VALID_CANONICAL: usize = 210;

#[test]
fn plain_handles_are_valid() {
	for h in [
		"alice",
		"Alice",
		"bob_smith",
		"jean-luc",
		"Zoë",
		"Ωμέγα",
		"Дмитрий",
		"東京",
		"ひらがな漢字",
		"한국어",
		"नमस्ते",
		"مرحبا",
		"ab",
		"ÐỨC",
		"ĐỨC",
		"パン",
		"ポスト",
		"बंद",
		"ज़रा",
		"பாஞ்ச",
		"ทำ",
		"ដំរី",
		"آب",
		"x1",
	] {
		let v = check(h).unwrap_or_else(|e| panic!("{h}: {e}"));
		assert_eq!(v.base, h);
		assert_eq!(v.canonical, canonical(h));
	}
}

#[test]
fn not_utf8_is_refused() {
	assert_eq!(check_bytes(&[0x61, 0xFF, 0x62]), Err(HandleError::NotUtf8));
	assert_eq!(check_bytes(&[0xC3]), Err(HandleError::NotUtf8));
}

fn check_bytes(b: &[u8]) -> Result<ValidHandle, HandleError> {
	validate_with_default_reserved(b)
}

#[test]
fn too_short_is_refused() {
	assert_eq!(check("a"), Err(HandleError::TooShort));
	assert_eq!(check(""), Err(HandleError::TooShort));
	assert_eq!(check("東"), Err(HandleError::TooShort));
	assert!(check("ab").is_ok());
}

#[test]
fn too_long_is_refused_at_33_bytes() {
	assert!(check(&"a".repeat(32)).is_ok());
	assert_eq!(check(&"a".repeat(33)), Err(HandleError::TooLong));
	// 11 Cyrillic letters are 22 bytes (fine); 17 are 34 bytes.
	assert!(check(&"д".repeat(16)).is_ok());
	assert_eq!(check(&"д".repeat(17)), Err(HandleError::TooLong));
	assert_eq!(check_bytes(&[b'a'; 10_000]), Err(HandleError::TooLong));
}

#[test]
fn forbidden_characters_are_refused() {
	for (h, c) in [("ali@ce", '@'), ("a#b", '#'), ("a:b", ':'), ("a.b", '.'), ("a`b", '`')] {
		assert_eq!(check(h), Err(HandleError::ForbiddenCharacter(c)), "{h}");
	}
}

#[test]
fn look_alikes_of_forbidden_characters_are_refused() {
	for (h, c) in [
		("ali＠ce", '＠'),
		("ali﹫ce", '﹫'),
		("a．b", '．'),
		("a։b", '։'),
		("aˋb", 'ˋ'),
		("a｀b", '｀'),
		("a\u{1FEF}b", '\u{1FEF}'),
		("a＃b", '＃'),
		("a：b", '：'),
	] {
		assert_eq!(check(h), Err(HandleError::ForbiddenCharacter(c)), "{h}");
	}
}

#[test]
fn look_alikes_of_the_separator_are_refused() {
	// No base can imitate `base.suffix`: `alice·4821.1000` would pass for `alice.4821`.
	for (h, c) in [
		("alice·4821", '·'),
		("alice\u{0387}4821", '\u{0387}'),
		("alice\u{2024}4821", '\u{2024}'),
		("alice\u{2027}4821", '\u{2027}'),
		("alice\u{2E31}4821", '\u{2E31}'),
		("ジョン・スミス", '・'),
		("ｼﾞｮﾝ\u{FF65}ｽﾐｽ", '\u{FF65}'),
		("ᐊᐧᐊ", 'ᐧ'),
		("col·lega", '·'),
		// Arabic-Indic and Persian zero: dots under UTS #39, unless an Arabic letter is beside.
		("ab٠", '٠'),
		("٠٠", '٠'),
		("۰۰", '۰'),
		("۱۴۰۰", '۰'),
		("ހ٠", '٠'),
	] {
		assert_eq!(check(h), Err(HandleError::ForbiddenCharacter(c)), "{h}");
	}
}

#[test]
fn letters_that_resemble_an_apostrophe_or_a_colon_are_valid() {
	for h in [
		"יוסי",
		"ישראל",
		"דני",
		"ґанок",
		"Ґанок",
		"дзиґа",
		"दुःख",
		"अतः",
		"દુઃખ",
		"ทำ",
		"น้ำ",
		"ທຳ",
		"ຄຳ",
		"מצ׳",
		"мʼясо",
	] {
		let v = check(h).unwrap_or_else(|e| panic!("{h}: {e}"));
		assert!(!v.canonical.contains('\u{FFFD}'), "{h} -> {}", v.canonical);
	}
	// Common punctuation that looks like the colon stays forbidden.
	for (h, c) in [("a：b", '：'), ("a\u{02D0}b", '\u{02D0}'), ("a\u{1361}b", '\u{1361}')] {
		assert_eq!(check(h), Err(HandleError::ForbiddenCharacter(c)), "{h}");
	}
}

#[test]
fn apostrophes_are_letters_anywhere_in_a_base() {
	for h in [
		"O'Brien",
		"D’Angelo",
		"O’Neill",
		"oʼbrien",
		"Oʻzbekiston",
		"gʻalaba",
		"hawaiʻi",
		"ʻohana",
		"'ohana",
		"ohana'",
		"Oꞌbrien",
		"ch’aa",
		"k’iche'",
	] {
		let v = check(h).unwrap_or_else(|e| panic!("{h}: {e}"));
		assert!(v.canonical.contains('\''), "{h} -> {}", v.canonical);
	}
	// Typographic quotes and primes are not letters: refused by rule 3.
	for (h, c) in [("a‘b", '‘'), ("a′b", '′'), ("a＇b", '＇'), ("a\"b", '"')] {
		assert_eq!(check(h), Err(HandleError::DisallowedCharacter(c)), "{h}");
	}
}

#[test]
fn letters_of_every_living_language_are_valid() {
	for h in [
		"שָׁלוֹם",
		"עִבְרִית",
		"ייִדיש",
		"אַלף",
		"علي٢٠٠٠",
		"٢٠٢٤علي",
		"سال۱۴۰۰",
		"ⵜⴰⵎⴰⵣⵉⵖⵜ",
		"ᱥᱟᱱᱛᱟᱲᱤ",
		"ᐃᓄᒃᑎᑐᑦ",
		"ᏣᎳᎩ",
		"ꮳꮃꭹ",
		"ꆈꌠ",
		"ߒߞߏ",
		"ꕙꔤ",
		"𞤀𞤣𞤤𞤢𞤥",
		"ܣܘܪܝܝܐ",
		"𑄌𑄋𑄴𑄟𑄳𑄦",
		"𐴌𐴟𐴇𐴥𐴝𐴚",
		"𐓏𐓘𐓻𐓘𐓻𐓟",
		"ⲙⲉⲧⲣⲉⲙ",
		"𞄀𞄄𞄰",
		"सोऽहम्",
		"ॠषि",
		"ȟóta",
		"ẅyn",
	] {
		check(h).unwrap_or_else(|e| panic!("{h}: {e}"));
	}
}

#[test]
fn new_scripts_follow_the_mixed_script_rule() {
	for h in ["ⵜⴰa", "aⵜⴰ", "ꮃeꭺr", "ᏣᎳᎩabc", "ᱥᱟn", "ߒߞo"] {
		assert_eq!(check(h), Err(HandleError::MixedScript), "{h}");
	}
}

#[test]
fn symbols_and_punctuation_of_exemplar_sets_stay_refused() {
	for (h, c) in [("ॐॐ", 'ॐ'), ("ੴa", 'ੴ'), ("ab\u{1360}", '\u{1360}')] {
		assert!(
			matches!(check(h), Err(HandleError::DisallowedCharacter(x)) if x == c),
			"{h}: {:?}",
			check(h)
		);
	}
}

#[test]
fn a_base_does_not_begin_with_a_combining_mark() {
	for (h, m) in [
		("\u{0301}alice", '\u{0301}'),
		("\u{093F}कम", '\u{093F}'),
		("\u{0E4D}า", '\u{0E4D}'),
		("\u{3099}か", '\u{3099}'),
		("\u{0903}ab", '\u{0903}'),
	] {
		assert_eq!(check(h), Err(HandleError::LeadingCombiningMark(m)), "{h:?}");
	}
	// A mark after the first character is fine, and a forbidden character is reported first.
	assert!(check("कि").is_ok());
	assert_eq!(check("\u{0301}a@"), Err(HandleError::ForbiddenCharacter('@')));
	// Sara am is a letter, not a mark: a word may begin with it.
	assert!(check("ำา").is_ok());
}

#[test]
fn forbidden_rule_comes_before_disallowed_rule() {
	assert_eq!(check("😀@"), Err(HandleError::ForbiddenCharacter('@')));
}

#[test]
fn invisible_and_format_characters_are_refused() {
	for (h, c) in [
		("ali\u{200B}ce", '\u{200B}'),
		("ali\u{200C}ce", '\u{200C}'),
		("ali\u{200D}ce", '\u{200D}'),
		("ali\u{202E}ce", '\u{202E}'),
		("ali\u{2066}ce", '\u{2066}'),
		("ali\u{FEFF}ce", '\u{FEFF}'),
		("ali\u{00AD}ce", '\u{00AD}'),
		("alice\u{FE0F}", '\u{FE0F}'),
		("alice\u{E0041}", '\u{E0041}'),
		("ali ce", ' '),
		("ali\tce", '\t'),
		("ali\u{00A0}ce", '\u{00A0}'),
		("ali\u{0000}ce", '\u{0000}'),
	] {
		assert_eq!(check(h), Err(HandleError::DisallowedCharacter(c)), "{h:?}");
	}
}

#[test]
fn emoji_and_symbols_are_refused() {
	for (h, c) in [
		("alice😀", '😀'),
		("a+b", '+'),
		("a$b", '$'),
		("a/b", '/'),
		("a€", '€'),
		("♥♥", '♥'),
		("a!b", '!'),
	] {
		assert_eq!(check(h), Err(HandleError::DisallowedCharacter(c)), "{h}");
	}
}

#[test]
fn mixed_scripts_are_refused() {
	assert_eq!(check("\u{0430}lice"), Err(HandleError::MixedScript)); // Cyrillic а + Latin
	assert_eq!(check("pаypal"), Err(HandleError::MixedScript));
	assert_eq!(check("Ωmega"), Err(HandleError::MixedScript));
	assert_eq!(check("abcनमस्ते"), Err(HandleError::MixedScript));
}

#[test]
fn highly_restrictive_combinations_are_accepted() {
	for h in ["漢字かな", "漢字カナ", "漢字한글", "alice_1", "東京2024", "Дмитрий-7"]
	{
		assert!(check(h).is_ok(), "{h}: {:?}", check(h));
	}
}

#[test]
fn canonical_too_short_is_refused() {
	// Two characters, but the combining mark folds away.
	assert_eq!(check("a\u{0301}"), Err(HandleError::CanonicalTooShort));
}

#[test]
fn canonical_forms_past_the_bound_never_reach_validate_s_last_rules() {
	// `CanonicalTooLong` is a guard no input reaches: the bound is the longest canonical form of
	// any handle of allowed characters (the crate's `canonical_bound_covers_every_valid_handle`
	// computes it), and text that folds to more is refused by an earlier rule, never truncated.
	// Ten Hangul syllables whose jamo split further give the longest valid form; it is accepted.
	let longest = "꽦".repeat(10);
	let v = check(&longest).unwrap();
	assert_eq!(v.canonical.len(), LONGEST_VALID_CANONICAL);
	const { assert!(LONGEST_VALID_CANONICAL <= MAX_CANONICAL_BYTES) };
	const { assert!(MAX_CANONICAL_BYTES < LONGEST_VALID_CANONICAL + 32, "the bound is tight") };
	// U+FDFA folds to 18 letters: ten of them (30 bytes) fold past the bound, and the disallowed
	// character is the error, first.
	let wide = "\u{FDFA}".repeat(10);
	assert!(wide.len() <= MAX_BASE_BYTES);
	assert!(canonical(&wide).len() > MAX_CANONICAL_BYTES, "{}", canonical(&wide).len());
	assert_eq!(check(&wide), Err(HandleError::DisallowedCharacter('\u{FDFA}')));
}

#[test]
fn reserved_handles_are_refused_by_canonical_form() {
	for h in [
		"admin", "ADMIN", "Admin", "adm1n", "everyone", "EVERYONE", "all", "ALL", "a11", "aII",
		"ąll", "аІІ",
	] {
		assert_eq!(check(h), Err(HandleError::Reserved), "{h}");
	}
	// Cyrillic а with Latin letters: refused as mixed scripts, and canonical as admin anyway.
	assert_eq!(check("аdmin"), Err(HandleError::MixedScript));
	assert_eq!(canonical("аdmin"), canonical("admin"));
	assert!(check("admins").is_ok());
}

#[test]
fn reserved_list_is_an_argument() {
	let reserved = [canonical("root")];
	assert_eq!(validate(b"R00T", |c| reserved.iter().any(|r| r == c)), Err(HandleError::Reserved));
	assert!(validate(b"admin", |_| false).is_ok());
	assert_eq!(
		default_reserved_canonical(),
		vec![canonical("admin"), canonical("everyone"), canonical("all")]
	);
	// The precomputed forms are those of DEFAULT_RESERVED, in order.
	let computed: Vec<String> = DEFAULT_RESERVED.iter().map(|r| canonical(r)).collect();
	assert_eq!(default_reserved_canonical(), computed);
}

#[test]
fn every_error_names_its_rule() {
	let cases = [
		(HandleError::NotUtf8, "UTF-8"),
		(HandleError::TooShort, "too short"),
		(HandleError::TooLong, "too long"),
		(HandleError::ForbiddenCharacter('@'), "forbidden character '@' (U+0040)"),
		(HandleError::DisallowedCharacter('\u{200D}'), "disallowed character"),
		(HandleError::MixedScript, "mixed scripts"),
		(HandleError::CanonicalTooShort, "canonical form too short"),
		(HandleError::CanonicalTooLong, "canonical form too long"),
		(HandleError::Reserved, "reserved"),
		(HandleError::LeadingCombiningMark('\u{0301}'), "(U+0301): a handle may not begin"),
	];
	for (e, needle) in cases {
		let text = e.to_string();
		assert!(text.contains(needle), "{text}");
		assert!(text.contains(e.rule().name()) || needle == "UTF-8", "{text} / {}", e.rule());
	}
	assert!(HandleError::DisallowedCharacter('\u{200D}').to_string().contains("U+200D"));
}

/// The rules' names are stable (programs and the command line show them): each one, as `name()`
/// and as its `Display`.
#[test]
fn each_rule_has_its_stable_name() {
	for (rule, name) in [
		(HandleRule::NotUtf8, "not UTF-8"),
		(HandleRule::TooShort, "too short"),
		(HandleRule::TooLong, "too long"),
		(HandleRule::ForbiddenCharacter, "forbidden character"),
		(HandleRule::DisallowedCharacter, "disallowed character"),
		(HandleRule::MixedScript, "mixed scripts"),
		(HandleRule::CanonicalTooShort, "canonical form too short"),
		(HandleRule::CanonicalTooLong, "canonical form too long"),
		(HandleRule::Reserved, "reserved"),
		(HandleRule::LeadingCombiningMark, "leading combining mark"),
	] {
		assert_eq!(rule.name(), name);
		assert_eq!(rule.to_string(), name);
	}
}

/// Rule 4 as UTS #39 defines it, with the Thai and Lao sara am (which rule 3 adds) counted as
/// letters of their script: one script passes, two do not.
#[test]
fn highly_restrictive_counts_the_sara_am_as_its_script() {
	for (text, expected) in [
		("alice", true),
		("аlice", false),
		("ทำ", true),
		("น้ำ", true),
		("ທຳ", true),
		("ทำabc", false),
		("ทำທຳ", false),
	] {
		assert_eq!(is_highly_restrictive(text), expected, "{text}");
	}
}

#[test]
fn rule_maps_each_error() {
	assert_eq!(HandleError::ForbiddenCharacter('x').rule(), HandleRule::ForbiddenCharacter);
	assert_eq!(HandleError::DisallowedCharacter('x').rule(), HandleRule::DisallowedCharacter);
	assert_eq!(HandleError::MixedScript.rule(), HandleRule::MixedScript);
	assert_eq!(HandleError::Reserved.rule(), HandleRule::Reserved);
	assert_eq!(HandleError::NotUtf8.rule(), HandleRule::NotUtf8);
	assert_eq!(HandleError::TooShort.rule(), HandleRule::TooShort);
	assert_eq!(HandleError::TooLong.rule(), HandleRule::TooLong);
	assert_eq!(HandleError::CanonicalTooShort.rule(), HandleRule::CanonicalTooShort);
	assert_eq!(HandleError::LeadingCombiningMark('x').rule(), HandleRule::LeadingCombiningMark);
}

#[cfg(feature = "codec")]
#[test]
fn rule_and_range_encode() {
	use codec::{Decode, Encode, MaxEncodedLen};
	assert_eq!(HandleRule::Reserved.encode().len(), 1);
	assert_eq!(HandleRule::max_encoded_len(), 1);
	let r = SuffixRange::new(5, 9).unwrap();
	assert_eq!(SuffixRange::decode(&mut &r.encode()[..]), Ok(r));
	let bad = (9u32, 5u32).encode();
	assert!(SuffixRange::decode(&mut &bad[..]).is_err());
}
