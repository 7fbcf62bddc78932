//! Display handles: `base.suffix`.

use alloc::string::String;
use core::fmt;

use crate::{canonical::CharInfo, tables::DIGIT_ZEROS, validate::MAX_BASE_BYTES, Suffix};

/// Most decimal digits of a suffix (`u32::MAX` has 10).
pub const MAX_SUFFIX_DIGITS: usize = 10;
/// Longest display handle in bytes as [`format_display`] writes it: a base handle, the `.` and
/// the longest suffix in ASCII digits.
pub const MAX_DISPLAY_BYTES: usize = MAX_BASE_BYTES + 1 + MAX_SUFFIX_DIGITS;
/// Longest display handle in bytes that [`parse_display`] reads: the suffix may be written in
/// any Unicode decimal digits, which take up to 4 bytes each.
pub const MAX_DISPLAY_INPUT_BYTES: usize = MAX_BASE_BYTES + 1 + 4 * MAX_SUFFIX_DIGITS;

/// Why a display handle could not be parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisplayError {
	/// The bytes are not valid UTF-8.
	NotUtf8,
	/// Longer than [`MAX_DISPLAY_INPUT_BYTES`] bytes.
	TooLong,
	/// There is no `.` separating the base from the suffix.
	MissingSuffix,
	/// Nothing before the last `.`.
	EmptyBase,
	/// The suffix is empty, not decimal, mixes kinds of digits, has a sign or leading zeros, or
	/// does not fit a `u32`.
	InvalidSuffix,
	/// The base (before the last `.`) contains a `.` itself; no base handle does.
	DottedBase,
	/// The base begins with a combining mark; no base handle does.
	LeadingCombiningMark,
}

impl fmt::Display for DisplayError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			DisplayError::NotUtf8 => f.write_str("display handle is not valid UTF-8"),
			DisplayError::TooLong => write!(
				f,
				"display handle too long: at most {MAX_DISPLAY_INPUT_BYTES} bytes (base, '.', suffix)"
			),
			DisplayError::MissingSuffix => f.write_str(
				"display handle has no suffix: expected base.suffix, for example Alice.4821",
			),
			DisplayError::EmptyBase => {
				f.write_str("display handle has an empty base: expected base.suffix")
			},
			DisplayError::InvalidSuffix => f.write_str(
				"invalid suffix: expected decimal digits of one kind, without sign or leading zeros, that fit in 32 bits",
			),
			DisplayError::DottedBase => f.write_str(
				"display handle has a '.' in its base: expected base.suffix with one '.', for example Alice.4821",
			),
			DisplayError::LeadingCombiningMark => f.write_str(
				"display handle begins with a combining mark: no base handle does",
			),
		}
	}
}

#[cfg(feature = "std")]
impl std::error::Error for DisplayError {}

/// Writes `value` in decimal into `buf` and returns the digits.
pub(crate) fn decimal(value: u32, buf: &mut [u8; MAX_SUFFIX_DIGITS]) -> &[u8] {
	let mut v = value;
	let mut start = MAX_SUFFIX_DIGITS;
	loop {
		start -= 1;
		if let Some(slot) = buf.get_mut(start) {
			*slot = b'0' + (v % 10) as u8;
		}
		v /= 10;
		if v == 0 || start == 0 {
			break;
		}
	}
	buf.get(start..).unwrap_or(&[])
}

/// The display handle `base.suffix`, for example `Alice.4821`.
pub fn format_display(base: &str, suffix: Suffix) -> String {
	let mut buf = [0u8; MAX_SUFFIX_DIGITS];
	let digits = decimal(suffix, &mut buf);
	let mut out = String::with_capacity(base.len() + 1 + digits.len());
	out.push_str(base);
	out.push('.');
	for d in digits {
		out.push(char::from(*d));
	}
	out
}

/// Splits a display handle at its last `.` into the base and the suffix.
///
/// The whole input is at most [`MAX_DISPLAY_INPUT_BYTES`] bytes of UTF-8; the base is not empty,
/// holds no `.` (`DottedBase`) and does not begin with a combining mark; the suffix is decimal,
/// without sign or leading zeros (`0` alone is fine), and fits a `u32`. Suffix digits may be any
/// Unicode decimal digits (General_Category Nd, pinned data), all of one kind: `alice.4821`,
/// `alice.４８２１` (fullwidth) and `alice.४८२१` (Devanagari) give the same suffix; `alice.4８21`
/// is refused. The base is returned as written: validate or canonicalize it to look the handle up.
pub fn parse_display(display: &[u8]) -> Result<(&str, Suffix), DisplayError> {
	if display.len() > MAX_DISPLAY_INPUT_BYTES {
		return Err(DisplayError::TooLong);
	}
	let text = core::str::from_utf8(display).map_err(|_| DisplayError::NotUtf8)?;
	let (base, suffix) = text.rsplit_once('.').ok_or(DisplayError::MissingSuffix)?;
	let first = base.chars().next().ok_or(DisplayError::EmptyBase)?;
	if base.contains('.') {
		return Err(DisplayError::DottedBase);
	}
	if CharInfo::of(first).is_mark() {
		return Err(DisplayError::LeadingCombiningMark);
	}
	Ok((base, parse_suffix(suffix)?))
}

/// The decimal digit `c` as (the code point of the zero of its kind, its value).
#[inline]
pub(crate) fn decimal_digit(c: char) -> Option<(u32, u32)> {
	let cp = u32::from(c);
	if c.is_ascii_digit() {
		return Some((u32::from(b'0'), cp - u32::from(b'0')));
	}
	let run = DIGIT_ZEROS.partition_point(|zero| *zero <= cp).checked_sub(1)?;
	let zero = *DIGIT_ZEROS.get(run)?;
	let value = cp - zero;
	(value < 10).then_some((zero, value))
}

fn parse_suffix(digits: &str) -> Result<Suffix, DisplayError> {
	let mut kind = None;
	let mut count = 0usize;
	let mut value: u32 = 0;
	for c in digits.chars() {
		let (zero, digit) = decimal_digit(c).ok_or(DisplayError::InvalidSuffix)?;
		if *kind.get_or_insert(zero) != zero {
			return Err(DisplayError::InvalidSuffix);
		}
		if count == 1 && value == 0 {
			// A leading zero.
			return Err(DisplayError::InvalidSuffix);
		}
		count += 1;
		if count > MAX_SUFFIX_DIGITS {
			return Err(DisplayError::InvalidSuffix);
		}
		value = value
			.checked_mul(10)
			.and_then(|v| v.checked_add(digit))
			.ok_or(DisplayError::InvalidSuffix)?;
	}
	if count == 0 {
		return Err(DisplayError::InvalidSuffix);
	}
	Ok(value)
}
