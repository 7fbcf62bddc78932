//! Benchmarks of one step of the canonical-form migration, one per function of its `weights.rs`,
//! run on its first instance [`CanonicalFormV2`] (every instance does the same work): each step
//! starts in the phase it measures and gets the weight of exactly one unit of work, so it handles
//! one entry (the reserved list: all of it) and stops. Entries are worst cases: the handle with the
//! longest canonical form (see the pallet's benchmarks) and, for records, a collision.
//!
//! The runtime lists them as `pallet_handles_v1_canonical_form` (`Pallet` here), so that
//! `scripts/benchmark` writes `weights.rs` beside this file from them.

use super::{
	weights::{SubstrateWeight, WeightInfo},
	CanonicalFormCursor, CanonicalFormV2, ToFormsV2,
};
use crate::{
	benchmarking::cases::{canonical_of, worst_handle, NOW, WORST_SYLLABLE, WORST_SYLLABLE_2},
	Canonical, Config, CoolingDown, HandleRecord, HandleToMsa, MsaHandles, MsaId, ReservedHandles,
};
use alloc::vec::Vec;
use core::marker::PhantomData;
use frame_benchmarking::v2::*;
use frame_support::{
	migrations::SteppedMigration,
	traits::{Get, StorageVersion},
	weights::WeightMeter,
};
use frame_system::pallet_prelude::BlockNumberFor;

/// The step benchmarks of the canonical-form migration, under their own name in the runtime's benchmark
/// list.
pub struct Pallet<T>(PhantomData<T>);

/// The migration as the runtime runs it.
type Migration<T> = CanonicalFormV2<T, SubstrateWeight<T>>;

/// Its staging map of cooldowns.
type StagedCooldowns<T> = super::StagedCooldowns<T, ToFormsV2>;

/// An empty chain at storage version 0, where the migration runs, at block `NOW`: no reserved
/// handles, cooldowns, handles or staged cooldowns but those a benchmark puts there.
fn empty_at_version_0<T: Config>() {
	frame_system::Pallet::<T>::set_block_number(NOW.into());
	StorageVersion::new(0).put::<crate::Pallet<T>>();
	let _ = ReservedHandles::<T>::clear(u32::MAX, None);
	let _ = CoolingDown::<T>::clear(u32::MAX, None);
	let _ = HandleToMsa::<T>::clear(u32::MAX, None);
	let _ = MsaHandles::<T>::clear(u32::MAX, None);
	let _ = StagedCooldowns::<T>::clear(u32::MAX, None);
}

/// Distinct worst handles (each of its ten syllables one of the two worst ones, by the bits of
/// `i`), as old canonical forms: the text each re-keying starts from.
fn stale_key(i: u32) -> Canonical {
	let mut text = alloc::string::String::new();
	for bit in 0..10 {
		text.push(if i >> bit & 1 == 0 { WORST_SYLLABLE } else { WORST_SYLLABLE_2 });
	}
	text.push_str("mm");
	Canonical::truncate_from(text.into_bytes())
}

#[benchmarks]
mod benches {
	use super::*;

	/// The first step: the reserved list of `n` entries (the step is priced for the full list).
	#[benchmark]
	fn rekey_reserved(n: Linear<0, { T::MaxReservedHandles::get() }>) {
		empty_at_version_0::<T>();
		for i in 0..n {
			ReservedHandles::<T>::insert(stale_key(i), ());
		}
		let mut meter = WeightMeter::with_limit(SubstrateWeight::<T>::rekey_reserved(
			T::MaxReservedHandles::get(),
		));
		let cursor;

		#[block]
		{
			cursor = Migration::<T>::step(None, &mut meter);
		}

		assert_eq!(cursor, Ok(Some(CanonicalFormCursor::StageCooldowns)));
		for i in 0..n {
			assert!(ReservedHandles::<T>::contains_key(canonical_of(&stale_key(i))));
		}
	}

	/// One cooldown moved to the staging map.
	#[benchmark]
	fn stage_cooldown() {
		empty_at_version_0::<T>();
		CoolingDown::<T>::insert(stale_key(0), u32::MAX, BlockNumberFor::<T>::from(NOW + 1));
		let mut meter = WeightMeter::with_limit(SubstrateWeight::<T>::stage_cooldown());
		let cursor;

		#[block]
		{
			cursor = Migration::<T>::step(Some(CanonicalFormCursor::StageCooldowns), &mut meter);
		}

		assert_eq!(cursor, Ok(Some(CanonicalFormCursor::StageCooldowns)));
		assert_eq!(StagedCooldowns::<T>::iter().count(), 1);
		assert_eq!(CoolingDown::<T>::iter().count(), 0);
	}

	/// One entry of the handle -> MSA index removed.
	#[benchmark]
	fn clear_index_entry() {
		empty_at_version_0::<T>();
		HandleToMsa::<T>::insert(stale_key(0), u32::MAX, 1);
		let mut meter = WeightMeter::with_limit(SubstrateWeight::<T>::clear_index_entry());
		let cursor;

		#[block]
		{
			cursor = Migration::<T>::step(Some(CanonicalFormCursor::ClearIndex), &mut meter);
		}

		assert_eq!(cursor, Ok(Some(CanonicalFormCursor::ClearIndex)));
		assert_eq!(HandleToMsa::<T>::iter().count(), 0);
	}

	/// One record re-keyed, colliding with the younger MSA that holds its new pair: that MSA's
	/// handle is released (3 reads, 3 writes, one event).
	#[benchmark]
	fn rekey_record() {
		empty_at_version_0::<T>();
		let base = worst_handle(WORST_SYLLABLE);
		let record = |created_at: u32| HandleRecord {
			base: base.clone().try_into().expect("the worst handle fits"),
			suffix: u32::MAX,
			canonical: stale_key(0),
			created_at: BlockNumberFor::<T>::from(created_at),
		};
		MsaHandles::<T>::insert(1, record(1));
		MsaHandles::<T>::insert(2, record(1));
		// The step takes the first record in storage order; it is the older one.
		let ids: Vec<MsaId> = MsaHandles::<T>::iter_keys().collect();
		let (first, younger) = (ids[0], ids[1]);
		MsaHandles::<T>::insert(younger, record(2));
		let new = canonical_of(&base);
		HandleToMsa::<T>::insert(&new, u32::MAX, younger);
		let mut meter = WeightMeter::with_limit(SubstrateWeight::<T>::rekey_record());
		let cursor;

		#[block]
		{
			cursor = Migration::<T>::step(Some(CanonicalFormCursor::Records(None)), &mut meter);
		}

		assert_eq!(cursor, Ok(Some(CanonicalFormCursor::Records(Some(first)))));
		assert_eq!(HandleToMsa::<T>::get(&new, u32::MAX), Some(first));
		assert!(!MsaHandles::<T>::contains_key(younger));
	}

	/// One staged cooldown, still running and of a pair nobody holds, moved back.
	#[benchmark]
	fn restore_cooldown() {
		empty_at_version_0::<T>();
		let key = canonical_of(&worst_handle(WORST_SYLLABLE));
		StagedCooldowns::<T>::insert(&key, u32::MAX, BlockNumberFor::<T>::from(NOW + 1));
		let mut meter = WeightMeter::with_limit(SubstrateWeight::<T>::restore_cooldown());
		let cursor;

		#[block]
		{
			cursor = Migration::<T>::step(Some(CanonicalFormCursor::RestoreCooldowns), &mut meter);
		}

		assert_eq!(cursor, Ok(Some(CanonicalFormCursor::RestoreCooldowns)));
		assert!(CoolingDown::<T>::contains_key(&key, u32::MAX));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
