//! The definition of the per-character fold behind the canonical form, and of rule 3.
//!
//! This module is the single source of truth for what a character folds to. It calls
//! `unicode-security` (UTS #39 skeletons and identifier profile), `unicode-normalization` (NFD),
//! `unicode-script` (Script_Extensions) and `icu_casemap` (full case mappings) directly, all
//! pinned in the workspace, so it is slow and never depends on the compiler's Unicode tables;
//! `build.rs` evaluates it for every code point into `tables.rs`, and a test checks that the two
//! agree on all 1,114,112 code points.

extern crate std;

use alloc::{collections::BTreeMap, string::String, vec::Vec};
use std::{collections::BTreeSet, sync::OnceLock};

use icu_casemap::{CaseMapper, CaseMapperBorrowed};
use icu_locale_core::LanguageIdentifier;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
use unicode_script::{Script, UnicodeScript};
use unicode_security::GeneralSecurityProfile;

/// What a forbidden character's own fold is replaced by inside canonical forms.
pub(crate) const FORBIDDEN_REPLACEMENT: char = '\u{FFFD}';

/// The images (raw folds) that make a character forbidden: those of `@ # : .`, and the middle dot
/// U+00B7, the image under UTS #39 of every centred dot that passes for the `.` of a display
/// handle (U+0387, U+2027, U+2E31, U+30FB, U+FF65, U+1427, ...). The apostrophe `'`, which UTS
/// #39 draws for the backtick, is a letter since version 3: the backtick is forbidden by
/// [`BACKTICKS`] instead.
pub(crate) const FORBIDDEN_IMAGES: [char; 5] = ['@', '#', ':', '.', '\u{00B7}'];

/// The backtick and the spacing grave accents that pass for it, forbidden as characters (their
/// UTS #39 image is the apostrophe, a letter).
pub(crate) const BACKTICKS: [char; 4] = ['`', '\u{02CB}', '\u{FF40}', '\u{1FEF}'];

/// The images a letter or sign of a specific script may have and still be itself: the colon
/// (the visarga of `दुःख`). Look-alikes of the dot get no such pass.
pub(crate) const LETTER_IMAGES: [char; 1] = [':'];

/// Characters rule 3 allows beyond the UTS #39 identifier profile and CLDR's exemplars: the Thai
/// and Lao sara am, which keyboards produce and the profile leaves out only because NFKC splits
/// them, and the apostrophe family (`'`, `’`, `ʼ`, `ʻ`, `ꞌ`), one letter of the canonical form.
pub(crate) const EXTRA_ALLOWED: [char; 7] =
	['\u{0E33}', '\u{0EB3}', '\'', '\u{2019}', '\u{02BC}', '\u{02BB}', '\u{A78C}'];

/// The Arabic-Indic and Persian digit zero: UTS #39 draws them as the dot, yet they are digits in
/// a base that holds an Arabic-script letter (validation checks that). Both fold to U+0660.
pub(crate) const ARABIC_ZEROS: [char; 2] = ['\u{0660}', '\u{06F0}'];

/// The Hebrew points (vowel points, dagesh, meteg, rafe, shin and sin dots, qamats qatan): allowed
/// since version 3, and folded like every Hebrew mark. Cantillation marks stay out.
pub(crate) fn is_hebrew_point(c: char) -> bool {
	matches!(c, '\u{05B0}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}' | '\u{05C2}' | '\u{05C7}')
}

/// The pinned extract of CLDR's main exemplar characters (`data/cldr-48-exemplars.txt`).
pub(crate) const CLDR_EXEMPLARS: &str = include_str!("../data/cldr-48-exemplars.txt");

/// Letters (General_Category Lo) that stand for a sacred syllable and are written as symbols, not
/// inside words: Devanagari and Gujarati om, Gurmukhi ek onkar, Tibetan om. CLDR lists some among
/// exemplars; rule 3 leaves them out like other symbols.
pub(crate) const SYMBOL_LETTERS: [char; 4] = ['\u{0950}', '\u{0AD0}', '\u{0A74}', '\u{0F00}'];

