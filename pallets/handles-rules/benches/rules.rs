//! Criterion benchmarks: validate + canonical form per kind of handle, a mixed set, and suffix
//! candidates for a small and the full `u32` range.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use handles_rules::*;

const SHORT_ASCII: &str = "alice";
const LONG_ASCII: &str = "abcdefghijklmnopqrstuvwxyz_01234";
const CYRILLIC: &str = "Дмитрий_Петров";
const CJK: &str = "東京タワー漢字";
const DEVANAGARI: &str = "नमस्ते_भारत";
const MIXED_CASE_LOOKALIKE: &str = "AIice_0ne";

fn mixed_set() -> Vec<&'static str> {
	vec![
		SHORT_ASCII,
		LONG_ASCII,
		CYRILLIC,
		CJK,
		DEVANAGARI,
		MIXED_CASE_LOOKALIKE,
		"Bob",
		"crème_brûlée",
		"Ωμέγα",
		"한국어",
	]
}

fn bench_validate(c: &mut Criterion) {
	let reserved = default_reserved_canonical();
	let is_reserved = |x: &str| reserved.iter().any(|r| r == x);
	let mut group = c.benchmark_group("validate+canonical");
	for (name, h) in [
		("short_ascii", SHORT_ASCII),
		("ascii_32_bytes", LONG_ASCII),
		("cyrillic", CYRILLIC),
		("cjk", CJK),
		("devanagari", DEVANAGARI),
		("lookalike_ascii", MIXED_CASE_LOOKALIKE),
	] {
		assert!(validate(h.as_bytes(), is_reserved).is_ok(), "{name}");
		group.bench_function(name, |b| b.iter(|| validate(black_box(h.as_bytes()), is_reserved)));
	}
	let set = mixed_set();
	for h in &set {
		assert!(validate(h.as_bytes(), is_reserved).is_ok(), "{h}");
	}
	group.throughput(Throughput::Elements(set.len() as u64));
	group.bench_function("mixed_set_of_10", |b| {
		b.iter(|| {
			for h in &set {
				let _ = black_box(validate(black_box(h.as_bytes()), is_reserved));
			}
		})
	});
	group.bench_function("mixed_set_of_10_default_reserved", |b| {
		b.iter(|| {
			for h in &set {
				let _ = black_box(validate_with_default_reserved(black_box(h.as_bytes())));
			}
		})
	});
	group.finish();

	let mut group = c.benchmark_group("canonical");
	group.bench_function("short_ascii", |b| b.iter(|| canonical(black_box(SHORT_ASCII))));
	group.bench_function("cyrillic", |b| b.iter(|| canonical(black_box(CYRILLIC))));
	group.finish();
}

fn bench_candidates(c: &mut Criterion) {
	let seed = [42u8; 32];
	let mut group = c.benchmark_group("candidates");
	group.bench_function("default_range", |b| {
		b.iter(|| candidates(black_box(&seed), black_box("allce"), SuffixRange::DEFAULT))
	});
	group.bench_function("full_u32_range", |b| {
		b.iter(|| candidates(black_box(&seed), black_box("allce"), SuffixRange::FULL))
	});
	group.bench_function("suffix_options_default_range", |b| {
		b.iter(|| {
			suffix_options(black_box(&seed), black_box(&[7u8; 32]), "allce", SuffixRange::DEFAULT)
		})
	});
	group.bench_function("msa_id", |b| b.iter(|| msa_id(black_box("allce"), black_box(4821))));
	group.finish();
}

criterion_group!(benches, bench_validate, bench_candidates);
criterion_main!(benches);
