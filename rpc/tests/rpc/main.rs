//! Tests of the `handles_*` JSON-RPC methods over a mock client: JSON shapes, the `at` parameter,
//! `null` results, every bad-input error, the signing messages, a runtime with an older
//! `HandlesApi`, and the module served by a real jsonrpsee server.

mod at_param;
mod bad_input;
mod batch;
mod mock;
mod old_runtime;
mod server;
mod shapes;
mod signing;

use jsonrpsee::RpcModule;
use serde_json::{json, Value};

/// A JSON-RPC error as the client sees it.
#[derive(Debug)]
pub struct RpcError {
	pub code: i64,
	pub message: String,
}

/// Sends one raw JSON-RPC request to the module and returns its `result` or its `error`.
pub async fn request<Ctx>(
	module: &RpcModule<Ctx>,
	method: &str,
	params: Value,
) -> Result<Value, RpcError> {
	let req = json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params }).to_string();
	let (resp, _) = module.raw_json_request(&req, 1).await.expect("request is valid JSON-RPC");
	let resp: Value = serde_json::from_str(&resp).expect("response is JSON");
	assert_eq!(resp["jsonrpc"], "2.0");
	assert_eq!(resp["id"], 1);
	if let Some(err) = resp.get("error") {
		assert!(resp.get("result").is_none(), "a response has a result or an error: {resp}");
		Err(RpcError {
			code: err["code"].as_i64().expect("error code is a number"),
			message: err["message"].as_str().expect("error message is a string").to_string(),
		})
	} else {
		Ok(resp.get("result").cloned().expect("a response without error has a result"))
	}
}

/// The sorted keys of a JSON object.
pub fn keys(v: &Value) -> Vec<String> {
	let mut keys: Vec<String> =
		v.as_object().unwrap_or_else(|| panic!("not an object: {v}")).keys().cloned().collect();
	keys.sort();
	keys
}

/// `0x` followed by 64 hex digits of one repeated byte.
pub fn hex32(byte: u8) -> String {
	format!("0x{}", format!("{byte:02x}").repeat(32))
}
