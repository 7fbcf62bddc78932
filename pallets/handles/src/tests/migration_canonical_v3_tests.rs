//! The canonical-form migration of version 3 (storage version 2 -> 3, `CanonicalFormV3`). A chain
//! of storage version 2 is emulated as the version-2 tests do: handles are created, then their
//! entries (records, index, cooldowns with their queue entries, moderation, reserved list) are
//! put under the forms that version 2 of the rules crate gave them ([`v2`], computed with those
//! rules), and the storage version back to 2. Where version 3 merges look-alikes of one script
//! (yod and geresh, `ة` and `ۃ`) two handles of a pair become one.

use super::migrate::{
	at_storage_version, count_released, make_stale, migrate, pallet_state, released_events,
	resolves, run_steps, run_steps_with, same_state_in_one_step_and_in_many, small_steps, stale,
};
use crate::{
	migrations::{
		v1_canonical_form::{
			weights::{SubstrateWeight, WeightInfo},
			StagedCooldowns, StagedModerated, ToFormsV2, ToFormsV3,
		},
		CanonicalFormCursor, CanonicalFormV2, CanonicalFormV3, LegacyPayloadDeadline,
		PruningQueues, UpgradeChecks,
	},
	mock::*,
	*,
};
use codec::Encode;
use frame_support::{
	migrations::SteppedMigration,
	storage::StoragePrefixedMap,
	traits::{GetStorageVersion, StorageVersion},
	weights::{Weight, WeightMeter},
};

/// Canonical forms of version 2 of the rules crate, as those rules computed them (written down
/// before version 3): the keys a chain at storage version 2 holds.
mod v2 {
	/// `דני` (Dani, with yod U+05D9).
	pub const DANI_YOD: &str = "\u{5d3}\u{5e0}\u{5d9}";
	/// `דנ׳` (with geresh U+05F3), a handle of its own in version 2.
	pub const DANI_GERESH: &str = "\u{5d3}\u{5e0}\u{5f3}";
	/// `مدرسة` (madrasa, with teh marbuta U+0629).
	pub const MADRASA: &str = "\u{645}\u{62f}\u{631}\u{633}\u{629}";
	/// `مدرسۃ` (with Urdu teh marbuta goal U+06C3), a handle of its own in version 2.
	pub const MADRASA_GOAL: &str = "\u{645}\u{62f}\u{631}\u{633}\u{6c3}";
	/// `oʼbrien` (modifier letter apostrophe U+02BC, the only apostrophe version 2 accepted).
	pub const OBRIEN: &str = "o\u{2bc}brlen";
	/// `Alice`, the same in both versions.
	pub const ALICE: &str = "allce";
}

fn at_version_2() {
	at_storage_version(2);
}

/// A cooldown of `(old, suffix)` until `until`, with its entry in the cooldown queue, as storage
/// version 2 keeps it.
fn cool_down(old: &str, suffix: Suffix, until: BlockNumber) {
	CoolingDown::<Test>::insert(stale(old), suffix, until);
	crate::pruning::push::<CooldownQueueBounds<Test>, CooldownQueue<Test>, _>((
		stale(old),
		suffix,
		until,
	));
}

/// The version-2 form of `a` or of `b` (two look-alikes that version 3 merges) that version 3
/// changes: after the migration no key is left under it.
fn changed_of(a: &'static str, b: &'static str) -> &'static str {
	assert_eq!(canonical(a), canonical(b), "version 3 merges the two");
	[a, b].into_iter().find(|f| canonical(f) != stale(f)).expect("one of them changes")
}

#[test]
fn the_two_pairs_are_one_handle_in_version_3_and_were_two_in_version_2() {
	// The emulated chain is only a version-2 chain if these hold.
	assert_ne!(v2::DANI_YOD, v2::DANI_GERESH);
	assert_ne!(v2::MADRASA, v2::MADRASA_GOAL);
	assert_eq!(canonical("דני"), canonical("דנ׳"));
	assert_eq!(canonical("مدرسة"), canonical("مدرسۃ"));
	assert_eq!(canonical("O'Brien"), canonical("oʼbrien"));
	assert_eq!(canonical("o’brien"), canonical("oʼbrien"));
	assert_eq!(canonical("Alice"), stale(v2::ALICE));
}

/// The MSAs of a [`version_2_chain`] and the suffixes of its handles.
struct Chain {
	yod: MsaId,
	geresh: MsaId,
	dani: Suffix,
	goal: MsaId,
	marbuta: MsaId,
	madrasa: Suffix,
	obrien: MsaId,
	obrien_suffix: Suffix,
	plain: MsaId,
	plain_suffix: Suffix,
}

