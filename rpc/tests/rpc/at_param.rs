//! The optional last parameter `at`: answers come from that block, `null`/absent means best, an
//! unknown block is an error, a malformed hash is invalid params.

use handles_rpc::error::UNKNOWN_BLOCK;
use serde_json::{json, Value};

use crate::{
	hex32,
	mock::{self, ALICE, BEST, GENESIS, UNKNOWN},
	request,
};

/// Every method with its leading parameters (without `at`).
fn every_method() -> Vec<(&'static str, Vec<Value>)> {
	vec![
		("handles_getSeed", vec![]),
		("handles_getSuffixOptions", vec![json!("Alice")]),
		("handles_getMsaForHandle", vec![json!("Alice.4821")]),
		("handles_getHandleForMsa", vec![json!(77)]),
		("handles_getHandlesForOwner", vec![json!(ALICE)]),
		("handles_validateHandle", vec![json!("Alice")]),
		("handles_getSettings", vec![]),
		(
			"handles_signingMessage",
			vec![
				json!("transfer"),
				json!({ "msaId": 77, "owner": ALICE, "newOwner": ALICE, "expiration": 9 }),
			],
		),
	]
}

fn with_at(params: &[Value], at: Value) -> Value {
	let mut params = params.to_vec();
	params.push(at);
	Value::Array(params)
}

#[tokio::test]
async fn every_method_asks_the_runtime_at_the_given_block() {
	for (method, params) in every_method() {
		let (module, client) = mock::module();
		request(&module, method, with_at(&params, json!(hex32(0x11)))).await.unwrap();
		let first = client.calls().len();
		request(&module, method, with_at(&params, json!(hex32(0x22)))).await.unwrap();
		let ats: Vec<_> = client.calls().into_iter().map(|c| c.at).collect();
		// A method may make several runtime calls; all of one request are at its block.
		assert!(first >= 1 && ats.len() == 2 * first, "{method}: {ats:?}");
		assert!(ats[..first].iter().all(|at| *at == GENESIS), "{method}: {ats:?}");
		assert!(ats[first..].iter().all(|at| *at == BEST), "{method}: {ats:?}");
	}
}

#[tokio::test]
async fn every_method_uses_the_best_block_when_at_is_absent_or_null() {
	for (method, params) in every_method() {
		let (module, client) = mock::module();
		request(&module, method, Value::Array(params.clone())).await.unwrap();
		request(&module, method, with_at(&params, Value::Null)).await.unwrap();
		let ats: Vec<_> = client.calls().into_iter().map(|c| c.at).collect();
		assert!(!ats.is_empty() && ats.iter().all(|at| *at == BEST), "{method}: {ats:?}");
	}
}

#[tokio::test]
async fn every_method_refuses_an_unknown_block_without_calling_the_runtime() {
	for (method, params) in every_method() {
		let (module, client) = mock::module();
		let err = request(&module, method, with_at(&params, json!(hex32(0x33)))).await.unwrap_err();
		assert_eq!(err.code, i64::from(UNKNOWN_BLOCK), "{method}");
		assert!(err.message.contains(&format!("{UNKNOWN:?}")), "{method}: {}", err.message);
		assert!(err.message.contains("not known"), "{method}: {}", err.message);
		assert!(client.calls().is_empty(), "{method}");
	}
}

#[tokio::test]
async fn every_method_refuses_a_malformed_block_hash_as_invalid_params() {
	for (method, params) in every_method() {
		for bad in [json!("0x1234"), json!("not a hash"), json!(42)] {
			let (module, client) = mock::module();
			let err = request(&module, method, with_at(&params, bad.clone())).await.unwrap_err();
			assert_eq!(err.code, -32602, "{method} {bad}");
			assert!(client.calls().is_empty());
		}
	}
}

#[tokio::test]
async fn answers_differ_between_genesis_and_best() {
	let (module, _) = mock::module();
	let g = json!(hex32(0x11));

	let seed = request(&module, "handles_getSeed", json!([g])).await.unwrap();
	assert_eq!(seed, json!({ "current": hex32(1), "previous": hex32(1), "nextRotation": 1 }));

	let found =
		request(&module, "handles_getMsaForHandle", json!(["Alice.4821", g])).await.unwrap();
	assert!(found.is_null(), "no handle at genesis");

	let info = request(&module, "handles_getHandleForMsa", json!([77, g])).await.unwrap();
	assert!(info.is_null());

	let owned = request(&module, "handles_getHandlesForOwner", json!([ALICE, g])).await.unwrap();
	assert_eq!(owned, json!([]));

	let opts = request(&module, "handles_getSuffixOptions", json!(["alice", g])).await.unwrap();
	assert_eq!(opts["available"], json!([1001, 2002, 4821, 9999]), "4821 is free at genesis");

	// `admin` is reserved only at the best block in the mock: validateHandle honours `at` too.
	let admin = request(&module, "handles_validateHandle", json!(["admin", g])).await.unwrap();
	assert_eq!(admin["valid"], true);
	let admin = request(&module, "handles_validateHandle", json!(["admin"])).await.unwrap();
	assert_eq!(admin["valid"], false);

	let settings = request(&module, "handles_getSettings", json!([g])).await.unwrap();
	assert_eq!(settings["suffixMin"], 1000);
}

#[tokio::test]
async fn at_may_be_given_by_name() {
	let (module, client) = mock::module();
	let seed = request(&module, "handles_getSeed", json!({ "at": hex32(0x11) })).await.unwrap();
	assert_eq!(seed["nextRotation"], 1);
	let found = request(
		&module,
		"handles_getMsaForHandle",
		json!({ "displayHandle": "Alice.4821", "at": hex32(0x22) }),
	)
	.await
	.unwrap();
	assert_eq!(found["msaId"], 77);
	let ats: Vec<_> = client.calls().into_iter().map(|c| c.at).collect();
	assert_eq!(ats, vec![GENESIS, BEST]);
}
