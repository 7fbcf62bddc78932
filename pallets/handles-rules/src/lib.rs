#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

extern crate alloc;

mod canonical;
mod display;
mod error;
#[cfg(test)]
mod fold_rules;
mod msa;
mod reserved;
mod suffix;
mod table_layout;
mod tables;
mod validate;

#[cfg(test)]
mod pinned_tests;
#[cfg(test)]
mod table_tests;
/// The crate's test vectors, one list shared with the integration tests.
#[cfg(test)]
#[path = "../tests/vectors/mod.rs"]
mod vectors;

pub use canonical::{canonical, CANONICAL_VERSION, MAX_CANONICAL_BYTES, UNICODE_VERSIONS};
pub use display::{
	format_display, parse_display, DisplayError, MAX_DISPLAY_BYTES, MAX_DISPLAY_INPUT_BYTES,
	MAX_SUFFIX_DIGITS,
};
pub use error::{HandleError, HandleRule};
pub use msa::{msa_id, msa_id_with, Blake2_256, MsaId};
pub use reserved::DEFAULT_RESERVED;
pub use suffix::{
	candidates, candidates_with, expiring, options_of, suffix_options, RangeError, Seed, Suffix,
	SuffixRange, CANDIDATES_PER_SEED, DEFAULT_SUFFIX_MAX, DEFAULT_SUFFIX_MIN, MAX_SUFFIX_OPTIONS,
};
pub use validate::{
	default_reserved_canonical, is_highly_restrictive, validate, validate_with_default_reserved,
	ValidHandle, ARABIC_ZEROS, FORBIDDEN_CHARS, MAX_BASE_BYTES, MIN_BASE_CHARS,
};
