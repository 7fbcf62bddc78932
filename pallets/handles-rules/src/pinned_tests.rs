//! Canonical forms are storage keys, so they are pinned: digests of the fold of every code point,
//! of the rule data (rule 3, marks, scripts, digits, reserved forms) and of the canonical forms of
//! every handle of the test vectors (`tests/vectors/mod.rs`) are compared with committed values.
//! Any change to the algorithm or to the pinned Unicode data that changes a form fails here until
//! `CANONICAL_VERSION` is raised.

#![allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

extern crate std;

use alloc::{string::String, vec::Vec};
use std::format;

use crate::{
	canonical,
	canonical::{push_fold, CharInfo, SCRIPT_UNIVERSE},
	tables::{DEFAULT_RESERVED_CANONICAL, DIGIT_ZEROS},
	vectors::corpus,
	CANONICAL_VERSION,
};

/// Digest of the fold (and forbidden flag) of every code point, for [`CANONICAL_VERSION`].
const FOLD_DIGEST: &str = "288cde1a29199e053d49d9e8ae6b56d602cca5bcaafaeb87f904bd46d08b0223";
/// Digest of the canonical forms of the test vectors' corpus ([`corpus`]), for
/// [`CANONICAL_VERSION`].
const CORPUS_DIGEST: &str = "1edbdada8ebf3bec954d1ee836dd36f770031d2deb4c0bfbc1ad9d09822a6ec7";
/// Digest of the rule data: rule-3 bit, mark bit and script set of every code point, the
/// decimal digits and the canonical forms of the default reserved handles.
const RULES_DIGEST: &str = "99a04e41efd5c985ddfdf00b1ab30a48db85bf7bcee6bfdb092308852e371a43";

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn all_chars() -> impl Iterator<Item = char> {
	(0u32..=0x10FFFF).filter_map(char::from_u32)
}

fn fold_digest() -> String {
	let mut data = Vec::new();
	let mut folded = String::new();
	for c in all_chars() {
		folded.clear();
		let flags = push_fold(c, &mut folded);
		data.extend_from_slice(&u32::from(c).to_le_bytes());
		data.extend_from_slice(folded.as_bytes());
		data.push(0xFF);
		data.push(u8::from(flags.forbidden));
	}
	hex(&sp_crypto_hashing::blake2_256(&data))
}

fn corpus_digest() -> String {
	let mut data = String::new();
	for input in corpus() {
		data.push_str(input);
		data.push('\t');
		data.push_str(&canonical(input));
		data.push('\n');
	}
	hex(&sp_crypto_hashing::blake2_256(data.as_bytes()))
}

fn rules_digest() -> String {
	let mut data = Vec::new();
	for name in SCRIPT_UNIVERSE {
		data.extend_from_slice(name.as_bytes());
		data.push(0xFF);
	}
	for c in all_chars() {
		let info = CharInfo::of(c);
		data.push(u8::from(info.allowed()) | u8::from(info.is_mark()) << 1);
		if info.allowed() {
			data.extend_from_slice(&info.script_mask().to_le_bytes());
		}
	}
	for zero in DIGIT_ZEROS {
		data.extend_from_slice(&zero.to_le_bytes());
	}
	for r in DEFAULT_RESERVED_CANONICAL {
		data.extend_from_slice(r.as_bytes());
		data.push(0xFF);
	}
	hex(&sp_crypto_hashing::blake2_256(&data))
}

#[test]
fn folds_of_every_code_point_are_pinned() {
	let digest = fold_digest();
	assert_eq!(
		digest, FOLD_DIGEST,
		"the fold of some code point changed, so canonical forms (storage keys) change: raise \
		 CANONICAL_VERSION (now {CANONICAL_VERSION}), write a storage migration that re-keys every \
		 handle, then set FOLD_DIGEST and CORPUS_DIGEST to the new values"
	);
}

#[test]
fn canonical_forms_of_the_corpus_are_pinned() {
	let digest = corpus_digest();
	assert_eq!(
		digest, CORPUS_DIGEST,
		"canonical forms of the pinned corpus changed: raise CANONICAL_VERSION (now \
		 {CANONICAL_VERSION}) and write a storage migration, then set CORPUS_DIGEST to the new value \
		 (if only the list in tests/vectors/mod.rs was edited, update the digest alone)"
	);
}

#[test]
fn rule_data_is_pinned() {
	let digest = rules_digest();
	assert_eq!(
		digest, RULES_DIGEST,
		"the rule data changed (rule-3 bit, combining marks, script sets, decimal digits or the \
		 reserved forms): handles that were valid may now be refused or the reverse; document the \
		 change in the crate README and the release notes, then set RULES_DIGEST to the new value"
	);
}
