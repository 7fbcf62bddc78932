//! Runtime API implementations.

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	traits::Get,
	weights::Weight,
	BoundedVec,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

use super::{
	AccountId, Aura, Balance, Block, Executive, Grandpa, InherentDataExt, Nonce, Runtime,
	RuntimeCall, RuntimeGenesisConfig, SessionKeys, System, TransactionPayment, VERSION,
};
use super::{BlockNumber, Handles};
use pallet_handles_runtime_api::{
	HandleInfo, MsaForHandle, OwnedMsa, QueryError, SeedInfo, Settings, SigningPayload,
	SuffixOffer, SuffixOptions, TooManyLookups, ValidationResult,
};

/// `HandlesApi::signing_message`: the text an owner signs for `payload` on this chain, as UTF-8
/// bytes: the pallet's readable message (`pallet_handles::Pallet::readable_message_for`), the one
/// it verifies signatures against. The chain is named by the pallet's `HandlesChainName`, the
/// genesis hash and `SS58Prefix`; a transfer shows the MSA's display handle at this block.
/// Handles longer than any call takes are refused.
fn signing_message(payload: SigningPayload<AccountId, BlockNumber>) -> Result<Vec<u8>, QueryError> {
	use pallet_handles::{
		ChangeHandlePayload, CreateHandlePayload, RetireHandlePayload, TransferOwnershipPayload,
	};

	let text = match payload {
		SigningPayload::Create { base_handle, suffix, expiration } => {
			Handles::readable_message_for(&CreateHandlePayload {
				base_handle: bounded_base(base_handle)?,
				suffix,
				expiration,
			})
		}
		SigningPayload::Retire { msa_id, handle, expiration } => {
			Handles::readable_message_for(&RetireHandlePayload {
				msa_id,
				handle: bounded_display(handle)?,
				expiration,
			})
		}
		SigningPayload::Change { msa_id, old_handle, new_base_handle, new_suffix, expiration } => {
			Handles::readable_message_for(&ChangeHandlePayload {
				msa_id,
				old_handle: old_handle.map(bounded_display).transpose()?,
				new_base_handle: bounded_base(new_base_handle)?,
				new_suffix,
				expiration,
			})
		}
		SigningPayload::Transfer { msa_id, owner, new_owner, expiration } => {
			Handles::readable_message_for(&TransferOwnershipPayload {
				msa_id,
				owner,
				new_owner,
				expiration,
			})
		}
	};
	// `u32` blocks, 32-byte accounts and hashes: every payload of this runtime has a readable form.
	Ok(text.unwrap_or_else(|| {
		frame_support::defensive!("a payload of this runtime without a readable form");
		Vec::new()
	}))
}

/// A base handle no longer than a call's payload takes.
fn bounded_base<S: Get<u32>>(base: Vec<u8>) -> Result<BoundedVec<u8, S>, QueryError> {
	bounded(base, "base handle", QueryError::InvalidHandle)
}

/// A display handle no longer than a call's payload takes.
fn bounded_display<S: Get<u32>>(display: Vec<u8>) -> Result<BoundedVec<u8, S>, QueryError> {
	bounded(display, "display handle", QueryError::MalformedDisplayHandle)
}

