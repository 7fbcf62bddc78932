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
use sp_runtime::AccountId32;
use subxt::{
	client::{ClientAtBlock, OnlineClientAtBlockImpl},
	error::{DispatchError, TransactionEventsError},
	events::DecodeAsEvent,
	extrinsics::ExtrinsicEvents,
	tx::{DefaultParams, Payload, TransactionStatus},
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

/// A client of one node.
#[derive(Clone)]
pub struct Client {
	api: OnlineClient<HandlesConfig>,
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
		let unreachable = |e: subxt::error::OnlineClientError| Error::Unreachable {
			url: url.to_string(),
			reason: e.to_string(),
		};
		let api =
			OnlineClient::<HandlesConfig>::from_insecure_url(&ws).await.map_err(unreachable)?;
		Ok(Self { api, url: url.to_string() })
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

	async fn at(&self) -> Result<AtBlock> {
		self.api.at_current_block().await.map_err(Error::node)
	}

	/// The number of the latest finalized block.
	pub async fn finalized_number(&self) -> Result<u32> {
		Ok(self.at().await?.block_number() as u32)
	}

	/// `HandlesApi::seed`: the two seeds and the next rotation.
	pub async fn seed(&self) -> Result<SeedInfo<u32>> {
		let call = runtime::runtime_apis().handles_api().seed();
		Ok(self.at().await?.runtime_apis().call(call).await.map_err(Error::node)?.0)
	}

	/// `HandlesApi::settings`: range, cooldown, rotation period and payload lifetime.
	pub async fn settings(&self) -> Result<Settings<u32>> {
		let call = runtime::runtime_apis().handles_api().settings();
		Ok(self.at().await?.runtime_apis().call(call).await.map_err(Error::node)?.0)
	}

	/// `HandlesApi::validate_handle`: the rules and this chain's reserved list.
	pub async fn validate(&self, base: &str) -> Result<ValidationResult> {
		let call = runtime::runtime_apis().handles_api().validate_handle(base.as_bytes().to_vec());
		Ok(self.at().await?.runtime_apis().call(call).await.map_err(Error::node)?.0)
	}

	/// The suffix options of `base` (invalid handles are an [`Error::InvalidHandle`]), with the
	/// expiring ones and the next rotation, all read at one block.
	pub async fn suffix_options(&self, base: &str) -> Result<Options> {
		let at = self.at().await?;
		let apis = runtime::runtime_apis().handles_api();
		let options = at
			.runtime_apis()
			.call(apis.suffix_options(base.as_bytes().to_vec()))
			.await
			.map_err(Error::node)?
			.map_err(|e| query_error(base, e.0))?
			.0;
		let seed = at.runtime_apis().call(apis.seed()).await.map_err(Error::node)?.0;
		let settings = at.runtime_apis().call(apis.settings()).await.map_err(Error::node)?.0;
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

	/// `HandlesApi::msa_for_handle`: the MSA holding a display handle or any look-alike of it.
	pub async fn msa_for_handle(&self, display: &str) -> Result<Option<MsaForHandle<AccountId32>>> {
		let call =
			runtime::runtime_apis().handles_api().msa_for_handle(display.as_bytes().to_vec());
		let found = self
			.at()
			.await?
			.runtime_apis()
			.call(call)
			.await
			.map_err(Error::node)?
			.map_err(|e| query_error(display, e.0))?;
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
		let call = runtime::runtime_apis().handles_api().handle_for_msa(msa_id);
		let found = self.at().await?.runtime_apis().call(call).await.map_err(Error::node)?;
		Ok(found.map(|Static(h)| HandleInfo {
			handle: h.handle,
			base_handle: h.base_handle,
			suffix: h.suffix,
			canonical: h.canonical,
			owner: runtime_account(&h.owner),
			created_at: h.created_at,
		}))
	}

	/// The owner of an MSA (storage `Handles.MsaOwner`), or `None` when it does not exist.
	pub async fn msa_owner(&self, msa_id: u32) -> Result<Option<AccountId32>> {
		let address = runtime::storage().handles().msa_owner();
		let at = self.at().await?;
		let value = at.storage().try_fetch(address, (msa_id,)).await.map_err(Error::node)?;
		match value {
			Some(v) => Ok(Some(runtime_account(&v.decode().map_err(Error::node)?))),
			None => Ok(None),
		}
	}

	/// `HandlesApi::handles_for_owner`: an account's MSAs and their handles.
	pub async fn handles_for_owner(&self, owner: &AccountId32) -> Result<Vec<OwnedMsa>> {
		let call = runtime::runtime_apis().handles_api().handles_for_owner(subxt_account(owner));
		let owned = self.at().await?.runtime_apis().call(call).await.map_err(Error::node)?;
		Ok(owned.into_iter().map(|Static(o)| o).collect())
	}

	/// Free balance of an account (storage `System.Account`).
	pub async fn free_balance(&self, account: &AccountId32) -> Result<u128> {
		let address = runtime::storage().system().account();
		let at = self.at().await?;
		let info = at
			.storage()
			.fetch(address, (subxt_account(account),))
			.await
			.map_err(Error::node)?
			.decode()
			.map_err(Error::node)?;
		Ok(info.data.free)
	}

	/// The expiration a new payload gets: half the payload lifetime after the finalized block,
	/// so it is still valid when the transaction lands.
	pub async fn default_expiration(&self) -> Result<u32> {
		let settings = self.settings().await?;
		Ok(self.finalized_number().await?.saturating_add(settings.max_payload_lifetime / 2))
	}

	/// The bytes `owner` signs for `payload` on this chain (raw form; see
	/// [`pallet_handles::signed_message`]).
	pub fn message<P: SignedPayload>(&self, payload: &P) -> Vec<u8> {
		pallet_handles::signed_message(&self.genesis_hash(), payload)
	}

	/// Signs `call` with `sponsor`, submits it and follows it until `wait`; `progress` hears each
	/// step. Returns where it landed, or the pallet's error by name when it failed.
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
		let at = self.at().await?;
		let mut transactions = at.transactions();
		let tx = transactions
			.create_signed(call, sponsor, DefaultParams::default_params())
			.await
			.map_err(|e| Error::Rejected(e.to_string()))?;
		let extrinsic_hash = H256(tx.hash().0);
		let mut watch = tx.submit_and_watch().await.map_err(|e| Error::Rejected(e.to_string()))?;
		progress(Progress::Submitted(extrinsic_hash));
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
				extrinsic_hash,
			};
			return Ok((included, events));
		}
		Err(Error::Node("the node ended the transaction's status stream".into()))
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
		match events.find_first::<E>() {
			Some(event) => Ok((included, event.map_err(Error::node)?)),
			None => Err(Error::Node("the call succeeded without its event".into())),
		}
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
		handles_rules::validate(base.as_bytes(), |_| false).map_err(|e| Error::invalid(base, e))?;
		let options = self.suffix_options(base).await?;
		let suffix = match suffix {
			Some(s) if options.options.available.contains(&s) => s,
			Some(s) => {
				return Err(Error::SuffixNotAvailable {
					handle: format_display(base, s),
					available: options.options.available,
				})
			}
			None => options.pick().ok_or_else(|| Error::NoSuffixAvailable { base: base.into() })?,
		};
		let payload = CreateHandlePayload {
			base_handle: base_handle(base)?,
			suffix,
			expiration: self.default_expiration().await?,
		};
		let signature = owner.sign(&self.message(&payload));
		let call = runtime::tx().handles().create_handle(
			subxt_account(&owner.account_id()),
			Static(signature),
			Static(payload),
		);
		let (included, event) = self
			.submit_for::<_, runtime::handles::events::MsaCreatedWithHandle>(
				&call, sponsor, wait, progress,
			)
			.await?;
		Ok(Created {
			msa_id: event.msa_id,
			owner: runtime_account(&event.owner),
			handle: text(&event.handle),
			included,
		})
	}

	/// The owner key's MSA `msa_id` and the handle it holds now (checked before signing).
	async fn owned(&self, owner: &Keypair, msa_id: u32) -> Result<Option<Vec<u8>>> {
		let on_chain = self.msa_owner(msa_id).await?.ok_or(Error::UnknownMsa(msa_id))?;
		if on_chain != owner.account_id() {
			return Err(Error::NotOwner {
				msa_id,
				owner: on_chain.to_string(),
				key: owner.account_id().to_string(),
			});
		}
		Ok(self.handle_for_msa(msa_id).await?.map(|h| h.handle))
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
		let handle = self.owned(owner, msa_id).await?.ok_or(Error::NoHandle(msa_id))?;
		let payload = RetireHandlePayload {
			msa_id,
			handle: display_handle(&handle)?,
			expiration: self.default_expiration().await?,
		};
		let signature = owner.sign(&self.message(&payload));
		let call = runtime::tx().handles().retire_handle(
			subxt_account(&owner.account_id()),
			Static(signature),
			Static(payload),
		);
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
		let old = self.owned(owner, msa_id).await?;
		// A restyle keeps canonical form and suffix: no option check on the chain either.
		let restyle_suffix = match (&old, self.handle_for_msa(msa_id).await?) {
			(Some(_), Some(info)) if text(&info.canonical) == valid.canonical => Some(info.suffix),
			_ => None,
		};
		let suffix = match (new_suffix, restyle_suffix) {
			(Some(s), Some(r)) if s == r => s,
			(None, Some(r)) => r,
			(wanted, _) => {
				let options = self.suffix_options(new_base).await?;
				match wanted {
					Some(s) if options.options.available.contains(&s) => s,
					Some(s) => {
						return Err(Error::SuffixNotAvailable {
							handle: format_display(new_base, s),
							available: options.options.available,
						})
					}
					None => options
						.pick()
						.ok_or_else(|| Error::NoSuffixAvailable { base: new_base.into() })?,
				}
			}
		};
		let payload = ChangeHandlePayload {
			msa_id,
			old_handle: old.as_deref().map(display_handle).transpose()?,
			new_base_handle: base_handle(new_base)?,
			new_suffix: suffix,
			expiration: self.default_expiration().await?,
		};
		let signature = owner.sign(&self.message(&payload));
		let call = runtime::tx().handles().change_handle(
			subxt_account(&owner.account_id()),
			Static(signature),
			Static(payload),
		);
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
		self.owned(owner, msa_id).await?;
		let payload = TransferOwnershipPayload {
			msa_id,
			owner: subxt_account(&owner.account_id()),
			new_owner: subxt_account(&new_owner.account_id()),
			expiration: self.default_expiration().await?,
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
				let metadata = match self.at().await {
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
