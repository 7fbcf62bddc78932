//! The module served by a real jsonrpsee server, driven by the generated `HandlesApiClient` over
//! WebSocket: what a node merging `Handles::new(client).into_rpc()` exposes.

use handles_rpc::{error::MALFORMED_DISPLAY_HANDLE, HandlesApiClient, OwnedMsaResponse};
use jsonrpsee::{
	core::{
		client::{ClientT, Error as ClientError},
		rpc_params,
	},
	server::Server,
	ws_client::WsClientBuilder,
	RpcModule,
};
use sp_core::H256;

use crate::mock::{self, account, ALICE, GENESIS};

async fn serve() -> (jsonrpsee::server::ServerHandle, jsonrpsee::ws_client::WsClient) {
	let (handles, _) = mock::module();
	// The node merges the handles module into its own; do the same.
	let mut module = RpcModule::new(());
	module.merge(handles).expect("no method name clashes");
	let server = Server::builder().build("127.0.0.1:0").await.expect("bind a free port");
	let addr = server.local_addr().expect("bound");
	let handle = server.start(module);
	let client = WsClientBuilder::default()
		.build(format!("ws://{addr}"))
		.await
		.expect("connect to the server");
	(handle, client)
}

#[tokio::test(flavor = "multi_thread")]
async fn typed_client_reads_every_method_over_websocket() {
	let (server, client) = serve().await;

	let seed = HandlesApiClient::<H256>::get_seed(&client, None).await.unwrap();
	assert_eq!(seed.next_rotation, 101);

	let opts =
		HandlesApiClient::<H256>::get_suffix_options(&client, "Alice".into(), None).await.unwrap();
	assert_eq!(opts.canonical, "alice");
	assert_eq!(opts.available, vec![1001, 2002, 9999]);

	let found = HandlesApiClient::<H256>::get_msa_for_handle(&client, "Alice.4821".into(), None)
		.await
		.unwrap()
		.expect("registered");
	assert_eq!(
		(found.msa_id, found.owner, found.handle.as_str()),
		(77, account(ALICE), "Alice.4821")
	);
	let none = client.get_msa_for_handle("Alice.4821".into(), Some(GENESIS)).await.unwrap();
	assert_eq!(none, None);

	let info = HandlesApiClient::<H256>::get_handle_for_msa(&client, 77, None)
		.await
		.unwrap()
		.expect("has a handle");
	assert_eq!((info.suffix, info.created_at), (4821, 5));

	let owned =
		HandlesApiClient::<H256>::get_handles_for_owner(&client, ALICE.into(), None).await.unwrap();
	assert_eq!(owned[1], OwnedMsaResponse { msa_id: 78, handle: None });

	let v = HandlesApiClient::<H256>::validate_handle(&client, "Alice".into(), None).await.unwrap();
	assert_eq!((v.valid, v.canonical.as_deref(), v.error), (true, Some("alice"), None));

	let settings = HandlesApiClient::<H256>::get_settings(&client, None).await.unwrap();
	assert_eq!(settings.suffix_min, 2000);

	server.stop().unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn errors_reach_the_client_with_code_and_message() {
	let (server, client) = serve().await;
	let err = client
		.request::<serde_json::Value, _>("handles_getMsaForHandle", rpc_params!["alice.0123"])
		.await
		.unwrap_err();
	let ClientError::Call(obj) = err else { panic!("expected a call error, got {err:?}") };
	assert_eq!(obj.code(), MALFORMED_DISPLAY_HANDLE);
	assert!(obj.message().contains("\"alice.0123\" is malformed"), "{}", obj.message());
	server.stop().unwrap();
}
