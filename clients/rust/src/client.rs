//! A connection to a node: reads through the `HandlesApi` runtime API and storage, and the user
//! and governance calls signed, submitted and followed to a block.

use handles_rules::{format_display, parse_display};
use pallet_handles::{
	BaseHandle, ChangeHandlePayload, CreateHandlePayload, DisplayHandle, RetireHandlePayload,
	SignedPayload, TransferOwnershipPayload,
};
use pallet_handles_runtime_api::{
	HandleInfo, MsaForHandle, OwnedMsa, QueryError, SeedInfo, Settings, SuffixOptions,
	ValidationResult,
};
use sp_core::H256;
use sp_runtime::{AccountId32, MultiSignature};
use subxt::{
	client::{ClientAtBlock, OnlineClientAtBlockImpl},
	error::{DispatchError, TransactionEventsError},
	events::DecodeAsEvent,
	extrinsics::ExtrinsicEvents,
	tx::{Payload, TransactionStatus},
	utils::Static,
	OnlineClient, PolkadotConfig,
};

use crate::{
	error::{Error, Result},
	keys::{runtime_account, subxt_account, Keypair},
	runtime::{self, runtime_types},
};

/// The chain's configuration for subxt: `AccountId32`, `MultiSignature`, `MultiAddress<_, ()>`,
/// BLAKE2-256 and `u32` block numbers, as the runtime declares them.
pub type HandlesConfig = PolkadotConfig;

type AtBlock = ClientAtBlock<HandlesConfig, OnlineClientAtBlockImpl<HandlesConfig>>;

/// When a submitted transaction counts as done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wait {
	/// In a best block (may still be retracted on a network with forks).
	InBlock,
	/// In a finalized block.
	Finalized,
}

/// What happened to a submitted transaction so far, for a progress line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Progress {
	/// Signed and sent; its hash.
	Submitted(H256),
	/// In the node's pool, waiting for a block.
	InPool,
	/// Its block left the best chain; waiting for another.
	Retracted,
	/// In a best block.
	InBlock(H256),
	/// In a finalized block.
	Finalized(H256),
}

/// A transaction in a block, which succeeded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Included {
	/// The block's hash.
	pub block_hash: H256,
	/// The block's number.
	pub block_number: u32,
	/// Whether the block was finalized when this was returned.
	pub finalized: bool,
	/// The transaction's hash.
	pub extrinsic_hash: H256,
}

/// The suffix options of a base handle, with what `handles_getSuffixOptions` adds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
	/// Candidates, availability and the canonical form (`HandlesApi::suffix_options`).
	pub options: SuffixOptions,
	/// The available suffixes offered only under the previous seed: they stop being offered at
	/// `next_rotation`.
	pub expiring: Vec<u32>,
	/// The block at which the seeds rotate next.
	pub next_rotation: u32,
}

impl Options {
	/// The suffix a claim takes when none is asked for: the first available one that is not
	/// expiring, else the first available one.
	pub fn pick(&self) -> Option<u32> {
		let available = &self.options.available;
		available
			.iter()
			.copied()
			.find(|s| !self.expiring.contains(s))
			.or(available.first().copied())
	}

	/// The suffix a claim of `base` takes: `wanted` when it is available, else (with `None`)
	/// [`Self::pick`]; an error naming the available suffixes otherwise.
	pub fn choose(&self, base: &str, wanted: Option<u32>) -> Result<u32> {
		match wanted {
			Some(s) if self.options.available.contains(&s) => Ok(s),
			Some(s) => Err(Error::SuffixNotAvailable {
				handle: format_display(base, s),
				available: self.options.available.clone(),
			}),
			None => self.pick().ok_or_else(|| Error::NoSuffixAvailable { base: base.into() }),
		}
	}
}

/// A new MSA with its handle (`MsaCreatedWithHandle`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Created {
	/// The new MSA.
	pub msa_id: u32,
	/// Its owner.
	pub owner: AccountId32,
	/// Its display handle.
	pub handle: String,
	/// Where the claim landed.
	pub included: Included,
}

/// A retired handle (`HandleRetired`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Retired {
	/// The MSA.
	pub msa_id: u32,
	/// The display handle it held.
	pub handle: String,
	/// Where the call landed.
	pub included: Included,
}

/// A changed handle (`HandleChanged`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changed {
	/// The MSA (it keeps its id).
	pub msa_id: u32,
	/// Its previous display handle, if it held one.
	pub old_handle: Option<String>,
	/// Its new display handle.
	pub new_handle: String,
	/// Where the call landed.
	pub included: Included,
}

