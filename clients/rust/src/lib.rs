#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod client;
mod error;
pub mod json;
pub mod keys;
pub mod messages;
pub mod runtime;

pub use client::{
	change_call, changed, check_display, create_call, created, retire_call, retired, ChangeChecked,
	Changed, Checking, Client, Created, Governance, HandlesConfig, Included, Options, Progress,
	Retired, SignedTx, SigningChain, Transferred, Wait,
};
pub use error::{Error, Result};
/// The rules crate this client checks handles with (validation, canonical forms, suffixes).
pub use handles_rules as rules;
/// The text an owner signs for each call (v3 payloads), SS58 addresses and the wallets' wrappings
/// (`<Bytes>`, EIP-191): the crate the runtime builds `signing_message` with.
pub use handles_signing as signing;
pub use keys::Keypair;
/// The payload types and their signed-message format, from the pallet.
pub use pallet_handles::{
	replay_key, signed_message, verify_signature, wrap_bytes, ChangeHandlePayload,
	CreateHandlePayload, PayloadMessages, RetireHandlePayload, SignedPayload,
	TransferOwnershipPayload, Verified,
};
/// The `HandlesApi` result types.
pub use pallet_handles_runtime_api as api;
