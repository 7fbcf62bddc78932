//! What the chain says, through the node: `GET /api/options?base=` (the suffixes offered for a
//! base handle, the node's `handles_getSuffixOptions`) and `GET /api/lookup?handle=` (who holds a
//! display handle, look-alikes included, the node's `handles_getMsaForHandle`; `null` when nobody
//! does) and `GET /api/owned?owner=` (an account's MSAs and their handles, the node's
//! `handles_getHandlesForOwner`: `[{ msaId, handle }]`, `handle` `null` when retired).

use std::{collections::HashMap, sync::Arc};

use axum::{
	extract::{Query, State},
	response::IntoResponse,
	routing::get,
	Json, Router,
};
use handles_client::{check_display, json};
use serde_json::{json as object, Value};

use super::{error::ApiResult, extract::query, App};

/// The routes of suffix options and look-ups.
pub fn router() -> Router<Arc<App>> {
	Router::new()
		.route("/api/options", get(get_options))
		.route("/api/lookup", get(get_lookup))
		.route("/api/owned", get(get_owned))
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

async fn get_owned(
	State(app): State<Arc<App>>,
	Query(params): Query<HashMap<String, String>>,
) -> ApiResult {
	let owner = json::parse_account(query(&params, "owner")?)?;
	let client = app.worker.node.client().await?;
	let owned = client.handles_for_owner(&owner).await?;
	let list: Vec<Value> = owned
		.iter()
		.map(|m| object!({ "msaId": m.msa_id, "handle": m.handle.as_deref().map(json::text) }))
		.collect();
	Ok(Json(Value::Array(list)).into_response())
}
