//! Per-client limits: who a client is (its IPv4 address, or its IPv6 network of `--ipv6-prefix`
//! bits, read from `X-Forwarded-For` only behind a `--trusted-proxy`) and a token bucket per
//! client, in memory.

use std::{
	collections::HashMap,
	fmt,
	net::{IpAddr, Ipv6Addr},
	sync::Mutex,
	time::{Duration, Instant},
};

use ipnet::IpNet;

/// A client as the limits count it: an IPv4 address, or an IPv6 network (one person's /64 holds
/// more addresses than anyone could rate-limit one by one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ClientId {
	/// The address, IPv6 ones with the bits past `prefix` cleared.
	pub addr: IpAddr,
	/// Bits of the network: 32 for IPv4 (one address), `--ipv6-prefix` for IPv6.
	pub prefix: u8,
}

impl fmt::Display for ClientId {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self.addr {
			IpAddr::V4(a) => write!(f, "{a}"),
			IpAddr::V6(a) if self.prefix >= 128 => write!(f, "{a}"),
			IpAddr::V6(a) => write!(f, "{a}/{}", self.prefix),
		}
	}
}

/// How a request's client is found: the TCP peer, or the address a trusted proxy forwarded.
#[derive(Clone, Debug)]
pub struct Clients {
	/// Proxies whose `X-Forwarded-For` is believed.
	pub trusted: Vec<IpNet>,
	/// Bits of an IPv6 address that make one client (1..=128).
	pub ipv6_prefix: u8,
}

impl Default for Clients {
	fn default() -> Self {
		Self { trusted: Vec::new(), ipv6_prefix: 64 }
	}
}

impl Clients {
	fn trusts(&self, addr: IpAddr) -> bool {
		self.trusted.iter().any(|net| net.contains(&addr))
	}

	/// The client of a request from `peer` with the `X-Forwarded-For` header `forwarded`: behind
	/// trusted proxies, the last address of the header that is not one of them (the one the
	/// first trusted proxy saw), else the peer. A header from anyone else is ignored.
	pub fn client(&self, peer: IpAddr, forwarded: Option<&str>) -> ClientId {
		let peer = unmap(peer);
		let mut addr = peer;
		if self.trusts(peer) {
			if let Some(header) = forwarded {
				for hop in header.rsplit(',') {
					let Ok(hop) = hop.trim().parse::<IpAddr>().map(unmap) else { break };
					addr = hop;
					if !self.trusts(hop) {
						break;
					}
				}
			}
		}
		self.id(addr)
	}

	/// `addr` as a client: IPv6 cut to its network.
	pub fn id(&self, addr: IpAddr) -> ClientId {
		match unmap(addr) {
			IpAddr::V4(a) => ClientId { addr: IpAddr::V4(a), prefix: 32 },
			IpAddr::V6(a) => {
				let prefix = self.ipv6_prefix.clamp(1, 128);
				let mask = u128::MAX << (128 - u32::from(prefix));
				let net = Ipv6Addr::from(u128::from(a) & mask);
				ClientId { addr: IpAddr::V6(net), prefix }
			}
		}
	}
}

/// An IPv4 address written as IPv6 (`::ffff:1.2.3.4`) is that IPv4 address.
fn unmap(addr: IpAddr) -> IpAddr {
	match addr {
		IpAddr::V6(a) => a.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(addr),
		v4 => v4,
	}
}

/// Requests per minute per client, with bursts up to the same number.
pub struct RateLimit {
	per_minute: u32,
	buckets: Mutex<HashMap<ClientId, Bucket>>,
}

struct Bucket {
	tokens: f64,
	at: Instant,
}

/// Buckets kept before idle ones are dropped.
const MAX_BUCKETS: usize = 10_000;

impl RateLimit {
	/// `per_minute` requests per minute per client; 0 refuses every one.
	pub fn new(per_minute: u32) -> Self {
		Self { per_minute, buckets: Mutex::new(HashMap::new()) }
	}

