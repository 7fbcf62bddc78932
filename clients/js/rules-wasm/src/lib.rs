//! The rules of user handles (`handles-rules`) and the text owners sign (`handles-signing`) as a
//! WebAssembly module for JavaScript.
//!
//! No rule and no message format lives here: every function hands its input to the
//! `handles-rules` or `handles-signing` crate, the ones the pallet and the node use, and writes the
//! answer as JSON. The ABI is plain `extern "C"`:
//!
//! - `hr_alloc(len) -> ptr` and `hr_free(ptr, len)` manage the input buffers JavaScript writes;
//! - every query takes `(ptr, len)` of its input bytes (plus `u32` numbers where it needs them) and
//!   returns a pointer to a result: a `u32` little-endian byte count, then that many bytes of UTF-8
//!   JSON; `hr_free_result(ptr)` frees it;
//! - a result is `{"ok":true,...}` or `{"ok":false,"error":"<Variant>","message":"<sentence>"}`.
//!
//! The functions are total: any bytes of any length give a result, never a trap (the crate checks
//! sizes before it does work that depends on them; JavaScript bounds the input size besides). On
//! Wasm a panic would trap (`unreachable`), which JavaScript turns into an error; none is reachable.
#![cfg_attr(target_arch = "wasm32", no_std)]
#![deny(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

extern crate alloc;

use alloc::{format, string::String, vec::Vec};
use core::fmt::Write as _;

use handles_rules::{DisplayError, HandleError, HandleRule, SuffixRange};

#[cfg(all(target_arch = "wasm32", not(test)))]
#[global_allocator]
static ALLOCATOR: dlmalloc::GlobalDlmalloc = dlmalloc::GlobalDlmalloc;

#[cfg(all(target_arch = "wasm32", not(test)))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
	core::arch::wasm32::unreachable()
}

/// Version of this ABI; JavaScript refuses a module with another one.
pub const ABI_VERSION: u32 = 1;

/// Every rule, in the order of [`HandleRule`]'s variants.
const RULES: [HandleRule; 10] = [
	HandleRule::NotUtf8,
	HandleRule::TooShort,
	HandleRule::TooLong,
	HandleRule::ForbiddenCharacter,
	HandleRule::DisallowedCharacter,
	HandleRule::MixedScript,
	HandleRule::CanonicalTooShort,
	HandleRule::CanonicalTooLong,
	HandleRule::Reserved,
	HandleRule::LeadingCombiningMark,
];

/// Fails to compile when the crate gains a rule that [`RULES`] does not list.
const fn _every_rule_is_listed(rule: HandleRule) -> usize {
	match rule {
		HandleRule::NotUtf8 => 0,
		HandleRule::TooShort => 1,
		HandleRule::TooLong => 2,
		HandleRule::ForbiddenCharacter => 3,
		HandleRule::DisallowedCharacter => 4,
		HandleRule::MixedScript => 5,
		HandleRule::CanonicalTooShort => 6,
		HandleRule::CanonicalTooLong => 7,
		HandleRule::Reserved => 8,
		HandleRule::LeadingCombiningMark => 9,
	}
}

// ---------------------------------------------------------------------------------------------
// Memory.

/// Allocates `len` bytes (at least one) for JavaScript to write an input into; 0 when out of
/// memory.
#[no_mangle]
pub extern "C" fn hr_alloc(len: u32) -> *mut u8 {
	let mut buf: Vec<u8> = Vec::new();
	if buf.try_reserve_exact(len.max(1) as usize).is_err() {
		return core::ptr::null_mut();
	}
	let ptr = buf.as_mut_ptr();
	core::mem::forget(buf);
	ptr
}

/// Frees a buffer of [`hr_alloc`] with the same `len`.
///
/// # Safety
/// `ptr` comes from `hr_alloc(len)` and is not used afterwards.
#[no_mangle]
pub unsafe extern "C" fn hr_free(ptr: *mut u8, len: u32) {
	if !ptr.is_null() {
		// SAFETY: `hr_alloc` made a Vec of capacity `max(len, 1)` at `ptr`, length 0.
		drop(unsafe { Vec::from_raw_parts(ptr, 0, len.max(1) as usize) });
	}
}

