//! The deadline of legacy payloads (SPEC "Signed payloads (v3)"): signatures over the v2 SCALE
//! message are accepted until the block governance sets with `set_legacy_payload_deadline`
//! (default 100_800 blocks after genesis or after the upgrade that brings the deadline), and
//! refused after it with `LegacyPayloadExpired`; the readable text is accepted either side.

use super::migrate::{at_storage_version, run_steps};
use crate::{migrations::LegacyPayloadDeadline, mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::DispatchResultWithPostInfo,
	migrations::{SteppedMigration, SteppedMigrationError},
	traits::{Get, GetStorageVersion, StorageVersion},
	weights::{Weight, WeightMeter},
};
use sp_runtime::DispatchError;

/// Governance sets the deadline to `block`.
fn set_deadline(block: BlockNumber) {
	assert_ok!(Handles::set_legacy_payload_deadline(RuntimeOrigin::root(), block));
}

/// Settings of range `10..=20`, cooldown 5 and the legacy deadline `deadline`.
fn settings_10_20_5(deadline: BlockNumber) -> HandleSettingsRecord<BlockNumber> {
	HandleSettingsRecord {
		suffix_min: 10,
		suffix_max: 20,
		reuse_cooldown: 5,
		legacy_payload_deadline: deadline,
	}
}

/// The legacy deadline in the settings.
fn deadline() -> BlockNumber {
	HandleSettings::<Test>::get().legacy_payload_deadline
}

/// Payloads of every call by `owner` in `form`, the owner's MSA `msa` holding a handle: create,
/// retire, change and transfer, each a fresh one. Returns what each call gave.
fn every_call(
	owner: &Key,
	msa: MsaId,
	form: Form,
) -> Vec<(&'static str, DispatchResultWithPostInfo)> {
	let create = create_payload("legacyclaim", available_suffix("legacyclaim"));
	let created = try_create_with_signature(owner, owner.sign_in(&create, form), create);
	let change = change_payload(msa, "legacynew", available_suffix("legacynew"));
	let changed = try_change_with_signature(owner, owner.sign_in(&change, form), change);
	let retire = retire_payload(msa);
	let retired = try_retire_with_signature(owner, owner.sign_in(&retire, form), retire);
	let transfer = transfer_payload(msa, &bob());
	let transferred = try_transfer_with_signatures(
		owner,
		owner.sign_in(&transfer, form),
		&bob(),
		// Bob's sr25519 key signs as the owner does, or as its wallet does when that is EIP-191.
		bob().sign_in(&transfer, if form == Form::Eip191 { Form::ReadableWrapped } else { form }),
		transfer,
	);
	vec![("create", created), ("change", changed), ("retire", retired), ("transfer", transferred)]
}

#[test]
fn a_new_chain_accepts_legacy_payloads_for_the_default_grace() {
	test(|| {
		assert_eq!(deadline(), u64::from(DEFAULT_LEGACY_PAYLOAD_GRACE));
		assert_eq!(GenesisConfig::<Test>::default().legacy_payload_deadline, 100_800);
	})
}

#[test]
fn legacy_payloads_of_every_call_land_until_the_deadline_block_itself() {
	for form in [Form::Legacy, Form::LegacyWrapped] {
		test(|| {
			let (msa, _) = create(&alice(), "legacyowner");
			set_deadline(System::block_number());
			for (call, result) in every_call(&alice(), msa, form) {
				assert!(result.is_ok(), "{call} in {form:?} at the deadline block: {result:?}");
			}
		});
	}
}

#[test]
fn after_the_deadline_legacy_payloads_of_every_call_fail_and_change_nothing() {
	for form in [Form::Legacy, Form::LegacyWrapped] {
		test(|| {
			let (msa, suffix) = create(&alice(), "legacyowner");
			set_deadline(System::block_number() - 1);
			let before = crate::tests::migrate::pallet_state().0;
			for (call, result) in every_call(&alice(), msa, form) {
				let error = result.expect_err(call).error;
				assert_eq!(error, Error::<Test>::LegacyPayloadExpired.into(), "{call} in {form:?}");
			}
			assert_eq!(crate::tests::migrate::pallet_state().0, before, "nothing changed");
			assert_eq!(current_handle(msa), Some(format!("legacyowner.{suffix}").into()));
		});
	}
}

