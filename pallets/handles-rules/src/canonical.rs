//! The canonical form of a handle: look-alikes are equal.
//!
//! The per-character fold is defined in `fold_rules.rs` and evaluated for every code point by
//! `build.rs` into a table (which also holds each character's rule-3 and script data, see
//! [`CharInfo`]); this module only looks characters up, decomposes Hangul syllables
//! arithmetically and puts combining marks in canonical order.

use alloc::{string::String, vec::Vec};

use unicode_normalization::char::canonical_combining_class;

use crate::{table_layout::*, tables};

/// Version of the canonical form. Canonical forms are storage keys: any change to the algorithm
/// or to the pinned Unicode data (`unicode-security =0.1.3`, `unicode-normalization =0.1.26`,
/// `unicode-script =0.5.9`, `icu_casemap =2.4.0`, `unicode-properties =0.1.5`, all Unicode
/// 18.0.0; see [`UNICODE_VERSIONS`]) that changes a canonical form must bump this and come with a
/// storage migration. A test pins a digest of the fold of every code point and of the canonical
/// forms of a fixed corpus, so such a change fails until this is raised.
///
/// Version 2: whether a combining mark folds is decided by the mark as typed and its script
/// (kept marks are never dropped), letters of specific scripts that resemble an apostrophe or a
/// colon are themselves, middle dots are forbidden images, the Thai and Lao sara am split into
/// nikhahit + sara aa, `ð` joins `d` like `đ`, and case mappings come from pinned data.
///
/// Version 3: rule 3 adds CLDR's exemplar letters and marks, the Hebrew points and the apostrophe
/// family; the apostrophe is a letter (one canonical character with yod and geresh), the backticks
/// are forbidden as characters, the Arabic-Indic zeros fold to U+0660, Syriac marks fold, kept
/// letters drawn alike within one script are one letter, and the capital anchor takes digits and
/// non-ASCII look-alikes (see the crate README, "Changes from version 2").
pub const CANONICAL_VERSION: u32 = 3;

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
	/// The character is, or folds to, a forbidden character, or is an Arabic-Indic zero (see
	/// `validate`).
	pub forbidden: bool,
	/// The fold holds a combining mark with a non-zero combining class.
	pub reorder: bool,
}

/// Everything the rules need to know about one character, from one table lookup.
#[derive(Clone, Copy)]
pub(crate) struct CharInfo(u32);

impl CharInfo {
	/// Looks `c` up: ASCII directly, everything else through the three-level trie.
	#[inline]
	pub(crate) fn of(c: char) -> Self {
		let cp = u32::from(c);
		if cp < 0x80 {
			return Self(tables::ASCII.get(cp as usize).copied().unwrap_or(IDENTITY));
		}
		let top = tables::TOP
			.get((cp >> (tables::LEAF_BITS + tables::MID_BITS)) as usize)
			.copied()
			.unwrap_or(0) as usize;
		let mid = tables::MID
			.get(
				(top << tables::MID_BITS)
					| ((cp >> tables::LEAF_BITS) as usize & ((1 << tables::MID_BITS) - 1)),
			)
			.copied()
			.unwrap_or(0) as usize;
		let leaf = tables::LEAF
			.get((mid << tables::LEAF_BITS) | (cp as usize & ((1 << tables::LEAF_BITS) - 1)))
			.copied()
			.unwrap_or(0) as usize;
		Self(tables::VALUES.get(leaf).copied().unwrap_or(IDENTITY))
	}

	/// Rule 3: allowed in identifiers by UTS #39 and visible (ignoring rule 2's characters).
	#[inline]
	pub(crate) fn allowed(self) -> bool {
		self.0 & ALLOWED != 0
	}

	/// Whether the character is a combining mark (General_Category M).
	#[inline]
	pub(crate) fn is_mark(self) -> bool {
		self.0 & MARK != 0
	}

	/// The UTS #39 augmented script set of an allowed character as a mask: one bit per script
	/// of [`tables::SCRIPT_UNIVERSE`], all of them for Common and Inherited, then Hanb, Jpan and
	/// Kore. Unspecified (all bits) for a disallowed character.
	#[inline]
	pub(crate) fn script_mask(self) -> ScriptMask {
		script_set(self.script_set_id())
	}

	/// The id of the character's script set ([`CharInfo::script_mask`] is that set).
	#[inline]
	pub(crate) fn script_set_id(self) -> u32 {
		(self.0 >> SCRIPT_SHIFT) & SCRIPT_MASK
	}

	/// The fold of a non-Hangul-syllable character; `None` when it is its own fold.
	#[inline]
	fn mapped(self) -> Option<&'static str> {
		if self.0 & IDENTITY != 0 {
			return None;
		}
		let len = ((self.0 >> LEN_SHIFT) & LEN_MASK) as usize;
		let offset = (self.0 >> OFFSET_SHIFT) as usize;
		Some(tables::POOL.get(offset..offset + len).unwrap_or("\u{FFFD}"))
	}

	#[inline]
	fn flags(self) -> CharFold {
		CharFold { forbidden: self.0 & FORBIDDEN != 0, reorder: self.0 & REORDER != 0 }
	}
}

