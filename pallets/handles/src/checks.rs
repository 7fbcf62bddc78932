//! The rules crate applied to chain state: validation with the reserved list, suffix options and
//! availability. Every rule itself lives in `handles-rules`.

use crate::*;
use alloc::vec::Vec;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;
use handles_rules::{HandleError, SuffixRange, ValidHandle};

/// BLAKE2b-256 for the rules' hashes (generator seeds, derived MSA ids): the host function, which
/// hashes natively where hashing inside the Wasm would be 2.4x slower. The same function as the
/// rules' default, so the same ids and candidates.
pub(crate) const HOST_BLAKE2_256: handles_rules::Blake2_256 = sp_io::hashing::blake2_256;

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
	/// Whether the pair's cooldown entry, ended, is still stored (pruning had not reached it):
	/// taking the pair removes it.
	pub ended_cooldown: bool,
}

/// A pair that may be taken: what the availability rule read.
pub(crate) struct Available {
	/// The MSA id the handle derives.
	pub derived_msa_id: MsaId,
	/// Whether the pair still has a cooldown entry (ended, or it would not be available).
	pub ended_cooldown: bool,
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
		Self::options_under(&Seeds::<T>::get(), canonical, range)
	}

	/// [`Self::options_for`] under the seeds `seeds`.
	pub(crate) fn options_under(
		seeds: &SeedPair,
		canonical: &str,
		range: SuffixRange,
	) -> Vec<Suffix> {
		handles_rules::options_of(
			&Self::candidates(&seeds.current, canonical, range),
			&Self::candidates(&seeds.previous, canonical, range),
		)
	}

	/// The suffix candidates of `canonical` under `seed` ([`handles_rules::candidates`]).
	pub(crate) fn candidates(
		seed: &handles_rules::Seed,
		canonical: &str,
		range: SuffixRange,
	) -> [Suffix; handles_rules::CANDIDATES_PER_SEED] {
		handles_rules::candidates_with(seed, canonical, range, HOST_BLAKE2_256)
	}

	/// The MSA id `(canonical, suffix)` derives ([`handles_rules::msa_id`]).
	pub(crate) fn derived_msa_id(canonical: &str, suffix: Suffix) -> MsaId {
		handles_rules::msa_id_with(canonical, suffix, HOST_BLAKE2_256)
	}

	/// Whether `(canonical, suffix)` may be taken now by a new MSA (`claimant == None`) or by the
	/// existing MSA `claimant`, the suffix being an offered option in range. Returns the MSA id
	/// the handle derives. Reads the pair's state with one read per map.
	pub(crate) fn ensure_pair_available(
		canonical: &Canonical,
		canonical_str: &str,
		suffix: Suffix,
		claimant: Option<MsaId>,
	) -> Result<Available, Error<T>> {
		Self::ensure_available_in(&PairReads::point(canonical), canonical_str, suffix, claimant)
	}

	/// The availability rule, reading the pairs of one canonical form from `pairs`. Checks, in
	/// order: not registered (`HandleTaken`), not cooling down (`HandleCoolingDown`), derived MSA
	/// id not in use by another MSA (`MsaIdInUse`). Returns the derived MSA id and whether an
	/// ended cooldown entry of the pair is still stored.
	pub(crate) fn ensure_available_in(
		pairs: &PairReads<T>,
		canonical_str: &str,
		suffix: Suffix,
		claimant: Option<MsaId>,
	) -> Result<Available, Error<T>> {
		ensure!(!pairs.is_held(suffix), Error::<T>::HandleTaken);
		let cooldown = pairs.cooling_down_until(suffix);
		if let Some(available_at) = cooldown {
			ensure!(Self::now() >= available_at, Error::<T>::HandleCoolingDown);
		}
		let derived = Self::derived_msa_id(canonical_str, suffix);
		if claimant != Some(derived) {
			ensure!(!MsaOwner::<T>::contains_key(derived), Error::<T>::MsaIdInUse);
		}
		Ok(Available { derived_msa_id: derived, ended_cooldown: cooldown.is_some() })
	}

	/// The suffixes among `suffixes` that a new MSA may take now with `canonical` (the
	/// availability rule of [`Self::ensure_available_in`] for each), in their order. Reads the
	/// held and cooling-down pairs of `canonical` by iterating its prefix of each map when that
	/// holds at most `suffixes.len()` entries, so a fresh handle costs two reads plus one per
	/// suffix (the derived MSA id) instead of three per suffix.
	pub(crate) fn available_among(
		canonical: &Canonical,
		canonical_str: &str,
		suffixes: &[Suffix],
	) -> Vec<Suffix> {
		let pairs = PairReads::scan(canonical, suffixes.len());
		suffixes
			.iter()
			.copied()
			.filter(|s| Self::ensure_available_in(&pairs, canonical_str, *s, None).is_ok())
			.collect()
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
		let Available { derived_msa_id, ended_cooldown } =
			Self::ensure_pair_available(&canonical, canonical_str, suffix, claimant)?;
		Ok(Claim { base, canonical, suffix, derived_msa_id, ended_cooldown })
	}
}

