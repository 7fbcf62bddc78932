//! The canonical form of a handle: look-alikes are equal.

use alloc::string::String;

use unicode_normalization::UnicodeNormalization;

/// Version of the canonical form. Canonical forms are storage keys: any change to the algorithm
/// or to the pinned Unicode data (`unicode-security =0.1.3`, `unicode-normalization =0.1.26`)
/// that changes a canonical form must bump this and come with a storage migration.
pub const CANONICAL_VERSION: u32 = 1;

/// Upper bound on the length in bytes of the canonical form of a valid handle. Validation refuses
/// a handle whose canonical form is longer (`CanonicalTooLong`); it is never truncated.
pub const MAX_CANONICAL_BYTES: usize = 96;

/// The canonical form of `input`, in which look-alike handles are equal.
///
/// Total on any `&str` (validation decides bounds). See the crate README for the algorithm.
pub fn canonical(input: &str) -> String {
	let mut mapped = String::with_capacity(input.len());
	for c in input.chars() {
		let (f, _) = crate::fold_rules::fold(c);
		mapped.push_str(&f);
	}
	mapped.chars().nfd().collect()
}

/// Whether the canonical form of `c` contains the fold of a forbidden character.
pub(crate) fn folds_to_forbidden(c: char) -> bool {
	crate::fold_rules::fold(c).1
}