/// `bytes` when at most `S` long, else the error `refuse` makes of a sentence naming `what`.
fn bounded<S: Get<u32>>(
	bytes: Vec<u8>,
	what: &str,
	refuse: fn(Vec<u8>) -> QueryError,
) -> Result<BoundedVec<u8, S>, QueryError> {
	let len = bytes.len();
	BoundedVec::try_from(bytes).map_err(|_| {
		let max = S::get();
		refuse(alloc::format!("{what} is {len} bytes, at most {max} are allowed").into_bytes())
	})
}

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			// A handles user call is also run and rolled back (`pool_validity`): one that would
			// fail is refused before anyone pays, and each payload provides its replay key.
			let handles_call = match &tx.function {
				RuntimeCall::Handles(call) => Some(call.clone()),
				_ => None,
			};
			let valid = Executive::validate_transaction(source, tx, block_hash)?;
			match handles_call.map(|call| Handles::pool_validity(&call)).transpose()?.flatten() {
				Some(checked) => Ok(valid.combine_with(checked)),
				None => Ok(valid),
			}
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			// The key owner proof type is uninhabited (no session pallet, no equivocation reports).
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_handles_runtime_api::HandlesApi<Block, AccountId, BlockNumber> for Runtime {
		fn seed() -> SeedInfo<BlockNumber> {
			Handles::seed()
		}
		fn suffix_options(base_handle: Vec<u8>) -> Result<SuffixOptions, QueryError> {
			Handles::suffix_options(base_handle)
		}
		fn suffix_offer(base_handle: Vec<u8>) -> Result<SuffixOffer<BlockNumber>, QueryError> {
			Handles::suffix_offer(base_handle)
		}
		fn msa_for_handle(display_handle: Vec<u8>) -> Result<Option<MsaForHandle<AccountId>>, QueryError> {
			Handles::msa_for_handle(display_handle)
		}
		fn handle_for_msa(msa_id: u32) -> Option<HandleInfo<AccountId, BlockNumber>> {
			Handles::handle_for_msa(msa_id)
		}
		fn handles_for_owner(owner: AccountId) -> Vec<OwnedMsa> {
			Handles::handles_for_owner(owner)
		}
		fn validate_handle(base_handle: Vec<u8>) -> ValidationResult {
			Handles::validate_handle(base_handle)
		}
		fn settings() -> Settings<BlockNumber> {
			Handles::settings()
		}
		fn handles_for_msas(msa_ids: Vec<u32>) -> Result<Vec<Option<HandleInfo<AccountId, BlockNumber>>>, TooManyLookups> {
			Handles::handles_for_msas(msa_ids)
		}
		fn msas_for_handles(display_handles: Vec<Vec<u8>>) -> Result<Vec<Option<MsaForHandle<AccountId>>>, TooManyLookups> {
			Handles::msas_for_handles(display_handles)
		}
		fn signing_message(payload: SigningPayload<AccountId, BlockNumber>) -> Result<Vec<u8>, QueryError> {
			signing_message(payload)
		}
		fn legacy_payload_deadline() -> BlockNumber {
			Handles::legacy_payload_deadline()
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::Pallet as SystemBench;
			use super::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);

			let storage_info = AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::BenchmarkBatch;
			use frame_support::traits::{TrackedStorageKey, WhitelistedStorageKeys};
			use frame_system_benchmarking::Pallet as SystemBench;
			use super::*;

			impl frame_system_benchmarking::Config for Runtime {}

			let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// try-runtime is an offline tool: a failed check must stop it with a backtrace.
			let weight = Executive::try_runtime_upgrade(checks).unwrap();
			(weight, super::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.expect("execute-block failed")
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}
}

#[cfg(test)]
mod signing_tests {
	use super::*;
	use crate::RuntimeOrigin;
	use codec::{Decode, Encode};
	use pallet_handles::{
		ChangeHandlePayload, CreateHandlePayload, HandleRecord, HandlesPayload, MsaHandles,
		MsaOwner, RetireHandlePayload, TransferOwnershipPayload,
	};
	use sp_keyring::Sr25519Keyring::{Alice, Bob};
	use sp_runtime::BuildStorage;

	const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
	const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

	/// A fresh chain: frame_system's genesis stores `[69; 32]` as the hash of block 0.
	fn ext() -> sp_io::TestExternalities {
		frame_system::GenesisConfig::<Runtime>::default().build_storage().unwrap().into()
	}

	fn text(payload: SigningPayload<AccountId, BlockNumber>) -> Result<String, QueryError> {
		signing_message(payload).map(|bytes| String::from_utf8(bytes).unwrap())
	}

