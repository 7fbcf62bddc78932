//! The canonical-form migration (storage version 0 -> 1, `CanonicalFormV2`): state written by a
//! runtime whose canonical forms differ from today's is re-keyed without losing a handle. A chain
//! of that version is emulated by creating handles and then putting their entries under other
//! ("stale") canonical forms, as the previous rules would have stored them, and the storage
//! version back to 0; the pruning-queue migration and the canonical-form migration of version 3
//! run after it, as in the runtime (the last finds nothing to change: the first re-keyed with
//! today's rules).

use super::migrate::{
	at_storage_version, count_released, make_stale, migrate, released_events, resolves,
	same_state_in_one_step_and_in_many, small_steps, stale,
};
use crate::{
	migrations::{
		v1_canonical_form::weights::SubstrateWeight, CanonicalFormCursor, CanonicalFormV2,
		CanonicalFormV3, LegacyPayloadDeadline, PruningQueues, UpgradeChecks,
	},
	mock::*,
	*,
};
use codec::Encode;
use frame_support::{
	migrations::{SteppedMigration, SteppedMigrationError},
	storage::StoragePrefixedMap,
	traits::{GetStorageVersion, StorageVersion},
	weights::{Weight, WeightMeter},
};
use migrations::v1_canonical_form::weights::WeightInfo as _;

fn previous_version() {
	at_storage_version(0);
}

#[test]
fn migration_rekeys_every_handle_from_its_base() {
	test(|| {
		let (pan, pan_suffix) = create(&alice(), "パン");
		let (band, band_suffix) = create(&bob(), "बंद");
		let (plain, plain_suffix) = create(&charlie(), "Alice");
		make_stale(pan, &handles_rules::canonical("ハン"), None, None);
		make_stale(band, &handles_rules::canonical("बद"), None, None);
		previous_version();
		// Stale keys: the current rules do not find them.
		assert_eq!(resolves(&format!("パン.{pan_suffix}")), None);

		let steps = migrate(small_steps()).forms_v2;

		assert!(steps > 1, "the migration ran in several steps ({steps})");
		assert_eq!(Handles::on_chain_storage_version(), StorageVersion::new(4));
		assert_eq!(resolves(&format!("パン.{pan_suffix}")), Some(pan));
		assert_eq!(resolves(&format!("बंद.{band_suffix}")), Some(band));
		assert_eq!(resolves(&format!("ALICE.{plain_suffix}")), Some(plain));
		assert_eq!(resolves(&format!("ハン.{pan_suffix}")), None, "the stale key is gone");
		assert_eq!(resolves(&format!("बद.{band_suffix}")), None);
		assert_eq!(HandleToMsa::<Test>::iter().count(), 3);
		assert!(released_events().is_empty());
	})
}

#[test]
fn migration_keeps_the_older_of_two_handles_that_became_one() {
	for older_first in [true, false] {
		test(|| {
			let (first, suffix) = create(&alice(), "ÐỨC");
			run_to_block(2);
			let (second, _) = create(&bob(), "Bob");
			// The previous rules kept `ÐỨC` and `ĐỨC` apart, so both could hold one suffix.
			make_stale(first, "stale-eth", None, None);
			make_stale(second, "stale-d-stroke", Some("ĐỨC"), Some(suffix));
			if !older_first {
				let mut record = MsaHandles::<Test>::get(first).expect("has a handle");
				record.created_at = 3;
				MsaHandles::<Test>::insert(first, record);
				run_to_block(3);
			}
			previous_version();
			System::reset_events();

			migrate(small_steps());

			let (keeper, keeper_base, released, released_base) = if older_first {
				(first, "ÐỨC", second, "ĐỨC")
			} else {
				(second, "ĐỨC", first, "ÐỨC")
			};
			assert_eq!(resolves(&format!("ĐỨC.{suffix}")), Some(keeper));
			assert_eq!(resolves(&format!("ÐỨC.{suffix}")), Some(keeper));
			assert_eq!(
				Handles::handle_for_msa(keeper).map(|h| h.base_handle),
				Some(keeper_base.as_bytes().to_vec())
			);
			assert!(Handles::handle_for_msa(released).is_none(), "the younger handle is released");
			assert!(MsaOwner::<Test>::contains_key(released), "its MSA stays");
			assert_eq!(
				released_events(),
				vec![(released, format!("{released_base}.{suffix}").into_bytes(), keeper)]
			);
			assert!(!CoolingDown::<Test>::contains_key(canonical("ĐỨC"), suffix));
		});
	}
}

#[test]
fn migration_rekeys_cooldowns_and_the_reserved_list() {
	test(|| {
		let (msa, suffix) = create(&alice(), "Alice");
		let now = System::block_number();
		let stale_reserved = "ADMlN-LIST";
		ReservedHandles::<Test>::insert(stale(stale_reserved), ());
		// A running cooldown under a stale key, a finished one, and two that meet under one key.
		CoolingDown::<Test>::insert(stale("POST"), 1234, now + 50);
		CoolingDown::<Test>::insert(stale("Over"), 1234, now);
		CoolingDown::<Test>::insert(stale("MEET"), 4321, now + 10);
		CoolingDown::<Test>::insert(stale("meet"), 4321, now + 70);
		// A cooldown that lands on the pair of an active handle.
		CoolingDown::<Test>::insert(stale("ALICE"), suffix, now + 90);
		previous_version();

		migrate(small_steps());

		assert!(ReservedHandles::<Test>::contains_key(canonical(stale_reserved)));
		assert!(!ReservedHandles::<Test>::contains_key(stale(stale_reserved)));
		assert_eq!(
			ReservedHandles::<Test>::count() as usize,
			handles_rules::DEFAULT_RESERVED.len() + 1
		);
		assert_eq!(CoolingDown::<Test>::get(canonical("POST"), 1234), Some(now + 50));
		assert_eq!(
			CoolingDown::<Test>::get(canonical("Over"), 1234),
			None,
			"finished cooldowns go"
		);
		assert_eq!(
			CoolingDown::<Test>::get(canonical("meet"), 4321),
			Some(now + 70),
			"the later end"
		);
		assert_eq!(
			CoolingDown::<Test>::get(canonical("Alice"), suffix),
			None,
			"held pairs do not cool"
		);
		assert!(!CoolingDown::<Test>::contains_key(stale("POST"), 1234));
		assert_eq!(CoolingDown::<Test>::iter().count(), 2);
		assert_eq!(resolves(&format!("alice.{suffix}")), Some(msa));
	})
}

