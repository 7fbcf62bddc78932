//! MSA ids derived from a handle.

use crate::Suffix;

/// Identifier of a message source account (MSA).
pub type MsaId = u32;

/// The MSA id a handle `(canonical, suffix)` gives a new MSA:
/// `u32::from_le_bytes(blake2_256(canonical ++ "." ++ decimal(suffix))[0..4])`.
///
/// After a handle change the MSA keeps its id, so resolve handles through the chain, not this
/// formula.
pub fn msa_id(canonical: &str, suffix: Suffix) -> MsaId {
	let mut digits = [0u8; 10];
	let digits = crate::display::decimal(suffix, &mut digits);
	let mut input = alloc::vec::Vec::with_capacity(canonical.len() + 1 + digits.len());
	input.extend_from_slice(canonical.as_bytes());
	input.push(b'.');
	input.extend_from_slice(digits);
	let hash = sp_crypto_hashing::blake2_256(&input);
	let [a, b, c, d, ..] = hash;
	u32::from_le_bytes([a, b, c, d])
}
