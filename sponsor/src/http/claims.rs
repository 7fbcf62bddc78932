//! `POST /claims` (an owner's signed create payload: checked, queued) and `GET /claims/{id}`
//! (where that claim is).

use std::{sync::Arc, time::Instant};

use axum::{
	body::Bytes,
	extract::{rejection::BytesRejection, Path, State},
	http::{HeaderMap, StatusCode},
	response::IntoResponse,
	routing::{get, post},
	Extension, Json, Router,
};
use codec::{Decode, Encode};
use handles_client::{
	json::{parse_account, unhex},
	rules::HandleError,
	CreateHandlePayload, Error,
};
use serde::Deserialize;
use serde_json::{json, Value};
use sp_runtime::{AccountId32, MultiSignature};

use super::{
	error::{ApiError, ApiResult},
	extract::body,
	guard::is_json,
	App,
};
use crate::{
	limits::ClientId,
	store::{Claim, Inserted, NewClaim},
};

/// The routes of claims.
pub fn router() -> Router<Arc<App>> {
	Router::new().route("/claims", post(post_claim)).route("/claims/:id", get(get_claim))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct PayloadBody {
	base_handle: String,
	suffix: u32,
	expiration: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimBody {
	owner: String,
	signature: String,
	payload: PayloadBody,
}

/// A claim's status, for `GET /claims/{id}` (and `POST /claims` of a payload seen before).
pub fn claim_json(claim: &Claim) -> Value {
	json!({
		"id": claim.public_id,
		"status": claim.status.as_str(),
		"reason": claim.reason,
		"handle": claim.handle,
		"msaId": claim.msa_id,
		"blockNumber": claim.block_number,
		"blockHash": claim.block_hash,
		"txHash": claim.tx_hash,
		"owner": claim.new.owner,
		"baseHandle": claim.new.base_handle,
		"suffix": claim.new.suffix,
		"expiration": claim.new.expiration,
		"final": !claim.status.is_pending(),
	})
}

/// A signature as wallets give it: SCALE `MultiSignature` (a scheme byte, then the signature),
/// or 64 bare bytes of an sr25519 or ed25519 signature, whichever verifies.
pub fn parse_signature(
	input: &str,
	owner: &AccountId32,
	message: &[u8],
) -> Result<MultiSignature, ApiError> {
	let bytes = unhex(input).ok_or(ApiError::BadSignature("is not 0x-prefixed hex"))?;
	if let Ok(raw) = <[u8; 64]>::try_from(bytes.as_slice()) {
		let sr = MultiSignature::Sr25519(sp_core::sr25519::Signature::from_raw(raw));
		if handles_client::verify_signature(&sr, owner, message).is_some() {
			return Ok(sr);
		}
		return Ok(MultiSignature::Ed25519(sp_core::ed25519::Signature::from_raw(raw)));
	}
	let signature = MultiSignature::decode(&mut &bytes[..])
		.map_err(|_| ApiError::BadSignature("is not a SCALE MultiSignature"))?;
	if signature.encoded_size() != bytes.len() {
		return Err(ApiError::BadSignature("has bytes after the MultiSignature"));
	}
	// Only the three schemes of the spec; the chain's type knows a fourth.
	if !matches!(
		signature,
		MultiSignature::Sr25519(_) | MultiSignature::Ed25519(_) | MultiSignature::Ecdsa(_)
	) {
		return Err(ApiError::BadSignature("scheme is not sr25519, ed25519 or ecdsa"));
	}
	Ok(signature)
}

/// Checks the signed payload as the chain will, within the limits, and queues it: `202`; the
/// same signed payload again: `200` and the claim it made. JSON only (`415` otherwise: a form or
/// `text/plain` post from another site's page is refused before any work).
async fn post_claim(
	State(app): State<Arc<App>>,
	Extension(client_id): Extension<ClientId>,
	headers: HeaderMap,
	bytes: Result<Bytes, BytesRejection>,
) -> ApiResult {
	if !is_json(&headers) {
		return Err(ApiError::NotJson);
	}
	let claim: ClaimBody = body(bytes)?;
	let owner = parse_account(&claim.owner)?;
	let payload = CreateHandlePayload {
		base_handle: claim.payload.base_handle.as_bytes().to_vec().try_into().map_err(|_| {
			ApiError::from(Error::invalid(&claim.payload.base_handle, HandleError::TooLong))
		})?,
		suffix: claim.payload.suffix,
		expiration: claim.payload.expiration,
	};
	let client = app.worker.node.client().await?;
	let message = client.message(&payload);
	let signature = parse_signature(&claim.signature, &owner, &message)?;
	let replay_key = handles_client::replay_key(&message, &owner);
	let store = &app.worker.store;
	// The same signed payload again (a retry): the claim it made.
	if let Some(existing) = store.by_replay_key(&replay_key)? {
		return Ok((StatusCode::OK, Json(claim_json(&existing))).into_response());
	}
	let owner_text = owner.to_string();
	// Refused early when a limit is reached already (the insert checks again, atomically).
	let admission = &app.limits.admission;
	if let Some(refused) = store.admits(&owner_text, admission)? {
		return Err(ApiError::Refused(refused, owner_text));
	}
	// Only claims that would be queued use up the client's allowance.
	if let Err(wait) = app.rate.take(client_id, Instant::now()) {
		return Err(ApiError::RateLimited { client: client_id, wait });
	}
	let options = client.check_create(&owner, &signature, &payload, app.margin).await?;
	let new = NewClaim {
		replay_key,
		owner: owner_text,
		signature: signature.encode(),
		base_handle: claim.payload.base_handle.clone(),
		suffix: payload.suffix,
		expiration: payload.expiration,
		canonical: String::from_utf8_lossy(&options.options.canonical).into_owned(),
		client: client_id.to_string(),
	};
	match store.insert(&new, admission)? {
		Inserted::New(id) => {
			app.worker.wake.notify_one();
			Ok((StatusCode::ACCEPTED, Json(json!({ "id": id, "status": "queued" })))
				.into_response())
		}
		Inserted::Existing(existing) => {
			Ok((StatusCode::OK, Json(claim_json(&existing))).into_response())
		}
		Inserted::PairPending => Err(ApiError::SuffixPending(
			handles_client::rules::format_display(&new.base_handle, new.suffix),
		)),
		Inserted::Refused(refused) => Err(ApiError::Refused(refused, new.owner)),
	}
}

/// The claim `id`, or `404`.
async fn get_claim(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult {
	match app.worker.store.get(&id)? {
		Some(claim) => Ok(Json(claim_json(&claim)).into_response()),
		None => Err(ApiError::NotFound(format!("no claim {id}"))),
	}
}
