//! JSON-RPC server of the `handles_*` methods (jsonrpsee 0.24).
//!
//! [`Handles`] serves exactly the methods the repository README states (section "JSON-RPC
//! (`handles_*`)") by calling the runtime API [`pallet_handles_runtime_api::HandlesApi`] at a
//! block and turning its SCALE results into the JSON shapes in [`types`]:
//!
//! | method | params | result |
//! |---|---|---|
//! | `handles_getSeed` | `[at]` | [`SeedResponse`] |
//! | `handles_getSuffixOptions` | `baseHandle, [at]` | [`SuffixOptionsResponse`] |
//! | `handles_getMsaForHandle` | `displayHandle, [at]` | [`MsaForHandleResponse`] or `null` |
//! | `handles_getHandleForMsa` | `msaId, [at]` | [`HandleForMsaResponse`] or `null` |
//! | `handles_getHandlesForOwner` | `owner, [at]` | `[`[`OwnedMsaResponse`]`]` |
//! | `handles_validateHandle` | `baseHandle, [at]` | [`ValidationResponse`] |
//! | `handles_getSettings` | `[at]` | [`SettingsResponse`] |
//! | `handles_getHandlesForMsas` | `msaIds, [at]` | `[`[`HandleForMsaResponse`]` or null]` |
//! | `handles_getMsasForHandles` | `displayHandles, [at]` | `[`[`MsaForHandleResponse`]` or null]` |
//! | `handles_signingMessage` | `call, payload, [at]` | [`SigningMessageResponse`] |
//!
//! `at` is an optional `0x` block hash, always the last parameter; without it the best block is
//! used. Parameters may be given by position or by name (`baseHandle`, `displayHandle`, `msaId`,
//! `owner`, `msaIds`, `displayHandles`, `call`, `payload`, `at`).
//!
//! The batch lookups take at most [`MAX_BATCH_LOOKUPS`] entries and answer each with one runtime
//! call (`HandlesApi` version 3); at blocks of a runtime with an older `HandlesApi` they answer
//! with one single lookup per entry, the same results. `handles_signingMessage` needs `HandlesApi`
//! version 4 and is an error at blocks of older runtimes. `handles_getSettings` answers
//! `legacyPayloadDeadline` from `HandlesApi` version 5 on, `null` at blocks of older runtimes.
//!
//! Bad input never panics: it is a JSON-RPC error with one of the codes in [`error`] and a message
//! saying what is wrong. The RPC checks what it can without chain state (lengths against
//! [`handles_rules::MAX_BASE_BYTES`] and [`handles_rules::MAX_DISPLAY_INPUT_BYTES`], the `base.suffix`
//! shape of display handles, SS58 accounts) before calling the runtime; the handle rules
//! themselves are the runtime's (and `handles-rules`') business.
//!
//! # Wiring it into a node
//! ```ignore
//! use handles_rpc::{Handles, HandlesApiServer};
//! let mut module = jsonrpsee::RpcModule::new(());
//! module.merge(Handles::new(client.clone()).into_rpc())?;
//! ```
#![deny(missing_docs)]

pub mod error;
pub mod types;

use std::{marker::PhantomData, sync::Arc};