	/// Takes a token for `client` at `now`; `Err(wait)` when it has none, with the time until it
	/// has one again.
	pub fn take(&self, client: ClientId, now: Instant) -> Result<(), Duration> {
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

	fn ip(s: &str) -> IpAddr {
		s.parse().unwrap()
	}

	#[test]
	fn a_client_gets_its_burst_then_one_claim_per_interval_and_others_are_not_affected() {
		let limit = RateLimit::new(3);
		let clients = Clients::default();
		let (a, b) = (clients.id(ip("10.0.0.1")), clients.id(ip("10.0.0.2")));
		let t0 = Instant::now();
		for _ in 0..3 {
			assert_eq!(limit.take(a, t0), Ok(()));
		}
		let wait = limit.take(a, t0).unwrap_err();
		assert_eq!(wait.as_secs(), 20, "3 per minute: one more after 20 s");
		// Half a token earned: half the wait left.
		let wait = limit.take(a, t0 + Duration::from_secs(10)).unwrap_err();
		assert_eq!(wait, Duration::from_secs(10));
		assert_eq!(limit.take(b, t0), Ok(()), "another client has its own bucket");
		assert!(limit.take(a, t0 + Duration::from_secs(19)).is_err());
		assert_eq!(limit.take(a, t0 + Duration::from_secs(21)), Ok(()));
		assert!(limit.take(a, t0 + Duration::from_secs(21)).is_err());
	}

	#[test]
	fn past_10_000_clients_a_new_one_drops_the_buckets_that_have_filled_again() {
		let limit = RateLimit::new(60); // a token a second
		let clients = Clients::default();
		let client =
			|n: usize| clients.id(IpAddr::V4(std::net::Ipv4Addr::from(0x0a00_0000 + n as u32)));
		let count = || limit.buckets.lock().unwrap().len();
		let t0 = Instant::now();
		let at = |ms| t0 + Duration::from_millis(ms);
		// Client 0 empties its bucket; clients 1 to 9,998 take a token each.
		for _ in 0..60 {
			assert_eq!(limit.take(client(0), t0), Ok(()));
		}
		for n in 1..MAX_BUCKETS - 1 {
			limit.take(client(n), t0).unwrap();
		}
		assert_eq!(count(), MAX_BUCKETS - 1);
		// Half a second later no bucket is full: a new client below the bound, an old one at it
		// and a new one past it all keep every bucket.
		limit.take(client(MAX_BUCKETS - 1), at(500)).unwrap();
		limit.take(client(1), at(500)).unwrap();
		limit.take(client(MAX_BUCKETS), at(500)).unwrap();
		assert_eq!(count(), MAX_BUCKETS + 1);
		// A second after the start the buckets of clients 2 to 9,998 are full again. An old client
		// drops none; a new one drops them all, and only them.
		limit.take(client(2), at(1_000)).unwrap();
		assert_eq!(count(), MAX_BUCKETS + 1);
		limit.take(client(MAX_BUCKETS + 1), at(1_000)).unwrap();
		let mut kept: Vec<_> = limit.buckets.lock().unwrap().keys().copied().collect();
		kept.sort_by_key(|id| id.to_string());
		let mut expected: Vec<_> = [0, 1, 2, MAX_BUCKETS - 1, MAX_BUCKETS, MAX_BUCKETS + 1]
			.into_iter()
			.map(client)
			.collect();
		expected.sort_by_key(|id| id.to_string());
		assert_eq!(kept, expected);
		// Client 0 kept its bucket: the one token it earned, then a wait.
		assert_eq!(limit.take(client(0), at(1_000)), Ok(()));
		assert!(limit.take(client(0), at(1_000)).is_err());
	}

	#[test]
	fn zero_refuses_everything() {
		let limit = RateLimit::new(0);
		assert!(limit.take(Clients::default().id(ip("::1")), Instant::now()).is_err());
	}

	#[test]
	fn one_ipv6_network_is_one_client_and_its_size_is_configurable() {
		let clients = Clients::default();
		let a = clients.id(ip("2001:db8:1:2:aaaa::1"));
		assert_eq!(a, clients.id(ip("2001:db8:1:2:ffff:ffff:ffff:ffff")), "one /64");
		assert_ne!(a, clients.id(ip("2001:db8:1:3::1")), "the next /64");
		assert_eq!(a.to_string(), "2001:db8:1:2::/64");
		// A whole address is written without a prefix: one at /128, and every IPv4 one.
		let single = Clients { ipv6_prefix: 128, ..Clients::default() };
		assert_eq!(single.id(ip("2001:db8::1")).to_string(), "2001:db8::1");
		assert_eq!(clients.id(ip("192.0.2.1")).to_string(), "192.0.2.1");
		let wider = Clients { ipv6_prefix: 48, ..Clients::default() };
		assert_eq!(wider.id(ip("2001:db8:1:2::1")), wider.id(ip("2001:db8:1:3::1")), "one /48");
		assert_eq!(clients.id(ip("::ffff:10.0.0.1")), clients.id(ip("10.0.0.1")), "mapped IPv4");
		assert_ne!(clients.id(ip("10.0.0.1")), clients.id(ip("10.0.0.2")));
		// A bucket per network: addresses of one /64 share it.
		let limit = RateLimit::new(1);
		let t0 = Instant::now();
		assert!(limit.take(clients.id(ip("2001:db8::1")), t0).is_ok());
		assert!(limit.take(clients.id(ip("2001:db8::2")), t0).is_err());
	}

	#[test]
	fn forwarded_addresses_count_only_from_a_trusted_proxy() {
		let proxy = Clients { trusted: vec!["10.1.0.0/16".parse().unwrap()], ipv6_prefix: 64 };
		let header = Some("203.0.113.9, 198.51.100.7");
		// Behind the proxy: the last address it did not add itself.
		assert_eq!(proxy.client(ip("10.1.2.3"), header), proxy.id(ip("198.51.100.7")));
		// Hops of trusted proxies are skipped.
		assert_eq!(
			proxy.client(ip("10.1.2.3"), Some("203.0.113.9, 10.1.9.9")),
			proxy.id(ip("203.0.113.9"))
		);
		// Anyone else's header is ignored: the peer is the client.
		assert_eq!(proxy.client(ip("192.0.2.1"), header), proxy.id(ip("192.0.2.1")));
		assert_eq!(Clients::default().client(ip("10.1.2.3"), header), proxy.id(ip("10.1.2.3")));
		// A proxy without the header, or with junk in it, counts as the client.
		assert_eq!(proxy.client(ip("10.1.2.3"), None), proxy.id(ip("10.1.2.3")));
		assert_eq!(proxy.client(ip("10.1.2.3"), Some("junk")), proxy.id(ip("10.1.2.3")));
	}
}
