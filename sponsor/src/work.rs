//! The proof of work a claim carries: a cost per claim that no number of addresses divides, and
//! that needs no third-party service.
//!
//! `GET /api/work` hands out a challenge, `<issued>.<bits>.<mac>`: the second it was issued, the
//! leading zero bits asked for, and a keyed BLAKE2b-256 of both under a secret drawn at start
//! (the service keeps no state; a restart voids the challenges out). The client finds a `nonce`
//! such that `sha256(challenge ":" signature ":" nonce)` starts with `bits` zero bits, where
//! `signature` is the claim's `signature` string in lower case, and sends
//! `X-Handles-Work: <challenge>:<nonce>` with `POST /claims`: one solution serves one signed
//! payload. A challenge is good for [`VALID_FOR`]; its bits must be at least what the service asks
//! when the claim arrives, less [`TOLERANCE`] (the queue may have grown meanwhile).
//!
//! The bits asked are `--work-bits` (0: no proof is asked, the default) plus one for each quarter
//! of `--queue-limit` that pending claims fill ([`required_bits`]), at most [`MAX_BITS`].

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::http::HeaderMap;

use crate::http::{ApiError, App};

/// The request header that carries the proof: `<challenge>:<nonce>`.
pub const HEADER: &str = "x-handles-work";

/// How long a challenge is good for after it was issued.
pub const VALID_FOR: Duration = Duration::from_secs(300);

/// Bits a challenge may fall short of the bits asked when the claim arrives.
pub const TOLERANCE: u8 = 1;

/// Bits added at most as the queue fills: one per quarter of `--queue-limit`.
pub const MAX_QUEUE_BITS: u8 = 4;

/// Bits asked at most, whatever `--work-bits` and the queue say.
pub const MAX_BITS: u8 = 32;

/// Longest nonce taken, in characters.
pub const MAX_NONCE: usize = 32;

/// Bytes of the keyed hash a challenge carries.
const MAC_BYTES: usize = 16;

/// Why a proof is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invalid {
	/// Not `<issued>.<bits>.<mac>:<nonce>`.
	Malformed,
	/// The challenge was not issued by this process (or was altered).
	Forged,
	/// The challenge is older than [`VALID_FOR`].
	Expired,
	/// The challenge asks fewer bits than the service asks now, less [`TOLERANCE`].
	TooEasy,
	/// The hash does not start with the challenge's zero bits (a wrong nonce, or a proof made
	/// for another claim).
	Unsolved,
}

impl Invalid {
	/// One line for the error answer.
	pub fn message(self) -> &'static str {
		match self {
			Self::Malformed => "the proof of work is not <challenge>:<nonce>",
			Self::Forged => "the proof of work's challenge was not issued by this service",
			Self::Expired => "the proof of work's challenge expired: get a new one from /api/work",
			Self::TooEasy => {
				"the proof of work's challenge asks fewer bits than needed now: get a new one"
			}
			Self::Unsolved => "the proof of work does not solve its challenge for this claim",
		}
	}
}

/// The service's challenges: the secret they are keyed with and the base bits.
pub struct Work {
	secret: [u8; 32],
	base: u8,
}

impl Work {
	/// Challenges of `base` bits (0: no proof asked) under a secret from the operating system.
	pub fn new(base: u8) -> Self {
		let mut secret = [0u8; 32];
		getrandom::getrandom(&mut secret).expect("the operating system gives random bytes");
		Self { secret, base: base.min(MAX_BITS) }
	}

	/// The base bits (`--work-bits`).
	pub fn base(&self) -> u8 {
		self.base
	}

	fn mac(&self, issued: u64, bits: u8) -> [u8; MAC_BYTES] {
		let mut input = Vec::with_capacity(64);
		input.extend_from_slice(&self.secret);
		input.extend_from_slice(format!("handles-work:{issued}.{bits}").as_bytes());
		// BLAKE2b keyed by prefix: no length extension, so this is a MAC.
		let hash = sp_crypto_hashing::blake2_256(&input);
		let mut mac = [0u8; MAC_BYTES];
		mac.copy_from_slice(&hash[..MAC_BYTES]);
		mac
	}

	/// A challenge of `bits`, issued at `now` (UNIX seconds).
	pub fn issue(&self, bits: u8, now: u64) -> String {
		format!("{now}.{bits}.{}", hex(&self.mac(now, bits)))
	}

