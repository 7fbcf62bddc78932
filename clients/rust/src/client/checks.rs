//! For a service that pays for someone else's signature on a retire or change payload: the
//! check of the payload as the chain will make it, the call that carries it and the pallet's
//! event of the call once it landed (as `payloads` does for a create payload).

use pallet_handles::{ChangeHandlePayload, RetireHandlePayload, SignedPayload};
use pallet_handles_runtime_api::HandleInfo;
use sp_runtime::{AccountId32, MultiSignature};
use subxt::{extrinsics::ExtrinsicEvents, tx::Payload, utils::Static};

use super::{
	payloads::check_offered, reads::Snapshot, tx::first_event, Changed, Client, HandlesConfig,
	Included, Retired,
};
use crate::{
	error::{Error, Result},
	json::text,
	keys::subxt_account,
	runtime,
};

/// `Error::WouldFail` with the pallet error `error`.
fn would_fail(error: &'static str, message: String) -> Error {
	Error::WouldFail { error, message }
}

/// The payload's lifetime with `margin` blocks to land in (`PayloadExpired`,
/// `PayloadExpirationTooFar`), as the pallet's `ensure_live` checks it.
async fn live(at: &Snapshot, expiration: u32, margin: u32) -> Result<()> {
	let settings = at.settings().await?;
	let now = at.number();
	if expiration < now.saturating_add(margin) {
		return Err(would_fail(
			"PayloadExpired",
			format!("the payload expires at block {expiration}, too soon to land (block {now})"),
		));
	}
	if expiration > now.saturating_add(settings.max_payload_lifetime) {
		return Err(would_fail(
			"PayloadExpirationTooFar",
			format!(
				"the payload expires at block {expiration}, more than {} blocks after block {now}",
				settings.max_payload_lifetime
			),
		));
	}
	Ok(())
}

/// MSA `msa_id` is `owner`'s (`MsaNotFound`, `NotOwner`): the handle it holds now.
async fn owned_by(
	at: &Snapshot,
	owner: &AccountId32,
	msa_id: u32,
) -> Result<Option<HandleInfo<AccountId32, u32>>> {
	match at.msa_owner(msa_id).await? {
		None => Err(would_fail("MsaNotFound", format!("MSA {msa_id} does not exist"))),
		Some(on_chain) if &on_chain != owner => Err(would_fail(
			"NotOwner",
			format!("MSA {msa_id} is owned by {on_chain}, not by {owner}"),
		)),
		Some(_) => at.handle_for_msa(msa_id).await,
	}
}

/// `owner`'s signature over `payload` (`InvalidSignature`), and the payload not used before
/// (`PayloadReplayed`).
async fn signed_once<P: SignedPayload>(
	client: &Client,
	at: &Snapshot,
	owner: &AccountId32,
	signature: &MultiSignature,
	payload: &P,
) -> Result<()> {
	let messages = at.messages(client.genesis_hash(), payload).await?;
	if messages.verify(signature, owner).is_none() {
		return Err(would_fail(
			"InvalidSignature",
			format!("the signature is not {owner}'s over this payload on this chain"),
		));
	}
	if at.payload_used(pallet_handles::replay_key(&messages.legacy, owner)).await? {
		return Err(would_fail(
			"PayloadReplayed",
			"this signed payload has taken effect already".into(),
		));
	}
	Ok(())
}

/// What a change payload asks for, once checked: the canonical form of the new base handle and
/// whether the change only restyles the handle the MSA holds (no option check, no cooldown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeChecked {
	/// The canonical form of the new base handle.
	pub canonical: String,
	/// Another spelling of the handle the MSA holds (same canonical form and suffix).
	pub restyle: bool,
}

impl Client {
	/// Checks a retire payload as the chain will when its call lands, in the pallet's order: the
	/// payload's lifetime with `margin` blocks to land in, that `owner` owns the MSA, that the MSA
	/// holds the payload's handle now (`MsaHasNoHandle`, `HandleMismatch`), the owner's signature
	/// (over the readable text or the legacy message, as [`pallet_handles::PayloadMessages::verify`]
	/// decides) and that it was not used before. As [`Client::check_create`], at the finalized
	/// block and again at the best block. Refusals are [`Error::WouldFail`] with the pallet error
	/// the call would fail with.
	pub async fn check_retire(
		&self,
		owner: &AccountId32,
		signature: &MultiSignature,
		payload: &RetireHandlePayload<u32>,
		margin: u32,
	) -> Result<()> {
		let finalized = self.at().await?;
		let best = self.at_best().await?;
		self.check_retire_at(&finalized, owner, signature, payload, margin).await?;
		if best.hash() != finalized.hash() {
			self.check_retire_at(&best, owner, signature, payload, margin).await?;
		}
		Ok(())
	}