/// Frees a result of any `hr_*` query.
///
/// # Safety
/// `ptr` is a result pointer returned by a query, not freed before.
#[no_mangle]
pub unsafe extern "C" fn hr_free_result(ptr: *mut u8) {
	if ptr.is_null() {
		return;
	}
	let mut len = [0u8; 4];
	// SAFETY: a result starts with its 4-byte length.
	unsafe { core::ptr::copy_nonoverlapping(ptr, len.as_mut_ptr(), 4) };
	let total = 4 + u32::from_le_bytes(len) as usize;
	// SAFETY: `into_result` leaked a boxed slice of exactly `total` bytes at `ptr`.
	drop(unsafe { Vec::from_raw_parts(ptr, total, total) });
}

/// The bytes JavaScript wrote at `ptr`.
///
/// # Safety
/// `ptr..ptr+len` is readable (or `len` is 0).
unsafe fn input<'a>(ptr: *const u8, len: u32) -> &'a [u8] {
	if ptr.is_null() || len == 0 {
		&[]
	} else {
		// SAFETY: the caller guarantees `len` readable bytes at `ptr`.
		unsafe { core::slice::from_raw_parts(ptr, len as usize) }
	}
}

/// `json` as a result buffer: its length (u32 LE), then its bytes. Null when out of memory.
fn into_result(json: String) -> *mut u8 {
	let len = json.len() as u32;
	let mut out: Vec<u8> = Vec::new();
	if out.try_reserve_exact(4 + json.len()).is_err() {
		return core::ptr::null_mut();
	}
	out.extend_from_slice(&len.to_le_bytes());
	out.extend_from_slice(json.as_bytes());
	// Capacity equals length, so `hr_free_result` can rebuild the Vec from the length alone.
	let mut out = core::mem::ManuallyDrop::new(out.into_boxed_slice());
	out.as_mut_ptr()
}

// ---------------------------------------------------------------------------------------------
// JSON.

/// Appends `s` as a JSON string literal.
fn push_str(out: &mut String, s: &str) {
	out.push('"');
	for c in s.chars() {
		match c {
			'"' => out.push_str("\\\""),
			'\\' => out.push_str("\\\\"),
			c if (c as u32) < 0x20 => {
				let _ = write!(out, "\\u{:04x}", c as u32);
			}
			c => out.push(c),
		}
	}
	out.push('"');
}

fn push_char(out: &mut String, c: char) {
	let mut buf = [0u8; 4];
	push_str(out, c.encode_utf8(&mut buf));
}

fn push_u32s(out: &mut String, values: &[u32]) {
	out.push('[');
	for (i, v) in values.iter().enumerate() {
		if i > 0 {
			out.push(',');
		}
		let _ = write!(out, "{v}");
	}
	out.push(']');
}

/// `{"ok":false,"error":"<error>","message":"<message>"}`.
fn failure(error: &str, message: &str) -> String {
	let mut out = String::from("{\"ok\":false,\"error\":");
	push_str(&mut out, error);
	out.push_str(",\"message\":");
	push_str(&mut out, message);
	out.push('}');
	out
}

/// The variant name of a rule (`ForbiddenCharacter`), as in the crate's `HandleRule`.
fn rule_id(rule: HandleRule) -> String {
	format!("{rule:?}")
}

/// The character a [`HandleError`] carries, if any.
fn error_char(e: &HandleError) -> Option<char> {
	match e {
		HandleError::ForbiddenCharacter(c)
		| HandleError::DisallowedCharacter(c)
		| HandleError::LeadingCombiningMark(c) => Some(*c),
		_ => None,
	}
}

fn display_error_id(e: DisplayError) -> String {
	format!("{e:?}")
}

