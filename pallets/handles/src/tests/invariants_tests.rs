//! Genesis, `integrity_test` and the invariants of `do_try_state`.

use crate::{mock::*, *};
use frame_support::BoundedVec;

#[test]
fn integrity_test_passes_with_the_mock_constants() {
	test(integrity_test)
}

#[test]
fn genesis_defaults_are_the_product_defaults() {
	// The genesis settings the root README's "Runtime" section names, written here once.
	assert_eq!(
		(DEFAULT_SUFFIX_MIN, DEFAULT_SUFFIX_MAX, DEFAULT_REUSE_COOLDOWN),
		(1000, 9999, 100_800)
	);
	let config = GenesisConfig::<Test>::default();
	assert_eq!((config.suffix_min, config.suffix_max), (DEFAULT_SUFFIX_MIN, DEFAULT_SUFFIX_MAX));
	assert_eq!(config.reuse_cooldown, u64::from(DEFAULT_REUSE_COOLDOWN));
	assert_eq!(config.reserved_handles, vec!["admin", "everyone", "all"]);
	new_test_ext().execute_with(|| {
		assert_eq!(ReservedHandles::<Test>::count(), 3);
		for canonical in handles_rules::default_reserved_canonical() {
			assert!(ReservedHandles::<Test>::contains_key(
				Canonical::try_from(canonical.into_bytes()).unwrap()
			));
		}
		Handles::do_try_state().unwrap();
	})
}

#[test]
#[should_panic(expected = "suffix_min must not exceed suffix_max")]
fn genesis_with_min_above_max_is_refused() {
	let _ = sp_runtime::BuildStorage::build_storage(&GenesisConfig::<Test> {
		suffix_min: 5,
		suffix_max: 4,
		..Default::default()
	});
}

#[test]
#[should_panic(expected = "every reserved handle must be a valid handle")]
fn genesis_with_an_invalid_reserved_handle_is_refused() {
	let _ = sp_runtime::BuildStorage::build_storage(&GenesisConfig::<Test> {
		reserved_handles: vec!["a@b".into()],
		..Default::default()
	});
}

#[test]
fn try_state_catches_a_handle_map_without_inverse() {
	new_test_ext().execute_with(|| {
		run_to_block(1);
		let (msa_id, _) = create(&alice(), "alice");
		assert!(Handles::do_try_state().is_ok());
		MsaHandles::<Test>::remove(msa_id);
		assert!(Handles::do_try_state().is_err());
	})
}

#[test]
fn try_state_catches_an_msa_missing_from_its_owners_list() {
	new_test_ext().execute_with(|| {
		run_to_block(1);
		create(&alice(), "alice");
		OwnerMsas::<Test>::remove(alice().account());
		assert!(Handles::do_try_state().is_err());
	})
}

#[test]
fn try_state_catches_an_active_handle_that_is_cooling_down() {
	new_test_ext().execute_with(|| {
		run_to_block(1);
		let (_, suffix) = create(&alice(), "alice");
		CoolingDown::<Test>::insert(canonical("alice"), suffix, 1_000);
		assert!(Handles::do_try_state().is_err());
	})
}

#[test]
fn try_state_catches_a_replay_entry_that_is_not_queued() {
	new_test_ext().execute_with(|| {
		run_to_block(1);
		ReplayEntries::<Test>::insert([1u8; 32], 5);
		assert!(Handles::do_try_state().is_err());
	})
}

#[test]
fn try_state_catches_a_cooldown_that_is_not_queued() {
	new_test_ext().execute_with(|| {
		run_to_block(1);
		let canonical: Canonical = b"alice".to_vec().try_into().unwrap();
		CoolingDown::<Test>::insert(&canonical, 1234, 50);
		assert!(Handles::do_try_state().is_err());
		CooldownQueue::<Test>::insert(0, (canonical, 1234, 50));
		CooldownQueueBounds::<Test>::put(QueueBounds { head: 0, tail: 1 });
		assert_eq!(Handles::do_try_state(), Ok(()));
	})
}

#[test]
fn try_state_catches_an_owner_list_holding_another_owners_msa() {
	new_test_ext().execute_with(|| {
		run_to_block(1);
		let (msa_id, _) = create(&alice(), "alice");
		OwnerMsas::<Test>::insert(bob().account(), BoundedVec::truncate_from(vec![msa_id]));
		assert!(Handles::do_try_state().is_err());
	})
}
