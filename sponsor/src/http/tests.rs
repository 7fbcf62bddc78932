//! The API's guards over HTTP, without a node (its routes answer 503 `NodeUnavailable`; every
//! guard answers before a handler asks the node anything).

use std::{
	io::{Read, Write},
	net::{IpAddr, SocketAddr},
	time::{Duration, Instant},
};

use axum::{
	body::Body,
	http::{header, Request, StatusCode},
};
use serde_json::Value;

use super::*;

/// An app whose node is unreachable, with `limits` and `read_limit` reads per minute.
pub(super) fn app(limits: Limits, read_limit: u32) -> Arc<App> {
	app_with_work(limits, read_limit, 0)
}

/// [`app`] asking a proof of work of `work_bits` (`--work-bits`).
fn app_with_work(limits: Limits, read_limit: u32, work_bits: u8) -> Arc<App> {
	Arc::new(App {
		worker: crate::worker::tests::offline_worker(),
		limits,
		rate: RateLimit::new(30),
		read_rate: RateLimit::new(read_limit),
		margin: 5,
		work: crate::work::Work::new(work_bits),
	})
}

struct Answer {
	status: StatusCode,
	headers: axum::http::HeaderMap,
	body: Value,
	/// The body as text (`Value::Null` in `body` when it is not JSON).
	text: String,
}

/// `request` from `peer` through the whole router.
async fn send(app: &Arc<App>, peer: &str, mut request: Request<Body>) -> Answer {
	let peer: IpAddr = peer.parse().unwrap();
	request.extensions_mut().insert(ConnectInfo(SocketAddr::new(peer, 40_000)));
	let response = router(app.clone()).oneshot(request).await.unwrap();
	let status = response.status();
	let headers = response.headers().clone();
	let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
	let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
	let text = String::from_utf8_lossy(&bytes).into_owned();
	Answer { status, headers, body, text }
}

fn get(path: &str) -> Request<Body> {
	Request::get(path).body(Body::empty()).unwrap()
}

fn post(path: &str, content_type: &str, body: &str) -> Request<Body> {
	Request::post(path)
		.header(header::CONTENT_TYPE, content_type)
		.body(Body::from(body.to_string()))
		.unwrap()
}

#[tokio::test]
async fn every_answer_carries_the_security_headers_and_the_page_a_strict_csp() {
	let app = app(Limits::default(), 100);
	for path in ["/", "/app.js", "/js/dist/handles_rules.wasm", "/api/info", "/nowhere"] {
		let answer = send(&app, "10.0.0.1", get(path)).await;
		let h = |name: header::HeaderName| answer.headers.get(name).map(|v| v.to_str().unwrap());
		assert_eq!(h(header::X_CONTENT_TYPE_OPTIONS), Some("nosniff"), "{path}");
		assert_eq!(h(header::REFERRER_POLICY), Some("no-referrer"), "{path}");
		assert_eq!(h(header::X_FRAME_OPTIONS), Some("DENY"), "{path}");
		let csp = h(header::CONTENT_SECURITY_POLICY).unwrap();
		assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
		assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval';"), "{csp}");
		assert!(csp.contains("worker-src 'self';"), "the proof of work's worker: {csp}");
		assert!(!csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"), "{csp}");
	}
}

#[tokio::test]
async fn a_body_over_the_limit_is_413_too_large_and_one_at_it_is_read() {
	let app = app(Limits { max_body: 200, ..Limits::default() }, 100);
	let body = |len: usize| {
		let head = r#"{"owner":"x","signature":"0x","payload":{"baseHandle":""#;
		let tail = r#"","suffix":1,"expiration":9}}"#;
		format!("{head}{}{tail}", "a".repeat(len - head.len() - tail.len()))
	};
	let answer = send(&app, "10.0.0.1", post("/claims", "application/json", &body(201))).await;
	assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
	assert_eq!(answer.body["error"], "TooLarge");
	let answer = send(&app, "10.0.0.1", post("/claims", "application/json", &body(200))).await;
	// Read, then refused by the checks (its base handle is too long).
	assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", answer.body);
	assert_eq!(answer.body["error"], "InvalidHandle");
}

#[tokio::test]
async fn claims_have_their_own_limit_and_every_other_request_the_read_limit() {
	let app = app(Limits::default(), 0);
	let claim = send(&app, "10.0.0.1", post("/claims", "application/json", "{}")).await;
	assert_eq!(
		(claim.status, &claim.body["error"]),
		(StatusCode::BAD_REQUEST, &"BadRequest".into())
	);
	for request in [post("/api/payload", "application/json", "{}"), get("/claims"), get("/")] {
		let answer = send(&app, "10.0.0.1", request).await;
		assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
	}
}

#[tokio::test]
async fn without_a_node_the_info_and_reads_are_503_node_unavailable() {
	let app = app(Limits::default(), 100);
	let alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
	for path in [
		"/api/info".to_string(),
		"/api/options?base=Alice".to_string(),
		"/api/lookup?handle=Alice.7".to_string(),
		format!("/api/owned?owner={alice}"),
	] {
		let answer = send(&app, "10.0.0.1", get(&path)).await;
		assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE, "{path}: {}", answer.body);
		assert_eq!(answer.body["error"], "NodeUnavailable", "{path}");
	}
}

