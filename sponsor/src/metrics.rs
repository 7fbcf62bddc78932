//! What `GET /metrics` reports, in the Prometheus text format: claims by status, failures by
//! reason, the queue's depth, finalized claims (their rate is claims per second), the paying
//! account's balance and nonce, and whether the node answers.

use prometheus::{
	Encoder, Gauge, IntCounter, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry, TextEncoder,
};

/// The service's metrics, in their own registry.
pub struct Metrics {
	registry: Registry,
	/// Claims in the database per status (`handles_sponsor_claims{status}`).
	pub claims: IntGaugeVec,
	/// Claims that failed, per reason (`handles_sponsor_failures_total{reason}`).
	pub failures: IntCounterVec,
	/// Claims waiting to be signed (`handles_sponsor_queue_depth`).
	pub queue_depth: IntGauge,
	/// Claims finalized since the service started (`handles_sponsor_finalized_total`).
	pub finalized: IntCounter,
	/// The paying account's free balance, in planck (`handles_sponsor_balance`).
	pub balance: Gauge,
	/// The paying account's nonce at the finalized block (`handles_sponsor_nonce`).
	pub nonce: IntGauge,
	/// 1 when the node answered the last probe (`handles_sponsor_node_up`).
	pub node_up: IntGauge,
}

impl Default for Metrics {
	fn default() -> Self {
		Self::new()
	}
}

impl Metrics {
	/// Every metric at zero, registered.
	pub fn new() -> Self {
		let registry = Registry::new();
		let opts = |name: &str, help: &str| Opts::new(name, help).namespace("handles_sponsor");
		let claims =
			IntGaugeVec::new(opts("claims", "Claims in the database per status"), &["status"])
				.expect("a valid metric");
		let failures = IntCounterVec::new(
			opts("failures_total", "Claims that failed, per reason"),
			&["reason"],
		)
		.expect("a valid metric");
		let queue_depth = IntGauge::with_opts(opts("queue_depth", "Claims waiting to be signed"))
			.expect("a valid metric");
		let finalized = IntCounter::with_opts(opts(
			"finalized_total",
			"Claims finalized since the service started (rate: claims per second)",
		))
		.expect("a valid metric");
		let balance =
			Gauge::with_opts(opts("balance", "Free balance of the paying account, in planck"))
				.expect("a valid metric");
		let nonce = IntGauge::with_opts(opts(
			"nonce",
			"Nonce of the paying account at the finalized block",
		))
		.expect("a valid metric");
		let node_up =
			IntGauge::with_opts(opts("node_up", "1 when the node answered the last probe"))
				.expect("a valid metric");
		for metric in [
			Box::new(claims.clone()) as Box<dyn prometheus::core::Collector>,
			Box::new(failures.clone()),
			Box::new(queue_depth.clone()),
			Box::new(finalized.clone()),
			Box::new(balance.clone()),
			Box::new(nonce.clone()),
			Box::new(node_up.clone()),
		] {
			registry.register(metric).expect("each metric registered once");
		}
		Self { registry, claims, failures, queue_depth, finalized, balance, nonce, node_up }
	}

	/// A failed claim: counted under its reason's first word (`Handles.HandleTaken`), so the
	/// labels stay few.
	pub fn failed(&self, reason: &str) {
		let label: String =
			reason.split([':', ' ']).next().unwrap_or("").chars().take(64).collect();
		self.failures.with_label_values(&[&label]).inc();
	}

	/// The text format of every metric.
	pub fn render(&self) -> String {
		let mut out = Vec::new();
		let _ = TextEncoder::new().encode(&self.registry.gather(), &mut out);
		String::from_utf8_lossy(&out).into_owned()
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn failures_are_counted_by_reason_and_rendered_as_prometheus_text() {
		let metrics = Metrics::new();
		metrics.failed("Handles.HandleTaken: the handle is taken");
		metrics.failed("Handles.HandleTaken");
		metrics.finalized.inc();
		metrics.claims.with_label_values(&["queued"]).set(4);
		let text = metrics.render();
		assert!(
			text.contains("handles_sponsor_failures_total{reason=\"Handles.HandleTaken\"} 2"),
			"{text}"
		);
		assert!(text.contains("handles_sponsor_finalized_total 1"), "{text}");
		assert!(text.contains("handles_sponsor_claims{status=\"queued\"} 4"), "{text}");
		assert!(text.contains("# TYPE handles_sponsor_node_up gauge"), "{text}");
	}
}
