//! JSON results of the `handles_*` methods, exactly the shapes the repository README states
//! (section "JSON-RPC (`handles_*`)").
//!
//! Field names are camelCase; accounts are SS58 strings (the process's default address format,
//! 42 unless the node sets another); byte strings are UTF-8 text; hashes are `0x` hex; numbers
//! are JSON numbers. Every struct also implements `Deserialize`, so Rust apps and tests can read
//! the responses back.

use pallet_handles_runtime_api::{
	HandleInfo, MsaForHandle, OwnedMsa, SeedInfo, Settings, SuffixOffer, SuffixOptions,
	ValidationResult,
};
use serde::{Deserialize, Serialize};
use sp_core::H256;
use sp_runtime::AccountId32;

/// Result of `handles_getSeed`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SeedResponse {
	/// Seed set at the most recent rotation (s0), `0x` hex.
	pub current: H256,
	/// Seed before that (s1), `0x` hex.
	pub previous: H256,
	/// Block number whose `on_initialize` rotates the seeds next.
	pub next_rotation: u32,
}

/// Result of `handles_getSuffixOptions`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SuffixOptionsResponse {
	/// The base handle as given.
	pub base_handle: String,
	/// Its canonical form.
	pub canonical: String,
	/// Union of the candidates under the current and previous seed, ascending.
	pub candidates: Vec<u32>,
	/// The candidates a claim would be accepted with at this block, ascending.
	pub available: Vec<u32>,
	/// The available suffixes offered only under the previous seed, ascending: they stop being
	/// offered at `next_rotation`.
	pub expiring: Vec<u32>,
	/// Block whose `on_initialize` rotates the seeds next.
	pub next_rotation: u32,
}

/// Result of `handles_getMsaForHandle` when the display handle (or a look-alike) is registered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MsaForHandleResponse {
	/// The MSA id.
	pub msa_id: u32,
	/// The MSA's owner, SS58.
	pub owner: AccountId32,
	/// The display handle as registered, which may differ from the queried look-alike.
	pub handle: String,
}

/// Result of `handles_getHandleForMsa` when the MSA holds a handle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HandleForMsaResponse {
	/// Display handle (`base.suffix`).
	pub handle: String,
	/// Base handle as the user typed it.
	pub base_handle: String,
	/// The suffix.
	pub suffix: u32,
	/// Canonical form of the base handle.
	pub canonical: String,
	/// The MSA's owner, SS58.
	pub owner: AccountId32,
	/// Block at which the MSA got this handle.
	pub created_at: u32,
}

/// One element of the result of `handles_getHandlesForOwner`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OwnedMsaResponse {
	/// The MSA id.
	pub msa_id: u32,
	/// Its display handle, `null` when the handle was retired.
	pub handle: Option<String>,
}

/// Result of `handles_validateHandle`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidationResponse {
	/// Whether the base handle may be claimed (suffix aside).
	pub valid: bool,
	/// Canonical form when valid, else `null`.
	pub canonical: Option<String>,
	/// Message naming the broken rule when invalid, else `null`.
	pub error: Option<String>,
}

/// Result of `handles_getSettings`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SettingsResponse {
	/// Smallest suffix of new claims.
	pub suffix_min: u32,
	/// Largest suffix of new claims.
	pub suffix_max: u32,
	/// Blocks a retired (canonical, suffix) pair stays unavailable.
	pub reuse_cooldown: u32,
	/// Blocks between seed rotations.
	pub seed_rotation_period: u32,
	/// Furthest a payload's expiration may lie ahead of the current block.
	pub max_payload_lifetime: u32,
	/// Last block at which signatures over a payload's legacy (SCALE) message are accepted;
	/// `null` at blocks of a runtime before `HandlesApi` version 5, which has no deadline.
	pub legacy_payload_deadline: Option<u32>,
}

