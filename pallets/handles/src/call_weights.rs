//! The weights the calls declare: the largest of the three key schemes' benchmarks of a signed
//! call (each signature verified twice: over the raw message, after the wrapped form was tried),
//! plus the pruning each entry it adds does; and the actual weight a signed call reports, which
//! returns the verifications a wallet-signed (`<Bytes>`-wrapped) signature did not need.

use crate::*;
use frame_support::{dispatch::PostDispatchInfo, pallet_prelude::*};

impl<T: Config> Pallet<T> {
	/// The weight of one signature verification that can be refunded: the cheapest scheme's
	/// (the pallet does not look inside `T::Signature`), so a refund never exceeds what was
	/// saved.
	pub fn verification_weight() -> Weight {
		T::WeightInfo::verify_sr25519()
			.min(T::WeightInfo::verify_ed25519())
			.min(T::WeightInfo::verify_ecdsa())
	}

	/// What a call that declared `declared` did not use: `refund`.
	pub(crate) fn actual_weight(declared: Weight, refund: Weight) -> PostDispatchInfo {
		Some(declared.saturating_sub(refund)).into()
	}

	/// The weight a signed call declared but did not use: the verifications its signatures did
	/// not need, and `unused` (pruning that found nothing to prune).
	pub(crate) fn refund(signatures: &[Verified], unused: Weight) -> Weight {
		let saved: u32 = signatures.iter().map(|v| v.saved()).sum();
		Self::verification_weight().saturating_mul(u64::from(saved)).saturating_add(unused)
	}

	/// `create_handle`: one replay entry.
	pub fn create_handle_weight() -> Weight {
		T::WeightInfo::create_handle()
			.max(T::WeightInfo::create_handle_ed25519())
			.max(T::WeightInfo::create_handle_ecdsa())
			.saturating_add(Self::record_weight())
	}

	/// `retire_handle`: one replay entry, one cooldown.
	pub fn retire_handle_weight() -> Weight {
		T::WeightInfo::retire_handle()
			.max(T::WeightInfo::retire_handle_ed25519())
			.max(T::WeightInfo::retire_handle_ecdsa())
			.saturating_add(Self::record_weight())
			.saturating_add(Self::cooldown_weight())
	}

	/// `change_handle`: one replay entry, at most one cooldown.
	pub fn change_handle_weight() -> Weight {
		T::WeightInfo::change_handle()
			.max(T::WeightInfo::change_handle_ed25519())
			.max(T::WeightInfo::change_handle_ecdsa())
			.saturating_add(Self::record_weight())
			.saturating_add(Self::cooldown_weight())
	}

	/// `transfer_ownership`: two replay entries (one per signature).
	pub fn transfer_ownership_weight() -> Weight {
		T::WeightInfo::transfer_ownership()
			.max(T::WeightInfo::transfer_ownership_ed25519())
			.max(T::WeightInfo::transfer_ownership_ecdsa())
			.saturating_add(Self::record_weight().saturating_mul(2))
	}

	/// `force_retire_handle`: one cooldown.
	pub fn force_retire_handle_weight() -> Weight {
		T::WeightInfo::force_retire_handle().saturating_add(Self::cooldown_weight())
	}
}
