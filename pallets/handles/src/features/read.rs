//! Read functions behind the runtime API (`HandlesApi`): one per `handles_*` RPC method, each
//! returning exactly the runtime API's type.

use crate::*;
use alloc::{string::ToString, vec::Vec};
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use pallet_handles_runtime_api::{
	HandleInfo, MsaForHandle, OwnedMsa, QueryError, SeedInfo, Settings, SuffixOffer, SuffixOptions,
	TooManyLookups, ValidationResult,
};

impl<T: Config> Pallet<T> {
	/// `handles_getSeed`: both seeds and the block that rotates them next.
	pub fn seed() -> SeedInfo<BlockNumberFor<T>> {
		let seeds = Seeds::<T>::get();
		SeedInfo {
			current: seeds.current,
			previous: seeds.previous,
			next_rotation: Self::next_rotation(),
		}
	}

	/// `handles_getSuffixOptions` (`HandlesApi::suffix_offer`): the suffix options of
	/// `base_handle` (union under both seeds), those a `create_handle` would accept at this
	/// block, which of these only the previous seed offers (they expire at the next rotation) and
	/// that rotation's block. An invalid or reserved handle is an error whose message names the
	/// rule.
	pub fn suffix_offer(
		base_handle: Vec<u8>,
	) -> Result<SuffixOffer<BlockNumberFor<T>>, QueryError> {
		let valid = Self::validate_base(&base_handle)
			.map_err(|e| QueryError::InvalidHandle(e.to_string().into_bytes()))?;
		let range = Self::suffix_range();
		let seeds = Seeds::<T>::get();
		let current = Self::candidates(&seeds.current, &valid.canonical, range);
		let previous = Self::candidates(&seeds.previous, &valid.canonical, range);
		let candidates = handles_rules::options_of(&current, &previous);
		let available = match Canonical::try_from(valid.canonical.clone().into_bytes()) {
			Ok(canonical) => Self::available_among(&canonical, &valid.canonical, &candidates),
			Err(_) => Vec::new(),
		};
		let expiring = handles_rules::expiring(&available, &current);
		Ok(SuffixOffer {
			base_handle,
			canonical: valid.canonical.into_bytes(),
			candidates,
			available,
			expiring,
			next_rotation: Self::next_rotation(),
		})
	}

	/// `HandlesApi::suffix_options` (version 1 of the API): [`Self::suffix_offer`] without
	/// `expiring` and `next_rotation`.
	pub fn suffix_options(base_handle: Vec<u8>) -> Result<SuffixOptions, QueryError> {
		Self::suffix_offer(base_handle).map(SuffixOptions::from)
	}

	/// `handles_getMsaForHandle`: the MSA holding the display handle `display_handle`
	/// (`base.suffix`) or any look-alike of it (same canonical base, same suffix).
	pub fn msa_for_handle(
		display_handle: Vec<u8>,
	) -> Result<Option<MsaForHandle<T::AccountId>>, QueryError> {
		let (base, suffix) = handles_rules::parse_display(&display_handle)
			.map_err(|e| QueryError::MalformedDisplayHandle(e.to_string().into_bytes()))?;
		let canonical = handles_rules::canonical(base);
		let canonical = Canonical::try_from(canonical.into_bytes()).map_err(|_| {
			QueryError::InvalidHandle(
				handles_rules::HandleError::CanonicalTooLong.to_string().into_bytes(),
			)
		})?;
		let Some(msa_id) = HandleToMsa::<T>::get(&canonical, suffix) else { return Ok(None) };
		let (Some(record), Some(owner)) =
			(MsaHandles::<T>::get(msa_id), MsaOwner::<T>::get(msa_id))
		else {
			return Ok(None);
		};
		Ok(Some(MsaForHandle { msa_id, owner, handle: record.display() }))
	}

