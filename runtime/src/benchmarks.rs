//! Pallets whose benchmarks the runtime exposes (`handles-node benchmark pallet`), and the step
//! benchmarks of the handles pallet's migrations, each under its own name so that it writes the
//! `weights.rs` of its migration.

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_handles, Handles]
	[pallet_handles_v1_canonical_form, pallet_handles::migrations::v1_canonical_form::benchmarks::Pallet::<Runtime>]
	[pallet_handles_v2_pruning_queues, pallet_handles::migrations::v2_pruning_queues::benchmarks::Pallet::<Runtime>]
);
