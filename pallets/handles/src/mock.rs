//! Mock runtime: `frame_system` with `AccountId32` accounts and `MultiSignature` payload
//! signatures (sr25519, ed25519, ecdsa and Ethereum keys), and this pallet with the product
//! constants (`HandlesChainName` is `Handles`).
//!
//! One helper per action, so a test reads as "who signs what, which error": `create`, `retire`,
//! `change` and `transfer` take effect or panic; `try_*` return the dispatch result with the
//! owner signing, `try_*_signed_by` with another key signing in the owner's place, and
//! `try_*_with_signature(s)` with signatures exactly as given (to replay them or to sign other
//! bytes). Keys of every scheme, an Ethereum one included ([`Key::eth`]), sign a payload in any
//! [`Form`] with [`Key::sign_in`]. Governance: `set_cooldown`, `no_cooldown`, `try_reserve`,
//! `try_unreserve`.

use crate as pallet_handles;
use crate::*;
use codec::Encode;
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{OnFinalize, OnInitialize},
};
use frame_support::{
	dispatch::{DispatchResult, DispatchResultWithPostInfo},
	weights::Weight,
};
use frame_system::EnsureRoot;
use sp_core::{ecdsa, ed25519, sr25519, Pair, H256};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::{
	traits::{IdentifyAccount, IdentityLookup},
	AccountId32, BuildStorage, MultiSignature, MultiSigner,
};

pub use handles_rules::{DEFAULT_SUFFIX_MAX, DEFAULT_SUFFIX_MIN};

/// Accounts of the mock.
pub type AccountId = AccountId32;
/// Block numbers of the mock.
pub type BlockNumber = u64;
type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Handles: pallet_handles,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	// The database weights the `()` weights use, so refunds of skipped writes show in tests.
	type DbWeight = frame_support::weights::constants::RocksDbWeight;
}

parameter_types! {
	pub const SeedRotationPeriod: BlockNumber = 100;
	pub const MaxPayloadLifetime: BlockNumber = 200;
	pub const MaxMsasPerOwner: u32 = 8;
	pub const MaxIdlePrune: u32 = 16;
	pub const MaxReservedHandles: u32 = 16;
	pub const HandlesChainName: &'static str = "Handles";
}

impl pallet_handles::Config for Test {
	type Signature = MultiSignature;
	type Signer = MultiSigner;
	type HandlesChainName = HandlesChainName;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type SeedRotationPeriod = SeedRotationPeriod;
	type MaxPayloadLifetime = MaxPayloadLifetime;
	type MaxMsasPerOwner = MaxMsasPerOwner;
	type MaxIdlePrune = MaxIdlePrune;
	type MaxReservedHandles = MaxReservedHandles;
	type WeightInfo = ();
}

/// Seed both genesis seeds are set to in the mock.
pub const GENESIS_SEED: [u8; 32] = [7u8; 32];

/// A key of any of the three kinds an owner may hold.
#[derive(Clone)]
#[allow(clippy::large_enum_variant)]
pub enum Key {
	/// sr25519.
	Sr(sr25519::Pair),
	/// ed25519.
	Ed(ed25519::Pair),
	/// ecdsa (secp256k1).
	Ecdsa(ecdsa::Pair),
	/// An Ethereum key (secp256k1 over keccak-256, `MultiSignature::Eth`), as MetaMask holds.
	Eth(ecdsa::KeccakPair),
}

/// The form a test key signs a payload in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Form {
	/// The legacy SCALE message as is.
	Legacy,
	/// The legacy SCALE message in `<Bytes>`..`</Bytes>`.
	LegacyWrapped,
	/// The readable text as is.
	Readable,
	/// The readable text in `<Bytes>`..`</Bytes>` (polkadot.js, Talisman, SubWallet).
	ReadableWrapped,
	/// The readable text with the EIP-191 prefix (`personal_sign`).
	Eip191,
}

impl Form {
	/// The bytes a key signs for `payload` on this chain in this form.
	pub fn message<P: SignedPayload>(self, payload: &P) -> Vec<u8> {
		let readable = || Handles::readable_message_for(payload).expect("a readable form");
		match self {
			Form::Legacy => Handles::message_for(payload),
			Form::LegacyWrapped => wrap_bytes(&Handles::message_for(payload)),
			Form::Readable => readable(),
			Form::ReadableWrapped => wrap_bytes(&readable()),
			Form::Eip191 => eip191(&readable()),
		}
	}
}