/// A moved MSA (`OwnershipTransferred`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transferred {
	/// The MSA.
	pub msa_id: u32,
	/// Its owner before.
	pub old_owner: AccountId32,
	/// Its owner now.
	pub new_owner: AccountId32,
	/// Where the call landed.
	pub included: Included,
}

/// The governance calls, submitted through `Sudo.sudo`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Governance {
	/// `set_handle_settings(suffix_min, suffix_max, reuse_cooldown)`.
	SetSettings {
		/// Lowest suffix of new claims.
		suffix_min: u32,
		/// Highest suffix of new claims.
		suffix_max: u32,
		/// Blocks a retired handle cools down.
		reuse_cooldown: u32,
	},
	/// `add_reserved_handle(base)`.
	AddReserved(String),
	/// `remove_reserved_handle(base)`.
	RemoveReserved(String),
	/// `force_retire_handle(msa_id)`.
	ForceRetire(u32),
}

/// A signed transaction, ready to submit (or to submit again: the same bytes can never be
/// included twice, since they carry the sponsor's nonce).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedTx {
	/// The SCALE-encoded extrinsic.
	pub bytes: Vec<u8>,
	/// Its hash.
	pub hash: H256,
	/// The sponsor nonce it carries.
	pub nonce: u64,
}

type Legacy = subxt::rpcs::LegacyRpcMethods<subxt::config::RpcConfigFor<HandlesConfig>>;

/// A client of one node.
#[derive(Clone)]
pub struct Client {
	api: OnlineClient<HandlesConfig>,
	rpc: Legacy,
	url: String,
}

fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

fn base_handle(base: &str) -> Result<BaseHandle> {
	BaseHandle::try_from(base.as_bytes().to_vec())
		.map_err(|_| Error::invalid(base, handles_rules::HandleError::TooLong))
}

fn display_handle(handle: &[u8]) -> Result<DisplayHandle> {
	DisplayHandle::try_from(handle.to_vec()).map_err(|_| Error::MalformedDisplayHandle {
		input: text(handle),
		message: "longer than any display handle".into(),
	})
}

fn query_error(input: &str, e: QueryError) -> Error {
	match e {
		QueryError::InvalidHandle(reason) => {
			match handles_rules::validate(input.as_bytes(), |_| false) {
				// The offline rules name the rule; the chain adds its reserved list.
				Err(e) => Error::invalid(input, e),
				Ok(_) => Error::InvalidHandle {
					base: input.to_string(),
					rule: handles_rules::HandleRule::Reserved,
					message: text(&reason),
				},
			}
		}
		QueryError::MalformedDisplayHandle(reason) => {
			Error::MalformedDisplayHandle { input: input.to_string(), message: text(&reason) }
		}
	}
}

/// The pallet error of a failed dispatch, by name.
fn dispatch_error(e: DispatchError) -> Error {
	match e {
		DispatchError::Module(module) => match module.details() {
			Ok(details) => Error::Failed {
				pallet: details.pallet.name().to_string(),
				error: details.variant.name.clone(),
				docs: details.variant.docs.join(" "),
			},
			Err(_) => Error::Dispatch(module.to_string()),
		},
		other => Error::Dispatch(other.to_string()),
	}
}

/// The chain's state at one block: every read of one operation comes from the same block.
struct Snapshot(AtBlock);

impl Snapshot {
	fn number(&self) -> u32 {
		self.0.block_number() as u32
	}

	async fn api<P: subxt::runtime_apis::Payload>(&self, call: P) -> Result<P::ReturnType> {
		self.0.runtime_apis().call(call).await.map_err(Error::node)
	}

	async fn seed(&self) -> Result<SeedInfo<u32>> {
		Ok(self.api(runtime::runtime_apis().handles_api().seed()).await?.0)
	}

	async fn settings(&self) -> Result<Settings<u32>> {
		Ok(self.api(runtime::runtime_apis().handles_api().settings()).await?.0)
	}

	/// Whether this block's runtime has `HandlesApi::suffix_offer` (version 2 of the API).
	fn has_suffix_offer(&self) -> bool {
		self.0
			.metadata_ref()
			.runtime_api_trait_by_name("HandlesApi")
			.is_some_and(|api| api.method_by_name("suffix_offer").is_some())
	}

