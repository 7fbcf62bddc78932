//! The rules crate applied to chain state: validation with the reserved list, suffix options and
//! availability. Every rule itself lives in `handles-rules`.

use crate::*;
use alloc::vec::Vec;
use frame_support::pallet_prelude::*;
use handles_rules::{HandleError, SuffixRange, ValidHandle};

/// A handle that passed every check of a claim and may be written.
pub(crate) struct Claim {
	/// Base handle as typed.
	pub base: BaseHandle,
	/// Its canonical form.
	pub canonical: Canonical,
	/// The suffix.
	pub suffix: Suffix,
	/// The MSA id `msa_id(canonical, suffix)`.
	pub derived_msa_id: MsaId,
}

/// A validated base handle in its bounded, storable form.
pub(crate) struct CheckedHandle {
	/// Base handle as typed.
	pub base: BaseHandle,
	/// Its canonical form.
	pub canonical: Canonical,
}

impl<T: Config> Pallet<T> {
	/// Whether the canonical form `canonical` is on the reserved list.
	pub(crate) fn is_reserved(canonical: &str) -> bool {
		Canonical::try_from(canonical.as_bytes().to_vec())
			.map(ReservedHandles::<T>::contains_key)
			.unwrap_or(false)
	}

	/// Validates `base` with the rules crate and the chain's reserved list.
	pub(crate) fn validate_base(base: &[u8]) -> Result<ValidHandle, HandleError> {
		handles_rules::validate(base, Self::is_reserved)
	}

	/// Validates `base` and bounds it for storage.
	pub(crate) fn check_handle(base: &[u8]) -> Result<CheckedHandle, Error<T>> {
		let valid = Self::validate_base(base)
			.map_err(|e| Error::<T>::InvalidHandle(InvalidHandleReason::from(e)))?;
		Self::bound_handle(valid)
	}

	/// Bounds a validated handle for storage. The rules crate guarantees both bounds, so the
	/// errors here are defensive.
	pub(crate) fn bound_handle(valid: ValidHandle) -> Result<CheckedHandle, Error<T>> {
		let base = BaseHandle::try_from(valid.base.into_bytes()).map_err(|_| {
			defensive!("a valid base handle fits MAX_BASE_BYTES");
			Error::<T>::InvalidHandle(InvalidHandleReason(HandleRule::TooLong))
		})?;
		let canonical = Canonical::try_from(valid.canonical.into_bytes()).map_err(|_| {
			defensive!("a valid canonical form fits MAX_CANONICAL_BYTES");
			Error::<T>::InvalidHandle(InvalidHandleReason(HandleRule::CanonicalTooLong))
		})?;
		Ok(CheckedHandle { base, canonical })
	}

	/// The canonical form under which `base` is put on (or looked up in) the reserved list: the
	/// handle must pass every rule except the reserved one.
	pub(crate) fn reserved_canonical(base: &[u8]) -> Result<Canonical, Error<T>> {
		let valid = handles_rules::validate(base, |_| false)
			.map_err(|e| Error::<T>::InvalidHandle(InvalidHandleReason::from(e)))?;
		Ok(Self::bound_handle(valid)?.canonical)
	}

	/// The suffix range of new claims.
	pub(crate) fn suffix_range() -> SuffixRange {
		HandleSettings::<T>::get().range()
	}

	/// The suffix options of `canonical`: the candidates under the current and the previous seed,
	/// ascending, without duplicates.
	pub(crate) fn options_for(canonical: &str, range: SuffixRange) -> Vec<Suffix> {
		let seeds = Seeds::<T>::get();
		handles_rules::suffix_options(&seeds.current, &seeds.previous, canonical, range)
	}

	/// Whether `(canonical, suffix)` may be taken now by a new MSA (`claimant == None`) or by the
	/// existing MSA `claimant`, the suffix being an offered option in range. Returns the MSA id
	/// the handle derives.
	///
	/// Checks, in order: not registered (`HandleTaken`), not cooling down (`HandleCoolingDown`),
	/// derived MSA id not in use by another MSA (`MsaIdInUse`).
	pub(crate) fn ensure_pair_available(
		canonical: &Canonical,
		canonical_str: &str,
		suffix: Suffix,
		claimant: Option<MsaId>,
	) -> Result<MsaId, Error<T>> {
		ensure!(!HandleToMsa::<T>::contains_key(canonical, suffix), Error::<T>::HandleTaken);
		if let Some(available_at) = CoolingDown::<T>::get(canonical, suffix) {
			ensure!(Self::now() >= available_at, Error::<T>::HandleCoolingDown);
		}
		let derived = handles_rules::msa_id(canonical_str, suffix);
		if claimant != Some(derived) {
			ensure!(!MsaOwner::<T>::contains_key(derived), Error::<T>::MsaIdInUse);
		}
		Ok(derived)
	}

	/// Every check of claiming the validated `handle` with `suffix` that remains after the rules:
	/// the range, the offered options and availability. `claimant` is the MSA that changes its handle, `None` for
	/// a new MSA.
	pub(crate) fn check_claim(
		handle: CheckedHandle,
		suffix: Suffix,
		claimant: Option<MsaId>,
	) -> Result<Claim, Error<T>> {
		let CheckedHandle { base, canonical } = handle;
		let canonical_str = core::str::from_utf8(&canonical).unwrap_or_default();
		let range = Self::suffix_range();
		ensure!(range.contains(suffix), Error::<T>::SuffixOutOfRange);
		ensure!(
			Self::options_for(canonical_str, range).contains(&suffix),
			Error::<T>::SuffixNotOffered
		);
		let derived_msa_id =
			Self::ensure_pair_available(&canonical, canonical_str, suffix, claimant)?;
		Ok(Claim { base, canonical, suffix, derived_msa_id })
	}
}