impl Key {
	/// sr25519 dev key.
	pub fn sr(who: Sr25519Keyring) -> Self {
		Key::Sr(who.pair())
	}
	/// ed25519 dev key.
	pub fn ed(who: Ed25519Keyring) -> Self {
		Key::Ed(who.pair())
	}
	/// ecdsa key from a dev derivation path such as `//Alice`.
	pub fn ecdsa(path: &str) -> Self {
		Key::Ecdsa(ecdsa::Pair::from_string(path, None).expect("valid dev path"))
	}
	/// A fresh Ethereum key (random secret).
	pub fn eth() -> Self {
		Key::Eth(ecdsa::KeccakPair::generate().0)
	}
	/// The account of this key (an Ethereum key's: its address, then twelve `0xEE`).
	pub fn account(&self) -> AccountId {
		match self {
			Key::Sr(p) => MultiSigner::from(p.public()).into_account(),
			Key::Ed(p) => MultiSigner::from(p.public()).into_account(),
			Key::Ecdsa(p) => MultiSigner::from(p.public()).into_account(),
			Key::Eth(p) => MultiSigner::Eth(p.public()).into_account(),
		}
	}
	/// Signature over `message` as is.
	pub fn sign(&self, message: &[u8]) -> MultiSignature {
		match self {
			Key::Sr(p) => p.sign(message).into(),
			Key::Ed(p) => p.sign(message).into(),
			Key::Ecdsa(p) => p.sign(message).into(),
			Key::Eth(p) => MultiSignature::Eth(p.sign(message)),
		}
	}
	/// The form this key's wallet signs in: EIP-191 for an Ethereum key, the `<Bytes>`-wrapped
	/// readable text for the others.
	pub fn wallet_form(&self) -> Form {
		match self {
			Key::Eth(_) => Form::Eip191,
			_ => Form::ReadableWrapped,
		}
	}
	/// Signature over `payload` in `form`.
	pub fn sign_in<P: SignedPayload>(&self, payload: &P, form: Form) -> MultiSignature {
		self.sign(&form.message(payload))
	}
	/// Signature over `payload`'s message on this chain.
	pub fn sign_payload<P: SignedPayload>(&self, payload: &P) -> MultiSignature {
		self.sign(&Handles::message_for(payload))
	}
	/// Signature over `payload`'s message wrapped in `<Bytes>`..`</Bytes>`.
	pub fn sign_payload_wrapped<P: SignedPayload>(&self, payload: &P) -> MultiSignature {
		self.sign(&wrap_bytes(&Handles::message_for(payload)))
	}
}

/// Alice's sr25519 key.
pub fn alice() -> Key {
	Key::sr(Sr25519Keyring::Alice)
}
/// Bob's sr25519 key.
pub fn bob() -> Key {
	Key::sr(Sr25519Keyring::Bob)
}
/// Charlie's sr25519 key.
pub fn charlie() -> Key {
	Key::sr(Sr25519Keyring::Charlie)
}
/// Dave's ed25519 key.
pub fn dave_ed() -> Key {
	Key::ed(Ed25519Keyring::Dave)
}
/// Eve's ecdsa key.
pub fn eve_ecdsa() -> Key {
	Key::ecdsa("//Eve")
}
/// The account submitting (and paying for) extrinsics: a sponsor.
pub fn sponsor() -> RuntimeOrigin {
	RuntimeOrigin::signed(AccountId32::new([99u8; 32]))
}

/// Storage of the mock: the product defaults, both seeds [`GENESIS_SEED`].
pub fn new_test_ext() -> sp_io::TestExternalities {
	test_ext_with(pallet_handles::GenesisConfig::<Test> {
		initial_seed: GENESIS_SEED,
		..Default::default()
	})
}

/// Storage of the mock with the pallet's genesis `handles`.
pub fn test_ext_with(handles: pallet_handles::GenesisConfig<Test>) -> sp_io::TestExternalities {
	// The whole runtime's genesis, as a chain builds it (pallets' storage versions included).
	let storage =
		RuntimeGenesisConfig { system: Default::default(), handles }.build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.register_extension(sp_keystore::KeystoreExt::new(
		sp_keystore::testing::MemoryKeystore::new(),
	));
	ext
}

