//! For operators: `GET /healthz` (200 when the node answers and the paying account can pay for a
//! claim and no multi-block migration runs, 503 `NotReady` with the reason otherwise) and `GET /metrics` (Prometheus text).

use std::sync::Arc;

use axum::{extract::State, http::header, response::IntoResponse, routing::get, Json, Router};
use serde_json::json;

use super::{
	error::{ApiError, ApiResult},
	App,
};

/// The routes of health and metrics.
pub fn router() -> Router<Arc<App>> {
	Router::new().route("/healthz", get(get_health)).route("/metrics", get(get_metrics))
}

/// `200 { ok, balance, claimFee }` when the node answers and the free balance above the existential
/// deposit covers one claim's fee (the highest fee a claim paid so far; before the first, any).
async fn get_health(State(app): State<Arc<App>>) -> ApiResult {
	let funds = app
		.worker
		.funds()
		.await
		.map_err(|e| ApiError::NotReady(format!("the node does not answer: {e}")))?;
	if let Ok(client) = app.worker.node.client().await {
		if let Some(reason) = app.worker.migration.held(&client).await? {
			return Err(ApiError::NotReady(reason.into()));
		}
	}
	let fee = app.worker.claim_fee();
	if funds.spendable() < fee {
		return Err(ApiError::NotReady(format!(
			"the paying account has {} planck above the existential deposit, less than a claim's \
			 fee ({fee} planck)",
			funds.spendable()
		)));
	}
	Ok(Json(
		json!({ "ok": true, "balance": funds.balance.to_string(), "claimFee": fee.to_string() }),
	)
	.into_response())
}

/// Every metric, claims per status counted now (at most every few seconds) and the account asked
/// of the node.
async fn get_metrics(State(app): State<Arc<App>>) -> ApiResult {
	let metrics = &app.worker.metrics;
	let counts = app.worker.store.counts()?;
	for status in ["queued", "submitted", "in_block", "finalized", "failed"] {
		let n = counts.iter().find(|(s, _)| s == status).map_or(0, |(_, n)| *n);
		metrics.claims.with_label_values(&[status]).set(i64::try_from(n).unwrap_or(i64::MAX));
		if status == "queued" {
			metrics.queue_depth.set(i64::try_from(n).unwrap_or(i64::MAX));
		}
	}
	// The node's answer (or its absence) is in node_up.
	let _ = app.worker.funds().await;
	Ok(([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], metrics.render())
		.into_response())
}
