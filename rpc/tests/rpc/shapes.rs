//! Every method's JSON shape at the best block (no `at`), and `null` / empty results.

use handles_rpc::{
	HandleForMsaResponse, MsaForHandleResponse, OwnedMsaResponse, SeedResponse, SettingsResponse,
	SuffixOptionsResponse, ValidationResponse,
};
use serde_json::json;

use crate::{
	hex32, keys,
	mock::{self, account, ALICE, ALICE_POLKADOT, BEST, BOB, CHARLIE},
	request,
};

#[tokio::test]
async fn module_serves_exactly_the_ten_handles_methods() {
	let (module, _) = mock::module();
	let mut names: Vec<&str> = module.method_names().collect();
	names.sort();
	assert_eq!(
		names,
		vec![
			"handles_getHandleForMsa",
			"handles_getHandlesForMsas",
			"handles_getHandlesForOwner",
			"handles_getMsaForHandle",
			"handles_getMsasForHandles",
			"handles_getSeed",
			"handles_getSettings",
			"handles_getSuffixOptions",
			"handles_signingMessage",
			"handles_validateHandle",
		]
	);
}

#[tokio::test]
async fn get_seed_returns_hex_seeds_and_next_rotation() {
	let (module, client) = mock::module();
	let seed = request(&module, "handles_getSeed", json!([])).await.unwrap();
	assert_eq!(
		seed,
		json!({ "current": hex32(0xaa), "previous": hex32(0xbb), "nextRotation": 101 })
	);
	// The typed struct reads it back.
	let typed: SeedResponse = serde_json::from_value(seed).unwrap();
	assert_eq!(typed.next_rotation, 101);
	assert_eq!(typed.current.0, [0xaa; 32]);
	// Without `at` the runtime is asked at the best block.
	assert_eq!(client.calls()[0].at, BEST);
	assert_eq!(client.calls()[0].method, "seed");
}

#[tokio::test]
async fn get_suffix_options_returns_canonical_candidates_and_available() {
	let (module, client) = mock::module();
	let opts = request(&module, "handles_getSuffixOptions", json!(["ALICE"])).await.unwrap();
	// The mock's best block: current seed 0xaa.., range 2000..=9999, next rotation at 101.
	let range = handles_rules::SuffixRange::new(2000, 9999).unwrap();
	let current = handles_rules::candidates(&[0xaa; 32], "alice", range);
	let expiring: Vec<u32> =
		[1001, 2002, 9999].into_iter().filter(|s| !current.contains(s)).collect();
	assert!(expiring.contains(&1001), "outside the current range: never a current candidate");
	assert_eq!(
		opts,
		json!({
			"baseHandle": "ALICE",
			"canonical": "alice",
			"candidates": [1001, 2002, 4821, 9999],
			"available": [1001, 2002, 9999],
			"expiring": expiring,
			"nextRotation": 101,
		})
	);
	let typed: SuffixOptionsResponse = serde_json::from_value(opts).unwrap();
	assert_eq!(typed.available, vec![1001, 2002, 9999]);
	assert_eq!(client.calls()[0].arg, b"ALICE".to_vec());
	// Version 2 of the runtime API: one runtime call answers the whole request.
	let methods: Vec<&str> = client.calls().iter().map(|c| c.method).collect();
	assert_eq!(methods, vec!["suffix_offer"]);
}

#[tokio::test]
async fn get_msa_for_handle_returns_msa_owner_and_registered_handle() {
	let (module, _) = mock::module();
	let found = request(&module, "handles_getMsaForHandle", json!(["Alice.4821"])).await.unwrap();
	assert_eq!(found, json!({ "msaId": 77, "owner": ALICE, "handle": "Alice.4821" }));
	let typed: MsaForHandleResponse = serde_json::from_value(found).unwrap();
	assert_eq!(typed.owner, account(ALICE));
}

