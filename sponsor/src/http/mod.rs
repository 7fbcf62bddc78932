//! The HTTP API and the claim page: one module and router per resource, one error type.
//!
//! | route | module | what |
//! |---|---|---|
//! | `POST /claims` | `claims.rs` | `{ owner, signature, payload: { baseHandle, suffix, expiration } }`: checked, queued (`202 { id, status }`; the same payload again: `200`, that claim) |
//! | `GET /claims/{id}` | `claims.rs` | `{ id, kind, status, reason, handle, msaId, blockNumber, blockHash, txHash, ... }` of a claim, a change or a retirement |
//! | `POST /changes` | `changes.rs` | `{ owner, signature, payload: { msaId, oldHandle, newBaseHandle, newSuffix, expiration } }`: checked, queued as a claim is |
//! | `POST /retirements` | `changes.rs` | `{ owner, signature, payload: { msaId, handle, expiration } }`: checked, queued as a claim is |
//! | `GET /changes/{id}`, `GET /retirements/{id}` | `changes.rs` | `GET /claims/{id}` of a record of that kind |
//! | `POST /api/payload` | `payload.rs` | `{ baseHandle, suffix }` → `{ payload, message, genesisHash }`: the payload to sign and its message |
//! | `GET /api/options?base=` | `reads.rs` | `handles_getSuffixOptions` of the node |
//! | `GET /api/lookup?handle=` | `reads.rs` | `handles_getMsaForHandle` of the node |
//! | `GET /api/owned?owner=` | `reads.rs` | `handles_getHandlesForOwner` of the node: `[{ msaId, handle }]` |
//! | `GET /api/work` | `work.rs` | `{ challenge, bits, expiresInSeconds }`: a proof-of-work challenge for a claim's `X-Handles-Work` ([`crate::work`]) |
//! | `GET /api/info` | `info.rs` | the chain, the sponsor account, claims per status |
//! | `GET /healthz`, `GET /metrics` | `ops.rs` | whether it can pay (200/503), Prometheus metrics |
//! | `GET /` | `page.rs` | the claim page |
//!
//! Errors are `{ "error": <code>, "message": <one line> }` with a 4xx or 5xx status
//! ([`ApiError`]).

use std::{convert::Infallible, future::Future, net::SocketAddr, sync::Arc, time::Duration};

use axum::{
	extract::{ConnectInfo, DefaultBodyLimit, Request},
	middleware, Router,
};
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tower::ServiceExt;

use crate::{
	limits::{Clients, RateLimit},
	store::Admission,
	worker::Worker,
};

mod arrive;
mod changes;
mod claims;
mod error;
mod extract;
mod guard;
mod info;
mod ops;
mod page;
mod payload;
mod reads;
mod work;

pub use claims::{claim_json, parse_signature};
pub use error::{ApiError, ApiResult};
pub use guard::CSP;

/// Limits of the API.
#[derive(Clone, Debug)]
pub struct Limits {
	/// What a claim must fit in: pending claims in all and per owner, claims per hour, fees per
	/// day (checked in one transaction with the insert).
	pub admission: Admission,
	/// Largest request body, in bytes.
	pub max_body: usize,
	/// How clients are told apart (IPv6 networks, trusted proxies).
	pub clients: Clients,
	/// Origins whose pages may call the API (CORS); none by default.
	pub allow_origins: Vec<String>,
	/// Time a client has to send its request's headers.
	pub header_timeout: Duration,
	/// Time a client has to send its request's body.
	pub body_timeout: Duration,
}

impl Default for Limits {
	fn default() -> Self {
		Self {
			admission: Admission::default(),
			max_body: 4096,
			clients: Clients::default(),
			allow_origins: Vec::new(),
			header_timeout: Duration::from_secs(10),
			body_timeout: Duration::from_secs(10),
		}
	}
}

/// What the handlers share.
pub struct App {
	/// The background work (store, node, key).
	pub worker: Arc<Worker>,
	/// The API's limits.
	pub limits: Limits,
	/// New claims per minute per client.
	pub rate: RateLimit,
	/// Every other request per minute per client (reads, the page's files, payloads).
	pub read_rate: RateLimit,
	/// Blocks a payload must still live when it arrives.
	pub margin: u32,
	/// The proof of work claims carry (`--work-bits`; none asked at 0).
	pub work: crate::work::Work,
}

/// The routes: every resource's, the page's, and `404 NotFound` for any other; each request
/// through [`guard::guard`] first.
pub fn router(app: Arc<App>) -> Router {
	let max_body = app.limits.max_body;
	Router::new()
		.merge(claims::router())
		.merge(changes::router())
		.merge(payload::router())
		.merge(reads::router())
		.merge(info::router())
		.merge(work::router())
		.merge(ops::router())
		.merge(page::router())
		.fallback(|| async { ApiError::NotFound("no such route".into()) })
		.layer(DefaultBodyLimit::max(max_body))
		.layer(middleware::from_fn_with_state(app.clone(), guard::guard))
		.with_state(app)
}

/// Serves the routes on `listener` until `shutdown` ends: one HTTP/1 connection per client,
/// cut off when its headers take longer than `--header-timeout` (handlers see the peer's
/// address).
pub async fn serve(
	listener: TcpListener,
	app: Arc<App>,
	shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
	let header_timeout = app.limits.header_timeout;
	let router = router(app);
	tokio::pin!(shutdown);
	loop {
		let (stream, peer) = tokio::select! {
			accepted = listener.accept() => match accepted {
				Ok(accepted) => accepted,
				// Out of file descriptors and the like: wait, the others go on.
				Err(_) => {
					tokio::time::sleep(Duration::from_millis(50)).await;
					continue;
				}
			},
			() = &mut shutdown => return Ok(()),
		};
		let router = router.clone();
		let service = hyper::service::service_fn(move |mut request: Request<_>| {
			request.extensions_mut().insert(ConnectInfo::<SocketAddr>(peer));
			let router = router.clone();
			async move {
				Ok::<_, Infallible>(
					router
						.oneshot(request.map(axum::body::Body::new))
						.await
						.unwrap_or_else(|e| match e {}),
				)
			}
		});
		tokio::spawn(async move {
			let _ = http1::Builder::new()
				.timer(TokioTimer::new())
				.header_read_timeout(header_timeout)
				.serve_connection(TokioIo::new(stream), service)
				.await;
		});
	}
}

#[cfg(test)]
mod tests;