fn utf8(bytes: &[u8]) -> Result<&str, String> {
	core::str::from_utf8(bytes).map_err(|_| failure("NotUtf8", "input is not valid UTF-8 text"))
}

// ---------------------------------------------------------------------------------------------
// Queries.

/// Version, constants and rule names: `{"ok":true,"abiVersion":..,"canonicalVersion":..,...}`.
#[no_mangle]
pub extern "C" fn hr_info() -> *mut u8 {
	into_result(info_json())
}

fn info_json() -> String {
	let mut out = String::from("{\"ok\":true");
	let ((u1, u2, u3), (s1, s2, s3)) = handles_rules::UNICODE_VERSIONS;
	let _ = write!(
		out,
		",\"abiVersion\":{ABI_VERSION},\"canonicalVersion\":{},\"unicodeVersion\":\"{u1}.{u2}.{u3}\",\"unicodeSecurityVersion\":\"{s1}.{s2}.{s3}\"",
		handles_rules::CANONICAL_VERSION,
	);
	let _ = write!(
		out,
		",\"maxBaseBytes\":{},\"minBaseChars\":{},\"maxCanonicalBytes\":{},\"maxDisplayBytes\":{},\"maxDisplayInputBytes\":{},\"maxSuffixDigits\":{},\"candidatesPerSeed\":{},\"maxSuffixOptions\":{},\"defaultSuffixMin\":{},\"defaultSuffixMax\":{}",
		handles_rules::MAX_BASE_BYTES,
		handles_rules::MIN_BASE_CHARS,
		handles_rules::MAX_CANONICAL_BYTES,
		handles_rules::MAX_DISPLAY_BYTES,
		handles_rules::MAX_DISPLAY_INPUT_BYTES,
		handles_rules::MAX_SUFFIX_DIGITS,
		handles_rules::CANDIDATES_PER_SEED,
		handles_rules::MAX_SUFFIX_OPTIONS,
		handles_rules::DEFAULT_SUFFIX_MIN,
		handles_rules::DEFAULT_SUFFIX_MAX,
	);
	out.push_str(",\"forbiddenChars\":[");
	for (i, c) in handles_rules::FORBIDDEN_CHARS.iter().enumerate() {
		if i > 0 {
			out.push(',');
		}
		push_char(&mut out, *c);
	}
	out.push_str("],\"defaultReserved\":[");
	for (i, r) in handles_rules::DEFAULT_RESERVED.iter().enumerate() {
		if i > 0 {
			out.push(',');
		}
		push_str(&mut out, r);
	}
	out.push_str("],\"rules\":[");
	for (i, rule) in RULES.iter().enumerate() {
		if i > 0 {
			out.push(',');
		}
		out.push_str("{\"id\":");
		push_str(&mut out, &rule_id(*rule));
		out.push_str(",\"name\":");
		push_str(&mut out, rule.name());
		out.push('}');
	}
	out.push_str("]}");
	out
}

/// Validates a base handle (any bytes) with the default reserved list:
/// `{"ok":true,"valid":true,"canonical":".."}` or
/// `{"ok":true,"valid":false,"rule":"<HandleRule>","ruleName":"..","message":"..","character":".."}`
/// (`character` only for the rules that name one).
///
/// # Safety
/// `ptr..ptr+len` is readable.
#[no_mangle]
pub unsafe extern "C" fn hr_validate(ptr: *const u8, len: u32) -> *mut u8 {
	// SAFETY: forwarded from the caller.
	into_result(validate_json(unsafe { input(ptr, len) }))
}

fn validate_json(base: &[u8]) -> String {
	match handles_rules::validate_with_default_reserved(base) {
		Ok(valid) => {
			let mut out = String::from("{\"ok\":true,\"valid\":true,\"canonical\":");
			push_str(&mut out, &valid.canonical);
			out.push('}');
			out
		}
		Err(e) => {
			let rule = e.rule();
			let mut out = String::from("{\"ok\":true,\"valid\":false,\"rule\":");
			push_str(&mut out, &rule_id(rule));
			out.push_str(",\"ruleName\":");
			push_str(&mut out, rule.name());
			out.push_str(",\"message\":");
			push_str(&mut out, &format!("{e}"));
			if let Some(c) = error_char(&e) {
				out.push_str(",\"character\":");
				push_char(&mut out, c);
			}
			out.push('}');
			out
		}
	}
}

