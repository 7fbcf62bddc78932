//! The JSON forms of the client's results, with the field names of the node's `handles_*`
//! JSON-RPC (SPEC), and the text forms of accounts, hashes and on-chain bytes that go with them.

use pallet_handles_runtime_api::{HandleInfo, MsaForHandle};
use serde_json::{json, Value};
use sp_core::crypto::Ss58Codec;
use sp_runtime::AccountId32;

use crate::{
	error::{Error, Result},
	Included, Options,
};

/// On-chain bytes (a handle, a canonical form, a reason) as text; bytes that are not UTF-8 become
/// U+FFFD.
pub fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

/// `0x` and lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
	let mut s = String::with_capacity(2 + 2 * bytes.len());
	s.push_str("0x");
	for b in bytes {
		s.push_str(&format!("{b:02x}"));
	}
	s
}

/// Bytes from `0x`-prefixed hex (either case); `None` for anything else.
pub fn unhex(input: &str) -> Option<Vec<u8>> {
	let digits = input.strip_prefix("0x")?;
	if digits.len() % 2 != 0 {
		return None;
	}
	(0..digits.len())
		.step_by(2)
		.map(|i| digits.get(i..i + 2).and_then(|b| u8::from_str_radix(b, 16).ok()))
		.collect()
}

/// An account given as SS58 (any prefix) or as `0x` and 32 bytes of hex.
pub fn parse_account(input: &str) -> Result<AccountId32> {
	if let Ok(account) = AccountId32::from_ss58check(input) {
		return Ok(account);
	}
	let raw: [u8; 32] = unhex(input)
		.and_then(|bytes| bytes.try_into().ok())
		.ok_or_else(|| Error::BadAccount(input.into()))?;
	Ok(AccountId32::new(raw))
}

/// Where a transaction landed: `{ blockNumber, blockHash, finalized, extrinsicHash }`.
pub fn included(included: &Included) -> Value {
	json!({
		"blockNumber": included.block_number,
		"blockHash": hex(&included.block_hash.0),
		"finalized": included.finalized,
		"extrinsicHash": hex(&included.extrinsic_hash.0),
	})
}

/// `handles_getSuffixOptions`: `{ baseHandle, canonical, candidates, available, expiring,
/// nextRotation }`.
pub fn options(options: &Options) -> Value {
	json!({
		"baseHandle": text(&options.options.base_handle),
		"canonical": text(&options.options.canonical),
		"candidates": options.options.candidates,
		"available": options.options.available,
		"expiring": options.expiring,
		"nextRotation": options.next_rotation,
	})
}

/// `handles_getMsaForHandle`: `{ msaId, owner, handle }`.
pub fn msa_for_handle(found: &MsaForHandle<AccountId32>) -> Value {
	json!({ "msaId": found.msa_id, "owner": found.owner.to_ss58check(), "handle": text(&found.handle) })
}

/// `handles_getHandleForMsa`: `{ msaId, handle, baseHandle, suffix, canonical, owner,
/// createdAt }`.
pub fn handle_info(msa_id: u32, info: &HandleInfo<AccountId32, u32>) -> Value {
	json!({
		"msaId": msa_id,
		"handle": text(&info.handle),
		"baseHandle": text(&info.base_handle),
		"suffix": info.suffix,
		"canonical": text(&info.canonical),
		"owner": info.owner.to_ss58check(),
		"createdAt": info.created_at,
	})
}
