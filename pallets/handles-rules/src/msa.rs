//! MSA ids derived from a handle.

use crate::Suffix;

/// Identifier of a message source account (MSA).
pub type MsaId = u32;

/// A BLAKE2b-256 implementation: [`sp_crypto_hashing::blake2_256`] by default, or a runtime's host
/// function (`sp_io::hashing::blake2_256`), which hashes natively instead of inside the Wasm
/// (2.4x faster for a derived id of the longest canonical form, in the pallet's benchmarks).
pub type Blake2_256 = fn(&[u8]) -> [u8; 32];

/// The MSA id a handle `(canonical, suffix)` gives a new MSA:
/// `u32::from_le_bytes(blake2_256(canonical ++ "." ++ decimal(suffix))[0..4])`.
///
/// After a handle change the MSA keeps its id, so resolve handles through the chain, not this
/// formula.
pub fn msa_id(canonical: &str, suffix: Suffix) -> MsaId {
	msa_id_with(canonical, suffix, sp_crypto_hashing::blake2_256)
}

/// [`msa_id`] hashed with `blake2_256`.
pub fn msa_id_with(canonical: &str, suffix: Suffix, blake2_256: Blake2_256) -> MsaId {
	let mut digits = [0u8; 10];
	let digits = crate::display::decimal(suffix, &mut digits);
	let mut input = alloc::vec::Vec::with_capacity(canonical.len() + 1 + digits.len());
	input.extend_from_slice(canonical.as_bytes());
	input.push(b'.');
	input.extend_from_slice(digits);
	let [a, b, c, d, ..] = blake2_256(&input);
	u32::from_le_bytes([a, b, c, d])
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
	use super::*;
	use crate::{candidates, candidates_with, SuffixRange};

	/// A hash that is not BLAKE2b-256, to show the `_with` functions use the one they are given.
	fn not_blake2(data: &[u8]) -> [u8; 32] {
		let mut out = sp_crypto_hashing::blake2_256(data);
		out.reverse();
		out
	}

	#[test]
	fn the_with_variants_hash_with_the_function_they_are_given() {
		let range = SuffixRange::new(1000, 9999).expect("a range");
		for (canonical, suffix) in [("allce", 4821), ("rnrn", 0), ("", u32::MAX)] {
			assert_eq!(
				msa_id_with(canonical, suffix, sp_crypto_hashing::blake2_256),
				msa_id(canonical, suffix)
			);
			assert_ne!(msa_id_with(canonical, suffix, not_blake2), msa_id(canonical, suffix));
			let seed = [7u8; 32];
			assert_eq!(
				candidates_with(&seed, canonical, range, sp_crypto_hashing::blake2_256),
				candidates(&seed, canonical, range)
			);
			assert_ne!(
				candidates_with(&seed, canonical, range, not_blake2),
				candidates(&seed, canonical, range)
			);
		}
	}
}