#[test]
fn migration_in_one_step_and_in_many_gives_the_same_state() {
	let chain = || {
		let mut suffixes = Vec::new();
		for (i, base) in ["パン", "ポスト", "கல்", "ÐỨC", "alice", "Bob", "दुःख"].iter().enumerate()
		{
			let key = Key::sr(match i % 3 {
				0 => sp_keyring::Sr25519Keyring::Alice,
				1 => sp_keyring::Sr25519Keyring::Bob,
				_ => sp_keyring::Sr25519Keyring::Charlie,
			});
			let (msa, suffix) = create(&key, base);
			make_stale(msa, &format!("stale-{i}"), None, None);
			suffixes.push(suffix);
		}
		// A younger `ĐỨC` on the suffix of `ÐỨC`, which the migration releases (an event),
		// and a cooldown under a stale form, so events and cooldowns are compared too.
		let (younger, _) = create(&Key::sr(sp_keyring::Sr25519Keyring::Dave), "Dave");
		make_stale(younger, "stale-d-stroke", Some("ĐỨC"), Some(suffixes[3]));
		CoolingDown::<Test>::insert(stale("stale-cooling"), 7, 1_000);
		previous_version();
	};
	// After the first step (the reserved list), three records a step: the records phase
	// resumes from its cursor.
	let three_records =
		SubstrateWeight::<Test>::rekey_record().saturating_mul(3).set_proof_size(u64::MAX);
	let (steps, (storage, events)) =
		same_state_in_one_step_and_in_many(chain, small_steps(), three_records);
	assert!(steps.forms_v2 > 1, "several steps ({steps:?})");
	assert_eq!(count_released(&events), 1);
	let records = MsaHandles::<Test>::final_prefix();
	assert_eq!(storage.iter().filter(|(key, _)| key.starts_with(&records)).count(), 7);
}

#[test]
fn migration_is_skipped_on_a_chain_at_the_current_version() {
	test(|| {
		let (msa, suffix) = create(&alice(), "Alice");
		make_stale(msa, "stale", None, None);
		assert_eq!(Handles::on_chain_storage_version(), StorageVersion::new(4));
		let mut meter = WeightMeter::with_limit(Weight::MAX);
		assert_eq!(CanonicalFormV2::<Test>::step(None, &mut meter), Ok(None));
		assert_eq!(PruningQueues::<Test>::step(None, &mut meter), Ok(None));
		assert_eq!(CanonicalFormV3::<Test>::step(None, &mut meter), Ok(None));
		assert_eq!(LegacyPayloadDeadline::<Test>::step(None, &mut meter), Ok(None));
		assert_eq!(meter.consumed(), Weight::zero());
		assert_eq!(resolves(&format!("Alice.{suffix}")), None, "nothing was touched");
		// Restore the invariants for the end-of-test check.
		make_stale(msa, &handles_rules::canonical("Alice"), None, None);
	})
}

#[test]
fn migration_asks_for_the_weight_of_its_first_step() {
	test(|| {
		previous_version();
		let mut meter = WeightMeter::with_limit(Weight::from_parts(1, 1));
		assert!(matches!(
			CanonicalFormV2::<Test>::step(None, &mut meter),
			Err(SteppedMigrationError::InsufficientWeight { .. })
		));
		assert_eq!(Handles::on_chain_storage_version(), StorageVersion::new(0));
		migrate(small_steps());
	})
}

#[test]
fn migration_id_and_cursor_keep_their_encoding() {
	// A chain may be in the middle of the migration: `pallet-migrations` keeps its id and cursor.
	assert_eq!(CanonicalFormV2::<Test>::id().encode(), b"handles-canonic\x00\x01".to_vec());
	assert_eq!(CanonicalFormCursor::StageCooldowns.encode(), vec![0]);
	assert_eq!(CanonicalFormCursor::ClearIndex.encode(), vec![1]);
	assert_eq!(CanonicalFormCursor::Records(None).encode(), vec![2, 0]);
	assert_eq!(CanonicalFormCursor::Records(Some(0x0403_0201)).encode(), vec![2, 1, 1, 2, 3, 4]);
	assert_eq!(CanonicalFormCursor::RestoreCooldowns.encode(), vec![3]);
}

#[test]
fn the_check_after_the_migration_finds_a_handle_left_under_a_stale_form() {
	test(|| {
		let (msa, _) = create(&alice(), "Alice");
		previous_version();
		let before = CanonicalFormV2::<Test>::before().expect("taken");
		let mut meter = WeightMeter::with_limit(Weight::MAX);
		assert_eq!(CanonicalFormV2::<Test>::step(None, &mut meter), Ok(None));
		assert_eq!(CanonicalFormV2::<Test>::after(before.clone()), Ok(()));
		make_stale(msa, "stale", None, None);
		assert!(CanonicalFormV2::<Test>::after(before).is_err());
		// Restore the invariants for the end-of-test check.
		make_stale(msa, &handles_rules::canonical("Alice"), None, None);
	})
}
