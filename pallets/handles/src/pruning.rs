//! Pruning queues of the replay store and the cooldowns.
//!
//! Both stores are written in time order into a queue (position -> entry) and pruned from its
//! front: O(1) per entry, no iteration over a map. Every entry added prunes up to
//! [`PRUNE_PER_ENTRY`] (two) expired entries from the front of its queue, paid by the weight of
//! the call that adds it, so a queue's backlog of expired entries can only shrink while the chain
//! is used; `on_idle` prunes up to `MaxIdlePrune` more in blocks with weight to spare.
//!
//! The replay queue is in expiration order up to `MaxPayloadLifetime` blocks (an entry recorded at
//! block `b` expires by `b + MaxPayloadLifetime`). The cooldown queue is in order of end block
//! while `reuse_cooldown` stays the same; after governance shortens it, newer cooldowns wait behind
//! older, longer ones (at most one old cooldown) before they are pruned. A cooldown not yet pruned
//! is harmless: the availability check compares its end block with the current block.

use crate::*;
use codec::FullCodec;
use frame_support::{
	pallet_prelude::*,
	storage::{StorageMap, StorageValue},
};
use frame_system::pallet_prelude::BlockNumberFor;

/// Expired entries pruned from the front of a queue for every entry added to it: more than one,
/// so that the backlog of expired entries shrinks while entries are added.
pub const PRUNE_PER_ENTRY: u32 = 2;

/// Appends `entry` at the end of the queue `Q` whose bounds are `B`.
pub(crate) fn push<B, Q, V>(entry: V)
where
	B: StorageValue<QueueBounds, Query = QueueBounds>,
	Q: StorageMap<u64, V>,
	V: FullCodec,
{
	B::mutate(|bounds| {
		Q::insert(bounds.tail, entry);
		bounds.tail = bounds.tail.saturating_add(1);
	});
}

/// Removes up to `max` entries from the front of the queue `Q` (bounds `B`) as long as `prune`
/// takes them: `prune(entry)` returns `false` for an entry that is not due yet, which stops the
/// pruning there, and otherwise removes what the entry stands for. Returns how many were removed.
fn prune_front<B, Q, V>(max: u32, mut prune: impl FnMut(V) -> bool) -> u32
where
	B: StorageValue<QueueBounds, Query = QueueBounds>,
	Q: StorageMap<u64, V, Query = Option<V>>,
	V: FullCodec,
{
	let mut bounds = B::get();
	let mut pruned = 0;
	while pruned < max && !bounds.is_empty() {
		match Q::get(bounds.head) {
			Some(entry) => {
				if !prune(entry) {
					break;
				}
				Q::remove(bounds.head);
			}
			None => {
				defensive!("a pruning queue has an entry at every position it spans");
			}
		}
		bounds.head = bounds.head.saturating_add(1);
		pruned += 1;
	}
	if pruned > 0 {
		B::put(bounds);
	}
	pruned
}

impl<T: Config> Pallet<T> {
	/// Records a payload that takes effect, so it never takes effect again: the replay entry and
	/// its place in the pruning queue; then prunes up to [`PRUNE_PER_ENTRY`] expired entries.
	/// Returns the weight of the pruning declared but not done (nothing left to prune).
	pub(crate) fn record_payload(expiration: BlockNumberFor<T>, key: [u8; 32]) -> Weight {
		ReplayEntries::<T>::insert(key, expiration);
		push::<ReplayQueueBounds<T>, ReplayQueue<T>, _>((expiration, key));
		let pruned = Self::prune_replay(PRUNE_PER_ENTRY);
		Self::record_weight().saturating_sub(T::WeightInfo::prune_replay(pruned))
	}

