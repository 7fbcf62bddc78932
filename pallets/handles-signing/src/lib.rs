#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

extern crate alloc;

mod ss58;
#[cfg(test)]
mod tests;

use alloc::{string::String, vec::Vec};
use core::fmt::Write as _;

pub use ss58::{ss58, MAX_SS58_PREFIX};

/// The word every first line starts with (`Handles: claim Alice.4821`): the product, the same on
/// every chain (the chain is named on the second line).
pub const TITLE: &str = "Handles";
/// Opening wrapper that polkadot.js, Talisman and SubWallet put around the bytes they sign.
pub const BYTES_PREFIX: &[u8] = b"<Bytes>";
/// Closing wrapper that polkadot.js, Talisman and SubWallet put around the bytes they sign.
pub const BYTES_SUFFIX: &[u8] = b"</Bytes>";
/// What EIP-191 (`personal_sign`) puts before the decimal length of the message.
pub const EIP191_PREFIX: &[u8] = b"\x19Ethereum Signed Message:\n";

/// A 32-byte account as the chain stores it.
pub type Account = [u8; 32];

/// The chain a message is for: named on the message's second line.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Chain<'a> {
	/// The runtime's `HandlesChainName` (`Handles` on the dev and local chains).
	pub name: &'a str,
	/// The hash of block 0.
	pub genesis_hash: [u8; 32],
	/// The runtime's `SS58Prefix`: the address format of the accounts in the message.
	pub ss58_prefix: u16,
}

/// The four signed calls, in the order of their payload kind (0 create ... 3 transfer).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Call {
	/// `create_handle`.
	Create,
	/// `retire_handle`.
	Retire,
	/// `change_handle`.
	Change,
	/// `transfer_ownership`.
	Transfer,
}

impl Call {
	/// Every call, by kind.
	pub const ALL: [Call; 4] = [Call::Create, Call::Retire, Call::Change, Call::Transfer];

	/// The call's name in `handles_signingMessage`: `create`, `retire`, `change` or `transfer`.
	pub fn name(self) -> &'static str {
		match self {
			Call::Create => "create",
			Call::Retire => "retire",
			Call::Change => "change",
			Call::Transfer => "transfer",
		}
	}

	/// The call of a [`Call::name`]; `None` for any other text.
	pub fn from_name(name: &str) -> Option<Call> {
		Self::ALL.into_iter().find(|call| call.name() == name)
	}

	/// The call of a payload kind byte (0 create, 1 retire, 2 change, 3 transfer).
	pub fn from_kind(kind: u8) -> Option<Call> {
		Self::ALL.get(usize::from(kind)).copied()
	}
}

/// What a call's message says: the call's arguments as the chain has them. Handles are byte
/// strings exactly as stored (UTF-8 for every stored handle; other bytes are shown as U+FFFD, never
/// a panic), MSA ids and suffixes numbers, accounts their 32 bytes, `expiration` the payload's last
/// valid block.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Message<'a> {
	/// `create_handle`: a new MSA holding `base_handle.suffix`.
	Create {
		/// The base handle as typed (`Alice`).
		base_handle: &'a [u8],
		/// The suffix (`4821`).
		suffix: u32,
		/// Last block at which the payload may take effect.
		expiration: u32,
	},
	/// `retire_handle`: MSA `msa_id` loses `handle`.
	Retire {
		/// The MSA.
		msa_id: u32,
		/// The display handle it holds (`Alice.4821`).
		handle: &'a [u8],
		/// Last block at which the payload may take effect.
		expiration: u32,
	},
	/// `change_handle`: MSA `msa_id` trades `old_handle` for `new_base_handle.new_suffix`.
	Change {
		/// The MSA.
		msa_id: u32,
		/// The display handle it holds; `None` when it holds none.
		old_handle: Option<&'a [u8]>,
		/// The new base handle as typed.
		new_base_handle: &'a [u8],
		/// The new suffix.
		new_suffix: u32,
		/// Last block at which the payload may take effect.
		expiration: u32,
	},
	/// `transfer_ownership`: MSA `msa_id` moves from `owner` to `new_owner`.
	Transfer {
		/// The MSA.
		msa_id: u32,
		/// The display handle the MSA holds now (from chain state, not from the payload); `None`
		/// when it holds none.
		handle: Option<&'a [u8]>,
		/// Its owner.
		owner: Account,
		/// The account that becomes its owner.
		new_owner: Account,
		/// Last block at which the payload may take effect.
		expiration: u32,
	},
}