/// Queues `n` claims of `a.0`, `a.1`... by as many owners.
fn queue_claims(app: &App, n: u8) {
	for i in 0..n {
		let claim = crate::store::NewClaim {
			replay_key: [i; 32],
			owner: format!("owner{i}"),
			signature: vec![i],
			base_handle: "a".into(),
			suffix: u32::from(i),
			expiration: 100,
			canonical: "a".into(),
			client: "127.0.0.1".into(),
		};
		app.worker.store.insert(&claim, &app.limits.admission).unwrap();
	}
}

#[tokio::test]
async fn metrics_count_the_claims_per_status_and_the_queue() {
	let app = app(Limits::default(), 100);
	queue_claims(&app, 3);
	let failed = app.worker.store.queued(1).unwrap()[0].id;
	app.worker.store.failed(failed, "test").unwrap();
	let answer = send(&app, "10.0.0.1", get("/metrics")).await;
	assert_eq!(answer.status, StatusCode::OK);
	for line in [
		"handles_sponsor_claims{status=\"queued\"} 2",
		"handles_sponsor_claims{status=\"failed\"} 1",
		"handles_sponsor_claims{status=\"finalized\"} 0",
		"handles_sponsor_queue_depth 2",
		"handles_sponsor_node_up 0",
	] {
		assert!(answer.text.lines().any(|l| l == line), "{line} in\n{}", answer.text);
	}
}

#[tokio::test]
async fn posts_are_json_only() {
	let app = app(Limits::default(), 100);
	let body =
		r#"{"owner":"x","signature":"0x","payload":{"baseHandle":"a","suffix":1,"expiration":9}}"#;
	for content_type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"] {
		for path in ["/claims", "/api/payload"] {
			let answer = send(&app, "10.0.0.1", post(path, content_type, body)).await;
			assert_eq!(answer.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{path} {content_type}");
			assert_eq!(answer.body["error"], "UnsupportedMediaType");
		}
	}
	// JSON goes on to the checks (here: a malformed owner, before the node is asked).
	let answer =
		send(&app, "10.0.0.1", post("/claims", "application/json; charset=utf-8", body)).await;
	assert_eq!(
		(answer.status, &answer.body["error"]),
		(StatusCode::BAD_REQUEST, &"BadAccount".into())
	);
}

#[tokio::test]
async fn no_other_site_may_call_the_api_unless_allowed() {
	let preflight = || {
		Request::options("/claims")
			.header(header::ORIGIN, "https://evil.example")
			.header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.body(Body::empty())
			.unwrap()
	};
	let from = |origin: &str| {
		let mut request = get("/api/info");
		request.headers_mut().insert(header::ORIGIN, origin.parse().unwrap());
		request
	};
	let closed = app(Limits::default(), 100);
	let answer = send(&closed, "10.0.0.1", preflight()).await;
	assert_eq!(answer.status, StatusCode::FORBIDDEN);
	assert!(answer.headers.get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none());
	let answer = send(&closed, "10.0.0.1", from("https://evil.example")).await;
	assert!(answer.headers.get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none());

	let open = app(
		Limits { allow_origins: vec!["https://evil.example".into()], ..Limits::default() },
		100,
	);
	let answer = send(&open, "10.0.0.1", preflight()).await;
	assert_eq!(answer.status, StatusCode::NO_CONTENT);
	assert_eq!(answer.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], "https://evil.example");
	let answer = send(&open, "10.0.0.1", from("https://other.example")).await;
	assert!(answer.headers.get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none(), "only those named");
}