/// A chain at storage version 2: `דני` then `דנ׳` on one suffix, `مدرسۃ` then `مدرسة` on one
/// suffix (the first of each pair is the older: version 2 kept them apart), `oʼbrien` and `Alice`,
/// each under its version-2 form; cooldowns (queued) and moderation entries under version-2 forms,
/// pairs of them meeting under one form of version 3.
fn version_2_chain() -> Chain {
	let (yod, dani) = create(&alice(), "דני");
	let (goal, madrasa) = create(&bob(), "مدرسۃ");
	let (obrien, obrien_suffix) = create(&charlie(), "oʼbrien");
	let (plain, plain_suffix) = create(&dave_ed(), "Alice");
	run_to_block(2);
	let (geresh, _) = create(&alice(), "Geresh");
	let (marbuta, _) = create(&bob(), "Marbuta");
	make_stale(yod, v2::DANI_YOD, None, None);
	make_stale(geresh, v2::DANI_GERESH, Some("דנ׳"), Some(dani));
	make_stale(goal, v2::MADRASA_GOAL, None, None);
	make_stale(marbuta, v2::MADRASA, Some("مدرسة"), Some(madrasa));
	make_stale(obrien, v2::OBRIEN, None, None);
	make_stale(plain, v2::ALICE, None, None);
	for i in 0..6 {
		let old = if i % 2 == 0 { v2::MADRASA } else { v2::MADRASA_GOAL };
		cool_down(old, 2000 + i / 2, 100 + u64::from(i));
		Moderated::<Test>::insert(stale(old), 3000 + i / 2, 10 + i);
	}
	at_version_2();
	Chain { yod, geresh, dani, goal, marbuta, madrasa, obrien, obrien_suffix, plain, plain_suffix }
}

#[test]
fn v3_migration_keeps_the_older_of_each_pair_and_rekeys_the_apostrophe() {
	test(|| {
		let Chain {
			yod,
			geresh,
			dani,
			goal,
			marbuta,
			madrasa,
			obrien,
			obrien_suffix,
			plain,
			plain_suffix,
		} = version_2_chain();
		let plain_record = MsaHandles::<Test>::get(plain);
		System::reset_events();

		let steps = migrate(small_steps());

		assert!(steps.forms_v3 > 1, "the migration ran in several steps ({steps:?})");
		assert_eq!(Handles::on_chain_storage_version(), StorageVersion::new(4));
		// Yod and geresh: one handle, the older keeps it.
		assert_eq!(resolves(&format!("דני.{dani}")), Some(yod));
		assert_eq!(resolves(&format!("דנ׳.{dani}")), Some(yod));
		assert!(Handles::handle_for_msa(geresh).is_none(), "the younger is released");
		assert!(MsaOwner::<Test>::contains_key(geresh), "its MSA stays");
		// `ة` and `ۃ`: the older is the `ۃ` one.
		assert_eq!(resolves(&format!("مدرسة.{madrasa}")), Some(goal));
		assert_eq!(
			Handles::handle_for_msa(goal).map(|h| h.base_handle),
			Some("مدرسۃ".as_bytes().to_vec())
		);
		assert!(Handles::handle_for_msa(marbuta).is_none());
		let mut released = released_events();
		released.sort();
		let mut expected = vec![
			(geresh, format!("דנ׳.{dani}").into_bytes(), yod),
			(marbuta, format!("مدرسة.{madrasa}").into_bytes(), goal),
		];
		expected.sort();
		assert_eq!(released, expected);
		// Every apostrophe finds `oʼbrien`, whose base is as typed.
		for display in ["O'Brien", "o’brien", "oʼbrien", "Oʻbrien"] {
			assert_eq!(resolves(&format!("{display}.{obrien_suffix}")), Some(obrien), "{display}");
		}
		assert_eq!(
			Handles::handle_for_msa(obrien).map(|h| h.base_handle),
			Some("oʼbrien".as_bytes().to_vec())
		);
		// A handle whose form did not change is untouched.
		assert_eq!(MsaHandles::<Test>::get(plain), plain_record);
		assert_eq!(resolves(&format!("ALICE.{plain_suffix}")), Some(plain));
		assert_eq!(HandleToMsa::<Test>::iter().count(), 4);
	})
}

