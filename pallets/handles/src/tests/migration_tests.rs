//! The migrations.
//!
//! The canonical-form migration (storage version 0 -> 1): state written by a runtime whose
//! canonical forms differ from today's is re-keyed without losing a handle. A chain of that
//! version is emulated by creating handles and then putting their entries under other ("stale")
//! canonical forms, as the previous rules would have stored them, and the storage version back
//! to 0; the pruning-queue migration runs after it, as in the runtime.
//!
//! The pruning-queue migration (1 -> 2): the replay store and cooldowns written in the layout of
//! version 1 move to the queues without losing a live entry.

use crate::{
	migrations::{CanonicalFormV2, PruningQueues},
	mock::*,
	*,
};
use frame_support::{
	assert_noop, assert_ok,
	migrations::{SteppedMigration, SteppedMigrationError},
	traits::{GetStorageVersion, StorageVersion},
	weights::{Weight, WeightMeter},
};

fn bounded(s: &str) -> Canonical {
	Canonical::try_from(s.as_bytes().to_vec()).expect("fits")
}

/// Moves MSA `msa_id`'s handle to the stale canonical form `stale`, as the previous rules stored
/// it; optionally with another base and suffix.
fn make_stale(msa_id: MsaId, stale: &str, base: Option<&str>, suffix: Option<Suffix>) {
	let mut record = MsaHandles::<Test>::get(msa_id).expect("has a handle");
	HandleToMsa::<Test>::remove(&record.canonical, record.suffix);
	record.canonical = bounded(stale);
	if let Some(base) = base {
		record.base = BaseHandle::try_from(base.as_bytes().to_vec()).expect("fits");
	}
	if let Some(suffix) = suffix {
		record.suffix = suffix;
	}
	HandleToMsa::<Test>::insert(&record.canonical, record.suffix, msa_id);
	MsaHandles::<Test>::insert(msa_id, record);
}

fn previous_version() {
	StorageVersion::new(0).put::<Handles>();
}

/// Runs the migration `M` to its end with `limit` per step; returns the number of steps.
fn run_steps<M: SteppedMigration>(limit: Weight) -> u32 {
	let mut cursor = None;
	let mut steps = 0;
	loop {
		let mut meter = WeightMeter::with_limit(limit);
		cursor = M::step(cursor, &mut meter).expect("step succeeds");
		steps += 1;
		if cursor.is_none() {
			return steps;
		}
		assert!(steps < 10_000, "migration makes progress");
	}
}

/// Runs the runtime's migrations in order with `limit` per step; returns the number of steps
/// of the canonical-form migration.
fn migrate(limit: Weight) -> u32 {
	let steps = run_steps::<CanonicalFormV2<Test>>(limit);
	run_steps::<PruningQueues<Test>>(limit);
	assert_eq!(Handles::on_chain_storage_version(), StorageVersion::new(2));
	steps
}

/// Enough weight for the first step and a few entries after it.
fn small_steps() -> Weight {
	// The reserved-list step (every entry read, removed and written again, with its compute
	// allowance), then three records of at most 3 reads and 3 writes each.
	let db = <Test as frame_system::Config>::DbWeight::get();
	let n = u64::from(MaxReservedHandles::get());
	let compute = Weight::from_parts(20_000_000, 0);
	let entry = db.reads_writes(3, 3).saturating_add(compute);
	db.reads_writes(n + 1, 2 * n + 1)
		.saturating_add(compute.saturating_mul(n))
		.saturating_add(entry.saturating_mul(3))
		.set_proof_size(u64::MAX)
}

fn released_events() -> Vec<(MsaId, Vec<u8>, MsaId)> {
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

fn resolves(display: &str) -> Option<MsaId> {
	Handles::msa_for_handle(display.as_bytes().to_vec()).expect("well formed").map(|m| m.msa_id)
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

		let steps = migrate(small_steps());

		assert!(steps > 1, "the migration ran in several steps ({steps})");
		assert_eq!(Handles::on_chain_storage_version(), StorageVersion::new(2));
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
			assert!(!CoolingDown::<Test>::contains_key(
				bounded(&handles_rules::canonical("ĐỨC")),
				suffix
			));
		});
	}
}

