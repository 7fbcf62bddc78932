//! The HTTP API and the claim page.
//!
//! | route | what |
//! |---|---|
//! | `POST /claims` | `{ owner, signature, payload: { baseHandle, suffix, expiration } }`: checked, queued (`202 { id, status }`; the same payload again: `200`, that claim) |
//! | `GET /claims/{id}` | `{ id, status, reason, handle, msaId, blockNumber, blockHash, txHash, ... }` |
//! | `POST /api/payload` | `{ baseHandle, suffix }` → `{ payload, message, genesisHash }`: the payload to sign and its message |
//! | `GET /api/options?base=` | `handles_getSuffixOptions` of the node |
//! | `GET /api/lookup?handle=` | `handles_getMsaForHandle` of the node |
//! | `GET /api/info` | the chain, the sponsor account, claims per status |
//! | `GET /` | the claim page |
//!
//! Errors are `{ "error": <code>, "message": <one line> }` with a 4xx or 5xx status.

use std::{collections::HashMap, net::SocketAddr, sync::Arc, time::Instant};

use axum::{
	body::Bytes,
	extract::{rejection::BytesRejection, ConnectInfo, DefaultBodyLimit, Path, Query, State},
	http::{header, HeaderValue, StatusCode},
	response::{IntoResponse, Response},
	routing::{get, post},
	Json, Router,
};
use codec::{Decode, Encode};
use handles_client::{
	check_display,
	json::{self, hex, parse_account, unhex},
	rules::HandleError,
	CreateHandlePayload, Error,
};
use serde::Deserialize;
use serde_json::{json, Value};
use sp_runtime::{AccountId32, MultiSignature};

use crate::{
	limits::RateLimit,
	store::{Inserted, NewClaim},
	worker::{claim_json, is_connection, Worker},
};

/// Limits of the API.
#[derive(Clone, Debug)]
pub struct Limits {
	/// Pending claims (queued, submitted, in a block) the service holds at most.
	pub queue: u64,
	/// Pending claims one owner may have.
	pub per_owner: u64,
	/// Largest request body, in bytes.
	pub max_body: usize,
}

/// What the handlers share.
pub struct App {
	/// The background work (store, node, key).
	pub worker: Arc<Worker>,
	/// The API's limits.
	pub limits: Limits,
	/// Claims per minute per client address.
	pub rate: RateLimit,
	/// Blocks a payload must still live when it arrives.
	pub margin: u32,
}

/// An error answer.
pub struct ApiError {
	status: StatusCode,
	body: Value,
}

impl ApiError {
	fn new(status: StatusCode, error: &str, message: impl Into<String>) -> Self {
		Self { status, body: json!({ "error": error, "message": message.into() }) }
	}
}

impl IntoResponse for ApiError {
	fn into_response(self) -> Response {
		(self.status, Json(self.body)).into_response()
	}
}

impl From<Error> for ApiError {
	fn from(e: Error) -> Self {
		let message = e.to_string();
		match e {
			Error::InvalidHandle { rule, message: rule_message, .. } => Self {
				status: StatusCode::UNPROCESSABLE_ENTITY,
				body: json!({
					"error": "InvalidHandle",
					"rule": rule.name(),
					"message": rule_message,
				}),
			},
			Error::SuffixNotAvailable { available, .. } => Self {
				status: StatusCode::CONFLICT,
				body: json!({ "error": "SuffixNotAvailable", "message": message, "available": available }),
			},
			Error::NoSuffixAvailable { .. } => {
				Self::new(StatusCode::CONFLICT, "NoSuffixAvailable", message)
			}
			Error::WouldFail { error, message } => {
				Self::new(StatusCode::UNPROCESSABLE_ENTITY, error, message)
			}
			Error::MalformedDisplayHandle { .. } => {
				Self::new(StatusCode::BAD_REQUEST, "MalformedDisplayHandle", message)
			}
			Error::BadAccount(_) => Self::new(StatusCode::BAD_REQUEST, "BadAccount", message),
			ref e if is_connection(e) => {
				Self::new(StatusCode::SERVICE_UNAVAILABLE, "NodeUnavailable", message)
			}
			_ => Self::new(StatusCode::BAD_GATEWAY, "NodeError", message),
		}
	}
}

type ApiResult = Result<Response, ApiError>;

fn store_error(e: crate::store::Error) -> ApiError {
	eprintln!("{e}");
	ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "Internal", "the claims database failed")
}

