//! Suffix ranges and suffix candidates drawn from a seed.

use alloc::vec::Vec;
use core::fmt;

use rand_chacha::{
	rand_core::{RngCore, SeedableRng},
	ChaCha20Rng,
};

/// Numeric suffix of a display handle (`Alice.4821` has suffix `4821`).
pub type Suffix = u32;
/// A 32-byte seed from which suffix candidates are drawn (the chain uses block hashes).
pub type Seed = [u8; 32];

/// Number of suffix candidates drawn from one seed.
pub const CANDIDATES_PER_SEED: usize = 10;
/// Most suffix options a handle can have: the candidates of the current and the previous seed.
pub const MAX_SUFFIX_OPTIONS: usize = 2 * CANDIDATES_PER_SEED;
/// Lower end of the default suffix range (inclusive).
pub const DEFAULT_SUFFIX_MIN: u32 = 1000;
/// Upper end of the default suffix range (inclusive).
pub const DEFAULT_SUFFIX_MAX: u32 = 9999;

/// An inclusive range of suffixes, `min..=max`. `min <= max` holds by construction: [`SuffixRange::new`]
/// checks it and, with the `codec` feature, decoding checks it too (a value with `min > max` fails
/// to decode).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "codec", derive(codec::Encode, codec::MaxEncodedLen, scale_info::TypeInfo))]
pub struct SuffixRange {
	min: u32,
	max: u32,
}

/// Why a [`SuffixRange`] could not be built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeError {
	/// `min` is greater than `max`.
	MinAboveMax,
}

impl fmt::Display for RangeError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			RangeError::MinAboveMax => {
				f.write_str("invalid suffix range: the minimum is greater than the maximum")
			}
		}
	}
}

#[cfg(feature = "std")]
impl std::error::Error for RangeError {}

impl SuffixRange {
	/// The default range, `1000..=9999`.
	pub const DEFAULT: SuffixRange =
		SuffixRange { min: DEFAULT_SUFFIX_MIN, max: DEFAULT_SUFFIX_MAX };
	/// The whole `u32` range, `0..=u32::MAX`.
	pub const FULL: SuffixRange = SuffixRange { min: 0, max: u32::MAX };

	/// The range `min..=max`; fails when `min > max`.
	pub const fn new(min: u32, max: u32) -> Result<Self, RangeError> {
		if min > max {
			Err(RangeError::MinAboveMax)
		} else {
			Ok(SuffixRange { min, max })
		}
	}

	/// Lowest suffix in the range.
	pub const fn min(&self) -> u32 {
		self.min
	}

	/// Highest suffix in the range.
	pub const fn max(&self) -> u32 {
		self.max
	}

	/// Whether `suffix` lies in the range.
	pub const fn contains(&self, suffix: u32) -> bool {
		self.min <= suffix && suffix <= self.max
	}

	/// Number of suffixes in the range (`max - min + 1`, at most 2^32).
	pub const fn len(&self) -> u64 {
		(self.max as u64) - (self.min as u64) + 1
	}

	/// Always `false`: a range holds at least one suffix.
	pub const fn is_empty(&self) -> bool {
		false
	}
}

impl Default for SuffixRange {
	fn default() -> Self {
		Self::DEFAULT
	}
}

#[cfg(feature = "codec")]
impl codec::Decode for SuffixRange {
	fn decode<I: codec::Input>(input: &mut I) -> Result<Self, codec::Error> {
		let min = u32::decode(input)?;
		let max = u32::decode(input)?;
		SuffixRange::new(min, max).map_err(|_| "SuffixRange: min is greater than max".into())
	}
}

#[cfg(feature = "codec")]
impl codec::DecodeWithMemTracking for SuffixRange {}

/// The [`CANDIDATES_PER_SEED`] suffix candidates of `canonical` under `seed`, in draw order
/// (duplicates possible).
///
/// A ChaCha20 generator is seeded with `blake2_256(seed ++ canonical)`; each of 10 `next_u32`
/// draws `x` becomes `min + x % (max - min + 1)`, computed in `u64` so every `u32` range works.
/// The cost does not depend on the size of the range.
pub fn candidates(
	seed: &Seed,
	canonical: &str,
	range: SuffixRange,
) -> [Suffix; CANDIDATES_PER_SEED] {
	candidates_with(seed, canonical, range, sp_crypto_hashing::blake2_256)
}

/// [`candidates`] with the generator's seed hashed by `blake2_256`.
pub fn candidates_with(
	seed: &Seed,
	canonical: &str,
	range: SuffixRange,
	blake2_256: crate::Blake2_256,
) -> [Suffix; CANDIDATES_PER_SEED] {
	let mut hasher_input = alloc::vec::Vec::with_capacity(seed.len() + canonical.len());
	hasher_input.extend_from_slice(seed);
	hasher_input.extend_from_slice(canonical.as_bytes());
	let mut rng = ChaCha20Rng::from_seed(blake2_256(&hasher_input));
	let span = range.len();
	let mut out = [0u32; CANDIDATES_PER_SEED];
	for slot in out.iter_mut() {
		let x = u64::from(rng.next_u32());
		// `x % span < span <= 2^32` and `min + (x % span) <= max`, so this fits a u32.
		let offset = x % span;
		*slot = u32::try_from(u64::from(range.min) + offset).unwrap_or(range.max);
	}
	out
}

/// The suffix options of `canonical`: the union of its candidates under the `current` and the
/// `previous` seed, ascending and without duplicates (at most [`MAX_SUFFIX_OPTIONS`]).
pub fn suffix_options(
	current: &Seed,
	previous: &Seed,
	canonical: &str,
	range: SuffixRange,
) -> Vec<Suffix> {
	options_of(&candidates(current, canonical, range), &candidates(previous, canonical, range))
}

/// The suffix options made of the candidates drawn under the current and the previous seed
/// ([`candidates`] of each): their union, ascending and without duplicates. For a caller that
/// also needs the current seed's candidates (see [`expiring`]) without drawing them twice.
pub fn options_of(current: &[Suffix], previous: &[Suffix]) -> Vec<Suffix> {
	let mut all = Vec::with_capacity(current.len() + previous.len());
	all.extend_from_slice(current);
	all.extend_from_slice(previous);
	all.sort_unstable();
	all.dedup();
	all
}

/// The suffixes of `available` (options that may be taken now) that the current seed does not
/// draw (`current`: its [`candidates`]): offered only under the previous seed, so they stop being
/// offered at the next seed rotation. In the order of `available`.
pub fn expiring(available: &[Suffix], current: &[Suffix]) -> Vec<Suffix> {
	available.iter().copied().filter(|s| !current.contains(s)).collect()
}
