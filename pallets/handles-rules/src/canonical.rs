//! The canonical form of a handle: look-alikes are equal.
//!
//! The per-character fold is defined in `fold_rules.rs` and evaluated for every code point by
//! `build.rs` into a table; this module only looks characters up, decomposes Hangul syllables
//! arithmetically and puts combining marks in canonical order.

use alloc::string::String;

use unicode_normalization::UnicodeNormalization;

mod tables {
	include!(concat!(env!("OUT_DIR"), "/tables.rs"));
}

/// Version of the canonical form. Canonical forms are storage keys: any change to the algorithm
/// or to the pinned Unicode data (`unicode-security =0.1.3`, `unicode-normalization =0.1.26`,
/// `unicode-script`; see [`UNICODE_VERSIONS`]) that changes a canonical form must bump this and
/// come with a storage migration. Tests pin canonical forms of look-alike sets and the versions.
pub const CANONICAL_VERSION: u32 = 1;

/// Upper bound on the length in bytes of the canonical form of a valid handle. Validation refuses
/// a handle whose canonical form is longer (`CanonicalTooLong`); it is never truncated.
///
/// The bound is the longest canonical form any valid base handle of
/// [`MAX_BASE_BYTES`](crate::MAX_BASE_BYTES) bytes can have, computed from the data by a test: ten Hangul
/// syllables, each of whose jamo UTS #39 splits further, reach it. So in practice
/// `CanonicalTooLong` is never returned; it guards against future data.
pub const MAX_CANONICAL_BYTES: usize = 224;

/// Unicode versions of the data the canonical form depends on: UTS #39 (`unicode-security`) and
/// normalization (`unicode-normalization`).
pub const UNICODE_VERSIONS: ((u64, u64, u64), (u8, u8, u8)) =
	(unicode_security::UNICODE_VERSION, unicode_normalization::UNICODE_VERSION);

const HANGUL_FIRST: u32 = 0xAC00;
const HANGUL_LAST: u32 = 0xD7A3;
const HANGUL_L: u32 = 0x1100;
const HANGUL_V: u32 = 0x1161;
const HANGUL_T: u32 = 0x11A7;
const HANGUL_V_COUNT: u32 = 21;
const HANGUL_T_COUNT: u32 = 28;

/// What one character folds to.
#[derive(Clone, Copy)]
pub(crate) struct CharFold {
	/// The fold; `None` when the character is its own fold.
	pub mapped: Option<&'static str>,
	/// The character is, or folds to, a forbidden character.
	pub forbidden: bool,
	/// The fold holds a combining mark with a non-zero combining class.
	pub reorder: bool,
}

/// Looks one (non-Hangul-syllable) character up in the table.
fn lookup(c: char) -> CharFold {
	let cp = u32::from(c);
	if cp < 0x80 {
		let mapped = tables::ASCII.get(cp as usize).copied();
		let forbidden = (tables::ASCII_FORBIDDEN >> cp) & 1 == 1;
		return CharFold { mapped, forbidden, reorder: false };
	}
	match tables::FOLDS.binary_search_by_key(&cp, |e| e.0) {
		Ok(i) => {
			let packed = tables::FOLDS.get(i).map(|e| e.1).unwrap_or(1);
			let identity = packed & 1 == 1;
			let forbidden = packed & 2 == 2;
			let reorder = packed & 4 == 4;
			let len = ((packed >> 3) & 0x1F) as usize;
			let offset = (packed >> 8) as usize;
			let mapped = if identity {
				None
			} else {
				Some(tables::POOL.get(offset..offset + len).unwrap_or("\u{FFFD}"))
			};
			CharFold { mapped, forbidden, reorder }
		}
		Err(_) => CharFold { mapped: None, forbidden: false, reorder: false },
	}
}

/// Appends the fold of `c` to `out`; returns the table flags of `c` (for a Hangul syllable,
/// those of its jamo together).
#[inline]
pub(crate) fn push_fold(c: char, out: &mut String) -> CharFold {
	let cp = u32::from(c);
	if (HANGUL_FIRST..=HANGUL_LAST).contains(&cp) {
		let s = cp - HANGUL_FIRST;
		let l = HANGUL_L + s / (HANGUL_V_COUNT * HANGUL_T_COUNT);
		let v = HANGUL_V + (s % (HANGUL_V_COUNT * HANGUL_T_COUNT)) / HANGUL_T_COUNT;
		let t = s % HANGUL_T_COUNT;
		let mut flags = CharFold { mapped: None, forbidden: false, reorder: false };
		let jamo = [Some(l), Some(v), if t == 0 { None } else { Some(HANGUL_T + t) }];
		for j in jamo.into_iter().flatten().filter_map(char::from_u32) {
			let f = push_fold(j, out);
			flags.forbidden |= f.forbidden;
			flags.reorder |= f.reorder;
		}
		return flags;
	}
	let f = lookup(c);
	match f.mapped {
		Some(m) => out.push_str(m),
		None => out.push(c),
	}
	f
}

/// Puts the combining marks of an already decomposed string in canonical order.
pub(crate) fn reorder_marks(folded: String) -> String {
	folded.chars().nfd().collect()
}

/// The canonical form of `input`, in which look-alike handles are equal.
///
/// Total on any `&str`: validation decides bounds, and nothing is ever truncated. Algorithm
/// (version [`CANONICAL_VERSION`]): every character is replaced by its fold, then combining marks
/// are put in canonical order. The fold of a character is the fixpoint of one round of: NFD;
/// drop default-ignorable characters and the combining marks of Latin, Greek, Cyrillic and
/// generic diacritics (marks of other scripts are kept); case fold (`lowercase(uppercase(c))`);
/// UTS #39 skeleton, where a lower-case letter whose skeleton has no ASCII character but whose
/// capital's skeleton is one ASCII letter takes that letter; finally `i` joins `l`. Folds of the
/// forbidden characters (`@ # : .` and `'`, the fold of `` ` ``) are replaced by U+FFFD, so a
/// canonical form never contains a forbidden character. Every character of a fold is its own
/// fold, which makes the form idempotent.
pub fn canonical(input: &str) -> String {
	let mut out = String::with_capacity(input.len() + 8);
	let mut reorder = false;
	for c in input.chars() {
		reorder |= push_fold(c, &mut out).reorder;
	}
	if reorder {
		reorder_marks(out)
	} else {
		out
	}
}
