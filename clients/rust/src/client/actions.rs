//! The user calls: claim, retire, change and transfer. The owner signs the payload's readable
//! text (SPEC "Signed payloads (v3)"; EIP-191 for an `eth:` key, `<Bytes>`-wrapped for the
//! others), a sponsor (which may be the owner) signs and pays for the transaction; everything a
//! call needs is read at one block and checked before anything is signed.

use pallet_handles::{ChangeHandlePayload, RetireHandlePayload, TransferOwnershipPayload};
use pallet_handles_runtime_api::HandleInfo;
use sp_runtime::AccountId32;
use subxt::{extrinsics::ExtrinsicEvents, utils::Static};

use super::{
	payloads::{base_handle, create_call, display_handle, readable, signed},
	reads::Snapshot,
	tx::first_event,
	Changed, Client, Created, HandlesConfig, Included, Progress, Retired, Transferred, Wait,
};
use crate::{
	error::{Error, Result},
	json::text,
	keys::{runtime_account, subxt_account, Keypair},
	runtime,
};

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

impl Client {
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
		let chain = self.signing_chain().await?;
		let (_, Static(signature), Static(payload)) = signed(&chain, owner, payload, None)?;
		let call = create_call(&owner.account_id(), signature, payload);
		let (included, events) = self.submit(&call, sponsor, wait, progress).await?;
		created(included, &events)
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
		let info = owned(&at, owner, msa_id).await?.ok_or(Error::NoHandle(msa_id))?;
		let payload = RetireHandlePayload {
			msa_id,
			handle: display_handle(&info.handle)?,
			expiration: at.expiration(&at.settings().await?),
		};
		let chain = at.signing_chain(self.genesis_hash())?;
		let (account, signature, payload) = signed(&chain, owner, payload, None)?;
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
		let old = owned(&at, owner, msa_id).await?;
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
		let chain = at.signing_chain(self.genesis_hash())?;
		let (account, signature, payload) = signed(&chain, owner, payload, None)?;
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
		let held = owned(&at, owner, msa_id).await?.map(|info| info.handle);
		let payload = TransferOwnershipPayload {
			msa_id,
			owner: subxt_account(&owner.account_id()),
			new_owner: subxt_account(&new_owner.account_id()),
			expiration: at.expiration(&at.settings().await?),
		};
		// Both keys sign the same text, which shows the handle the MSA holds now.
		let text = readable(&at.signing_chain(self.genesis_hash())?, &payload, held.as_deref())?;
		let call = runtime::tx().handles().transfer_ownership(
			subxt_account(&owner.account_id()),
			Static(owner.sign_readable(text.as_bytes())),
			subxt_account(&new_owner.account_id()),
			Static(new_owner.sign_readable(text.as_bytes())),
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
}
