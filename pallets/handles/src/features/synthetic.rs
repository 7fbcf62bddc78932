//! Synthetic handles for development chains at scale: the genesis setting `synthetic_handles`
//! (`--chain dev-scale-<count>` on the node) gives a new chain that many handles, made
//! deterministically from their index, so that a chain of a million handles is a compact setting
//! and a few minutes of genesis, not a chain-spec file of a million records.
//!
//! Handle `k` (in the order they are made) has a base of letters of one of seven scripts (Latin,
//! Cyrillic, Greek, Arabic, Devanagari, Hangul, Han, in turn), its index written in that script's
//! letters, at least three of them; bases the rules refuse (on the reserved list, say) are
//! skipped, and look-alike bases get another suffix. It takes the first offered suffix that is
//! free, as a claim would, and the MSA id that derives. Owners hold [`MSAS_PER_OWNER`] MSAs each
//! (owner `k / MSAS_PER_OWNER`, an account made from that number), and every
//! [`RETIRED_EVERY`]th handle is retired at once, so its pair cools down for the reuse cooldown
//! and sits in the cooldown queue. No events, no replay entries.

use crate::*;
use alloc::{string::String, vec::Vec};
use codec::{Decode, Encode};
use sp_runtime::traits::TrailingZeroInput;

/// MSAs each synthetic owner holds (the last owner may hold fewer).
pub const MSAS_PER_OWNER: u32 = 3;

/// Every this many synthetic handles, one is retired at genesis (its pair cools down).
pub const RETIRED_EVERY: u32 = 20;

/// The letters synthetic bases are written in, one alphabet per script, used in turn.
pub const ALPHABETS: [&str; 7] = [
	"abcdefghjkmnpqrstuvwxyz",
	"бвгдежзийклмнпрстуфхцчшщыэюя",
	"αβγδεζηθικλμνξπρστυφχψω",
	"بتثجحخدذرزسشصضطظعغفقكلمنهوي",
	"कखगघचछजझटठडढणतथदधनपफबभमयरलवशसह",
	"가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허",
	"一二三四五六七八九十人大小山川日月火水木金土天地上下中",
];

/// The base of synthetic candidate `i`: `i / 7` written in the letters of script `i % 7`, at
/// least three letters.
pub fn synthetic_base(i: u32) -> String {
	let letters: Vec<char> = ALPHABETS[(i % 7) as usize].chars().collect();
	let radix = letters.len() as u32;
	let mut n = i / 7;
	let mut out = Vec::new();
	while out.len() < 3 || n > 0 {
		out.push(letters[(n % radix) as usize]);
		n /= radix;
	}
	out.into_iter().rev().collect()
}

/// The account of synthetic owner `k`.
pub fn synthetic_owner<A: Decode>(k: u32) -> A {
	let seed = sp_io::hashing::blake2_256(&(b"handles/synthetic-owner", k).encode());
	A::decode(&mut TrailingZeroInput::new(&seed)).expect("an account decodes from any input")
}

impl<T: Config> Pallet<T> {
	/// Makes `count` synthetic handles (see the module's documentation) on a chain at genesis,
	/// after its settings, seeds and reserved list. Panics, as a bad genesis setting should, when
	/// it cannot make that many (more candidates refused than four in five).
	pub(crate) fn build_synthetic(count: u32) {
		let range = Self::suffix_range();
		let limit = count.saturating_mul(5).saturating_add(1_000);
		let mut made: u32 = 0;
		let mut i: u32 = 0;
		while made < count {
			assert!(
				i < limit,
				"handles genesis: only {made} of {count} synthetic handles could be made"
			);
			let base = synthetic_base(i);
			i += 1;
			let Ok(handle) = Self::check_handle(base.as_bytes()) else { continue };
			let canonical = core::str::from_utf8(&handle.canonical).unwrap_or_default();
			let options = Self::options_for(canonical, range);
			let available = Self::available_among(&handle.canonical, canonical, &options);
			let Some(&suffix) = available.first() else { continue };
			let Ok(claim) = Self::check_claim(handle, suffix, None) else { continue };
			let msa_id = claim.derived_msa_id;
			let owner: T::AccountId = synthetic_owner(made / MSAS_PER_OWNER);
			let Ok(owned) = Self::owned_with(&owner, msa_id) else { continue };
			let (record, _) = Self::write_handle(msa_id, claim);
			MsaOwner::<T>::insert(msa_id, &owner);
			OwnerMsas::<T>::insert(&owner, owned);
			if made % RETIRED_EVERY == RETIRED_EVERY - 1 {
				Self::unwrite_handle(msa_id, &record);
			}
			made += 1;
		}
	}
}
