//! What every request goes through before its handler: the client it comes from, the read rate
//! limit, cross-origin rules, the body read within a time limit, and the headers every answer
//! carries (the page's Content-Security-Policy among them).

use std::{net::SocketAddr, sync::Arc, time::Instant};

use axum::{
	body::Body,
	extract::{ConnectInfo, Request, State},
	http::{header, HeaderMap, HeaderValue, Method, StatusCode},
	middleware::Next,
	response::{IntoResponse, Response},
};

use super::{error::ApiError, App};

/// The page's Content-Security-Policy: its own scripts, styles and API only, the rules' Wasm
/// compiled (`'wasm-unsafe-eval'`, no `'unsafe-eval'`, no `'unsafe-inline'`), its own Web Worker
/// (the proof of work), never framed.
pub const CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
	worker-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; \
	form-action 'none'; frame-ancestors 'none'";

/// Headers on every answer, the page's and the API's.
const SECURITY_HEADERS: [(header::HeaderName, &str); 4] = [
	(header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
	(header::REFERRER_POLICY, "no-referrer"),
	(header::X_FRAME_OPTIONS, "DENY"),
	(header::CONTENT_SECURITY_POLICY, CSP),
];

/// Whether `POST /claims` takes this content type: `application/json`, parameters allowed.
pub fn is_json(headers: &HeaderMap) -> bool {
	headers
		.get(header::CONTENT_TYPE)
		.and_then(|v| v.to_str().ok())
		.and_then(|v| v.split(';').next())
		.is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"))
}

/// The request's `Origin` when `--allow-origin` names it.
fn allowed_origin(app: &App, headers: &HeaderMap) -> Option<HeaderValue> {
	let origin = headers.get(header::ORIGIN)?;
	let text = origin.to_str().ok()?;
	app.limits.allow_origins.iter().any(|o| o == text).then(|| origin.clone())
}

/// The middleware of every route: finds the client, answers preflights (only for an allowed
/// origin), takes a read token (claims take their own in the handler), reads the body within
/// `--body-timeout`, and adds the security and CORS headers to the answer.
pub async fn guard(
	State(app): State<Arc<App>>,
	ConnectInfo(peer): ConnectInfo<SocketAddr>,
	request: Request,
	next: Next,
) -> Response {
	// Every X-Forwarded-For line, in order: a proxy may add its own line after the client's.
	let forwarded: Vec<&str> = request
		.headers()
		.get_all("x-forwarded-for")
		.iter()
		.map(|v| v.to_str().unwrap_or("invalid"))
		.collect();
	let forwarded = forwarded.join(",");
	let client =
		app.limits.clients.client(peer.ip(), Some(forwarded.as_str()).filter(|f| !f.is_empty()));
	let origin = allowed_origin(&app, request.headers());
	// Claims take a token of their own, in the handler, only when they would be queued.
	let is_claim = request.method() == Method::POST && request.uri().path() == "/claims";
	let allowed = if is_claim { Ok(()) } else { app.read_rate.take(client, Instant::now()) };
	let mut response = match allowed {
		Err(wait) => ApiError::RateLimited { client, wait }.into_response(),
		Ok(()) if request.method() == Method::OPTIONS => preflight(origin.is_some()),
		Ok(()) => match read_body(&app, request).await {
			Ok(mut request) => {
				request.extensions_mut().insert(client);
				next.run(request).await
			}
			Err(e) => e.into_response(),
		},
	};
	let headers = response.headers_mut();
	for (name, value) in SECURITY_HEADERS {
		headers.insert(name, HeaderValue::from_static(value));
	}
	if let Some(origin) = origin {
		headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
	}
	headers.append(header::VARY, HeaderValue::from_static("origin"));
	response
}

/// `OPTIONS`: `204` with the methods and the headers the API takes for an origin
/// `--allow-origin` names; `403` for any other.
fn preflight(allowed: bool) -> Response {
	if !allowed {
		return ApiError::Forbidden("cross-origin requests are not allowed").into_response();
	}
	(
		StatusCode::NO_CONTENT,
		[
			(header::ACCESS_CONTROL_ALLOW_METHODS, "GET, POST"),
			(header::ACCESS_CONTROL_ALLOW_HEADERS, "content-type, x-handles-work"),
			(header::ACCESS_CONTROL_MAX_AGE, "600"),
		],
	)
		.into_response()
}

/// The request with its body read in full, within `--body-timeout` (a client that trickles its
/// body is cut off with `408`) and up to one byte past `--max-body` (the handler's extractor
/// answers `413`).
async fn read_body(app: &App, request: Request) -> Result<Request, ApiError> {
	let (parts, body) = request.into_parts();
	let limit = app.limits.max_body.saturating_add(1);
	match tokio::time::timeout(app.limits.body_timeout, axum::body::to_bytes(body, limit)).await {
		Err(_) => Err(ApiError::Timeout),
		Ok(Err(_)) => Err(ApiError::TooLarge(app.limits.max_body)),
		Ok(Ok(bytes)) => Ok(Request::from_parts(parts, Body::from(bytes))),
	}
}
