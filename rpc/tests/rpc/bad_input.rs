//! Bad input is a JSON-RPC error with a distinct code and a message that says what is wrong; it
//! never reaches the runtime when the RPC can tell by itself, and never panics.

use handles_rpc::error::{
	HANDLE_TOO_LONG, INVALID_ACCOUNT, INVALID_HANDLE, MALFORMED_DISPLAY_HANDLE, RUNTIME_ERROR,
};
use handles_rules::{MAX_BASE_BYTES, MAX_DISPLAY_BYTES, MAX_DISPLAY_INPUT_BYTES};
use serde_json::json;

use crate::{mock, request, RpcError};

async fn err(method: &str, params: serde_json::Value) -> (RpcError, usize) {
	let (module, client) = mock::module();
	let e = request(&module, method, params.clone())
		.await
		.expect_err(&format!("{method} {params} must fail"));
	(e, client.calls().len())
}

async fn ok(method: &str, params: serde_json::Value) -> serde_json::Value {
	let (module, _) = mock::module();
	request(&module, method, params.clone())
		.await
		.unwrap_or_else(|e| panic!("{method} {params} must succeed: {e:?}"))
}

#[test]
fn limits_are_those_of_the_contract() {
	assert_eq!(MAX_BASE_BYTES, 32);
	// base, `.`, and the ten digits of u32::MAX.
	assert_eq!(MAX_DISPLAY_BYTES, 43);
	// The same with digits of up to 4 bytes each (`𝟒` U+1D7D2).
	assert_eq!(MAX_DISPLAY_INPUT_BYTES, 73);
}

#[test]
fn error_codes_are_distinct() {
	let mut codes = vec![
		RUNTIME_ERROR,
		handles_rpc::error::UNKNOWN_BLOCK,
		HANDLE_TOO_LONG,
		MALFORMED_DISPLAY_HANDLE,
		INVALID_ACCOUNT,
		INVALID_HANDLE,
		handles_rpc::error::TOO_MANY_LOOKUPS,
	];
	codes.sort();
	codes.dedup();
	assert_eq!(codes.len(), 7);
	assert!(codes.iter().all(|c| !(-32768..=-32000).contains(c)));
}

#[tokio::test]
async fn base_handle_over_32_bytes_is_too_long_for_suffix_options() {
	let (e, calls) = err("handles_getSuffixOptions", json!(["a".repeat(33)])).await;
	assert_eq!(e.code, i64::from(HANDLE_TOO_LONG));
	assert_eq!(e.message, "base handle is 33 bytes of UTF-8, at most 32 are allowed");
	assert_eq!(calls, 0, "must not call the runtime");
	// Exactly 32 bytes passes the RPC.
	ok("handles_getSuffixOptions", json!(["a".repeat(32)])).await;
}

#[tokio::test]
async fn validate_handle_answers_over_long_input_up_to_256_bytes_with_the_reason() {
	use handles_rpc::MAX_VALIDATE_BYTES;
	assert_eq!(MAX_VALIDATE_BYTES, 256);
	for len in [33, 100, MAX_VALIDATE_BYTES] {
		let res = ok("handles_validateHandle", json!(["a".repeat(len)])).await;
		assert_eq!(res["valid"], false, "{len}: {res}");
		assert_eq!(res["canonical"], serde_json::Value::Null);
		assert!(res["error"].as_str().unwrap().contains("too long"), "{len}: {res}");
	}
	let (e, calls) =
		err("handles_validateHandle", json!(["a".repeat(MAX_VALIDATE_BYTES + 1)])).await;
	assert_eq!(e.code, i64::from(HANDLE_TOO_LONG));
	assert_eq!(e.message, "base handle is 257 bytes of UTF-8, at most 256 are allowed");
	assert_eq!(calls, 0);
}