	/// Checks `proof` (`<challenge>:<nonce>`) for the claim `binding` when `required` bits are
	/// asked at `now`: a challenge of this process, not expired, of enough bits, solved.
	pub fn verify(
		&self,
		proof: &str,
		binding: &[u8],
		required: u8,
		now: u64,
	) -> Result<(), Invalid> {
		let (challenge, nonce) = proof.rsplit_once(':').ok_or(Invalid::Malformed)?;
		if nonce.is_empty()
			|| nonce.len() > MAX_NONCE
			|| !nonce.bytes().all(|b| b.is_ascii_alphanumeric())
		{
			return Err(Invalid::Malformed);
		}
		let mut parts = challenge.split('.');
		let (Some(issued), Some(bits), Some(mac), None) =
			(parts.next(), parts.next(), parts.next(), parts.next())
		else {
			return Err(Invalid::Malformed);
		};
		let issued: u64 = issued.parse().map_err(|_| Invalid::Malformed)?;
		let bits: u8 = bits.parse().map_err(|_| Invalid::Malformed)?;
		let mac = unhex(mac).ok_or(Invalid::Malformed)?;
		if !same(&mac, &self.mac(issued, bits)) {
			return Err(Invalid::Forged);
		}
		if issued > now || now - issued > VALID_FOR.as_secs() {
			return Err(Invalid::Expired);
		}
		if bits < required.saturating_sub(TOLERANCE) {
			return Err(Invalid::TooEasy);
		}
		if leading_zeros(&proof_hash(challenge, binding, nonce)) < u32::from(bits) {
			return Err(Invalid::Unsolved);
		}
		Ok(())
	}
}

/// The bits asked with `base` bits and `pending` claims of `queue` at most: none when `base` is 0,
/// else `base` plus one per quarter of the queue filled (at most [`MAX_QUEUE_BITS`]), at most
/// [`MAX_BITS`].
pub fn required_bits(base: u8, pending: u64, queue: u64) -> u8 {
	if base == 0 {
		return 0;
	}
	let quarters = pending.saturating_mul(4).checked_div(queue).unwrap_or(0);
	let extra = quarters.min(u64::from(MAX_QUEUE_BITS)) as u8;
	base.saturating_add(extra).min(MAX_BITS)
}

/// `sha256(challenge ":" binding ":" nonce)`.
pub fn proof_hash(challenge: &str, binding: &[u8], nonce: &str) -> [u8; 32] {
	let mut input = Vec::with_capacity(challenge.len() + binding.len() + nonce.len() + 2);
	input.extend_from_slice(challenge.as_bytes());
	input.push(b':');
	input.extend_from_slice(binding);
	input.push(b':');
	input.extend_from_slice(nonce.as_bytes());
	sp_crypto_hashing::sha2_256(&input)
}

/// Leading zero bits of `hash`.
pub fn leading_zeros(hash: &[u8]) -> u32 {
	let mut zeros = 0;
	for &byte in hash {
		zeros += byte.leading_zeros();
		if byte != 0 {
			break;
		}
	}
	zeros
}

/// The first nonce (decimal, counting from 0) that solves `challenge` for `binding`, as the page
/// searches: for tests and for measuring hashes per second.
pub fn solve(challenge: &str, binding: &[u8]) -> String {
	let bits: u32 = challenge.split('.').nth(1).and_then(|b| b.parse().ok()).unwrap_or(0);
	(0u64..)
		.map(|n| n.to_string())
		.find(|nonce| leading_zeros(&proof_hash(challenge, binding, nonce)) >= bits)
		.expect("some nonce solves it")
}

