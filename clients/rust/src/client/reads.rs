//! Reads at one block: the `HandlesApi` runtime API and storage. Every read of one operation
//! comes from the same block (a [`Snapshot`]); the [`Client`]'s reads each take the latest
//! finalized block.

use handles_rules::parse_display;
use pallet_handles_runtime_api::{
	HandleInfo, MsaForHandle, OwnedMsa, SeedInfo, Settings, SuffixOptions, TooManyLookups,
	ValidationResult, MAX_BATCH_LOOKUPS,
};
use sp_core::H256;
use sp_runtime::AccountId32;
use subxt::utils::Static;

use super::{AtBlock, Client, Options};
use crate::{
	error::{Error, Result},
	json::text,
	keys::{runtime_account, subxt_account},
	runtime,
};

/// The chain's state at one block: every read of one operation comes from the same block.
pub(super) struct Snapshot(AtBlock);

impl Snapshot {
	/// The block's number.
	pub(super) fn number(&self) -> u32 {
		self.0.block_number() as u32
	}

	/// The block's hash.
	pub(super) fn hash(&self) -> H256 {
		H256(self.0.block_hash().0)
	}

	async fn api<P: subxt::runtime_apis::Payload>(&self, call: P) -> Result<P::ReturnType> {
		self.0.runtime_apis().call(call).await.map_err(Error::node)
	}

	/// `HandlesApi::seed`.
	pub(super) async fn seed(&self) -> Result<SeedInfo<u32>> {
		Ok(self.api(runtime::runtime_apis().handles_api().seed()).await?.0)
	}

	/// `HandlesApi::settings`.
	pub(super) async fn settings(&self) -> Result<Settings<u32>> {
		Ok(self.api(runtime::runtime_apis().handles_api().settings()).await?.0)
	}

	/// Whether this block's runtime has the `HandlesApi` method `name`.
	fn has_method(&self, name: &str) -> bool {
		self.0
			.metadata_ref()
			.runtime_api_trait_by_name("HandlesApi")
			.is_some_and(|api| api.method_by_name(name).is_some())
	}

	/// Whether this block's runtime has `HandlesApi::suffix_offer` (version 2 of the API).
	fn has_suffix_offer(&self) -> bool {
		self.has_method("suffix_offer")
	}

	/// `HandlesApi::legacy_payload_deadline` (version 5 of the API): the last block of legacy
	/// payload signatures; `None` at a block of a runtime before it (no deadline).
	pub(super) async fn legacy_payload_deadline(&self) -> Result<Option<u32>> {
		if !self.has_method("legacy_payload_deadline") {
			return Ok(None);
		}
		let call = runtime::runtime_apis().handles_api().legacy_payload_deadline();
		Ok(Some(self.api(call).await?))
	}

	/// Whether this block's runtime has the batch lookups (version 3 of the API).
	fn has_batch_lookups(&self) -> bool {
		self.has_method("handles_for_msas")
	}