/// The letters and marks (General_Category L or M) of the main exemplar characters of every
/// CLDR locale in [`CLDR_EXEMPLARS`], with the other case of each letter (CLDR lists one case:
/// the capitals of Cherokee, Osage or Adlam come with their small letters); symbols and
/// punctuation are left out, and so are the [`SYMBOL_LETTERS`].
pub(crate) fn cldr_letters() -> &'static BTreeSet<char> {
	static SET: OnceLock<BTreeSet<char>> = OnceLock::new();
	SET.get_or_init(|| {
		let mut set = BTreeSet::new();
		let exemplars = CLDR_EXEMPLARS
			.lines()
			.filter(|l| !l.starts_with('#'))
			.filter_map(|l| l.split_once('\t'))
			.flat_map(|(_, elements)| elements.chars());
		for c in exemplars {
			let group = c.general_category_group();
			if !matches!(group, GeneralCategoryGroup::Letter | GeneralCategoryGroup::Mark)
				|| SYMBOL_LETTERS.contains(&c)
			{
				continue;
			}
			set.insert(c);
			for other in [uppercase(c), lowercase(c)] {
				let mut chars = other.chars();
				if let (Some(o), None) = (chars.next(), chars.next()) {
					if o.general_category_group() == GeneralCategoryGroup::Letter {
						set.insert(o);
					}
				}
			}
		}
		set
	})
}

/// Splits applied with NFD: sara am is nikhahit + sara aa (its compatibility decomposition), so
/// both spellings of `ทำ` have one canonical form and the nikhahit, a kept mark, keeps `ทำ` apart
/// from `ทา`.
const SPLITS: [(char, [char; 2]); 2] =
	[('\u{0E33}', ['\u{0E4D}', '\u{0E32}']), ('\u{0EB3}', ['\u{0ECD}', '\u{0EB2}'])];

/// Most rounds of [`step`] before a fixpoint; the data needs 3, so 8 leaves room.
const MAX_ROUNDS: usize = 8;

/// Rule 3: allowed in identifiers by the UTS #39 general security profile and visible (the
/// zero-width joiners are the profile's only invisible characters), or a letter or mark of
/// CLDR's main exemplars ([`cldr_letters`]), a Hebrew point, or one of [`EXTRA_ALLOWED`].
pub(crate) fn allowed(c: char) -> bool {
	(c.identifier_allowed() && !matches!(c, '\u{200C}' | '\u{200D}'))
		|| EXTRA_ALLOWED.contains(&c)
		|| is_hebrew_point(c)
		|| cldr_letters().contains(&c)
}

/// Optional vocalisation marks, which fold like Latin diacritics: the Arabic harakat (tanwin,
/// fatha, damma, kasra, shadda, sukun: U+064B..=U+0652), every Hebrew mark (points and
/// cantillation) and every Syriac mark (vowels, qushshaya and rukkakha, the dots that UTS #39
/// draws as the generic dots). Arabic madda and hamza (U+0653..=U+0655) spell letters and are
/// kept.
pub(crate) fn is_vocalisation_mark(c: char) -> bool {
	('\u{064B}'..='\u{0652}').contains(&c)
		|| (is_combining_mark(c)
			&& (c.script_extension() == Script::Hebrew.into()
				|| c.script_extension() == Script::Syriac.into()))
}

/// Whether `c` is a combining mark that is dropped, decided by the mark as typed: a mark
/// (General_Category M) whose Script_Extensions is Common or Inherited (generic diacritics such
/// as U+0308) or names Latin, Greek or Cyrillic, or an optional vocalisation mark. All other
/// marks (Indic vowel signs, anusvara, nukta, virama, kana voicing marks, Thai, Lao, Khmer,
/// Myanmar and Tibetan signs, Arabic madda...) spell different words and are kept.
pub(crate) fn is_folded_mark(c: char) -> bool {
	is_combining_mark(c) && (drops_marks(c) || is_vocalisation_mark(c))
}

