//! Validation errors, one per rule.

use core::fmt;

use crate::canonical::MAX_CANONICAL_BYTES;
use crate::validate::{MAX_BASE_BYTES, MIN_BASE_CHARS};

/// Why a base handle was refused. Each variant names one rule (the crate README, "The rules in
/// plain words"); its [`Display`](core::fmt::Display) text says which rule and, where useful, which
/// character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HandleError {
	/// The bytes are not valid UTF-8.
	NotUtf8,
	/// Fewer than [`MIN_BASE_CHARS`] characters.
	TooShort,
	/// More than [`MAX_BASE_BYTES`] bytes.
	TooLong,
	/// The handle contains one of [`FORBIDDEN_CHARS`](crate::FORBIDDEN_CHARS), or a character whose
	/// canonical form contains one (fullwidth `＠`, small `﹫`, `．`...). Carries that character.
	ForbiddenCharacter(char),
	/// A character that is not allowed in identifiers by the UTS #39 general security profile
	/// (whitespace, controls, invisible or format characters, emoji, symbols...).
	DisallowedCharacter(char),
	/// The handle mixes scripts beyond the UTS #39 "highly restrictive" level.
	MixedScript,
	/// The canonical form has fewer than [`MIN_BASE_CHARS`] characters.
	CanonicalTooShort,
	/// The canonical form is longer than [`MAX_CANONICAL_BYTES`] bytes.
	CanonicalTooLong,
	/// The canonical form is a reserved handle.
	Reserved,
	/// The handle begins with a combining mark (General_Category M), which would attach to
	/// whatever precedes it on screen. Carries that mark.
	LeadingCombiningMark(char),
}

impl HandleError {
	/// The rule this error belongs to, as a fieldless value (for storage, events and codecs).
	pub fn rule(&self) -> HandleRule {
		match self {
			HandleError::NotUtf8 => HandleRule::NotUtf8,
			HandleError::TooShort => HandleRule::TooShort,
			HandleError::TooLong => HandleRule::TooLong,
			HandleError::ForbiddenCharacter(_) => HandleRule::ForbiddenCharacter,
			HandleError::DisallowedCharacter(_) => HandleRule::DisallowedCharacter,
			HandleError::MixedScript => HandleRule::MixedScript,
			HandleError::CanonicalTooShort => HandleRule::CanonicalTooShort,
			HandleError::CanonicalTooLong => HandleRule::CanonicalTooLong,
			HandleError::Reserved => HandleRule::Reserved,
			HandleError::LeadingCombiningMark(_) => HandleRule::LeadingCombiningMark,
		}
	}
}

impl fmt::Display for HandleError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			HandleError::NotUtf8 => f.write_str("not UTF-8: a handle must be valid UTF-8 text"),
			HandleError::TooShort => write!(
				f,
				"too short: a handle must have at least {MIN_BASE_CHARS} characters"
			),
			HandleError::TooLong => {
				write!(f, "too long: a handle may have at most {MAX_BASE_BYTES} bytes of UTF-8")
			},
			HandleError::ForbiddenCharacter(c) => write!(
				f,
				"forbidden character '{}' (U+{:04X}): handles may not contain @ # : . ` or characters that look like them (middle dots included)",
				c.escape_debug(),
				u32::from(*c)
			),
			HandleError::DisallowedCharacter(c) => write!(
				f,
				"disallowed character '{}' (U+{:04X}): only letters, marks and digits allowed in identifiers by Unicode UTS #39, plus - and _, may be used (no spaces, invisible or control characters, emoji or symbols)",
				c.escape_debug(),
				u32::from(*c)
			),
			HandleError::MixedScript => f.write_str(
				"mixed scripts: a handle must use one script (or Han with Kana, Bopomofo or Hangul, as UTS #39 'highly restrictive' allows); digits, - and _ go with any",
			),
			HandleError::CanonicalTooShort => write!(
				f,
				"canonical form too short: after folding look-alikes the handle must keep at least {MIN_BASE_CHARS} characters"
			),
			HandleError::CanonicalTooLong => write!(
				f,
				"canonical form too long: after folding look-alikes the handle must fit {MAX_CANONICAL_BYTES} bytes"
			),
			HandleError::Reserved => f.write_str(
				"reserved: this handle, or one that looks like it, is reserved",
			),
			HandleError::LeadingCombiningMark(c) => write!(
				f,
				"leading combining mark '{}' (U+{:04X}): a handle may not begin with a combining mark",
				c.escape_debug(),
				u32::from(*c)
			),
		}
	}
}

#[cfg(feature = "std")]
impl std::error::Error for HandleError {}

/// The rule a [`HandleError`] belongs to, without the character it may carry. With the `codec`
/// feature it is SCALE-encodable (one byte) and has type information.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
	feature = "codec",
	derive(
		codec::Encode,
		codec::Decode,
		codec::DecodeWithMemTracking,
		codec::MaxEncodedLen,
		scale_info::TypeInfo
	)
)]
pub enum HandleRule {
	/// The bytes are not valid UTF-8.
	NotUtf8,
	/// Fewer than the minimum number of characters.
	TooShort,
	/// More than the maximum number of bytes.
	TooLong,
	/// Contains a forbidden character or a look-alike of one.
	ForbiddenCharacter,
	/// Contains a character not allowed in identifiers.
	DisallowedCharacter,
	/// Mixes scripts beyond "highly restrictive".
	MixedScript,
	/// The canonical form is too short.
	CanonicalTooShort,
	/// The canonical form is too long.
	CanonicalTooLong,
	/// The canonical form is reserved.
	Reserved,
	/// Begins with a combining mark.
	LeadingCombiningMark,
}

impl HandleRule {
	/// A short, stable, human-readable name of the rule (for example `"forbidden character"`).
	pub fn name(&self) -> &'static str {
		match self {
			HandleRule::NotUtf8 => "not UTF-8",
			HandleRule::TooShort => "too short",
			HandleRule::TooLong => "too long",
			HandleRule::ForbiddenCharacter => "forbidden character",
			HandleRule::DisallowedCharacter => "disallowed character",
			HandleRule::MixedScript => "mixed scripts",
			HandleRule::CanonicalTooShort => "canonical form too short",
			HandleRule::CanonicalTooLong => "canonical form too long",
			HandleRule::Reserved => "reserved",
			HandleRule::LeadingCombiningMark => "leading combining mark",
		}
	}
}

impl fmt::Display for HandleRule {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(self.name())
	}
}
