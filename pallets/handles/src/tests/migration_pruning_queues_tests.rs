//! The pruning-queue migration (storage version 1 -> 2, `PruningQueues`): the replay store and
//! cooldowns written in the layout of version 1 move to the queues without losing a live entry.

use super::migrate::{at_storage_version, pallet_state, run_steps, stale};
use crate::{
	migrations::{PruningQueues, PruningQueuesCursor, UpgradeChecks},
	mock::*,
	*,
};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	migrations::SteppedMigration,
	traits::{GetStorageVersion, StorageVersion},
	weights::{Weight, WeightMeter},
	BoundedVec,
};

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
		CoolingDown::<Test>::insert(stale(&format!("pair{i}")), 1000 + i, until);
	}
	at_storage_version(1);
	keys
}

#[test]
fn queue_migration_keeps_every_live_replay_entry_and_queues_every_running_cooldown() {
	use crate::migrations::v2_pruning_queues::weights::{SubstrateWeight, WeightInfo};
	type W = SubstrateWeight<Test>;
	// Room for two units of the costliest kind per step: every step makes progress, and the
	// migration needs many steps.
	let unit = W::move_replay_entry().max(W::remove_count()).max(W::queue_cooldown());
	let mut states = Vec::new();
	for limit in [Weight::MAX, Weight::from_parts(u64::MAX, 2 * unit.proof_size())] {
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
			states.push(pallet_state());
		})
	}
	// In one step or in many, the same entries, queues, cooldowns and events.
	assert_eq!(states[0], states[1], "state after one step and after many");
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
		at_storage_version(1);
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
		assert_eq!(cursor, Some(PruningQueuesCursor::Replay));
		assert_eq!(Handles::on_chain_storage_version(), StorageVersion::new(1));
		run_steps::<PruningQueues<Test>>(Weight::MAX);
		assert_eq!(ReplayEntries::<Test>::iter().count(), 3);
	})
}

#[test]
fn queue_migration_id_and_cursor_keep_their_encoding() {
	// A chain may be in the middle of the migration: `pallet-migrations` keeps its id and cursor.
	assert_eq!(PruningQueues::<Test>::id().encode(), b"handles-queues\x01\x02".to_vec());
	assert_eq!(PruningQueuesCursor::Replay.encode(), vec![0]);
	assert_eq!(PruningQueuesCursor::Counts.encode(), vec![1]);
	assert_eq!(PruningQueuesCursor::Cooldowns(None).encode(), vec![2, 0]);
	let raw = BoundedVec::truncate_from(vec![9, 8]);
	assert_eq!(PruningQueuesCursor::Cooldowns(Some(raw)).encode(), vec![2, 1, 8, 9, 8]);
}

#[test]
fn the_check_after_the_queue_migration_finds_an_old_replay_entry_left() {
	test(|| {
		run_to_block(10);
		version_1_state(3, 0, 2);
		let before = PruningQueues::<Test>::before().expect("taken");
		let mut meter = WeightMeter::with_limit(Weight::MAX);
		assert_eq!(PruningQueues::<Test>::step(None, &mut meter), Ok(None));
		assert_eq!(PruningQueues::<Test>::after(before.clone()), Ok(()));
		v1::UsedPayloads::insert(20, [1u8; 32], ());
		assert!(PruningQueues::<Test>::after(before).is_err());
	})
}
