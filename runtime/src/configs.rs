//! Configuration of every pallet of the runtime.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, EitherOfDiverse, VariantCountOf},
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, ConstantMultiplier, IdentityFee, Weight},
};
use frame_system::{
	limits::{BlockLength, BlockWeights},
	EnsureRoot,
};
use pallet_transaction_payment::{FungibleAdapter, Multiplier, TargetedFeeAdjustment};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{
	traits::{Bounded, Verify},
	FixedPointNumber, Perbill, Perquintill,
};
use sp_version::RuntimeVersion;

use super::{
	AccountId, Aura, Balance, Balances, Block, BlockNumber, Hash, MultiBlockMigrations, Nonce,
	PalletInfo, Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason,
	RuntimeOrigin, RuntimeTask, Signature, System, DAYS, EXISTENTIAL_DEPOSIT, MICRO_UNIT,
	SLOT_DURATION, VERSION,
};

const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// One second of compute per 3-second block.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |m| *m = NORMAL_DISPATCH_RATIO * *m)
		.build();
	pub const SS58Prefix: u8 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores state in ParityDB: one read and one write as `benchmark storage` measured
	/// them on a chain of a million handles (`db_weights.rs`, `scripts/storage-weights`).
	type DbWeight = crate::db_weights::HandlesDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	/// Multi-block migrations run before any transaction of a block, and while one is under way
	/// blocks hold no transactions.
	type MultiBlockMigrator = MultiBlockMigrations;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ();
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	/// Fee per byte of a transaction: 1 µUNIT, so a block's worth of bytes (3.75 MiB of normal
	/// length) costs about 3.9 UNIT, more than a block's worth of claims (0.75 UNIT of weight fee
	/// at a multiplier of 1): filling blocks with junk is never cheaper than filling them with
	/// claims. See README, "Fees".
	pub const TransactionByteFee: Balance = MICRO_UNIT;
	/// Fees rise while blocks are fuller than a quarter and fall while they are emptier, slowly
	/// (the parameters relay chains use).
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(75, 1_000_000);
	pub MinimumMultiplier: Multiplier = Multiplier::saturating_from_rational(1, 10);
	pub MaximumMultiplier: Multiplier = Bounded::max_value();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = ConstU8<5>;
	/// 1 planck per picosecond of ref time (a claim of 1.22 ms: 1.22 mUNIT).
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = TargetedFeeAdjustment<
		Self,
		TargetBlockFullness,
		AdjustmentVariable,
		MinimumMultiplier,
		MaximumMultiplier,
	>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

/// The council's instance of pallet-collective.
pub type CouncilCollective = pallet_collective::Instance1;

parameter_types! {
	/// A council motion stays open this long; it can be closed earlier once decided.
	pub const CouncilMotionDuration: BlockNumber = DAYS;
	/// Proposals may use at most half a block.
	pub MaxCollectivesProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = ConstU32<100>;
	type MaxMembers = ConstU32<100>;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxCollectivesProposalWeight;
	type DisapproveOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	type Consideration = ();
}

/// Governance of handles: `Root` (sudo) or more than half of the council.
pub type HandlesGovernance = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionMoreThan<AccountId, CouncilCollective, 1, 2>,
>;

parameter_types! {
	/// Seeds rotate in blocks 1, 101, 201, ...
	pub const SeedRotationPeriod: BlockNumber = 100;
	/// A signed payload may expire at most 200 blocks (10 minutes) ahead.
	pub const MaxPayloadLifetime: BlockNumber = 200;
	/// The chain's name in the text owners sign (`Chain: Handles 0x…`, crate `handles-signing`),
	/// which the pallet verifies and the runtime API `signing_message` returns.
	pub const HandlesChainName: &'static str = "Handles";
}

impl pallet_handles::Config for Runtime {
	type Signature = Signature;
	type Signer = <Signature as Verify>::Signer;
	type HandlesChainName = HandlesChainName;
	type GovernanceOrigin = HandlesGovernance;
	type SeedRotationPeriod = SeedRotationPeriod;
	type MaxPayloadLifetime = MaxPayloadLifetime;
	type MaxMsasPerOwner = ConstU32<100>;
	type MaxIdlePrune = ConstU32<64>;
	type MaxReservedHandles = ConstU32<256>;
	type WeightInfo = pallet_handles::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Weight that multi-block migrations may use per block: half of a block.
	pub MbmServiceWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

/// Multi-block migrations, oldest first. Each runs once: it checks the storage version it
/// migrates from.
#[cfg(not(feature = "runtime-benchmarks"))]
pub type MultiBlockMigrationSet = (
	pallet_handles::migrations::CanonicalFormV2<Runtime>,
	pallet_handles::migrations::PruningQueues<Runtime>,
	pallet_handles::migrations::CanonicalFormV3<Runtime>,
	pallet_handles::migrations::LegacyPayloadDeadline<Runtime>,
);

impl pallet_migrations::Config for Runtime {
	#[allow(deprecated)]
	type RuntimeEvent = RuntimeEvent;
	#[cfg(not(feature = "runtime-benchmarks"))]
	type Migrations = MultiBlockMigrationSet;
	// The pallet's own benchmarks need its mocked migrations.
	#[cfg(feature = "runtime-benchmarks")]
	type Migrations = pallet_migrations::mock_helpers::MockedMigrations;
	type CursorMaxLen = ConstU32<{ 1 << 16 }>;
	type IdentifierMaxLen = ConstU32<256>;
	type MigrationStatusHandler = ();
	/// A failed migration (its step rolls back) lets transactions in again, so that governance
	/// can upgrade to a fix; a frozen chain could not even do that (no safe-mode pallet here).
	type FailedMigrationHandler = frame_support::migrations::ForceUnstuckOnFailedMigration;
	type MaxServiceWeight = MbmServiceWeight;
	type WeightInfo = pallet_migrations::weights::SubstrateWeight<Runtime>;
}