/// Runs `test` on fresh storage at block 1 (whose `on_initialize` has run), then checks every
/// invariant of the pallet.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		run_to_block(1);
		test();
		Handles::do_try_state().expect("invariants hold after the test");
	})
}

/// The parent hash the mock gives block `n`.
pub fn parent_hash_of(n: BlockNumber) -> H256 {
	H256::from(sp_io::hashing::blake2_256(&(b"mock parent", n).encode()))
}

/// Finalizes the current block and initializes blocks up to `n`, running the hooks, with a
/// distinct parent hash per block.
pub fn run_to_block(n: BlockNumber) {
	while System::block_number() < n {
		let current = System::block_number();
		if current > 0 {
			AllPalletsWithSystem::on_finalize(current);
		}
		let next = current + 1;
		System::reset_events();
		System::initialize(&next, &parent_hash_of(next), &Default::default());
		AllPalletsWithSystem::on_initialize(next);
	}
}

/// The last event of this pallet.
pub fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| if let RuntimeEvent::Handles(e) = r.event { Some(e) } else { None })
		.expect("an event of the pallet")
}

/// The canonical form of `base`, bounded as the chain stores it.
pub fn canonical(base: &str) -> Canonical {
	Canonical::try_from(handles_rules::canonical(base).into_bytes()).unwrap()
}

/// One database read: what a signed call refunds when no signature was over a legacy message
/// (the read of the legacy-payload deadline).
pub fn one_read() -> Weight {
	<Test as frame_system::Config>::DbWeight::get().reads(1)
}

/// One database write: what a create or change refunds when the pair it takes has no cooldown
/// entry left to remove.
pub fn one_write() -> Weight {
	<Test as frame_system::Config>::DbWeight::get().writes(1)
}

/// The replay pruning a signed call declares per entry it records and refunds when nothing had
/// expired.
pub fn unused_replay_pruning() -> Weight {
	<() as WeightInfo>::prune_replay(PRUNE_PER_ENTRY) - <() as WeightInfo>::prune_replay(0)
}

/// Governance sets the reuse cooldown to `blocks`, keeping the default suffix range.
pub fn set_cooldown(blocks: BlockNumber) {
	assert_ok!(Handles::set_handle_settings(
		RuntimeOrigin::root(),
		DEFAULT_SUFFIX_MIN,
		DEFAULT_SUFFIX_MAX,
		blocks
	));
}

/// Governance turns the reuse cooldown off: a retired or changed-away pair is free at once.
pub fn no_cooldown() {
	set_cooldown(0);
}

/// Governance submits `add_reserved_handle` for `base`.
pub fn try_reserve(base: &[u8]) -> DispatchResult {
	Handles::add_reserved_handle(RuntimeOrigin::root(), base.to_vec().try_into().unwrap())
}

/// Governance submits `remove_reserved_handle` for `base`.
pub fn try_unreserve(base: &[u8]) -> DispatchResult {
	Handles::remove_reserved_handle(RuntimeOrigin::root(), base.to_vec().try_into().unwrap())
}

/// The first suffix available for `base` right now.
pub fn available_suffix(base: &str) -> Suffix {
	*Handles::suffix_options(base.as_bytes().to_vec())
		.expect("valid handle")
		.available
		.first()
		.expect("an available suffix")
}

/// A suffix in range that is not offered for `base` right now.
pub fn unoffered_suffix(base: &str) -> Suffix {
	let options = Handles::suffix_options(base.as_bytes().to_vec()).expect("valid handle");
	(DEFAULT_SUFFIX_MIN..=DEFAULT_SUFFIX_MAX)
		.find(|s| !options.candidates.contains(s))
		.expect("a suffix not offered")
}

/// A create payload for `base.suffix` expiring 10 blocks from now.
pub fn create_payload(base: &str, suffix: Suffix) -> CreateHandlePayload<BlockNumber> {
	CreateHandlePayload {
		base_handle: base.as_bytes().to_vec().try_into().unwrap(),
		suffix,
		expiration: System::block_number() + 10,
	}
}