	/// [`Self::check_retire`] at one block.
	async fn check_retire_at(
		&self,
		at: &Snapshot,
		owner: &AccountId32,
		signature: &MultiSignature,
		payload: &RetireHandlePayload<u32>,
		margin: u32,
	) -> Result<()> {
		live(at, payload.expiration, margin).await?;
		let msa_id = payload.msa_id;
		let held = owned_by(at, owner, msa_id)
			.await?
			.ok_or_else(|| would_fail("MsaHasNoHandle", format!("MSA {msa_id} holds no handle")))?;
		if held.handle[..] != payload.handle[..] {
			return Err(would_fail(
				"HandleMismatch",
				format!("MSA {msa_id} holds {}, not {}", text(&held.handle), text(&payload.handle)),
			));
		}
		signed_once(self, at, owner, signature, payload).await
	}

	/// Checks a change payload as the chain will when its call lands, in the pallet's order: the
	/// payload's lifetime with `margin` blocks to land in, that `owner` owns the MSA, that
	/// `old_handle` is the handle the MSA holds now (`None` when it holds none; else
	/// `HandleMismatch`), the new base handle's rules, the owner's signature, that it was not used
	/// before, and (unless it restyles the held handle) that the new suffix is available. As
	/// [`Client::check_create`], at the finalized block and again at the best block. Refusals
	/// are [`Error::WouldFail`], [`Error::InvalidHandle`] or [`Error::SuffixNotAvailable`].
	pub async fn check_change(
		&self,
		owner: &AccountId32,
		signature: &MultiSignature,
		payload: &ChangeHandlePayload<u32>,
		margin: u32,
	) -> Result<ChangeChecked> {
		let finalized = self.at().await?;
		let best = self.at_best().await?;
		let checked = self.check_change_at(&finalized, owner, signature, payload, margin).await?;
		if best.hash() == finalized.hash() {
			return Ok(checked);
		}
		self.check_change_at(&best, owner, signature, payload, margin).await
	}

	/// [`Self::check_change`] at one block.
	async fn check_change_at(
		&self,
		at: &Snapshot,
		owner: &AccountId32,
		signature: &MultiSignature,
		payload: &ChangeHandlePayload<u32>,
		margin: u32,
	) -> Result<ChangeChecked> {
		let base = &text(&payload.new_base_handle);
		live(at, payload.expiration, margin).await?;
		let msa_id = payload.msa_id;
		let held = owned_by(at, owner, msa_id).await?;
		let held_display = held.as_ref().map(|info| info.handle.clone());
		if held_display.as_deref() != payload.old_handle.as_ref().map(|h| &h[..]) {
			let shown = |h: Option<&[u8]>| h.map(text).unwrap_or_else(|| "no handle".into());
			return Err(would_fail(
				"HandleMismatch",
				format!(
					"MSA {msa_id} holds {}, the payload says {}",
					shown(held_display.as_deref()),
					shown(payload.old_handle.as_ref().map(|h| &h[..]))
				),
			));
		}
		let valid = handles_rules::validate(&payload.new_base_handle, |_| false)
			.map_err(|e| Error::invalid(base, e))?;
		signed_once(self, at, owner, signature, payload).await?;
		let restyle = held.as_ref().is_some_and(|info| {
			text(&info.canonical) == valid.canonical && info.suffix == payload.new_suffix
		});
		if !restyle {
			let options = at.options(base).await?;
			check_offered(&options, base, payload.new_suffix, at.number(), margin)?;
		}
		Ok(ChangeChecked { canonical: valid.canonical, restyle })
	}
}

/// The `retire_handle` call of an owner's signed payload.
pub fn retire_call(
	owner: &AccountId32,
	signature: MultiSignature,
	payload: RetireHandlePayload<u32>,
) -> impl Payload {
	runtime::tx().handles().retire_handle(subxt_account(owner), Static(signature), Static(payload))
}

/// The `change_handle` call of an owner's signed payload.
pub fn change_call(
	owner: &AccountId32,
	signature: MultiSignature,
	payload: ChangeHandlePayload<u32>,
) -> impl Payload {
	runtime::tx().handles().change_handle(subxt_account(owner), Static(signature), Static(payload))
}

/// The retired handle of a `retire_handle` that succeeded, from its events.
pub fn retired(included: Included, events: &ExtrinsicEvents<HandlesConfig>) -> Result<Retired> {
	let event = first_event::<runtime::handles::events::HandleRetired>(events)?;
	Ok(Retired { msa_id: event.msa_id, handle: text(&event.handle), included })
}

/// The new handle of a `change_handle` that succeeded, from its events.
pub fn changed(included: Included, events: &ExtrinsicEvents<HandlesConfig>) -> Result<Changed> {
	let event = first_event::<runtime::handles::events::HandleChanged>(events)?;
	Ok(Changed {
		msa_id: event.msa_id,
		old_handle: event.old_handle.as_deref().map(text),
		new_handle: text(&event.new_handle),
		included,
	})
}
