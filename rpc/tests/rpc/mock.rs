//! A mock client: a two-block chain (genesis and best) whose `HandlesApi` answers from fixed data
//! that differs per block, and that logs every runtime call with the block it was made at.

use std::sync::{Arc, Mutex};

use codec::Encode;
use handles_rpc::{Handles, HandlesApiServer};
use jsonrpsee::RpcModule;
use pallet_handles_runtime_api::{
	HandleInfo, HandlesApi, MsaForHandle, OwnedMsa, QueryError, SeedInfo, Settings, SigningPayload,
	SuffixOffer, SuffixOptions, TooManyLookups, ValidationResult,
};
use sp_api::{ApiError, ApiRef, ProvideRuntimeApi};
use sp_blockchain::{BlockStatus, HeaderBackend, Info};
use sp_core::{crypto::Ss58Codec, H256};
use sp_runtime::{
	generic,
	traits::{BlakeTwo256, Block as BlockT, Header as HeaderT},
	AccountId32, OpaqueExtrinsic,
};

pub type Header = generic::Header<u32, BlakeTwo256>;
pub type Block = generic::Block<Header, OpaqueExtrinsic>;

/// Genesis: no handles yet.
pub const GENESIS: H256 = H256::repeat_byte(0x11);
/// Best block (number 7): Alice holds `Alice.4821` (MSA 77) and a retired MSA 78; Bob holds
/// `bob.1001` (MSA 90).
pub const BEST: H256 = H256::repeat_byte(0x22);
/// A hash the chain does not know.
pub const UNKNOWN: H256 = H256::repeat_byte(0x33);
pub const BEST_NUMBER: u32 = 7;

/// `//Alice` (sr25519) in the default SS58 format 42.
pub const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
/// `//Alice` in the Polkadot SS58 format 0: the same account.
pub const ALICE_POLKADOT: &str = "15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5";
/// `//Bob` (sr25519) in format 42.
pub const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
/// `//Charlie` (sr25519) in format 42: owns nothing.
pub const CHARLIE: &str = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";

pub fn account(ss58: &str) -> AccountId32 {
	AccountId32::from_ss58check(ss58).expect("test address is valid SS58")
}

/// One runtime call: the block it was made at and the method, with its argument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Call {
	pub at: H256,
	pub method: &'static str,
	pub arg: Vec<u8>,
}

/// Chain client of the tests.
#[derive(Clone, Default)]
pub struct MockClient {
	pub calls: Arc<Mutex<Vec<Call>>>,
}

impl MockClient {
	pub fn calls(&self) -> Vec<Call> {
		self.calls.lock().unwrap().clone()
	}
}

/// The `handles` RPC module over a fresh mock client, and the client (to read its call log).
pub fn module() -> (RpcModule<Handles<MockClient, Block>>, MockClient) {
	let client = MockClient::default();
	(Handles::<MockClient, Block>::new(Arc::new(client.clone())).into_rpc(), client)
}

pub struct MockRuntimeApi {
	calls: Arc<Mutex<Vec<Call>>>,
}

impl MockRuntimeApi {
	fn log(&self, at: H256, method: &'static str, arg: &[u8]) {
		self.calls.lock().unwrap().push(Call { at, method, arg: arg.to_vec() });
	}
}

impl ProvideRuntimeApi<Block> for MockClient {
	type Api = MockRuntimeApi;

	fn runtime_api(&self) -> ApiRef<'_, Self::Api> {
		MockRuntimeApi { calls: self.calls.clone() }.into()
	}
}

fn header(number: u32) -> Header {
	Header::new(
		number,
		Default::default(),
		Default::default(),
		Default::default(),
		Default::default(),
	)
}

impl HeaderBackend<Block> for MockClient {
	fn header(&self, hash: H256) -> sp_blockchain::Result<Option<Header>> {
		Ok(self.number(hash)?.map(header))
	}

	fn info(&self) -> Info<Block> {
		Info {
			best_hash: BEST,
			best_number: BEST_NUMBER,
			genesis_hash: GENESIS,
			finalized_hash: GENESIS,
			finalized_number: 0,
			finalized_state: None,
			number_leaves: 1,
			block_gap: None,
		}
	}

	fn status(&self, hash: H256) -> sp_blockchain::Result<BlockStatus> {
		Ok(if self.number(hash)?.is_some() { BlockStatus::InChain } else { BlockStatus::Unknown })
	}

	fn number(&self, hash: H256) -> sp_blockchain::Result<Option<u32>> {
		Ok(if hash == GENESIS {
			Some(0)
		} else if hash == BEST {
			Some(BEST_NUMBER)
		} else {
			None
		})
	}

	fn hash(&self, number: u32) -> sp_blockchain::Result<Option<H256>> {
		Ok(match number {
			0 => Some(GENESIS),
			BEST_NUMBER => Some(BEST),
			_ => None,
		})
	}
}

