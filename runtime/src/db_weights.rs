//! The database weights of this runtime: what one storage read and one storage write cost on
//! `handles-node`'s ParityDb holding a chain of the size the registry is built for (block
//! Number(0) of `Handles Development at Scale`), measured by the SDK's `benchmark storage` and written
//! by `scripts/storage-weights`. Do not edit by hand: run the script again.
//!
//! CLI VERSION 64.0.0, DATE 2026-12-07 (Y/M/D), CPU `AMD EPYC`
//! WARMUPS 1, STATE-VERSION V1, METRIC Average, WEIGHT-MUL 1.0, WEIGHT-ADD 0

// Executed command:
//   /root/.cache/handles-target-release/release/handles-node
//   benchmark
//   storage
//   --chain
//   dev-scale-1000000
//   --base-path
//   /root/.cache/handles-target-release/scale-db-1000000
//   --database
//   paritydb
//   --state-version
//   1
//   --warmups
//   1
//   --keys-limit
//   200000
//   --batch-size
//   1000
//   --random-seed
//   7
//   --template-path
//   runtime/db-weight-template.hbs
//   --weight-path
//   runtime/src/db_weights.rs

use frame_support::{
	parameter_types,
	weights::{constants::WEIGHT_REF_TIME_PER_NANOS, RuntimeDbWeight},
};

parameter_types! {
	/// One read and one write of the measured state.
	pub const HandlesDbWeight: RuntimeDbWeight = RuntimeDbWeight {
		// Time to read one storage item, in nanoseconds: min 2_445, max
		// 20_117_422, average 11_371, median
		// 10_108, p95 14_547, p99 34_444.
		read: 11_371 * WEIGHT_REF_TIME_PER_NANOS,
		// Time to write one storage item (with its share of the storage root), in nanoseconds:
		// min 15_030, max 66_109, average
		// 22_583, median 21_728, p95
		// 35_435, p99 58_905.
		write: 22_583 * WEIGHT_REF_TIME_PER_NANOS,
	};
}
