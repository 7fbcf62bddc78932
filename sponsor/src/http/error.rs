//! Every error answer of the API, in one type: each variant knows its HTTP status and its
//! `{ "error": <code>, "message": <one line> }` body (the README's table of errors).

use std::time::Duration;

use axum::{
	extract::rejection::BytesRejection,
	http::{header, HeaderValue, StatusCode},
	response::{IntoResponse, Response},
	Json,
};
use handles_client::Error as ClientError;
use serde_json::{json, Value};

use crate::{
	limits::ClientId,
	store::{self, Refusal},
	worker::is_connection,
};

/// An error answer.
#[derive(Debug)]
pub enum ApiError {
	/// `400 BadRequest`: a body that is not the request's JSON, a query parameter missing.
	BadRequest(String),
	/// The body could not be read: `413 TooLarge` over `--max-body`, else `400 BadRequest`.
	Body(BytesRejection),
	/// `400 BadSignature`: the signature is not one the service reads (what is wrong with it).
	BadSignature(&'static str),
	/// `403 Forbidden`: a cross-origin preflight from an origin `--allow-origin` does not name.
	Forbidden(&'static str),
	/// `408 Timeout`: the body did not arrive within `--body-timeout`.
	Timeout,
	/// `413 TooLarge`: the body is longer than this many bytes.
	TooLarge(usize),
	/// `415 UnsupportedMediaType`: `POST` bodies are `application/json` only.
	NotJson,
	/// A limit of the store's admission: `429 QueueFull`, `429 OwnerLimit` (the owner, SS58),
	/// `503 BudgetExhausted` (claims per hour, fees per day).
	Refused(Refusal, String),
	/// `503 NotReady`: `/healthz` says why the service cannot pay for a claim now.
	NotReady(String),
	/// `404 NotFound`: no such claim or route.
	NotFound(String),
	/// `409 SuffixPending`: another pending claim takes this display handle.
	SuffixPending(String),
	/// `429 RateLimited` with `Retry-After`: the client has no claim left for `wait`.
	RateLimited {
		/// The client (an address or an IPv6 network).
		client: ClientId,
		/// Until it has one again.
		wait: Duration,
	},
	/// `428 WorkRequired`: the service asks a proof of work of this many bits (`X-Handles-Work`,
	/// from `GET /api/work`) and the claim carries none.
	WorkRequired(u8),
	/// `403 WorkInvalid`: the claim's proof of work does not hold (why).
	WorkInvalid(crate::work::Invalid),
	/// `500 Internal`: the claims database failed (logged, not shown).
	Store(store::Error),
	/// The chain's or the node's answer: `422` for a claim the chain would refuse, `409` for a
	/// suffix not offered, `400` for a bad account or display handle, `503 NodeUnavailable` when
	/// the node cannot be reached, `502 NodeError` for anything else.
	Client(ClientError),
}

/// A handler's answer.
pub type ApiResult = Result<Response, ApiError>;

/// `{ "error": code, "message": message }`.
fn body(code: &str, message: impl Into<String>) -> Value {
	json!({ "error": code, "message": message.into() })
}

impl ApiError {
	/// The status and the body.
	fn answer(self) -> (StatusCode, Value) {
		match self {
			Self::BadRequest(message) => (StatusCode::BAD_REQUEST, body("BadRequest", message)),
			Self::Body(rejection) => {
				let status = rejection.status();
				let code =
					if status == StatusCode::PAYLOAD_TOO_LARGE { "TooLarge" } else { "BadRequest" };
				(status, body(code, rejection.body_text()))
			}
			Self::BadSignature(why) => {
				(StatusCode::BAD_REQUEST, body("BadSignature", format!("signature {why}")))
			}
			Self::NotFound(message) => (StatusCode::NOT_FOUND, body("NotFound", message)),
			Self::SuffixPending(display) => (
				StatusCode::CONFLICT,
				body(
					"SuffixPending",
					format!("{display} is being claimed by another pending claim"),
				),
			),
			Self::Forbidden(why) => (StatusCode::FORBIDDEN, body("Forbidden", why)),
			Self::Timeout => (
				StatusCode::REQUEST_TIMEOUT,
				body("Timeout", "the request's body did not arrive in time"),
			),
			Self::TooLarge(max) => (
				StatusCode::PAYLOAD_TOO_LARGE,
				body("TooLarge", format!("the body is longer than {max} bytes")),
			),
			Self::NotJson => (
				StatusCode::UNSUPPORTED_MEDIA_TYPE,
				body(
					"UnsupportedMediaType",
					"the body must be sent as Content-Type: application/json",
				),
			),
			Self::Refused(refusal, owner) => refused(refusal, &owner),
			Self::NotReady(why) => (StatusCode::SERVICE_UNAVAILABLE, body("NotReady", why)),
			Self::RateLimited { client, wait } => (
				StatusCode::TOO_MANY_REQUESTS,
				body(
					"RateLimited",
					format!(
						"too many requests from {client}: try again in {} s",
						retry_after_secs(wait)
					),
				),
			),
			Self::WorkRequired(bits) => (
				StatusCode::PRECONDITION_REQUIRED,
				body(
					"WorkRequired",
					format!(
						"a proof of work of {bits} bits is required: solve a challenge of GET /api/work and send it as X-Handles-Work"
					),
				),
			),
			Self::WorkInvalid(why) => {
				(StatusCode::FORBIDDEN, body("WorkInvalid", why.message()))
			}
			Self::Store(e) => {
				eprintln!("{e}");
				(StatusCode::INTERNAL_SERVER_ERROR, body("Internal", "the claims database failed"))
			}
			Self::Client(e) => client_answer(e),
		}
	}
}

/// A limit of the store's admission: who is waiting, or which budget is spent.
fn refused(refusal: Refusal, owner: &str) -> (StatusCode, Value) {
	match refusal {
		Refusal::QueueFull(pending) => (
			StatusCode::TOO_MANY_REQUESTS,
			body("QueueFull", format!("{pending} claims are waiting: try again in a minute")),
		),
		Refusal::OwnerLimit(pending) => (
			StatusCode::TOO_MANY_REQUESTS,
			body("OwnerLimit", format!("{owner} has {pending} claims waiting already")),
		),
		Refusal::ClaimsPerHour(n) => (
			StatusCode::SERVICE_UNAVAILABLE,
			json!({
				"error": "BudgetExhausted",
				"reason": "claimsPerHour",
				"message": format!("{n} claims were accepted in the last hour, the most this service pays for: try again later"),
			}),
		),
		Refusal::FeesPerDay(spent) => (
			StatusCode::SERVICE_UNAVAILABLE,
			json!({
				"error": "BudgetExhausted",
				"reason": "feesPerDay",
				"message": format!("claims of the last 24 hours cost {spent} planck, the most this service pays: try again later"),
			}),
		),
	}
}

/// Whole seconds to wait, rounded up past the next second.
fn retry_after_secs(wait: Duration) -> u64 {
	wait.as_secs() + 1
}

fn client_answer(e: ClientError) -> (StatusCode, Value) {
	let message = e.to_string();
	match e {
		ClientError::InvalidHandle { rule, message: rule_message, .. } => (
			StatusCode::UNPROCESSABLE_ENTITY,
			json!({ "error": "InvalidHandle", "rule": rule.name(), "message": rule_message }),
		),
		ClientError::SuffixNotAvailable { available, .. } => (
			StatusCode::CONFLICT,
			json!({ "error": "SuffixNotAvailable", "message": message, "available": available }),
		),
		ClientError::NoSuffixAvailable { .. } => {
			(StatusCode::CONFLICT, body("NoSuffixAvailable", message))
		}
		ClientError::WouldFail { error, message } => {
			(StatusCode::UNPROCESSABLE_ENTITY, body(error, message))
		}
		ClientError::MalformedDisplayHandle { .. } => {
			(StatusCode::BAD_REQUEST, body("MalformedDisplayHandle", message))
		}
		ClientError::BadAccount(_) => (StatusCode::BAD_REQUEST, body("BadAccount", message)),
		ref e if is_connection(e) => {
			(StatusCode::SERVICE_UNAVAILABLE, body("NodeUnavailable", message))
		}
		_ => (StatusCode::BAD_GATEWAY, body("NodeError", message)),
	}
}

impl IntoResponse for ApiError {
	fn into_response(self) -> Response {
		let retry_after = match &self {
			Self::RateLimited { wait, .. } => Some(retry_after_secs(*wait)),
			_ => None,
		};
		let (status, body) = self.answer();
		let mut response = (status, Json(body)).into_response();
		if let Some(secs) = retry_after {
			if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
				response.headers_mut().insert(header::RETRY_AFTER, v);
			}
		}
		response
	}
}

impl From<ClientError> for ApiError {
	fn from(e: ClientError) -> Self {
		Self::Client(e)
	}
}

impl From<store::Error> for ApiError {
	fn from(e: store::Error) -> Self {
		Self::Store(e)
	}
}

impl From<BytesRejection> for ApiError {
	fn from(rejection: BytesRejection) -> Self {
		Self::Body(rejection)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	async fn answer(e: ApiError) -> (StatusCode, Value, Option<String>) {
		let response = e.into_response();
		let status = response.status();
		let retry =
			response.headers().get(header::RETRY_AFTER).map(|v| v.to_str().unwrap().to_string());
		let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
		(status, serde_json::from_slice(&bytes).unwrap(), retry)
	}

	#[tokio::test]
	async fn every_error_is_its_status_a_code_and_a_one_line_message() {
		let client = crate::limits::Clients::default().id("10.0.0.1".parse().unwrap());
		let cases = [
			(ApiError::BadRequest("x".into()), 400, "BadRequest"),
			(ApiError::BadSignature("is not 0x-prefixed hex"), 400, "BadSignature"),
			(ApiError::NotFound("no claim 7".into()), 404, "NotFound"),
			(ApiError::SuffixPending("Alice.7".into()), 409, "SuffixPending"),
			(ApiError::Refused(Refusal::QueueFull(9), "5F".into()), 429, "QueueFull"),
			(ApiError::Refused(Refusal::OwnerLimit(3), "5F".into()), 429, "OwnerLimit"),
			(ApiError::Refused(Refusal::ClaimsPerHour(9), "5F".into()), 503, "BudgetExhausted"),
			(ApiError::Refused(Refusal::FeesPerDay(9), "5F".into()), 503, "BudgetExhausted"),
			(ApiError::NotJson, 415, "UnsupportedMediaType"),
			(ApiError::Timeout, 408, "Timeout"),
			(ApiError::TooLarge(10), 413, "TooLarge"),
			(ApiError::Forbidden("no"), 403, "Forbidden"),
			(ApiError::NotReady("no funds".into()), 503, "NotReady"),
			(ApiError::WorkRequired(16), 428, "WorkRequired"),
			(ApiError::WorkInvalid(crate::work::Invalid::Expired), 403, "WorkInvalid"),
			(ApiError::WorkInvalid(crate::work::Invalid::Unsolved), 403, "WorkInvalid"),
			(
				ApiError::RateLimited { client, wait: Duration::from_millis(19_400) },
				429,
				"RateLimited",
			),
			(
				ApiError::Store(store::Error::Database(rusqlite::Error::InvalidQuery)),
				500,
				"Internal",
			),
			(ApiError::Client(ClientError::BadAccount("x".into())), 400, "BadAccount"),
			(
				ApiError::Client(ClientError::NoSuffixAvailable { base: "a".into() }),
				409,
				"NoSuffixAvailable",
			),
			(
				ApiError::Client(ClientError::Unreachable {
					url: "ws://x".into(),
					reason: "down".into(),
				}),
				503,
				"NodeUnavailable",
			),
			(ApiError::Client(ClientError::Rejected("bad".into())), 502, "NodeError"),
		];
		for (error, status, code) in cases {
			let (got, body, retry) = answer(error).await;
			assert_eq!((got.as_u16(), body["error"].as_str()), (status, Some(code)), "{body}");
			let message = body["message"].as_str().unwrap();
			assert!(!message.is_empty() && !message.contains('\n'), "{message:?}");
			assert_eq!(
				retry.is_some(),
				code == "RateLimited",
				"Retry-After only when rate limited"
			);
		}
	}

	#[tokio::test]
	async fn a_refusal_the_chain_would_make_carries_its_details() {
		let (status, body, _) = answer(ApiError::Client(ClientError::invalid(
			"ab@",
			handles_client::rules::HandleError::TooLong,
		)))
		.await;
		assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
		assert_eq!(body["error"], "InvalidHandle");
		assert!(body["rule"].is_string(), "{body}");
		let (status, body, _) = answer(ApiError::Client(ClientError::SuffixNotAvailable {
			handle: "Alice.7".into(),
			available: vec![8, 9],
		}))
		.await;
		assert_eq!((status, &body["available"]), (StatusCode::CONFLICT, &json!([8, 9])));
		let (status, body, _) = answer(ApiError::Client(ClientError::WouldFail {
			error: "PayloadExpired",
			message: "the payload expired".into(),
		}))
		.await;
		assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
		assert_eq!(body, json!({ "error": "PayloadExpired", "message": "the payload expired" }));
	}

	#[tokio::test]
	async fn a_rate_limited_client_is_told_when_to_come_back() {
		let client = crate::limits::Clients::default().id("10.0.0.1".parse().unwrap());
		let (_, body, retry) =
			answer(ApiError::RateLimited { client, wait: Duration::from_millis(19_400) }).await;
		assert_eq!(retry.as_deref(), Some("20"));
		assert_eq!(body["message"], "too many requests from 10.0.0.1: try again in 20 s");
	}
}