use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{ErrorObject, ErrorObjectOwned},
};
pub use pallet_handles_runtime_api::MAX_BATCH_LOOKUPS;
use pallet_handles_runtime_api::{
	HandlesApi as HandlesRuntimeApi, QueryError, SigningPayload, TooManyLookups,
};
use sp_api::{ApiError, ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::crypto::Ss58Codec;
use sp_runtime::{traits::Block as BlockT, AccountId32};

use crate::error::{
	error, runtime_error, HANDLE_TOO_LONG, INVALID_ACCOUNT, INVALID_HANDLE,
	MALFORMED_DISPLAY_HANDLE, RUNTIME_ERROR, TOO_MANY_LOOKUPS, UNKNOWN_BLOCK,
};
pub use crate::types::{
	HandleForMsaResponse, MsaForHandleResponse, OwnedMsaResponse, SeedResponse, SettingsResponse,
	SigningMessageResponse, SigningPayloadFields, SuffixOptionsResponse, ValidationResponse,
};

/// Longest account parameter (in bytes) that is decoded as SS58; real addresses are under 50.
const MAX_SS58_LEN: usize = 64;

/// The first `HandlesApi` version with `signing_message` (`handles_signingMessage`).
pub const SIGNING_MESSAGE_API_VERSION: u32 = 4;

/// The first `HandlesApi` version with `legacy_payload_deadline` (`legacyPayloadDeadline` of
/// `handles_getSettings`).
pub const LEGACY_PAYLOAD_DEADLINE_API_VERSION: u32 = 5;

/// The `handles_*` JSON-RPC methods. `BlockHash` is the chain's block hash type (`0x` hex in JSON).
#[rpc(client, server, namespace = "handles")]
pub trait HandlesApi<BlockHash> {
	/// The current and previous suffix seeds and the block that rotates them next.
	#[method(name = "getSeed")]
	fn get_seed(&self, at: Option<BlockHash>) -> RpcResult<SeedResponse>;

	/// Canonical form, suffix candidates and the available suffixes of a base handle, with those
	/// that are offered only under the previous seed (`expiring`: they stop being offered at
	/// `nextRotation`).
	///
	/// Errors: [`error::HANDLE_TOO_LONG`], [`error::INVALID_HANDLE`] when the base handle breaks a
	/// handle rule.
	#[method(name = "getSuffixOptions")]
	fn get_suffix_options(
		&self,
		#[argument(rename = "baseHandle")] base_handle: String,
		at: Option<BlockHash>,
	) -> RpcResult<SuffixOptionsResponse>;

	/// The MSA a display handle (`base.suffix`) resolves to, look-alikes included; `null` when none.
	///
	/// The base part is only canonicalized, not validated, so a look-alike that would break a rule
	/// (for example mixed scripts) still resolves, and a base with a forbidden character simply
	/// resolves to nothing.
	///
	/// Errors: [`error::HANDLE_TOO_LONG`], [`error::MALFORMED_DISPLAY_HANDLE`], and
	/// [`error::INVALID_HANDLE`] only if the runtime refuses the base (not with current rules).
	#[method(name = "getMsaForHandle")]
	fn get_msa_for_handle(
		&self,
		#[argument(rename = "displayHandle")] display_handle: String,
		at: Option<BlockHash>,
	) -> RpcResult<Option<MsaForHandleResponse>>;

	/// The handle an MSA holds; `null` when the MSA does not exist or its handle was retired.
	#[method(name = "getHandleForMsa")]
	fn get_handle_for_msa(
		&self,
		#[argument(rename = "msaId")] msa_id: u32,
		at: Option<BlockHash>,
	) -> RpcResult<Option<HandleForMsaResponse>>;

	/// The MSAs of an owner (SS58 address), ascending by id, each with its handle or `null`.
	///
	/// Errors: [`error::INVALID_ACCOUNT`].
	#[method(name = "getHandlesForOwner")]
	fn get_handles_for_owner(
		&self,
		owner: String,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<OwnedMsaResponse>>;

	/// Whether a base handle may be claimed under the rules and the chain's reserved list; a
	/// broken rule is reported in the result (`valid: false`, `error`), not as a JSON-RPC error.
	///
	/// A base over 32 bytes and up to [`MAX_VALIDATE_BYTES`] is `valid: false` with the reason.
	///
	/// Errors: [`error::HANDLE_TOO_LONG`] (input over [`MAX_VALIDATE_BYTES`]).
	#[method(name = "validateHandle")]
	fn validate_handle(
		&self,
		#[argument(rename = "baseHandle")] base_handle: String,
		at: Option<BlockHash>,
	) -> RpcResult<ValidationResponse>;

	/// Governance settings and constants of the pallet.
	#[method(name = "getSettings")]
	fn get_settings(&self, at: Option<BlockHash>) -> RpcResult<SettingsResponse>;

	/// `handles_getHandleForMsa` of each id, in order, from one runtime call: `null` where the MSA
	/// does not exist or holds no handle.
	///
	/// Errors: [`error::TOO_MANY_LOOKUPS`] (more than [`MAX_BATCH_LOOKUPS`] ids).
	#[method(name = "getHandlesForMsas")]
	fn get_handles_for_msas(
		&self,
		#[argument(rename = "msaIds")] msa_ids: Vec<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<Option<HandleForMsaResponse>>>;

	/// `handles_getMsaForHandle` of each display handle, in order, from one runtime call,
	/// look-alikes included: `null` where none resolves and where the single call would be an
	/// error (malformed, too long), not an error of the whole batch.
	///
	/// Errors: [`error::TOO_MANY_LOOKUPS`] (more than [`MAX_BATCH_LOOKUPS`] handles).
	#[method(name = "getMsasForHandles")]
	fn get_msas_for_handles(
		&self,
		#[argument(rename = "displayHandles")] display_handles: Vec<String>,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<Option<MsaForHandleResponse>>>;

	/// The text an owner signs for a payload of `call` (`create`, `retire`, `change` or
	/// `transfer`) on this chain, and its UTF-8 bytes: built by the runtime (`HandlesApi`
	/// version 4) with the chain's name, genesis hash and SS58 format, and for a transfer the
	/// MSA's display handle at the block. `payload` holds the call's fields in camelCase
	/// ([`SigningPayloadFields`]).
	///
	/// Errors: `-32602` (invalid params) for an unknown call, a missing field, a field the call
	/// does not take or a field of the wrong type; [`error::HANDLE_TOO_LONG`],
	/// [`error::MALFORMED_DISPLAY_HANDLE`], [`error::INVALID_ACCOUNT`]; [`error::RUNTIME_ERROR`] at
	/// a block whose runtime has `HandlesApi` before version 4.
	#[method(name = "signingMessage")]
	fn signing_message(
		&self,
		call: String,
		payload: SigningPayloadFields,
		at: Option<BlockHash>,
	) -> RpcResult<SigningMessageResponse>;
}

/// Server of the [`HandlesApiServer`] methods, backed by a client with the `HandlesApi` runtime API.
pub struct Handles<C, Block> {
	client: Arc<C>,
	_marker: PhantomData<Block>,
}

impl<C, Block> Handles<C, Block> {
	/// A server that answers from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: PhantomData }
	}
}

impl<C, Block> Handles<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: HandlesRuntimeApi<Block, AccountId32, u32>,
{
	/// The version of `HandlesApi` at block `at`; an error when its runtime has none.
	fn api_version(&self, at: Block::Hash) -> RpcResult<u32> {
		self.client
			.runtime_api()
			.api_version::<dyn HandlesRuntimeApi<Block, AccountId32, u32>>(at)
			.map_err(|e| runtime_error("HandlesApi", e))?
			.ok_or_else(|| {
				error(RUNTIME_ERROR, format!("the runtime at block {at:?} has no HandlesApi"))
			})
	}

	/// A batch lookup of `entries` at block `at`: one runtime call (`whole`, a method of
	/// `HandlesApi` version 3) where the block's runtime has it, else one single lookup per entry
	/// (`single`); each answer turned into its JSON type by `json`. The `&str`s name the runtime
	/// methods in errors.
	#[allow(clippy::type_complexity)]
	fn batch<E, R, J>(
		&self,
		at: Block::Hash,
		entries: Vec<E>,
		whole: (
			&str,
			fn(
				&C::Api,
				Block::Hash,
				Vec<E>,
			) -> Result<Result<Vec<Option<R>>, TooManyLookups>, ApiError>,
		),
		single: (&str, fn(&C::Api, Block::Hash, E) -> Result<Option<R>, ApiError>),
		json: fn(R) -> Result<J, types::NotUtf8>,
	) -> RpcResult<Vec<Option<J>>> {
		let api = self.client.runtime_api();
		let found: Vec<Option<R>> = if self.api_version(at)? >= 3 {
			(whole.1)(&api, at, entries)
				.map_err(|e| runtime_error(whole.0, e))?
				.map_err(too_many)?
		} else {
			entries
				.into_iter()
				.map(|entry| (single.1)(&api, at, entry))
				.collect::<Result<_, _>>()
				.map_err(|e| runtime_error(single.0, e))?
		};
		found
			.into_iter()
			.map(|answer| answer.map(json).transpose())
			.collect::<Result<_, _>>()
			.map_err(|e| not_utf8(whole.0, e))
	}

	/// The block to answer at: `at`, which must be known, or the best block.
	fn block(&self, at: Option<Block::Hash>) -> RpcResult<Block::Hash> {
		let Some(hash) = at else { return Ok(self.client.info().best_hash) };
		match self.client.header(hash) {
			Ok(Some(_)) => Ok(hash),
			Ok(None) => {
				Err(error(UNKNOWN_BLOCK, format!("block {hash:?} is not known to this node")))
			}
			Err(e) => Err(error(UNKNOWN_BLOCK, format!("cannot read block {hash:?}: {e}"))),
		}
	}
}

/// Longest input `handles_validateHandle` answers with a result (`valid: false` and the reason
/// for anything over `MAX_BASE_BYTES`); longer input is a `HANDLE_TOO_LONG` error.
pub const MAX_VALIDATE_BYTES: usize = 256;

/// Refuses a base handle longer than any handle may be.
fn check_base_len(base_handle: &str) -> RpcResult<()> {
	check_len(base_handle, handles_rules::MAX_BASE_BYTES)
}

/// Refuses a base handle longer than `max` bytes.
fn check_len(base_handle: &str, max: usize) -> RpcResult<()> {
	let len = base_handle.len();
	if len > max {
		return Err(error(
			HANDLE_TOO_LONG,
			format!("base handle is {len} bytes of UTF-8, at most {max} are allowed"),
		));
	}
	Ok(())
}

/// Checks the `base.suffix` shape of a display handle with [`handles_rules::parse_display`]: a
/// non-empty base of at most `MAX_BASE_BYTES` without `.`, a `.`, and a decimal `u32` suffix
/// without sign or leading zeros in one kind of Unicode decimal digits (`alice.４８２１`),
/// `MAX_DISPLAY_INPUT_BYTES` in all.
fn check_display_handle(display_handle: &str) -> RpcResult<()> {
	let len = display_handle.len();
	if len > handles_rules::MAX_DISPLAY_INPUT_BYTES {
		return Err(error(
			HANDLE_TOO_LONG,
			format!(
				"display handle is {len} bytes of UTF-8, at most {} are allowed",
				handles_rules::MAX_DISPLAY_INPUT_BYTES
			),
		));
	}
	match handles_rules::parse_display(display_handle.as_bytes()) {
		Ok((base, _suffix)) => check_base_len(base),
		Err(e) => Err(error(
			MALFORMED_DISPLAY_HANDLE,
			format!("display handle {display_handle:?} is malformed: {e}"),
		)),
	}
}

/// Refuses a batch of more than [`MAX_BATCH_LOOKUPS`] entries.
fn check_batch(len: usize) -> RpcResult<()> {
	TooManyLookups::check(len).map_err(too_many)
}

/// The error of a batch of more than [`MAX_BATCH_LOOKUPS`] entries.
fn too_many(e: TooManyLookups) -> ErrorObjectOwned {
	error(TOO_MANY_LOOKUPS, e.to_string())
}

/// Decodes an SS58 address of a 32-byte account; `what` names the parameter in errors.
fn parse_account(what: &str, account: &str) -> RpcResult<AccountId32> {
	if account.starts_with("0x") {
		return Err(error(
			INVALID_ACCOUNT,
			format!("{what} is hex; give the account as an SS58 address (e.g. 5GrwvaEF...)"),
		));
	}
	if account.len() > MAX_SS58_LEN {
		return Err(error(
			INVALID_ACCOUNT,
			format!("{what} is {} bytes long, longer than any SS58 address", account.len()),
		));
	}
	AccountId32::from_ss58check(account).map_err(|e| {
		error(
			INVALID_ACCOUNT,
			format!("{what} {account:?} is not an SS58 address of an account: {e}"),
		)
	})
}

/// An invalid-params error (`-32602`) with `message`.
fn invalid_params(message: String) -> ErrorObjectOwned {
	error(jsonrpsee::types::error::INVALID_PARAMS_CODE, message)
}

/// The value of a field the payload of `call` needs.
fn required<T>(value: Option<T>, call: handles_signing::Call, field: &str) -> RpcResult<T> {
	value.ok_or_else(|| invalid_params(format!("the {} payload lacks {field}", call.name())))
}

/// The runtime's payload of `call` from the JSON fields: the call known, its fields there and no
/// other, base handles no longer than any handle, display handles of the form `base.suffix`,
/// accounts SS58.
fn signing_payload(
	call: &str,
	fields: SigningPayloadFields,
) -> RpcResult<SigningPayload<AccountId32, u32>> {
	use handles_signing::Call;
	let Some(call) = Call::from_name(call) else {
		return Err(invalid_params(format!(
			"unknown call {call:?}: expected create, retire, change or transfer"
		)));
	};
	let takes: &[&str] = match call {
		Call::Create => &["baseHandle", "suffix", "expiration"],
		Call::Retire => &["msaId", "handle", "expiration"],
		Call::Change => &["msaId", "oldHandle", "newBaseHandle", "newSuffix", "expiration"],
		Call::Transfer => &["msaId", "owner", "newOwner", "expiration"],
	};
	if let Some(other) = fields.present().into_iter().find(|field| !takes.contains(field)) {
		return Err(invalid_params(format!(
			"the {} payload has no field {other} (its fields: {})",
			call.name(),
			takes.join(", ")
		)));
	}
	let expiration = required(fields.expiration, call, "expiration")?;
	Ok(match call {
		Call::Create => {
			let base_handle = required(fields.base_handle, call, "baseHandle")?;
			check_base_len(&base_handle)?;
			SigningPayload::Create {
				base_handle: base_handle.into_bytes(),
				suffix: required(fields.suffix, call, "suffix")?,
				expiration,
			}
		}
		Call::Retire => {
			let msa_id = required(fields.msa_id, call, "msaId")?;
			let handle = required(fields.handle, call, "handle")?;
			check_display_handle(&handle)?;
			SigningPayload::Retire { msa_id, handle: handle.into_bytes(), expiration }
		}
		Call::Change => {
			let msa_id = required(fields.msa_id, call, "msaId")?;
			if let Some(old) = &fields.old_handle {
				check_display_handle(old)?;
			}
			let new_base_handle = required(fields.new_base_handle, call, "newBaseHandle")?;
			check_base_len(&new_base_handle)?;
			SigningPayload::Change {
				msa_id,
				old_handle: fields.old_handle.map(String::into_bytes),
				new_base_handle: new_base_handle.into_bytes(),
				new_suffix: required(fields.new_suffix, call, "newSuffix")?,
				expiration,
			}
		}
		Call::Transfer => SigningPayload::Transfer {
			msa_id: required(fields.msa_id, call, "msaId")?,
			owner: parse_account("owner", &required(fields.owner, call, "owner")?)?,
			new_owner: parse_account("newOwner", &required(fields.new_owner, call, "newOwner")?)?,
			expiration,
		},
	})
}

/// Maps a `QueryError` of the runtime to a JSON-RPC error.
fn query_error(e: QueryError) -> ErrorObjectOwned {
	match e {
		QueryError::InvalidHandle(msg) => {
			error(INVALID_HANDLE, format!("invalid handle: {}", String::from_utf8_lossy(&msg)))
		}
		QueryError::MalformedDisplayHandle(msg) => error(
			MALFORMED_DISPLAY_HANDLE,
			format!("malformed display handle: {}", String::from_utf8_lossy(&msg)),
		),
	}
}

fn not_utf8(method: &str, e: types::NotUtf8) -> ErrorObject<'static> {
	error(RUNTIME_ERROR, format!("{method}: {e}"))
}

impl<C, Block> HandlesApiServer<Block::Hash> for Handles<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: HandlesRuntimeApi<Block, AccountId32, u32>,
{
	fn get_seed(&self, at: Option<Block::Hash>) -> RpcResult<SeedResponse> {
		let at = self.block(at)?;
		let seed =
			self.client.runtime_api().seed(at).map_err(|e| runtime_error("HandlesApi_seed", e))?;
		Ok(seed.into())
	}

	fn get_suffix_options(
		&self,
		base_handle: String,
		at: Option<Block::Hash>,
	) -> RpcResult<SuffixOptionsResponse> {
		check_base_len(&base_handle)?;
		let at = self.block(at)?;
		let version = self.api_version(at)?;
		let api = self.client.runtime_api();
		if version >= 2 {
			// One runtime call answers everything.
			let offer = api
				.suffix_offer(at, base_handle.into_bytes())
				.map_err(|e| runtime_error("HandlesApi_suffix_offer", e))?
				.map_err(query_error)?;
			return SuffixOptionsResponse::from_offer(offer)
				.map_err(|e| not_utf8("HandlesApi_suffix_offer", e));
		}
		// A block of a runtime before version 2 of the API: the options, and the seeds and range
		// at the same block to tell which options expire at the next rotation.
		let options = api
			.suffix_options(at, base_handle.into_bytes())
			.map_err(|e| runtime_error("HandlesApi_suffix_options", e))?
			.map_err(query_error)?;
		let seed = api.seed(at).map_err(|e| runtime_error("HandlesApi_seed", e))?;
		let settings = api.settings(at).map_err(|e| runtime_error("HandlesApi_settings", e))?;
		let range = handles_rules::SuffixRange::new(settings.suffix_min, settings.suffix_max)
			.map_err(|_| {
				error(
					RUNTIME_ERROR,
					format!(
						"HandlesApi_settings: suffix range {}..={} is empty",
						settings.suffix_min, settings.suffix_max
					),
				)
			})?;
		SuffixOptionsResponse::from_runtime(options, &seed, range)
			.map_err(|e| not_utf8("HandlesApi_suffix_options", e))
	}

	fn get_msa_for_handle(
		&self,
		display_handle: String,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<MsaForHandleResponse>> {
		check_display_handle(&display_handle)?;
		let at = self.block(at)?;
		let found = self
			.client
			.runtime_api()
			.msa_for_handle(at, display_handle.into_bytes())
			.map_err(|e| runtime_error("HandlesApi_msa_for_handle", e))?
			.map_err(query_error)?;
		found
			.map(MsaForHandleResponse::from_runtime)
			.transpose()
			.map_err(|e| not_utf8("HandlesApi_msa_for_handle", e))
	}

	fn get_handle_for_msa(
		&self,
		msa_id: u32,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<HandleForMsaResponse>> {
		let at = self.block(at)?;
		let found = self
			.client
			.runtime_api()
			.handle_for_msa(at, msa_id)
			.map_err(|e| runtime_error("HandlesApi_handle_for_msa", e))?;
		found
			.map(HandleForMsaResponse::from_runtime)
			.transpose()
			.map_err(|e| not_utf8("HandlesApi_handle_for_msa", e))
	}

	fn get_handles_for_owner(
		&self,
		owner: String,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<OwnedMsaResponse>> {
		let owner = parse_account("owner", &owner)?;
		let at = self.block(at)?;
		let owned = self
			.client
			.runtime_api()
			.handles_for_owner(at, owner)
			.map_err(|e| runtime_error("HandlesApi_handles_for_owner", e))?;
		owned
			.into_iter()
			.map(OwnedMsaResponse::from_runtime)
			.collect::<Result<Vec<_>, _>>()
			.map_err(|e| not_utf8("HandlesApi_handles_for_owner", e))
	}

	fn validate_handle(
		&self,
		base_handle: String,
		at: Option<Block::Hash>,
	) -> RpcResult<ValidationResponse> {
		// Over-long bases up to MAX_VALIDATE_BYTES get `valid: false` with the reason, as an app
		// checking what a user typed expects; longer input is refused before the runtime.
		check_len(&base_handle, MAX_VALIDATE_BYTES)?;
		let at = self.block(at)?;
		let result = self
			.client
			.runtime_api()
			.validate_handle(at, base_handle.into_bytes())
			.map_err(|e| runtime_error("HandlesApi_validate_handle", e))?;
		ValidationResponse::from_runtime(result)
			.map_err(|e| not_utf8("HandlesApi_validate_handle", e))
	}

	fn get_settings(&self, at: Option<Block::Hash>) -> RpcResult<SettingsResponse> {
		let at = self.block(at)?;
		let settings = self
			.client
			.runtime_api()
			.settings(at)
			.map_err(|e| runtime_error("HandlesApi_settings", e))?;
		let deadline = if self.api_version(at)? >= LEGACY_PAYLOAD_DEADLINE_API_VERSION {
			let deadline = self
				.client
				.runtime_api()
				.legacy_payload_deadline(at)
				.map_err(|e| runtime_error("HandlesApi_legacy_payload_deadline", e))?;
			Some(deadline)
		} else {
			None
		};
		Ok(SettingsResponse::from_runtime(settings, deadline))
	}

	fn get_handles_for_msas(
		&self,
		msa_ids: Vec<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<Option<HandleForMsaResponse>>> {
		check_batch(msa_ids.len())?;
		let at = self.block(at)?;
		self.batch(
			at,
			msa_ids,
			("HandlesApi_handles_for_msas", |api, at, ids| api.handles_for_msas(at, ids)),
			("HandlesApi_handle_for_msa", |api, at, id| api.handle_for_msa(at, id)),
			HandleForMsaResponse::from_runtime,
		)
	}

	fn get_msas_for_handles(
		&self,
		display_handles: Vec<String>,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<Option<MsaForHandleResponse>>> {
		check_batch(display_handles.len())?;
		let at = self.block(at)?;
		// What the single call refuses before the runtime is asked as an empty display handle,
		// which the runtime answers with `None` (malformed): the runtime never sees more than
		// `MAX_DISPLAY_INPUT_BYTES` per entry.
		let display_handles: Vec<Vec<u8>> = display_handles
			.into_iter()
			.map(|h| if check_display_handle(&h).is_ok() { h.into_bytes() } else { Vec::new() })
			.collect();
		self.batch(
			at,
			display_handles,
			("HandlesApi_msas_for_handles", |api, at, handles| api.msas_for_handles(at, handles)),
			// `None` where the single lookup is an error, as version 3 answers.
			("HandlesApi_msa_for_handle", |api, at, handle| match handle.is_empty() {
				true => Ok(None),
				false => api.msa_for_handle(at, handle).map(|found| found.ok().flatten()),
			}),
			MsaForHandleResponse::from_runtime,
		)
	}

	fn signing_message(
		&self,
		call: String,
		payload: SigningPayloadFields,
		at: Option<Block::Hash>,
	) -> RpcResult<SigningMessageResponse> {
		let payload = signing_payload(&call, payload)?;
		let at = self.block(at)?;
		let version = self.api_version(at)?;
		if version < SIGNING_MESSAGE_API_VERSION {
			return Err(error(
				RUNTIME_ERROR,
				format!(
					"the runtime at block {at:?} does not provide handles_signingMessage: it has \
					 HandlesApi version {version}, the method needs version \
					 {SIGNING_MESSAGE_API_VERSION}"
				),
			));
		}
		let bytes = self
			.client
			.runtime_api()
			.signing_message(at, payload)
			.map_err(|e| runtime_error("HandlesApi_signing_message", e))?
			.map_err(query_error)?;
		SigningMessageResponse::from_runtime(bytes)
			.map_err(|e| not_utf8("HandlesApi_signing_message", e))
	}
}