#[tokio::test]
async fn length_counts_utf8_bytes_not_characters() {
	// 16 Cyrillic letters are 32 bytes: allowed; 17 are 34 bytes: too long.
	ok("handles_getSuffixOptions", json!(["\u{430}".repeat(16)])).await;
	let (e, _) = err("handles_getSuffixOptions", json!(["\u{430}".repeat(17)])).await;
	assert_eq!(e.code, i64::from(HANDLE_TOO_LONG));
	assert!(e.message.contains("34 bytes"), "{}", e.message);

	// Emoji are 4 bytes: 8 fit, 9 do not.
	ok("handles_getSuffixOptions", json!(["\u{1f600}".repeat(8)])).await;
	let (e, _) = err("handles_getSuffixOptions", json!(["\u{1f600}".repeat(9)])).await;
	assert_eq!(e.code, i64::from(HANDLE_TOO_LONG));
	assert!(e.message.contains("36 bytes"), "{}", e.message);
}

#[tokio::test]
async fn huge_input_is_refused_without_panic() {
	let huge = "x".repeat(1_000_000);
	for method in ["handles_getSuffixOptions", "handles_validateHandle", "handles_getMsaForHandle"]
	{
		let (e, calls) = err(method, json!([huge])).await;
		assert_eq!(e.code, i64::from(HANDLE_TOO_LONG), "{method}");
		assert!(e.message.contains("1000000 bytes"), "{method}: {}", e.message);
		assert_eq!(calls, 0);
	}
	let (e, calls) = err("handles_getHandlesForOwner", json!([huge])).await;
	assert_eq!(e.code, i64::from(INVALID_ACCOUNT));
	assert_eq!(e.message, "owner is 1000000 bytes long, longer than any SS58 address");
	assert_eq!(calls, 0);
}

#[tokio::test]
async fn display_handle_over_73_bytes_is_too_long() {
	let display = format!("{}.{}", "a".repeat(32), "𝟏".repeat(11)); // 32 + 1 + 44 bytes
	assert_eq!(display.len(), 77);
	let (e, calls) = err("handles_getMsaForHandle", json!([display])).await;
	assert_eq!(e.code, i64::from(HANDLE_TOO_LONG));
	assert_eq!(e.message, "display handle is 77 bytes of UTF-8, at most 73 are allowed");
	assert_eq!(calls, 0);

	// The longest well-formed display handles reach the runtime: null, not an error. In ASCII
	// digits (43 bytes) and in 4-byte mathematical digits (73 bytes).
	let longest = format!("{}.{}", "a".repeat(32), u32::MAX);
	assert_eq!(longest.len(), 43);
	assert!(ok("handles_getMsaForHandle", json!([longest])).await.is_null());
	let wide = format!("{}.𝟒𝟐𝟗𝟒𝟗𝟔𝟕𝟐𝟗𝟓", "a".repeat(32));
	assert_eq!(wide.len(), 73);
	assert!(ok("handles_getMsaForHandle", json!([wide])).await.is_null());
}

#[tokio::test]
async fn display_handle_with_a_dotted_base_is_malformed() {
	for display in ["Ali.ce.12", "..1", "a.b.1234"] {
		let (e, calls) = err("handles_getMsaForHandle", json!([display])).await;
		assert_eq!(e.code, i64::from(MALFORMED_DISPLAY_HANDLE), "{display}");
		assert!(e.message.contains("malformed"), "{display}: {}", e.message);
		assert_eq!(calls, 0);
	}
}

#[tokio::test]
async fn display_handle_with_base_over_32_bytes_is_too_long() {
	let display = format!("{}.1", "a".repeat(33)); // 35 bytes in all
	let (e, calls) = err("handles_getMsaForHandle", json!([display])).await;
	assert_eq!(e.code, i64::from(HANDLE_TOO_LONG));
	assert_eq!(e.message, "base handle is 33 bytes of UTF-8, at most 32 are allowed");
	assert_eq!(calls, 0);
}