/// The canonical form of any UTF-8 text (no rule is checked): `{"ok":true,"canonical":".."}`.
///
/// # Safety
/// `ptr..ptr+len` is readable.
#[no_mangle]
pub unsafe extern "C" fn hr_canonical(ptr: *const u8, len: u32) -> *mut u8 {
	// SAFETY: forwarded from the caller.
	into_result(canonical_json(unsafe { input(ptr, len) }))
}

fn canonical_json(text: &[u8]) -> String {
	match utf8(text) {
		Ok(text) => {
			let mut out = String::from("{\"ok\":true,\"canonical\":");
			push_str(&mut out, &handles_rules::canonical(text));
			out.push('}');
			out
		}
		Err(e) => e,
	}
}

/// Splits a seed-and-range input: `seed (32 bytes) ++ text`, with the range given apart.
fn seed_and_text(bytes: &[u8]) -> Result<([u8; 32], &[u8]), String> {
	let (seed, rest) =
		bytes.split_first_chunk::<32>().ok_or_else(|| failure("BadSeed", "a seed is 32 bytes"))?;
	Ok((*seed, rest))
}

fn range(min: u32, max: u32) -> Result<SuffixRange, String> {
	SuffixRange::new(min, max).map_err(|e| failure("MinAboveMax", &format!("{e}")))
}

/// The candidates of a canonical form under one seed, in draw order:
/// input `seed (32 bytes) ++ canonical (UTF-8)`; `{"ok":true,"candidates":[..]}`.
///
/// # Safety
/// `ptr..ptr+len` is readable.
#[no_mangle]
pub unsafe extern "C" fn hr_candidates(ptr: *const u8, len: u32, min: u32, max: u32) -> *mut u8 {
	// SAFETY: forwarded from the caller.
	into_result(candidates_json(unsafe { input(ptr, len) }, min, max).unwrap_or_else(|e| e))
}

fn candidates_json(bytes: &[u8], min: u32, max: u32) -> Result<String, String> {
	let (seed, canonical) = seed_and_text(bytes)?;
	let canonical = utf8(canonical)?;
	let range = range(min, max)?;
	let mut out = String::from("{\"ok\":true,\"candidates\":");
	push_u32s(&mut out, &handles_rules::candidates(&seed, canonical, range));
	out.push('}');
	Ok(out)
}

/// The suffix options of a base handle: it is validated (with the default reserved list), then
/// the options of its canonical form under both seeds are drawn. Input
/// `current (32 bytes) ++ previous (32 bytes) ++ base handle`. Result
/// `{"ok":true,"canonical":"..","current":[..],"previous":[..],"options":[..]}` (`current` and
/// `previous` in draw order, `options` their union ascending), or `{"ok":false,"error":
/// "InvalidHandle","rule":"..","message":".."}`.
///
/// # Safety
/// `ptr..ptr+len` is readable.
#[no_mangle]
pub unsafe extern "C" fn hr_suffix_options(
	ptr: *const u8,
	len: u32,
	min: u32,
	max: u32,
) -> *mut u8 {
	// SAFETY: forwarded from the caller.
	into_result(suffix_options_json(unsafe { input(ptr, len) }, min, max).unwrap_or_else(|e| e))
}