#[tokio::test]
async fn look_alike_display_handles_reach_the_runtime_unchanged_and_resolve_to_the_same_msa() {
	let (module, client) = mock::module();
	for query in ["ALICE.4821", "\u{430}lice.4821"] {
		let found = request(&module, "handles_getMsaForHandle", json!([query])).await.unwrap();
		// The registered display handle comes back, not the queried look-alike.
		assert_eq!(found, json!({ "msaId": 77, "owner": ALICE, "handle": "Alice.4821" }));
	}
	let args: Vec<Vec<u8>> = client.calls().into_iter().map(|c| c.arg).collect();
	assert_eq!(args, vec![b"ALICE.4821".to_vec(), "\u{430}lice.4821".as_bytes().to_vec()]);
}

#[tokio::test]
async fn get_msa_for_unregistered_handle_is_null() {
	let (module, _) = mock::module();
	let none = request(&module, "handles_getMsaForHandle", json!(["carol.1234"])).await.unwrap();
	assert!(none.is_null());
	// Registered base, other suffix.
	let none = request(&module, "handles_getMsaForHandle", json!(["Alice.4822"])).await.unwrap();
	assert!(none.is_null());
}

#[tokio::test]
async fn get_handle_for_msa_returns_every_field() {
	let (module, _) = mock::module();
	let info = request(&module, "handles_getHandleForMsa", json!([77])).await.unwrap();
	assert_eq!(
		info,
		json!({
			"handle": "Alice.4821",
			"baseHandle": "Alice",
			"suffix": 4821,
			"canonical": "alice",
			"owner": ALICE,
			"createdAt": 5,
		})
	);
	let typed: HandleForMsaResponse = serde_json::from_value(info).unwrap();
	assert_eq!(typed.created_at, 5);
	assert_eq!(typed.owner, account(ALICE));
}

#[tokio::test]
async fn get_handle_for_unknown_or_retired_msa_is_null() {
	let (module, _) = mock::module();
	for id in [0u32, 78, u32::MAX] {
		let none = request(&module, "handles_getHandleForMsa", json!([id])).await.unwrap();
		assert!(none.is_null(), "msa {id}: {none}");
	}
}

#[tokio::test]
async fn get_handles_for_owner_lists_msas_with_null_for_retired_handles() {
	let (module, client) = mock::module();
	let owned = request(&module, "handles_getHandlesForOwner", json!([ALICE])).await.unwrap();
	assert_eq!(
		owned,
		json!([{ "msaId": 77, "handle": "Alice.4821" }, { "msaId": 78, "handle": null }])
	);
	// `"handle": null` is present, not left out.
	assert_eq!(keys(&owned[1]), vec!["handle", "msaId"]);
	let typed: Vec<OwnedMsaResponse> = serde_json::from_value(owned).unwrap();
	assert_eq!(typed[1], OwnedMsaResponse { msa_id: 78, handle: None });
	// The runtime got the 32 account bytes.
	assert_eq!(client.calls()[0].arg, AsRef::<[u8]>::as_ref(&account(ALICE)).to_vec());

	let bob = request(&module, "handles_getHandlesForOwner", json!([BOB])).await.unwrap();
	assert_eq!(bob, json!([{ "msaId": 90, "handle": "bob.1001" }]));
}