/// A JSON body of type `T`, or a `400`/`413` that says what is wrong with it.
fn body<T: for<'de> Deserialize<'de>>(bytes: Result<Bytes, BytesRejection>) -> Result<T, ApiError> {
	let bytes = bytes.map_err(|r| {
		let status = r.status();
		let error = if status == StatusCode::PAYLOAD_TOO_LARGE { "TooLarge" } else { "BadRequest" };
		ApiError::new(status, error, r.body_text())
	})?;
	serde_json::from_slice(&bytes).map_err(|e| {
		ApiError::new(
			StatusCode::BAD_REQUEST,
			"BadRequest",
			format!("not a valid request body: {e}"),
		)
	})
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct PayloadRequest {
	base_handle: String,
	suffix: u32,
}

/// A signature as wallets give it: SCALE `MultiSignature` (a scheme byte, then the signature),
/// or 64 bare bytes of an sr25519 or ed25519 signature, whichever verifies.
pub fn parse_signature(
	input: &str,
	owner: &AccountId32,
	message: &[u8],
) -> Result<MultiSignature, ApiError> {
	let bad = |why: &str| {
		ApiError::new(StatusCode::BAD_REQUEST, "BadSignature", format!("signature {why}"))
	};
	let bytes = unhex(input).ok_or_else(|| bad("is not 0x-prefixed hex"))?;
	if let Ok(raw) = <[u8; 64]>::try_from(bytes.as_slice()) {
		let sr = MultiSignature::Sr25519(sp_core::sr25519::Signature::from_raw(raw));
		if handles_client::verify_signature(&sr, owner, message).is_some() {
			return Ok(sr);
		}
		return Ok(MultiSignature::Ed25519(sp_core::ed25519::Signature::from_raw(raw)));
	}
	let signature = MultiSignature::decode(&mut &bytes[..])
		.map_err(|_| bad("is not a SCALE MultiSignature"))?;
	if signature.encoded_size() != bytes.len() {
		return Err(bad("has bytes after the MultiSignature"));
	}
	// Only the three schemes of the spec; the chain's type knows a fourth.
	if !matches!(
		signature,
		MultiSignature::Sr25519(_) | MultiSignature::Ed25519(_) | MultiSignature::Ecdsa(_)
	) {
		return Err(bad("scheme is not sr25519, ed25519 or ecdsa"));
	}
	Ok(signature)
}

fn client_ip(addr: &SocketAddr) -> std::net::IpAddr {
	addr.ip()
}

async fn post_claim(
	State(app): State<Arc<App>>,
	ConnectInfo(addr): ConnectInfo<SocketAddr>,
	bytes: Result<Bytes, BytesRejection>,
) -> ApiResult {
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
	if let Some(existing) = store.by_replay_key(&replay_key).map_err(store_error)? {
		return Ok((StatusCode::OK, Json(claim_json(&existing))).into_response());
	}
	let owner_text = owner.to_string();
	let (pending, mine) = store.pending(&owner_text).map_err(store_error)?;
	if pending >= app.limits.queue {
		return Err(ApiError::new(
			StatusCode::TOO_MANY_REQUESTS,
			"QueueFull",
			format!("{pending} claims are waiting: try again in a minute"),
		));
	}
	if mine >= app.limits.per_owner {
		return Err(ApiError::new(
			StatusCode::TOO_MANY_REQUESTS,
			"OwnerLimit",
			format!("{owner_text} has {mine} claims waiting already"),
		));
	}
	// Only claims that would be queued use up the client's allowance.
	if let Err(wait) = app.rate.take(client_ip(&addr), Instant::now()) {
		let mut response = ApiError::new(
			StatusCode::TOO_MANY_REQUESTS,
			"RateLimited",
			format!("too many claims from {}: try again in {} s", addr.ip(), wait.as_secs() + 1),
		)
		.into_response();
		if let Ok(v) = HeaderValue::from_str(&(wait.as_secs() + 1).to_string()) {
			response.headers_mut().insert(header::RETRY_AFTER, v);
		}
		return Ok(response);
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
		client: addr.ip().to_string(),
	};
	match store.insert(&new).map_err(store_error)? {
		Inserted::New(id) => {
			app.worker.wake.notify_one();
			Ok((StatusCode::ACCEPTED, Json(json!({ "id": id, "status": "queued" })))
				.into_response())
		}
		Inserted::Existing(existing) => {
			Ok((StatusCode::OK, Json(claim_json(&existing))).into_response())
		}
		Inserted::PairPending => Err(ApiError::new(
			StatusCode::CONFLICT,
			"SuffixPending",
			format!(
				"{} is being claimed by another pending claim",
				handles_client::rules::format_display(&new.base_handle, new.suffix)
			),
		)),
	}
}

async fn get_claim(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult {
	let not_found = || ApiError::new(StatusCode::NOT_FOUND, "NotFound", format!("no claim {id}"));
	let Ok(number) = id.parse::<i64>() else { return Err(not_found()) };
	match app.worker.store.get(number).map_err(store_error)? {
		Some(claim) => Ok(Json(claim_json(&claim)).into_response()),
		None => Err(not_found()),
	}
}

fn query<'a>(params: &'a HashMap<String, String>, name: &str) -> Result<&'a str, ApiError> {
	params.get(name).map(String::as_str).ok_or_else(|| {
		ApiError::new(
			StatusCode::BAD_REQUEST,
			"BadRequest",
			format!("the query parameter {name} is missing"),
		)
	})
}