	/// Starts the cooldown of `(canonical, suffix)`, ending at block `available_at`, and queues
	/// it; then prunes up to [`PRUNE_PER_ENTRY`] cooldowns that have ended. Returns the weight of
	/// the pruning declared but not done.
	pub(crate) fn start_cooldown(
		canonical: &Canonical,
		suffix: Suffix,
		available_at: BlockNumberFor<T>,
	) -> Weight {
		CoolingDown::<T>::insert(canonical, suffix, available_at);
		push::<CooldownQueueBounds<T>, CooldownQueue<T>, _>((
			canonical.clone(),
			suffix,
			available_at,
		));
		let pruned = Self::prune_cooldowns(PRUNE_PER_ENTRY);
		Self::cooldown_weight().saturating_sub(T::WeightInfo::prune_cooldowns(pruned))
	}

	/// Weight of recording one payload: the pruning it does (the write itself is part of each
	/// call's benchmark).
	pub(crate) fn record_weight() -> Weight {
		T::WeightInfo::prune_replay(PRUNE_PER_ENTRY)
	}

	/// Weight of starting one cooldown: the pruning it does.
	pub(crate) fn cooldown_weight() -> Weight {
		T::WeightInfo::prune_cooldowns(PRUNE_PER_ENTRY)
	}

	/// Removes up to `max` replay entries whose payload has expired (expiration before the current
	/// block) from the front of the replay queue; returns how many.
	pub(crate) fn prune_replay(max: u32) -> u32 {
		let now = Self::now();
		prune_front::<ReplayQueueBounds<T>, ReplayQueue<T>, _>(max, |(expiration, key)| {
			if expiration >= now {
				return false;
			}
			ReplayEntries::<T>::remove(key);
			true
		})
	}

	/// Removes up to `max` cooldowns whose end block has come from the front of the cooldown
	/// queue, together with their [`CoolingDown`] entry while that is still the same cooldown (a
	/// pair claimed and retired again has a newer one); returns how many queue entries.
	pub(crate) fn prune_cooldowns(max: u32) -> u32 {
		let now = Self::now();
		prune_front::<CooldownQueueBounds<T>, CooldownQueue<T>, _>(
			max,
			|(canonical, suffix, available_at)| {
				if available_at > now {
					return false;
				}
				if CoolingDown::<T>::get(&canonical, suffix) == Some(available_at) {
					CoolingDown::<T>::remove(&canonical, suffix);
				}
				true
			},
		)
	}

	/// `on_idle`: prunes both queues, at most `MaxIdlePrune` entries each, as far as
	/// `remaining` allows; returns the weight used.
	pub(crate) fn do_on_idle(remaining: Weight) -> Weight {
		let mut meter = frame_support::weights::WeightMeter::with_limit(remaining);
		let max = T::MaxIdlePrune::get();
		let replay = Self::affordable(&meter, max, T::WeightInfo::prune_replay);
		if replay > 0 {
			let pruned = Self::prune_replay(replay);
			meter.consume(T::WeightInfo::prune_replay(pruned));
		}
		let cooldowns = Self::affordable(&meter, max, T::WeightInfo::prune_cooldowns);
		if cooldowns > 0 {
			let pruned = Self::prune_cooldowns(cooldowns);
			meter.consume(T::WeightInfo::prune_cooldowns(pruned));
		}
		meter.consumed()
	}

	/// The largest `n <= max` whose `weight(n)` the meter can still afford (0 when none).
	fn affordable(
		meter: &frame_support::weights::WeightMeter,
		max: u32,
		weight: fn(u32) -> Weight,
	) -> u32 {
		// Weights grow with `n`: halve the step until the largest affordable `n` is found.
		if !meter.can_consume(weight(1)) {
			return 0;
		}
		let (mut low, mut high) = (1u32, max.max(1));
		while low < high {
			let mid = low + (high - low).div_ceil(2);
			if meter.can_consume(weight(mid)) {
				low = mid;
			} else {
				high = mid - 1;
			}
		}
		low.min(max)
	}

	/// Worst-case weight of `on_idle`: both queues pruned by `MaxIdlePrune`.
	pub(crate) fn on_idle_worst_case() -> Weight {
		let max = T::MaxIdlePrune::get();
		T::WeightInfo::prune_replay(max).saturating_add(T::WeightInfo::prune_cooldowns(max))
	}
}
