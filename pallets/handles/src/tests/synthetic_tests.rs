//! Synthetic handles at genesis (`synthetic_handles`, `features::synthetic`): a development
//! chain at scale from a compact setting.

use crate::{
	features::synthetic::{
		synthetic_base, synthetic_owner, ALPHABETS, MSAS_PER_OWNER, RETIRED_EVERY,
	},
	mock::*,
	*,
};
use std::collections::BTreeSet;

const COUNT: u32 = 700;

/// A chain whose genesis made [`COUNT`] synthetic handles, at block 1.
fn synthetic_chain(test: impl FnOnce()) {
	let genesis = GenesisConfig::<Test> {
		initial_seed: GENESIS_SEED,
		synthetic_handles: COUNT,
		..Default::default()
	};
	test_ext_with(genesis).execute_with(|| {
		run_to_block(1);
		test();
		Handles::do_try_state().expect("invariants hold on a synthetic chain");
	})
}

#[test]
fn genesis_makes_the_count_some_retired_and_cooling_down() {
	synthetic_chain(|| {
		let retired = COUNT / RETIRED_EVERY;
		assert_eq!(MsaOwner::<Test>::iter().count() as u32, COUNT, "MSAs");
		assert_eq!(MsaHandles::<Test>::iter().count() as u32, COUNT - retired, "held handles");
		assert_eq!(HandleToMsa::<Test>::iter().count() as u32, COUNT - retired);
		assert_eq!(CoolingDown::<Test>::iter().count() as u32, retired, "retired pairs cool down");
		assert_eq!(CooldownQueueBounds::<Test>::get().len(), u64::from(retired), "and are queued");
		let cooldown = HandleSettings::<Test>::get().reuse_cooldown;
		assert!(CoolingDown::<Test>::iter().all(|(_, _, until)| until == cooldown));
	})
}

#[test]
fn owners_hold_several_msas_and_each_handle_resolves() {
	synthetic_chain(|| {
		let owners: BTreeSet<_> = MsaOwner::<Test>::iter().map(|(_, o)| o).collect();
		assert_eq!(owners.len() as u32, COUNT.div_ceil(MSAS_PER_OWNER));
		let first: AccountId = synthetic_owner(0);
		assert_eq!(OwnerMsas::<Test>::get(&first).len() as u32, MSAS_PER_OWNER);
		for (msa_id, record) in MsaHandles::<Test>::iter() {
			let display = String::from_utf8(record.display()).expect("UTF-8");
			let found = Handles::msa_for_handle(display.clone().into_bytes()).expect("well formed");
			assert_eq!(found.map(|m| m.msa_id), Some(msa_id), "{display}");
		}
	})
}

#[test]
fn bases_come_from_seven_scripts_and_a_taken_pair_stays_taken() {
	synthetic_chain(|| {
		let scripts: BTreeSet<usize> = MsaHandles::<Test>::iter()
			.map(|(_, r)| {
				let first = core::str::from_utf8(&r.base).expect("UTF-8").chars().next();
				let first = first.expect("not empty");
				ALPHABETS.iter().position(|a| a.contains(first)).expect("a synthetic alphabet")
			})
			.collect();
		assert_eq!(scripts.len(), ALPHABETS.len(), "{scripts:?}");
		// A pair the genesis gave out is taken for a claim like any other.
		let (_, record) = MsaHandles::<Test>::iter().next().expect("a handle");
		let base = core::str::from_utf8(&record.base).expect("UTF-8").to_string();
		frame_support::assert_noop!(
			try_create(&alice(), create_payload(&base, record.suffix)),
			Error::<Test>::HandleTaken
		);
	})
}

#[test]
fn the_bases_are_the_index_in_letters() {
	assert_eq!(synthetic_base(0), "aaa");
	assert_eq!(synthetic_base(7), "aab");
	assert_eq!(synthetic_base(1), "ббб");
	assert_ne!(synthetic_base(7 * 23 * 23 * 23), synthetic_base(0));
	assert_eq!(synthetic_base(7 * 23 * 23 * 23).chars().count(), 4);
}
