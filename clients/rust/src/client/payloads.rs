//! The payloads an owner signs: their expiration, the readable text signed (SPEC "Signed payloads
//! (v3)", crate `handles-signing`) beside the legacy message ([`pallet_handles::signed_message`])
//! and the create payload of a claim; and, for a service that pays for someone else's signature,
//! the check of a create payload as the chain will make it and the `create_handle` call that
//! carries it.

use pallet_handles::{
	BaseHandle, CreateHandlePayload, DisplayHandle, PayloadMessages, SignedPayload,
};
use sp_core::H256;
use sp_runtime::{AccountId32, MultiSignature};
use subxt::{tx::Payload, utils::Static};

use super::{reads::Snapshot, Client};
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

/// The chain as its readable messages name it: the runtime's `HandlesChainName`, the genesis
/// hash and the SS58 format of the accounts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SigningChain {
	/// `HandlesChainName` (`Handles` on the dev and local chains).
	pub name: String,
	/// The hash of block 0.
	pub genesis_hash: [u8; 32],
	/// The runtime's `SS58Prefix`.
	pub ss58_prefix: u16,
}

impl SigningChain {
	/// The readable text an owner signs for `payload` on this chain (what the runtime's
	/// `signing_message` and the RPC `handles_signingMessage` return); `held` is the display
	/// handle the MSA of a transfer holds now. `None` when the payload has no readable form.
	pub fn message<P: SignedPayload>(&self, payload: &P, held: Option<&[u8]>) -> Option<String> {
		let chain = handles_signing::Chain {
			name: &self.name,
			genesis_hash: self.genesis_hash,
			ss58_prefix: self.ss58_prefix,
		};
		Some(handles_signing::signing_message(&chain, &payload.readable(held)?))
	}
}

/// The readable text of `payload` on `chain`, which every payload of this client has.
pub(super) fn readable<P: SignedPayload>(
	chain: &SigningChain,
	payload: &P,
	held: Option<&[u8]>,
) -> Result<String> {
	chain.message(payload, held).ok_or_else(|| {
		Error::node("the payload has no readable form (a field beyond what the text shows)")
	})
}

/// `payload` with `owner`'s signature over its readable text on `chain`
/// ([`Keypair::sign_readable`]); `held` as for [`SigningChain::message`].
pub(super) fn signed<P: SignedPayload>(
	chain: &SigningChain,
	owner: &Keypair,
	payload: P,
	held: Option<&[u8]>,
) -> Result<(subxt::utils::AccountId32, Static<MultiSignature>, Static<P>)> {
	let signature = owner.sign_readable(readable(chain, &payload, held)?.as_bytes());
	Ok((subxt_account(&owner.account_id()), Static(signature), Static(payload)))
}

/// The `create_handle` call of an owner's signed payload.
pub fn create_call(
	owner: &AccountId32,
	signature: MultiSignature,
	payload: CreateHandlePayload<u32>,
) -> impl Payload {
	runtime::tx().handles().create_handle(subxt_account(owner), Static(signature), Static(payload))
}

impl Snapshot {
	/// The chain as readable messages name it, by this block's runtime.
	pub(super) fn signing_chain(&self, genesis: H256) -> Result<SigningChain> {
		let (name, ss58_prefix) = self.chain_name_and_prefix()?;
		Ok(SigningChain { name, genesis_hash: genesis.0, ss58_prefix })
	}

	/// Both messages of `payload` at this block: the readable text (a transfer's shows the
	/// display handle its MSA holds at this block) and the legacy one.
	pub(super) async fn messages<P: SignedPayload>(
		&self,
		genesis: H256,
		payload: &P,
	) -> Result<PayloadMessages> {
		let held = match payload.shown_msa() {
			Some(msa_id) => self.handle_for_msa(msa_id).await?.map(|info| info.handle),
			None => None,
		};
		let chain = self.signing_chain(genesis)?;
		Ok(PayloadMessages {
			readable: Some(readable(&chain, payload, held.as_deref())?.into_bytes()),
			legacy: pallet_handles::signed_message(&genesis, payload),
		})
	}
}

impl Client {
	/// The legacy message of `payload` on this chain ([`pallet_handles::signed_message`]): what
	/// keys the payload in the replay store, whichever form was signed. Owners sign the readable
	/// text ([`Client::signing_message`]).
	pub fn message<P: SignedPayload>(&self, payload: &P) -> Vec<u8> {
		pallet_handles::signed_message(&self.genesis_hash(), payload)
	}

	/// The chain as readable messages name it, by the runtime of the latest finalized block.
	pub async fn signing_chain(&self) -> Result<SigningChain> {
		self.at().await?.signing_chain(self.genesis_hash())
	}

	/// The readable text an owner signs for `payload` (SPEC "Signed payloads (v3)"), the same text
	/// as the RPC `handles_signingMessage`, at the latest finalized block.
	pub async fn signing_message<P: SignedPayload>(&self, payload: &P) -> Result<String> {
		let messages = self.payload_messages(payload).await?;
		String::from_utf8(messages.readable.unwrap_or_default()).map_err(Error::node)
	}

	/// Both messages of `payload` (readable and legacy) at the latest finalized block: what a
	/// signature of it may be over ([`PayloadMessages::verify`], the pallet's check).
	pub async fn payload_messages<P: SignedPayload>(&self, payload: &P) -> Result<PayloadMessages> {
		self.at().await?.messages(self.genesis_hash(), payload).await
	}

	/// The expiration a new payload gets: half the payload lifetime after the finalized block,
	/// so it is still valid when the transaction lands.
	pub async fn default_expiration(&self) -> Result<u32> {
		let at = self.at().await?;
		Ok(at.expiration(&at.settings().await?))
	}

	/// The create payload an owner signs for `base` (`suffix` as [`super::Options::choose`]
	/// takes it), expiring half the payload lifetime after the finalized block; all read at that
	/// block. Invalid handles and suffixes that are not available are refused.
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
}
