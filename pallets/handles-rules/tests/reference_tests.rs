//! `validate` equals a reference implementation that evaluates rules 3 and 4 by calling
//! `unicode-security` directly (identifier profile, restriction-level detection), and the
//! leading-mark rule by calling `unicode-normalization`, as the crate did before its
//! per-character table held that data.

use handles_rules::*;
use proptest::prelude::*;
use unicode_normalization::char::is_combining_mark;
use unicode_security::{GeneralSecurityProfile, RestrictionLevel, RestrictionLevelDetection};

/// Whether the fold of `c` holds a forbidden character (its canonical form then holds U+FFFD,
/// which no other character's fold does; see `fffd_only_comes_from_forbidden_characters`).
fn folds_to_forbidden(c: char) -> bool {
	c != '\u{FFFD}' && canonical(c.encode_utf8(&mut [0u8; 4])).contains('\u{FFFD}')
}

fn reference_validate(
	base: &[u8],
	is_reserved: impl Fn(&str) -> bool,
) -> Result<ValidHandle, HandleError> {
	if base.len() > MAX_BASE_BYTES {
		return Err(HandleError::TooLong);
	}
	let text = core::str::from_utf8(base).map_err(|_| HandleError::NotUtf8)?;
	if text.chars().count() < MIN_BASE_CHARS {
		return Err(HandleError::TooShort);
	}
	if let Some(c) = text.chars().find(|c| FORBIDDEN_CHARS.contains(c) || folds_to_forbidden(*c)) {
		return Err(HandleError::ForbiddenCharacter(c));
	}
	if let Some(m) = text.chars().next().filter(|c| is_combining_mark(*c)) {
		return Err(HandleError::LeadingCombiningMark(m));
	}
	// Rule 3 adds the Thai and Lao sara am to the profile; for rule 4 they stand in as sara aa,
	// a letter of the same script.
	let sara_am = |c: char| matches!(c, '\u{0E33}' | '\u{0EB3}');
	if let Some(c) = text
		.chars()
		.find(|c| !sara_am(*c) && (!c.identifier_allowed() || matches!(c, '\u{200C}' | '\u{200D}')))
	{
		return Err(HandleError::DisallowedCharacter(c));
	}
	let stand_in: String = text
		.chars()
		.map(|c| match c {
			'\u{0E33}' => '\u{0E32}',
			'\u{0EB3}' => '\u{0EB2}',
			other => other,
		})
		.collect();
	if stand_in.as_str().detect_restriction_level() > RestrictionLevel::HighlyRestrictive {
		return Err(HandleError::MixedScript);
	}
	let canonical = canonical(text);
	if canonical.len() > MAX_CANONICAL_BYTES {
		return Err(HandleError::CanonicalTooLong);
	}
	if canonical.chars().count() < MIN_BASE_CHARS {
		return Err(HandleError::CanonicalTooShort);
	}
	if is_reserved(&canonical) {
		return Err(HandleError::Reserved);
	}
	Ok(ValidHandle { base: text.into(), canonical })
}

#[test]
fn fffd_only_comes_from_forbidden_characters() {
	// Makes `folds_to_forbidden` an exact reference for rule 2: the forbidden characters and the
	// characters folding to one are exactly those whose fold holds U+FFFD (U+FFFD aside).
	let mut n = 0;
	for c in (0u32..=0x10FFFF).filter_map(char::from_u32) {
		if folds_to_forbidden(c) {
			n += 1;
			assert!(
				matches!(
					validate(format!("{c}x").as_bytes(), |_| false),
					Err(HandleError::ForbiddenCharacter(d)) if d == c
				),
				"U+{:04X}",
				u32::from(c)
			);
		}
	}
	assert!(n >= FORBIDDEN_CHARS.len());
}

/// Characters of many scripts and script extensions, allowed and not, for short handles.
fn script_char() -> impl Strategy<Value = char> {
	prop::sample::select(vec![
		'a',
		'Z',
		'i',
		'l',
		'1',
		'0',
		'-',
		'_',
		'\'',
		'é',
		'ß',
		'ǅ',
		'а',
		'Ж',
		'в',
		'α',
		'Ω',
		'γ',
		'東',
		'京',
		'漢',
		'か',
		'が',
		'カ',
		'ガ',
		'ー',
		'々',
		'한',
		'가',
		'ᄀ',
		'ㄅ',
		'न',
		'क',
		'\u{093F}',
		'\u{094D}',
		'\u{0951}',
		'\u{0952}',
		'০',
		'ক',
		'க',
		'\u{0BCD}',
		'ת',
		'م',
		'\u{064E}',
		'\u{0640}',
		'٣',
		'۳',
		'ა',
		'ก',
		'ᐁ',
		'ꦲ',
		'\u{0301}',
		'\u{0308}',
		'\u{0345}',
		'\u{3099}',
		'·',
		'\u{0387}',
		'ℓ',
		'\u{200C}',
		'\u{200D}',
		'\u{FE0F}',
		'@',
		'.',
		'＠',
		'꽦',
		'ｶ',
		'Ａ',
		'𝐀',
		'𠀀',
		'\u{1F600}',
		' ',
		'\u{0E33}',
		'\u{0E4D}',
		'\u{0E32}',
		'ท',
		'\u{0EB3}',
		'ຄ',
		'י',
		'ґ',
		'\u{0903}',
		'\u{309A}',
		'ハ',
		'Ð',
		'ð',
		'\u{30FB}',
		'\u{2027}',
		'٠',
		'ʼ',
		'\u{0653}',
		'آ',
	])
}

fn handle_like() -> impl Strategy<Value = String> {
	prop_oneof![
		4 => prop::collection::vec(script_char(), 0..10).prop_map(|v| v.into_iter().collect()),
		2 => prop::collection::vec(prop_oneof![3 => script_char(), 1 => any::<char>()], 0..10)
			.prop_map(|v| v.into_iter().collect()),
		1 => "\\PC{0,12}",
		1 => any::<String>(),
	]
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(20_000))]

	#[test]
	fn validate_equals_reference(s in handle_like()) {
		let reserved: Vec<String> = DEFAULT_RESERVED.iter().map(|r| canonical(r)).collect();
		let is_reserved = |c: &str| reserved.iter().any(|r| r == c);
		prop_assert_eq!(validate_with_default_reserved(s.as_bytes()), reference_validate(s.as_bytes(), is_reserved));
	}

	#[test]
	fn validate_equals_reference_on_bytes(b in prop::collection::vec(any::<u8>(), 0..40)) {
		prop_assert_eq!(validate(&b, |_| false), reference_validate(&b, |_| false));
	}
}
