//! Every way a client call can fail, each with a one-line message a person can act on.

use core::fmt;

use handles_rules::HandleRule;
use pallet_handles_runtime_api::QueryError;
use subxt::error::DispatchError;

use crate::{json::text, keys::KeyError, messages};

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
	/// The base handle breaks a rule of the rules crate (checked before anything is signed).
	InvalidHandle {
		/// The base handle as typed.
		base: String,
		/// The rule it breaks.
		rule: HandleRule,
		/// The rules crate's sentence naming the rule (the text of `handles_validateHandle`).
		message: String,
		/// What the person should change, in words they can act on ([`crate::messages`]).
		explanation: String,
	},
	/// A display handle that is not `base.suffix`.
	MalformedDisplayHandle {
		/// The text as typed.
		input: String,
		/// What is wrong with it, in words a person can act on.
		message: String,
	},
	/// The suffix asked for is not available for the handle now.
	SuffixNotAvailable {
		/// The display handle asked for.
		handle: String,
		/// The suffixes available instead.
		available: Vec<u32>,
	},
	/// No suffix is available for the base handle under the current seeds.
	NoSuffixAvailable {
		/// The base handle.
		base: String,
	},
	/// The MSA does not exist.
	UnknownMsa(u32),
	/// The MSA holds no handle (for retire).
	NoHandle(u32),
	/// The key given as owner does not own the MSA.
	NotOwner {
		/// The MSA.
		msa_id: u32,
		/// Its owner on chain (SS58).
		owner: String,
		/// The key's account (SS58).
		key: String,
	},
	/// An account string that is neither SS58 nor 32-byte hex.
	BadAccount(String),
	/// A secret URI that names no key.
	Key(KeyError),
	/// The account that would pay for the transaction holds nothing to pay with.
	NoFunds {
		/// The account (SS58).
		account: String,
	},
	/// The node cannot be reached at this URL.
	Unreachable {
		/// The URL.
		url: String,
		/// Why.
		reason: String,
	},
	/// The node's transaction pool refused the transaction (bad nonce, fees, an invalid call...).
	Rejected(String),
	/// The transaction was included and failed, or the pool refused it because it would fail
	/// (the runtime's pool check of a handles call: no fee was paid): the pallet's error by name.
	Failed {
		/// The pallet (`Handles`, `Sudo`, ...).
		pallet: String,
		/// The error's name (`SuffixNotAvailable`, ...).
		error: String,
		/// The error's documentation in the metadata.
		docs: String,
	},
	/// Refused before anything was submitted: the chain would fail the call with this error of
	/// pallet `Handles` (a sponsor's check of someone else's signed payload).
	WouldFail {
		/// The pallet error's name (`PayloadExpired`, `InvalidSignature`, ...).
		error: &'static str,
		/// Why, as a person would say it.
		message: String,
	},
	/// The transaction was included and failed with a dispatch error outside any pallet.
	Dispatch(String),
	/// Anything else the node or the connection reported.
	Node(String),
}

impl fmt::Display for Error {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			Self::InvalidHandle { base, explanation, .. } => {
				write!(f, "invalid handle {}: {explanation}", messages::quoted(base))
			}
			Self::MalformedDisplayHandle { input, message } => {
				write!(f, "not a display handle {}: {message}", messages::quoted(input))
			}
			Self::SuffixNotAvailable { handle, available } if available.is_empty() => {
				write!(f, "{handle} is not available, and no other suffix is either")
			}
			Self::SuffixNotAvailable { handle, available } => {
				let list: Vec<String> = available.iter().map(u32::to_string).collect();
				write!(f, "{handle} is not available; available suffixes: {}", list.join(", "))
			}
			Self::NoSuffixAvailable { base } => {
				write!(
					f,
					"no suffix is available for {} under the current seeds",
					messages::quoted(base)
				)
			}
			Self::UnknownMsa(id) => write!(f, "MSA {id} does not exist"),
			Self::NoHandle(id) => write!(f, "MSA {id} holds no handle"),
			Self::NotOwner { msa_id, owner, key } => {
				write!(f, "MSA {msa_id} is owned by {owner}, not by the given key ({key})")
			}
			Self::BadAccount(input) => {
				write!(f, "not an account (SS58 or 0x + 32 bytes of hex): {input:?}")
			}
			Self::Key(e) => write!(f, "{e}"),
			Self::NoFunds { account } => {
				write!(f, "{account} holds no tokens to pay the fee: give a funded --sponsor")
			}
			Self::Unreachable { url, reason } => {
				write!(f, "cannot reach the node at {url}: {reason}")
			}
			Self::Rejected(message) => write!(f, "the node refused the transaction: {message}"),
			Self::Failed { pallet, error, docs } if docs.is_empty() => {
				write!(f, "the chain refused the call: {pallet}.{error}")
			}
			Self::Failed { pallet, error, docs } => {
				write!(f, "the chain refused the call: {pallet}.{error}: {docs}")
			}
			Self::WouldFail { error, message } => {
				write!(f, "refused before submitting (Handles.{error}): {message}")
			}
			Self::Dispatch(message) => write!(f, "the chain refused the call: {message}"),
			Self::Node(message) => write!(f, "node error: {message}"),
		}
	}
}

impl std::error::Error for Error {}

impl From<KeyError> for Error {
	fn from(e: KeyError) -> Self {
		Self::Key(e)
	}
}

impl Error {
	/// A node or connection error, as text.
	pub(crate) fn node(e: impl fmt::Display) -> Self {
		Self::Node(e.to_string())
	}

	/// The error of a rules-crate validation of `base`.
	pub fn invalid(base: &str, e: handles_rules::HandleError) -> Self {
		Self::InvalidHandle {
			base: base.to_string(),
			rule: e.rule(),
			message: e.to_string(),
			explanation: messages::explain(base, &e),
		}
	}

	/// The error of a `HandlesApi` query about `input` (a base or display handle as typed).
	pub(crate) fn query(input: &str, e: QueryError) -> Self {
		match e {
			QueryError::InvalidHandle(reason) => {
				match handles_rules::validate(input.as_bytes(), |_| false) {
					// The offline rules name the rule; the chain adds its reserved list.
					Err(e) => Self::invalid(input, e),
					Ok(_) => Self::InvalidHandle {
						base: input.to_string(),
						rule: HandleRule::Reserved,
						message: text(&reason),
						explanation: messages::explain_chain(input, &text(&reason)),
					},
				}
			}
			QueryError::MalformedDisplayHandle(reason) => Self::MalformedDisplayHandle {
				input: input.to_string(),
				message: match handles_rules::parse_display(input.as_bytes()) {
					Err(e) => messages::explain_display(&e),
					Ok(_) => text(&reason),
				},
			},
		}
	}

	/// The error of a failed dispatch: a pallet's error by name, with its documentation from the
	/// metadata ([`Error::Failed`]), else [`Error::Dispatch`]. Every failed call is named here,
	/// whether the chain reported it in `System.ExtrinsicFailed` or in a pallet's event
	/// (`Sudo.Sudid`).
	pub(crate) fn dispatch(e: DispatchError) -> Self {
		match e {
			DispatchError::Module(module) => match module.details() {
				Ok(details) => Self::Failed {
					pallet: details.pallet.name().to_string(),
					error: details.variant.name.clone(),
					docs: details.variant.docs.join(" "),
				},
				Err(_) => Self::Dispatch(module.to_string()),
			},
			other => Self::Dispatch(other.to_string()),
		}
	}
}

/// Result of the client's calls.
pub type Result<T, E = Error> = core::result::Result<T, E>;
