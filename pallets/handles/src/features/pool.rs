//! The pool check: a user call is run, with every check and write of its own, when it enters the
//! transaction pool, and rolled back; a call that would fail is refused there, before anyone
//! pays, and each signed payload `provides` its replay key, so two transactions carrying one
//! payload are never both in the pool or in a block (SPEC "Doomed calls never pay").

use crate::*;
use alloc::{vec, vec::Vec};
use frame_support::{
	pallet_prelude::*,
	storage::{with_transaction, TransactionOutcome},
};
use sp_runtime::{
	transaction_validity::{InvalidTransaction, TransactionValidityError, ValidTransaction},
	DispatchError, ModuleError,
};

/// Prefix of the tags the pool check provides: `(POOL_TAG, replay key)`, one per signature.
pub const POOL_TAG: &[u8; 16] = b"handles:payload:";

/// The pool's custom code of `InvalidHandle(rule)`: this plus the rule's index (its variant in
/// `InvalidHandleReason`, as the metadata lists them), so a wallet learns which rule the handle
/// breaks. Every other pallet error's code is its own index, below this.
pub const INVALID_HANDLE_CODES: u8 = 64;

impl<T: Config> Pallet<T> {
	/// The pool's view of `call`: `Ok(None)` for a call that is not one of the four user calls
	/// (nothing to add), `Ok(Some(valid))` when it would succeed in the next block, `valid`
	/// providing the replay key of each of its signatures; an invalid transaction otherwise,
	/// `InvalidTransaction::Custom(i)` with `i` the index of the pallet error it would fail with
	/// (`Error::<T>` in declaration order, as the metadata lists them) or, for
	/// `InvalidHandle(rule)`, [`INVALID_HANDLE_CODES`] plus the rule's index;
	/// `InvalidTransaction::Call` for any other error.
	///
	/// The call runs as the block would run it (its `do_*` function: expiration, rules,
	/// signatures and the legacy deadline, replay, options, availability, owner quota, stale handle
	/// or owner), inside a storage transaction that is rolled back, so nothing it writes remains;
	/// not a second copy of its checks. The runtime runs this in `validate_transaction` (the pool's
	/// runtime call, whose state is discarded anyway), never while building or importing a block,
	/// so block weight is unchanged. It sees the state the pool validates against (the best block,
	/// then the next block's number): a claim of a suffix that the seed rotation at the very next
	/// block withdraws passes here and fails in the block (`SuffixNotOffered`).
	pub fn pool_validity(
		call: &Call<T>,
	) -> Result<Option<ValidTransaction>, TransactionValidityError> {
		let (signers, result) = match call.clone() {
			Call::create_handle { owner, signature, payload } => {
				let key = replay_key(&Self::message_for(&payload), &owner);
				(vec![key], Self::dry_run(|| Self::do_create_handle(owner, signature, payload)))
			}
			Call::retire_handle { owner, signature, payload } => {
				let key = replay_key(&Self::message_for(&payload), &owner);
				(vec![key], Self::dry_run(|| Self::do_retire_handle(owner, signature, payload)))
			}
			Call::change_handle { owner, signature, payload } => {
				let key = replay_key(&Self::message_for(&payload), &owner);
				(vec![key], Self::dry_run(|| Self::do_change_handle(owner, signature, payload)))
			}
			Call::transfer_ownership {
				owner,
				signature,
				new_owner,
				new_owner_signature,
				payload,
			} => {
				let message = Self::message_for(&payload);
				let keys = vec![replay_key(&message, &owner), replay_key(&message, &new_owner)];
				let run = || {
					Self::do_transfer_ownership(
						owner,
						signature,
						new_owner,
						new_owner_signature,
						payload,
					)
				};
				(keys, Self::dry_run(run))
			}
			_ => return Ok(None),
		};
		result.map_err(Self::invalid)?;
		let provides: Vec<Vec<u8>> =
			signers.into_iter().map(|key| (POOL_TAG, key).encode()).collect();
		Ok(Some(ValidTransaction { provides, ..Default::default() }))
	}

	/// Runs `call` in a storage transaction that is always rolled back.
	fn dry_run(call: impl FnOnce() -> Result<Weight, DispatchError>) -> DispatchResult {
		with_transaction(|| {
			TransactionOutcome::Rollback(Ok::<_, DispatchError>(call().map(|_| ())))
		})
		.and_then(|result| result)
	}

	/// The invalid transaction for `error`: the index of this pallet's error (for
	/// `InvalidHandle`, [`INVALID_HANDLE_CODES`] plus its rule's), or `Call`.
	fn invalid(error: DispatchError) -> TransactionValidityError {
		let index = <Pallet<T> as PalletInfoAccess>::index();
		match error {
			DispatchError::Module(ModuleError { index: pallet, error, .. })
				if usize::from(pallet) == index =>
			{
				let code = match Error::<T>::decode(&mut &error[..]) {
					Ok(Error::InvalidHandle(rule)) => {
						INVALID_HANDLE_CODES.saturating_add(rule.encode()[0])
					}
					_ => error[0],
				};
				InvalidTransaction::Custom(code).into()
			}
			_ => InvalidTransaction::Call.into(),
		}
	}
}
