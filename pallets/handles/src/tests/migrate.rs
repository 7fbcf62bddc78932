//! Runs the migrations in the mock as `pallet-migrations` runs them, step by step, with the
//! checks that `try-runtime` runs before and after each (`UpgradeChecks`).

use crate::{
	migrations::{
		v1_canonical_form::weights::{SubstrateWeight, WeightInfo},
		v3_legacy_deadline::SettingsV3,
		CanonicalFormV2, CanonicalFormV3, LegacyPayloadDeadline, PruningQueues, UpgradeChecks,
	},
	mock::*,
	BaseHandle, Canonical, Event, HandleSettings, HandleToMsa, MsaHandles, MsaId, Suffix,
};
use frame_support::{
	traits::{GetStorageVersion, PalletInfoAccess, StorageVersion},
	weights::{Weight, WeightMeter},
};

/// Emulates a chain at storage version `version`: the version, and before version 4 the
/// settings in their form of then (without the legacy-payload deadline).
pub fn at_storage_version(version: u16) {
	StorageVersion::new(version).put::<Handles>();
	if version < 4 {
		let now = HandleSettings::<Test>::get();
		let old = SettingsV3 {
			suffix_min: now.suffix_min,
			suffix_max: now.suffix_max,
			reuse_cooldown: now.reuse_cooldown,
		};
		frame_support::storage::unhashed::put(&HandleSettings::<Test>::hashed_key(), &old);
	}
}

/// `s` as a storage key, as it stands (an old canonical form, not today's).
pub fn stale(s: &str) -> Canonical {
	Canonical::try_from(s.as_bytes().to_vec()).expect("fits")
}

/// Moves MSA `msa_id`'s handle to the stale canonical form `old`, as the previous rules stored
/// it; optionally with another base and suffix.
pub fn make_stale(msa_id: MsaId, old: &str, base: Option<&str>, suffix: Option<Suffix>) {
	let mut record = MsaHandles::<Test>::get(msa_id).expect("has a handle");
	HandleToMsa::<Test>::remove(&record.canonical, record.suffix);
	record.canonical = stale(old);
	if let Some(base) = base {
		record.base = BaseHandle::try_from(base.as_bytes().to_vec()).expect("fits");
	}
	if let Some(suffix) = suffix {
		record.suffix = suffix;
	}
	HandleToMsa::<Test>::insert(&record.canonical, record.suffix, msa_id);
	MsaHandles::<Test>::insert(msa_id, record);
}

/// Enough weight for the first step of a canonical-form migration (the whole reserved list) and
/// three records after it.
pub fn small_steps() -> Weight {
	type W = SubstrateWeight<Test>;
	W::rekey_reserved(MaxReservedHandles::get())
		.saturating_add(W::rekey_record().saturating_mul(3))
		.set_proof_size(u64::MAX)
}

/// The `HandleReleasedByMigration` events so far: `(msa_id, handle, held_by)`.
pub fn released_events() -> Vec<(MsaId, Vec<u8>, MsaId)> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Handles(Event::HandleReleasedByMigration { msa_id, handle, held_by }) => {
				Some((msa_id, handle, held_by))
			}
			_ => None,
		})
		.collect()
}

/// The MSA the display handle `display` resolves to (any look-alike of it).
pub fn resolves(display: &str) -> Option<MsaId> {
	Handles::msa_for_handle(display.as_bytes().to_vec()).expect("well formed").map(|m| m.msa_id)
}

/// Runs the migration `M` to its end with `limit` per step, its checks before and after; returns
/// the number of steps.
pub fn run_steps<M: UpgradeChecks>(limit: Weight) -> u32 {
	run_steps_with::<M>(limit, limit)
}

/// [`run_steps`] with `first` for the first step and `then` for each later one.
pub fn run_steps_with<M: UpgradeChecks>(first: Weight, then: Weight) -> u32 {
	let before = M::before().expect("the state before the migration is taken");
	let mut cursor = None;
	let mut steps = 0;
	loop {
		let mut meter = WeightMeter::with_limit(if steps == 0 { first } else { then });
		cursor = M::step(cursor, &mut meter).expect("step succeeds");
		steps += 1;
		if cursor.is_none() {
			M::after(before).expect("the checks after the migration hold");
			return steps;
		}
		assert!(steps < 10_000, "migration makes progress");
	}
}

