//! The batch lookups `handles_getHandlesForMsas` and `handles_getMsasForHandles`: one runtime call
//! per batch, one answer per entry in order and equal to the single call's (`null` where that is
//! `null` or an error), at most `MAX_BATCH_LOOKUPS` entries.

use codec::Encode;
use handles_rpc::{
	error::{RUNTIME_ERROR, TOO_MANY_LOOKUPS},
	MAX_BATCH_LOOKUPS,
};
use serde_json::{json, Value};

use crate::{
	mock::{self, BEST, GENESIS},
	request,
};

const MAX: usize = MAX_BATCH_LOOKUPS as usize;

/// The single call `method` of each entry, each `null` where it fails.
async fn singles(method: &str, entries: &[Value], at: Option<Value>) -> Vec<Value> {
	let (module, _) = mock::module();
	let mut answers = Vec::new();
	for entry in entries {
		let params = match &at {
			Some(at) => json!([entry, at]),
			None => json!([entry]),
		};
		answers.push(request(&module, method, params).await.unwrap_or(Value::Null));
	}
	answers
}

#[test]
fn the_limit_is_one_hundred() {
	assert_eq!(MAX_BATCH_LOOKUPS, 100);
}

#[tokio::test]
async fn get_handles_for_msas_answers_each_id_in_order_in_one_runtime_call() {
	let (module, client) = mock::module();
	let ids: Vec<u32> = vec![90, 1, 77, 78, 90, 4_000_000_000];
	let batch = request(&module, "handles_getHandlesForMsas", json!([ids])).await.unwrap();
	let calls = client.calls();
	assert_eq!(calls.len(), 1, "one runtime call: {calls:?}");
	assert_eq!((calls[0].method, calls[0].at), ("handles_for_msas", BEST));
	assert_eq!(calls[0].arg, ids.encode());
	let entries: Vec<Value> = ids.iter().map(|id| json!(id)).collect();
	assert_eq!(
		batch.as_array().unwrap(),
		&singles("handles_getHandleForMsa", &entries, None).await
	);
	assert_eq!(batch[0]["handle"], "bob.1001");
	assert_eq!(batch[2]["handle"], "Alice.4821");
	assert_eq!((&batch[1], &batch[3], &batch[5]), (&Value::Null, &Value::Null, &Value::Null));
	// Named parameters and an empty list.
	let named =
		request(&module, "handles_getHandlesForMsas", json!({ "msaIds": [77] })).await.unwrap();
	assert_eq!(named, json!([batch[2]]));
	let empty = request(&module, "handles_getHandlesForMsas", json!([[]])).await.unwrap();
	assert_eq!(empty, json!([]));
}

#[tokio::test]
async fn get_msas_for_handles_answers_each_handle_in_order_with_null_for_malformed_ones() {
	let (module, client) = mock::module();
	let handles = json!([
		"bob.1001",
		"ALICE.4821",
		"аlice.4821",
		"nobody.1234",
		"no-dot",
		"alice.01",
		"a".repeat(33) + ".4821",
		"a".repeat(80),
		"odd.7",
		"Alice.4821"
	]);
	let batch = request(&module, "handles_getMsasForHandles", json!([handles])).await.unwrap();
	let calls = client.calls();
	assert_eq!(calls.len(), 1, "one runtime call: {calls:?}");
	assert_eq!(calls[0].method, "msas_for_handles");
	// What the single call refuses before the runtime reaches it as an empty entry.
	let sent: Vec<Vec<u8>> =
		["bob.1001", "ALICE.4821", "аlice.4821", "nobody.1234", "", "", "", ""]
			.iter()
			.map(|h| h.as_bytes().to_vec())
			.chain([b"odd.7".to_vec(), b"Alice.4821".to_vec()])
			.collect();
	assert_eq!(calls[0].arg, sent.encode());
	let entries = handles.as_array().unwrap();
	assert_eq!(batch.as_array().unwrap(), &singles("handles_getMsaForHandle", entries, None).await);
	let ids: Vec<Value> = batch.as_array().unwrap().iter().map(|m| m["msaId"].clone()).collect();
	let null = Value::Null;
	assert_eq!(
		ids,
		vec![
			json!(90),
			json!(77),
			json!(77),
			null.clone(),
			null.clone(),
			null.clone(),
			null.clone(),
			null.clone(),
			null,
			json!(77)
		]
	);
	assert_eq!(batch[1]["handle"], "Alice.4821", "the registered handle, not the look-alike");
	let named =
		request(&module, "handles_getMsasForHandles", json!({ "displayHandles": ["bob.1001"] }))
			.await
			.unwrap();
	assert_eq!(named, json!([batch[0]]));
}