/// Whether the Script_Extensions of `c` is Common or Inherited or names Latin, Greek or
/// Cyrillic: the scripts whose diacritics fold.
fn drops_marks(c: char) -> bool {
	let ext = c.script_extension();
	ext.is_common()
		|| ext.is_inherited()
		|| ext.contains_script(Script::Latin)
		|| ext.contains_script(Script::Greek)
		|| ext.contains_script(Script::Cyrillic)
}

/// The fixed extra mapping applied after each skeleton: `i` joins `l`.
///
/// Capital `I` is both the upper case of `i` and, under UTS #39, a look-alike of `l`; a form
/// that is both case-insensitive and confusable-aware must therefore put `i` and `l` together.
fn extra(c: char) -> char {
	match c {
		'i' => 'l',
		other => other,
	}
}

fn case_mapper() -> CaseMapperBorrowed<'static> {
	CaseMapper::new()
}

fn one(c: char) -> String {
	let mut s = String::new();
	s.push(c);
	s
}

/// Full upper case of one character, from the pinned case data (root locale).
pub(crate) fn uppercase(c: char) -> String {
	case_mapper().uppercase_to_string(&one(c), &LanguageIdentifier::UNKNOWN).into_owned()
}

/// Full lower case of one character, from the pinned case data (root locale; a lone character
/// has no context, so no final sigma).
pub(crate) fn lowercase(c: char) -> String {
	case_mapper().lowercase_to_string(&one(c), &LanguageIdentifier::UNKNOWN).into_owned()
}

/// Case fold of one character: `lowercase(uppercase(c))`, each character of the upper case
/// lowered on its own (so `ſ`, `ı`, `ς`, the Kelvin sign and `ß` fold with their case partners).
fn push_case_fold(c: char, out: &mut String) {
	for u in uppercase(c).chars() {
		out.push_str(&lowercase(u));
	}
}

/// NFD of one character, with [`SPLITS`].
fn decompose(c: char, mut sink: impl FnMut(char)) {
	match SPLITS.iter().find(|(s, _)| *s == c) {
		Some((_, parts)) => parts.iter().for_each(|p| decompose_canonical(*p, &mut sink)),
		None => decompose_canonical(c, sink),
	}
}

fn skeleton(c: char) -> String {
	let mut buf = [0u8; 4];
	unicode_security::skeleton(c.encode_utf8(&mut buf)).collect()
}

/// Whether `c` has a specific script: its Script_Extensions is neither Common nor Inherited.
fn has_specific_script(c: char) -> bool {
	let ext = c.script_extension();
	!ext.is_common() && !ext.is_inherited()
}

/// The fold of a kept mark: its UTS #39 skeleton when that is made of characters that are kept
/// (so look-alike marks of different scripts still meet: Lao `ຸ` and Thai `ุ`), otherwise the
/// mark itself. A kept mark is never dropped and never becomes a generic mark or a forbidden
/// image.
fn push_kept_mark(m: char, out: &mut String) {
	let skel = skeleton(m);
	let usable = !skel.is_empty()
		&& !skel.chars().any(|s| is_folded_mark(s) || FORBIDDEN_IMAGES.contains(&s));
	if usable {
		out.extend(skel.chars().map(extra));
	} else {
		out.push(m);
	}
}