/// The steps each of the runtime's migrations took (one, with nothing done, for a migration
/// from another storage version than the chain's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Steps {
	/// [`CanonicalFormV2`], storage version 0 -> 1.
	pub forms_v2: u32,
	/// [`PruningQueues`], storage version 1 -> 2.
	pub queues: u32,
	/// [`CanonicalFormV3`], storage version 2 -> 3.
	pub forms_v3: u32,
	/// [`LegacyPayloadDeadline`], storage version 3 -> 4.
	pub deadline: u32,
}

/// Runs the runtime's migrations in order with `limit` per step, as `pallet-migrations` does;
/// the chain ends at the in-code storage version.
pub fn migrate(limit: Weight) -> Steps {
	migrate_with(limit, limit)
}

/// [`migrate`] with `first` for the first step of each migration and `then` for each later one.
pub fn migrate_with(first: Weight, then: Weight) -> Steps {
	let steps = Steps {
		forms_v2: run_steps_with::<CanonicalFormV2<Test>>(first, then),
		queues: run_steps_with::<PruningQueues<Test>>(first, then),
		forms_v3: run_steps_with::<CanonicalFormV3<Test>>(first, then),
		deadline: run_steps_with::<LegacyPayloadDeadline<Test>>(first, then),
	};
	assert_eq!(Handles::on_chain_storage_version(), Handles::in_code_storage_version());
	assert_eq!(Handles::on_chain_storage_version(), StorageVersion::new(4));
	steps
}

/// Raw storage entries, key and value, in key order.
pub type StorageEntries = Vec<(Vec<u8>, Vec<u8>)>;

/// The whole state a migration leaves: every key and value under the pallet's prefix (records,
/// index, reserved list, cooldowns, replay entries, queues, storage version) and every event, so
/// two runs can be compared entry by entry.
pub fn pallet_state() -> (StorageEntries, Vec<RuntimeEvent>) {
	let prefix = sp_io::hashing::twox_128(Handles::name().as_bytes()).to_vec();
	let mut entries = Vec::new();
	let mut key = prefix.clone();
	while let Some(next) = sp_io::storage::next_key(&key).filter(|k| k.starts_with(&prefix)) {
		let value = sp_io::storage::get(&next).expect("an iterated key has a value").to_vec();
		entries.push((next.clone(), value));
		key = next;
	}
	(entries, System::events().into_iter().map(|r| r.event).collect())
}

/// The state [`pallet_state`] gives: storage entries and events.
pub type PalletState = (StorageEntries, Vec<RuntimeEvent>);

/// Emulates a chain with `chain` on fresh storage twice and migrates it ([`migrate_with`]): once
/// with no limit per step, once with `first` for each migration's first step and `then` for the
/// others. Asserts that both runs leave the same storage and events; returns the steps of the
/// limited run and the state left.
pub fn same_state_in_one_step_and_in_many(
	chain: impl Fn(),
	first: Weight,
	then: Weight,
) -> (Steps, PalletState) {
	let run = |first: Weight, then: Weight| {
		let mut state = None;
		test(|| {
			chain();
			state = Some((migrate_with(first, then), pallet_state()));
		});
		state.expect("the test ran")
	};
	let (one_steps, one) = run(Weight::MAX, Weight::MAX);
	let (many_steps, many) = run(first, then);
	assert_eq!(one_steps, Steps { forms_v2: 1, queues: 1, forms_v3: 1, deadline: 1 });
	assert_eq!(one.0, many.0, "storage after one step and after {many_steps:?} steps");
	assert_eq!(one.1, many.1, "events after one step and after {many_steps:?} steps");
	(many_steps, one)
}

/// The `HandleReleasedByMigration` events among `events`.
pub fn count_released(events: &[RuntimeEvent]) -> usize {
	events
		.iter()
		.filter(|e| matches!(e, RuntimeEvent::Handles(Event::HandleReleasedByMigration { .. })))
		.count()
}
