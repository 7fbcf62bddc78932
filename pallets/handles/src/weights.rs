//! Weights of `pallet-handles`.
//!
//! WHERE THESE FIGURES COME FROM: they are ESTIMATES written by hand before the Wasm runtime
//! existed, not benchmark output. Each is the count of storage reads and writes of the worst case
//! (read from the code and the benchmarks in `benchmarking.rs`) priced with `RocksDbWeight`, plus a
//! ref-time estimate for the computation (two signature verifications per signer for the
//! `<Bytes>`-wrapped path, the rules crate's validation and 20 suffix candidates). They must be
//! replaced by running the benchmarks against the Wasm runtime:
//!
//! ```text
//! frame-omni-bencher v1 benchmark pallet --runtime <handles_runtime.wasm> \
//!     --pallet pallet_handles --extrinsic '*' --steps 50 --repeat 20 \
//!     --output pallets/handles/src/weights.rs --template <weight template>
//! ```
//!
//! (or `handles-node benchmark pallet ...` once the node has the benchmark command).

#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for `pallet-handles`.
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
	fn prune_payloads(p: u32) -> Weight;
}

/// Weights for `pallet-handles` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Reads: System::BlockHash(0), ReservedHandles (validation), HandleSettings, Seeds,
	/// UsedPayloads, UsedPayloadCount, HandleToMsa, CoolingDown, MsaOwner, OwnerMsas.
	/// Writes: UsedPayloads, UsedPayloadCount, CoolingDown, HandleToMsa, MsaHandles, MsaOwner,
	/// OwnerMsas.
	fn create_handle() -> Weight {
		Weight::from_parts(260_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Reads: MsaOwner, System::BlockHash(0), UsedPayloads, UsedPayloadCount, MsaHandles,
	/// HandleSettings. Writes: UsedPayloads, UsedPayloadCount, HandleToMsa, MsaHandles,
	/// CoolingDown.
	fn retire_handle() -> Weight {
		Weight::from_parts(130_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Reads: MsaOwner, ReservedHandles, System::BlockHash(0), UsedPayloads, UsedPayloadCount,
	/// HandleSettings, Seeds, HandleToMsa, CoolingDown, MsaOwner (derived id), MsaHandles.
	/// Writes: UsedPayloads, UsedPayloadCount, HandleToMsa (2), MsaHandles, CoolingDown (2).
	fn change_handle() -> Weight {
		Weight::from_parts(270_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Reads: MsaOwner, System::BlockHash(0), UsedPayloads, UsedPayloadCount, OwnerMsas (2).
	/// Writes: UsedPayloads, UsedPayloadCount, OwnerMsas (2), MsaOwner. Four verifications.
	fn transfer_ownership() -> Weight {
		Weight::from_parts(250_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Writes: HandleSettings.
	fn set_handle_settings() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Reads: ReservedHandles, CounterForReservedHandles. Writes: the same.
	fn add_reserved_handle() -> Weight {
		Weight::from_parts(60_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Reads: ReservedHandles, CounterForReservedHandles. Writes: the same.
	fn remove_reserved_handle() -> Weight {
		Weight::from_parts(60_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Reads: MsaOwner, MsaHandles, HandleSettings. Writes: HandleToMsa, MsaHandles, CoolingDown.
	fn force_retire_handle() -> Weight {
		Weight::from_parts(30_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Reads: System::ParentHash, Seeds. Writes: Seeds.
	fn rotate_seeds() -> Weight {
		Weight::from_parts(15_000_000, 1_500)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Reads: UsedPayloadCount. Writes: UsedPayloadCount, `p` entries of UsedPayloads.
	fn prune_payloads(p: u32) -> Weight {
		Weight::from_parts(5_000_000, 1_500)
			.saturating_add(Weight::from_parts(2_000_000, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes(p as u64))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn create_handle() -> Weight {
		Weight::from_parts(260_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn retire_handle() -> Weight {
		Weight::from_parts(130_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn change_handle() -> Weight {
		Weight::from_parts(270_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads(11_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn transfer_ownership() -> Weight {
		Weight::from_parts(250_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn set_handle_settings() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn add_reserved_handle() -> Weight {
		Weight::from_parts(60_000_000, 3_600)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn remove_reserved_handle() -> Weight {
		Weight::from_parts(60_000_000, 3_600)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn force_retire_handle() -> Weight {
		Weight::from_parts(30_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn rotate_seeds() -> Weight {
		Weight::from_parts(15_000_000, 1_500)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn prune_payloads(p: u32) -> Weight {
		Weight::from_parts(5_000_000, 1_500)
			.saturating_add(Weight::from_parts(2_000_000, 0).saturating_mul(p.into()))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().writes(p as u64))
	}
}
