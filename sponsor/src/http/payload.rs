//! `POST /api/payload`: the create payload for a base handle and suffix, and the readable text the
//! owner's wallet signs for it (SPEC "Signed payloads (v3)", the same text as the RPC
//! `handles_signingMessage`).

use std::sync::Arc;

use axum::{
	body::Bytes,
	extract::{rejection::BytesRejection, State},
	http::HeaderMap,
	response::IntoResponse,
	routing::post,
	Json, Router,
};
use handles_client::{json::hex, Error};
use serde::Deserialize;
use serde_json::json;

use super::{
	error::{ApiError, ApiResult},
	extract::body,
	guard::is_json,
	App,
};

/// The route of payloads.
pub fn router() -> Router<Arc<App>> {
	Router::new().route("/api/payload", post(post_payload))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct PayloadRequest {
	base_handle: String,
	suffix: u32,
}

async fn post_payload(
	State(app): State<Arc<App>>,
	headers: HeaderMap,
	bytes: Result<Bytes, BytesRejection>,
) -> ApiResult {
	if !is_json(&headers) {
		return Err(ApiError::NotJson);
	}
	let request: PayloadRequest = body(bytes)?;
	let base = &request.base_handle;
	// An invalid handle is refused offline, also while the node is away.
	handles_client::rules::validate(base.as_bytes(), |_| false)
		.map_err(|e| ApiError::from(Error::invalid(base, e)))?;
	let client = app.worker.node.client().await?;
	let payload = client.create_payload(base, Some(request.suffix)).await?;
	let (suffix, expiration) = (payload.suffix, payload.expiration);
	let message = client.signing_message(&payload).await?;
	Ok(Json(json!({
		"payload": { "baseHandle": base, "suffix": suffix, "expiration": expiration },
		"message": message,
		"bytes": hex(message.as_bytes()),
		"genesisHash": hex(&client.genesis_hash().0),
	}))
	.into_response())
}