impl Message<'_> {
	/// The call this message is for.
	pub fn call(&self) -> Call {
		match self {
			Message::Create { .. } => Call::Create,
			Message::Retire { .. } => Call::Retire,
			Message::Change { .. } => Call::Change,
			Message::Transfer { .. } => Call::Transfer,
		}
	}

	/// Last block at which the payload may take effect.
	pub fn expiration(&self) -> u32 {
		match *self {
			Message::Create { expiration, .. }
			| Message::Retire { expiration, .. }
			| Message::Change { expiration, .. }
			| Message::Transfer { expiration, .. } => expiration,
		}
	}
}

/// Stored handle bytes as text: UTF-8 as it is, anything else with U+FFFD in place.
fn text(bytes: &[u8]) -> alloc::borrow::Cow<'_, str> {
	String::from_utf8_lossy(bytes)
}

/// The display handle `base.suffix` of a base given as bytes.
fn display(base: &[u8], suffix: u32) -> String {
	handles_rules::format_display(&text(base), suffix)
}

/// The text an owner signs for `message` on `chain`: the call's line, then
/// `Chain: <name> 0x<genesis hash>` and `Valid until block: <expiration>`, separated by `\n`, no
/// newline at the end. Its UTF-8 bytes are what the signature is over (raw, or wrapped by
/// [`wrap_bytes`] or [`eip191`]).
pub fn signing_message(chain: &Chain, message: &Message) -> String {
	let mut out = String::new();
	// Writing to a String cannot fail.
	let _ = match *message {
		Message::Create { base_handle, suffix, .. } => {
			write!(out, "{TITLE}: claim {}", display(base_handle, suffix))
		}
		Message::Retire { msa_id, handle, .. } => {
			write!(out, "{TITLE}: retire {} of MSA {msa_id}", text(handle))
		}
		Message::Change { msa_id, old_handle, new_base_handle, new_suffix, .. } => {
			let from = old_handle.map(text).unwrap_or("no handle".into());
			let to = display(new_base_handle, new_suffix);
			write!(out, "{TITLE}: change MSA {msa_id} from {from} to {to}")
		}
		Message::Transfer { msa_id, handle, owner, new_owner, .. } => {
			let held = handle.map(text).unwrap_or("no handle".into());
			let (from, to) = (ss58(&owner, chain.ss58_prefix), ss58(&new_owner, chain.ss58_prefix));
			write!(out, "{TITLE}: transfer MSA {msa_id} ({held}) from {from} to {to}")
		}
	};
	let _ = write!(out, "\nChain: {} 0x", chain.name);
	push_hex(&mut out, &chain.genesis_hash);
	let _ = write!(out, "\nValid until block: {}", message.expiration());
	out
}

/// Appends the lowercase hex digits of `bytes`.
fn push_hex(out: &mut String, bytes: &[u8]) {
	for byte in bytes {
		let _ = write!(out, "{byte:02x}");
	}
}

/// `message` wrapped in `<Bytes>`..`</Bytes>`, as polkadot.js, Talisman and SubWallet sign it
/// (`signRaw`).
pub fn wrap_bytes(message: &[u8]) -> Vec<u8> {
	[BYTES_PREFIX, message, BYTES_SUFFIX].concat()
}

/// `message` with the EIP-191 prefix, as Ethereum wallets sign it (`personal_sign`):
/// `\x19Ethereum Signed Message:\n`, the message's length in bytes as decimal digits, the message.
pub fn eip191(message: &[u8]) -> Vec<u8> {
	let mut length = String::new();
	let _ = write!(length, "{}", message.len());
	[EIP191_PREFIX, length.as_bytes(), message].concat()
}
