//! A transaction's lifecycle: signed by the account that pays (with the next nonce, or a given
//! one for bytes that can be stored and sent again), submitted, and followed until its block is
//! in the best chain or finalized, each step reported to a progress callback.

use sp_core::H256;
use sp_runtime::AccountId32;
use subxt::{
	error::TransactionEventsError,
	events::DecodeAsEvent,
	extrinsics::ExtrinsicEvents,
	tx::{Payload, TransactionStatus},
};

use super::{Client, HandlesConfig, Included};
use crate::{
	error::{Error, Result},
	keys::{subxt_account, Keypair},
};

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

/// The first event `E` among a transaction's events; an error when the call succeeded without it.
pub(super) fn first_event<E: DecodeAsEvent>(events: &ExtrinsicEvents<HandlesConfig>) -> Result<E> {
	match events.find_first::<E>() {
		Some(event) => event.map_err(Error::node),
		None => Err(Error::Node("the call succeeded without its event".into())),
	}
}

impl Client {
	/// The next nonce of `account`, counting its transactions in the node's pool
	/// (`system_accountNextIndex`), so transactions sent one after the other never share one.
	pub async fn next_nonce(&self, account: &AccountId32) -> Result<u64> {
		self.rpc.system_account_next_index(&subxt_account(account)).await.map_err(Error::node)
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

	/// Signs each call with its nonce, all at one block (one read of the node for the batch,
	/// where [`Self::sign`] reads it per call): immortal transactions, as [`Self::sign`] makes
	/// with a nonce. A sponsor signs a batch this way and sends it without waiting for each
	/// answer of the pool.
	pub async fn sign_all<Call: Payload>(
		&self,
		calls: impl IntoIterator<Item = (Call, u64)>,
		sponsor: &Keypair,
	) -> Result<Vec<SignedTx>> {
		let rejected = |e: subxt::error::ExtrinsicError| Error::Rejected(e.to_string());
		let at = self.current().await?;
		let transactions = at.transactions();
		let mut signed = Vec::new();
		for (call, nonce) in calls {
			let params = subxt::config::DefaultExtrinsicParamsBuilder::<HandlesConfig>::new()
				.nonce(nonce)
				.immortal()
				.build();
			let mut signable =
				transactions.create_signable_offline(&call, params).map_err(rejected)?;
			let tx = signable.sign(sponsor).map_err(rejected)?;
			signed.push(SignedTx { hash: H256(tx.hash().0), bytes: tx.into_encoded(), nonce });
		}
		Ok(signed)
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
		let metadata = at.metadata();
		let refused =
			|message: String| pool_refusal(&metadata, &message).unwrap_or(Error::Rejected(message));
		let submittable = at.transactions().from_bytes(tx.bytes.clone());
		// The node's reason (`Custom error: <code>`) is in the error's data, which only its
		// debug form shows.
		let mut watch = submittable.submit_and_watch().await.map_err(|e| {
			let message = e.to_string();
			pool_refusal(&metadata, &format!("{e:?}")).unwrap_or(Error::Rejected(message))
		})?;
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
					return Err(refused(message))
				}
				TransactionStatus::Error { message } => return Err(Error::Node(message)),
			};
			let events = in_block.wait_for_success().await.map_err(|e| match e {
				TransactionEventsError::ExtrinsicFailed(e) => Error::dispatch(e),
				other => Error::node(other),
			})?;
			// The block every follower of its transactions asks about: read once.
			let block = self.at_hash(H256(in_block.block_hash().0)).await?;
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
	pub(super) async fn submit_for<Call: Payload, E: DecodeAsEvent>(
		&self,
		call: &Call,
		sponsor: &Keypair,
		wait: Wait,
		progress: &mut (dyn FnMut(Progress) + Send),
	) -> Result<(Included, E)> {
		let (included, events) = self.submit(call, sponsor, wait, progress).await?;
		Ok((included, first_event::<E>(&events)?))
	}
}

/// The pallet error a handles call was refused with when it entered the pool: the runtime runs
/// the call there and refuses one that would fail with `Invalid Transaction: Custom error: <i>`,
/// `i` the index of the error of pallet `Handles` (its pool check). [`Error::Failed`] with that
/// error's name and docs, as if the call had failed in a block (no fee was paid); `None` for any
/// other refusal.
pub(crate) fn pool_refusal(metadata: &subxt::Metadata, message: &str) -> Option<Error> {
	let (_, code) = message.split_once("Custom error: ")?;
	let digits: String = code.chars().take_while(char::is_ascii_digit).collect();
	let code: u8 = digits.parse().ok()?;
	// `InvalidHandle(rule)` is refused with `INVALID_HANDLE_CODES` plus the rule's index.
	let index = if code >= pallet_handles::INVALID_HANDLE_CODES { 0 } else { code };
	let handles = metadata.pallet_by_name("Handles")?;
	let variant = handles.error_variants()?.iter().find(|v| v.index == index)?;
	Some(Error::Failed {
		pallet: "Handles".into(),
		error: variant.name.clone(),
		docs: variant.docs.join(" "),
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	use crate::client::committed_metadata as metadata;

	#[test]
	fn a_pool_refusal_of_a_doomed_call_names_the_pallet_error() {
		let metadata = metadata();
		let message = "Invalid Transaction: Custom error: 3";
		match pool_refusal(&metadata, message) {
			Some(Error::Failed { pallet, error, docs }) => {
				assert_eq!((pallet.as_str(), error.as_str()), ("Handles", "PayloadReplayed"));
				assert!(docs.contains("already taken effect"), "{docs}");
			}
			other => panic!("expected Handles.PayloadReplayed, got {other:?}"),
		}
		let invalid_handle = format!("Custom error: {}", pallet_handles::INVALID_HANDLE_CODES + 2);
		assert!(matches!(
			pool_refusal(&metadata, &invalid_handle),
			Some(Error::Failed { error, .. }) if error == "InvalidHandle"
		));
		let in_rpc_error = "Rpc error: 1010: Invalid Transaction: Custom error: 25 (data)";
		assert!(matches!(
			pool_refusal(&metadata, in_rpc_error),
			Some(Error::Failed { error, .. }) if error == "LegacyPayloadExpired"
		));
	}

	#[test]
	fn other_refusals_are_left_as_they_are() {
		let metadata = metadata();
		for message in [
			"Invalid Transaction: Transaction has a bad signature",
			"Invalid Transaction: Custom error: 60",
			"Invalid Transaction: Custom error: x",
		] {
			assert_eq!(pool_refusal(&metadata, message), None, "{message}");
		}
	}
}