fn suffix_options_json(bytes: &[u8], min: u32, max: u32) -> Result<String, String> {
	let (current, rest) = seed_and_text(bytes)?;
	let (previous, base) = seed_and_text(rest)?;
	let range = range(min, max)?;
	let valid = handles_rules::validate_with_default_reserved(base).map_err(|e| {
		let mut out = String::from("{\"ok\":false,\"error\":\"InvalidHandle\",\"rule\":");
		push_str(&mut out, &rule_id(e.rule()));
		out.push_str(",\"message\":");
		push_str(&mut out, &format!("{e}"));
		out.push('}');
		out
	})?;
	let canonical = valid.canonical.as_str();
	let mut out = String::from("{\"ok\":true,\"canonical\":");
	push_str(&mut out, canonical);
	out.push_str(",\"current\":");
	push_u32s(&mut out, &handles_rules::candidates(&current, canonical, range));
	out.push_str(",\"previous\":");
	push_u32s(&mut out, &handles_rules::candidates(&previous, canonical, range));
	out.push_str(",\"options\":");
	push_u32s(&mut out, &handles_rules::suffix_options(&current, &previous, canonical, range));
	out.push('}');
	Ok(out)
}

/// The MSA id a new MSA takes for `(canonical, suffix)`: `{"ok":true,"msaId":..}`.
///
/// # Safety
/// `ptr..ptr+len` is readable.
#[no_mangle]
pub unsafe extern "C" fn hr_msa_id(ptr: *const u8, len: u32, suffix: u32) -> *mut u8 {
	// SAFETY: forwarded from the caller.
	let bytes = unsafe { input(ptr, len) };
	into_result(match utf8(bytes) {
		Ok(canonical) => {
			format!("{{\"ok\":true,\"msaId\":{}}}", handles_rules::msa_id(canonical, suffix))
		}
		Err(e) => e,
	})
}

/// Parses a display handle `base.suffix`: `{"ok":true,"base":"..","suffix":..}` or
/// `{"ok":false,"error":"<DisplayError>","message":".."}`.
///
/// # Safety
/// `ptr..ptr+len` is readable.
#[no_mangle]
pub unsafe extern "C" fn hr_parse_display(ptr: *const u8, len: u32) -> *mut u8 {
	// SAFETY: forwarded from the caller.
	let bytes = unsafe { input(ptr, len) };
	into_result(match handles_rules::parse_display(bytes) {
		Ok((base, suffix)) => {
			let mut out = String::from("{\"ok\":true,\"base\":");
			push_str(&mut out, base);
			let _ = write!(out, ",\"suffix\":{suffix}}}");
			out
		}
		Err(e) => failure(&display_error_id(e), &format!("{e}")),
	})
}

/// Formats the display handle `base.suffix`: `{"ok":true,"display":".."}`.
///
/// # Safety
/// `ptr..ptr+len` is readable.
#[no_mangle]
pub unsafe extern "C" fn hr_format_display(ptr: *const u8, len: u32, suffix: u32) -> *mut u8 {
	// SAFETY: forwarded from the caller.
	let bytes = unsafe { input(ptr, len) };
	into_result(match utf8(bytes) {
		Ok(base) => {
			let mut out = String::from("{\"ok\":true,\"display\":");
			push_str(&mut out, &handles_rules::format_display(base, suffix));
			out.push('}');
			out
		}
		Err(e) => e,
	})
}

// ---------------------------------------------------------------------------------------------
// Signing messages (crate `handles-signing`).

/// Reads one text field of a signing input: a `u32` little-endian byte count (`u32::MAX`: absent),
/// then the bytes. Returns the field and the rest.
fn field(bytes: &[u8]) -> Result<(Option<&[u8]>, &[u8]), String> {
	let bad = || failure("BadInput", "the signing input is cut short");
	let (len, rest) = bytes.split_first_chunk::<4>().ok_or_else(bad)?;
	let len = u32::from_le_bytes(*len);
	if len == u32::MAX {
		return Ok((None, rest));
	}
	let len = len as usize;
	let value = rest.get(..len).ok_or_else(bad)?;
	Ok((Some(value), rest.get(len..).unwrap_or(&[])))
}