/// The UNIX time in seconds.
pub fn now() -> u64 {
	SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// Pending claims now (the store's counts, at most [`crate::store::COUNTS_FOR`] old).
pub fn pending(app: &App) -> Result<u64, ApiError> {
	let counts = app.worker.store.counts()?;
	Ok(counts
		.iter()
		.filter(|(status, _)| matches!(status.as_str(), "queued" | "submitted" | "in_block"))
		.map(|(_, n)| n)
		.sum())
}

/// The bits the service asks now.
pub fn bits_now(app: &App) -> Result<u8, ApiError> {
	let base = app.work.base();
	if base == 0 {
		return Ok(0);
	}
	Ok(required_bits(base, pending(app)?, app.limits.admission.queue))
}

/// The proof a request must carry for the claim `binding` (its `signature` string, lower case):
/// none when `--work-bits` is 0; else `428 WorkRequired` without [`HEADER`], `403 WorkInvalid`
/// when it does not hold. Cheap (a keyed hash and a SHA-256): call it before any node round trip
/// and before a rate-limit token is taken.
pub fn check(app: &App, headers: &HeaderMap, binding: &[u8]) -> Result<(), ApiError> {
	let required = bits_now(app)?;
	if required == 0 {
		return Ok(());
	}
	let Some(proof) = headers.get(HEADER) else {
		return Err(ApiError::WorkRequired(required));
	};
	let proof = proof.to_str().map_err(|_| ApiError::WorkInvalid(Invalid::Malformed))?;
	app.work.verify(proof, binding, required, now()).map_err(ApiError::WorkInvalid)
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
	if text.len() != MAC_BYTES * 2 {
		return None;
	}
	(0..text.len())
		.step_by(2)
		.map(|i| text.get(i..i + 2).and_then(|pair| u8::from_str_radix(pair, 16).ok()))
		.collect()
}

/// `a == b` in time that does not depend on where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
	a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
	use super::*;

	const NOW: u64 = 1_800_000_000;
	const SIGNATURE: &[u8] = b"0x01aabbcc";

	fn work(base: u8) -> Work {
		Work::new(base)
	}

	/// A proof of `bits` for `binding`, issued at `at`.
	fn proof(work: &Work, bits: u8, binding: &[u8], at: u64) -> String {
		let challenge = work.issue(bits, at);
		let nonce = solve(&challenge, binding);
		format!("{challenge}:{nonce}")
	}

	#[test]
	fn a_solved_proof_passes_and_its_hash_has_the_zero_bits() {
		let w = work(10);
		let p = proof(&w, 10, SIGNATURE, NOW);
		assert_eq!(w.verify(&p, SIGNATURE, 10, NOW + 1), Ok(()));
		let (challenge, nonce) = p.rsplit_once(':').unwrap();
		assert!(leading_zeros(&proof_hash(challenge, SIGNATURE, nonce)) >= 10);
	}

	#[test]
	fn a_wrong_nonce_fails() {
		let w = work(12);
		let p = proof(&w, 12, SIGNATURE, NOW);
		let (challenge, nonce) = p.rsplit_once(':').unwrap();
		// The next nonces that do not solve it (one in 4096 would).
		let wrong = (nonce.parse::<u64>().unwrap() + 1..)
			.map(|n| n.to_string())
			.find(|n| leading_zeros(&proof_hash(challenge, SIGNATURE, n)) < 12)
			.unwrap();
		assert_eq!(
			w.verify(&format!("{challenge}:{wrong}"), SIGNATURE, 12, NOW),
			Err(Invalid::Unsolved)
		);
	}

	#[test]
	fn a_proof_for_another_claim_fails() {
		let w = work(12);
		let other = b"0x01aabbcd";
		let p = proof(&w, 12, SIGNATURE, NOW);
		let (challenge, nonce) = p.rsplit_once(':').unwrap();
		assert!(leading_zeros(&proof_hash(challenge, other, nonce)) < 12, "pick another binding");
		assert_eq!(w.verify(&p, other, 12, NOW), Err(Invalid::Unsolved));
	}

	#[test]
	fn tampered_bits_and_forged_macs_fail() {
		let w = work(12);
		let p = proof(&w, 12, SIGNATURE, NOW);
		// Fewer bits, the MAC left as it was: not this service's challenge.
		let easier = p.replacen(".12.", ".1.", 1);
		assert_eq!(w.verify(&easier, SIGNATURE, 12, NOW), Err(Invalid::Forged));
		// An earlier issue time, to dodge the expiry: forged too.
		let older = p.replacen(&NOW.to_string(), &(NOW + 100).to_string(), 1);
		assert_eq!(w.verify(&older, SIGNATURE, 12, NOW + 400), Err(Invalid::Forged));
		// A challenge of another process (another secret), solved: forged.
		let stranger = proof(&work(12), 12, SIGNATURE, NOW);
		assert_eq!(w.verify(&stranger, SIGNATURE, 12, NOW), Err(Invalid::Forged));
		// One character of the MAC changed.
		let (challenge, nonce) = p.rsplit_once(':').unwrap();
		let mut mac: Vec<char> = challenge.chars().collect();
		let last = mac.len() - 1;
		mac[last] = if mac[last] == '0' { '1' } else { '0' };
		let altered = format!("{}:{nonce}", mac.into_iter().collect::<String>());
		assert_eq!(w.verify(&altered, SIGNATURE, 12, NOW), Err(Invalid::Forged));
	}

	#[test]
	fn an_expired_challenge_fails() {
		let w = work(8);
		let p = proof(&w, 8, SIGNATURE, NOW);
		let limit = NOW + VALID_FOR.as_secs();
		assert_eq!(w.verify(&p, SIGNATURE, 8, limit), Ok(()));
		assert_eq!(w.verify(&p, SIGNATURE, 8, limit + 1), Err(Invalid::Expired));
		// Issued in the future (the clock went back): refused, not valid for longer.
		assert_eq!(w.verify(&p, SIGNATURE, 8, NOW - 1), Err(Invalid::Expired));
	}

	#[test]
	fn a_challenge_easier_than_asked_now_fails_beyond_the_tolerance() {
		let w = work(8);
		let p = proof(&w, 8, SIGNATURE, NOW);
		assert_eq!(w.verify(&p, SIGNATURE, 8 + TOLERANCE, NOW), Ok(()));
		assert_eq!(w.verify(&p, SIGNATURE, 9 + TOLERANCE, NOW), Err(Invalid::TooEasy));
	}

	#[test]
	fn the_clock_is_unix_seconds() {
		let before = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs();
		let read = now();
		assert!((before..=before + 1).contains(&read), "{read} against {before}");
	}

	#[test]
	fn macs_differing_in_two_bytes_the_same_way_are_not_the_same() {
		assert!(same(&[7, 1], &[7, 1]));
		assert!(!same(&[1, 1], &[0, 0]), "the differences do not cancel out");
		assert!(!same(&[1], &[1, 0]));
	}

	#[test]
	fn malformed_proofs_fail() {
		let w = work(8);
		let challenge = w.issue(8, NOW);
		for bad in [
			challenge.clone(),
			format!("{challenge}:"),
			format!("{challenge}:12 3"),
			format!("{challenge}:{}", "1".repeat(MAX_NONCE + 1)),
			format!("{challenge}.1:5"),
			format!("x.8.{}:5", "0".repeat(32)),
			format!("{NOW}.8.zz:5"),
		] {
			assert_eq!(w.verify(&bad, SIGNATURE, 8, NOW), Err(Invalid::Malformed), "{bad}");
		}
		// The longest nonce is read (a challenge of 0 bits: any nonce solves it).
		let free = w.issue(0, NOW);
		let longest = format!("{free}:{}", "1".repeat(MAX_NONCE));
		assert_eq!(w.verify(&longest, SIGNATURE, 0, NOW), Ok(()));
	}

	#[test]
	fn bits_rise_with_the_queue_and_none_are_asked_when_off() {
		assert_eq!(required_bits(0, 999, 1000), 0);
		assert_eq!(required_bits(16, 0, 1000), 16);
		assert_eq!(required_bits(16, 249, 1000), 16);
		assert_eq!(required_bits(16, 250, 1000), 17);
		assert_eq!(required_bits(16, 500, 1000), 18);
		assert_eq!(required_bits(16, 750, 1000), 19);
		assert_eq!(required_bits(16, 1000, 1000), 20);
		assert_eq!(required_bits(16, 5000, 1000), 16 + MAX_QUEUE_BITS);
		assert_eq!(required_bits(30, 1000, 1000), MAX_BITS);
		assert_eq!(required_bits(16, 10, 0), 16);
	}

	/// Hashes per second of SHA-256 on one core of this machine, as the server checks a proof
	/// (the whole input) and as a solver that hashes the challenge and signature's first 128 bytes
	/// once would search (the last 52 bytes and the nonce: two blocks, as the page's worker does):
	/// `cargo test -p handles-sponsor --release -- --ignored hashes_per_second --nocapture`.
	#[test]
	#[ignore]
	fn hashes_per_second() {
		let challenge = work(0).issue(16, NOW);
		// An sr25519 signature as the page sends it: 0x, the scheme byte, 64 bytes.
		let binding = format!("0x01{}", "ab".repeat(64));
		let tail = &format!("{challenge}:{binding}:")[128..];
		let n = 3_000_000u64;
		let rate = |hash: &dyn Fn(&str) -> [u8; 32]| {
			let start = std::time::Instant::now();
			let mut best = 0;
			for i in 0..n {
				best = best.max(leading_zeros(&hash(&i.to_string())));
			}
			assert!(best > 0);
			n as f64 / start.elapsed().as_secs_f64()
		};
		let whole = rate(&|nonce| proof_hash(&challenge, binding.as_bytes(), nonce));
		let midstate =
			rate(&|nonce| sp_crypto_hashing::sha2_256(format!("{tail}{nonce}").as_bytes()));
		println!("SHA-256 on one core: {whole:.0}/s of whole proofs, {midstate:.0}/s as a solver");
	}
}
