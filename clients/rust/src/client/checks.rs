//! For a service that pays for someone else's signature on a create, retire or change payload:
//! the check of the payload as the chain will make it, at the finalized and at the best block
//! ([`Checking`] reads both once for every part of the check); for retire and change also the
//! call that carries it and the pallet's event of the call once it landed (`payloads` has the
//! create call).

use std::future::Future;

use pallet_handles::{
	ChangeHandlePayload, CreateHandlePayload, PayloadMessages, RetireHandlePayload, SignedPayload,
};
use pallet_handles_runtime_api::HandleInfo;
use sp_runtime::{AccountId32, MultiSignature};
use subxt::{extrinsics::ExtrinsicEvents, tx::Payload, utils::Static};

use super::{
	reads::Snapshot, tx::first_event, Changed, Client, HandlesConfig, Included, Options, Retired,
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

/// What the check of one signed payload reads once for all of its parts: the best block (where
/// the pool checks the transaction, the next block builds on, and the payload's lifetime counts
/// from), the finalized block when it is another one, and the payload's messages at the best
/// block. Made by [`Client::checking`]; a sponsor parses the signature
/// with [`Checking::messages`] and then runs [`Client::check_create`] (or `check_retire`,
/// `check_change`) on it.
pub struct Checking {
	best: Snapshot,
	finalized: Option<Snapshot>,
	messages: PayloadMessages,
}

impl Checking {
	/// The payload's messages (readable and legacy) at the best block: what its signature may
	/// be over, as [`PayloadMessages::verify`] decides for the pallet.
	pub fn messages(&self) -> &PayloadMessages {
		&self.messages
	}

	/// The payload's lifetime with `margin` blocks to land in (`PayloadExpired`,
	/// `PayloadExpirationTooFar`), as the pallet's `ensure_live` checks it, from the best block:
	/// the finalized block lags behind, so a payload valid where the transaction lands may look
	/// too far ahead from there. The settings are read here, in the check itself: a sponsor
	/// makes its [`Checking`] before its own limits, which a refused request should not get past
	/// with a runtime call.
	async fn live(&self, expiration: u32, margin: u32) -> Result<()> {
		let now = self.best.number();
		if expiration < now.saturating_add(margin) {
			return Err(would_fail(
				"PayloadExpired",
				format!(
					"the payload expires at block {expiration}, too soon to land (block {now})"
				),
			));
		}
		let lifetime = self.best.settings().await?.max_payload_lifetime;
		if expiration > now.saturating_add(lifetime) {
			return Err(would_fail(
				"PayloadExpirationTooFar",
				format!(
					"the payload expires at block {expiration}, more than {lifetime} blocks after \
					 block {now}"
				),
			));
		}
		Ok(())
	}

	/// `check` at every block the rest of the check runs at, all at once: the finalized block
	/// (when it is another one) and the best block ([`answer`]: the best block's answer, or the
	/// first refusal).
	async fn at_both<'a, T, F: Future<Output = Result<T>>>(
		&'a self,
		check: impl Fn(&'a Snapshot) -> F,
	) -> Result<T> {
		let blocks = self.finalized.iter().chain(std::iter::once(&self.best));
		answer(futures::future::join_all(blocks.map(check)).await)
	}
}

/// The answer of one check run at each block of [`Checking::at_both`] (`answers` in its order,
/// the best block last): the best block's, or the first refusal (the finalized block's when both
/// refuse).
fn answer<T>(answers: Vec<Result<T>>) -> Result<T> {
	let mut last = None;
	for answer in answers {
		last = Some(answer?);
	}
	last.ok_or_else(|| Error::Node("a check ran at no block".into()))
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

/// `owner`'s signature over the payload's `messages` (`InvalidSignature`), and the payload not
/// used before at block `at` (`PayloadReplayed`).
async fn signed_once(
	at: &Snapshot,
	messages: &PayloadMessages,
	owner: &AccountId32,
	signature: &MultiSignature,
) -> Result<()> {
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
	/// The blocks and messages the check of `payload` reads ([`Checking`]), each read once:
	/// the best and the finalized block at once, then the payload's messages at the best block.
	pub async fn checking<P: SignedPayload>(&self, payload: &P) -> Result<Checking> {
		let (best, finalized) = futures::try_join!(self.at_best(), self.at())?;
		let genesis = self.genesis_hash();
		let messages = best.messages(genesis, payload).await?;
		let finalized = (finalized.hash() != best.hash()).then_some(finalized);
		Ok(Checking { best, finalized, messages })
	}

	/// Checks a create payload as the chain will when its call lands: the rules, the payload's
	/// lifetime with `margin` blocks to land in, the owner's signature (over the readable text raw,
	/// `<Bytes>`-wrapped or EIP-191 for an Eth signature, or over the legacy message, as
	/// [`PayloadMessages::verify`] decides for the pallet), that it was not used before, that the
	/// owner may hold one more MSA, and that its suffix is available and stays offered for
	/// `margin` blocks (a suffix of the previous seed is withdrawn at the next rotation).
	///
	/// The payload's lifetime counts from the best block; every other check runs at the
	/// finalized block and at the best block ([`Checking`], made by [`Client::checking`] for
	/// this payload), where the pool checks the transaction and the next block builds on: a
	/// handle taken in a block not yet finalized, or a payload that expires before the best
	/// block plus `margin`, is refused too. A sponsor runs this before it pays for someone
	/// else's claim. Refusals are [`Error::WouldFail`] with the pallet error the call would fail
	/// with, or [`Error::InvalidHandle`] / [`Error::SuffixNotAvailable`]. The options returned
	/// are the best block's.
	pub async fn check_create(
		&self,
		checking: &Checking,
		owner: &AccountId32,
		signature: &MultiSignature,
		payload: &CreateHandlePayload<u32>,
		margin: u32,
	) -> Result<Options> {
		let base = &text(&payload.base_handle);
		handles_rules::validate(&payload.base_handle, |_| false)
			.map_err(|e| Error::invalid(base, e))?;
		checking.live(payload.expiration, margin).await?;
		checking.at_both(|at| create_at(at, checking, owner, signature, payload, margin)).await
	}

	/// Checks a retire payload as the chain will when its call lands, in the pallet's order: the
	/// payload's lifetime with `margin` blocks to land in, that `owner` owns the MSA, that the MSA
	/// holds the payload's handle now (`MsaHasNoHandle`, `HandleMismatch`), the owner's signature
	/// (over the readable text or the legacy message, as [`pallet_handles::PayloadMessages::verify`]
	/// decides) and that it was not used before. As [`Client::check_create`], at the finalized
	/// block and at the best block of `checking`. Refusals are [`Error::WouldFail`] with the
	/// pallet error the call would fail with.
	pub async fn check_retire(
		&self,
		checking: &Checking,
		owner: &AccountId32,
		signature: &MultiSignature,
		payload: &RetireHandlePayload<u32>,
		margin: u32,
	) -> Result<()> {
		checking.live(payload.expiration, margin).await?;
		checking.at_both(|at| retire_at(at, checking, owner, signature, payload)).await
	}

	/// Checks a change payload as the chain will when its call lands, in the pallet's order: the
	/// payload's lifetime with `margin` blocks to land in, that `owner` owns the MSA, that
	/// `old_handle` is the handle the MSA holds now (`None` when it holds none; else
	/// `HandleMismatch`), the new base handle's rules, the owner's signature, that it was not used
	/// before, and (unless it restyles the held handle) that the new suffix is available. As
	/// [`Client::check_create`], at the finalized block and at the best block of `checking`.
	/// Refusals are [`Error::WouldFail`], [`Error::InvalidHandle`] or
	/// [`Error::SuffixNotAvailable`].
	pub async fn check_change(
		&self,
		checking: &Checking,
		owner: &AccountId32,
		signature: &MultiSignature,
		payload: &ChangeHandlePayload<u32>,
		margin: u32,
	) -> Result<ChangeChecked> {
		checking.live(payload.expiration, margin).await?;
		checking.at_both(|at| change_at(at, checking, owner, signature, payload, margin)).await
	}
}

/// [`Client::check_create`] at one block.
async fn create_at(
	at: &Snapshot,
	checking: &Checking,
	owner: &AccountId32,
	signature: &MultiSignature,
	payload: &CreateHandlePayload<u32>,
	margin: u32,
) -> Result<Options> {
	let base = &text(&payload.base_handle);
	signed_once(at, &checking.messages, owner, signature).await?;
	let (held, max) = at.msa_count(owner).await?;
	if held >= max as usize {
		return Err(would_fail(
			"TooManyMsas",
			format!("{owner} holds {held} MSAs, the most one owner may hold"),
		));
	}
	let options = at.options(base).await?;
	check_offered(&options, base, payload.suffix, at.number(), margin)?;
	Ok(options)
}

/// [`Client::check_retire`] at one block.
async fn retire_at(
	at: &Snapshot,
	checking: &Checking,
	owner: &AccountId32,
	signature: &MultiSignature,
	payload: &RetireHandlePayload<u32>,
) -> Result<()> {
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
	signed_once(at, &checking.messages, owner, signature).await
}

/// [`Client::check_change`] at one block.
async fn change_at(
	at: &Snapshot,
	checking: &Checking,
	owner: &AccountId32,
	signature: &MultiSignature,
	payload: &ChangeHandlePayload<u32>,
	margin: u32,
) -> Result<ChangeChecked> {
	let base = &text(&payload.new_base_handle);
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
	signed_once(at, &checking.messages, owner, signature).await?;
	let restyle = held.as_ref().is_some_and(|info| {
		text(&info.canonical) == valid.canonical && info.suffix == payload.new_suffix
	});
	if !restyle {
		let options = at.options(base).await?;
		check_offered(&options, base, payload.new_suffix, at.number(), margin)?;
	}
	Ok(ChangeChecked { canonical: valid.canonical, restyle })
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

/// That `suffix` is available for `base` in `options` (read at block `now`) and stays offered
/// until a transaction sent now lands with `margin` blocks to spare: a suffix only the previous
/// seed offers is withdrawn at the next rotation ([`Error::WouldFail`] `SuffixNotOffered`).
fn check_offered(options: &Options, base: &str, suffix: u32, now: u32, margin: u32) -> Result<()> {
	options.choose(base, Some(suffix))?;
	if withdrawn_too_soon(options, suffix, now, margin) {
		return Err(would_fail(
			"SuffixNotOffered",
			format!(
				"suffix {suffix} is offered only until the seed rotates at block {}, too soon to \
				 land (block {now})",
				options.next_rotation
			),
		));
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
	fn a_check_at_both_blocks_answers_with_the_best_block_or_the_first_refusal() {
		let refused = |error| Err(would_fail(error, String::new()));
		let name = |r: Result<u32>| match r {
			Err(Error::WouldFail { error, .. }) => error,
			other => panic!("a refusal, not {other:?}"),
		};
		// Both pass: the best block's answer (the last), not the finalized block's.
		assert_eq!(answer(vec![Ok(1), Ok(2)]).unwrap(), 2);
		assert_eq!(answer(vec![Ok(7)]).unwrap(), 7);
		// One refuses: that refusal, whichever block it came from.
		assert_eq!(name(answer(vec![refused("PayloadReplayed"), Ok(2)])), "PayloadReplayed");
		assert_eq!(name(answer(vec![Ok(1), refused("TooManyMsas")])), "TooManyMsas");
		// Both refuse: the finalized block's (the first).
		assert_eq!(name(answer(vec![refused("NotOwner"), refused("MsaNotFound")])), "NotOwner");
		// No block at all is an error, not an answer.
		assert!(answer::<u32>(vec![]).is_err());
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
