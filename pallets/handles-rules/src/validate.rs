//! Validation of a base handle.

use alloc::{string::String, vec::Vec};

use unicode_security::{RestrictionLevel, RestrictionLevelDetection};

use crate::{
	canonical::{
		canonical, push_fold, push_fold_with, reorder_marks, CharInfo, CJK_MASK, LATIN_MASK,
		MAX_CANONICAL_BYTES,
	},
	HandleError,
};

/// Longest base handle, in bytes of UTF-8.
pub const MAX_BASE_BYTES: usize = 32;
/// Fewest characters in a base handle and in its canonical form.
pub const MIN_BASE_CHARS: usize = 2;
/// Characters a handle may not contain, nor any character whose canonical form contains their
/// canonical form.
pub const FORBIDDEN_CHARS: [char; 5] = ['@', '#', ':', '.', '`'];
/// Handles reserved by default (compared by canonical form).
pub const DEFAULT_RESERVED: [&str; 3] = ["admin", "everyone", "all"];

/// A valid base handle with its canonical form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidHandle {
	/// The handle as the user typed it.
	pub base: String,
	/// Its canonical form (at most [`MAX_CANONICAL_BYTES`] bytes).
	pub canonical: String,
}

/// Rule 4 as UTS #39 defines it (`unicode-security`'s restriction level).
///
/// [`validate`] does not call this: it evaluates the same definition from the per-character
/// table (see [`MixedScriptCheck`]); tests show both agree.
pub fn is_highly_restrictive(text: &str) -> bool {
	text.detect_restriction_level() <= RestrictionLevel::HighlyRestrictive
}

/// UTS #39 restriction-level detection, reduced to what "at most highly restrictive" needs, over
/// the script-set masks of the table.
///
/// `unicode-security` intersects the augmented script sets of all characters (`set`) and of the
/// characters whose Script_Extensions lacks Latin (`non_latin`); the text is at most highly
/// restrictive when it is ASCII, when `set` is not empty (single script), or when `non_latin`
/// still holds Hanb, Jpan or Kore. A mask has one bit per script that any allowed character
/// names (all of them for Common and Inherited) plus the three CJK bits, so intersection is AND
/// and emptiness is zero. Only valid when every character is allowed (rule 3).
struct MixedScriptCheck {
	set: u64,
	non_latin: u64,
}

impl MixedScriptCheck {
	const fn new() -> Self {
		Self { set: u64::MAX, non_latin: u64::MAX }
	}

	#[inline]
	fn add(&mut self, mask: u64) {
		self.set &= mask;
		if mask & LATIN_MASK == 0 {
			self.non_latin &= mask;
		}
	}

	/// For a non-ASCII text: whether it is at most highly restrictive.
	#[inline]
	fn highly_restrictive(&self) -> bool {
		self.set != 0 || self.non_latin & CJK_MASK != 0
	}
}

/// Validates a base handle against every rule, in rule order, and returns it with its canonical
/// form. `is_reserved` is asked about the canonical form.
///
/// Rules, each with its own error: (1) at most [`MAX_BASE_BYTES`] bytes (`TooLong`, checked
/// first so no work depends on the input size), UTF-8 (`NotUtf8`), at least [`MIN_BASE_CHARS`]
/// characters (`TooShort`); (2) no character of [`FORBIDDEN_CHARS`] and none whose fold contains
/// the fold of one (`ForbiddenCharacter`, the first such character); (3) every character allowed
/// in identifiers by UTS #39 and visible (`DisallowedCharacter`); (4) at most "highly
/// restrictive" mixing of scripts (`MixedScript`); (5) a canonical form of at most
/// [`MAX_CANONICAL_BYTES`] bytes (`CanonicalTooLong`) and at least [`MIN_BASE_CHARS`] characters
/// (`CanonicalTooShort`) that `is_reserved` does not refuse (`Reserved`).
pub fn validate(
	base: &[u8],
	is_reserved: impl Fn(&str) -> bool,
) -> Result<ValidHandle, HandleError> {
	if base.len() > MAX_BASE_BYTES {
		return Err(HandleError::TooLong);
	}
	let text = core::str::from_utf8(base).map_err(|_| HandleError::NotUtf8)?;
	let mut folded = String::with_capacity(text.len() + 8);
	let mut chars = 0usize;
	let mut forbidden = false;
	let mut allowed = true;
	let mut reorder = false;
	let mut scripts = MixedScriptCheck::new();
	for c in text.chars() {
		chars += 1;
		// One table lookup gives the fold, its flags, the rule-3 bit and the script set.
		let info = CharInfo::of(c);
		let f = push_fold_with(c, info, &mut folded);
		reorder |= f.reorder;
		// The table flags every character of FORBIDDEN_CHARS too (they fold to themselves).
		forbidden |= f.forbidden;
		allowed &= info.allowed();
		scripts.add(info.script_mask());
	}
	if chars < MIN_BASE_CHARS {
		return Err(HandleError::TooShort);
	}
	if forbidden || !allowed {
		if let Some(e) = first_refused_character(text) {
			return Err(e);
		}
	}
	let ascii = chars == text.len();
	if !ascii && !scripts.highly_restrictive() {
		return Err(HandleError::MixedScript);
	}
	let canonical = if reorder { reorder_marks(folded) } else { folded };
	if canonical.len() > MAX_CANONICAL_BYTES {
		return Err(HandleError::CanonicalTooLong);
	}
	if canonical.chars().nth(MIN_BASE_CHARS - 1).is_none() {
		return Err(HandleError::CanonicalTooShort);
	}
	if is_reserved(&canonical) {
		return Err(HandleError::Reserved);
	}
	Ok(ValidHandle { base: String::from(text), canonical })
}

/// Rules 2 and 3 for a text known to break one of them: the first forbidden character, else the
/// first disallowed one.
#[cold]
fn first_refused_character(text: &str) -> Option<HandleError> {
	let mut scratch = String::new();
	for c in text.chars() {
		scratch.clear();
		if push_fold(c, &mut scratch).forbidden || FORBIDDEN_CHARS.contains(&c) {
			return Some(HandleError::ForbiddenCharacter(c));
		}
	}
	text.chars().find(|c| !CharInfo::of(*c).allowed()).map(HandleError::DisallowedCharacter)
}

/// The canonical forms of [`DEFAULT_RESERVED`].
pub fn default_reserved_canonical() -> Vec<String> {
	DEFAULT_RESERVED.iter().map(|r| canonical(r)).collect()
}

/// [`validate`] with the default reserved list.
pub fn validate_with_default_reserved(base: &[u8]) -> Result<ValidHandle, HandleError> {
	let reserved = default_reserved_canonical();
	validate(base, |c| reserved.iter().any(|r| r == c))
}