#[tokio::test]
async fn malformed_display_handles_are_refused_with_the_reason() {
	const NO_SUFFIX: &str = "has no suffix: expected base.suffix";
	const EMPTY_BASE: &str = "has an empty base";
	const BAD_SUFFIX: &str =
		"invalid suffix: expected decimal digits of one kind, without sign or leading zeros, that fit in 32 bits";
	const DOTTED_BASE: &str = "has a '.' in its base";
	let cases = [
		("alice", NO_SUFFIX),
		("", NO_SUFFIX),
		("alice\u{ff0e}1234", NO_SUFFIX), // fullwidth full stop is not the separator
		("alice.", BAD_SUFFIX),
		(".1234", EMPTY_BASE),
		(".", EMPTY_BASE),
		("alice.0123", BAD_SUFFIX),
		("alice.00", BAD_SUFFIX),
		("alice.-1", BAD_SUFFIX),
		("alice.+1", BAD_SUFFIX),
		("alice.12a", BAD_SUFFIX),
		("alice. 12", BAD_SUFFIX),
		("alice.12 ", BAD_SUFFIX),
		("alice.0x10", BAD_SUFFIX),
		("alice.1e3", BAD_SUFFIX),
		("alice.1_000", BAD_SUFFIX),
		("alice.\u{ff11}2", BAD_SUFFIX), // fullwidth and ASCII digits mixed
		("alice.\u{661}\u{ff12}", BAD_SUFFIX), // Arabic-Indic and fullwidth digits mixed
		("alice.\u{ff10}\u{ff11}", BAD_SUFFIX), // a leading zero in fullwidth digits
		("a.b.1234", DOTTED_BASE),
		("Ali.ce.12", DOTTED_BASE),
		("..1", DOTTED_BASE),
		("alice.99999999999", BAD_SUFFIX),
		("alice.4294967296", BAD_SUFFIX),
	];
	for (input, why) in cases {
		let (e, calls) = err("handles_getMsaForHandle", json!([input])).await;
		assert_eq!(e.code, i64::from(MALFORMED_DISPLAY_HANDLE), "{input:?}: {}", e.message);
		assert!(e.message.contains(why), "{input:?}: {}", e.message);
		assert!(e.message.contains(&format!("{input:?}")), "names the input: {}", e.message);
		assert_eq!(calls, 0, "{input:?} must not reach the runtime");
	}
}

#[tokio::test]
async fn well_formed_display_handles_reach_the_runtime() {
	for input in ["alice.0", "alice.4294967295", "al\u{200d}ice.1000", "\u{1f600}\u{1f600}.1"] {
		let (module, client) = mock::module();
		let res = request(&module, "handles_getMsaForHandle", json!([input])).await.unwrap();
		assert!(res.is_null(), "{input:?}");
		assert_eq!(client.calls()[0].arg, input.as_bytes().to_vec());
	}
}

#[tokio::test]
async fn suffixes_in_other_decimal_digits_reach_the_runtime() {
	for input in ["alice.\u{ff14}\u{ff18}\u{ff12}\u{ff11}", "alice.\u{966}", "alice.\u{96a}\u{968}"]
	{
		let (module, client) = mock::module();
		let res = request(&module, "handles_getMsaForHandle", json!([input])).await.unwrap();
		assert!(res.is_null(), "{input:?}");
		assert_eq!(client.calls()[0].arg, input.as_bytes().to_vec());
	}
}

#[tokio::test]
async fn malformed_display_handle_from_the_runtime_keeps_its_code() {
	let (e, _) = err("handles_getMsaForHandle", json!(["odd.7"])).await;
	assert_eq!(e.code, i64::from(MALFORMED_DISPLAY_HANDLE));
	assert_eq!(e.message, "malformed display handle: suffix 7 is outside every range");
}

#[tokio::test]
async fn invalid_handle_from_the_runtime_is_an_error_for_suffix_options() {
	let (e, calls) = err("handles_getSuffixOptions", json!(["admin"])).await;
	assert_eq!(e.code, i64::from(INVALID_HANDLE));
	assert_eq!(e.message, "invalid handle: rule 5: `admin` is a reserved handle");
	assert_eq!(calls, 1);
}