/// `key` creates `base` with its first available suffix, signing as its wallet does (the
/// readable text); returns the MSA id and the suffix.
pub fn create_with(key: &Key, base: &str) -> (MsaId, Suffix) {
	let suffix = available_suffix(base);
	let payload = create_payload(base, suffix);
	assert_ok!(try_create_with_signature(key, key.sign_in(&payload, key.wallet_form()), payload));
	match last_event() {
		Event::MsaCreatedWithHandle { msa_id, .. } => (msa_id, suffix),
		other => panic!("expected MsaCreatedWithHandle, got {other:?}"),
	}
}

/// `key` creates `base` with its first available suffix; returns the MSA id and the suffix.
pub fn create(key: &Key, base: &str) -> (MsaId, Suffix) {
	let suffix = available_suffix(base);
	let payload = create_payload(base, suffix);
	assert_ok!(try_create(key, payload));
	let RuntimeEvent::Handles(Event::MsaCreatedWithHandle { msa_id, .. }) =
		System::events().last().expect("event").event.clone()
	else {
		panic!("create emits MsaCreatedWithHandle")
	};
	(msa_id, suffix)
}

/// `key` creates `base` with its first available suffix; returns the signature and the payload
/// it submitted, to submit them again.
pub fn create_for_replay(
	key: &Key,
	base: &str,
) -> (MultiSignature, CreateHandlePayload<BlockNumber>) {
	let payload = create_payload(base, available_suffix(base));
	let signature = key.sign_payload(&payload);
	assert_ok!(try_create_with_signature(key, signature.clone(), payload.clone()));
	(signature, payload)
}

/// A retire payload for `msa_id` expiring 10 blocks from now.
pub fn retire_payload(msa_id: MsaId) -> RetireHandlePayload<BlockNumber> {
	RetireHandlePayload {
		msa_id,
		handle: current_handle(msa_id).unwrap_or_default().try_into().unwrap(),
		expiration: System::block_number() + 10,
	}
}

/// The display handle MSA `msa_id` holds now, as the chain shows it.
pub fn current_handle(msa_id: MsaId) -> Option<Vec<u8>> {
	MsaHandles::<Test>::get(msa_id).map(|r| r.display())
}

/// `key` retires the handle of `msa_id`.
pub fn retire(key: &Key, msa_id: MsaId) {
	assert_ok!(try_retire(key, retire_payload(msa_id)));
}

/// `key` changes the handle of `msa_id` to `base.suffix`.
pub fn change(key: &Key, msa_id: MsaId, base: &str, suffix: Suffix) {
	assert_ok!(try_change(key, change_payload(msa_id, base, suffix)));
}

/// `from` transfers `msa_id` to `to`, both signing.
pub fn transfer(from: &Key, to: &Key, msa_id: MsaId) {
	assert_ok!(try_transfer(from, to, transfer_payload(msa_id, to)));
}

/// `key` signs `payload` and a sponsor submits `create_handle` with `key` as owner.
pub fn try_create(
	key: &Key,
	payload: CreateHandlePayload<BlockNumber>,
) -> DispatchResultWithPostInfo {
	try_create_signed_by(key, key, payload)
}

/// `signer` signs `payload` and a sponsor submits `create_handle` with `owner` as owner.
pub fn try_create_signed_by(
	owner: &Key,
	signer: &Key,
	payload: CreateHandlePayload<BlockNumber>,
) -> DispatchResultWithPostInfo {
	try_create_with_signature(owner, signer.sign_payload(&payload), payload)
}

/// A sponsor submits `create_handle` with `owner` as owner and `signature` as it is.
pub fn try_create_with_signature(
	owner: &Key,
	signature: MultiSignature,
	payload: CreateHandlePayload<BlockNumber>,
) -> DispatchResultWithPostInfo {
	Handles::create_handle(sponsor(), owner.account(), signature, payload)
}

/// `key` signs `payload` and a sponsor submits `retire_handle` with `key` as owner.
pub fn try_retire(
	key: &Key,
	payload: RetireHandlePayload<BlockNumber>,
) -> DispatchResultWithPostInfo {
	try_retire_signed_by(key, key, payload)
}

/// `signer` signs `payload` and a sponsor submits `retire_handle` with `owner` as owner.
pub fn try_retire_signed_by(
	owner: &Key,
	signer: &Key,
	payload: RetireHandlePayload<BlockNumber>,
) -> DispatchResultWithPostInfo {
	try_retire_with_signature(owner, signer.sign_payload(&payload), payload)
}

