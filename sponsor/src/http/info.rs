//! `GET /api/info`: the chain (as the readable messages name it), the paying account, the
//! finalized block, the longest a payload may live (`maxPayloadLifetime`, for the expiration of
//! a change or retire payload the page makes) and claims per status.

use std::sync::Arc;

use axum::{extract::State, response::IntoResponse, routing::get, Json, Router};
use handles_client::json::hex;
use serde_json::{json, Value};

use super::{error::ApiResult, App};

/// The route of the service's state.
pub fn router() -> Router<Arc<App>> {
	Router::new().route("/api/info", get(get_info))
}

async fn get_info(State(app): State<Arc<App>>) -> ApiResult {
	let client = app.worker.node.client().await?;
	let counts: serde_json::Map<String, Value> = app
		.worker
		.store
		.counts()?
		.into_iter()
		.map(|(status, n)| (status, Value::from(n)))
		.collect();
	let chain = client.signing_chain().await?;
	Ok(Json(json!({
		"genesisHash": hex(&client.genesis_hash().0),
		"chainName": chain.name,
		"ss58Prefix": chain.ss58_prefix,
		"sponsor": app.worker.sponsor().account_id().to_string(),
		"finalized": client.finalized_number().await?,
		"maxPayloadLifetime": client.settings().await?.max_payload_lifetime,
		"claims": counts,
	}))
	.into_response())
}