#[test]
fn v3_migration_rekeys_cooldowns_their_queue_moderation_and_the_reserved_list() {
	test(|| {
		let (held, dani) = create(&alice(), "דני");
		make_stale(held, v2::DANI_YOD, None, None);
		let now = System::block_number();
		// A running cooldown, two that meet under one key, one that lands on a held pair.
		cool_down(v2::MADRASA_GOAL, 1234, now + 50);
		cool_down(v2::MADRASA, 4321, now + 10);
		cool_down(v2::MADRASA_GOAL, 4321, now + 70);
		cool_down(v2::DANI_GERESH, dani, now + 90);
		// Moderation: two that meet (the smaller MSA id stays), one of its own.
		Moderated::<Test>::insert(stale(v2::DANI_GERESH), 77, 5);
		Moderated::<Test>::insert(stale(v2::DANI_YOD), 77, 3);
		Moderated::<Test>::insert(stale(v2::OBRIEN), 88, held);
		let reserved = changed_of(v2::DANI_YOD, v2::DANI_GERESH);
		ReservedHandles::<Test>::insert(stale(reserved), ());
		let reserved_count = ReservedHandles::<Test>::count();
		at_version_2();

		migrate(small_steps());

		assert!(ReservedHandles::<Test>::contains_key(canonical("דנ׳")));
		assert!(!ReservedHandles::<Test>::contains_key(stale(reserved)));
		assert_eq!(ReservedHandles::<Test>::count(), reserved_count);
		assert_eq!(CoolingDown::<Test>::get(canonical("مدرسة"), 1234), Some(now + 50));
		assert_eq!(CoolingDown::<Test>::get(canonical("مدرسة"), 4321), Some(now + 70), "later end");
		assert_eq!(
			CoolingDown::<Test>::get(canonical("דנ׳"), dani),
			None,
			"held pairs do not cool"
		);
		assert_eq!(CoolingDown::<Test>::iter().count(), 2);
		assert_eq!(Moderated::<Test>::get(canonical("דנ׳"), 77), Some(3));
		assert_eq!(Moderated::<Test>::get(canonical("O'Brien"), 88), Some(held));
		assert_eq!(Moderated::<Test>::iter().count(), 2);
		// Every cooldown is queued under its new key (an invariant), so pruning finds it.
		assert_eq!(Handles::do_try_state(), Ok(()));
		run_to_block(now + 90);
		Handles::prune_cooldowns(10);
		assert_eq!(CoolingDown::<Test>::iter().count(), 0, "pruning removed every cooldown");
		assert!(CooldownQueueBounds::<Test>::get().is_empty());
	})
}

#[test]
fn v3_migration_in_one_step_and_in_many_gives_the_same_state() {
	// Two entries of a cooldown phase a step: the queue and moderation phases resume too.
	let two_entries =
		SubstrateWeight::<Test>::stage_cooldown().saturating_mul(2).set_proof_size(u64::MAX);
	let chain = || {
		version_2_chain();
	};
	let (steps, (_, events)) =
		same_state_in_one_step_and_in_many(chain, small_steps(), two_entries);
	assert!(steps.forms_v3 > 10, "several steps ({steps:?})");
	assert_eq!(count_released(&events), 2);
}

#[test]
fn v3_migration_run_again_changes_nothing() {
	test(|| {
		version_2_chain();
		migrate(small_steps());
		let (after_first, _) = pallet_state();
		at_version_2();
		System::reset_events();

		let steps = run_steps::<CanonicalFormV3<Test>>(small_steps());
		run_steps::<LegacyPayloadDeadline<Test>>(small_steps());

		assert!(steps > 1);
		assert_eq!(pallet_state(), (after_first, vec![]), "no entry and no event changed");
	})
}