	fn tail(expiration: u32) -> String {
		format!("\nChain: Handles 0x{}\nValid until block: {expiration}", "45".repeat(32))
	}

	#[test]
	fn signing_payloads_encode_as_the_pallets_payloads() {
		let display = || b"Alice.4821".to_vec().try_into().unwrap();
		let pairs: Vec<(
			SigningPayload<AccountId, BlockNumber>,
			HandlesPayload<AccountId, BlockNumber>,
		)> = vec![
			(
				SigningPayload::Create {
					base_handle: b"Alice".to_vec(),
					suffix: 4821,
					expiration: 9,
				},
				HandlesPayload::Create(CreateHandlePayload {
					base_handle: b"Alice".to_vec().try_into().unwrap(),
					suffix: 4821,
					expiration: 9,
				}),
			),
			(
				SigningPayload::Retire { msa_id: 7, handle: b"Alice.4821".to_vec(), expiration: 9 },
				HandlesPayload::Retire(RetireHandlePayload {
					msa_id: 7,
					handle: display(),
					expiration: 9,
				}),
			),
			(
				SigningPayload::Change {
					msa_id: 7,
					old_handle: Some(b"Alice.4821".to_vec()),
					new_base_handle: b"Bob".to_vec(),
					new_suffix: 2002,
					expiration: 9,
				},
				HandlesPayload::Change(ChangeHandlePayload {
					msa_id: 7,
					old_handle: Some(display()),
					new_base_handle: b"Bob".to_vec().try_into().unwrap(),
					new_suffix: 2002,
					expiration: 9,
				}),
			),
			(
				SigningPayload::Transfer {
					msa_id: 7,
					owner: Alice.to_account_id(),
					new_owner: Bob.to_account_id(),
					expiration: 9,
				},
				HandlesPayload::Transfer(TransferOwnershipPayload {
					msa_id: 7,
					owner: Alice.to_account_id(),
					new_owner: Bob.to_account_id(),
					expiration: 9,
				}),
			),
		];
		for (ours, pallets) in pairs {
			assert_eq!(ours.encode(), pallets.encode());
			assert_eq!(SigningPayload::decode(&mut &pallets.encode()[..]).unwrap(), ours);
		}
	}

	#[test]
	fn messages_name_this_chain_its_genesis_hash_and_the_call() {
		ext().execute_with(|| {
			let claim = SigningPayload::Create {
				base_handle: b"Alice".to_vec(),
				suffix: 4821,
				expiration: 1234,
			};
			assert_eq!(text(claim).unwrap(), format!("Handles: claim Alice.4821{}", tail(1234)));
			let retire =
				SigningPayload::Retire { msa_id: 3, handle: b"Alice.4821".to_vec(), expiration: 5 };
			assert_eq!(
				text(retire).unwrap(),
				format!("Handles: retire Alice.4821 of MSA 3{}", tail(5))
			);
			let change = SigningPayload::Change {
				msa_id: 3,
				old_handle: None,
				new_base_handle: b"Bob".to_vec(),
				new_suffix: 2002,
				expiration: 5,
			};
			assert_eq!(
				text(change).unwrap(),
				format!("Handles: change MSA 3 from no handle to Bob.2002{}", tail(5))
			);
		});
	}

	#[test]
	fn a_transfer_shows_the_handle_the_msa_holds_at_this_block() {
		ext().execute_with(|| {
			let transfer = || SigningPayload::Transfer {
				msa_id: 3,
				owner: Alice.to_account_id(),
				new_owner: Bob.to_account_id(),
				expiration: 1234,
			};
			assert_eq!(
				text(transfer()).unwrap(),
				format!("Handles: transfer MSA 3 (no handle) from {ALICE} to {BOB}{}", tail(1234))
			);
			MsaOwner::<Runtime>::insert(3, Alice.to_account_id());
			MsaHandles::<Runtime>::insert(
				3,
				HandleRecord {
					base: b"alice".to_vec().try_into().unwrap(),
					suffix: 4821,
					canonical: b"allce".to_vec().try_into().unwrap(),
					created_at: 1,
				},
			);
			assert_eq!(
				text(transfer()).unwrap(),
				format!("Handles: transfer MSA 3 (alice.4821) from {ALICE} to {BOB}{}", tail(1234))
			);
		});
	}