#[tokio::test]
async fn exactly_one_hundred_are_answered_and_one_hundred_and_one_are_refused() {
	for (method, entry) in [
		("handles_getHandlesForMsas", json!(77)),
		("handles_getMsasForHandles", json!("alice.4821")),
	] {
		let (module, client) = mock::module();
		let answer = request(&module, method, json!([vec![entry.clone(); MAX]])).await.unwrap();
		let answer = answer.as_array().unwrap();
		assert_eq!(answer.len(), MAX, "{method}");
		assert!(answer.iter().all(|a| a["msaId"] == 77 || a["handle"] == "Alice.4821"), "{method}");
		let calls = client.calls().len();
		let e = request(&module, method, json!([vec![entry; MAX + 1]])).await.unwrap_err();
		assert_eq!(e.code, i64::from(TOO_MANY_LOOKUPS), "{method}");
		assert_eq!(e.message, "101 lookups in one call, at most 100 are allowed", "{method}");
		assert_eq!(client.calls().len(), calls, "{method}: refused before the runtime");
	}
}

#[tokio::test]
async fn batches_answer_at_the_given_block() {
	let (module, client) = mock::module();
	let at = format!("{GENESIS:?}");
	let ids = request(&module, "handles_getHandlesForMsas", json!([[77, 90], at])).await.unwrap();
	assert_eq!(ids, json!([null, null]), "nothing is registered at genesis");
	let handles =
		request(&module, "handles_getMsasForHandles", json!([["Alice.4821"], at])).await.unwrap();
	assert_eq!(handles, json!([null]));
	assert!(client.calls().iter().all(|c| c.at == GENESIS));
	let singles = singles("handles_getHandleForMsa", &[json!(77)], Some(json!(at))).await;
	assert_eq!(singles, vec![Value::Null]);
}

#[tokio::test]
async fn a_failing_runtime_call_fails_the_batch() {
	let (module, _) = mock::module();
	let e = request(&module, "handles_getHandlesForMsas", json!([[77, 666]])).await.unwrap_err();
	assert_eq!(e.code, i64::from(RUNTIME_ERROR));
	assert!(e.message.contains("HandlesApi_handles_for_msas"), "{}", e.message);
	let e = request(&module, "handles_getMsasForHandles", json!([["boom.1"]])).await.unwrap_err();
	assert_eq!(e.code, i64::from(RUNTIME_ERROR));
	// Text the runtime returned that is not UTF-8 is an error, as in the single call.
	let e = request(&module, "handles_getMsasForHandles", json!([["badutf.1"]])).await.unwrap_err();
	assert_eq!(e.code, i64::from(RUNTIME_ERROR));
	assert!(e.message.contains("not UTF-8"), "{}", e.message);
}

#[tokio::test]
async fn wrong_parameter_types_are_invalid_params() {
	let (module, client) = mock::module();
	for (method, params) in [
		("handles_getHandlesForMsas", json!([77])),
		("handles_getHandlesForMsas", json!([["77"]])),
		("handles_getHandlesForMsas", json!([[-1]])),
		("handles_getMsasForHandles", json!(["alice.4821"])),
		("handles_getMsasForHandles", json!([[4821]])),
		("handles_getMsasForHandles", json!([])),
	] {
		let e = request(&module, method, params.clone()).await.unwrap_err();
		assert_eq!(e.code, -32602, "{method} {params}");
	}
	assert!(client.calls().is_empty());
}
