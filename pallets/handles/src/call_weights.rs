//! The weights the calls declare: the largest of the three key schemes' benchmarks of a signed
//! call (each signature a raw readable one, verified twice: the `<Bytes>`-wrapped form is tried
//! first), plus, per signature, the two verifications of the legacy forms the benchmark did not
//! reach, at the costliest scheme, plus the pruning each entry it adds does; and the actual weight
//! a signed call reports, which returns the verifications a signature did not need (three for a
//! wallet's: `<Bytes>`-wrapped readable text or EIP-191). Each signed call also declares the
//! read of the settings' legacy-payload deadline, which only a legacy signature needs (the
//! benchmarks sign the readable text), and returns it when no signature was legacy.

use crate::*;
use frame_support::{dispatch::PostDispatchInfo, pallet_prelude::*};

/// Verifications of each signature in the signed calls' benchmarks: a raw readable signature,
/// after the `<Bytes>`-wrapped readable form was tried.
pub const BENCHMARKED_VERIFICATIONS: u32 = 2;

impl<T: Config> Pallet<T> {
	/// The weight of one signature verification that can be refunded: the cheapest scheme's
	/// (the pallet does not look inside `T::Signature`), so a refund never exceeds what was
	/// saved.
	pub fn verification_weight() -> Weight {
		T::WeightInfo::verify_sr25519()
			.min(T::WeightInfo::verify_ed25519())
			.min(T::WeightInfo::verify_ecdsa())
			.min(T::WeightInfo::verify_eth())
	}

	/// The weight of the costliest scheme's verification.
	pub fn worst_verification_weight() -> Weight {
		T::WeightInfo::verify_sr25519()
			.max(T::WeightInfo::verify_ed25519())
			.max(T::WeightInfo::verify_ecdsa())
			.max(T::WeightInfo::verify_eth())
	}

	/// The verifications of `signatures` signatures that the calls' benchmarks did not make: up
	/// to [`MAX_VERIFICATIONS`] each (a raw legacy signature), beyond
	/// [`BENCHMARKED_VERIFICATIONS`].
	fn unbenchmarked_verifications(signatures: u32) -> Weight {
		let extra = MAX_VERIFICATIONS.saturating_sub(BENCHMARKED_VERIFICATIONS);
		Self::worst_verification_weight()
			.saturating_mul(u64::from(extra.saturating_mul(signatures)))
	}

	/// The read of the settings that a legacy signature costs (its deadline), which the calls'
	/// benchmarks (readable signatures) do not make.
	fn legacy_deadline_weight() -> Weight {
		T::DbWeight::get().reads(1)
	}

	/// What a call that declared `declared` did not use: `refund`.
	pub(crate) fn actual_weight(declared: Weight, refund: Weight) -> PostDispatchInfo {
		Some(declared.saturating_sub(refund)).into()
	}

	/// The weight a signed call declared but did not use: the verifications its signatures did
	/// not need, the read of the legacy deadline when none was legacy, and `unused` (pruning
	/// that found nothing to prune).
	pub(crate) fn refund(signatures: &[Verified], unused: Weight) -> Weight {
		let saved: u32 = signatures.iter().map(|v| v.saved()).sum();
		let deadline_unread = !signatures.iter().any(|v| v.is_legacy());
		Self::verification_weight()
			.saturating_mul(u64::from(saved))
			.saturating_add(if deadline_unread {
				Self::legacy_deadline_weight()
			} else {
				Weight::zero()
			})
			.saturating_add(unused)
	}

	/// `create_handle`: one replay entry.
	pub fn create_handle_weight() -> Weight {
		T::WeightInfo::create_handle()
			.max(T::WeightInfo::create_handle_ed25519())
			.max(T::WeightInfo::create_handle_ecdsa())
			.saturating_add(Self::unbenchmarked_verifications(1))
			.saturating_add(Self::legacy_deadline_weight())
			.saturating_add(Self::record_weight())
	}

	/// `retire_handle`: one replay entry, one cooldown.
	pub fn retire_handle_weight() -> Weight {
		T::WeightInfo::retire_handle()
			.max(T::WeightInfo::retire_handle_ed25519())
			.max(T::WeightInfo::retire_handle_ecdsa())
			.saturating_add(Self::unbenchmarked_verifications(1))
			.saturating_add(Self::legacy_deadline_weight())
			.saturating_add(Self::record_weight())
			.saturating_add(Self::cooldown_weight())
	}

	/// `change_handle`: one replay entry, at most one cooldown.
	pub fn change_handle_weight() -> Weight {
		T::WeightInfo::change_handle()
			.max(T::WeightInfo::change_handle_ed25519())
			.max(T::WeightInfo::change_handle_ecdsa())
			.saturating_add(Self::unbenchmarked_verifications(1))
			.saturating_add(Self::legacy_deadline_weight())
			.saturating_add(Self::record_weight())
			.saturating_add(Self::cooldown_weight())
	}

	/// `transfer_ownership`: two replay entries (one per signature).
	pub fn transfer_ownership_weight() -> Weight {
		T::WeightInfo::transfer_ownership()
			.max(T::WeightInfo::transfer_ownership_ed25519())
			.max(T::WeightInfo::transfer_ownership_ecdsa())
			.saturating_add(Self::unbenchmarked_verifications(2))
			.saturating_add(Self::legacy_deadline_weight())
			.saturating_add(Self::record_weight().saturating_mul(2))
	}

	/// `force_retire_handle`: one cooldown.
	pub fn force_retire_handle_weight() -> Weight {
		T::WeightInfo::force_retire_handle().saturating_add(Self::cooldown_weight())
	}
}
