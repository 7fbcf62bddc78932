//! Runs validate (which returns the canonical form) over the mixed set of 10 handles of the crate
//! README's benchmarks N times (first argument, default 1000), for instruction counts under
//! callgrind.
use handles_rules::*;
use std::hint::black_box;

const SET: [&str; 10] = [
	"alice",
	"abcdefghijklmnopqrstuvwxyz_01234",
	"Дмитрий_Петров",
	"東京タワー漢字",
	"नमस्ते_भारत",
	"AIice_0ne",
	"Bob",
	"crème_brûlée",
	"Ωμέγα",
	"한국어",
];

fn main() {
	let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
	let mode = std::env::args().nth(2).unwrap_or_default();
	let reserved = default_reserved_canonical();
	let is_reserved = |x: &str| reserved.iter().any(|r| r == x);
	let mut ok = 0usize;
	for _ in 0..n {
		for h in SET {
			let r = if mode == "default" {
				validate_with_default_reserved(black_box(h.as_bytes()))
			} else {
				validate(black_box(h.as_bytes()), is_reserved)
			};
			ok += usize::from(black_box(r).is_ok());
		}
	}
	assert_eq!(ok, n * SET.len());
}