	async fn options(&self, base: &str) -> Result<Options> {
		let apis = runtime::runtime_apis().handles_api();
		if self.has_suffix_offer() {
			// One runtime call answers everything.
			let offer = self
				.api(apis.suffix_offer(base.as_bytes().to_vec()))
				.await?
				.map_err(|e| query_error(base, e.0))?
				.0;
			return Ok(Options {
				options: SuffixOptions {
					base_handle: offer.base_handle,
					canonical: offer.canonical,
					candidates: offer.candidates,
					available: offer.available,
				},
				expiring: offer.expiring,
				next_rotation: offer.next_rotation,
			});
		}
		// A runtime before version 2 of the API: the seeds at the same block tell what expires.
		let options = self
			.api(apis.suffix_options(base.as_bytes().to_vec()))
			.await?
			.map_err(|e| query_error(base, e.0))?
			.0;
		let seed = self.seed().await?;
		let settings = self.settings().await?;
		let canonical = text(&options.canonical);
		let expiring =
			match handles_rules::SuffixRange::new(settings.suffix_min, settings.suffix_max) {
				Ok(range) => {
					let current = handles_rules::candidates(&seed.current, &canonical, range);
					options.available.iter().copied().filter(|s| !current.contains(s)).collect()
				}
				Err(_) => Vec::new(),
			};
		Ok(Options { options, expiring, next_rotation: seed.next_rotation })
	}

	async fn handle_for_msa(&self, msa_id: u32) -> Result<Option<HandleInfo<AccountId32, u32>>> {
		let found = self.api(runtime::runtime_apis().handles_api().handle_for_msa(msa_id)).await?;
		Ok(found.map(|Static(h)| HandleInfo {
			handle: h.handle,
			base_handle: h.base_handle,
			suffix: h.suffix,
			canonical: h.canonical,
			owner: runtime_account(&h.owner),
			created_at: h.created_at,
		}))
	}

	async fn msa_owner(&self, msa_id: u32) -> Result<Option<AccountId32>> {
		let address = runtime::storage().handles().msa_owner();
		let value = self.0.storage().try_fetch(address, (msa_id,)).await.map_err(Error::node)?;
		match value {
			Some(v) => Ok(Some(runtime_account(&v.decode().map_err(Error::node)?))),
			None => Ok(None),
		}
	}

	/// `(nonce, free balance)` of an account (storage `System.Account`).
	async fn account(&self, account: &AccountId32) -> Result<(u64, u128)> {
		let address = runtime::storage().system().account();
		let info = self
			.0
			.storage()
			.fetch(address, (subxt_account(account),))
			.await
			.map_err(Error::node)?
			.decode()
			.map_err(Error::node)?;
		Ok((info.nonce.into(), info.data.free))
	}

	async fn payload_used(&self, key: [u8; 32]) -> Result<bool> {
		let address = runtime::storage().handles().replay_entries();
		let value = self.0.storage().try_fetch(address, (key,)).await.map_err(Error::node)?;
		Ok(value.is_some())
	}

	/// The expiration a new payload gets: half the payload lifetime after this block, so it is
	/// still valid when the transaction lands.
	fn expiration(&self, settings: &Settings<u32>) -> u32 {
		self.number().saturating_add(settings.max_payload_lifetime / 2)
	}
}

/// The `create_handle` call of an owner's signed payload.
pub fn create_call(
	owner: &AccountId32,
	signature: MultiSignature,
	payload: CreateHandlePayload<u32>,
) -> impl Payload {
	runtime::tx().handles().create_handle(subxt_account(owner), Static(signature), Static(payload))
}

/// The created MSA of a `create_handle` that succeeded, from its events.
pub fn created(included: Included, events: &ExtrinsicEvents<HandlesConfig>) -> Result<Created> {
	let event = first_event::<runtime::handles::events::MsaCreatedWithHandle>(events)?;
	Ok(Created {
		msa_id: event.msa_id,
		owner: runtime_account(&event.owner),
		handle: text(&event.handle),
		included,
	})
}

fn first_event<E: DecodeAsEvent>(events: &ExtrinsicEvents<HandlesConfig>) -> Result<E> {
	match events.find_first::<E>() {
		Some(event) => event.map_err(Error::node),
		None => Err(Error::Node("the call succeeded without its event".into())),
	}
}

/// `payload` with `owner`'s signature over its message on the chain `genesis`.
fn signed<P: SignedPayload>(
	genesis: &H256,
	owner: &Keypair,
	payload: P,
) -> (subxt::utils::AccountId32, Static<MultiSignature>, Static<P>) {
	let signature = owner.sign(&pallet_handles::signed_message(genesis, &payload));
	(subxt_account(&owner.account_id()), Static(signature), Static(payload))
}

