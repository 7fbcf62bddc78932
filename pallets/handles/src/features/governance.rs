//! Governance: settings and the reserved list.

use crate::*;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	/// Sets the suffix range and the reuse cooldown.
	pub(crate) fn do_set_handle_settings(
		suffix_min: u32,
		suffix_max: u32,
		reuse_cooldown: BlockNumberFor<T>,
	) -> DispatchResult {
		handles_rules::SuffixRange::new(suffix_min, suffix_max)
			.map_err(|_| Error::<T>::InvalidSuffixRange)?;
		HandleSettings::<T>::mutate(|settings| {
			settings.suffix_min = suffix_min;
			settings.suffix_max = suffix_max;
			settings.reuse_cooldown = reuse_cooldown;
		});
		Self::deposit_event(Event::HandleSettingsChanged {
			suffix_min,
			suffix_max,
			reuse_cooldown,
		});
		Ok(())
	}

	/// Sets the last block of legacy payloads.
	pub(crate) fn do_set_legacy_payload_deadline(block: BlockNumberFor<T>) {
		HandleSettings::<T>::mutate(|settings| settings.legacy_payload_deadline = block);
		Self::deposit_event(Event::LegacyPayloadDeadlineSet { block });
	}

	/// Puts the canonical form of `base` on the reserved list.
	pub(crate) fn do_add_reserved_handle(base: BaseHandle) -> DispatchResult {
		let canonical = Self::reserved_canonical(&base)?;
		ensure!(!ReservedHandles::<T>::contains_key(&canonical), Error::<T>::AlreadyReserved);
		ensure!(
			ReservedHandles::<T>::count() < T::MaxReservedHandles::get(),
			Error::<T>::TooManyReservedHandles
		);
		ReservedHandles::<T>::insert(&canonical, ());
		Self::deposit_event(Event::ReservedHandleAdded { canonical: canonical.into_inner() });
		Ok(())
	}

	/// Takes the canonical form of `base` off the reserved list.
	pub(crate) fn do_remove_reserved_handle(base: BaseHandle) -> DispatchResult {
		let canonical = Self::reserved_canonical(&base)?;
		ensure!(ReservedHandles::<T>::contains_key(&canonical), Error::<T>::NotReserved);
		ReservedHandles::<T>::remove(&canonical);
		Self::deposit_event(Event::ReservedHandleRemoved { canonical: canonical.into_inner() });
		Ok(())
	}
}
