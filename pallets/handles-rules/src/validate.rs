//! Validation of a base handle.

use alloc::{string::String, vec::Vec};

use unicode_security::{GeneralSecurityProfile, RestrictionLevel, RestrictionLevelDetection};

use crate::{
	canonical::{canonical, folds_to_forbidden, MAX_CANONICAL_BYTES},
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

/// Whether `c` is invisible in the sense of Unicode's Default_Ignorable_Code_Point (zero-width
/// joiners and the like, which UTS #39 otherwise allows in identifiers).
fn is_invisible(c: char) -> bool {
	let mut buf = [0u8; 4];
	let empty = unicode_security::skeleton(c.encode_utf8(&mut buf)).next().is_none();
	empty
}

/// Validates a base handle against every rule, in rule order, and returns it with its canonical
/// form. `is_reserved` is asked about the canonical form.
pub fn validate(
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
	for c in text.chars() {
		if FORBIDDEN_CHARS.contains(&c) || folds_to_forbidden(c) {
			return Err(HandleError::ForbiddenCharacter(c));
		}
	}
	for c in text.chars() {
		if !c.identifier_allowed() || is_invisible(c) {
			return Err(HandleError::DisallowedCharacter(c));
		}
	}
	if text.detect_restriction_level() > RestrictionLevel::HighlyRestrictive {
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