impl Client {
	/// Connects to the node at `url` (`ws://` or `wss://`; `http(s)://` is taken as its
	/// WebSocket twin).
	pub async fn connect(url: &str) -> Result<Self> {
		let ws = if let Some(rest) = url.strip_prefix("http://") {
			format!("ws://{rest}")
		} else if let Some(rest) = url.strip_prefix("https://") {
			format!("wss://{rest}")
		} else {
			url.to_string()
		};
		let unreachable = |e: &dyn std::fmt::Display| Error::Unreachable {
			url: url.into(),
			reason: e.to_string(),
		};
		let rpc =
			subxt::rpcs::RpcClient::from_insecure_url(&ws).await.map_err(|e| unreachable(&e))?;
		// The legacy JSON-RPC methods: reads at a block hash, no pinning. The `chainHead_v1`
		// methods subxt prefers need each block pinned in a follow subscription, and a client
		// under load (200 concurrent requests, a block every 250 ms) kept being handed finalized
		// blocks whose headers were unpinned already.
		let backend = subxt::backend::LegacyBackend::builder().build(rpc.clone());
		let api = OnlineClient::<HandlesConfig>::from_backend(std::sync::Arc::new(backend))
			.await
			.map_err(|e| unreachable(&e))?;
		Ok(Self { api, rpc: Legacy::new(rpc), url: url.to_string() })
	}

	/// The URL this client was given.
	pub fn url(&self) -> &str {
		&self.url
	}

	/// The subxt client, for anything this crate does not wrap.
	pub fn api(&self) -> &OnlineClient<HandlesConfig> {
		&self.api
	}

	/// The chain's genesis hash (every signed payload names it).
	pub fn genesis_hash(&self) -> H256 {
		H256(self.api.genesis_hash().0)
	}

	/// The latest finalized block.
	async fn current(&self) -> Result<AtBlock> {
		self.api.at_current_block().await.map_err(Error::node)
	}

	/// Every read of one operation: [`Self::current`].
	async fn at(&self) -> Result<Snapshot> {
		self.current().await.map(Snapshot)
	}

	/// The number of the latest finalized block.
	pub async fn finalized_number(&self) -> Result<u32> {
		Ok(self.at().await?.number())
	}

	/// `HandlesApi::seed`: the two seeds and the next rotation.
	pub async fn seed(&self) -> Result<SeedInfo<u32>> {
		self.at().await?.seed().await
	}

	/// `HandlesApi::settings`: range, cooldown, rotation period and payload lifetime.
	pub async fn settings(&self) -> Result<Settings<u32>> {
		self.at().await?.settings().await
	}

	/// `HandlesApi::validate_handle`: the rules and this chain's reserved list.
	pub async fn validate(&self, base: &str) -> Result<ValidationResult> {
		let call = runtime::runtime_apis().handles_api().validate_handle(base.as_bytes().to_vec());
		Ok(self.at().await?.api(call).await?.0)
	}

	/// The suffix options of `base` (invalid handles are an [`Error::InvalidHandle`]), with the
	/// expiring ones and the next rotation, all read at one block.
	pub async fn suffix_options(&self, base: &str) -> Result<Options> {
		let at = self.at().await?;
		at.options(base).await
	}

	/// `HandlesApi::msa_for_handle`: the MSA holding a display handle or any look-alike of it.
	pub async fn msa_for_handle(&self, display: &str) -> Result<Option<MsaForHandle<AccountId32>>> {
		let call =
			runtime::runtime_apis().handles_api().msa_for_handle(display.as_bytes().to_vec());
		let found = self.at().await?.api(call).await?.map_err(|e| query_error(display, e.0))?;
		Ok(found.map(|m| MsaForHandle {
			msa_id: m.msa_id,
			owner: runtime_account(&m.owner),
			handle: m.0.handle,
		}))
	}

	/// `HandlesApi::handle_for_msa`: the handle an MSA holds, or `None`.
	pub async fn handle_for_msa(
		&self,
		msa_id: u32,
	) -> Result<Option<HandleInfo<AccountId32, u32>>> {
		self.at().await?.handle_for_msa(msa_id).await
	}

	/// The owner of an MSA (storage `Handles.MsaOwner`), or `None` when it does not exist.
	pub async fn msa_owner(&self, msa_id: u32) -> Result<Option<AccountId32>> {
		self.at().await?.msa_owner(msa_id).await
	}

