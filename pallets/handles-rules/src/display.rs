//! Display handles: `base.suffix`.

use alloc::string::String;
use core::fmt;

use crate::{validate::MAX_BASE_BYTES, Suffix};

/// Most decimal digits of a suffix (`u32::MAX` has 10).
pub const MAX_SUFFIX_DIGITS: usize = 10;
/// Longest display handle in bytes: a base handle, the `.` and the longest suffix.
pub const MAX_DISPLAY_BYTES: usize = MAX_BASE_BYTES + 1 + MAX_SUFFIX_DIGITS;

/// Why a display handle could not be parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisplayError {
	/// The bytes are not valid UTF-8.
	NotUtf8,
	/// Longer than [`MAX_DISPLAY_BYTES`] bytes.
	TooLong,
	/// There is no `.` separating the base from the suffix.
	MissingSuffix,
	/// Nothing before the last `.`.
	EmptyBase,
	/// The suffix is empty, not decimal, has a sign or leading zeros, or does not fit a `u32`.
	InvalidSuffix,
}

impl fmt::Display for DisplayError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			DisplayError::NotUtf8 => f.write_str("display handle is not valid UTF-8"),
			DisplayError::TooLong => write!(
				f,
				"display handle too long: at most {MAX_DISPLAY_BYTES} bytes (base, '.', suffix)"
			),
			DisplayError::MissingSuffix => f.write_str(
				"display handle has no suffix: expected base.suffix, for example Alice.4821",
			),
			DisplayError::EmptyBase => {
				f.write_str("display handle has an empty base: expected base.suffix")
			},
			DisplayError::InvalidSuffix => f.write_str(
				"invalid suffix: expected decimal digits without sign or leading zeros that fit in 32 bits",
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
/// The whole input is at most [`MAX_DISPLAY_BYTES`] bytes of UTF-8; the base is not empty; the
/// suffix is decimal, without sign or leading zeros (`0` alone is fine), and fits a `u32`. The base
/// is returned as written: validate or canonicalize it to look the handle up.
pub fn parse_display(display: &[u8]) -> Result<(&str, Suffix), DisplayError> {
	if display.len() > MAX_DISPLAY_BYTES {
		return Err(DisplayError::TooLong);
	}
	let text = core::str::from_utf8(display).map_err(|_| DisplayError::NotUtf8)?;
	let (base, suffix) = text.rsplit_once('.').ok_or(DisplayError::MissingSuffix)?;
	if base.is_empty() {
		return Err(DisplayError::EmptyBase);
	}
	Ok((base, parse_suffix(suffix)?))
}

fn parse_suffix(digits: &str) -> Result<Suffix, DisplayError> {
	let bytes = digits.as_bytes();
	if bytes.is_empty() || bytes.len() > MAX_SUFFIX_DIGITS {
		return Err(DisplayError::InvalidSuffix);
	}
	if bytes.len() > 1 && bytes.first() == Some(&b'0') {
		return Err(DisplayError::InvalidSuffix);
	}
	let mut value: u32 = 0;
	for b in bytes {
		if !b.is_ascii_digit() {
			return Err(DisplayError::InvalidSuffix);
		}
		value = value
			.checked_mul(10)
			.and_then(|v| v.checked_add(u32::from(b - b'0')))
			.ok_or(DisplayError::InvalidSuffix)?;
	}
	Ok(value)
}