#[tokio::test]
async fn get_handles_for_owner_accepts_any_known_ss58_format_of_the_same_account() {
	let (module, _) = mock::module();
	let polkadot =
		request(&module, "handles_getHandlesForOwner", json!([ALICE_POLKADOT])).await.unwrap();
	let substrate = request(&module, "handles_getHandlesForOwner", json!([ALICE])).await.unwrap();
	assert_eq!(polkadot, substrate);
	assert_eq!(polkadot.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn get_handles_for_owner_without_msas_is_empty_list() {
	let (module, _) = mock::module();
	let owned = request(&module, "handles_getHandlesForOwner", json!([CHARLIE])).await.unwrap();
	assert_eq!(owned, json!([]));
}

#[tokio::test]
async fn validate_handle_reports_valid_with_canonical_and_null_error() {
	let (module, _) = mock::module();
	let ok = request(&module, "handles_validateHandle", json!(["Alice"])).await.unwrap();
	assert_eq!(ok, json!({ "valid": true, "canonical": "alice", "error": null }));
	let typed: ValidationResponse = serde_json::from_value(ok).unwrap();
	assert!(typed.valid);
}

#[tokio::test]
async fn validate_handle_reports_broken_rule_in_result_not_as_error() {
	let (module, _) = mock::module();
	let bad = request(&module, "handles_validateHandle", json!(["admin"])).await.unwrap();
	assert_eq!(
		bad,
		json!({ "valid": false, "canonical": null, "error": "rule 5: reserved handle" })
	);
	let bad = request(&module, "handles_validateHandle", json!(["a@b"])).await.unwrap();
	assert_eq!(
		bad,
		json!({ "valid": false, "canonical": null, "error": "rule 3: character not allowed" })
	);
}

#[tokio::test]
async fn get_settings_returns_all_six_numbers() {
	let (module, _) = mock::module();
	let settings = request(&module, "handles_getSettings", json!([])).await.unwrap();
	assert_eq!(
		settings,
		json!({
			"suffixMin": 2000,
			"suffixMax": 9999,
			"reuseCooldown": 100800,
			"seedRotationPeriod": 100,
			"maxPayloadLifetime": 200,
			"legacyPayloadDeadline": 100901,
		})
	);
	let typed: SettingsResponse = serde_json::from_value(settings).unwrap();
	assert_eq!(typed.reuse_cooldown, 100_800);
	assert_eq!(typed.legacy_payload_deadline, Some(100_901));
}

#[tokio::test]
async fn params_may_be_given_by_name() {
	let (module, _) = mock::module();
	let opts =
		request(&module, "handles_getSuffixOptions", json!({ "baseHandle": "bob" })).await.unwrap();
	assert_eq!(opts["available"], json!([2002, 4821, 9999]));
	let found = request(&module, "handles_getMsaForHandle", json!({ "displayHandle": "bob.1001" }))
		.await
		.unwrap();
	assert_eq!(found["msaId"], 90);
	let info = request(&module, "handles_getHandleForMsa", json!({ "msaId": 90 })).await.unwrap();
	assert_eq!(info["handle"], "bob.1001");
	let owned =
		request(&module, "handles_getHandlesForOwner", json!({ "owner": BOB })).await.unwrap();
	assert_eq!(owned[0]["msaId"], 90);
	let valid =
		request(&module, "handles_validateHandle", json!({ "baseHandle": "bob" })).await.unwrap();
	assert_eq!(valid["valid"], true);
}

#[tokio::test]
async fn odd_unicode_reaches_the_runtime_byte_for_byte() {
	let (module, client) = mock::module();
	let inputs = [
		"a\u{200d}b",         // zero-width joiner
		"a\u{202e}b",         // right-to-left override
		"a\u{0}b",            // NUL
		"\u{1f600}\u{1f600}", // emoji
		"e\u{301}e",          // combining acute
		"\u{ff21}\u{ff22}",   // fullwidth AB
	];
	for input in inputs {
		let res = request(&module, "handles_validateHandle", json!([input])).await.unwrap();
		// The mock accepts alphanumerics only; whatever it says, it said it about these bytes.
		assert_eq!(res["valid"], json!(input.chars().all(char::is_alphanumeric)), "{input:?}");
	}
	let args: Vec<Vec<u8>> = client.calls().into_iter().map(|c| c.arg).collect();
	let expected: Vec<Vec<u8>> = inputs.iter().map(|s| s.as_bytes().to_vec()).collect();
	assert_eq!(args, expected);
}
