//! Weights of `pallet_handles_v1_canonical_form`, measured by its FRAME benchmarks (the calls' in `benchmarking/`, a
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
//! /root/.cache/handles-target-bench/release/handles-node benchmark pallet --runtime /root/.cache/handles-target-bench/release/wbuild/handles-runtime/handles_runtime.compact.compressed.wasm --genesis-builder runtime --genesis-builder-preset development --steps 50 --repeat 20 --pallet pallet_handles_v1_canonical_form --extrinsic * --template pallets/handles/weight-template.hbs --output /root/.cache/handles-target-bench/bench-results/pallet_handles_v1_canonical_form-run1.rs --json-file /root/.cache/handles-target-bench/bench-results/pallet_handles_v1_canonical_form-run1.json
//! ```

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_handles_v1_canonical_form`.
pub trait WeightInfo {
	fn rekey_reserved(n: u32, ) -> Weight;
	fn stage_cooldown() -> Weight;
	fn clear_index_entry() -> Weight;
	fn rekey_record() -> Weight;
	fn restore_cooldown() -> Weight;
}

/// Weights for `pallet_handles_v1_canonical_form` priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff0444e7b9012096b41c4eb3aaf947f6ea429` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff0444e7b9012096b41c4eb3aaf947f6ea429` (r:1 w:0)
	/// Storage: `Handles::ReservedHandles` (r:513 w:512)
	/// Proof: `Handles::ReservedHandles` (`max_values`: None, `max_size`: Some(242), added: 2717, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CounterForReservedHandles` (r:1 w:1)
	/// Proof: `Handles::CounterForReservedHandles` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 256]`.
	fn rekey_reserved(n: u32, ) -> Weight {
		// Proof size in bytes:
		//  Measured:  `157 + n * (54 ±0)`
		//  Estimated: `3707 + n * (5434 ±0)`
		// Minimum execution time: 8_231_000 picoseconds.
		Weight::from_parts(8_564_000, 3707)
			// Standard error: 1_351_286
			.saturating_add(Weight::from_parts(35_674_183, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 5434).saturating_mul(n.into()))
	}
	/// Storage: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff0444e7b9012096b41c4eb3aaf947f6ea429` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff0444e7b9012096b41c4eb3aaf947f6ea429` (r:1 w:0)
	/// Storage: `Handles::CoolingDown` (r:2 w:1)
	/// Proof: `Handles::CoolingDown` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff0442b33a170bd8fb2354ff9909520eb7bce` (r:1 w:1)
	/// Proof: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff0442b33a170bd8fb2354ff9909520eb7bce` (r:1 w:1)
	fn stage_cooldown() -> Weight {
		// Proof size in bytes:
		//  Measured:  `206`
		//  Estimated: `6472`
		// Minimum execution time: 21_125_000 picoseconds.
		Weight::from_parts(23_984_000, 6472)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff0444e7b9012096b41c4eb3aaf947f6ea429` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff0444e7b9012096b41c4eb3aaf947f6ea429` (r:1 w:0)
	/// Storage: `Handles::HandleToMsa` (r:2 w:1)
	/// Proof: `Handles::HandleToMsa` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	fn clear_index_entry() -> Weight {
		// Proof size in bytes:
		//  Measured:  `206`
		//  Estimated: `6472`
		// Minimum execution time: 13_464_000 picoseconds.
		Weight::from_parts(22_184_000, 6472)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff0444e7b9012096b41c4eb3aaf947f6ea429` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff0444e7b9012096b41c4eb3aaf947f6ea429` (r:1 w:0)
	/// Storage: `Handles::MsaHandles` (r:3 w:2)
	/// Proof: `Handles::MsaHandles` (`max_values`: None, `max_size`: Some(287), added: 2762, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleToMsa` (r:1 w:1)
	/// Proof: `Handles::HandleToMsa` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	fn rekey_record() -> Weight {
		// Proof size in bytes:
		//  Measured:  `616`
		//  Estimated: `9276`
		// Minimum execution time: 41_469_000 picoseconds.
		Weight::from_parts(47_346_000, 9276)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff0444e7b9012096b41c4eb3aaf947f6ea429` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff0444e7b9012096b41c4eb3aaf947f6ea429` (r:1 w:0)
	/// Storage: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff0442b33a170bd8fb2354ff9909520eb7bce` (r:2 w:1)
	/// Proof: UNKNOWN KEY `0xa2ecd93b1d48ffa0fc653137097ff0442b33a170bd8fb2354ff9909520eb7bce` (r:2 w:1)
	/// Storage: `Handles::HandleToMsa` (r:1 w:0)
	/// Proof: `Handles::HandleToMsa` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CoolingDown` (r:0 w:1)
	/// Proof: `Handles::CoolingDown` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	fn restore_cooldown() -> Weight {
		// Proof size in bytes:
		//  Measured:  `390`
		//  Estimated: `6330`
		// Minimum execution time: 21_725_000 picoseconds.
		Weight::from_parts(24_290_000, 6330)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

/// The same weights priced with ParityDB's database weights, for tests and runtimes without their
/// own `DbWeight`.
impl WeightInfo for () {
	fn rekey_reserved(n: u32, ) -> Weight {
		Weight::from_parts(8_564_000, 3707)
			.saturating_add(Weight::from_parts(35_674_183, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 5434).saturating_mul(n.into()))
	}
	fn stage_cooldown() -> Weight {
		Weight::from_parts(23_984_000, 6472)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn clear_index_entry() -> Weight {
		Weight::from_parts(22_184_000, 6472)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn rekey_record() -> Weight {
		Weight::from_parts(47_346_000, 9276)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn restore_cooldown() -> Weight {
		Weight::from_parts(24_290_000, 6330)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
}