/// The `payload` parameter of `handles_signingMessage`: the fields of one call's payload in
/// camelCase. Which fields a call takes is checked by the method (`create`: `baseHandle`,
/// `suffix`, `expiration`; `retire`: `msaId`, `handle`, `expiration`; `change`: `msaId`,
/// `oldHandle` (absent or `null` when the MSA holds no handle), `newBaseHandle`, `newSuffix`,
/// `expiration`; `transfer`: `msaId`, `owner`, `newOwner`, `expiration`); a field no call has, or a
/// field of the wrong JSON type, is an invalid-params error.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SigningPayloadFields {
	/// Base handle as typed (create).
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub base_handle: Option<String>,
	/// Suffix (create).
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub suffix: Option<u32>,
	/// The MSA (retire, change, transfer).
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub msa_id: Option<u32>,
	/// The display handle the MSA holds (retire).
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub handle: Option<String>,
	/// The display handle the MSA holds, absent or `null` when none (change).
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub old_handle: Option<String>,
	/// New base handle as typed (change).
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub new_base_handle: Option<String>,
	/// New suffix (change).
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub new_suffix: Option<u32>,
	/// The MSA's owner, SS58 (transfer).
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub owner: Option<String>,
	/// The account that becomes its owner, SS58 (transfer).
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub new_owner: Option<String>,
	/// Last block at which the payload may take effect (every call).
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub expiration: Option<u32>,
}

impl SigningPayloadFields {
	/// The camelCase names of the fields that are present, in declaration order.
	pub fn present(&self) -> Vec<&'static str> {
		[
			("baseHandle", self.base_handle.is_some()),
			("suffix", self.suffix.is_some()),
			("msaId", self.msa_id.is_some()),
			("handle", self.handle.is_some()),
			("oldHandle", self.old_handle.is_some()),
			("newBaseHandle", self.new_base_handle.is_some()),
			("newSuffix", self.new_suffix.is_some()),
			("owner", self.owner.is_some()),
			("newOwner", self.new_owner.is_some()),
			("expiration", self.expiration.is_some()),
		]
		.into_iter()
		.filter_map(|(name, present)| present.then_some(name))
		.collect()
	}
}

/// Result of `handles_signingMessage`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SigningMessageResponse {
	/// The text the owner signs.
	pub message: String,
	/// Its UTF-8 bytes, `0x` hex: what a signature is over (raw, or wrapped by the wallet).
	pub bytes: sp_core::Bytes,
}

/// A byte string from the runtime that should be UTF-8 but is not; names the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NotUtf8(pub &'static str);

impl core::fmt::Display for NotUtf8 {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		write!(f, "the runtime returned a `{}` that is not UTF-8", self.0)
	}
}

fn text(field: &'static str, bytes: Vec<u8>) -> Result<String, NotUtf8> {
	String::from_utf8(bytes).map_err(|_| NotUtf8(field))
}

impl From<SeedInfo<u32>> for SeedResponse {
	fn from(seed: SeedInfo<u32>) -> Self {
		Self {
			current: H256(seed.current),
			previous: H256(seed.previous),
			next_rotation: seed.next_rotation,
		}
	}
}

impl SettingsResponse {
	/// The response for `s` and the legacy-payload deadline, if the runtime has one.
	pub fn from_runtime(s: Settings<u32>, legacy_payload_deadline: Option<u32>) -> Self {
		Self {
			suffix_min: s.suffix_min,
			suffix_max: s.suffix_max,
			reuse_cooldown: s.reuse_cooldown,
			seed_rotation_period: s.seed_rotation_period,
			max_payload_lifetime: s.max_payload_lifetime,
			legacy_payload_deadline,
		}
	}
}

impl SuffixOptionsResponse {
	/// The response for `o`, with the seeds and range it was drawn under (`seed`, `range`) to
	/// tell which available suffixes expire at the next rotation.
	pub(crate) fn from_runtime(
		o: SuffixOptions,
		seed: &SeedInfo<u32>,
		range: handles_rules::SuffixRange,
	) -> Result<Self, NotUtf8> {
		let canonical = text("canonical", o.canonical)?;
		let current = handles_rules::candidates(&seed.current, &canonical, range);
		let expiring = handles_rules::expiring(&o.available, &current);
		Ok(Self {
			base_handle: text("baseHandle", o.base_handle)?,
			canonical,
			candidates: o.candidates,
			available: o.available,
			expiring,
			next_rotation: seed.next_rotation,
		})
	}