/// A toy canonical form: lowercase, Cyrillic `а` as Latin `a`.
fn toy_canonical(base: &str) -> String {
	base.to_lowercase().replace('а', "a")
}

/// Registered handles at a block: (msa id, owner, base, suffix, created at).
fn registry(at: H256) -> Vec<(u32, &'static str, &'static str, u32, u32)> {
	if at == BEST {
		vec![(77, ALICE, "Alice", 4821, 5), (90, BOB, "bob", 1001, 6)]
	} else {
		vec![]
	}
}

fn app_error(msg: &str) -> ApiError {
	ApiError::Application(msg.to_string().into())
}

/// The mock's suffix options at block `at`.
fn options_at(
	at: H256,
	base_handle: Vec<u8>,
) -> Result<Result<SuffixOptions, QueryError>, ApiError> {
	let Ok(base) = String::from_utf8(base_handle.clone()) else {
		return Ok(Err(QueryError::InvalidHandle(b"not UTF-8".to_vec())));
	};
	match base.as_str() {
		"boom" => return Err(app_error("wasm trap: unreachable")),
		"admin" => {
			return Ok(Err(QueryError::InvalidHandle(
				b"rule 5: `admin` is a reserved handle".to_vec(),
			)))
		}
		"badutf" => {
			return Ok(Ok(SuffixOptions {
				base_handle,
				canonical: vec![0xc3, 0x28],
				candidates: vec![],
				available: vec![],
			}))
		}
		_ => {}
	}
	let canonical = toy_canonical(&base);
	let taken: Vec<u32> = registry(at)
		.into_iter()
		.filter(|(_, _, b, _, _)| toy_canonical(b) == canonical)
		.map(|(_, _, _, s, _)| s)
		.collect();
	let candidates = vec![1001, 2002, 4821, 9999];
	let available = candidates.iter().copied().filter(|s| !taken.contains(s)).collect();
	Ok(Ok(SuffixOptions { base_handle, canonical: canonical.into_bytes(), candidates, available }))
}

/// The mock's current seed, next rotation and suffix range at block `at` (as `seed` and
/// `settings` answer).
fn seed_and_range(at: H256) -> ([u8; 32], u32, handles_rules::SuffixRange) {
	if at == BEST {
		([0xaa; 32], 101, handles_rules::SuffixRange::new(2000, 9999).expect("non-empty"))
	} else {
		([0x01; 32], 1, handles_rules::SuffixRange::new(1000, 9999).expect("non-empty"))
	}
}

/// The mock's `msa_for_handle` at block `at`.
#[allow(clippy::type_complexity)]
fn msa_for_handle_at(
	at: H256,
	display_handle: Vec<u8>,
) -> Result<Result<Option<MsaForHandle<AccountId32>>, QueryError>, ApiError> {
	let Ok(display) = String::from_utf8(display_handle) else {
		return Ok(Err(QueryError::MalformedDisplayHandle(b"not UTF-8".to_vec())));
	};
	match display.as_str() {
		"boom.1" => return Err(app_error("state pruned")),
		"badutf.1" => {
			return Ok(Ok(Some(MsaForHandle {
				msa_id: 1,
				owner: account(ALICE),
				handle: vec![0xff, 0xfe],
			})))
		}
		"odd.7" => {
			return Ok(Err(QueryError::MalformedDisplayHandle(
				b"suffix 7 is outside every range".to_vec(),
			)))
		}
		_ => {}
	}
	let Some((base, suffix)) = display.rsplit_once('.') else {
		return Ok(Err(QueryError::MalformedDisplayHandle(b"no dot".to_vec())));
	};
	if base.contains('.') {
		return Ok(Err(QueryError::InvalidHandle(b"rule 2: `.` is not allowed".to_vec())));
	}
	let suffix: u32 = suffix.parse().unwrap_or(u32::MAX);
	let canonical = toy_canonical(base);
	Ok(Ok(registry(at)
		.into_iter()
		.find(|(_, _, b, s, _)| toy_canonical(b) == canonical && *s == suffix)
		.map(|(msa_id, owner, b, s, _)| MsaForHandle {
			msa_id,
			owner: account(owner),
			handle: format!("{b}.{s}").into_bytes(),
		})))
}

/// The mock's `handle_for_msa` at block `at`.
fn handle_for_msa_at(
	at: H256,
	msa_id: u32,
) -> Result<Option<HandleInfo<AccountId32, u32>>, ApiError> {
	if msa_id == 666 {
		return Err(app_error("runtime panicked"));
	}
	Ok(registry(at).into_iter().find(|(id, ..)| *id == msa_id).map(
		|(_, owner, base, suffix, created_at)| HandleInfo {
			handle: format!("{base}.{suffix}").into_bytes(),
			base_handle: base.as_bytes().to_vec(),
			suffix,
			canonical: toy_canonical(base).into_bytes(),
			owner: account(owner),
			created_at,
		},
	))
}

