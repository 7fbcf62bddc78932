//! Runtime configuration checks: what filling a block costs, and which storage migrations run.

use super::*;
use codec::Encode;
use configs::{MinimumMultiplier, TransactionByteFee};
use frame_support::dispatch::{DispatchClass, GetDispatchInfo};
use sp_runtime::{traits::Zero, BuildStorage, FixedPointNumber, MultiSignature};

/// Storage of a fresh chain (the development preset's balances are not needed here).
fn ext() -> sp_io::TestExternalities {
	frame_system::GenesisConfig::<Runtime>::default().build_storage().unwrap().into()
}

/// The fee of an extrinsic of `len` bytes dispatching `call`, at the genesis fee multiplier.
fn fee(call: &RuntimeCall, len: u32) -> Balance {
	let info = call.get_dispatch_info();
	pallet_transaction_payment::Pallet::<Runtime>::compute_fee(len, &info, Zero::zero())
}

/// A `create_handle` call of the longest base handle, and the length of its signed extrinsic
/// (call, plus about 110 bytes of address, signature and transaction extensions).
fn claim() -> (RuntimeCall, u32) {
	let payload = pallet_handles::CreateHandlePayload {
		base_handle: vec![b'a'; handles_rules::MAX_BASE_BYTES].try_into().unwrap(),
		suffix: 4821,
		expiration: 10,
	};
	let call = RuntimeCall::Handles(pallet_handles::Call::create_handle {
		owner: AccountId::new([1; 32]),
		signature: MultiSignature::Sr25519(sp_core::sr25519::Signature::from_raw([0; 64])),
		payload,
	});
	let len = call.encoded_size() as u32 + 110;
	(call, len)
}

#[test]
fn filling_a_block_with_junk_bytes_costs_more_than_filling_it_with_claims() {
	ext().execute_with(|| {
		let weights = <Runtime as frame_system::Config>::BlockWeights::get();
		let lengths = <Runtime as frame_system::Config>::BlockLength::get();
		let normal_weight =
			weights.get(DispatchClass::Normal).max_total.unwrap_or(weights.max_block);
		let normal_length = *lengths.max.get(DispatchClass::Normal);

		// Claims: as many as the normal weight allows by call and base weight (an upper bound:
		// transaction extensions weigh too), each at its full fee.
		let (call, len) = claim();
		let per_claim = call
			.get_dispatch_info()
			.total_weight()
			.saturating_add(weights.get(DispatchClass::Normal).base_extrinsic);
		let claims = normal_weight.ref_time() / per_claim.ref_time();
		let claims_cost = fee(&call, len) * Balance::from(claims);

		// Junk: one remark as long as the normal length allows (the cheapest bytes to send).
		let junk_len = normal_length - 200;
		let junk =
			RuntimeCall::System(frame_system::Call::remark { remark: vec![0; junk_len as usize] });
		let junk_cost = fee(&junk, normal_length);

		println!(
			"one block: {claims} claims cost {} mUNIT; {normal_length} junk bytes cost {} mUNIT",
			claims_cost / MILLI_UNIT,
			junk_cost / MILLI_UNIT
		);
		assert!(claims > 500, "{claims} claims fit a block");
		assert!(junk_cost >= claims_cost, "junk {junk_cost} < claims {claims_cost}");
		// A claim's bytes cost less than half of its fee: claims stay priced by their weight.
		let claim_fee = fee(&call, len);
		println!("one claim of {len} bytes: {} µUNIT", claim_fee / MICRO_UNIT);
		assert!(Balance::from(len) * TransactionByteFee::get() * 2 < claim_fee);
	})
}

#[test]
fn fees_adjust_slowly_with_block_fullness() {
	ext().execute_with(|| {
		use pallet_transaction_payment::Multiplier;
		use sp_runtime::traits::Convert;
		type Update = <Runtime as pallet_transaction_payment::Config>::FeeMultiplierUpdate;
		let weights = <Runtime as frame_system::Config>::BlockWeights::get();
		let normal = weights.get(DispatchClass::Normal).max_total.unwrap();
		let one = Multiplier::from_u32(1);
		// A full block raises the multiplier, by well under 1 %.
		frame_system::BlockWeight::<Runtime>::mutate(|w| w.set(normal, DispatchClass::Normal));
		let up = Update::convert(one);
		assert!(up > one && up < Multiplier::saturating_from_rational(101, 100), "{up:?}");
		// An empty block lowers it, never below the minimum.
		frame_system::BlockWeight::<Runtime>::kill();
		let down = Update::convert(one);
		assert!(down < one, "{down:?}");
		assert_eq!(Update::convert(MinimumMultiplier::get()), MinimumMultiplier::get());
	})
}

/// The multi-block migrations lead, one after the other, from storage version 0 of
/// `pallet-handles` to its in-code version: none is missing, none out of order. (A migration id
/// ends with the storage versions it migrates from and to.)
#[cfg(not(feature = "runtime-benchmarks"))]
#[test]
fn the_migrations_lead_from_storage_version_0_to_the_handles_pallets_version() {
	use frame_support::{migrations::SteppedMigrations, traits::GetStorageVersion};
	let mut version = 0u16;
	let count = configs::MultiBlockMigrationSet::len();
	for n in 0..count {
		let id = configs::MultiBlockMigrationSet::nth_id(n).expect("a migration id");
		let [.., from, to] = id[..] else { panic!("an id ends with two versions") };
		assert_eq!(u16::from(from), version, "migration {n} starts where the one before ended");
		version = u16::from(to);
	}
	assert_eq!(count, 4);
	assert_eq!(Handles::in_code_storage_version(), version);
}
