//! What it costs to take another pair's MSA id (repository README, "Limits and known behaviour":
//! MSA-id squatting).
//!
//! A new MSA gets `msa_id(canonical, suffix)`, 32 bits of a hash. To block a target pair for
//! every new MSA, an attacker searches for an offered pair of their own (a canonical form and one
//! of its suffix options under the chain's current seeds) whose id equals the target's, and
//! claims it first. This runs that search for `bits` low bits of the id (first argument, default
//! 20) against one target under fixed seeds, counts the trials and the time, and extrapolates to
//! all 32 bits: a trial is one candidate canonical form with all its options (up to 20 ids).
//!
//!   cargo run --release -p handles-rules --example squat_cost -- 20
use handles_rules::*;
use std::time::Instant;

fn main() {
	let bits: u32 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20).min(32);
	let mask: u32 = if bits == 32 { u32::MAX } else { (1u32 << bits) - 1 };
	let (current, previous) = ([0x5au8; 32], [0xa5u8; 32]);
	let range = SuffixRange::DEFAULT;
	let target = msa_id("allce", 4821) & mask;

	let start = Instant::now();
	let (mut forms, mut ids) = (0u64, 0u64);
	let found = 'search: loop {
		// Candidate canonical forms: cheap distinct ASCII strings, valid handles.
		let canonical = format!("sq{forms:x}");
		forms += 1;
		for suffix in suffix_options(&current, &previous, &canonical, range) {
			ids += 1;
			if msa_id(&canonical, suffix) & mask == target {
				break 'search (canonical, suffix);
			}
		}
	};
	let secs = start.elapsed().as_secs_f64();
	let per_id = secs / ids as f64;
	let full = per_id * 2f64.powi(32);
	println!(
		"{bits}-bit match: {}.{} after {ids} ids ({forms} canonical forms) in {secs:.2} s: {:.0} ns per id",
		found.0,
		found.1,
		per_id * 1e9
	);
	println!(
		"32 bits (2^32 ids expected): {:.0} core-seconds = {:.1} core-minutes per target pair on this core",
		full,
		full / 60.0
	);
}