/// The mock chain as the signing messages name it: `Handles`, genesis hash [`GENESIS`], format 42.
pub fn signing_chain() -> handles_signing::Chain<'static> {
	handles_signing::Chain { name: "Handles", genesis_hash: GENESIS.0, ss58_prefix: 42 }
}

/// The mock's `signing_message` at block `at`: as the runtime, the transfer's handle from the
/// registry at that block, and `MalformedDisplayHandle` for a display handle over
/// `MAX_DISPLAY_BYTES`. `boom.1` as a retired handle makes the runtime call fail.
fn signing_message_at(
	at: H256,
	payload: SigningPayload<AccountId32, u32>,
) -> Result<Result<Vec<u8>, QueryError>, ApiError> {
	use handles_signing::Message;
	let held = match &payload {
		SigningPayload::Transfer { msa_id, .. } => {
			handle_for_msa_at(at, *msa_id)?.map(|h| h.handle)
		}
		_ => None,
	};
	let message = match &payload {
		SigningPayload::Create { base_handle, suffix, expiration } => {
			Message::Create { base_handle, suffix: *suffix, expiration: *expiration }
		}
		SigningPayload::Retire { handle, .. } if handle == b"boom.1" => {
			return Err(app_error("wasm trap: unreachable"))
		}
		SigningPayload::Retire { msa_id, handle, expiration } => {
			if handle.len() > handles_rules::MAX_DISPLAY_BYTES {
				return Ok(Err(QueryError::MalformedDisplayHandle(
					b"display handle is too long".to_vec(),
				)));
			}
			Message::Retire { msa_id: *msa_id, handle, expiration: *expiration }
		}
		SigningPayload::Change { msa_id, old_handle, new_base_handle, new_suffix, expiration } => {
			Message::Change {
				msa_id: *msa_id,
				old_handle: old_handle.as_deref(),
				new_base_handle,
				new_suffix: *new_suffix,
				expiration: *expiration,
			}
		}
		SigningPayload::Transfer { msa_id, owner, new_owner, expiration } => Message::Transfer {
			msa_id: *msa_id,
			handle: held.as_deref(),
			owner: *AsRef::<[u8; 32]>::as_ref(owner),
			new_owner: *AsRef::<[u8; 32]>::as_ref(new_owner),
			expiration: *expiration,
		},
	};
	Ok(Ok(handles_signing::signing_message(&signing_chain(), &message).into_bytes()))
}

