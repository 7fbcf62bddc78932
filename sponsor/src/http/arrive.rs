//! What every paying route (`POST /claims`, `/changes`, `/retirements`) does with a request
//! before its kind's check: the JSON body of a signed payload with its proof of work
//! ([`signed`]), then the owner, the signature as the wallet gave it, the same payload seen
//! before, the limits and the client's allowance ([`arrive`]).

use std::time::Instant;

use axum::{
	body::Bytes,
	extract::rejection::BytesRejection,
	http::{HeaderMap, StatusCode},
	response::{IntoResponse, Response},
	Json,
};
use handles_client::{json::parse_account, Checking, Client, SignedPayload};
use serde::Deserialize;
use sp_runtime::{AccountId32, MultiSignature};

use super::{
	claims::{claim_json, parse_signature},
	error::ApiError,
	extract::body,
	guard::is_json,
	App,
};
use crate::limits::ClientId;

/// The body of every paying route: the owner's account, the signature and the payload.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Signed<P> {
	pub owner: String,
	pub signature: String,
	pub payload: P,
}

/// The signed payload of a paying request: JSON only (`415` otherwise: a form or `text/plain`
/// post from another site's page is refused before any work), then the body (`400`/`413`), then
/// the proof of work of `X-Handles-Work` for its signature when `--work-bits` asks one
/// (`428`/`403`): before the node is asked anything and before the client's allowance is used.
pub(super) fn signed<P: for<'de> Deserialize<'de>>(
	app: &App,
	headers: &HeaderMap,
	bytes: Result<Bytes, BytesRejection>,
) -> Result<Signed<P>, ApiError> {
	if !is_json(headers) {
		return Err(ApiError::NotJson);
	}
	let request: Signed<P> = body(bytes)?;
	crate::work::check(app, headers, request.signature.to_ascii_lowercase().as_bytes())?;
	Ok(request)
}

/// A payload that arrived, read and within the limits: what its kind's check needs.
pub(super) struct Arrived {
	pub client: Client,
	/// The blocks, settings and messages the kind's check reads.
	pub checking: Checking,
	pub owner: AccountId32,
	pub signature: MultiSignature,
	pub replay_key: [u8; 32],
}

/// What every payload goes through before its kind's check: the owner's account, claims held
/// while a migration runs (`503`), the signature as the wallet gave it (over the readable text
/// or the legacy message, as on chain), the same payload seen before (`200` and that record),
/// the limits, the client's allowance. `Ok(Err(answer))` when the answer is known already.
pub(super) async fn arrive<P: SignedPayload>(
	app: &App,
	client_id: ClientId,
	owner: &str,
	signature: &str,
	payload: &P,
) -> Result<Result<Arrived, Response>, ApiError> {
	let owner = parse_account(owner)?;
	let client = app.worker.node.client().await?;
	if let Some(reason) = app.worker.migration.held(&client).await? {
		return Err(ApiError::NotReady(reason.into()));
	}
	let checking = client.checking(payload).await?;
	let signature = parse_signature(signature, &owner, checking.messages())?;
	// The pallet's replay key, of the legacy message whichever was signed.
	let replay_key = handles_client::replay_key(&checking.messages().legacy, &owner);
	let store = &app.worker.store;
	if let Some(existing) = store.by_replay_key(&replay_key)? {
		return Ok(Err((StatusCode::OK, Json(claim_json(&existing))).into_response()));
	}
	let owner_text = owner.to_string();
	// Refused early when a limit is reached already (the insert checks again, atomically).
	if let Some(refused) = store.admits(&owner_text, &app.limits.admission)? {
		return Err(ApiError::Refused(refused, owner_text));
	}
	// Only payloads that would be queued use up the client's allowance.
	if let Err(wait) = app.rate.take(client_id, Instant::now()) {
		return Err(ApiError::RateLimited { client: client_id, wait });
	}
	Ok(Ok(Arrived { client, checking, owner, signature, replay_key }))
}