	#[test]
	fn the_pallet_accepts_this_text_signed_by_a_wallet_and_by_an_ethereum_key() {
		use frame_support::assert_ok;
		use sp_core::{ecdsa::KeccakPair, Pair};
		use sp_runtime::{traits::IdentifyAccount, MultiSignature, MultiSigner};

		ext().execute_with(|| {
			System::set_block_number(1);
			let claim = |base: &[u8], owner: AccountId, sign: &dyn Fn(&[u8]) -> MultiSignature| {
				let suffix = Handles::suffix_options(base.to_vec()).unwrap().available[0];
				let payload =
					SigningPayload::Create { base_handle: base.to_vec(), suffix, expiration: 10 };
				let signature = sign(&signing_message(payload).unwrap());
				let payload = CreateHandlePayload {
					base_handle: base.to_vec().try_into().unwrap(),
					suffix,
					expiration: 10,
				};
				let sponsor = RuntimeOrigin::signed(Bob.to_account_id());
				Handles::create_handle(sponsor, owner, signature, payload)
			};
			// polkadot.js, Talisman, SubWallet: the text in <Bytes>..</Bytes>.
			let wallet = |text: &[u8]| Alice.sign(&handles_signing::wrap_bytes(text)).into();
			assert_ok!(claim(b"alice", Alice.to_account_id(), &wallet));
			// MetaMask's personal_sign: EIP-191. The account is sp-runtime's Ethereum account:
			// keccak-256 of the compressed public key, its last 20 bytes, then twelve 0xEE.
			let eth = KeccakPair::from_seed(&[0x42; 32]);
			let account = MultiSigner::Eth(eth.public()).into_account();
			let bytes: &[u8; 32] = account.as_ref();
			assert_eq!(
				sp_core::hexdisplay::HexDisplay::from(bytes).to_string(),
				"2714c48edc39bc2714729e6530760d62344d6698eeeeeeeeeeeeeeeeeeeeeeee"
			);
			let metamask =
				|text: &[u8]| MultiSignature::Eth(eth.sign(&handles_signing::eip191(text)));
			assert_ok!(claim(b"ether", account.clone(), &metamask));
			assert_eq!(Handles::handles_for_owner(account).len(), 1);
		});
	}

	#[test]
	fn handles_longer_than_any_call_takes_are_refused() {
		ext().execute_with(|| {
			let base = |n: usize| SigningPayload::Create {
				base_handle: vec![b'a'; n],
				suffix: 1,
				expiration: 1,
			};
			assert!(text(base(handles_rules::MAX_BASE_BYTES)).is_ok());
			assert_eq!(
				text(base(handles_rules::MAX_BASE_BYTES + 1)),
				Err(QueryError::InvalidHandle(
					b"base handle is 33 bytes, at most 32 are allowed".to_vec()
				))
			);
			let display = |n: usize| SigningPayload::Change {
				msa_id: 1,
				old_handle: Some(vec![b'a'; n]),
				new_base_handle: b"Bob".to_vec(),
				new_suffix: 1,
				expiration: 1,
			};
			assert!(text(display(handles_rules::MAX_DISPLAY_BYTES)).is_ok());
			assert!(matches!(
				text(display(handles_rules::MAX_DISPLAY_BYTES + 1)),
				Err(QueryError::MalformedDisplayHandle(_))
			));
			let retire =
				SigningPayload::Retire { msa_id: 1, handle: vec![b'a'; 100], expiration: 1 };
			assert!(matches!(text(retire), Err(QueryError::MalformedDisplayHandle(_))));
		});
	}
}
