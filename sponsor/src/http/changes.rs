//! `POST /changes` and `POST /retirements`: an owner's signed change or retire payload, checked
//! as the chain will and queued like a claim (same limits, same statuses, same
//! `GET /claims/{id}`); `GET /changes/{id}` and `GET /retirements/{id}` answer for their kind
//! only.

use std::sync::Arc;

use axum::{
	body::Bytes,
	extract::{rejection::BytesRejection, Path, State},
	http::{HeaderMap, StatusCode},
	response::IntoResponse,
	routing::{get, post},
	Extension, Json, Router,
};
use codec::Encode;
use handles_client::{rules::HandleError, ChangeHandlePayload, Error, RetireHandlePayload};
use serde::Deserialize;
use serde_json::json;

use super::{
	arrive::{arrive, signed, Arrived, Signed},
	claims::claim_json,
	error::{ApiError, ApiResult},
	App,
};
use crate::{
	limits::ClientId,
	store::{Inserted, Kind, NewClaim, Op},
};

/// The routes of changes and retirements.
pub fn router() -> Router<Arc<App>> {
	Router::new()
		.route("/changes", post(post_change))
		.route("/retirements", post(post_retirement))
		.route("/changes/:id", get(|app, id| get_kind(app, id, Kind::Change)))
		.route("/retirements/:id", get(|app, id| get_kind(app, id, Kind::Retirement)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RetireBody {
	msa_id: u32,
	handle: String,
	expiration: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct ChangeBody {
	msa_id: u32,
	old_handle: Option<String>,
	new_base_handle: String,
	new_suffix: u32,
	expiration: u32,
}

/// A display handle of a payload as the pallet's bounded type (longer than any display handle:
/// `400 MalformedDisplayHandle`).
fn display<B: TryFrom<Vec<u8>>>(handle: &str) -> Result<B, ApiError> {
	handle.as_bytes().to_vec().try_into().map_err(|_| {
		ApiError::from(Error::MalformedDisplayHandle {
			input: handle.into(),
			message: "longer than any display handle".into(),
		})
	})
}

/// Stores a checked change or retirement: `202 { id, status }`, or why it waits.
fn queue(app: &App, new: NewClaim, op: Op) -> ApiResult {
	let msa_id = op.msa_id().unwrap_or_default();
	match app.worker.store.insert_op(&new, &op, &app.limits.admission)? {
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
		Inserted::MsaPending => Ok((
			StatusCode::CONFLICT,
			Json(json!({
				"error": "MsaPending",
				"message": format!("MSA {msa_id} has a change or retirement pending already"),
			})),
		)
			.into_response()),
		Inserted::Refused(refused) => Err(ApiError::Refused(refused, new.owner)),
	}
}

/// Checks a signed retire payload as the chain will, within the limits, and queues it: `202`;
/// the same signed payload again: `200` and the record it made. JSON only, with its proof of
/// work ([`signed`]).
async fn post_retirement(
	State(app): State<Arc<App>>,
	Extension(client_id): Extension<ClientId>,
	headers: HeaderMap,
	bytes: Result<Bytes, BytesRejection>,
) -> ApiResult {
	let request: Signed<RetireBody> = signed(&app, &headers, bytes)?;
	let RetireBody { msa_id, handle, expiration } = request.payload;
	let payload = RetireHandlePayload { msa_id, handle: display(&handle)?, expiration };
	let arrived =
		match arrive(&app, client_id, &request.owner, &request.signature, &payload).await? {
			Ok(arrived) => arrived,
			Err(answer) => return Ok(answer),
		};
	let Arrived { client, checking, owner, signature, replay_key } = arrived;
	client.check_retire(&checking, &owner, &signature, &payload, app.margin).await?;
	// The handle the MSA holds (checked): its base and suffix show in the record.
	let (base, suffix) = handles_client::rules::parse_display(handle.as_bytes())
		.map(|(base, suffix)| (base.to_string(), suffix))
		.unwrap_or_default();
	let new = NewClaim {
		replay_key,
		owner: owner.to_string(),
		signature: signature.encode(),
		base_handle: base,
		suffix,
		expiration,
		// A retirement takes no handle: its pending pair is its MSA's, never a handle's.
		canonical: format!("msa:{msa_id}"),
		client: client_id.to_string(),
	};
	queue(&app, new, Op::Retire { msa_id, handle })
}

/// Checks a signed change payload as the chain will, within the limits, and queues it: `202`;
/// the same signed payload again: `200` and the record it made. JSON only, with its proof of
/// work ([`signed`]).
async fn post_change(
	State(app): State<Arc<App>>,
	Extension(client_id): Extension<ClientId>,
	headers: HeaderMap,
	bytes: Result<Bytes, BytesRejection>,
) -> ApiResult {
	let request: Signed<ChangeBody> = signed(&app, &headers, bytes)?;
	let ChangeBody { msa_id, old_handle, new_base_handle, new_suffix, expiration } =
		request.payload;
	let payload =
		ChangeHandlePayload {
			msa_id,
			old_handle: old_handle.as_deref().map(display).transpose()?,
			new_base_handle: new_base_handle.as_bytes().to_vec().try_into().map_err(|_| {
				ApiError::from(Error::invalid(&new_base_handle, HandleError::TooLong))
			})?,
			new_suffix,
			expiration,
		};
	let arrived =
		match arrive(&app, client_id, &request.owner, &request.signature, &payload).await? {
			Ok(arrived) => arrived,
			Err(answer) => return Ok(answer),
		};
	let Arrived { client, checking, owner, signature, replay_key } = arrived;
	let checked = client.check_change(&checking, &owner, &signature, &payload, app.margin).await?;
	let new = NewClaim {
		replay_key,
		owner: owner.to_string(),
		signature: signature.encode(),
		base_handle: new_base_handle,
		suffix: new_suffix,
		expiration,
		canonical: checked.canonical,
		client: client_id.to_string(),
	};
	queue(&app, new, Op::Change { msa_id, old_handle })
}

/// The record `id` when it is of `kind`, or `404`.
async fn get_kind(State(app): State<Arc<App>>, Path(id): Path<String>, kind: Kind) -> ApiResult {
	match app.worker.store.get(&id)? {
		Some(record) if record.op.kind() == kind => Ok(Json(claim_json(&record)).into_response()),
		_ => Err(ApiError::NotFound(format!("no {} {id}", kind.as_str()))),
	}
}

#[cfg(test)]
mod tests {
	use std::net::{IpAddr, SocketAddr};

	use axum::{
		body::Body,
		extract::ConnectInfo,
		http::{header, Request},
	};
	use serde_json::Value;
	use tower::ServiceExt;

	use super::*;
	use crate::{
		http::{router, Limits},
		store::Admission,
	};

	/// An app whose node is unreachable (every check before the node answers first).
	fn app() -> Arc<App> {
		crate::http::tests::app(Limits::default(), 1000)
	}

	async fn send(app: &Arc<App>, mut request: Request<Body>) -> (StatusCode, Value) {
		let peer: IpAddr = "10.0.0.1".parse().unwrap();
		request.extensions_mut().insert(ConnectInfo(SocketAddr::new(peer, 40_000)));
		let response = router(app.clone()).oneshot(request).await.unwrap();
		let status = response.status();
		let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
		(status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
	}

	fn post(path: &str, content_type: &str, body: &str) -> Request<Body> {
		Request::post(path)
			.header(header::CONTENT_TYPE, content_type)
			.body(Body::from(body.to_string()))
			.unwrap()
	}

	const RETIRE: &str =
		r#"{"owner":"x","signature":"0x","payload":{"msaId":5,"handle":"Alice.7","expiration":9}}"#;
	const CHANGE: &str = r#"{"owner":"x","signature":"0x","payload":{"msaId":5,"oldHandle":null,"newBaseHandle":"Bob","newSuffix":8,"expiration":9}}"#;

	#[tokio::test]
	async fn changes_and_retirements_are_json_only_and_their_bodies_exact() {
		let app = app();
		for (path, body) in [("/changes", CHANGE), ("/retirements", RETIRE)] {
			for content_type in ["text/plain", "application/x-www-form-urlencoded"] {
				let (status, answer) = send(&app, post(path, content_type, body)).await;
				assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{path} {content_type}");
				assert_eq!(answer["error"], "UnsupportedMediaType");
			}
			// JSON goes on to the checks: a malformed owner, before the node is asked.
			let (status, answer) = send(&app, post(path, "application/json", body)).await;
			assert_eq!((status, &answer["error"]), (StatusCode::BAD_REQUEST, &"BadAccount".into()));
		}
		// An unknown field, a field of the other kind, a missing one: 400 naming it.
		for (path, body) in [
			("/retirements", RETIRE.replace(r#""expiration":9"#, r#""expiration":9,"extra":1"#)),
			("/retirements", CHANGE.to_string()),
			("/changes", RETIRE.to_string()),
			("/changes", CHANGE.replace(r#""newSuffix":8,"#, "")),
			("/changes", CHANGE.replace(r#""msaId":5"#, r#""msa_id":5"#)),
		] {
			let (status, answer) = send(&app, post(path, "application/json", &body)).await;
			assert_eq!((status, &answer["error"]), (StatusCode::BAD_REQUEST, &"BadRequest".into()));
			assert!(answer["message"].as_str().unwrap().contains("not a valid request body"));
		}
		// A handle longer than any display handle is refused before the node is asked.
		let long = RETIRE.replace("Alice.7", &format!("{}.7", "a".repeat(300)));
		let (status, answer) = send(&app, post("/retirements", "application/json", &long)).await;
		assert_eq!(
			(status, &answer["error"]),
			(StatusCode::BAD_REQUEST, &"MalformedDisplayHandle".into())
		);
	}

	#[tokio::test]
	async fn every_kind_has_its_status_at_claims_and_its_own_alias() {
		let app = app();
		let store = &app.worker.store;
		let new = |key: u8, canonical: &str| NewClaim {
			replay_key: [key; 32],
			owner: "alice".into(),
			signature: vec![1],
			base_handle: "Bob".into(),
			suffix: 8,
			expiration: 9,
			canonical: canonical.into(),
			client: "x".into(),
		};
		let id = |inserted| match inserted {
			Inserted::New(id) => id,
			other => panic!("{other:?}"),
		};
		let limits = Admission::default();
		let claim = id(store.insert(&new(1, "b0b-claim"), &limits).unwrap());
		let change = id(store
			.insert_op(
				&new(2, "b0b"),
				&Op::Change { msa_id: 5, old_handle: Some("Alice.7".into()) },
				&limits,
			)
			.unwrap());
		let retirement = id(store
			.insert_op(
				&new(3, "msa:6"),
				&Op::Retire { msa_id: 6, handle: "Carol.9".into() },
				&limits,
			)
			.unwrap());
		for (id, kind, msa, old) in [
			(&claim, "claim", Value::Null, Value::Null),
			(&change, "change", 5.into(), "Alice.7".into()),
			(&retirement, "retirement", 6.into(), "Carol.9".into()),
		] {
			let get = |path: String| Request::get(path).body(Body::empty()).unwrap();
			let (status, body) = send(&app, get(format!("/claims/{id}"))).await;
			assert_eq!(status, StatusCode::OK);
			assert_eq!(
				(&body["kind"], &body["msaId"], &body["oldHandle"]),
				(&kind.into(), &msa, &old)
			);
			assert_eq!(
				(&body["status"], &body["baseHandle"], &body["suffix"]),
				(&"queued".into(), &"Bob".into(), &8.into())
			);
			// The aliases answer for their own kind only.
			for (path, of) in [("changes", "change"), ("retirements", "retirement")] {
				let (status, alias) = send(&app, get(format!("/{path}/{id}"))).await;
				if of == kind {
					assert_eq!((status, &alias), (StatusCode::OK, &body));
				} else {
					assert_eq!(status, StatusCode::NOT_FOUND, "{path} {kind}");
				}
			}
		}
	}
}
