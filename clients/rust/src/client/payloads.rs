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

use super::{reads::Snapshot, Client, Options};
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
	/// lifetime with `margin` blocks to land in, the owner's signature (over the readable text raw,
	/// `<Bytes>`-wrapped or EIP-191 for an Eth signature, or over the legacy message, as
	/// [`PayloadMessages::verify`] decides for the pallet), that it was not used before, that the
	/// owner may hold one more MSA, and that its suffix is available and stays offered for
	/// `margin` blocks (a suffix of the previous seed is withdrawn at the next rotation).
	///
	/// Each check runs at the finalized block and again at the best block, where the pool checks
	/// the transaction and the next block builds on: a handle taken in a block not yet
	/// finalized, or a payload that expires before the best block plus `margin`, is refused
	/// too. A sponsor runs this before it pays for someone else's claim. Refusals are
	/// [`Error::WouldFail`] with the pallet error the call would fail with, or
	/// [`Error::InvalidHandle`] / [`Error::SuffixNotAvailable`]. The options returned are the
	/// best block's.
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
		let finalized = self.at().await?;
		let best = self.at_best().await?;
		let options = self.check_create_at(&finalized, owner, signature, payload, margin).await?;
		if best.hash() == finalized.hash() {
			return Ok(options);
		}
		self.check_create_at(&best, owner, signature, payload, margin).await
	}

	/// [`Self::check_create`] at one block.
	async fn check_create_at(
		&self,
		at: &Snapshot,
		owner: &AccountId32,
		signature: &MultiSignature,
		payload: &CreateHandlePayload<u32>,
		margin: u32,
	) -> Result<Options> {
		let base = &text(&payload.base_handle);
		let settings = at.settings().await?;
		let now = at.number();
		if payload.expiration < now.saturating_add(margin) {
			return Err(Error::WouldFail {
				error: "PayloadExpired",
				message: format!(
					"the payload expires at block {}, too soon to land (block {now})",
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
		let messages = at.messages(self.genesis_hash(), payload).await?;
		if messages.verify(signature, owner).is_none() {
			return Err(Error::WouldFail {
				error: "InvalidSignature",
				message: format!("the signature is not {owner}'s over this payload on this chain"),
			});
		}
		if at.payload_used(pallet_handles::replay_key(&messages.legacy, owner)).await? {
			return Err(Error::WouldFail {
				error: "PayloadReplayed",
				message: "this signed payload has taken effect already".into(),
			});
		}
		let (held, max) = at.msa_count(owner).await?;
		if held >= max as usize {
			return Err(Error::WouldFail {
				error: "TooManyMsas",
				message: format!("{owner} holds {held} MSAs, the most one owner may hold"),
			});
		}
		let options = at.options(base).await?;
		check_offered(&options, base, payload.suffix, now, margin)?;
		Ok(options)
	}
}

/// That `suffix` is available for `base` in `options` (read at block `now`) and stays offered
/// until a transaction sent now lands with `margin` blocks to spare: a suffix only the previous
/// seed offers is withdrawn at the next rotation ([`Error::WouldFail`] `SuffixNotOffered`).
pub(super) fn check_offered(
	options: &Options,
	base: &str,
	suffix: u32,
	now: u32,
	margin: u32,
) -> Result<()> {
	options.choose(base, Some(suffix))?;
	if withdrawn_too_soon(options, suffix, now, margin) {
		return Err(Error::WouldFail {
			error: "SuffixNotOffered",
			message: format!(
				"suffix {suffix} is offered only until the seed rotates at block {}, too soon to \
				 land (block {now})",
				options.next_rotation
			),
		});
	}
	Ok(())
}

/// Whether `suffix`, offered only by the previous seed (`options.expiring`), is withdrawn by the
/// rotation before a transaction sent at block `now` can land with `margin` blocks to spare.
fn withdrawn_too_soon(options: &Options, suffix: u32, now: u32, margin: u32) -> bool {
	options.expiring.contains(&suffix) && options.next_rotation <= now.saturating_add(margin)
}

#[cfg(test)]
mod tests {
	use pallet_handles_runtime_api::SuffixOptions;

	use super::*;

	fn options(expiring: &[u32], next_rotation: u32) -> Options {
		Options {
			options: SuffixOptions {
				base_handle: b"Alice".to_vec(),
				canonical: b"a11ce".to_vec(),
				candidates: vec![10, 20],
				available: vec![10, 20],
			},
			expiring: expiring.to_vec(),
			next_rotation,
		}
	}

	#[test]
	fn a_suffix_of_the_previous_seed_is_refused_within_margin_blocks_of_the_rotation() {
		// 20 is offered only by the previous seed; the rotation at block 101 withdraws it.
		let o = options(&[20], 101);
		// Sent at block 95 with 5 blocks of margin: it may land by block 100, before the rotation.
		assert!(!withdrawn_too_soon(&o, 20, 95, 5));
		// At block 96 the margin reaches the rotation's block.
		assert!(withdrawn_too_soon(&o, 20, 96, 5));
		assert!(!withdrawn_too_soon(&o, 20, 100, 0));
		assert!(withdrawn_too_soon(&o, 20, 101, 0));
		// A suffix the current seed offers stays offered after the rotation.
		assert!(!withdrawn_too_soon(&o, 10, 100, 5));
		// No overflow at the end of the block numbers.
		assert!(withdrawn_too_soon(&options(&[20], u32::MAX), 20, u32::MAX, u32::MAX));
	}
}
