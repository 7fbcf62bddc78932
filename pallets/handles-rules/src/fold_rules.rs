//! The definition of the per-character fold behind the canonical form.
//!
//! This module is the single source of truth for what a character folds to. It calls
//! `unicode-security` (UTS #39 skeletons), `unicode-normalization` (NFD) and `core`'s case
//! mappings directly, so it is slow; the generated table in `tables.rs` holds its result for
//! every code point and a test checks that the two agree on all 1,114,112 code points.

use alloc::string::String;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_script::{Script, UnicodeScript};

/// What a forbidden character's own fold is replaced by inside canonical forms.
pub(crate) const FORBIDDEN_REPLACEMENT: char = '\u{FFFD}';

/// The folds of the forbidden characters `@ # : . \``: `` ` `` folds to `'` under UTS #39.
pub(crate) const FORBIDDEN_IMAGES: [char; 5] = ['@', '#', ':', '.', '\''];

/// Most rounds of [`step`] before a fixpoint; the data needs 3, so 8 leaves room.
const MAX_ROUNDS: usize = 8;

/// Whether `c` is a combining mark that is dropped: a mark (General_Category M) whose
/// Script_Extensions is Common/Inherited (generic diacritics such as U+0308) or names Latin, Greek
/// or Cyrillic. Marks of other scripts (Devanagari vowel signs, Arabic harakat, kana voicing
/// marks...) spell different words and are kept.
pub(crate) fn is_folded_mark(c: char) -> bool {
	if !is_combining_mark(c) {
		return false;
	}
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

/// Case fold of one character: `lowercase(uppercase(c))` (so `ſ`, `ı`, `ς`, the Kelvin sign and
/// `ß` fold with their case partners).
fn push_case_fold(c: char, out: &mut String) {
	for u in c.to_uppercase() {
		for l in u.to_lowercase() {
			out.push(l);
		}
	}
}

/// One round on a string: NFD; case fold; NFD again; drop folded marks; UTS #39 skeleton of each
/// character (which drops default-ignorable characters), with the capital anchor; drop folded
/// marks the skeleton introduced; the extra mapping.
///
/// Case folding comes before mark stripping so that U+0345 (combining iota subscript), whose
/// capital is `Ι`, folds like its capital.
fn step(input: &str) -> String {
	let mut decomposed = String::new();
	for c in input.chars() {
		decompose_canonical(c, |d| decomposed.push(d));
	}
	let mut cased = String::new();
	for d in decomposed.chars() {
		push_case_fold(d, &mut cased);
	}
	let mut folded = String::new();
	for e in cased.chars() {
		decompose_canonical(e, |f| {
			if !is_folded_mark(f) {
				folded.push(f)
			}
		});
	}
	let mut out = String::new();
	for f in folded.chars() {
		let anchored = capital_anchor(f);
		let mut buf = [0u8; 4];
		let source: &str = match anchored {
			Some(ref a) => a,
			None => f.encode_utf8(&mut buf),
		};
		for s in unicode_security::skeleton(source) {
			if is_folded_mark(s) {
				continue;
			}
			out.push(extra(s));
		}
	}
	out
}

/// The capital anchor: a non-ASCII lower-case letter whose own skeleton has no ASCII character,
/// but whose capital's skeleton is a single ASCII letter, folds with that letter (Cyrillic `в`
/// joins `b` because `В` looks like `B`; likewise `н`/`h`, `к`/`k`, `т`/`t`, `м`/`m`, Greek
/// `κ`/`k`, `τ`/`t`, `ε`/`e`...). Without it an all-capital word in Cyrillic or Greek would not
/// meet its Latin look-alike, since case folding happens first. Letters whose own skeleton is
/// already ASCII (Greek `ν` -> `v`, `γ` -> `y`) keep it, so no two ASCII letters ever merge.
fn capital_anchor(lower: char) -> Option<String> {
	if lower.is_ascii() {
		return None;
	}
	let mut buf = [0u8; 4];
	if unicode_security::skeleton(lower.encode_utf8(&mut buf)).any(|c| c.is_ascii()) {
		return None;
	}
	let mut upper = lower.to_uppercase();
	let capital = upper.next()?;
	if upper.next().is_some() || capital == lower {
		return None;
	}
	let mut skel = unicode_security::skeleton(capital.encode_utf8(&mut buf));
	let letter = skel.next()?;
	if skel.next().is_some() || !letter.is_ascii_alphabetic() {
		return None;
	}
	Some(letter.to_ascii_lowercase().into())
}

/// The fold of one character before the forbidden replacement: [`step`] iterated to a fixpoint.
pub(crate) fn raw_fold(c: char) -> String {
	let mut buf = [0u8; 4];
	let mut current = String::from(&*c.encode_utf8(&mut buf));
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
/// image replaced by U+FFFD, and whether such a replacement happened.
pub(crate) fn fold(c: char) -> (String, bool) {
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