#[tokio::test]
async fn bad_ss58_is_invalid_account() {
	let cases = [
		("", "not an SS58 address"),
		("alice", "not an SS58 address"),
		// Alice with the last character changed: bad checksum.
		("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ", "checksum"),
		// Hex public key instead of SS58.
		("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", "is hex; give"),
		("0xd43593c7", "is hex; give"),
		// 0 and l are not base58 characters.
		("5Grwva0lF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", "Base 58"),
		// Valid SS58 of an 8-byte and of a 33-byte payload: wrong length for an account.
		("3QZV1VFFGhRx1v", "Length is bad"),
		("KVwAJq4MvNXEo5cvx4H8GDKgSeDbidnN8UfrxTCJp6ng8ifY1", "Length is bad"),
		// Alice in address format 16000, which no registry entry names.
		("jPThBc7LoyzCiXrZsWzCcQakAPgTLA8VswJauToquCpPc2nuq", "Unknown SS58 address format"),
		// One extra character.
		("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQYY", "not an SS58 address"),
		(" 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", "not an SS58 address"),
	];
	for (input, why) in cases {
		let (e, calls) = err("handles_getHandlesForOwner", json!([input])).await;
		assert_eq!(e.code, i64::from(INVALID_ACCOUNT), "{input:?}: {}", e.message);
		assert!(e.message.contains(why), "{input:?}: {}", e.message);
		assert_eq!(calls, 0);
	}
	// Up to 64 bytes are decoded (and refused as not an account); longer is refused unread.
	let (e, _) = err("handles_getHandlesForOwner", json!(["1".repeat(64)])).await;
	assert!(e.message.contains("not an SS58 address"), "{}", e.message);
	let (e, _) = err("handles_getHandlesForOwner", json!(["1".repeat(65)])).await;
	assert_eq!(e.message, "owner is 65 bytes long, longer than any SS58 address");
}

#[tokio::test]
async fn runtime_api_failures_are_runtime_errors_with_the_cause() {
	let (e, _) = err("handles_getSuffixOptions", json!(["boom"])).await;
	assert_eq!(e.code, i64::from(RUNTIME_ERROR));
	assert!(e.message.contains("HandlesApi_suffix_offer"), "{}", e.message);
	assert!(e.message.contains("wasm trap: unreachable"), "{}", e.message);

	let (e, _) = err("handles_getMsaForHandle", json!(["boom.1"])).await;
	assert_eq!(e.code, i64::from(RUNTIME_ERROR));
	assert!(e.message.contains("state pruned"), "{}", e.message);

	let (e, _) = err("handles_getHandleForMsa", json!([666])).await;
	assert_eq!(e.code, i64::from(RUNTIME_ERROR));
	assert!(e.message.contains("runtime panicked"), "{}", e.message);
}

#[tokio::test]
async fn non_utf8_bytes_from_the_runtime_are_runtime_errors_not_panics() {
	let (e, _) = err("handles_getSuffixOptions", json!(["badutf"])).await;
	assert_eq!(e.code, i64::from(RUNTIME_ERROR));
	assert!(e.message.contains("`canonical` that is not UTF-8"), "{}", e.message);

	let (e, _) = err("handles_getMsaForHandle", json!(["badutf.1"])).await;
	assert_eq!(e.code, i64::from(RUNTIME_ERROR));
	assert!(e.message.contains("`handle` that is not UTF-8"), "{}", e.message);
}

#[tokio::test]
async fn wrong_json_types_are_invalid_params() {
	let cases = [
		("handles_getHandleForMsa", json!(["77"])),
		("handles_getHandleForMsa", json!([-1])),
		("handles_getHandleForMsa", json!([4_294_967_296u64])),
		("handles_getHandleForMsa", json!([1.5])),
		("handles_getHandleForMsa", json!([])),
		("handles_getSuffixOptions", json!([42])),
		("handles_getSuffixOptions", json!([])),
		("handles_getMsaForHandle", json!([null])),
		("handles_getHandlesForOwner", json!([["5Grw"]])),
		("handles_validateHandle", json!([{ "base": "alice" }])),
	];
	for (method, params) in cases {
		let (e, calls) = err(method, params.clone()).await;
		assert_eq!(e.code, -32602, "{method} {params}: {}", e.message);
		assert_eq!(calls, 0);
	}
}
