//! Weights of the steps of [`CanonicalFormV2`](super::CanonicalFormV2): one function per unit of
//! work, the benchmark of the same name in `benchmarks.rs` measuring one step that does exactly
//! one unit.
//!
//! The figures below are set by hand, not yet measured: database reads and writes per entry and a
//! 20 µs compute allowance for each canonical form computed. `scripts/benchmark` regenerates this
//! file from the step benchmarks (with the pallet's weight template), replacing them with measured
//! figures.

use crate::HandleRecord;
use codec::MaxEncodedLen;
use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;

/// Weight functions of the steps of `CanonicalFormV2`.
pub trait WeightInfo {
	/// The reserved list, in one step: `n` entries read, removed and written again under their new
	/// canonical form.
	fn rekey_reserved(n: u32) -> Weight;
	/// One cooldown moved to the staging map under its new canonical form.
	fn stage_cooldown() -> Weight;
	/// One entry of the handle -> MSA index removed.
	fn clear_index_entry() -> Weight;
	/// One handle record re-keyed from its base, with a collision (at most 3 reads, 3 writes, one
	/// event).
	fn rekey_record() -> Weight;
	/// One staged cooldown moved back (or dropped, when its pair is held or its end has come).
	fn restore_cooldown() -> Weight;
}

/// The weights `CanonicalFormV2` runs with, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> SubstrateWeight<T> {
	/// Allowance for one canonical form of a stored (at most 224-byte) string, with proof size
	/// for the records it touches.
	fn canonical_form() -> Weight {
		Weight::from_parts(
			20_000_000,
			2 * HandleRecord::<BlockNumberFor<T>>::max_encoded_len() as u64,
		)
	}

	/// Moving one cooldown: one read and removal, one read and write of the other map.
	fn move_cooldown() -> Weight {
		T::DbWeight::get().reads_writes(2, 2).saturating_add(Self::canonical_form())
	}
}

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn rekey_reserved(n: u32) -> Weight {
		let n = u64::from(n);
		T::DbWeight::get()
			.reads_writes(n.saturating_add(1), n.saturating_mul(2).saturating_add(1))
			.saturating_add(Self::canonical_form().saturating_mul(n))
	}

	fn stage_cooldown() -> Weight {
		Self::move_cooldown()
	}

	fn clear_index_entry() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}

	fn rekey_record() -> Weight {
		T::DbWeight::get().reads_writes(3, 3).saturating_add(Self::canonical_form())
	}

	fn restore_cooldown() -> Weight {
		Self::move_cooldown()
	}
}