	/// `HandlesApi::handles_for_owner`: an account's MSAs and their handles.
	pub async fn handles_for_owner(&self, owner: &AccountId32) -> Result<Vec<OwnedMsa>> {
		let call = runtime::runtime_apis().handles_api().handles_for_owner(subxt_account(owner));
		let owned = self.at().await?.api(call).await?;
		Ok(owned.into_iter().map(|Static(o)| o).collect())
	}

	/// Free balance of an account (storage `System.Account`).
	pub async fn free_balance(&self, account: &AccountId32) -> Result<u128> {
		Ok(self.at().await?.account(account).await?.1)
	}

	/// The nonce of an account at the latest finalized block: every transaction of it with a
	/// lower nonce is in a finalized block.
	pub async fn finalized_nonce(&self, account: &AccountId32) -> Result<u64> {
		Ok(self.at().await?.account(account).await?.0)
	}

	/// The expiration a new payload gets: half the payload lifetime after the finalized block,
	/// so it is still valid when the transaction lands.
	pub async fn default_expiration(&self) -> Result<u32> {
		let at = self.at().await?;
		Ok(at.expiration(&at.settings().await?))
	}

	/// The bytes `owner` signs for `payload` on this chain (raw form; see
	/// [`pallet_handles::signed_message`]).
	pub fn message<P: SignedPayload>(&self, payload: &P) -> Vec<u8> {
		pallet_handles::signed_message(&self.genesis_hash(), payload)
	}

	/// The next nonce of `account`, counting its transactions in the node's pool
	/// (`system_accountNextIndex`), so transactions sent one after the other never share one.
	pub async fn next_nonce(&self, account: &AccountId32) -> Result<u64> {
		self.rpc.system_account_next_index(&subxt_account(account)).await.map_err(Error::node)
	}

	/// Checks a create payload as the chain will when its call lands: the rules, the payload's
	/// lifetime with `margin` blocks to land in, the owner's signature (raw or wrapped), that
	/// it was not used before and that its suffix is available. A sponsor runs this before it
	/// pays for someone else's claim. Refusals are [`Error::WouldFail`] with the pallet error
	/// the call would fail with, or [`Error::InvalidHandle`] / [`Error::SuffixNotAvailable`].
	pub async fn check_create(
		&self,
		owner: &AccountId32,
		signature: &MultiSignature,
		payload: &CreateHandlePayload<u32>,
		margin: u32,
	) -> Result<Options> {
		let base = &text(&payload.base_handle);
		handles_rules::validate(&payload.base_handle, |_| false)
			.map_err(|e| Error::invalid(base, e))?;
		let at = self.at().await?;
		let settings = at.settings().await?;
		let now = at.number();
		if payload.expiration < now.saturating_add(margin) {
			return Err(Error::WouldFail {
				error: "PayloadExpired",
				message: format!(
					"the payload expires at block {}, too soon to land (finalized block {now})",
					payload.expiration
				),
			});
		}
		if payload.expiration > now.saturating_add(settings.max_payload_lifetime) {
			return Err(Error::WouldFail {
				error: "PayloadExpirationTooFar",
				message: format!(
					"the payload expires at block {}, more than {} blocks after block {now}",
					payload.expiration, settings.max_payload_lifetime
				),
			});
		}
		let message = self.message(payload);
		if pallet_handles::verify_signature(signature, owner, &message).is_none() {
			return Err(Error::WouldFail {
				error: "InvalidSignature",
				message: format!("the signature is not {owner}'s over this payload on this chain"),
			});
		}
		if at.payload_used(pallet_handles::replay_key(&message, owner)).await? {
			return Err(Error::WouldFail {
				error: "PayloadReplayed",
				message: "this signed payload has taken effect already".into(),
			});
		}
		let options = at.options(base).await?;
		options.choose(base, Some(payload.suffix))?;
		Ok(options)
	}

	/// Signs `call` with `sponsor`. With `nonce: None` it takes the next nonce (pool included)
	/// and the transaction is mortal (subxt's default period). With a nonce it is immortal and
	/// signed without asking the node anything but the current block: the bytes stay valid
	/// until that nonce is used, so they can be stored and sent again (a sponsor's restart).
	pub async fn sign<Call: Payload>(
		&self,
		call: &Call,
		sponsor: &Keypair,
		nonce: Option<u64>,
	) -> Result<SignedTx> {
		let rejected = |e: subxt::error::ExtrinsicError| Error::Rejected(e.to_string());
		let builder = subxt::config::DefaultExtrinsicParamsBuilder::<HandlesConfig>::new();
		let at = self.current().await?;
		let mut transactions = at.transactions();
		let (tx, nonce) = match nonce {
			Some(nonce) => {
				let params = builder.nonce(nonce).immortal().build();
				let mut signable =
					transactions.create_signable_offline(call, params).map_err(rejected)?;
				(signable.sign(sponsor).map_err(rejected)?, nonce)
			}
			None => {
				let nonce = self.next_nonce(&sponsor.account_id()).await?;
				let params = builder.nonce(nonce).build();
				let tx =
					transactions.create_signed(call, sponsor, params).await.map_err(rejected)?;
				(tx, nonce)
			}
		};
		Ok(SignedTx { hash: H256(tx.hash().0), bytes: tx.into_encoded(), nonce })
	}