#[test]
fn migration_rekeys_cooldowns_and_the_reserved_list() {
	test(|| {
		let (msa, suffix) = create(&alice(), "Alice");
		let now = System::block_number();
		let stale_reserved = "ADMlN-LIST";
		ReservedHandles::<Test>::insert(bounded(stale_reserved), ());
		// A running cooldown under a stale key, a finished one, and two that meet under one key.
		CoolingDown::<Test>::insert(bounded("POST"), 1234, now + 50);
		CoolingDown::<Test>::insert(bounded("Over"), 1234, now);
		CoolingDown::<Test>::insert(bounded("MEET"), 4321, now + 10);
		CoolingDown::<Test>::insert(bounded("meet"), 4321, now + 70);
		// A cooldown that lands on the pair of an active handle.
		CoolingDown::<Test>::insert(bounded("ALICE"), suffix, now + 90);
		previous_version();

		migrate(small_steps());

		let reserved = handles_rules::canonical(stale_reserved);
		assert!(ReservedHandles::<Test>::contains_key(bounded(&reserved)));
		assert!(!ReservedHandles::<Test>::contains_key(bounded(stale_reserved)));
		assert_eq!(
			ReservedHandles::<Test>::count() as usize,
			handles_rules::DEFAULT_RESERVED.len() + 1
		);
		let key = |s: &str| bounded(&handles_rules::canonical(s));
		assert_eq!(CoolingDown::<Test>::get(key("POST"), 1234), Some(now + 50));
		assert_eq!(CoolingDown::<Test>::get(key("Over"), 1234), None, "finished cooldowns go");
		assert_eq!(CoolingDown::<Test>::get(key("meet"), 4321), Some(now + 70), "the later end");
		assert_eq!(CoolingDown::<Test>::get(key("Alice"), suffix), None, "held pairs do not cool");
		assert!(!CoolingDown::<Test>::contains_key(bounded("POST"), 1234));
		assert_eq!(CoolingDown::<Test>::iter().count(), 2);
		assert_eq!(resolves(&format!("alice.{suffix}")), Some(msa));
	})
}

#[test]
fn migration_in_one_step_and_in_many_gives_the_same_state() {
	let run = |limit: Weight| {
		let mut state = Vec::new();
		test(|| {
			for (i, base) in
				["パン", "ポスト", "கல்", "ÐỨC", "alice", "Bob", "दुःख"].iter().enumerate()
			{
				let key = Key::sr(match i % 3 {
					0 => sp_keyring::Sr25519Keyring::Alice,
					1 => sp_keyring::Sr25519Keyring::Bob,
					_ => sp_keyring::Sr25519Keyring::Charlie,
				});
				let (msa, _) = create(&key, base);
				make_stale(msa, &format!("stale-{i}"), None, None);
			}
			previous_version();
			let steps = migrate(limit);
			state.push(steps as usize);
			let mut records: Vec<_> = MsaHandles::<Test>::iter().collect();
			records.sort_by_key(|(id, _)| *id);
			let mut index: Vec<_> = HandleToMsa::<Test>::iter().collect();
			index.sort();
			state.push(records.len());
			state.push(index.len());
			state.extend(records.iter().map(|(id, r)| (*id as usize) ^ r.canonical.len()));
		});
		state
	};
	let one = run(Weight::MAX);
	let many = run(small_steps());
	assert_eq!(one[0], 1);
	assert!(many[0] > 1, "several steps ({})", many[0]);
	assert_eq!(one[1..], many[1..]);
	assert_eq!(one[1], 7);
}

