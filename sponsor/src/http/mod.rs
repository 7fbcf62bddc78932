//! The HTTP API and the claim page: one module and router per resource, one error type.
//!
//! | route | module | what |
//! |---|---|---|
//! | `POST /claims` | `claims.rs` | `{ owner, signature, payload: { baseHandle, suffix, expiration } }`: checked, queued (`202 { id, status }`; the same payload again: `200`, that claim) |
//! | `GET /claims/{id}` | `claims.rs` | `{ id, status, reason, handle, msaId, blockNumber, blockHash, txHash, ... }` |
//! | `POST /api/payload` | `payload.rs` | `{ baseHandle, suffix }` → `{ payload, message, genesisHash }`: the payload to sign and its message |
//! | `GET /api/options?base=` | `reads.rs` | `handles_getSuffixOptions` of the node |
//! | `GET /api/lookup?handle=` | `reads.rs` | `handles_getMsaForHandle` of the node |
//! | `GET /api/info` | `info.rs` | the chain, the sponsor account, claims per status |
//! | `GET /` | `page.rs` | the claim page |
//!
//! Errors are `{ "error": <code>, "message": <one line> }` with a 4xx or 5xx status
//! ([`ApiError`]).

use std::{future::Future, net::SocketAddr, sync::Arc};

use axum::{extract::DefaultBodyLimit, Router};
use tokio::net::TcpListener;

use crate::{limits::RateLimit, worker::Worker};

mod claims;
mod error;
mod extract;
mod info;
mod page;
mod payload;
mod reads;

pub use claims::{claim_json, parse_signature};
pub use error::{ApiError, ApiResult};

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

/// The routes: every resource's, the page's, and `404 NotFound` for any other.
pub fn router(app: Arc<App>) -> Router {
	let max_body = app.limits.max_body;
	Router::new()
		.merge(claims::router())
		.merge(payload::router())
		.merge(reads::router())
		.merge(info::router())
		.merge(page::router())
		.fallback(|| async { ApiError::NotFound("no such route".into()) })
		.layer(DefaultBodyLimit::max(max_body))
		.with_state(app)
}

/// Serves the routes on `listener` (handlers see the client's address) until `shutdown` ends.
pub async fn serve(
	listener: TcpListener,
	app: Arc<App>,
	shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
	let service = router(app).into_make_service_with_connect_info::<SocketAddr>();
	axum::serve(listener, service).with_graceful_shutdown(shutdown).await
}