#[tokio::test]
async fn reads_are_rate_limited_per_client_network_and_proxy_headers_only_count_from_proxies() {
	let limits = Limits {
		clients: Clients { trusted: vec!["10.9.0.0/16".parse().unwrap()], ipv6_prefix: 64 },
		..Limits::default()
	};
	let app = app(limits, 2);
	let status = |answer: Answer| answer.status;
	let forwarded = |path: &str, client: &str| {
		let mut request = get(path);
		request.headers_mut().insert("x-forwarded-for", client.parse().unwrap());
		request
	};
	for path in ["/api/options?base=a", "/api/lookup?handle=a.1"] {
		assert_ne!(
			status(send(&app, "2001:db8::1", get(path)).await),
			StatusCode::TOO_MANY_REQUESTS
		);
	}
	// A third read from the same /64, from another address of it: refused.
	let answer = send(&app, "2001:db8::ffff", get("/api/info")).await;
	assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
	assert_eq!(answer.body["error"], "RateLimited");
	assert!(answer.headers.contains_key(header::RETRY_AFTER));
	assert!(answer.headers.contains_key(header::CONTENT_SECURITY_POLICY));
	assert_ne!(
		status(send(&app, "2001:db8:0:1::1", get("/api/info")).await),
		StatusCode::TOO_MANY_REQUESTS
	);

	// An untrusted peer cannot pick its bucket with the header: its own is used up.
	for _ in 0..2 {
		send(&app, "192.0.2.1", forwarded("/healthz", "203.0.113.1")).await;
	}
	let answer = send(&app, "192.0.2.1", forwarded("/metrics", "203.0.113.2")).await;
	assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
	let preflight = Request::options("/claims").body(Body::empty()).unwrap();
	assert_eq!(send(&app, "192.0.2.1", preflight).await.status, StatusCode::TOO_MANY_REQUESTS);
	// Behind the proxy, each forwarded client has its own.
	for client in ["203.0.113.1", "203.0.113.1", "203.0.113.2", "203.0.113.2"] {
		let answer = send(&app, "10.9.0.5", forwarded("/", client)).await;
		assert_eq!(answer.status, StatusCode::OK, "{client}");
	}
	let answer = send(&app, "10.9.0.5", forwarded("/", "203.0.113.1")).await;
	assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
	// A client's own header line before the proxy's (HAProxy adds a line): the proxy's counts.
	let mut request = forwarded("/", "198.51.100.99");
	request.headers_mut().append("x-forwarded-for", "203.0.113.1".parse().unwrap());
	assert_eq!(send(&app, "10.9.0.5", request).await.status, StatusCode::TOO_MANY_REQUESTS);
	assert!(answer.body["message"].as_str().unwrap().contains("203.0.113.1"), "{}", answer.body);
}