/// Whether the letter `f`, whose skeleton (or capital anchor) is `skel`, is kept as a letter of
/// its own instead of taking `skel`:
/// - an allowed letter or sign of a specific script whose skeleton holds a colon (and no dot):
///   it is a letter, not a look-alike of `:` (the visarga);
/// - a letter of a script whose marks are kept (not Latin, Greek, Cyrillic, Common or Inherited)
///   whose skeleton draws it as a base with a folded mark: that mark spells another letter
///   (Telugu `భ` is not `బ`, Devanagari `ॲ` is not `अ`, Kurdish `ۆ` is not `و`).
fn keeps_itself(f: char, skel: &str) -> bool {
	let letter_image = skel.chars().any(|s| LETTER_IMAGES.contains(&s));
	let dot_image =
		skel.chars().any(|s| FORBIDDEN_IMAGES.contains(&s) && !LETTER_IMAGES.contains(&s));
	let colon_letter = letter_image && !dot_image && has_specific_script(f) && allowed(f);
	let marked_letter = !drops_marks(f) && skel.chars().any(is_folded_mark);
	colon_letter || marked_letter
}

/// The skeleton of the letter `f` as [`push_letter`] reads it: the capital anchor's letter when
/// there is one, else its UTS #39 skeleton.
fn letter_skeleton(f: char) -> String {
	match capital_anchor(f) {
		Some(letter) => one(letter),
		None => skeleton(f),
	}
}

/// The letters that are kept as themselves ([`keeps_itself`]) and are their own fold otherwise
/// (allowed, unchanged by case folding and NFD), grouped by skeleton, each group ascending.
fn keepers() -> &'static BTreeMap<String, Vec<char>> {
	static KEEPERS: OnceLock<BTreeMap<String, Vec<char>>> = OnceLock::new();
	KEEPERS.get_or_init(|| {
		let mut groups: BTreeMap<String, Vec<char>> = BTreeMap::new();
		for g in (0u32..0x11_0000).filter_map(char::from_u32) {
			if !allowed(g) || is_combining_mark(g) {
				continue;
			}
			let mut cased = String::new();
			push_case_fold(g, &mut cased);
			let mut nfd = String::new();
			decompose(g, |d| nfd.push(d));
			if cased != one(g) || nfd != one(g) {
				continue;
			}
			let skel = letter_skeleton(g);
			if keeps_itself(g, &skel) {
				groups.entry(skel).or_default().push(g);
			}
		}
		groups
	})
}

/// The letter that stands for every kept letter that looks like `f` and can share a handle with
/// it: among the kept letters of `f`'s skeleton, those reached from `f` through shared scripts
/// (Script_Extensions that intersect), the smallest code point. Letters of one script that UTS
/// #39 draws alike are thus one letter of the canonical form (`ة` and `ۃ`, `ێ` and `ݖ`), while
/// look-alikes of different scripts stay apart (the mixed-script rule keeps them out of one
/// handle). The representative is its own representative, so folds stay idempotent.
fn representative(f: char, skel: &str) -> char {
	let Some(group) = keepers().get(skel) else { return f };
	let mut reached = alloc::vec![f];
	let mut next = 0;
	while let Some(&c) = reached.get(next) {
		next += 1;
		for &g in group {
			if !reached.contains(&g)
				&& !c.script_extension().intersection(g.script_extension()).is_empty()
			{
				reached.push(g);
			}
		}
	}
	reached.into_iter().min().unwrap_or(f)
}

/// The fold of a character that is not a combining mark: its UTS #39 skeleton (with the capital
/// anchor), dropping the folded marks the skeleton introduces, then the extra mapping. A letter
/// that [`keeps_itself`] takes its [`representative`] instead, and the Arabic-Indic and Persian
/// zeros take U+0660 (not the dot that UTS #39 draws for them).
fn push_letter(f: char, out: &mut String) {
	if ARABIC_ZEROS.contains(&f) {
		out.push(ARABIC_ZEROS[0]);
		return;
	}
	let skel = letter_skeleton(f);
	if keeps_itself(f, &skel) {
		out.push(representative(f, &skel));
		return;
	}
	for s in skel.chars() {
		if is_folded_mark(s) {
			continue;
		}
		out.push(extra(s));
	}
}