/// The text an owner signs for a payload (crate `handles-signing`): `{"ok":true,"message":".."}`.
/// `call` is the payload kind (0 create, 1 retire, 2 change, 3 transfer); the input is
/// `genesis hash (32) ++ owner (32) ++ new owner (32)`, then three text fields (see [`field`]): the
/// chain's name, handle A and handle B. Create: A the base handle, `suffix`. Retire: A the
/// display handle. Change: A the old display handle (absent: none), B the new base handle,
/// `suffix` the new suffix. Transfer: A the MSA's display handle (absent: none), the accounts.
/// Fields a call does not use are ignored; a call needs its fields (`{"ok":false,"error":
/// "BadInput",..}`); `ss58_prefix` is at most 65535 (`BadPrefix`).
///
/// # Safety
/// `ptr..ptr+len` is readable.
#[no_mangle]
pub unsafe extern "C" fn hr_signing_message(
	ptr: *const u8,
	len: u32,
	call: u32,
	msa_id: u32,
	suffix: u32,
	expiration: u32,
	ss58_prefix: u32,
) -> *mut u8 {
	// SAFETY: forwarded from the caller.
	let bytes = unsafe { input(ptr, len) };
	into_result(
		signing_json(bytes, call, msa_id, suffix, expiration, ss58_prefix).unwrap_or_else(|e| e),
	)
}