/// Bit of Latin in [`CharInfo::script_mask`].
pub(crate) const LATIN_MASK: ScriptMask = tables::LATIN;
/// The script-set mask of id `id` (see [`CharInfo::script_mask`]).
#[inline]
pub(crate) fn script_set(id: u32) -> ScriptMask {
	tables::SCRIPT_SETS.get(id as usize).copied().unwrap_or(ScriptMask::MAX)
}

/// Bit of Arabic in [`CharInfo::script_mask`].
pub(crate) const ARABIC_MASK: ScriptMask = tables::ARABIC;
/// Bits of Hanb, Jpan and Kore in [`CharInfo::script_mask`].
pub(crate) const CJK_MASK: ScriptMask = HANB | JPAN | KORE;

#[cfg(test)]
pub(crate) use tables::{SCRIPT_UNIVERSE, TABLE_BYTES};

/// Appends the fold of `c` to `out`; returns the table flags of `c` (for a Hangul syllable,
/// those of its jamo together).
#[inline]
pub(crate) fn push_fold(c: char, out: &mut String) -> CharFold {
	push_fold_with(c, CharInfo::of(c), out)
}

/// [`push_fold`] with the table entry of `c` already looked up.
#[inline]
pub(crate) fn push_fold_with(c: char, info: CharInfo, out: &mut String) -> CharFold {
	let cp = u32::from(c);
	if (HANGUL_FIRST..=HANGUL_LAST).contains(&cp) {
		return push_hangul(cp, out);
	}
	match info.mapped() {
		Some(m) => out.push_str(m),
		None => out.push(c),
	}
	info.flags()
}

/// Appends the folds of the jamo of Hangul syllable `cp`; returns their flags together. Kept out
/// of line so that [`push_fold_with`] (not recursive then) inlines into the loops.
#[inline(never)]
fn push_hangul(cp: u32, out: &mut String) -> CharFold {
	let s = cp - HANGUL_FIRST;
	let l = HANGUL_L + s / (HANGUL_V_COUNT * HANGUL_T_COUNT);
	let v = HANGUL_V + (s % (HANGUL_V_COUNT * HANGUL_T_COUNT)) / HANGUL_T_COUNT;
	let t = s % HANGUL_T_COUNT;
	let mut flags = CharFold { forbidden: false, reorder: false };
	let jamo = [Some(l), Some(v), if t == 0 { None } else { Some(HANGUL_T + t) }];
	for j in jamo.into_iter().flatten().filter_map(char::from_u32) {
		let f = push_fold(j, out);
		flags.forbidden |= f.forbidden;
		flags.reorder |= f.reorder;
	}
	flags
}

/// Puts the combining marks of an already decomposed string in canonical order.
///
/// Folds are in NFD (a test checks every character of every fold), so NFD of their
/// concatenation is the canonical ordering algorithm alone: each run of characters with a
/// non-zero combining class is stably sorted by class. This needs only the combining classes,
/// not the decomposition tables. Tests compare it with NFD.
pub(crate) fn reorder_marks(folded: String) -> String {
	// Most texts with marks are in order already (a mark after a starter, or marks of rising
	// class): then the string is returned as it is, with no allocation.
	let mut previous = 0u8;
	let in_order = folded.chars().all(|c| {
		let class = canonical_combining_class(c);
		let ok = class == 0 || previous <= class;
		previous = class;
		ok
	});
	if in_order {
		return folded;
	}
	let mut out = String::with_capacity(folded.len());
	let mut run: Vec<(u8, char)> = Vec::new();
	for c in folded.chars() {
		let class = canonical_combining_class(c);
		if class == 0 {
			flush_marks(&mut run, &mut out);
			out.push(c);
		} else {
			run.push((class, c));
		}
	}
	flush_marks(&mut run, &mut out);
	out
}

/// Appends the marks of `run`, stably sorted by combining class, and empties it.
#[inline]
fn flush_marks(run: &mut Vec<(u8, char)>, out: &mut String) {
	run.sort_by_key(|m| m.0);
	for m in run.drain(..) {
		out.push(m.1);
	}
}

/// The canonical form of `input`, in which look-alike handles are equal.
///
/// Total on any `&str`: validation decides bounds, and nothing is ever truncated. Algorithm
/// (version [`CANONICAL_VERSION`]): every character is replaced by its fold, then combining marks
/// are put in canonical order. The fold of a character is the fixpoint of one round of: NFD (the
/// Thai and Lao sara am split into nikhahit + sara aa); case fold (`lowercase(uppercase(c))`,
/// pinned data); NFD again; then per character: a combining mark of Latin, Greek, Cyrillic or
/// generic diacritics (Script_Extensions Common or Inherited), an Arabic haraka or a Hebrew point
/// is dropped; any other mark is kept, as its UTS #39 skeleton when that holds only kept
/// characters, else as itself; anything else takes its UTS #39 skeleton (minus the folded marks
/// it introduces), where a lower-case letter whose skeleton has no ASCII character but whose
/// capital's skeleton is one ASCII letter or digit (folded marks aside) takes that letter, and an
/// allowed sign of a specific script whose skeleton holds `:` stays itself (letters drawn alike
/// within one script that stay themselves are one letter); finally `i` joins `l`. Folds holding
/// an image of a forbidden character (`@ # : .`, and `·` the image of the middle dots) and the
/// backticks have it replaced by U+FFFD, so a canonical form never
/// contains a forbidden character. Every character of a fold is its own fold, which makes the
/// form idempotent.
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
