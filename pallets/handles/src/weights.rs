//! Weights of `pallet_handles`, measured by the FRAME benchmarks in `benchmarking.rs` against the Wasm
//! runtime. GENERATED: do not edit by hand; rerun the command below (see the pallet README).
//!
//! Benchmark CLI 64.0.0, 2026-11-21. Steps `50`, repeat `20`, low range
//! `[]`, high range `[]`, worst-case map size
//! `1000000`. Host `vm`, CPU `AMD EPYC`. Wasm execution
//! `Compiled`, chain `None`, DB cache 1024 MiB.
//!
//! Regenerate with `scripts/benchmark` (a release node built with `--features runtime-benchmarks`),
//! which ran:
//!
//! ```text
//! /root/.cache/handles-target-bench/release/handles-node benchmark pallet --runtime /root/.cache/handles-target-bench/release/wbuild/handles-runtime/handles_runtime.compact.compressed.wasm --genesis-builder runtime --genesis-builder-preset development --pallet pallet_handles --steps 50 --repeat 20 --extrinsic * --template pallets/handles/weight-template.hbs --output pallets/handles/src/weights.rs --json-file /root/.cache/handles-target-bench/bench-results/weights.json
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
	fn set_handle_settings() -> Weight;
	fn add_reserved_handle() -> Weight;
	fn remove_reserved_handle() -> Weight;
	fn force_retire_handle() -> Weight;
	fn rotate_seeds() -> Weight;
	fn create_handle_ed25519() -> Weight;
	fn retire_handle_ed25519() -> Weight;
	fn change_handle_ed25519() -> Weight;
	fn transfer_ownership_ed25519() -> Weight;
	fn create_handle_ecdsa() -> Weight;
	fn retire_handle_ecdsa() -> Weight;
	fn change_handle_ecdsa() -> Weight;
	fn transfer_ownership_ecdsa() -> Weight;
	fn prune_replay(p: u32, ) -> Weight;
	fn prune_cooldowns(p: u32, ) -> Weight;
	fn verify_sr25519() -> Weight;
	fn verify_ed25519() -> Weight;
	fn verify_ecdsa() -> Weight;
}

