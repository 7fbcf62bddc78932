//! `handles_signingMessage`: the text an owner signs for each call, built by the runtime from the
//! payload's JSON fields; what the RPC refuses before the runtime, and older runtimes.

use codec::Encode;
use handles_rpc::{
	error::{HANDLE_TOO_LONG, INVALID_ACCOUNT, MALFORMED_DISPLAY_HANDLE, RUNTIME_ERROR},
	SigningMessageResponse, SIGNING_MESSAGE_API_VERSION,
};
use handles_signing::{signing_message, Message};
use pallet_handles_runtime_api::SigningPayload;
use serde_json::{json, Value};

use crate::{
	keys,
	mock::{self, account, signing_chain, ALICE, BEST, BOB, GENESIS},
	old_runtime, request,
};

const INVALID_PARAMS: i64 = -32602;

/// The text of `message` on the mock chain.
fn text(message: Message) -> String {
	signing_message(&signing_chain(), &message)
}

fn hex(bytes: &[u8]) -> String {
	format!("0x{}", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>())
}

/// Asks for the message of `call` and checks the answer's shape and the one runtime call.
async fn answer(call: &str, payload: Value, at: Option<Value>) -> (String, Vec<u8>) {
	let (module, client) = mock::module();
	let params = match at {
		Some(at) => json!([call, payload, at]),
		None => json!([call, payload]),
	};
	let answer = request(&module, "handles_signingMessage", params).await.unwrap();
	assert_eq!(keys(&answer), ["bytes", "message"]);
	let typed: SigningMessageResponse = serde_json::from_value(answer.clone()).unwrap();
	assert_eq!(answer["bytes"], hex(typed.message.as_bytes()), "bytes are the UTF-8 of the text");
	let calls = client.calls();
	assert_eq!(calls.len(), 1, "one runtime call: {calls:?}");
	assert_eq!(calls[0].method, "signing_message");
	(typed.message, calls[0].arg.clone())
}

#[tokio::test]
async fn create_is_the_claim_of_the_display_handle() {
	let (message, sent) = answer(
		"create",
		json!({ "baseHandle": "Alice", "suffix": 4821, "expiration": 1234 }),
		None,
	)
	.await;
	assert_eq!(
		message,
		text(Message::Create { base_handle: b"Alice", suffix: 4821, expiration: 1234 })
	);
	assert!(message.starts_with("Handles: claim Alice.4821\nChain: Handles 0x1111"), "{message}");
	let payload: SigningPayload<sp_runtime::AccountId32, u32> =
		SigningPayload::Create { base_handle: b"Alice".to_vec(), suffix: 4821, expiration: 1234 };
	assert_eq!(sent, payload.encode());
}

#[tokio::test]
async fn retire_names_the_handle_and_the_msa() {
	let (message, _) =
		answer("retire", json!({ "msaId": 77, "handle": "Alice.4821", "expiration": 9 }), None)
			.await;
	assert_eq!(message, text(Message::Retire { msa_id: 77, handle: b"Alice.4821", expiration: 9 }));
	assert!(message.starts_with("Handles: retire Alice.4821 of MSA 77\n"), "{message}");
}

#[tokio::test]
async fn change_with_and_without_old_handle_and_a_restyle() {
	let change = |old: Value| json!({ "msaId": 77, "oldHandle": old, "newBaseHandle": "Bob", "newSuffix": 2002, "expiration": 9 });
	let (message, _) = answer("change", change(json!("Alice.4821")), None).await;
	assert!(message.starts_with("Handles: change MSA 77 from Alice.4821 to Bob.2002\n"));
	let (null, _) = answer("change", change(Value::Null), None).await;
	assert!(null.starts_with("Handles: change MSA 77 from no handle to Bob.2002\n"), "{null}");
	let absent = json!({ "msaId": 77, "newBaseHandle": "Bob", "newSuffix": 2002, "expiration": 9 });
	assert_eq!(answer("change", absent, None).await.0, null, "absent oldHandle is null");
	let restyle = json!({ "msaId": 77, "oldHandle": "alice.4821", "newBaseHandle": "Alice", "newSuffix": 4821, "expiration": 9 });
	let (restyled, _) = answer("change", restyle, None).await;
	assert!(restyled.starts_with("Handles: change MSA 77 from alice.4821 to Alice.4821\n"));
}

