//! Validation of a base handle.

use alloc::{string::String, vec::Vec};

use unicode_script::{Script, UnicodeScript};
use unicode_security::{GeneralSecurityProfile, RestrictionLevel, RestrictionLevelDetection};

use crate::{
	canonical::{canonical, push_fold, reorder_marks, MAX_CANONICAL_BYTES},
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

/// Whether `c` is invisible although UTS #39 allows it in identifiers: the zero-width non-joiner
/// and joiner are the only Default_Ignorable_Code_Point characters it allows (a test checks this
/// over all code points).
pub(crate) fn is_invisible(c: char) -> bool {
	matches!(c, '\u{200C}' | '\u{200D}')
}

/// Whether `c` may appear in a handle (rule 3), ignoring the forbidden characters of rule 2.
pub(crate) fn is_allowed(c: char) -> bool {
	if c.is_ascii() {
		return c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '\'' | '.' | ':');
	}
	c.identifier_allowed() && !is_invisible(c)
}

/// Rule 4 as UTS #39 defines it (`unicode-security`'s restriction level).
pub fn is_highly_restrictive(text: &str) -> bool {
	text.detect_restriction_level() <= RestrictionLevel::HighlyRestrictive
}

/// A cheap sufficient test for single-script text: every character other than ASCII digits,
/// `-` and `_` has the same Script property, which is a real script (not Common or Inherited).
/// Script_Extensions of such a character always contains its Script, so the resolved script set
/// of the text contains that script and the text is single-script. When this says `false` the
/// full UTS #39 check decides; a property test compares both.
fn is_single_script_fast(text: &str) -> bool {
	let mut found: Option<Script> = None;
	for c in text.chars() {
		if c.is_ascii_digit() || c == '-' || c == '_' {
			continue;
		}
		let script = c.script();
		if matches!(script, Script::Common | Script::Inherited | Script::Unknown) {
			return false;
		}
		match found {
			None => found = Some(script),
			Some(s) if s == script => {}
			Some(_) => return false,
		}
	}
	true
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
	let mut forbidden = None;
	let mut disallowed = None;
	let mut reorder = false;
	let mut ascii = true;
	for c in text.chars() {
		chars += 1;
		ascii &= c.is_ascii();
		let f = push_fold(c, &mut folded);
		reorder |= f.reorder;
		if forbidden.is_none() && (f.forbidden || FORBIDDEN_CHARS.contains(&c)) {
			forbidden = Some(c);
		}
		if disallowed.is_none() && !is_allowed(c) {
			disallowed = Some(c);
		}
	}
	if chars < MIN_BASE_CHARS {
		return Err(HandleError::TooShort);
	}
	if let Some(c) = forbidden {
		return Err(HandleError::ForbiddenCharacter(c));
	}
	if let Some(c) = disallowed {
		return Err(HandleError::DisallowedCharacter(c));
	}
	if !ascii && !is_single_script_fast(text) && !is_highly_restrictive(text) {
		return Err(HandleError::MixedScript);
	}
	let canonical = if reorder { reorder_marks(folded) } else { folded };
	if canonical.len() > MAX_CANONICAL_BYTES {
		return Err(HandleError::CanonicalTooLong);
	}
	if canonical.chars().count() < MIN_BASE_CHARS {
		return Err(HandleError::CanonicalTooShort);
	}
	if is_reserved(&canonical) {
		return Err(HandleError::Reserved);
	}
	Ok(ValidHandle { base: String::from(text), canonical })
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