	/// Submits a signed transaction and follows it until `wait`; `progress` hears each step.
	/// Returns where it landed, or the pallet's error by name when it failed.
	pub async fn follow(
		&self,
		tx: &SignedTx,
		wait: Wait,
		progress: &mut (dyn FnMut(Progress) + Send),
	) -> Result<(Included, ExtrinsicEvents<HandlesConfig>)> {
		let at = self.current().await?;
		let submittable = at.transactions().from_bytes(tx.bytes.clone());
		let mut watch =
			submittable.submit_and_watch().await.map_err(|e| Error::Rejected(e.to_string()))?;
		progress(Progress::Submitted(tx.hash));
		while let Some(status) = watch.next().await {
			let (in_block, finalized) = match status.map_err(Error::node)? {
				TransactionStatus::Validated | TransactionStatus::Broadcasted => {
					progress(Progress::InPool);
					continue;
				}
				TransactionStatus::NoLongerInBestBlock => {
					progress(Progress::Retracted);
					continue;
				}
				TransactionStatus::InBestBlock(in_block) => {
					progress(Progress::InBlock(H256(in_block.block_hash().0)));
					if wait == Wait::Finalized {
						continue;
					}
					(in_block, false)
				}
				TransactionStatus::InFinalizedBlock(in_block) => {
					progress(Progress::Finalized(H256(in_block.block_hash().0)));
					(in_block, true)
				}
				TransactionStatus::Invalid { message } | TransactionStatus::Dropped { message } => {
					return Err(Error::Rejected(message))
				}
				TransactionStatus::Error { message } => return Err(Error::Node(message)),
			};
			let events = in_block.wait_for_success().await.map_err(|e| match e {
				TransactionEventsError::ExtrinsicFailed(e) => dispatch_error(e),
				other => Error::node(other),
			})?;
			let block = self.api.at_block(in_block.block_hash()).await.map_err(Error::node)?;
			let included = Included {
				block_hash: H256(in_block.block_hash().0),
				block_number: block.block_number() as u32,
				finalized,
				extrinsic_hash: tx.hash,
			};
			return Ok((included, events));
		}
		Err(Error::Node("the node ended the transaction's status stream".into()))
	}

	/// Signs `call` with `sponsor`, submits it and follows it until `wait` ([`Self::follow`]).
	/// A sponsor without funds is refused before anything is signed.
	pub async fn submit<Call: Payload>(
		&self,
		call: &Call,
		sponsor: &Keypair,
		wait: Wait,
		progress: &mut (dyn FnMut(Progress) + Send),
	) -> Result<(Included, ExtrinsicEvents<HandlesConfig>)> {
		if self.free_balance(&sponsor.account_id()).await? == 0 {
			return Err(Error::NoFunds { account: sponsor.account_id().to_string() });
		}
		let tx = self.sign(call, sponsor, None).await?;
		self.follow(&tx, wait, progress).await
	}

	/// Submits `call` and returns the first event `E` it emitted.
	async fn submit_for<Call: Payload, E: DecodeAsEvent>(
		&self,
		call: &Call,
		sponsor: &Keypair,
		wait: Wait,
		progress: &mut (dyn FnMut(Progress) + Send),
	) -> Result<(Included, E)> {
		let (included, events) = self.submit(call, sponsor, wait, progress).await?;
		Ok((included, first_event::<E>(&events)?))
	}

	/// The create payload an owner signs for `base` (`suffix` as [`Options::choose`] takes it),
	/// expiring half the payload lifetime after the finalized block; all read at that block.
	/// Invalid handles and suffixes that are not available are refused.
	pub async fn create_payload(
		&self,
		base: &str,
		suffix: Option<u32>,
	) -> Result<CreateHandlePayload<u32>> {
		handles_rules::validate(base.as_bytes(), |_| false).map_err(|e| Error::invalid(base, e))?;
		let at = self.at().await?;
		let settings = at.settings().await?;
		let suffix = at.options(base).await?.choose(base, suffix)?;
		Ok(CreateHandlePayload {
			base_handle: base_handle(base)?,
			suffix,
			expiration: at.expiration(&settings),
		})
	}