#[tokio::test]
async fn transfer_shows_the_msas_handle_at_the_block_and_both_accounts() {
	let transfer = json!({ "msaId": 77, "owner": ALICE, "newOwner": BOB, "expiration": 9 });
	let (best, sent) = answer("transfer", transfer.clone(), None).await;
	assert_eq!(
		best,
		text(Message::Transfer {
			msa_id: 77,
			handle: Some(b"Alice.4821"),
			owner: account(ALICE).into(),
			new_owner: account(BOB).into(),
			expiration: 9,
		})
	);
	assert!(
		best.starts_with(&format!("Handles: transfer MSA 77 (Alice.4821) from {ALICE} to {BOB}\n"))
	);
	let payload = SigningPayload::Transfer {
		msa_id: 77,
		owner: account(ALICE),
		new_owner: account(BOB),
		expiration: 9u32,
	};
	assert_eq!(sent, payload.encode());
	// At genesis MSA 77 holds no handle.
	let (genesis, _) = answer("transfer", transfer, Some(json!(format!("{GENESIS:?}")))).await;
	assert!(genesis.starts_with("Handles: transfer MSA 77 (no handle) from "), "{genesis}");
}

#[tokio::test]
async fn named_parameters_and_the_best_block() {
	let (module, client) = mock::module();
	let named = request(
		&module,
		"handles_signingMessage",
		json!({ "call": "retire", "payload": { "msaId": 1, "handle": "a.1", "expiration": 2 } }),
	)
	.await
	.unwrap();
	assert!(named["message"].as_str().unwrap().starts_with("Handles: retire a.1 of MSA 1\n"));
	assert_eq!(client.calls()[0].at, BEST);
}

/// The error of `handles_signingMessage(call, payload)`, and that the runtime was not called.
async fn refused(call: &str, payload: Value) -> (i64, String) {
	let (module, client) = mock::module();
	let e = request(&module, "handles_signingMessage", json!([call, payload])).await.unwrap_err();
	assert!(client.calls().is_empty(), "{call} {payload}: refused before the runtime");
	(e.code, e.message)
}

#[tokio::test]
async fn unknown_calls_and_missing_or_foreign_fields_are_invalid_params() {
	let claim = json!({ "baseHandle": "Alice", "suffix": 4821, "expiration": 9 });
	assert_eq!(
		refused("claim", claim.clone()).await,
		(
			INVALID_PARAMS,
			"unknown call \"claim\": expected create, retire, change or transfer".to_string()
		)
	);
	assert_eq!(refused("Create", claim).await.0, INVALID_PARAMS);
	assert_eq!(
		refused("create", json!({ "baseHandle": "Alice", "expiration": 9 })).await,
		(INVALID_PARAMS, "the create payload lacks suffix".to_string())
	);
	assert_eq!(
		refused("transfer", json!({ "msaId": 1, "owner": ALICE, "expiration": 9 })).await,
		(INVALID_PARAMS, "the transfer payload lacks newOwner".to_string())
	);
	assert_eq!(
		refused("retire", json!({ "msaId": 1, "handle": "a.1" })).await,
		(INVALID_PARAMS, "the retire payload lacks expiration".to_string())
	);
	assert_eq!(
		refused("retire", json!({ "msaId": 1, "handle": "a.1", "suffix": 1, "expiration": 9 }))
			.await,
		(
			INVALID_PARAMS,
			"the retire payload has no field suffix (its fields: msaId, handle, expiration)"
				.to_string()
		)
	);
	// A field no call has, and fields of the wrong type, are refused by the JSON decoding (the
	// error's `data` says which).
	for payload in [
		json!({ "baseHandle": "Alice", "suffix": 4821, "expiration": 9, "color": "red" }),
		json!({ "baseHandle": "Alice", "suffix": "4821", "expiration": 9 }),
		json!({ "baseHandle": "Alice", "suffix": -1, "expiration": 9 }),
		json!({ "baseHandle": 7, "suffix": 4821, "expiration": 9 }),
		json!(["Alice", 4821, 9]),
	] {
		let (code, message) = refused("create", payload.clone()).await;
		assert_eq!(code, INVALID_PARAMS, "{payload}: {message}");
	}
}

