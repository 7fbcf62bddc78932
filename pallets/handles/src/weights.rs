//! Weights of `pallet_handles`, measured by its FRAME benchmarks (the calls' in `benchmarking/`, a
//! migration's steps in that migration's `benchmarks.rs`) against the Wasm runtime. GENERATED: do not edit by hand; rerun the command below (see the pallet README).
//!
//! Benchmark CLI 64.0.0, 2026-12-07. Steps `50`, repeat `20`, low range
//! `[]`, high range `[]`, worst-case map size
//! `1000000`. Host `vm`, CPU `Intel(R) Xeon(R) Processor`. Wasm execution
//! `Compiled`, chain `None`, DB cache 1024 MiB.
//!
//! Each figure is the largest of 2 runs (scripts/max-weights.py).
//!
//! Regenerate with `scripts/benchmark` (a release node built with `--features runtime-benchmarks`),
//! which ran:
//!
//! ```text
//! /root/.cache/handles-target-bench/release/handles-node benchmark pallet --runtime /root/.cache/handles-target-bench/release/wbuild/handles-runtime/handles_runtime.compact.compressed.wasm --genesis-builder runtime --genesis-builder-preset development --steps 50 --repeat 20 --pallet pallet_handles --extrinsic * --template pallets/handles/weight-template.hbs --output /root/.cache/handles-target-bench/bench-results/pallet_handles-run1.rs --json-file /root/.cache/handles-target-bench/bench-results/pallet_handles-run1.json
//! ```

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_handles`.
pub trait WeightInfo {
	fn create_handle() -> Weight;
	fn retire_handle() -> Weight;
	fn change_handle() -> Weight;
	fn transfer_ownership() -> Weight;
	fn create_handle_ed25519() -> Weight;
	fn retire_handle_ed25519() -> Weight;
	fn change_handle_ed25519() -> Weight;
	fn transfer_ownership_ed25519() -> Weight;
	fn create_handle_ecdsa() -> Weight;
	fn retire_handle_ecdsa() -> Weight;
	fn change_handle_ecdsa() -> Weight;
	fn transfer_ownership_ecdsa() -> Weight;
	fn set_handle_settings() -> Weight;
	fn set_legacy_payload_deadline() -> Weight;
	fn add_reserved_handle() -> Weight;
	fn remove_reserved_handle() -> Weight;
	fn force_retire_handle() -> Weight;
	fn rotate_seeds() -> Weight;
	fn prune_replay(p: u32, ) -> Weight;
	fn prune_cooldowns(p: u32, ) -> Weight;
	fn verify_sr25519() -> Weight;
	fn verify_ed25519() -> Weight;
	fn verify_ecdsa() -> Weight;
	fn verify_eth() -> Weight;
}

/// Weights for `pallet_handles` priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Handles::ReservedHandles` (r:1 w:0)
	/// Proof: `Handles::ReservedHandles` (`max_values`: None, `max_size`: Some(242), added: 2717, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayEntries` (r:1 w:1)
	/// Proof: `Handles::ReplayEntries` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleSettings` (r:1 w:0)
	/// Proof: `Handles::HandleSettings` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::Seeds` (r:1 w:0)
	/// Proof: `Handles::Seeds` (`max_values`: Some(1), `max_size`: Some(64), added: 559, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleToMsa` (r:1 w:1)
	/// Proof: `Handles::HandleToMsa` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CoolingDown` (r:1 w:1)
	/// Proof: `Handles::CoolingDown` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::MsaOwner` (r:1 w:1)
	/// Proof: `Handles::MsaOwner` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::OwnerMsas` (r:1 w:1)
	/// Proof: `Handles::OwnerMsas` (`max_values`: None, `max_size`: Some(450), added: 2925, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueueBounds` (r:1 w:1)
	/// Proof: `Handles::ReplayQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueue` (r:0 w:1)
	/// Proof: `Handles::ReplayQueue` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::MsaHandles` (r:0 w:1)
	/// Proof: `Handles::MsaHandles` (`max_values`: None, `max_size`: Some(287), added: 2762, mode: `MaxEncodedLen`)
	fn create_handle() -> Weight {
		// Proof size in bytes:
		//  Measured:  `1707`
		//  Estimated: `3915`
		// Minimum execution time: 211_073_000 picoseconds.
		Weight::from_parts(247_443_000, 3915)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Handles::MsaOwner` (r:1 w:0)
	/// Proof: `Handles::MsaOwner` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::MsaHandles` (r:1 w:1)
	/// Proof: `Handles::MsaHandles` (`max_values`: None, `max_size`: Some(287), added: 2762, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayEntries` (r:1 w:1)
	/// Proof: `Handles::ReplayEntries` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueueBounds` (r:1 w:1)
	/// Proof: `Handles::ReplayQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleSettings` (r:1 w:0)
	/// Proof: `Handles::HandleSettings` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CooldownQueueBounds` (r:1 w:1)
	/// Proof: `Handles::CooldownQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CooldownQueue` (r:0 w:1)
	/// Proof: `Handles::CooldownQueue` (`max_values`: None, `max_size`: Some(250), added: 2725, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CoolingDown` (r:0 w:1)
	/// Proof: `Handles::CoolingDown` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueue` (r:0 w:1)
	/// Proof: `Handles::ReplayQueue` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleToMsa` (r:0 w:1)
	/// Proof: `Handles::HandleToMsa` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	fn retire_handle() -> Weight {
		// Proof size in bytes:
		//  Measured:  `1247`
		//  Estimated: `3752`
		// Minimum execution time: 185_932_000 picoseconds.
		Weight::from_parts(215_312_000, 3752)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Handles::MsaOwner` (r:2 w:0)
	/// Proof: `Handles::MsaOwner` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::MsaHandles` (r:1 w:1)
	/// Proof: `Handles::MsaHandles` (`max_values`: None, `max_size`: Some(287), added: 2762, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReservedHandles` (r:1 w:0)
	/// Proof: `Handles::ReservedHandles` (`max_values`: None, `max_size`: Some(242), added: 2717, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayEntries` (r:1 w:1)
	/// Proof: `Handles::ReplayEntries` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::Moderated` (r:1 w:0)
	/// Proof: `Handles::Moderated` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleSettings` (r:1 w:0)
	/// Proof: `Handles::HandleSettings` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::Seeds` (r:1 w:0)
	/// Proof: `Handles::Seeds` (`max_values`: Some(1), `max_size`: Some(64), added: 559, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleToMsa` (r:1 w:2)
	/// Proof: `Handles::HandleToMsa` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CoolingDown` (r:1 w:2)
	/// Proof: `Handles::CoolingDown` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueueBounds` (r:1 w:1)
	/// Proof: `Handles::ReplayQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CooldownQueueBounds` (r:1 w:1)
	/// Proof: `Handles::CooldownQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CooldownQueue` (r:0 w:1)
	/// Proof: `Handles::CooldownQueue` (`max_values`: None, `max_size`: Some(250), added: 2725, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueue` (r:0 w:1)
	/// Proof: `Handles::ReplayQueue` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn change_handle() -> Weight {
		// Proof size in bytes:
		//  Measured:  `2144`
		//  Estimated: `6044`
		// Minimum execution time: 249_109_000 picoseconds.
		Weight::from_parts(286_978_000, 6044)
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Storage: `Handles::MsaOwner` (r:1 w:1)
	/// Proof: `Handles::MsaOwner` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::MsaHandles` (r:1 w:0)
	/// Proof: `Handles::MsaHandles` (`max_values`: None, `max_size`: Some(287), added: 2762, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayEntries` (r:2 w:2)
	/// Proof: `Handles::ReplayEntries` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::OwnerMsas` (r:2 w:2)
	/// Proof: `Handles::OwnerMsas` (`max_values`: None, `max_size`: Some(450), added: 2925, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueueBounds` (r:1 w:1)
	/// Proof: `Handles::ReplayQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueue` (r:0 w:2)
	/// Proof: `Handles::ReplayQueue` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn transfer_ownership() -> Weight {
		// Proof size in bytes:
		//  Measured:  `2144`
		//  Estimated: `6840`
		// Minimum execution time: 323_108_000 picoseconds.
		Weight::from_parts(355_066_000, 6840)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Handles::ReservedHandles` (r:1 w:0)
	/// Proof: `Handles::ReservedHandles` (`max_values`: None, `max_size`: Some(242), added: 2717, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayEntries` (r:1 w:1)
	/// Proof: `Handles::ReplayEntries` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleSettings` (r:1 w:0)
	/// Proof: `Handles::HandleSettings` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::Seeds` (r:1 w:0)
	/// Proof: `Handles::Seeds` (`max_values`: Some(1), `max_size`: Some(64), added: 559, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleToMsa` (r:1 w:1)
	/// Proof: `Handles::HandleToMsa` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CoolingDown` (r:1 w:1)
	/// Proof: `Handles::CoolingDown` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::MsaOwner` (r:1 w:1)
	/// Proof: `Handles::MsaOwner` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::OwnerMsas` (r:1 w:1)
	/// Proof: `Handles::OwnerMsas` (`max_values`: None, `max_size`: Some(450), added: 2925, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueueBounds` (r:1 w:1)
	/// Proof: `Handles::ReplayQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueue` (r:0 w:1)
	/// Proof: `Handles::ReplayQueue` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::MsaHandles` (r:0 w:1)
	/// Proof: `Handles::MsaHandles` (`max_values`: None, `max_size`: Some(287), added: 2762, mode: `MaxEncodedLen`)
	fn create_handle_ed25519() -> Weight {
		// Proof size in bytes:
		//  Measured:  `1707`
		//  Estimated: `3915`
		// Minimum execution time: 210_609_000 picoseconds.
		Weight::from_parts(249_753_000, 3915)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Handles::MsaOwner` (r:1 w:0)
	/// Proof: `Handles::MsaOwner` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::MsaHandles` (r:1 w:1)
	/// Proof: `Handles::MsaHandles` (`max_values`: None, `max_size`: Some(287), added: 2762, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayEntries` (r:1 w:1)
	/// Proof: `Handles::ReplayEntries` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueueBounds` (r:1 w:1)
	/// Proof: `Handles::ReplayQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleSettings` (r:1 w:0)
	/// Proof: `Handles::HandleSettings` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CooldownQueueBounds` (r:1 w:1)
	/// Proof: `Handles::CooldownQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CooldownQueue` (r:0 w:1)
	/// Proof: `Handles::CooldownQueue` (`max_values`: None, `max_size`: Some(250), added: 2725, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CoolingDown` (r:0 w:1)
	/// Proof: `Handles::CoolingDown` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueue` (r:0 w:1)
	/// Proof: `Handles::ReplayQueue` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleToMsa` (r:0 w:1)
	/// Proof: `Handles::HandleToMsa` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	fn retire_handle_ed25519() -> Weight {
		// Proof size in bytes:
		//  Measured:  `1247`
		//  Estimated: `3752`
		// Minimum execution time: 183_558_000 picoseconds.
		Weight::from_parts(213_059_000, 3752)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Handles::MsaOwner` (r:2 w:0)
	/// Proof: `Handles::MsaOwner` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::MsaHandles` (r:1 w:1)
	/// Proof: `Handles::MsaHandles` (`max_values`: None, `max_size`: Some(287), added: 2762, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReservedHandles` (r:1 w:0)
	/// Proof: `Handles::ReservedHandles` (`max_values`: None, `max_size`: Some(242), added: 2717, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayEntries` (r:1 w:1)
	/// Proof: `Handles::ReplayEntries` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::Moderated` (r:1 w:0)
	/// Proof: `Handles::Moderated` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleSettings` (r:1 w:0)
	/// Proof: `Handles::HandleSettings` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::Seeds` (r:1 w:0)
	/// Proof: `Handles::Seeds` (`max_values`: Some(1), `max_size`: Some(64), added: 559, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleToMsa` (r:1 w:2)
	/// Proof: `Handles::HandleToMsa` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CoolingDown` (r:1 w:2)
	/// Proof: `Handles::CoolingDown` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueueBounds` (r:1 w:1)
	/// Proof: `Handles::ReplayQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CooldownQueueBounds` (r:1 w:1)
	/// Proof: `Handles::CooldownQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CooldownQueue` (r:0 w:1)
	/// Proof: `Handles::CooldownQueue` (`max_values`: None, `max_size`: Some(250), added: 2725, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueue` (r:0 w:1)
	/// Proof: `Handles::ReplayQueue` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn change_handle_ed25519() -> Weight {
		// Proof size in bytes:
		//  Measured:  `2144`
		//  Estimated: `6044`
		// Minimum execution time: 247_220_000 picoseconds.
		Weight::from_parts(281_321_000, 6044)
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Storage: `Handles::MsaOwner` (r:1 w:1)
	/// Proof: `Handles::MsaOwner` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::MsaHandles` (r:1 w:0)
	/// Proof: `Handles::MsaHandles` (`max_values`: None, `max_size`: Some(287), added: 2762, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayEntries` (r:2 w:2)
	/// Proof: `Handles::ReplayEntries` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::OwnerMsas` (r:2 w:2)
	/// Proof: `Handles::OwnerMsas` (`max_values`: None, `max_size`: Some(450), added: 2925, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueueBounds` (r:1 w:1)
	/// Proof: `Handles::ReplayQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueue` (r:0 w:2)
	/// Proof: `Handles::ReplayQueue` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn transfer_ownership_ed25519() -> Weight {
		// Proof size in bytes:
		//  Measured:  `2144`
		//  Estimated: `6840`
		// Minimum execution time: 317_534_000 picoseconds.
		Weight::from_parts(344_258_000, 6840)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Handles::ReservedHandles` (r:1 w:0)
	/// Proof: `Handles::ReservedHandles` (`max_values`: None, `max_size`: Some(242), added: 2717, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayEntries` (r:1 w:1)
	/// Proof: `Handles::ReplayEntries` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleSettings` (r:1 w:0)
	/// Proof: `Handles::HandleSettings` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::Seeds` (r:1 w:0)
	/// Proof: `Handles::Seeds` (`max_values`: Some(1), `max_size`: Some(64), added: 559, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleToMsa` (r:1 w:1)
	/// Proof: `Handles::HandleToMsa` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CoolingDown` (r:1 w:1)
	/// Proof: `Handles::CoolingDown` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::MsaOwner` (r:1 w:1)
	/// Proof: `Handles::MsaOwner` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::OwnerMsas` (r:1 w:1)
	/// Proof: `Handles::OwnerMsas` (`max_values`: None, `max_size`: Some(450), added: 2925, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueueBounds` (r:1 w:1)
	/// Proof: `Handles::ReplayQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueue` (r:0 w:1)
	/// Proof: `Handles::ReplayQueue` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::MsaHandles` (r:0 w:1)
	/// Proof: `Handles::MsaHandles` (`max_values`: None, `max_size`: Some(287), added: 2762, mode: `MaxEncodedLen`)
	fn create_handle_ecdsa() -> Weight {
		// Proof size in bytes:
		//  Measured:  `1707`
		//  Estimated: `3915`
		// Minimum execution time: 192_136_000 picoseconds.
		Weight::from_parts(212_271_000, 3915)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Handles::MsaOwner` (r:1 w:0)
	/// Proof: `Handles::MsaOwner` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::MsaHandles` (r:1 w:1)
	/// Proof: `Handles::MsaHandles` (`max_values`: None, `max_size`: Some(287), added: 2762, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayEntries` (r:1 w:1)
	/// Proof: `Handles::ReplayEntries` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueueBounds` (r:1 w:1)
	/// Proof: `Handles::ReplayQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleSettings` (r:1 w:0)
	/// Proof: `Handles::HandleSettings` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CooldownQueueBounds` (r:1 w:1)
	/// Proof: `Handles::CooldownQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CooldownQueue` (r:0 w:1)
	/// Proof: `Handles::CooldownQueue` (`max_values`: None, `max_size`: Some(250), added: 2725, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CoolingDown` (r:0 w:1)
	/// Proof: `Handles::CoolingDown` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueue` (r:0 w:1)
	/// Proof: `Handles::ReplayQueue` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleToMsa` (r:0 w:1)
	/// Proof: `Handles::HandleToMsa` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	fn retire_handle_ecdsa() -> Weight {
		// Proof size in bytes:
		//  Measured:  `1247`
		//  Estimated: `3752`
		// Minimum execution time: 173_622_000 picoseconds.
		Weight::from_parts(210_416_000, 3752)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Handles::MsaOwner` (r:2 w:0)
	/// Proof: `Handles::MsaOwner` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::MsaHandles` (r:1 w:1)
	/// Proof: `Handles::MsaHandles` (`max_values`: None, `max_size`: Some(287), added: 2762, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReservedHandles` (r:1 w:0)
	/// Proof: `Handles::ReservedHandles` (`max_values`: None, `max_size`: Some(242), added: 2717, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayEntries` (r:1 w:1)
	/// Proof: `Handles::ReplayEntries` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::Moderated` (r:1 w:0)
	/// Proof: `Handles::Moderated` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleSettings` (r:1 w:0)
	/// Proof: `Handles::HandleSettings` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::Seeds` (r:1 w:0)
	/// Proof: `Handles::Seeds` (`max_values`: Some(1), `max_size`: Some(64), added: 559, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleToMsa` (r:1 w:2)
	/// Proof: `Handles::HandleToMsa` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CoolingDown` (r:1 w:2)
	/// Proof: `Handles::CoolingDown` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueueBounds` (r:1 w:1)
	/// Proof: `Handles::ReplayQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CooldownQueueBounds` (r:1 w:1)
	/// Proof: `Handles::CooldownQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CooldownQueue` (r:0 w:1)
	/// Proof: `Handles::CooldownQueue` (`max_values`: None, `max_size`: Some(250), added: 2725, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueue` (r:0 w:1)
	/// Proof: `Handles::ReplayQueue` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn change_handle_ecdsa() -> Weight {
		// Proof size in bytes:
		//  Measured:  `2144`
		//  Estimated: `6044`
		// Minimum execution time: 230_659_000 picoseconds.
		Weight::from_parts(274_589_000, 6044)
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Storage: `Handles::MsaOwner` (r:1 w:1)
	/// Proof: `Handles::MsaOwner` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::MsaHandles` (r:1 w:0)
	/// Proof: `Handles::MsaHandles` (`max_values`: None, `max_size`: Some(287), added: 2762, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayEntries` (r:2 w:2)
	/// Proof: `Handles::ReplayEntries` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::OwnerMsas` (r:2 w:2)
	/// Proof: `Handles::OwnerMsas` (`max_values`: None, `max_size`: Some(450), added: 2925, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueueBounds` (r:1 w:1)
	/// Proof: `Handles::ReplayQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueue` (r:0 w:2)
	/// Proof: `Handles::ReplayQueue` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn transfer_ownership_ecdsa() -> Weight {
		// Proof size in bytes:
		//  Measured:  `2144`
		//  Estimated: `6840`
		// Minimum execution time: 292_401_000 picoseconds.
		Weight::from_parts(351_574_000, 6840)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Handles::HandleSettings` (r:1 w:1)
	/// Proof: `Handles::HandleSettings` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn set_handle_settings() -> Weight {
		// Proof size in bytes:
		//  Measured:  `161`
		//  Estimated: `1501`
		// Minimum execution time: 11_852_000 picoseconds.
		Weight::from_parts(13_958_000, 1501)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Handles::HandleSettings` (r:1 w:1)
	/// Proof: `Handles::HandleSettings` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn set_legacy_payload_deadline() -> Weight {
		// Proof size in bytes:
		//  Measured:  `161`
		//  Estimated: `1501`
		// Minimum execution time: 11_694_000 picoseconds.
		Weight::from_parts(13_713_000, 1501)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Handles::ReservedHandles` (r:1 w:1)
	/// Proof: `Handles::ReservedHandles` (`max_values`: None, `max_size`: Some(242), added: 2717, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CounterForReservedHandles` (r:1 w:1)
	/// Proof: `Handles::CounterForReservedHandles` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn add_reserved_handle() -> Weight {
		// Proof size in bytes:
		//  Measured:  `238`
		//  Estimated: `3707`
		// Minimum execution time: 27_125_000 picoseconds.
		Weight::from_parts(30_586_000, 3707)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Handles::ReservedHandles` (r:1 w:1)
	/// Proof: `Handles::ReservedHandles` (`max_values`: None, `max_size`: Some(242), added: 2717, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CounterForReservedHandles` (r:1 w:1)
	/// Proof: `Handles::CounterForReservedHandles` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn remove_reserved_handle() -> Weight {
		// Proof size in bytes:
		//  Measured:  `477`
		//  Estimated: `3707`
		// Minimum execution time: 30_191_000 picoseconds.
		Weight::from_parts(33_942_000, 3707)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Handles::MsaOwner` (r:1 w:0)
	/// Proof: `Handles::MsaOwner` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::MsaHandles` (r:1 w:1)
	/// Proof: `Handles::MsaHandles` (`max_values`: None, `max_size`: Some(287), added: 2762, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleSettings` (r:1 w:0)
	/// Proof: `Handles::HandleSettings` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CooldownQueueBounds` (r:1 w:1)
	/// Proof: `Handles::CooldownQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CooldownQueue` (r:0 w:1)
	/// Proof: `Handles::CooldownQueue` (`max_values`: None, `max_size`: Some(250), added: 2725, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CoolingDown` (r:0 w:1)
	/// Proof: `Handles::CoolingDown` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::Moderated` (r:0 w:1)
	/// Proof: `Handles::Moderated` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleToMsa` (r:0 w:1)
	/// Proof: `Handles::HandleToMsa` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	fn force_retire_handle() -> Weight {
		// Proof size in bytes:
		//  Measured:  `619`
		//  Estimated: `3752`
		// Minimum execution time: 42_979_000 picoseconds.
		Weight::from_parts(48_541_000, 3752)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::Seeds` (r:1 w:1)
	/// Proof: `Handles::Seeds` (`max_values`: Some(1), `max_size`: Some(64), added: 559, mode: `MaxEncodedLen`)
	fn rotate_seeds() -> Weight {
		// Proof size in bytes:
		//  Measured:  `212`
		//  Estimated: `1549`
		// Minimum execution time: 10_135_000 picoseconds.
		Weight::from_parts(11_703_000, 1549)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Handles::ReplayQueueBounds` (r:1 w:1)
	/// Proof: `Handles::ReplayQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayQueue` (r:65 w:64)
	/// Proof: `Handles::ReplayQueue` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReplayEntries` (r:0 w:64)
	/// Proof: `Handles::ReplayEntries` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// The range of component `p` is `[0, 64]`.
	fn prune_replay(p: u32, ) -> Weight {
		// Proof size in bytes:
		//  Measured:  `305 + p * (58 ±0)`
		//  Estimated: `3517 + p * (2527 ±0)`
		// Minimum execution time: 9_957_000 picoseconds.
		Weight::from_parts(9_752_899, 3517)
			// Standard error: 23_968
			.saturating_add(Weight::from_parts(7_404_354, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2527).saturating_mul(p.into()))
	}
	/// Storage: `Handles::CooldownQueueBounds` (r:1 w:1)
	/// Proof: `Handles::CooldownQueueBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CooldownQueue` (r:65 w:64)
	/// Proof: `Handles::CooldownQueue` (`max_values`: None, `max_size`: Some(250), added: 2725, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CoolingDown` (r:64 w:64)
	/// Proof: `Handles::CoolingDown` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// The range of component `p` is `[0, 64]`.
	fn prune_cooldowns(p: u32, ) -> Weight {
		// Proof size in bytes:
		//  Measured:  `751 + p * (275 ±0)`
		//  Estimated: `3715 + p * (2741 ±0)`
		// Minimum execution time: 10_950_000 picoseconds.
		Weight::from_parts(13_526_733, 3715)
			// Standard error: 17_160
			.saturating_add(Weight::from_parts(14_631_688, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2741).saturating_mul(p.into()))
	}
	fn verify_sr25519() -> Weight {
		// Proof size in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 54_347_000 picoseconds.
		Weight::from_parts(60_101_000, 0)
	}
	fn verify_ed25519() -> Weight {
		// Proof size in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 51_024_000 picoseconds.
		Weight::from_parts(57_800_000, 0)
	}
	fn verify_ecdsa() -> Weight {
		// Proof size in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 44_260_000 picoseconds.
		Weight::from_parts(50_152_000, 0)
	}
	fn verify_eth() -> Weight {
		// Proof size in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 45_852_000 picoseconds.
		Weight::from_parts(52_067_000, 0)
	}
}

/// The same weights priced with ParityDB's database weights, for tests and runtimes without their
/// own `DbWeight`.
impl WeightInfo for () {
	fn create_handle() -> Weight {
		Weight::from_parts(247_443_000, 3915)
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn retire_handle() -> Weight {
		Weight::from_parts(215_312_000, 3752)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn change_handle() -> Weight {
		Weight::from_parts(286_978_000, 6044)
			.saturating_add(ParityDbWeight::get().reads(13_u64))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
	}
	fn transfer_ownership() -> Weight {
		Weight::from_parts(355_066_000, 6840)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn create_handle_ed25519() -> Weight {
		Weight::from_parts(249_753_000, 3915)
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn retire_handle_ed25519() -> Weight {
		Weight::from_parts(213_059_000, 3752)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn change_handle_ed25519() -> Weight {
		Weight::from_parts(281_321_000, 6044)
			.saturating_add(ParityDbWeight::get().reads(13_u64))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
	}
	fn transfer_ownership_ed25519() -> Weight {
		Weight::from_parts(344_258_000, 6840)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn create_handle_ecdsa() -> Weight {
		Weight::from_parts(212_271_000, 3915)
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn retire_handle_ecdsa() -> Weight {
		Weight::from_parts(210_416_000, 3752)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn change_handle_ecdsa() -> Weight {
		Weight::from_parts(274_589_000, 6044)
			.saturating_add(ParityDbWeight::get().reads(13_u64))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
	}
	fn transfer_ownership_ecdsa() -> Weight {
		Weight::from_parts(351_574_000, 6840)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn set_handle_settings() -> Weight {
		Weight::from_parts(13_958_000, 1501)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn set_legacy_payload_deadline() -> Weight {
		Weight::from_parts(13_713_000, 1501)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn add_reserved_handle() -> Weight {
		Weight::from_parts(30_586_000, 3707)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn remove_reserved_handle() -> Weight {
		Weight::from_parts(33_942_000, 3707)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn force_retire_handle() -> Weight {
		Weight::from_parts(48_541_000, 3752)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn rotate_seeds() -> Weight {
		Weight::from_parts(11_703_000, 1549)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn prune_replay(p: u32, ) -> Weight {
		Weight::from_parts(9_752_899, 3517)
			.saturating_add(Weight::from_parts(7_404_354, 0).saturating_mul(p.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(p.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2527).saturating_mul(p.into()))
	}
	fn prune_cooldowns(p: u32, ) -> Weight {
		Weight::from_parts(13_526_733, 3715)
			.saturating_add(Weight::from_parts(14_631_688, 0).saturating_mul(p.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(p.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2741).saturating_mul(p.into()))
	}
	fn verify_sr25519() -> Weight {
		Weight::from_parts(60_101_000, 0)
	}
	fn verify_ed25519() -> Weight {
		Weight::from_parts(57_800_000, 0)
	}
	fn verify_ecdsa() -> Weight {
		Weight::from_parts(50_152_000, 0)
	}
	fn verify_eth() -> Weight {
		Weight::from_parts(52_067_000, 0)
	}
}
