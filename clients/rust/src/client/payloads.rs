//! The payloads an owner signs: their expiration, the message signed
//! ([`pallet_handles::signed_message`]) and the create payload of a claim; and, for a service
//! that pays for someone else's signature, the check of a create payload as the chain will make
//! it and the `create_handle` call that carries it.

use pallet_handles::{BaseHandle, CreateHandlePayload, DisplayHandle, SignedPayload};
use sp_core::H256;
use sp_runtime::{AccountId32, MultiSignature};
use subxt::{tx::Payload, utils::Static};

use super::{Client, Options};
use crate::{
	error::{Error, Result},
	json::text,
	keys::{subxt_account, Keypair},
	runtime,
};

/// A base handle as the pallet's bounded type (too long is the rules' `TooLong`).
pub(super) fn base_handle(base: &str) -> Result<BaseHandle> {
	BaseHandle::try_from(base.as_bytes().to_vec())
		.map_err(|_| Error::invalid(base, handles_rules::HandleError::TooLong))
}

/// A display handle read from the chain as the pallet's bounded type.
pub(super) fn display_handle(handle: &[u8]) -> Result<DisplayHandle> {
	DisplayHandle::try_from(handle.to_vec()).map_err(|_| Error::MalformedDisplayHandle {
		input: text(handle),
		message: "longer than any display handle".into(),
	})
}

/// `payload` with `owner`'s signature over its message on the chain `genesis`.
pub(super) fn signed<P: SignedPayload>(
	genesis: &H256,
	owner: &Keypair,
	payload: P,
) -> (subxt::utils::AccountId32, Static<MultiSignature>, Static<P>) {
	let signature = owner.sign(&pallet_handles::signed_message(genesis, &payload));
	(subxt_account(&owner.account_id()), Static(signature), Static(payload))
}

/// The `create_handle` call of an owner's signed payload.
pub fn create_call(
	owner: &AccountId32,
	signature: MultiSignature,
	payload: CreateHandlePayload<u32>,
) -> impl Payload {
	runtime::tx().handles().create_handle(subxt_account(owner), Static(signature), Static(payload))
}

impl Client {
	/// The bytes `owner` signs for `payload` on this chain (raw form; see
	/// [`pallet_handles::signed_message`]).
	pub fn message<P: SignedPayload>(&self, payload: &P) -> Vec<u8> {
		pallet_handles::signed_message(&self.genesis_hash(), payload)
	}

	/// The expiration a new payload gets: half the payload lifetime after the finalized block,
	/// so it is still valid when the transaction lands.
	pub async fn default_expiration(&self) -> Result<u32> {
		let at = self.at().await?;
		Ok(at.expiration(&at.settings().await?))
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
}