#[test]
fn after_the_deadline_the_readable_text_still_lands_for_every_call() {
	for key in [alice(), Key::eth()] {
		test(|| {
			let (msa, _) = create_with(&key, "legacyowner");
			set_deadline(0);
			let form = key.wallet_form();
			for (call, result) in every_call(&key, msa, form) {
				assert!(result.is_ok(), "{call} in {form:?}: {result:?}");
			}
		});
	}
}

#[test]
fn a_legacy_payload_signed_before_the_deadline_fails_when_it_lands_after_it() {
	test(|| {
		let payload = create_payload("latecomer", available_suffix("latecomer"));
		let signature = alice().sign_in(&payload, Form::LegacyWrapped);
		let now = System::block_number();
		set_deadline(now);
		run_to_block(now + 1);
		assert_noop!(
			try_create_with_signature(&alice(), signature, payload),
			Error::<Test>::LegacyPayloadExpired
		);
	})
}

#[test]
fn a_new_owner_signing_the_legacy_transfer_after_the_deadline_fails_too() {
	test(|| {
		let (msa, _) = create(&alice(), "moving");
		set_deadline(0);
		let transfer = transfer_payload(msa, &bob());
		assert_noop!(
			try_transfer_with_signatures(
				&alice(),
				alice().sign_in(&transfer, Form::ReadableWrapped),
				&bob(),
				bob().sign_in(&transfer, Form::LegacyWrapped),
				transfer,
			),
			Error::<Test>::LegacyPayloadExpired
		);
	})
}

#[test]
fn a_bad_signature_is_invalid_before_and_after_the_deadline() {
	test(|| {
		let payload = create_payload("forged", available_suffix("forged"));
		let by_bob = bob().sign_in(&payload, Form::Legacy);
		for deadline in [u64::MAX, 0] {
			set_deadline(deadline);
			assert_noop!(
				try_create_with_signature(&alice(), by_bob.clone(), payload.clone()),
				Error::<Test>::InvalidSignature
			);
		}
	})
}

#[test]
fn a_later_deadline_brings_legacy_payloads_back_until_then() {
	test(|| {
		set_deadline(0);
		let payload = create_payload("comeback", available_suffix("comeback"));
		let signature = alice().sign_in(&payload, Form::Legacy);
		assert_noop!(
			try_create_with_signature(&alice(), signature.clone(), payload.clone()),
			Error::<Test>::LegacyPayloadExpired
		);
		set_deadline(System::block_number() + 5);
		assert_ok!(try_create_with_signature(&alice(), signature, payload));
	})
}

#[test]
fn only_governance_sets_the_deadline_and_it_says_so() {
	test(|| {
		assert_noop!(Handles::set_legacy_payload_deadline(sponsor(), 7), DispatchError::BadOrigin);
		assert_eq!(deadline(), u64::from(DEFAULT_LEGACY_PAYLOAD_GRACE));
		set_deadline(7);
		assert_eq!(deadline(), 7);
		assert_eq!(last_event(), Event::LegacyPayloadDeadlineSet { block: 7 });
	})
}

#[test]
fn new_settings_keep_the_deadline_and_a_new_deadline_keeps_the_settings() {
	test(|| {
		set_deadline(1234);
		assert_ok!(Handles::set_handle_settings(RuntimeOrigin::root(), 10, 20, 5));
		assert_eq!(HandleSettings::<Test>::get(), settings_10_20_5(1234));
		set_deadline(99);
		let settings = HandleSettings::<Test>::get();
		assert_eq!(
			(settings.suffix_min, settings.suffix_max, settings.reuse_cooldown),
			(10, 20, 5)
		);
	})
}