#[test]
fn a_chain_at_version_0_runs_all_three_and_the_last_finds_nothing_to_change() {
	test(|| {
		let (yod, _) = create(&alice(), "דני");
		let (goal, _) = create(&bob(), "مدرسۃ");
		let (obrien, suffix) = create(&charlie(), "oʼbrien");
		for (i, msa) in [yod, goal, obrien].into_iter().enumerate() {
			make_stale(msa, &format!("stale-v1-{i}"), None, None);
		}
		CoolingDown::<Test>::insert(stale(v2::DANI_GERESH), 7, 1_000);
		at_storage_version(0);
		run_steps::<CanonicalFormV2<Test>>(small_steps());
		run_steps::<PruningQueues<Test>>(small_steps());
		assert_eq!(Handles::on_chain_storage_version(), StorageVersion::new(2));
		let (before, _) = pallet_state();
		System::reset_events();

		let mut meter = WeightMeter::with_limit(Weight::MAX);
		assert_eq!(CanonicalFormV3::<Test>::step(None, &mut meter), Ok(None));

		assert!(meter.consumed().any_gt(Weight::zero()), "it ran");
		assert_eq!(Handles::on_chain_storage_version(), StorageVersion::new(3));
		let version_key = StorageVersion::storage_key::<Handles>().to_vec();
		let (after, events) = pallet_state();
		let without_version = |entries: Vec<(Vec<u8>, Vec<u8>)>| {
			entries.into_iter().filter(|(k, _)| *k != version_key).collect::<Vec<_>>()
		};
		assert_eq!(without_version(after), without_version(before));
		assert_eq!(events, vec![]);
		assert_eq!(resolves(&format!("O'Brien.{suffix}")), Some(obrien));
		assert_eq!(CoolingDown::<Test>::get(canonical("דני"), 7), Some(1_000));
	})
}

#[test]
fn v3_migration_is_skipped_on_a_chain_at_another_version() {
	for version in [0, 1, 3] {
		test(|| {
			let (msa, suffix) = create(&alice(), "oʼbrien");
			make_stale(msa, v2::OBRIEN, None, None);
			at_storage_version(version);
			let mut meter = WeightMeter::with_limit(Weight::MAX);
			assert_eq!(CanonicalFormV3::<Test>::step(None, &mut meter), Ok(None));
			assert_eq!(meter.consumed(), Weight::zero());
			assert_eq!(Handles::on_chain_storage_version(), StorageVersion::new(version));
			// Restore the invariants for the end-of-test check.
			make_stale(msa, &handles_rules::canonical("oʼbrien"), None, None);
			assert_eq!(resolves(&format!("O'Brien.{suffix}")), Some(msa));
		});
	}
}

#[test]
fn v3_migration_has_its_own_id_and_staging_maps_and_keeps_its_cursor_encoding() {
	assert_eq!(CanonicalFormV3::<Test>::id().encode(), b"handles-canonic\x02\x03".to_vec());
	assert_ne!(CanonicalFormV3::<Test>::id().encode(), CanonicalFormV2::<Test>::id().encode());
	// Version 2's staging maps keep the keys they had; version 3's are their own.
	for (prefix, name) in [
		(StagedCooldowns::<Test, ToFormsV2>::final_prefix(), "StagedCooldowns"),
		(StagedModerated::<Test, ToFormsV2>::final_prefix(), "StagedModerated"),
		(StagedCooldowns::<Test, ToFormsV3>::final_prefix(), "StagedCooldownsV3"),
		(StagedModerated::<Test, ToFormsV3>::final_prefix(), "StagedModeratedV3"),
	] {
		let expected =
			[sp_io::hashing::twox_128(b"Handles"), sp_io::hashing::twox_128(name.as_bytes())];
		assert_eq!(prefix.to_vec(), expected.concat(), "{name}");
	}
	// The phases added for storage version 2 and later take new indices.
	assert_eq!(
		CanonicalFormCursor::CooldownQueue(0x0807_0605_0403_0201).encode(),
		vec![4, 1, 2, 3, 4, 5, 6, 7, 8]
	);
	assert_eq!(CanonicalFormCursor::StageModerated.encode(), vec![5]);
	assert_eq!(CanonicalFormCursor::RestoreModerated.encode(), vec![6]);
}

#[test]
fn the_check_after_v3_finds_a_handle_or_a_cooldown_left_under_a_version_2_form() {
	test(|| {
		let (msa, suffix) = create(&alice(), "דנ׳");
		let left = changed_of(v2::DANI_YOD, v2::DANI_GERESH);
		at_version_2();
		let before = CanonicalFormV3::<Test>::before().expect("taken");
		assert_eq!(run_steps_with::<CanonicalFormV3<Test>>(Weight::MAX, Weight::MAX), 1);
		assert_eq!(CanonicalFormV3::<Test>::after(before.clone()), Ok(()));

		make_stale(msa, left, None, None);
		assert!(CanonicalFormV3::<Test>::after(before.clone()).is_err());
		make_stale(msa, &handles_rules::canonical("דנ׳"), None, None);

		cool_down(changed_of(v2::MADRASA, v2::MADRASA_GOAL), suffix, 1_000);
		assert!(CanonicalFormV3::<Test>::after(before).is_err());
		// Restore the invariants for the end-of-test check.
		let _ = CoolingDown::<Test>::clear(u32::MAX, None);
	})
}
