//! `validate` equals a reference implementation that evaluates rules 3 and 4 by calling
//! `unicode-security` directly (identifier profile; augmented script sets through the crate's
//! `is_highly_restrictive`, which does not read the table), CLDR's exemplars from
//! the pinned extract, and the leading-mark rule by calling `unicode-normalization`, as the crate
//! did before its per-character table held that data.

use std::{collections::BTreeSet, sync::OnceLock};

use handles_rules::*;
use proptest::prelude::*;
use unicode_normalization::char::is_combining_mark;
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
use unicode_script::{Script, UnicodeScript};
use unicode_security::GeneralSecurityProfile;

/// Letters and marks of CLDR's main exemplars, from the pinned extract, with the other case of
/// each letter, less the sacred-syllable signs written as symbols (om, ek onkar).
fn cldr_letters() -> &'static BTreeSet<char> {
	static SET: OnceLock<BTreeSet<char>> = OnceLock::new();
	SET.get_or_init(read_cldr_letters)
}

fn read_cldr_letters() -> BTreeSet<char> {
	let mut set = BTreeSet::new();
	let exemplars = include_str!("../data/cldr-48-exemplars.txt")
		.lines()
		.filter(|l| !l.starts_with('#'))
		.filter_map(|l| l.split_once('\t'))
		.flat_map(|(_, elements)| elements.chars());
	for c in exemplars {
		if matches!(c, 'ॐ' | 'ૐ' | 'ੴ' | 'ༀ') {
			continue;
		}
		match c.general_category_group() {
			GeneralCategoryGroup::Mark => {
				set.insert(c);
			}
			GeneralCategoryGroup::Letter => {
				set.insert(c);
				let cases = c.to_uppercase().collect::<Vec<_>>().into_iter();
				for other in [cases, c.to_lowercase().collect::<Vec<_>>().into_iter()] {
					let other: Vec<char> = other.collect();
					if let [o] = other[..] {
						if o.general_category_group() == GeneralCategoryGroup::Letter {
							set.insert(o);
						}
					}
				}
			}
			_ => {}
		}
	}
	set
}

/// Rule 3: the identifier profile without the zero-width joiners, plus the sara am, the
/// apostrophe family, the Hebrew points and CLDR's exemplar letters and marks.
fn reference_allowed(c: char, cldr: &BTreeSet<char>) -> bool {
	(c.identifier_allowed() && !matches!(c, '\u{200C}' | '\u{200D}'))
		|| matches!(c, '\u{0E33}' | '\u{0EB3}' | '\'' | '’' | 'ʼ' | 'ʻ' | 'ꞌ')
		|| matches!(c, '\u{05B0}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}' | '\u{05C2}' | '\u{05C7}')
		|| cldr.contains(&c)
}

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
	// The Arabic-Indic and Persian zeros are forbidden unless an Arabic letter that rule 3 allows
	// is in the base.
	let arabic_letter = text.chars().any(|c| {
		c.script() == Script::Arabic
			&& c.general_category_group() == GeneralCategoryGroup::Letter
			&& reference_allowed(c, cldr_letters())
	});
	let zero = |c: char| !arabic_letter && matches!(c, '\u{0660}' | '\u{06F0}');
	if let Some(c) =
		text.chars().find(|c| FORBIDDEN_CHARS.contains(c) || folds_to_forbidden(*c) || zero(*c))
	{
		return Err(HandleError::ForbiddenCharacter(c));
	}
	if let Some(m) = text.chars().next().filter(|c| is_combining_mark(*c)) {
		return Err(HandleError::LeadingCombiningMark(m));
	}
	if let Some(c) = text.chars().find(|c| !reference_allowed(*c, cldr_letters())) {
		return Err(HandleError::DisallowedCharacter(c));
	}
	// Rule 4 through the crate's `is_highly_restrictive`, which evaluates UTS #39 over
	// `unicode-security`'s augmented script sets directly, not the table `validate` reads.
	if !is_highly_restrictive(text) {
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
		'۰',
		'ʼ',
		'’',
		'ʻ',
		'`',
		'ˋ',
		'ⵜ',
		'ᱥ',
		'Ꮳ',
		'ꮃ',
		'\u{05B8}',
		'\u{05C1}',
		'ߒ',
		'ܐ',
		'\u{0730}',
		'ة',
		'ۃ',
		'׳',
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
