//! JSON-RPC error codes of the `handles_*` methods.
//!
//! Every failure is a JSON-RPC error object whose `code` is one of the constants below and whose
//! `message` says what is wrong in words (for example `base handle is 40 bytes, at most 32 are
//! allowed`). The codes lie in the application range 8000..=8099, clear of the JSON-RPC reserved
//! range (-32768..=-32000) and of the codes other Substrate RPC modules use. A malformed request
//! (a parameter of the wrong JSON type, a block hash that is not 32 bytes of `0x` hex, a missing
//! parameter) is rejected by jsonrpsee itself with the standard `-32602` (invalid params);
//! `handles_signingMessage` answers `-32602` too for an unknown `call` and for a payload field the
//! call needs but lacks, or has but does not take.

use jsonrpsee::types::ErrorObjectOwned;

/// The runtime API call failed (the runtime could not be executed at the block, lacks
/// `HandlesApi`, or returned data that is not UTF-8 where text was expected).
pub const RUNTIME_ERROR: i32 = 8000;
/// The `at` block hash names a block this node does not know.
pub const UNKNOWN_BLOCK: i32 = 8001;
/// A base handle is longer than `handles_rules::MAX_BASE_BYTES` bytes or a display handle is
/// longer than `handles_rules::MAX_DISPLAY_INPUT_BYTES` bytes (lengths count UTF-8 bytes, not
/// characters).
pub const HANDLE_TOO_LONG: i32 = 8002;
/// A display handle is not `base.suffix` with a non-empty base and a decimal `u32` suffix without
/// sign or leading zeros.
pub const MALFORMED_DISPLAY_HANDLE: i32 = 8003;
/// An account parameter is not an SS58 address of a 32-byte account in a known address format.
pub const INVALID_ACCOUNT: i32 = 8004;
/// The runtime refused a base handle because it breaks a handle rule (the message names the rule).
/// `handles_getSuffixOptions` returns it (and `handles_getMsaForHandle` would relay it, though its
/// runtime method canonicalizes without validating, so it does not refuse bases today);
/// `handles_validateHandle` reports broken rules in its result instead.
pub const INVALID_HANDLE: i32 = 8005;
/// A batch lookup (`handles_getHandlesForMsas`, `handles_getMsasForHandles`) of more than
/// `pallet_handles_runtime_api::MAX_BATCH_LOOKUPS` (100) entries; the message says the limit.
pub const TOO_MANY_LOOKUPS: i32 = 8006;

/// An error object with `code` and `message` and no data.
pub(crate) fn error(code: i32, message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(code, message.into(), None::<()>)
}

/// A runtime API failure, with the method that failed.
pub(crate) fn runtime_error(method: &str, err: impl core::fmt::Display) -> ErrorObjectOwned {
	error(RUNTIME_ERROR, format!("runtime API call {method} failed: {err}"))
}