#[test]
fn migration_is_skipped_on_a_chain_at_the_current_version() {
	test(|| {
		let (msa, suffix) = create(&alice(), "Alice");
		make_stale(msa, "stale", None, None);
		assert_eq!(Handles::on_chain_storage_version(), StorageVersion::new(2));
		let mut meter = WeightMeter::with_limit(Weight::MAX);
		assert_eq!(CanonicalFormV2::<Test>::step(None, &mut meter), Ok(None));
		assert_eq!(PruningQueues::<Test>::step(None, &mut meter), Ok(None));
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

/// The replay store and counts of storage version 1.
mod v1 {
	use super::*;
	use frame_support::{storage_alias, Identity, Twox64Concat};

	#[storage_alias]
	pub type UsedPayloads = StorageDoubleMap<
		Handles,
		Twox64Concat,
		BlockNumber,
		Identity,
		[u8; 32],
		(),
		frame_support::pallet_prelude::OptionQuery,
	>;

	#[storage_alias]
	pub type UsedPayloadCount = StorageMap<
		Handles,
		Twox64Concat,
		BlockNumber,
		u32,
		frame_support::pallet_prelude::ValueQuery,
	>;
}

/// Emulates a chain of storage version 1 at the current block: replay entries in the old store
/// (`live` expiring in the future, `expired` in the past), cooldowns only in `CoolingDown`
/// (`running` of them running, one ended). Returns the live keys with their expirations.
fn version_1_state(live: u32, expired: u32, running: u32) -> Vec<([u8; 32], BlockNumber)> {
	let now = System::block_number();
	let mut keys = Vec::new();
	for i in 0..live + expired {
		let key = sp_io::hashing::blake2_256(&(b"v1", i).encode());
		let expiration = if i < live { now + 1 + u64::from(i % 5) } else { now - 1 };
		v1::UsedPayloads::insert(expiration, key, ());
		v1::UsedPayloadCount::mutate(expiration, |c| *c += 1);
		if i < live {
			keys.push((key, expiration));
		}
	}
	for i in 0..=running {
		let until = if i < running { now + 10 + u64::from(i) } else { now };
		CoolingDown::<Test>::insert(bounded(&format!("pair{i}")), 1000 + i, until);
	}
	StorageVersion::new(1).put::<Handles>();
	keys
}

use codec::Encode;

#[test]
fn queue_migration_keeps_every_live_replay_entry_and_queues_every_running_cooldown() {
	for limit in [Weight::MAX, Weight::from_parts(u64::MAX, 1_000)] {
		test(|| {
			run_to_block(10);
			let live = version_1_state(30, 7, 12);
			let steps = run_steps::<PruningQueues<Test>>(limit);
			assert_eq!(steps > 1, limit != Weight::MAX, "{steps} steps");
			assert_eq!(Handles::on_chain_storage_version(), StorageVersion::new(2));
			// Every live entry is in the new store and queued; expired ones are gone.
			assert_eq!(ReplayEntries::<Test>::iter().count(), live.len());
			for (key, expiration) in &live {
				assert_eq!(ReplayEntries::<Test>::get(key), Some(*expiration));
			}
			assert_eq!(ReplayQueueBounds::<Test>::get().len(), 30);
			assert_eq!(v1::UsedPayloads::iter().count(), 0);
			assert_eq!(v1::UsedPayloadCount::iter().count(), 0);
			// Running cooldowns are queued, the ended one is removed.
			assert_eq!(CoolingDown::<Test>::iter().count(), 12);
			assert_eq!(CooldownQueueBounds::<Test>::get().len(), 12);
		})
	}
}

#[test]
fn after_the_queue_migration_a_moved_payload_is_still_refused_as_replayed() {
	test(|| {
		let payload = create_payload("alice", available_suffix("alice"));
		let signature = alice().sign_payload(&payload);
		assert_ok!(Handles::create_handle(
			sponsor(),
			alice().account(),
			signature.clone(),
			payload.clone()
		));
		// Put its entry back into the version-1 store, as the previous runtime had written it.
		let key = crate::replay_key(&Handles::message_for(&payload), &alice().account());
		ReplayEntries::<Test>::remove(key);
		ReplayQueue::<Test>::remove(0);
		ReplayQueueBounds::<Test>::kill();
		v1::UsedPayloads::insert(payload.expiration, key, ());
		v1::UsedPayloadCount::insert(payload.expiration, 1);
		StorageVersion::new(1).put::<Handles>();
		// Before the migration the new store does not know it ...
		assert!(!ReplayEntries::<Test>::contains_key(key));
		run_steps::<PruningQueues<Test>>(Weight::MAX);
		// ... after it, the payload is refused as replayed (its MSA was retired meanwhile, so
		// only the replay store stands in the way).
		let msa_id = MsaHandles::<Test>::iter().next().expect("created").0;
		retire(&alice(), msa_id);
		run_to_block(System::block_number() + 1);
		assert_noop!(
			Handles::create_handle(sponsor(), alice().account(), signature, payload),
			Error::<Test>::PayloadReplayed
		);
	})
}

#[test]
fn queue_migration_asks_for_more_weight_than_nothing_and_resumes() {
	test(|| {
		run_to_block(10);
		version_1_state(3, 0, 2);
		let mut meter = WeightMeter::with_limit(Weight::zero());
		let cursor = PruningQueues::<Test>::step(None, &mut meter).expect("no failure");
		assert_eq!(cursor, Some(migrations::PruningQueuesCursor::Replay));
		assert_eq!(Handles::on_chain_storage_version(), StorageVersion::new(1));
		run_steps::<PruningQueues<Test>>(Weight::MAX);
		assert_eq!(ReplayEntries::<Test>::iter().count(), 3);
	})
}