#[tokio::test]
async fn health_and_metrics_say_the_node_is_away() {
	let app = app(Limits::default(), 100);
	let answer = send(&app, "10.0.0.1", get("/healthz")).await;
	assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
	assert_eq!(answer.body["error"], "NotReady");
	let response = router(app.clone())
		.oneshot({
			let mut r = get("/metrics");
			r.extensions_mut().insert(ConnectInfo(SocketAddr::from(([10, 0, 0, 1], 1))));
			r
		})
		.await
		.unwrap();
	assert!(response.headers()[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/plain"));
	let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
	let text = String::from_utf8(bytes.to_vec()).unwrap();
	assert!(text.contains("handles_sponsor_node_up 0"), "{text}");
	assert!(text.contains("handles_sponsor_queue_depth 0"), "{text}");
}

#[tokio::test]
async fn claim_ids_are_not_numbers_anyone_can_count() {
	let app = app(Limits::default(), 100);
	for id in ["1", "2", "0"] {
		assert_eq!(
			send(&app, "10.0.0.1", get(&format!("/claims/{id}"))).await.status,
			StatusCode::NOT_FOUND
		);
	}
}

/// Serves `app` on a free port.
async fn serving(app: Arc<App>) -> SocketAddr {
	let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
	let addr = listener.local_addr().unwrap();
	tokio::spawn(serve(listener, app, std::future::pending()));
	addr
}

#[tokio::test]
async fn a_client_that_trickles_its_headers_or_body_is_cut_off() {
	let timeout = Duration::from_millis(400);
	let limits = Limits { header_timeout: timeout, body_timeout: timeout, ..Limits::default() };
	let addr = serving(app(limits, 100)).await;
	let (idle_cut, headers_cut, body_answer) = tokio::task::spawn_blocking(move || {
		// A connection that sends nothing: closed too.
		let mut idle = std::net::TcpStream::connect(addr).unwrap();
		idle.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
		let t0 = Instant::now();
		let _ = idle.read_to_end(&mut Vec::new());
		let idle_cut = t0.elapsed();
		// Headers that never end: the connection is closed.
		let mut slow = std::net::TcpStream::connect(addr).unwrap();
		slow.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
		slow.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: 1\r\n").unwrap();
		let t0 = Instant::now();
		let mut rest = Vec::new();
		let _ = slow.read_to_end(&mut rest);
		let headers_cut = t0.elapsed();
		// A body announced as 100 bytes of which 10 come: 408.
		let mut slow = std::net::TcpStream::connect(addr).unwrap();
		slow.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
		slow.write_all(
			b"POST /claims HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
			  Content-Length: 100\r\n\r\n{\"owner\":",
		)
		.unwrap();
		let mut answer = [0u8; 512];
		let n = slow.read(&mut answer).unwrap_or(0);
		(idle_cut, headers_cut, String::from_utf8_lossy(&answer[..n]).into_owned())
	})
	.await
	.unwrap();
	assert!(idle_cut < Duration::from_secs(3), "an idle connection closed after {idle_cut:?}");
	assert!(headers_cut < Duration::from_secs(3), "cut off after {headers_cut:?}");
	assert!(body_answer.starts_with("HTTP/1.1 408"), "{body_answer}");
	assert!(body_answer.contains("\"Timeout\""), "{body_answer}");
}

/// A claim body signed `signature` (by a malformed owner: the check after the proof's refuses it
/// without the node).
fn claim_body(signature: &str) -> String {
	format!(
		r#"{{"owner":"x","signature":"{signature}","payload":{{"baseHandle":"a","suffix":1,"expiration":9}}}}"#
	)
}

/// `POST /claims` of `body`, with `X-Handles-Work: proof` when given.
fn post_claim(body: &str, proof: Option<&str>) -> Request<Body> {
	let mut request = post("/claims", "application/json", body);
	if let Some(proof) = proof {
		request.headers_mut().insert(crate::work::HEADER, proof.parse().unwrap());
	}
	request
}

#[tokio::test]
async fn with_work_bits_a_claim_needs_a_proof_for_its_own_signature_before_anything_else() {
	let app = app_with_work(Limits::default(), 100, 8);
	let signature = "0x01AbCd";
	let body = claim_body(signature);
	// No proof: 428, before the owner is even read (and before the rate limit: 40 > 30 claims).
	for _ in 0..40 {
		let answer = send(&app, "10.0.0.1", post_claim(&body, None)).await;
		assert_eq!(answer.status, StatusCode::PRECONDITION_REQUIRED);
		assert_eq!(answer.body["error"], "WorkRequired");
	}
	// A challenge from the route, solved for the signature as sent, in lower case.
	let issued = send(&app, "10.0.0.1", get("/api/work")).await;
	assert_eq!(issued.status, StatusCode::OK);
	assert_eq!(issued.headers[header::CACHE_CONTROL], "no-store");
	assert_eq!(issued.body["bits"], 8);
	assert_eq!(issued.body["expiresInSeconds"], crate::work::VALID_FOR.as_secs());
	let challenge = issued.body["challenge"].as_str().unwrap();
	let nonce = crate::work::solve(challenge, b"0x01abcd");
	let proof = format!("{challenge}:{nonce}");
	// Valid: the claim goes on to the next check (the malformed owner), not rate limited.
	let answer = send(&app, "10.0.0.1", post_claim(&body, Some(&proof))).await;
	assert_eq!(
		(answer.status, &answer.body["error"]),
		(StatusCode::BAD_REQUEST, &"BadAccount".into())
	);
	// The same proof for another signed claim: refused.
	let other = claim_body("0x01abce");
	let answer = send(&app, "10.0.0.1", post_claim(&other, Some(&proof))).await;
	assert_eq!(
		(answer.status, &answer.body["error"]),
		(StatusCode::FORBIDDEN, &"WorkInvalid".into())
	);
	let answer = send(&app, "10.0.0.1", post_claim(&body, Some("junk"))).await;
	assert_eq!(
		(answer.status, &answer.body["error"]),
		(StatusCode::FORBIDDEN, &"WorkInvalid".into())
	);
	// Without --work-bits no proof is asked: the plain contract of POST /claims.
	let plain = app_with_work(Limits::default(), 100, 0);
	let answer = send(&plain, "10.0.0.1", post_claim(&body, None)).await;
	assert_eq!(answer.body["error"], "BadAccount");
	assert_eq!(send(&plain, "10.0.0.1", get("/api/work")).await.body["bits"], 0);
}

#[tokio::test]
async fn the_bits_asked_rise_as_the_queue_fills() {
	let limits = Limits {
		admission: crate::store::Admission { queue: 4, ..Default::default() },
		..Limits::default()
	};
	let app = app_with_work(limits, 100, 8);
	queue_claims(&app, 2);
	// Half the queue: two more bits.
	let issued = send(&app, "10.0.0.1", get("/api/work")).await;
	assert_eq!(issued.body["bits"], 10);
	assert!(issued.body["challenge"].as_str().unwrap().contains(".10."));
	// A proof of the base bits is now short by more than the tolerance.
	let easy = app.work.issue(8, crate::work::now());
	let proof = format!("{easy}:{}", crate::work::solve(&easy, b"0x01"));
	let answer = send(&app, "10.0.0.1", post_claim(&claim_body("0x01"), Some(&proof))).await;
	assert_eq!(
		(answer.status, &answer.body["error"]),
		(StatusCode::FORBIDDEN, &"WorkInvalid".into())
	);
	assert!(answer.body["message"].as_str().unwrap().contains("fewer bits"), "{}", answer.body);
}