/// A sponsor submits `retire_handle` with `owner` as owner and `signature` as it is.
pub fn try_retire_with_signature(
	owner: &Key,
	signature: MultiSignature,
	payload: RetireHandlePayload<BlockNumber>,
) -> DispatchResultWithPostInfo {
	Handles::retire_handle(sponsor(), owner.account(), signature, payload)
}

/// `key` signs `payload` and a sponsor submits `change_handle` with `key` as owner.
pub fn try_change(
	key: &Key,
	payload: ChangeHandlePayload<BlockNumber>,
) -> DispatchResultWithPostInfo {
	try_change_signed_by(key, key, payload)
}

/// `signer` signs `payload` and a sponsor submits `change_handle` with `owner` as owner.
pub fn try_change_signed_by(
	owner: &Key,
	signer: &Key,
	payload: ChangeHandlePayload<BlockNumber>,
) -> DispatchResultWithPostInfo {
	try_change_with_signature(owner, signer.sign_payload(&payload), payload)
}

/// A sponsor submits `change_handle` with `owner` as owner and `signature` as it is.
pub fn try_change_with_signature(
	owner: &Key,
	signature: MultiSignature,
	payload: ChangeHandlePayload<BlockNumber>,
) -> DispatchResultWithPostInfo {
	Handles::change_handle(sponsor(), owner.account(), signature, payload)
}

/// `owner` and `new_owner` both sign `payload` and a sponsor submits `transfer_ownership`.
pub fn try_transfer(
	owner: &Key,
	new_owner: &Key,
	payload: TransferOwnershipPayload<AccountId, BlockNumber>,
) -> DispatchResultWithPostInfo {
	try_transfer_signed_by(owner, owner, new_owner, new_owner, payload)
}

/// `owner_signer` signs `payload` in the owner's place and `new_owner_signer` in the new
/// owner's, and a sponsor submits `transfer_ownership` from `owner` to `new_owner`.
pub fn try_transfer_signed_by(
	owner: &Key,
	owner_signer: &Key,
	new_owner: &Key,
	new_owner_signer: &Key,
	payload: TransferOwnershipPayload<AccountId, BlockNumber>,
) -> DispatchResultWithPostInfo {
	let owner_signature = owner_signer.sign_payload(&payload);
	let new_owner_signature = new_owner_signer.sign_payload(&payload);
	try_transfer_with_signatures(owner, owner_signature, new_owner, new_owner_signature, payload)
}

/// A sponsor submits `transfer_ownership` from `owner` to `new_owner` with both signatures as
/// they are.
pub fn try_transfer_with_signatures(
	owner: &Key,
	owner_signature: MultiSignature,
	new_owner: &Key,
	new_owner_signature: MultiSignature,
	payload: TransferOwnershipPayload<AccountId, BlockNumber>,
) -> DispatchResultWithPostInfo {
	Handles::transfer_ownership(
		sponsor(),
		owner.account(),
		owner_signature,
		new_owner.account(),
		new_owner_signature,
		payload,
	)
}

/// A change payload for `msa_id` to `base.suffix` expiring 10 blocks from now.
pub fn change_payload(
	msa_id: MsaId,
	base: &str,
	suffix: Suffix,
) -> ChangeHandlePayload<BlockNumber> {
	ChangeHandlePayload {
		msa_id,
		old_handle: current_handle(msa_id).map(|h| h.try_into().unwrap()),
		new_base_handle: base.as_bytes().to_vec().try_into().unwrap(),
		new_suffix: suffix,
		expiration: System::block_number() + 10,
	}
}

/// A transfer payload of `msa_id` to `new_owner` expiring 10 blocks from now.
pub fn transfer_payload(
	msa_id: MsaId,
	new_owner: &Key,
) -> TransferOwnershipPayload<AccountId, BlockNumber> {
	TransferOwnershipPayload {
		msa_id,
		owner: MsaOwner::<Test>::get(msa_id).unwrap_or_else(|| AccountId32::new([0; 32])),
		new_owner: new_owner.account(),
		expiration: System::block_number() + 10,
	}
}

/// Hooks trait in scope for tests that call `integrity_test`.
pub fn integrity_test() {
	<Handles as frame_support::traits::Hooks<BlockNumber>>::integrity_test();
}