sp_api::mock_impl_runtime_apis! {
	impl HandlesApi<Block, AccountId32, u32> for MockRuntimeApi {
		#[advanced]
		fn seed(&self, at: <Block as BlockT>::Hash) -> Result<SeedInfo<u32>, ApiError> {
			self.log(at, "seed", &[]);
			let (current, next_rotation, _) = seed_and_range(at);
			let previous = if at == BEST { [0xbb; 32] } else { current };
			Ok(SeedInfo { current, previous, next_rotation })
		}

		#[advanced]
		fn suffix_options(
			&self,
			at: <Block as BlockT>::Hash,
			base_handle: Vec<u8>,
		) -> Result<Result<SuffixOptions, QueryError>, ApiError> {
			self.log(at, "suffix_options", &base_handle);
			options_at(at, base_handle)
		}

		#[advanced]
		fn suffix_offer(
			&self,
			at: <Block as BlockT>::Hash,
			base_handle: Vec<u8>,
		) -> Result<Result<SuffixOffer<u32>, QueryError>, ApiError> {
			self.log(at, "suffix_offer", &base_handle);
			Ok(options_at(at, base_handle)?.map(|o| {
				// As the runtime: the available suffixes that are not candidates under the
				// current seed expire at the next rotation.
				let (current, next_rotation, range) = seed_and_range(at);
				let current = match std::str::from_utf8(&o.canonical) {
					Ok(canonical) => handles_rules::candidates(&current, canonical, range).to_vec(),
					Err(_) => vec![],
				};
				let expiring = handles_rules::expiring(&o.available, &current);
				SuffixOffer {
					base_handle: o.base_handle,
					canonical: o.canonical,
					candidates: o.candidates,
					available: o.available,
					expiring,
					next_rotation,
				}
			}))
		}

		#[advanced]
		fn msa_for_handle(
			&self,
			at: <Block as BlockT>::Hash,
			display_handle: Vec<u8>,
		) -> Result<Result<Option<MsaForHandle<AccountId32>>, QueryError>, ApiError> {
			self.log(at, "msa_for_handle", &display_handle);
			msa_for_handle_at(at, display_handle)
		}

		#[advanced]
		fn handle_for_msa(
			&self,
			at: <Block as BlockT>::Hash,
			msa_id: u32,
		) -> Result<Option<HandleInfo<AccountId32, u32>>, ApiError> {
			self.log(at, "handle_for_msa", &msa_id.to_le_bytes());
			handle_for_msa_at(at, msa_id)
		}

		#[advanced]
		fn handles_for_owner(
			&self,
			at: <Block as BlockT>::Hash,
			owner: AccountId32,
		) -> Result<Vec<OwnedMsa>, ApiError> {
			self.log(at, "handles_for_owner", owner.as_ref());
			let mut owned: Vec<OwnedMsa> = registry(at)
				.into_iter()
				.filter(|(_, o, ..)| account(o) == owner)
				.map(|(msa_id, _, base, suffix, _)| OwnedMsa {
					msa_id,
					handle: Some(format!("{base}.{suffix}").into_bytes()),
				})
				.collect();
			if at == BEST && owner == account(ALICE) {
				// MSA 78 had its handle retired.
				owned.push(OwnedMsa { msa_id: 78, handle: None });
			}
			Ok(owned)
		}

		#[advanced]
		fn validate_handle(
			&self,
			at: <Block as BlockT>::Hash,
			base_handle: Vec<u8>,
		) -> Result<ValidationResult, ApiError> {
			self.log(at, "validate_handle", &base_handle);
			// As the runtime: the rules refuse an over-long base first.
			if base_handle.len() > handles_rules::MAX_BASE_BYTES {
				return Ok(ValidationResult {
					valid: false,
					canonical: None,
					error: Some(handles_rules::HandleError::TooLong.to_string().into_bytes()),
				});
			}
			let base = String::from_utf8_lossy(&base_handle);
			// At genesis nothing is reserved; at the best block `admin` is.
			let reserved = at == BEST && toy_canonical(&base) == "admin";
			let ok = base.chars().count() >= 2 &&
				base.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_');
			Ok(if ok && !reserved {
				ValidationResult {
					valid: true,
					canonical: Some(toy_canonical(&base).into_bytes()),
					error: None,
				}
			} else if reserved {
				ValidationResult {
					valid: false,
					canonical: None,
					error: Some(b"rule 5: reserved handle".to_vec()),
				}
			} else {
				ValidationResult {
					valid: false,
					canonical: None,
					error: Some(b"rule 3: character not allowed".to_vec()),
				}
			})
		}

		#[advanced]
		fn settings(&self, at: <Block as BlockT>::Hash) -> Result<Settings<u32>, ApiError> {
			self.log(at, "settings", &[]);
			Ok(Settings {
				suffix_min: seed_and_range(at).2.min(),
				suffix_max: seed_and_range(at).2.max(),
				reuse_cooldown: 100_800,
				seed_rotation_period: 100,
				max_payload_lifetime: 200,
			})
		}

		#[advanced]
		fn handles_for_msas(
			&self,
			at: <Block as BlockT>::Hash,
			msa_ids: Vec<u32>,
		) -> Result<Result<Vec<Option<HandleInfo<AccountId32, u32>>>, TooManyLookups>, ApiError> {
			self.log(at, "handles_for_msas", &msa_ids.encode());
			if let Err(e) = TooManyLookups::check(msa_ids.len()) {
				return Ok(Err(e));
			}
			Ok(Ok(msa_ids.into_iter().map(|id| handle_for_msa_at(at, id)).collect::<Result<_, _>>()?))
		}

		#[advanced]
		fn msas_for_handles(
			&self,
			at: <Block as BlockT>::Hash,
			display_handles: Vec<Vec<u8>>,
		) -> Result<Result<Vec<Option<MsaForHandle<AccountId32>>>, TooManyLookups>, ApiError> {
			self.log(at, "msas_for_handles", &display_handles.encode());
			if let Err(e) = TooManyLookups::check(display_handles.len()) {
				return Ok(Err(e));
			}
			// As the runtime: what the single lookup refuses is `None` in its place.
			let mut found = Vec::new();
			for display in display_handles {
				found.push(msa_for_handle_at(at, display)?.ok().flatten());
			}
			Ok(Ok(found))
		}

		#[advanced]
		fn signing_message(
			&self,
			at: <Block as BlockT>::Hash,
			payload: SigningPayload<AccountId32, u32>,
		) -> Result<Result<Vec<u8>, QueryError>, ApiError> {
			self.log(at, "signing_message", &payload.encode());
			signing_message_at(at, payload)
		}

		#[advanced]
		fn legacy_payload_deadline(&self, at: <Block as BlockT>::Hash) -> Result<u32, ApiError> {
			self.log(at, "legacy_payload_deadline", &[]);
			Ok(if at == BEST { 100_901 } else { 100_800 })
		}
	}
}