	/// Creates an MSA with the handle `base.suffix` owned by `owner`, paid for by `sponsor`
	/// (which may be `owner`). With `suffix: None` it takes the first available suffix that is
	/// not expiring. Invalid handles and suffixes that are not available are refused before
	/// anything is signed.
	pub async fn claim(
		&self,
		owner: &Keypair,
		sponsor: &Keypair,
		base: &str,
		suffix: Option<u32>,
		wait: Wait,
		progress: &mut (dyn FnMut(Progress) + Send),
	) -> Result<Created> {
		let payload = self.create_payload(base, suffix).await?;
		let signature = owner.sign(&self.message(&payload));
		let call = create_call(&owner.account_id(), signature, payload);
		let (included, events) = self.submit(&call, sponsor, wait, progress).await?;
		created(included, &events)
	}

	/// The owner key's MSA `msa_id` and the handle it holds now (checked before signing).
	async fn owned(
		at: &Snapshot,
		owner: &Keypair,
		msa_id: u32,
	) -> Result<Option<HandleInfo<AccountId32, u32>>> {
		let on_chain = at.msa_owner(msa_id).await?.ok_or(Error::UnknownMsa(msa_id))?;
		if on_chain != owner.account_id() {
			return Err(Error::NotOwner {
				msa_id,
				owner: on_chain.to_string(),
				key: owner.account_id().to_string(),
			});
		}
		at.handle_for_msa(msa_id).await
	}

	/// Retires the handle MSA `msa_id` holds now; `owner` signs, `sponsor` pays.
	pub async fn retire(
		&self,
		owner: &Keypair,
		sponsor: &Keypair,
		msa_id: u32,
		wait: Wait,
		progress: &mut (dyn FnMut(Progress) + Send),
	) -> Result<Retired> {
		let at = self.at().await?;
		let info = Self::owned(&at, owner, msa_id).await?.ok_or(Error::NoHandle(msa_id))?;
		let payload = RetireHandlePayload {
			msa_id,
			handle: display_handle(&info.handle)?,
			expiration: at.expiration(&at.settings().await?),
		};
		let (account, signature, payload) = signed(&self.genesis_hash(), owner, payload);
		let call = runtime::tx().handles().retire_handle(account, signature, payload);
		let (included, event) = self
			.submit_for::<_, runtime::handles::events::HandleRetired>(
				&call, sponsor, wait, progress,
			)
			.await?;
		Ok(Retired { msa_id: event.msa_id, handle: text(&event.handle), included })
	}

	/// Gives MSA `msa_id` the handle `(new_base, new_suffix)` (or restyles it when only the
	/// spelling changes); `owner` signs, `sponsor` pays. With `new_suffix: None` it keeps the
	/// current suffix when the new base is a restyle, else takes the first available one.
	pub async fn change(
		&self,
		owner: &Keypair,
		sponsor: &Keypair,
		msa_id: u32,
		(new_base, new_suffix): (&str, Option<u32>),
		wait: Wait,
		progress: &mut (dyn FnMut(Progress) + Send),
	) -> Result<Changed> {
		let valid = handles_rules::validate(new_base.as_bytes(), |_| false)
			.map_err(|e| Error::invalid(new_base, e))?;
		let at = self.at().await?;
		let settings = at.settings().await?;
		let old = Self::owned(&at, owner, msa_id).await?;
		// A restyle keeps canonical form and suffix: no option check on the chain either.
		let restyle_suffix = match &old {
			Some(info) if text(&info.canonical) == valid.canonical => Some(info.suffix),
			_ => None,
		};
		let suffix = match (new_suffix, restyle_suffix) {
			(Some(s), Some(r)) if s == r => s,
			(None, Some(r)) => r,
			(wanted, _) => at.options(new_base).await?.choose(new_base, wanted)?,
		};
		let payload = ChangeHandlePayload {
			msa_id,
			old_handle: old.as_ref().map(|info| display_handle(&info.handle)).transpose()?,
			new_base_handle: base_handle(new_base)?,
			new_suffix: suffix,
			expiration: at.expiration(&settings),
		};
		let (account, signature, payload) = signed(&self.genesis_hash(), owner, payload);
		let call = runtime::tx().handles().change_handle(account, signature, payload);
		let (included, event) = self
			.submit_for::<_, runtime::handles::events::HandleChanged>(
				&call, sponsor, wait, progress,
			)
			.await?;
		Ok(Changed {
			msa_id: event.msa_id,
			old_handle: event.old_handle.as_deref().map(text),
			new_handle: text(&event.new_handle),
			included,
		})
	}

