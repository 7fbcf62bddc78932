//! Weights of `pallet_handles_v2_pruning_queues`, measured by its FRAME benchmarks (the calls' in `benchmarking/`, a
//! migration's steps in that migration's `benchmarks.rs`) against the Wasm runtime. GENERATED: do not edit by hand; rerun the command below (see the pallet README).
//!
//! Benchmark CLI 64.0.0, 2026-12-07. Steps `50`, repeat `20`, low range
//! `[]`, high range `[]`, worst-case map size
//! `1000000`. Host `vm`, CPU `Intel(R) Xeon(R) Processor`. Wasm execution
//! `Compiled`, chain `None`, DB cache 1024 MiB.
//!
//! Each figure is the largest of 1 runs (scripts/max-weights.py).
//!
//! Regenerate with `scripts/benchmark` (a release node built with `--features runtime-benchmarks`),
//! which ran:
//!
//! ```text
//! /root/.cache/handles-target-bench/release/handles-node benchmark pallet --runtime /root/.cache/handles-target-bench/release/wbuild/handles-runtime/handles_runtime.compact.compressed.wasm --genesis-builder runtime --genesis-builder-preset development --steps 50 --repeat 20 --pallet pallet_handles_v2_pruning_queues --extrinsic * --template pallets/handles/weight-template.hbs --output /root/.cache/handles-target-bench/bench-results/pallet_handles_v2_pruning_queues-run1.rs --json-file /root/.cache/handles-target-bench/bench-results/pallet_handles_v2_pruning_queues-run1.json
//! ```

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_handles_v2_pruning_queues`.
pub trait WeightInfo {
	fn move_replay_entry() -> Weight;
	fn remove_count() -> Weight;
	fn queue_cooldown() -> Weight;
}

/// Weights for `pallet_handles_v2_pruning_queues` priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff0444e7b9012096b41c4eb3aaf947f6ea429` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff0444e7b9012096b41c4eb3aaf947f6ea429` (r:1 w:0)
	/// Storage: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff04400c85a8c1206280bc6bde04f9355d6e9` (r:2 w:1)
	/// Proof: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff04400c85a8c1206280bc6bde04f9355d6e9` (r:2 w:1)
	/// Storage: `Handles::ReplayQueueBounds` (r:1 w:1)
	/// Proof: `Handles::ReplayQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayEntries` (r:0 w:1)
	/// Proof: `Handles::ReplayEntries` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueue` (r:0 w:1)
	/// Proof: `Handles::ReplayQueue` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn move_replay_entry() -> Weight {
		// Proof size in bytes:
		//  Measured:  `238`
		//  Estimated: `6178`
		// Minimum execution time: 17_392_000 picoseconds.
		Weight::from_parts(21_364_000, 6178)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff0444e7b9012096b41c4eb3aaf947f6ea429` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff0444e7b9012096b41c4eb3aaf947f6ea429` (r:1 w:0)
	/// Storage: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff0448287903fd2b93ed7af34e4c052789299` (r:2 w:1)
	/// Proof: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff0448287903fd2b93ed7af34e4c052789299` (r:2 w:1)
	fn remove_count() -> Weight {
		// Proof size in bytes:
		//  Measured:  `206`
		//  Estimated: `6146`
		// Minimum execution time: 12_193_000 picoseconds.
		Weight::from_parts(15_368_000, 6146)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff0444e7b9012096b41c4eb3aaf947f6ea429` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff0444e7b9012096b41c4eb3aaf947f6ea429` (r:1 w:0)
	/// Storage: `Handles::CoolingDown` (r:2 w:0)
	/// Proof: `Handles::CoolingDown` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CooldownQueueBounds` (r:1 w:1)
	/// Proof: `Handles::CooldownQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CooldownQueue` (r:0 w:1)
	/// Proof: `Handles::CooldownQueue` (`max_values`: None, `max_size`: Some(250), added: 2725, mode: `MaxEncodedLen`)
	fn queue_cooldown() -> Weight {
		// Proof size in bytes:
		//  Measured:  `449`
		//  Estimated: `6472`
		// Minimum execution time: 21_026_000 picoseconds.
		Weight::from_parts(23_500_000, 6472)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

/// The same weights priced with ParityDB's database weights, for tests and runtimes without their
/// own `DbWeight`.
impl WeightInfo for () {
	fn move_replay_entry() -> Weight {
		Weight::from_parts(21_364_000, 6178)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn remove_count() -> Weight {
		Weight::from_parts(15_368_000, 6146)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn queue_cooldown() -> Weight {
		Weight::from_parts(23_500_000, 6472)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
}