/// How the availability checks read the state of a canonical form's pairs in [`HandleToMsa`] and
/// [`CoolingDown`]: one read per pair and map, or, for the suffixes a query checks, every entry
/// of the canonical form's prefix read once (when there are few enough).
pub(crate) struct PairReads<'a, T: Config> {
	canonical: &'a Canonical,
	/// The suffixes held with this canonical form, when read by iteration.
	held: Option<Vec<Suffix>>,
	/// The cooldowns of this canonical form (suffix, end block), when read by iteration.
	cooling: Option<Vec<(Suffix, BlockNumberFor<T>)>>,
}

impl<'a, T: Config> PairReads<'a, T> {
	/// One read per pair and map.
	pub(crate) fn point(canonical: &'a Canonical) -> Self {
		Self { canonical, held: None, cooling: None }
	}

	/// Reads the prefix of `canonical` in each map by iteration, as long as it has at most
	/// `limit` entries; a map with more is read one pair at a time instead. So the iteration
	/// reads at most `limit + 1` entries per map, whatever the chain holds.
	pub(crate) fn scan(canonical: &'a Canonical, limit: usize) -> Self {
		let held = bounded(HandleToMsa::<T>::iter_key_prefix(canonical), limit);
		let cooling = bounded(CoolingDown::<T>::iter_prefix(canonical), limit);
		Self { canonical, held, cooling }
	}

	/// Whether an MSA holds `(canonical, suffix)`.
	fn is_held(&self, suffix: Suffix) -> bool {
		match &self.held {
			Some(held) => held.contains(&suffix),
			None => HandleToMsa::<T>::contains_key(self.canonical, suffix),
		}
	}

	/// The end block of `(canonical, suffix)`'s cooldown entry, if it has one.
	fn cooling_down_until(&self, suffix: Suffix) -> Option<BlockNumberFor<T>> {
		match &self.cooling {
			Some(cooling) => cooling.iter().find(|(s, _)| *s == suffix).map(|(_, at)| *at),
			None => CoolingDown::<T>::get(self.canonical, suffix),
		}
	}
}

/// The items of `iter` when there are at most `limit`, else `None` (having read `limit + 1`).
fn bounded<I: Iterator>(iter: I, limit: usize) -> Option<Vec<I::Item>> {
	let mut items = Vec::new();
	for item in iter {
		if items.len() == limit {
			return None;
		}
		items.push(item);
	}
	Some(items)
}

#[cfg(test)]
mod tests {
	use super::bounded;

	#[test]
	fn bounded_keeps_up_to_the_limit_and_reads_one_past_it_at_most() {
		assert_eq!(bounded(1..=3, 3), Some(vec![1, 2, 3]));
		assert_eq!(bounded(1..1, 0), Some(vec![]));
		let mut read = 0;
		assert_eq!(bounded((1..=100).inspect(|_| read += 1), 3), None);
		assert_eq!(read, 4, "the limit, and one more to know there are more");
	}
}