	/// `handles_getHandleForMsa`: the handle MSA `msa_id` holds, `None` when it holds none or
	/// does not exist.
	pub fn handle_for_msa(msa_id: MsaId) -> Option<HandleInfo<T::AccountId, BlockNumberFor<T>>> {
		let record = MsaHandles::<T>::get(msa_id)?;
		let owner = MsaOwner::<T>::get(msa_id)?;
		Some(HandleInfo {
			handle: record.display(),
			base_handle: record.base.to_vec(),
			suffix: record.suffix,
			canonical: record.canonical.to_vec(),
			owner,
			created_at: record.created_at,
		})
	}

	/// `handles_getHandlesForOwner`: the MSAs of `owner`, ascending by id, each with its display
	/// handle (`None` when retired).
	pub fn handles_for_owner(owner: T::AccountId) -> Vec<OwnedMsa> {
		OwnerMsas::<T>::get(&owner)
			.into_iter()
			.map(|msa_id| OwnedMsa {
				msa_id,
				handle: MsaHandles::<T>::get(msa_id).map(|record| record.display()),
			})
			.collect()
	}

	/// `handles_validateHandle`: whether `base_handle` passes every rule and is not reserved on
	/// this chain; the error message names the broken rule.
	pub fn validate_handle(base_handle: Vec<u8>) -> ValidationResult {
		match Self::validate_base(&base_handle) {
			Ok(valid) => ValidationResult {
				valid: true,
				canonical: Some(valid.canonical.into_bytes()),
				error: None,
			},
			Err(e) => ValidationResult {
				valid: false,
				canonical: None,
				error: Some(e.to_string().into_bytes()),
			},
		}
	}

	/// `handles_getHandlesForMsas` (`HandlesApi::handles_for_msas`): [`Self::handle_for_msa`]
	/// of each id, in order. More than [`pallet_handles_runtime_api::MAX_BATCH_LOOKUPS`] ids is
	/// refused as a whole ([`TooManyLookups`]), so one call reads at most that many records.
	#[allow(clippy::type_complexity)]
	pub fn handles_for_msas(
		msa_ids: Vec<MsaId>,
	) -> Result<Vec<Option<HandleInfo<T::AccountId, BlockNumberFor<T>>>>, TooManyLookups> {
		TooManyLookups::check(msa_ids.len())?;
		Ok(msa_ids.into_iter().map(Self::handle_for_msa).collect())
	}

	/// `handles_getMsasForHandles` (`HandlesApi::msas_for_handles`): [`Self::msa_for_handle`] of
	/// each display handle, in order, look-alikes included. Where the single lookup would be an
	/// error (malformed, a base over `MAX_BASE_BYTES`, which `handles_getMsaForHandle` refuses)
	/// the answer is `None` in its place. More than
	/// [`pallet_handles_runtime_api::MAX_BATCH_LOOKUPS`] handles is refused as a whole
	/// ([`TooManyLookups`]).
	pub fn msas_for_handles(
		display_handles: Vec<Vec<u8>>,
	) -> Result<Vec<Option<MsaForHandle<T::AccountId>>>, TooManyLookups> {
		TooManyLookups::check(display_handles.len())?;
		Ok(display_handles
			.into_iter()
			.map(|display| {
				let (base, _) = handles_rules::parse_display(&display).ok()?;
				if base.len() > handles_rules::MAX_BASE_BYTES {
					return None;
				}
				Self::msa_for_handle(display).ok().flatten()
			})
			.collect())
	}

	/// `handles_getSettings`: governance settings and the pallet's constants.
	pub fn settings() -> Settings<BlockNumberFor<T>> {
		let settings = HandleSettings::<T>::get();
		Settings {
			suffix_min: settings.suffix_min,
			suffix_max: settings.suffix_max,
			reuse_cooldown: settings.reuse_cooldown,
			seed_rotation_period: T::SeedRotationPeriod::get(),
			max_payload_lifetime: T::MaxPayloadLifetime::get(),
		}
	}

	/// The last block of legacy payload signatures (`legacyPayloadDeadline` of
	/// `handles_getSettings`).
	pub fn legacy_payload_deadline() -> BlockNumberFor<T> {
		HandleSettings::<T>::get().legacy_payload_deadline
	}
}
