//! Tests, one file per area. Every test runs through [`crate::mock::test`], which starts at block
//! 1 and checks every invariant (`do_try_state`) when the test ends.

mod batch_read_tests;
mod change_tests;
mod cooldown_tests;
mod create_tests;
mod fuzz_tests;
mod governance_tests;
mod invariants_tests;
mod legacy_deadline_tests;
mod lookalike_tests;
mod migrate;
mod migration_canonical_v2_tests;
mod migration_canonical_v3_tests;
mod migration_pruning_queues_tests;
mod pool_tests;
mod pruning_tests;
mod race_tests;
mod read_tests;
mod readable_tests;
mod replay_tests;
mod retire_tests;
mod seed_tests;
mod synthetic_tests;
mod transfer_tests;