#[tokio::test]
async fn bad_accounts_and_handles_are_refused_with_what_is_wrong() {
	let transfer = |owner: &str, new_owner: &str| json!({ "msaId": 1, "owner": owner, "newOwner": new_owner, "expiration": 9 });
	let (code, message) = refused("transfer", transfer(ALICE, "5Bob")).await;
	assert_eq!(code, i64::from(INVALID_ACCOUNT));
	assert!(message.starts_with("newOwner \"5Bob\" is not an SS58 address"), "{message}");
	let (code, message) = refused("transfer", transfer(&hex(&[1; 32]), BOB)).await;
	assert_eq!(code, i64::from(INVALID_ACCOUNT));
	assert!(message.starts_with("owner is hex"), "{message}");
	let long = "a".repeat(33);
	let (code, message) =
		refused("create", json!({ "baseHandle": long, "suffix": 1, "expiration": 9 })).await;
	assert_eq!(code, i64::from(HANDLE_TOO_LONG));
	assert_eq!(message, "base handle is 33 bytes of UTF-8, at most 32 are allowed");
	let change = json!({ "msaId": 1, "newBaseHandle": long, "newSuffix": 1, "expiration": 9 });
	assert_eq!(refused("change", change).await.0, i64::from(HANDLE_TOO_LONG));
	for handle in ["alice", "alice.01", ".4821", "a.b.1"] {
		let retire = json!({ "msaId": 1, "handle": handle, "expiration": 9 });
		assert_eq!(
			refused("retire", retire).await.0,
			i64::from(MALFORMED_DISPLAY_HANDLE),
			"{handle}"
		);
		let change = json!({ "msaId": 1, "oldHandle": handle, "newBaseHandle": "Bob", "newSuffix": 1, "expiration": 9 });
		assert_eq!(
			refused("change", change).await.0,
			i64::from(MALFORMED_DISPLAY_HANDLE),
			"{handle}"
		);
	}
}

#[tokio::test]
async fn the_runtimes_refusals_and_failures_are_errors() {
	let (module, _) = mock::module();
	// A display handle in fullwidth digits passes the RPC's shape check (up to
	// MAX_DISPLAY_INPUT_BYTES) but is over what a payload takes: the runtime refuses it.
	let handle = format!("{}.{}", "a".repeat(32), "４".repeat(9));
	let e = request(
		&module,
		"handles_signingMessage",
		json!(["retire", { "msaId": 1, "handle": handle, "expiration": 9 }]),
	)
	.await
	.unwrap_err();
	assert_eq!(e.code, i64::from(MALFORMED_DISPLAY_HANDLE));
	assert!(e.message.starts_with("malformed display handle: "), "{}", e.message);
	let e = request(
		&module,
		"handles_signingMessage",
		json!(["retire", { "msaId": 1, "handle": "boom.1", "expiration": 9 }]),
	)
	.await
	.unwrap_err();
	assert_eq!(e.code, i64::from(RUNTIME_ERROR));
	assert!(e.message.contains("HandlesApi_signing_message"), "{}", e.message);
}

/// The error of `handles_signingMessage` for a create payload of `Alice.4821` over an old runtime.
async fn create_message_error(
	module: &jsonrpsee::RpcModule<handles_rpc::Handles<old_runtime::OldClient, mock::Block>>,
) -> crate::RpcError {
	request(
		module,
		"handles_signingMessage",
		json!(["create", { "baseHandle": "Alice", "suffix": 4821, "expiration": 9 }]),
	)
	.await
	.unwrap_err()
}

#[tokio::test]
async fn a_runtime_before_handles_api_version_4_does_not_provide_it() {
	assert_eq!(SIGNING_MESSAGE_API_VERSION, 4);
	let (module, client) = old_runtime::module();
	let e = create_message_error(&module).await;
	assert_eq!(e.code, i64::from(RUNTIME_ERROR));
	assert_eq!(
		e.message,
		format!(
			"the runtime at block {BEST:?} does not provide handles_signingMessage: it has \
			 HandlesApi version {}, the method needs version 4",
			old_runtime::OLD_VERSION
		)
	);
	assert!(client.calls.lock().unwrap().is_empty(), "no runtime call is made");
	// Bad input is still refused as such first.
	let e = request(&module, "handles_signingMessage", json!(["claim", {}])).await.unwrap_err();
	assert_eq!(e.code, INVALID_PARAMS);
}

#[tokio::test]
async fn a_runtime_of_handles_api_version_4_is_asked() {
	let (module, client) = old_runtime::module_at(SIGNING_MESSAGE_API_VERSION);
	let e = create_message_error(&module).await;
	// The stand-in runtime fails every call it gets: the error is its answer, not the refusal.
	assert_eq!(e.code, i64::from(RUNTIME_ERROR));
	assert!(e.message.contains("the old runtime was called"), "{}", e.message);
	assert_eq!(*client.calls.lock().unwrap(), vec![BEST], "one runtime call, at the best block");
}