#[test]
fn a_legacy_signature_reports_the_read_of_the_deadline_and_a_readable_one_returns_it() {
	test(|| {
		let declared = Handles::create_handle_weight();
		let report = |form: Form, base: &str| {
			let payload = create_payload(base, available_suffix(base));
			let signature = alice().sign_in(&payload, form);
			try_create_with_signature(&alice(), signature, payload)
				.expect("created")
				.actual_weight
				.expect("reported")
		};
		let one = Handles::verification_weight();
		let wrapped_legacy = report(Form::LegacyWrapped, "weighta");
		let wrapped_readable = report(Form::ReadableWrapped, "weightb");
		// Two verifications fewer, and the deadline's read returned.
		assert_eq!(wrapped_legacy - wrapped_readable, one.saturating_mul(2) + one_read());
		assert!(declared.all_gte(wrapped_legacy));
	})
}

/// A chain at storage version 3: the settings in their old form (range 10..=20, cooldown 5).
fn version_3_chain() {
	assert_ok!(Handles::set_handle_settings(RuntimeOrigin::root(), 10, 20, 5));
	at_storage_version(3);
}

#[test]
fn the_migration_keeps_the_settings_and_sets_the_deadline_a_grace_after_the_upgrade() {
	test(|| {
		run_to_block(40);
		version_3_chain();
		assert_eq!(run_steps::<LegacyPayloadDeadline<Test>>(Weight::MAX), 1);
		assert_eq!(Handles::on_chain_storage_version(), StorageVersion::new(4));
		let deadline = 40 + u64::from(DEFAULT_LEGACY_PAYLOAD_GRACE);
		assert_eq!(HandleSettings::<Test>::get(), settings_10_20_5(deadline));
		// Legacy payloads still land after it.
		let payload = create_payload("old", 15);
		let signature = alice().sign_in(&payload, Form::LegacyWrapped);
		assert_ok!(try_create_with_signature(&alice(), signature, payload));
	})
}

#[test]
fn the_migration_gives_a_chain_without_stored_settings_the_defaults_and_the_deadline() {
	test(|| {
		run_to_block(3);
		at_storage_version(3);
		HandleSettings::<Test>::kill();
		run_steps::<LegacyPayloadDeadline<Test>>(Weight::MAX);
		let defaults = DefaultSettings::<Test>::get();
		assert_eq!(
			HandleSettings::<Test>::get(),
			HandleSettingsRecord { legacy_payload_deadline: 3 + 100_800, ..defaults }
		);
	})
}

#[test]
fn the_migration_waits_for_a_block_with_its_weight_and_runs_once() {
	test(|| {
		version_3_chain();
		let required = LegacyPayloadDeadline::<Test>::step_weight();
		let mut short = WeightMeter::with_limit(required - Weight::from_parts(1, 0));
		assert_eq!(
			LegacyPayloadDeadline::<Test>::step(None, &mut short),
			Err(SteppedMigrationError::InsufficientWeight { required })
		);
		assert_eq!(Handles::on_chain_storage_version(), StorageVersion::new(3));
		let mut enough = WeightMeter::with_limit(required);
		assert_eq!(LegacyPayloadDeadline::<Test>::step(None, &mut enough), Ok(None));
		assert_eq!(enough.consumed(), required);
		let settings = HandleSettings::<Test>::get();
		// Run again (or on a chain at another version): nothing changes, nothing is paid.
		for version in [4, 2, 0] {
			at_storage_version(version);
			let raw =
				frame_support::storage::unhashed::get_raw(&HandleSettings::<Test>::hashed_key());
			let mut meter = WeightMeter::with_limit(Weight::MAX);
			assert_eq!(LegacyPayloadDeadline::<Test>::step(None, &mut meter), Ok(None));
			assert_eq!(meter.consumed(), Weight::zero());
			assert_eq!(Handles::on_chain_storage_version(), StorageVersion::new(version));
			let after =
				frame_support::storage::unhashed::get_raw(&HandleSettings::<Test>::hashed_key());
			assert_eq!(after, raw, "untouched at version {version}");
		}
		StorageVersion::new(4).put::<Handles>();
		HandleSettings::<Test>::put(settings);
	})
}

#[test]
fn the_migration_has_its_own_id() {
	let id = LegacyPayloadDeadline::<Test>::id();
	assert_eq!(&id.pallet_id, b"handles-deadline");
	assert_eq!((id.version_from, id.version_to), (3, 4));
}