	/// The response for an answer of `HandlesApi::suffix_offer` (version 2 of the API).
	pub(crate) fn from_offer(o: SuffixOffer<u32>) -> Result<Self, NotUtf8> {
		Ok(Self {
			base_handle: text("baseHandle", o.base_handle)?,
			canonical: text("canonical", o.canonical)?,
			candidates: o.candidates,
			available: o.available,
			expiring: o.expiring,
			next_rotation: o.next_rotation,
		})
	}
}

impl MsaForHandleResponse {
	pub(crate) fn from_runtime(m: MsaForHandle<AccountId32>) -> Result<Self, NotUtf8> {
		Ok(Self { msa_id: m.msa_id, owner: m.owner, handle: text("handle", m.handle)? })
	}
}

impl HandleForMsaResponse {
	pub(crate) fn from_runtime(h: HandleInfo<AccountId32, u32>) -> Result<Self, NotUtf8> {
		Ok(Self {
			handle: text("handle", h.handle)?,
			base_handle: text("baseHandle", h.base_handle)?,
			suffix: h.suffix,
			canonical: text("canonical", h.canonical)?,
			owner: h.owner,
			created_at: h.created_at,
		})
	}
}

impl OwnedMsaResponse {
	pub(crate) fn from_runtime(m: OwnedMsa) -> Result<Self, NotUtf8> {
		Ok(Self { msa_id: m.msa_id, handle: m.handle.map(|h| text("handle", h)).transpose()? })
	}
}

impl SigningMessageResponse {
	pub(crate) fn from_runtime(bytes: Vec<u8>) -> Result<Self, NotUtf8> {
		let message = text("message", bytes.clone())?;
		Ok(Self { message, bytes: bytes.into() })
	}
}

impl ValidationResponse {
	pub(crate) fn from_runtime(v: ValidationResult) -> Result<Self, NotUtf8> {
		Ok(Self {
			valid: v.valid,
			canonical: v.canonical.map(|c| text("canonical", c)).transpose()?,
			error: v.error.map(|e| text("error", e)).transpose()?,
		})
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn expiring_are_the_available_suffixes_only_the_previous_seed_offers() {
		let range = handles_rules::SuffixRange::new(1000, 9999).unwrap();
		let (current, previous) = ([7u8; 32], [9u8; 32]);
		let under_current = handles_rules::candidates(&current, "allce", range);
		let under_previous = handles_rules::candidates(&previous, "allce", range);
		let candidates = handles_rules::suffix_options(&current, &previous, "allce", range);
		// One previous-only suffix is taken: it is neither available nor expiring.
		let previous_only: Vec<u32> =
			candidates.iter().copied().filter(|s| !under_current.contains(s)).collect();
		assert!(previous_only.len() >= 2, "the seeds draw different suffixes");
		let taken = previous_only[0];
		let available: Vec<u32> = candidates.iter().copied().filter(|s| *s != taken).collect();
		let options = SuffixOptions {
			base_handle: b"Alice".to_vec(),
			canonical: b"allce".to_vec(),
			candidates: candidates.clone(),
			available: available.clone(),
		};
		let seed = SeedInfo { current, previous, next_rotation: 201 };
		let response = SuffixOptionsResponse::from_runtime(options, &seed, range).unwrap();
		assert_eq!(response.expiring, previous_only[1..].to_vec());
		assert!(response.expiring.iter().all(|s| under_previous.contains(s)));
		assert!(response.expiring.iter().all(|s| !under_current.contains(s)));
		assert_eq!(response.next_rotation, 201);
		assert_eq!(response.available, available);
	}
}