	/// The suffix options of `base` with the expiring ones and the next rotation.
	pub(super) async fn options(&self, base: &str) -> Result<Options> {
		let apis = runtime::runtime_apis().handles_api();
		if self.has_suffix_offer() {
			// One runtime call answers everything.
			let offer = self
				.api(apis.suffix_offer(base.as_bytes().to_vec()))
				.await?
				.map_err(|e| Error::query(base, e.0))?
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
			.map_err(|e| Error::query(base, e.0))?
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

	/// `HandlesApi::handle_for_msa`.
	pub(super) async fn handle_for_msa(
		&self,
		msa_id: u32,
	) -> Result<Option<HandleInfo<AccountId32, u32>>> {
		let found = self.api(runtime::runtime_apis().handles_api().handle_for_msa(msa_id)).await?;
		Ok(found.map(|Static(h)| handle_info(h)))
	}

	/// `HandlesApi::handles_for_msas`: [`Self::handle_for_msa`] of each id, in order, one runtime
	/// call per [`MAX_BATCH_LOOKUPS`] ids (one single call per id on a runtime before version 3).
	pub(super) async fn handles_for_msas(
		&self,
		msa_ids: &[u32],
	) -> Result<Vec<Option<HandleInfo<AccountId32, u32>>>> {
		let mut found = Vec::with_capacity(msa_ids.len());
		if !self.has_batch_lookups() {
			for id in msa_ids {
				found.push(self.handle_for_msa(*id).await?);
			}
			return Ok(found);
		}
		for batch in msa_ids.chunks(MAX_BATCH_LOOKUPS as usize) {
			let call = runtime::runtime_apis().handles_api().handles_for_msas(batch.to_vec());
			let answers = self.api(call).await?.map_err(too_many)?;
			found.extend(answers.into_iter().map(|h| h.map(|Static(h)| handle_info(h))));
		}
		Ok(found)
	}

	/// `HandlesApi::msas_for_handles`: the MSA each display handle (or a look-alike) resolves to,
	/// in order, `None` where none does or the handle is malformed; one runtime call per
	/// [`MAX_BATCH_LOOKUPS`] handles (one single call per handle on a runtime before version 3).
	pub(super) async fn msas_for_handles(
		&self,
		displays: &[&str],
	) -> Result<Vec<Option<MsaForHandle<AccountId32>>>> {
		let mut found = Vec::with_capacity(displays.len());
		if !self.has_batch_lookups() {
			// As version 3 answers: `None` for what the single lookup refuses.
			for display in displays {
				let well_formed = parse_display(display.as_bytes())
					.is_ok_and(|(base, _)| base.len() <= handles_rules::MAX_BASE_BYTES);
				let one = if well_formed {
					let call = runtime::runtime_apis()
						.handles_api()
						.msa_for_handle(display.as_bytes().to_vec());
					self.api(call).await?.ok().flatten().map(|Static(m)| msa_for_handle(m))
				} else {
					None
				};
				found.push(one);
			}
			return Ok(found);
		}
		for batch in displays.chunks(MAX_BATCH_LOOKUPS as usize) {
			let batch = batch.iter().map(|d| d.as_bytes().to_vec()).collect();
			let call = runtime::runtime_apis().handles_api().msas_for_handles(batch);
			let answers = self.api(call).await?.map_err(too_many)?;
			found.extend(answers.into_iter().map(|m| m.map(|Static(m)| msa_for_handle(m))));
		}
		Ok(found)
	}

	/// `HandlesApi::msa_for_handle`.
	async fn msa_for_handle(&self, display: &str) -> Result<Option<MsaForHandle<AccountId32>>> {
		let call =
			runtime::runtime_apis().handles_api().msa_for_handle(display.as_bytes().to_vec());
		let found = self.api(call).await?.map_err(|e| Error::query(display, e.0))?;
		Ok(found.map(|Static(m)| msa_for_handle(m)))
	}

	/// The owner of an MSA (storage `Handles.MsaOwner`).
	pub(super) async fn msa_owner(&self, msa_id: u32) -> Result<Option<AccountId32>> {
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

	/// How many MSAs `owner` holds (storage `Handles.OwnerMsas`) and how many one owner may
	/// hold (constant `MaxMsasPerOwner`).
	pub(super) async fn msa_count(&self, owner: &AccountId32) -> Result<(usize, u32)> {
		let address = runtime::storage().handles().owner_msas();
		let value = self
			.0
			.storage()
			.try_fetch(address, (subxt_account(owner),))
			.await
			.map_err(Error::node)?;
		let held = match value {
			Some(v) => v.decode().map_err(Error::node)?.0.len(),
			None => 0,
		};
		let max = self
			.0
			.constants()
			.entry(runtime::constants().handles().max_msas_per_owner())
			.map_err(Error::node)?;
		Ok((held, max))
	}

	/// Whether a multi-block migration is running at this block (storage
	/// `MultiBlockMigrations.Cursor`): blocks then take no transactions, and the handles state
	/// may be half migrated.
	pub(super) async fn migrating(&self) -> Result<bool> {
		let address = runtime::storage().multi_block_migrations().cursor();
		let value = self.0.storage().try_fetch(address, ()).await.map_err(Error::node)?;
		Ok(value.is_some())
	}

	/// Whether a signed payload took effect already (storage `Handles.ReplayEntries`).
	pub(super) async fn payload_used(&self, key: [u8; 32]) -> Result<bool> {
		let address = runtime::storage().handles().replay_entries();
		let value = self.0.storage().try_fetch(address, (key,)).await.map_err(Error::node)?;
		Ok(value.is_some())
	}

	/// This block's runtime's name for the chain (`HandlesChainName`) and SS58 format: with the
	/// genesis hash, what the readable messages name.
	pub(super) fn chain_name_and_prefix(&self) -> Result<(String, u16)> {
		let constants = self.0.constants();
		let name = constants
			.entry(runtime::constants().handles().handles_chain_name())
			.map_err(Error::node)?;
		let prefix =
			constants.entry(runtime::constants().system().ss58_prefix()).map_err(Error::node)?;
		Ok((name, prefix))
	}

	/// The expiration a new payload gets: half the payload lifetime after this block, so it is
	/// still valid when the transaction lands.
	pub(super) fn expiration(&self, settings: &Settings<u32>) -> u32 {
		self.number().saturating_add(settings.max_payload_lifetime / 2)
	}
}

impl Client {
	/// Every read of one operation: the latest finalized block.
	pub(super) async fn at(&self) -> Result<Snapshot> {
		self.current().await.map(Snapshot)
	}

	/// The best block: the newest the node imported, where its transaction pool checks what it
	/// is sent.
	pub(super) async fn at_best(&self) -> Result<Snapshot> {
		let hash = self
			.rpc
			.chain_get_block_hash(None)
			.await
			.map_err(Error::node)?
			.ok_or_else(|| Error::Node("the node names no best block".into()))?;
		self.at_hash(H256(hash.0)).await.map(Snapshot)
	}

	/// Whether a multi-block migration is running at the best block (see [`Snapshot::migrating`]).
	pub async fn migrating(&self) -> Result<bool> {
		self.at_best().await?.migrating().await
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

	/// The last block at which signatures over a payload's legacy (SCALE) message are accepted
	/// (`legacyPayloadDeadline` of `handles_getSettings`); `None` on a runtime without one.
	pub async fn legacy_payload_deadline(&self) -> Result<Option<u32>> {
		self.at().await?.legacy_payload_deadline().await
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
		self.at().await?.msa_for_handle(display).await
	}

	/// `HandlesApi::msas_for_handles`: the MSA each display handle or a look-alike of it
	/// resolves to, in order, `None` where none does or the handle is malformed; all read at one
	/// block, one runtime call per [`MAX_BATCH_LOOKUPS`] handles.
	pub async fn msas_for_handles(
		&self,
		displays: &[&str],
	) -> Result<Vec<Option<MsaForHandle<AccountId32>>>> {
		self.at().await?.msas_for_handles(displays).await
	}

	/// `HandlesApi::handles_for_msas`: the handle each MSA holds, in order, `None` where it holds
	/// none or does not exist; all read at one block, one runtime call per
	/// [`MAX_BATCH_LOOKUPS`] ids.
	pub async fn handles_for_msas(
		&self,
		msa_ids: &[u32],
	) -> Result<Vec<Option<HandleInfo<AccountId32, u32>>>> {
		self.at().await?.handles_for_msas(msa_ids).await
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
}

/// The display handle `input` parsed as the rules crate does (`Alice.4821`, or look-alikes with
/// other decimal digits), for a clear error before asking the node.
pub fn check_display(input: &str) -> Result<()> {
	parse_display(input.as_bytes()).map(|_| ()).map_err(|e| Error::MalformedDisplayHandle {
		input: input.to_string(),
		message: crate::messages::explain_display(&e),
	})
}

/// A `HandleInfo` of the runtime with its owner as this crate's account type.
fn handle_info(h: HandleInfo<subxt::utils::AccountId32, u32>) -> HandleInfo<AccountId32, u32> {
	HandleInfo {
		handle: h.handle,
		base_handle: h.base_handle,
		suffix: h.suffix,
		canonical: h.canonical,
		owner: runtime_account(&h.owner),
		created_at: h.created_at,
	}
}

/// A `MsaForHandle` of the runtime with its owner as this crate's account type.
fn msa_for_handle(m: MsaForHandle<subxt::utils::AccountId32>) -> MsaForHandle<AccountId32> {
	MsaForHandle { msa_id: m.msa_id, owner: runtime_account(&m.owner), handle: m.handle }
}

/// The runtime's refusal of a batch over [`MAX_BATCH_LOOKUPS`] (never asked for: batches are
/// split at the limit).
fn too_many(e: runtime::runtime_types::pallet_handles_runtime_api::TooManyLookups) -> Error {
	Error::node(TooManyLookups { count: e.count, max: e.max })
}
