//! The governance calls of pallet `Handles` (settings, reserved list, moderation), submitted
//! through `Sudo.sudo` and signed by the sudo key.

use subxt::{error::DispatchError, ext::scale_encode::EncodeAsType, ArcMetadata};

use super::{payloads::base_handle, Client, Included, Progress, Wait};
use crate::{
	error::{Error, Result},
	keys::Keypair,
	runtime::{self, runtime_types},
};

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

impl Client {
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
			Err(e) => Err(match self.current().await {
				Ok(at) => inner_error(at.metadata(), e),
				Err(e) => e,
			}),
		}
	}
}

/// The error of the inner call that `Sudid` reports, read with `metadata` (the latest finalized
/// block's) as subxt reads the error of `System.ExtrinsicFailed`, so [`Error::dispatch`] names
/// both alike.
fn inner_error(metadata: ArcMetadata, e: runtime_types::sp_runtime::DispatchError) -> Error {
	let decoded = metadata
		.dispatch_error_ty()
		.and_then(|ty| e.encode_as_type(ty, metadata.types()).ok())
		.and_then(|bytes| DispatchError::decode_from(bytes, metadata.clone()).ok());
	match decoded {
		Some(decoded) => Error::dispatch(decoded),
		None => Error::Dispatch(format!("{e:?}")),
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use runtime_types::sp_runtime::{DispatchError as RuntimeError, ModuleError};

	use crate::client::committed_metadata as metadata;

	#[test]
	fn a_pallet_error_of_the_inner_call_is_named_with_its_docs() {
		let metadata = metadata();
		let handles = metadata.pallet_by_name("Handles").expect("pallet Handles");
		let variant = handles
			.error_variants()
			.and_then(|errors| errors.iter().find(|v| v.name == "NotReserved"))
			.expect("Handles.NotReserved");
		let e = RuntimeError::Module(ModuleError {
			index: handles.error_index(),
			error: [variant.index, 0, 0, 0],
		});
		let docs = variant.docs.join(" ");
		assert!(!docs.is_empty());
		assert_eq!(
			inner_error(metadata.clone(), e),
			Error::Failed { pallet: "Handles".into(), error: "NotReserved".into(), docs }
		);
	}

	#[test]
	fn an_inner_error_without_a_pallet_name_reads_as_a_failed_transaction_does() {
		assert_eq!(
			inner_error(metadata(), RuntimeError::BadOrigin),
			Error::dispatch(DispatchError::BadOrigin)
		);
		let unknown = RuntimeError::Module(ModuleError { index: 255, error: [0; 4] });
		assert!(matches!(
			inner_error(metadata(), unknown),
			Error::Dispatch(m) if m.starts_with("Unknown pallet error '[255, 0, ")
		));
	}
}
