//! Per-client rate limit: a token bucket per client address, in memory.

use std::{
	collections::HashMap,
	net::IpAddr,
	sync::Mutex,
	time::{Duration, Instant},
};

/// Claims per minute per client address, with bursts up to the same number.
pub struct RateLimit {
	per_minute: u32,
	buckets: Mutex<HashMap<IpAddr, Bucket>>,
}

struct Bucket {
	tokens: f64,
	at: Instant,
}

/// Buckets kept before idle ones are dropped.
const MAX_BUCKETS: usize = 10_000;

impl RateLimit {
	/// `per_minute` claims per minute per address; 0 refuses every claim.
	pub fn new(per_minute: u32) -> Self {
		Self { per_minute, buckets: Mutex::new(HashMap::new()) }
	}

	/// Takes a token for `client` at `now`; `Err(wait)` when it has none, with the time until it
	/// has one again.
	pub fn take(&self, client: IpAddr, now: Instant) -> Result<(), Duration> {
		let capacity = f64::from(self.per_minute);
		let per_second = capacity / 60.0;
		let mut buckets = self.buckets.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
		if buckets.len() >= MAX_BUCKETS && !buckets.contains_key(&client) {
			// A full bucket is the same as no bucket: drop those.
			buckets.retain(|_, b| {
				b.tokens + per_second * now.saturating_duration_since(b.at).as_secs_f64() < capacity
			});
		}
		let bucket = buckets.entry(client).or_insert(Bucket { tokens: capacity, at: now });
		let elapsed = now.saturating_duration_since(bucket.at).as_secs_f64();
		bucket.tokens = (bucket.tokens + per_second * elapsed).min(capacity);
		bucket.at = now;
		if bucket.tokens >= 1.0 {
			bucket.tokens -= 1.0;
			Ok(())
		} else if per_second == 0.0 {
			Err(Duration::from_secs(60))
		} else {
			Err(Duration::from_secs_f64((1.0 - bucket.tokens) / per_second))
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_client_gets_its_burst_then_one_claim_per_interval_and_others_are_not_affected() {
		let limit = RateLimit::new(3);
		let (a, b): (IpAddr, IpAddr) = ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
		let t0 = Instant::now();
		for _ in 0..3 {
			assert_eq!(limit.take(a, t0), Ok(()));
		}
		let wait = limit.take(a, t0).unwrap_err();
		assert_eq!(wait.as_secs(), 20, "3 per minute: one more after 20 s");
		assert_eq!(limit.take(b, t0), Ok(()), "another client has its own bucket");
		assert!(limit.take(a, t0 + Duration::from_secs(19)).is_err());
		assert_eq!(limit.take(a, t0 + Duration::from_secs(21)), Ok(()));
		assert!(limit.take(a, t0 + Duration::from_secs(21)).is_err());
	}

	#[test]
	fn zero_refuses_everything() {
		let limit = RateLimit::new(0);
		assert!(limit.take("::1".parse().unwrap(), Instant::now()).is_err());
	}
}