/// One round on a string: NFD (with [`SPLITS`]); case fold; NFD again; then each character:
/// a folded mark is dropped, a kept mark takes [`push_kept_mark`], anything else
/// [`push_letter`].
///
/// Case folding comes before marks are sorted out so that U+0345 (combining iota subscript),
/// whose capital is `Ι`, folds like its capital.
fn step(input: &str) -> String {
	let mut decomposed = String::new();
	for c in input.chars() {
		decompose(c, |d| decomposed.push(d));
	}
	let mut cased = String::new();
	for d in decomposed.chars() {
		push_case_fold(d, &mut cased);
	}
	let mut typed = String::new();
	for e in cased.chars() {
		decompose(e, |f| typed.push(f));
	}
	let mut out = String::new();
	for f in typed.chars() {
		if is_combining_mark(f) {
			if !is_folded_mark(f) {
				push_kept_mark(f, &mut out);
			}
		} else {
			push_letter(f, &mut out);
		}
	}
	out
}

/// The capital anchor: a non-ASCII lower-case letter whose own skeleton has no ASCII character,
/// but whose capital's skeleton, without its folded marks, is a single ASCII letter or digit,
/// folds with it (Cyrillic `в` joins `b` because `В` looks like `B`; likewise `н`/`h`, `к`/`k`,
/// `т`/`t`, `м`/`m`, Greek `κ`/`k`, `τ`/`t`, `ε`/`e`; `ð` joins `d` because `Ð` looks like `Đ`,
/// whose skeleton is `D` with a stroke; since version 3 digits too: Cyrillic `з` and Latin `ʒ`
/// join `3` because `З` and `Ʒ` look like `3`). Without it an all-capital word would not meet its
/// look-alike, since case folding happens first. Letters whose own skeleton is already ASCII
/// (Greek `ν` -> `v`, `γ` -> `y`) keep it, so no two ASCII letters ever merge.
fn capital_anchor(lower: char) -> Option<char> {
	if lower.is_ascii() {
		return None;
	}
	if skeleton(lower).chars().any(|c| c.is_ascii()) {
		return None;
	}
	let upper = uppercase(lower);
	let mut upper_chars = upper.chars();
	let capital = upper_chars.next()?;
	if upper_chars.next().is_some() || capital == lower {
		return None;
	}
	let skel = skeleton(capital);
	let mut kept = skel.chars().filter(|s| !is_folded_mark(*s));
	let letter = kept.next()?;
	if kept.next().is_some() {
		return None;
	}
	if letter.is_ascii_alphanumeric() {
		return Some(letter.to_ascii_lowercase());
	}
	// A letter UTS #39 maps to nothing else whose capital looks like another letter.
	(letter != capital && skeleton(lower) == one(lower)).then_some(letter)
}

/// The fold of one character before the forbidden replacement: [`step`] iterated to a fixpoint.
pub(crate) fn raw_fold(c: char) -> String {
	let mut current = one(c);
	for _ in 0..MAX_ROUNDS {
		let next = step(&current);
		if next == current {
			break;
		}
		current = next;
	}
	current
}

/// The fold of one character as used by the canonical form: [`raw_fold`] with every forbidden
/// image replaced by U+FFFD, and whether such a replacement happened; U+FFFD for a character of
/// [`BACKTICKS`]. The [`ARABIC_ZEROS`] are flagged too, though they keep their fold (U+0660):
/// forbidden unless the base holds an Arabic letter, which validation decides, so the flag costs
/// nothing to handles without them.
pub(crate) fn fold(c: char) -> (String, bool) {
	if BACKTICKS.contains(&c) {
		return (one(FORBIDDEN_REPLACEMENT), true);
	}
	if ARABIC_ZEROS.contains(&c) {
		return (one(ARABIC_ZEROS[0]), true);
	}
	let raw = raw_fold(c);
	let mut forbidden = false;
	let out = raw
		.chars()
		.map(|d| {
			if FORBIDDEN_IMAGES.contains(&d) {
				forbidden = true;
				FORBIDDEN_REPLACEMENT
			} else {
				d
			}
		})
		.collect();
	(out, forbidden)
}