fn signing_json(
	bytes: &[u8],
	call: u32,
	msa_id: u32,
	suffix: u32,
	expiration: u32,
	ss58_prefix: u32,
) -> Result<String, String> {
	use handles_signing::{Call, Chain, Message};
	let call = u8::try_from(call).ok().and_then(Call::from_kind).ok_or_else(|| {
		failure("BadInput", "the call is 0 create, 1 retire, 2 change or 3 transfer")
	})?;
	let ss58_prefix = u16::try_from(ss58_prefix)
		.map_err(|_| failure("BadPrefix", "an SS58 prefix is at most 65535"))?;
	let cut = || failure("BadInput", "the signing input is cut short");
	let (genesis_hash, rest) = bytes.split_first_chunk::<32>().ok_or_else(cut)?;
	let (owner, rest) = rest.split_first_chunk::<32>().ok_or_else(cut)?;
	let (new_owner, rest) = rest.split_first_chunk::<32>().ok_or_else(cut)?;
	let (name, rest) = field(rest)?;
	let (a, rest) = field(rest)?;
	let (b, _) = field(rest)?;
	let name = utf8(name.unwrap_or_default())?;
	let missing =
		|what: &str| failure("BadInput", &format!("the {} payload lacks {what}", call.name()));
	let message = match call {
		Call::Create => Message::Create {
			base_handle: a.ok_or_else(|| missing("baseHandle"))?,
			suffix,
			expiration,
		},
		Call::Retire => {
			Message::Retire { msa_id, handle: a.ok_or_else(|| missing("handle"))?, expiration }
		}
		Call::Change => Message::Change {
			msa_id,
			old_handle: a,
			new_base_handle: b.ok_or_else(|| missing("newBaseHandle"))?,
			new_suffix: suffix,
			expiration,
		},
		Call::Transfer => Message::Transfer {
			msa_id,
			handle: a,
			owner: *owner,
			new_owner: *new_owner,
			expiration,
		},
	};
	let chain = Chain { name, genesis_hash: *genesis_hash, ss58_prefix };
	let mut out = String::from("{\"ok\":true,\"message\":");
	push_str(&mut out, &handles_signing::signing_message(&chain, &message));
	out.push('}');
	Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
	use super::*;

	fn call(result: *mut u8) -> String {
		let mut len = [0u8; 4];
		unsafe { core::ptr::copy_nonoverlapping(result, len.as_mut_ptr(), 4) };
		let len = u32::from_le_bytes(len) as usize;
		let json = unsafe { core::slice::from_raw_parts(result.add(4), len) }.to_vec();
		unsafe { hr_free_result(result) };
		String::from_utf8(json).unwrap()
	}

	fn with_input(bytes: &[u8], f: impl FnOnce(*const u8, u32) -> *mut u8) -> String {
		let len = bytes.len() as u32;
		let ptr = hr_alloc(len);
		unsafe { core::ptr::copy_nonoverlapping(bytes.as_ptr(), ptr, bytes.len()) };
		let out = call(f(ptr, len));
		unsafe { hr_free(ptr, len) };
		out
	}

	#[test]
	fn validate_reports_canonical_or_rule() {
		let ok = with_input(b"Alice", |p, l| unsafe { hr_validate(p, l) });
		assert_eq!(ok, r#"{"ok":true,"valid":true,"canonical":"allce"}"#);
		let bad = with_input(b"ali@ce", |p, l| unsafe { hr_validate(p, l) });
		assert!(bad.starts_with(r#"{"ok":true,"valid":false,"rule":"ForbiddenCharacter","ruleName":"forbidden character","message":"forbidden character '@' (U+0040)"#), "{bad}");
		assert!(bad.ends_with(r#","character":"@"}"#), "{bad}");
		let not_utf8 = with_input(&[0xff, 0xfe], |p, l| unsafe { hr_validate(p, l) });
		assert!(not_utf8.contains(r#""rule":"NotUtf8""#), "{not_utf8}");
		let empty = call(unsafe { hr_validate(core::ptr::null(), 0) });
		assert!(empty.contains(r#""rule":"TooShort""#), "{empty}");
	}

	#[test]
	fn json_escapes_quotes_backslashes_and_controls() {
		let mut out = String::new();
		push_str(&mut out, "a\"b\\c\u{1}\u{7f}é");
		assert_eq!(out, "\"a\\\"b\\\\c\\u0001\u{7f}é\"");
		let tab = with_input(b"a\tb", |p, l| unsafe { hr_validate(p, l) });
		assert!(tab.contains(r#""character":"\u0009""#), "{tab}");
	}

	#[test]
	fn suffix_queries_match_the_readme_vectors() {
		let mut input = [0u8; 32].to_vec();
		input.extend_from_slice(b"allce");
		let out = with_input(&input, |p, l| unsafe { hr_candidates(p, l, 1000, 9999) });
		assert_eq!(
			out,
			r#"{"ok":true,"candidates":[8353,5509,5515,2346,5911,6372,2505,7631,1933,9501]}"#
		);
		let bad = with_input(&input, |p, l| unsafe { hr_candidates(p, l, 10, 9) });
		assert!(bad.contains(r#""error":"MinAboveMax""#), "{bad}");
		let short = with_input(&[0u8; 31], |p, l| unsafe { hr_candidates(p, l, 0, 9) });
		assert!(short.contains(r#""error":"BadSeed""#), "{short}");
		let mut both = [0u8; 64].to_vec();
		both.extend_from_slice(b"Alice");
		let out = with_input(&both, |p, l| unsafe { hr_suffix_options(p, l, 1000, 9999) });
		assert!(
			out.contains(r#""options":[1933,2346,2505,5509,5515,5911,6372,7631,8353,9501]"#),
			"{out}"
		);
		let mut reserved = [0u8; 64].to_vec();
		reserved.extend_from_slice(b"ADMIN");
		let out = with_input(&reserved, |p, l| unsafe { hr_suffix_options(p, l, 1000, 9999) });
		assert!(out.contains(r#""error":"InvalidHandle","rule":"Reserved""#), "{out}");
	}

	#[test]
	fn msa_ids_and_display_handles() {
		let out = with_input(b"allce", |p, l| unsafe { hr_msa_id(p, l, 4821) });
		assert_eq!(out, r#"{"ok":true,"msaId":2891683559}"#);
		let out =
			with_input("alice.４８２１".as_bytes(), |p, l| unsafe { hr_parse_display(p, l) });
		assert_eq!(out, r#"{"ok":true,"base":"alice","suffix":4821}"#);
		let out = with_input(b"alice", |p, l| unsafe { hr_parse_display(p, l) });
		assert!(out.contains(r#""error":"MissingSuffix""#), "{out}");
		let out = with_input(b"Alice", |p, l| unsafe { hr_format_display(p, l, 4821) });
		assert_eq!(out, r#"{"ok":true,"display":"Alice.4821"}"#);
	}

	#[test]
	fn info_lists_every_rule_once() {
		let info = call(hr_info());
		for rule in RULES {
			assert_eq!(info.matches(&format!("\"id\":\"{rule:?}\"")).count(), 1, "{info}");
		}
		assert!(info.contains("\"abiVersion\":1"), "{info}");
	}
	/// A signing input: genesis hash, owner, new owner, then the chain name and handles A and B.
	fn signing_input(owner: [u8; 32], name: &[u8], a: Option<&[u8]>, b: Option<&[u8]>) -> Vec<u8> {
		let mut input: Vec<u8> = (1..=32).collect();
		input.extend_from_slice(&owner);
		input.extend_from_slice(&[0xee; 32]);
		for field in [Some(name), a, b] {
			match field {
				Some(bytes) => {
					input.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
					input.extend_from_slice(bytes);
				}
				None => input.extend_from_slice(&u32::MAX.to_le_bytes()),
			}
		}
		input
	}

	#[test]
	fn signing_messages_are_the_crates() {
		let input = signing_input([0; 32], b"Handles", Some(b"Alice"), None);
		let out =
			with_input(&input, |p, l| unsafe { hr_signing_message(p, l, 0, 0, 4821, 1234, 42) });
		assert_eq!(
			out,
			r#"{"ok":true,"message":"Handles: claim Alice.4821\u000aChain: Handles 0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20\u000aValid until block: 1234"}"#
		);
		let input = signing_input([0; 32], b"Handles", None, Some(b"Bob"));
		let out = with_input(&input, |p, l| unsafe { hr_signing_message(p, l, 2, 7, 2002, 1, 42) });
		assert!(
			out.starts_with(
				r#"{"ok":true,"message":"Handles: change MSA 7 from no handle to Bob.2002\u000a"#
			),
			"{out}"
		);
		let input = signing_input([0; 32], b"X", Some(b"a.1"), None);
		let out = with_input(&input, |p, l| unsafe { hr_signing_message(p, l, 3, 9, 0, 1, 0) });
		let chain = handles_signing::Chain {
			name: "X",
			genesis_hash: core::array::from_fn(|i| i as u8 + 1),
			ss58_prefix: 0,
		};
		let message = handles_signing::Message::Transfer {
			msa_id: 9,
			handle: Some(b"a.1"),
			owner: [0; 32],
			new_owner: [0xee; 32],
			expiration: 1,
		};
		let mut expected = String::from("{\"ok\":true,\"message\":");
		push_str(&mut expected, &handles_signing::signing_message(&chain, &message));
		expected.push('}');
		assert_eq!(out, expected);
		// Refusals: a call out of range, a cut input, a missing field, a prefix over 16 bits.
		let bad = with_input(&input, |p, l| unsafe { hr_signing_message(p, l, 4, 0, 0, 0, 42) });
		assert!(bad.contains(r#""error":"BadInput""#), "{bad}");
		let cut = with_input(input.get(..100).unwrap(), |p, l| unsafe {
			hr_signing_message(p, l, 0, 0, 0, 0, 42)
		});
		assert!(cut.contains("cut short"), "{cut}");
		let missing = with_input(&signing_input([0; 32], b"H", None, None), |p, l| unsafe {
			hr_signing_message(p, l, 1, 0, 0, 0, 42)
		});
		assert!(missing.contains("the retire payload lacks handle"), "{missing}");
		let prefix =
			with_input(&input, |p, l| unsafe { hr_signing_message(p, l, 0, 0, 0, 0, 65536) });
		assert!(prefix.contains(r#""error":"BadPrefix""#), "{prefix}");
		let empty = call(unsafe { hr_signing_message(core::ptr::null(), 0, 0, 0, 0, 0, 42) });
		assert!(empty.contains("cut short"), "{empty}");
	}
}
