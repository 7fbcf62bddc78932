//! `GET /api/work`: a proof-of-work challenge for the claim a client is about to send
//! (`X-Handles-Work` of `POST /claims`; [`crate::work`]).

use std::sync::Arc;

use axum::{extract::State, http::header, response::IntoResponse, routing::get, Json, Router};
use serde_json::json;

use super::{error::ApiResult, App};
use crate::work::{self, VALID_FOR};

/// The route of challenges.
pub fn router() -> Router<Arc<App>> {
	Router::new().route("/api/work", get(get_work))
}

/// `{ challenge, bits, expiresInSeconds }`: a challenge of the bits the service asks now (`bits`
/// 0: no proof is needed; the challenge is given all the same), never cached.
async fn get_work(State(app): State<Arc<App>>) -> ApiResult {
	let bits = work::bits_now(&app)?;
	let challenge = app.work.issue(bits, work::now());
	Ok((
		[(header::CACHE_CONTROL, "no-store")],
		Json(json!({
			"challenge": challenge,
			"bits": bits,
			"expiresInSeconds": VALID_FOR.as_secs(),
		})),
	)
		.into_response())
}