	/// Moves MSA `msa_id` from `owner` to `new_owner`; both sign, `sponsor` pays.
	pub async fn transfer(
		&self,
		owner: &Keypair,
		new_owner: &Keypair,
		sponsor: &Keypair,
		msa_id: u32,
		wait: Wait,
		progress: &mut (dyn FnMut(Progress) + Send),
	) -> Result<Transferred> {
		let at = self.at().await?;
		Self::owned(&at, owner, msa_id).await?;
		let payload = TransferOwnershipPayload {
			msa_id,
			owner: subxt_account(&owner.account_id()),
			new_owner: subxt_account(&new_owner.account_id()),
			expiration: at.expiration(&at.settings().await?),
		};
		let message = self.message(&payload);
		let call = runtime::tx().handles().transfer_ownership(
			subxt_account(&owner.account_id()),
			Static(owner.sign(&message)),
			subxt_account(&new_owner.account_id()),
			Static(new_owner.sign(&message)),
			Static(payload),
		);
		let (included, event) = self
			.submit_for::<_, runtime::handles::events::OwnershipTransferred>(
				&call, sponsor, wait, progress,
			)
			.await?;
		Ok(Transferred {
			msa_id: event.msa_id,
			old_owner: runtime_account(&event.old_owner),
			new_owner: runtime_account(&event.new_owner),
			included,
		})
	}

	/// Submits a governance call through `Sudo.sudo`, signed by the sudo key; fails with the
	/// inner call's error by name when the call itself failed.
	pub async fn govern(
		&self,
		sudo: &Keypair,
		call: Governance,
		wait: Wait,
		progress: &mut (dyn FnMut(Progress) + Send),
	) -> Result<Included> {
		use runtime_types::pallet_handles::pallet::Call as HandlesCall;
		let bounded = |base: &str| {
			base_handle(base).map(|b| {
				runtime_types::bounded_collections::bounded_vec::BoundedVec(b.into_inner())
			})
		};
		let inner = match call {
			Governance::SetSettings { suffix_min, suffix_max, reuse_cooldown } => {
				HandlesCall::set_handle_settings { suffix_min, suffix_max, reuse_cooldown }
			}
			Governance::AddReserved(base) => {
				HandlesCall::add_reserved_handle { base: bounded(&base)? }
			}
			Governance::RemoveReserved(base) => {
				HandlesCall::remove_reserved_handle { base: bounded(&base)? }
			}
			Governance::ForceRetire(msa_id) => HandlesCall::force_retire_handle { msa_id },
		};
		let call =
			runtime::tx().sudo().sudo(runtime_types::handles_runtime::RuntimeCall::Handles(inner));
		let (included, event) =
			self.submit_for::<_, runtime::sudo::events::Sudid>(&call, sudo, wait, progress).await?;
		match event.sudo_result {
			Ok(()) => Ok(included),
			Err(e) => Err(self.runtime_dispatch_error(e).await),
		}
	}

	/// The error of a dispatch result that a pallet reports in an event (`Sudid`), by name.
	async fn runtime_dispatch_error(&self, e: runtime_types::sp_runtime::DispatchError) -> Error {
		use runtime_types::sp_runtime::DispatchError as E;
		match e {
			E::Module(m) => {
				let metadata = match self.current().await {
					Ok(at) => at.metadata(),
					Err(e) => return e,
				};
				let found = metadata.pallet_by_error_index(m.index).and_then(|pallet| {
					let variant = pallet.error_variant_by_index(m.error[0])?;
					Some(Error::Failed {
						pallet: pallet.name().to_string(),
						error: variant.name.clone(),
						docs: variant.docs.join(" "),
					})
				});
				found.unwrap_or_else(|| Error::Dispatch(format!("module error {m:?}")))
			}
			other => Error::Dispatch(format!("{other:?}")),
		}
	}
}

/// The display handle `input` parsed as the rules crate does (`Alice.4821`, or look-alikes with
/// other decimal digits), for a clear error before asking the node.
pub fn check_display(input: &str) -> Result<()> {
	parse_display(input.as_bytes()).map(|_| ()).map_err(|e| Error::MalformedDisplayHandle {
		input: input.to_string(),
		message: e.to_string(),
	})
}