async fn get_options(
	State(app): State<Arc<App>>,
	Query(params): Query<HashMap<String, String>>,
) -> ApiResult {
	let base = query(&params, "base")?;
	let client = app.worker.node.client().await?;
	let options = client.suffix_options(base).await?;
	Ok(Json(json::options(&options)).into_response())
}

async fn get_lookup(
	State(app): State<Arc<App>>,
	Query(params): Query<HashMap<String, String>>,
) -> ApiResult {
	let handle = query(&params, "handle")?;
	check_display(handle)?;
	let client = app.worker.node.client().await?;
	let found = client.msa_for_handle(handle).await?;
	Ok(Json(found.as_ref().map(json::msa_for_handle).unwrap_or(Value::Null)).into_response())
}

async fn post_payload(
	State(app): State<Arc<App>>,
	bytes: Result<Bytes, BytesRejection>,
) -> ApiResult {
	let request: PayloadRequest = body(bytes)?;
	let base = &request.base_handle;
	// An invalid handle is refused offline, also while the node is away.
	handles_client::rules::validate(base.as_bytes(), |_| false)
		.map_err(|e| ApiError::from(Error::invalid(base, e)))?;
	let client = app.worker.node.client().await?;
	let payload = client.create_payload(base, Some(request.suffix)).await?;
	let (suffix, expiration) = (payload.suffix, payload.expiration);
	Ok(Json(json!({
		"payload": { "baseHandle": base, "suffix": suffix, "expiration": expiration },
		"message": hex(&client.message(&payload)),
		"genesisHash": hex(&client.genesis_hash().0),
	}))
	.into_response())
}

async fn get_info(State(app): State<Arc<App>>) -> ApiResult {
	let client = app.worker.node.client().await?;
	let counts: serde_json::Map<String, Value> = app
		.worker
		.store
		.counts()
		.map_err(store_error)?
		.into_iter()
		.map(|(status, n)| (status, Value::from(n)))
		.collect();
	Ok(Json(json!({
		"genesisHash": hex(&client.genesis_hash().0),
		"sponsor": app.worker.sponsor().account_id().to_string(),
		"finalized": client.finalized_number().await?,
		"claims": counts,
	}))
	.into_response())
}

fn file(content_type: &'static str, body: &'static [u8]) -> Response {
	([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "no-cache")], body)
		.into_response()
}

const JS: &str = "text/javascript; charset=utf-8";

/// The routes.
pub fn router(app: Arc<App>) -> Router {
	let max_body = app.limits.max_body;
	Router::new()
		.route("/claims", post(post_claim))
		.route("/claims/:id", get(get_claim))
		.route("/api/payload", post(post_payload))
		.route("/api/options", get(get_options))
		.route("/api/lookup", get(get_lookup))
		.route("/api/info", get(get_info))
		.route(
			"/",
			get(|| async {
				file("text/html; charset=utf-8", include_bytes!("../page/index.html"))
			}),
		)
		.route("/app.js", get(|| async { file(JS, include_bytes!("../page/app.js")) }))
		.route(
			"/style.css",
			get(|| async { file("text/css; charset=utf-8", include_bytes!("../page/style.css")) }),
		)
		// The rules, as the JavaScript package ships them (Wasm from the Rust crate).
		.route(
			"/js/src/rules.js",
			get(|| async { file(JS, include_bytes!("../../clients/js/src/rules.js")) }),
		)
		.route(
			"/js/src/errors.js",
			get(|| async { file(JS, include_bytes!("../../clients/js/src/errors.js")) }),
		)
		.route(
			"/js/dist/handles_rules.wasm",
			get(|| async {
				file("application/wasm", include_bytes!("../../clients/js/dist/handles_rules.wasm"))
			}),
		)
		.fallback(|| async { ApiError::new(StatusCode::NOT_FOUND, "NotFound", "no such route") })
		.layer(DefaultBodyLimit::max(max_body))
		.with_state(app)
}