/// Weights for `pallet_handles` priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Handles::ReservedHandles` (r:1 w:0)
	/// Proof: `Handles::ReservedHandles` (`max_values`: None, `max_size`: Some(242), added: 2717, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Handles::UsedPayloads` (r:1 w:1)
	/// Proof: `Handles::UsedPayloads` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Handles::UsedPayloadCount` (r:1 w:1)
	/// Proof: `Handles::UsedPayloadCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleSettings` (r:1 w:0)
	/// Proof: `Handles::HandleSettings` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
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
	/// Storage: `Handles::MsaHandles` (r:0 w:1)
	/// Proof: `Handles::MsaHandles` (`max_values`: None, `max_size`: Some(287), added: 2762, mode: `MaxEncodedLen`)
	fn create_handle() -> Weight {
		// Proof size in bytes:
		//  Measured:  `2597`
		//  Estimated: `3915`
		// Minimum execution time: 209_982_000 picoseconds.
		Weight::from_parts(261_979_000, 3915)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Handles::MsaOwner` (r:1 w:0)
	/// Proof: `Handles::MsaOwner` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Handles::UsedPayloads` (r:1 w:1)
	/// Proof: `Handles::UsedPayloads` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Handles::UsedPayloadCount` (r:1 w:1)
	/// Proof: `Handles::UsedPayloadCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `Handles::MsaHandles` (r:1 w:1)
	/// Proof: `Handles::MsaHandles` (`max_values`: None, `max_size`: Some(287), added: 2762, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleSettings` (r:1 w:0)
	/// Proof: `Handles::HandleSettings` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CoolingDown` (r:0 w:1)
	/// Proof: `Handles::CoolingDown` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleToMsa` (r:0 w:1)
	/// Proof: `Handles::HandleToMsa` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	fn retire_handle() -> Weight {
		// Proof size in bytes:
		//  Measured:  `2418`
		//  Estimated: `3752`
		// Minimum execution time: 174_890_000 picoseconds.
		Weight::from_parts(207_959_000, 3752)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Handles::MsaOwner` (r:2 w:0)
	/// Proof: `Handles::MsaOwner` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::ReservedHandles` (r:1 w:0)
	/// Proof: `Handles::ReservedHandles` (`max_values`: None, `max_size`: Some(242), added: 2717, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Handles::UsedPayloads` (r:1 w:1)
	/// Proof: `Handles::UsedPayloads` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Handles::UsedPayloadCount` (r:1 w:1)
	/// Proof: `Handles::UsedPayloadCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleSettings` (r:1 w:0)
	/// Proof: `Handles::HandleSettings` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Handles::Seeds` (r:1 w:0)
	/// Proof: `Handles::Seeds` (`max_values`: Some(1), `max_size`: Some(64), added: 559, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleToMsa` (r:1 w:2)
	/// Proof: `Handles::HandleToMsa` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CoolingDown` (r:1 w:2)
	/// Proof: `Handles::CoolingDown` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::MsaHandles` (r:1 w:1)
	/// Proof: `Handles::MsaHandles` (`max_values`: None, `max_size`: Some(287), added: 2762, mode: `MaxEncodedLen`)
	fn change_handle() -> Weight {
		// Proof size in bytes:
		//  Measured:  `3034`
		//  Estimated: `6044`
		// Minimum execution time: 221_920_000 picoseconds.
		Weight::from_parts(268_979_000, 6044)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Handles::MsaOwner` (r:1 w:1)
	/// Proof: `Handles::MsaOwner` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Handles::UsedPayloads` (r:1 w:1)
	/// Proof: `Handles::UsedPayloads` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Handles::UsedPayloadCount` (r:1 w:1)
	/// Proof: `Handles::UsedPayloadCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `Handles::OwnerMsas` (r:2 w:2)
	/// Proof: `Handles::OwnerMsas` (`max_values`: None, `max_size`: Some(450), added: 2925, mode: `MaxEncodedLen`)
	fn transfer_ownership() -> Weight {
		// Proof size in bytes:
		//  Measured:  `3011`
		//  Estimated: `6840`
		// Minimum execution time: 264_883_000 picoseconds.
		Weight::from_parts(294_658_000, 6840)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Handles::HandleSettings` (r:0 w:1)
	/// Proof: `Handles::HandleSettings` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	fn set_handle_settings() -> Weight {
		// Proof size in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 5_438_000 picoseconds.
		Weight::from_parts(7_652_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Handles::ReservedHandles` (r:1 w:1)
	/// Proof: `Handles::ReservedHandles` (`max_values`: None, `max_size`: Some(242), added: 2717, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CounterForReservedHandles` (r:1 w:1)
	/// Proof: `Handles::CounterForReservedHandles` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn add_reserved_handle() -> Weight {
		// Proof size in bytes:
		//  Measured:  `236`
		//  Estimated: `3707`
		// Minimum execution time: 22_683_000 picoseconds.
		Weight::from_parts(24_637_000, 3707)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Handles::ReservedHandles` (r:1 w:1)
	/// Proof: `Handles::ReservedHandles` (`max_values`: None, `max_size`: Some(242), added: 2717, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CounterForReservedHandles` (r:1 w:1)
	/// Proof: `Handles::CounterForReservedHandles` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn remove_reserved_handle() -> Weight {
		// Proof size in bytes:
		//  Measured:  `475`
		//  Estimated: `3707`
		// Minimum execution time: 24_866_000 picoseconds.
		Weight::from_parts(27_622_000, 3707)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Handles::MsaOwner` (r:1 w:0)
	/// Proof: `Handles::MsaOwner` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::MsaHandles` (r:1 w:1)
	/// Proof: `Handles::MsaHandles` (`max_values`: None, `max_size`: Some(287), added: 2762, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleSettings` (r:1 w:0)
	/// Proof: `Handles::HandleSettings` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Handles::CoolingDown` (r:0 w:1)
	/// Proof: `Handles::CoolingDown` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	/// Storage: `Handles::HandleToMsa` (r:0 w:1)
	/// Proof: `Handles::HandleToMsa` (`max_values`: None, `max_size`: Some(266), added: 2741, mode: `MaxEncodedLen`)
	fn force_retire_handle() -> Weight {
		// Proof size in bytes:
		//  Measured:  `614`
		//  Estimated: `3752`
		// Minimum execution time: 26_960_000 picoseconds.
		Weight::from_parts(29_273_000, 3752)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Handles::Seeds` (r:1 w:1)
	/// Proof: `Handles::Seeds` (`max_values`: Some(1), `max_size`: Some(64), added: 559, mode: `MaxEncodedLen`)
	fn rotate_seeds() -> Weight {
		// Proof size in bytes:
		//  Measured:  `210`
		//  Estimated: `1549`
		// Minimum execution time: 8_362_000 picoseconds.
		Weight::from_parts(9_474_000, 1549)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn create_handle_ed25519() -> Weight {
		// Proof size in bytes:
		//  Measured:  `2597`
		//  Estimated: `3915`
		// Minimum execution time: 209_982_000 picoseconds.
		Weight::from_parts(261_979_000, 3915)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	fn retire_handle_ed25519() -> Weight {
		// Proof size in bytes:
		//  Measured:  `2418`
		//  Estimated: `3752`
		// Minimum execution time: 174_890_000 picoseconds.
		Weight::from_parts(207_959_000, 3752)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn change_handle_ed25519() -> Weight {
		// Proof size in bytes:
		//  Measured:  `3034`
		//  Estimated: `6044`
		// Minimum execution time: 221_920_000 picoseconds.
		Weight::from_parts(268_979_000, 6044)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	fn transfer_ownership_ed25519() -> Weight {
		// Proof size in bytes:
		//  Measured:  `3011`
		//  Estimated: `6840`
		// Minimum execution time: 264_883_000 picoseconds.
		Weight::from_parts(294_658_000, 6840)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn create_handle_ecdsa() -> Weight {
		// Proof size in bytes:
		//  Measured:  `2597`
		//  Estimated: `3915`
		// Minimum execution time: 209_982_000 picoseconds.
		Weight::from_parts(261_979_000, 3915)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	fn retire_handle_ecdsa() -> Weight {
		// Proof size in bytes:
		//  Measured:  `2418`
		//  Estimated: `3752`
		// Minimum execution time: 174_890_000 picoseconds.
		Weight::from_parts(207_959_000, 3752)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn change_handle_ecdsa() -> Weight {
		// Proof size in bytes:
		//  Measured:  `3034`
		//  Estimated: `6044`
		// Minimum execution time: 221_920_000 picoseconds.
		Weight::from_parts(268_979_000, 6044)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	fn transfer_ownership_ecdsa() -> Weight {
		// Proof size in bytes:
		//  Measured:  `3011`
		//  Estimated: `6840`
		// Minimum execution time: 264_883_000 picoseconds.
		Weight::from_parts(294_658_000, 6840)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}	// Estimated until the next benchmark run: per entry one queue read and two removals.
	fn prune_replay(p: u32, ) -> Weight {
		Weight::from_parts(7_000_000, 1500)
			.saturating_add(Weight::from_parts(3_000_000, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 5100).saturating_mul(p.into()))
	}
	// Estimated until the next benchmark run: per entry two reads and two removals.
	fn prune_cooldowns(p: u32, ) -> Weight {
		Weight::from_parts(7_000_000, 1500)
			.saturating_add(Weight::from_parts(4_000_000, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 5600).saturating_mul(p.into()))
	}
	// Estimated until the next benchmark run.
	fn verify_sr25519() -> Weight {
		Weight::from_parts(70_000_000, 0)
	}
	fn verify_ed25519() -> Weight {
		Weight::from_parts(45_000_000, 0)
	}
	fn verify_ecdsa() -> Weight {
		Weight::from_parts(60_000_000, 0)
	}
}

/// The same weights priced with ParityDB's database weights, for tests and runtimes without their
/// own `DbWeight`.
impl WeightInfo for () {
	fn create_handle() -> Weight {
		Weight::from_parts(261_979_000, 3915)
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn retire_handle() -> Weight {
		Weight::from_parts(207_959_000, 3752)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn change_handle() -> Weight {
		Weight::from_parts(268_979_000, 6044)
			.saturating_add(ParityDbWeight::get().reads(11_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn transfer_ownership() -> Weight {
		Weight::from_parts(294_658_000, 6840)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn set_handle_settings() -> Weight {
		Weight::from_parts(7_652_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn add_reserved_handle() -> Weight {
		Weight::from_parts(24_637_000, 3707)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn remove_reserved_handle() -> Weight {
		Weight::from_parts(27_622_000, 3707)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn force_retire_handle() -> Weight {
		Weight::from_parts(29_273_000, 3752)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn rotate_seeds() -> Weight {
		Weight::from_parts(9_474_000, 1549)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn create_handle_ed25519() -> Weight {
		Weight::from_parts(261_979_000, 3915)
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn retire_handle_ed25519() -> Weight {
		Weight::from_parts(207_959_000, 3752)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn change_handle_ed25519() -> Weight {
		Weight::from_parts(268_979_000, 6044)
			.saturating_add(ParityDbWeight::get().reads(11_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn transfer_ownership_ed25519() -> Weight {
		Weight::from_parts(294_658_000, 6840)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn create_handle_ecdsa() -> Weight {
		Weight::from_parts(261_979_000, 3915)
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn retire_handle_ecdsa() -> Weight {
		Weight::from_parts(207_959_000, 3752)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn change_handle_ecdsa() -> Weight {
		Weight::from_parts(268_979_000, 6044)
			.saturating_add(ParityDbWeight::get().reads(11_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn transfer_ownership_ecdsa() -> Weight {
		Weight::from_parts(294_658_000, 6840)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}	// Estimated until the next benchmark run: per entry one queue read and two removals.
	fn prune_replay(p: u32, ) -> Weight {
		Weight::from_parts(7_000_000, 1500)
			.saturating_add(Weight::from_parts(3_000_000, 0).saturating_mul(p.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(p.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 5100).saturating_mul(p.into()))
	}
	// Estimated until the next benchmark run: per entry two reads and two removals.
	fn prune_cooldowns(p: u32, ) -> Weight {
		Weight::from_parts(7_000_000, 1500)
			.saturating_add(Weight::from_parts(4_000_000, 0).saturating_mul(p.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(p.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 5600).saturating_mul(p.into()))
	}
	// Estimated until the next benchmark run.
	fn verify_sr25519() -> Weight {
		Weight::from_parts(70_000_000, 0)
	}
	fn verify_ed25519() -> Weight {
		Weight::from_parts(45_000_000, 0)
	}
	fn verify_ecdsa() -> Weight {
		Weight::from_parts(60_000_000, 0)
	}
}
