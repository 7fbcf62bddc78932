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
mod suffix;
mod validate;

pub use canonical::{canonical, CANONICAL_VERSION, MAX_CANONICAL_BYTES, UNICODE_VERSIONS};
pub use display::{
	format_display, parse_display, DisplayError, MAX_DISPLAY_BYTES, MAX_SUFFIX_DIGITS,
};
pub use error::{HandleError, HandleRule};
pub use msa::msa_id;
pub use suffix::{
	candidates, suffix_options, RangeError, SuffixRange, CANDIDATES_PER_SEED, DEFAULT_SUFFIX_MAX,
	DEFAULT_SUFFIX_MIN, MAX_SUFFIX_OPTIONS,
};
pub use validate::{
	default_reserved_canonical, is_highly_restrictive, validate, validate_with_default_reserved,
	ValidHandle, DEFAULT_RESERVED, FORBIDDEN_CHARS, MAX_BASE_BYTES, MIN_BASE_CHARS,
};

/// Identifier of a message source account (MSA).
pub type MsaId = u32;
/// Numeric suffix of a display handle (`Alice.4821` has suffix `4821`).
pub type Suffix = u32;
/// A 32-byte seed from which suffix candidates are drawn (the chain uses block hashes).
pub type Seed = [u8; 32];
#[cfg(test)]
mod table_tests;
