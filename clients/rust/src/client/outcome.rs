//! What the client's reads and calls return: the suffix options of a base handle, where a
//! transaction landed, and the pallet's event of each user call.

use handles_rules::format_display;
use pallet_handles_runtime_api::SuffixOptions;
use sp_core::H256;
use sp_runtime::AccountId32;

use crate::error::{Error, Result};

/// A transaction in a block, which succeeded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Included {
	/// The block's hash.
	pub block_hash: H256,
	/// The block's number.
	pub block_number: u32,
	/// Whether the block was finalized when this was returned.
	pub finalized: bool,
	/// The transaction's hash.
	pub extrinsic_hash: H256,
}

/// The suffix options of a base handle, with what `handles_getSuffixOptions` adds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
	/// Candidates, availability and the canonical form (`HandlesApi::suffix_options`).
	pub options: SuffixOptions,
	/// The available suffixes offered only under the previous seed: they stop being offered at
	/// `next_rotation`.
	pub expiring: Vec<u32>,
	/// The block at which the seeds rotate next.
	pub next_rotation: u32,
}

impl Options {
	/// The suffix a claim takes when none is asked for: the first available one that is not
	/// expiring, else the first available one.
	pub fn pick(&self) -> Option<u32> {
		let available = &self.options.available;
		available
			.iter()
			.copied()
			.find(|s| !self.expiring.contains(s))
			.or(available.first().copied())
	}

	/// The suffix a claim of `base` takes: `wanted` when it is available, else (with `None`)
	/// [`Self::pick`]; an error naming the available suffixes otherwise.
	pub fn choose(&self, base: &str, wanted: Option<u32>) -> Result<u32> {
		match wanted {
			Some(s) if self.options.available.contains(&s) => Ok(s),
			Some(s) => Err(Error::SuffixNotAvailable {
				handle: format_display(base, s),
				available: self.options.available.clone(),
			}),
			None => self.pick().ok_or_else(|| Error::NoSuffixAvailable { base: base.into() }),
		}
	}
}

/// A new MSA with its handle (`MsaCreatedWithHandle`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Created {
	/// The new MSA.
	pub msa_id: u32,
	/// Its owner.
	pub owner: AccountId32,
	/// Its display handle.
	pub handle: String,
	/// Where the claim landed.
	pub included: Included,
}

/// A retired handle (`HandleRetired`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Retired {
	/// The MSA.
	pub msa_id: u32,
	/// The display handle it held.
	pub handle: String,
	/// Where the call landed.
	pub included: Included,
}

/// A changed handle (`HandleChanged`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changed {
	/// The MSA (it keeps its id).
	pub msa_id: u32,
	/// Its previous display handle, if it held one.
	pub old_handle: Option<String>,
	/// Its new display handle.
	pub new_handle: String,
	/// Where the call landed.
	pub included: Included,
}

/// A moved MSA (`OwnershipTransferred`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transferred {
	/// The MSA.
	pub msa_id: u32,
	/// Its owner before.
	pub old_owner: AccountId32,
	/// Its owner now.
	pub new_owner: AccountId32,
	/// Where the call landed.
	pub included: Included,
}

#[cfg(test)]
mod tests {
	use super::*;

	fn options(available: &[u32], expiring: &[u32]) -> Options {
		Options {
			options: SuffixOptions {
				base_handle: b"Alice".to_vec(),
				canonical: b"a11ce".to_vec(),
				candidates: vec![10, 20, 30, 40],
				available: available.to_vec(),
			},
			expiring: expiring.to_vec(),
			next_rotation: 100,
		}
	}

	#[test]
	fn pick_prefers_an_available_suffix_that_is_not_expiring() {
		assert_eq!(options(&[10, 20, 30], &[10]).pick(), Some(20));
		assert_eq!(options(&[10, 20], &[10, 20]).pick(), Some(10), "all expiring: the first");
		assert_eq!(options(&[], &[]).pick(), None);
	}

	#[test]
	fn choose_takes_an_available_suffix_and_names_the_others_when_it_is_not() {
		let o = options(&[10, 30], &[]);
		assert_eq!(o.choose("Alice", Some(30)), Ok(30));
		assert_eq!(o.choose("Alice", None), Ok(10));
		assert_eq!(
			o.choose("Alice", Some(20)),
			Err(Error::SuffixNotAvailable { handle: "Alice.20".into(), available: vec![10, 30] })
		);
		assert_eq!(
			options(&[], &[]).choose("Alice", None),
			Err(Error::NoSuffixAvailable { base: "Alice".into() })
		);
	}
}
