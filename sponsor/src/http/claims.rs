//! `POST /claims` (an owner's signed create payload: checked, queued) and `GET /claims/{id}`
//! (where that claim is).

use std::sync::Arc;

use axum::{
	body::Bytes,
	extract::{rejection::BytesRejection, Path, State},
	http::{HeaderMap, StatusCode},
	response::IntoResponse,
	routing::{get, post},
	Extension, Json, Router,
};
use codec::{Decode, Encode};
use handles_client::{
	json::unhex, rules::HandleError, CreateHandlePayload, Error, PayloadMessages,
};
use serde::Deserialize;
use serde_json::{json, Value};
use sp_runtime::{AccountId32, MultiSignature};

use super::{
	arrive::{arrive, signed, Arrived, Signed},
	error::{ApiError, ApiResult},
	App,
};
use crate::{
	limits::ClientId,
	store::{Claim, Inserted, NewClaim},
};

/// The routes of claims.
pub fn router() -> Router<Arc<App>> {
	Router::new().route("/claims", post(post_claim)).route("/claims/:id", get(get_claim))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct PayloadBody {
	base_handle: String,
	suffix: u32,
	expiration: u32,
}

/// A claim's status, for `GET /claims/{id}` (and `POST /claims` of a payload seen before); a
/// change's or a retirement's too (`kind`; `msaId` from the start, `oldHandle` the handle it
/// held when its owner signed).
pub fn claim_json(claim: &Claim) -> Value {
	json!({
		"id": claim.public_id,
		"status": claim.status.as_str(),
		"reason": claim.reason,
		"handle": claim.handle,
		"kind": claim.op.kind().as_str(),
		"msaId": claim.msa_id.or(claim.op.msa_id()),
		"oldHandle": claim.op.old_handle(),
		"blockNumber": claim.block_number,
		"blockHash": claim.block_hash,
		"txHash": claim.tx_hash,
		"owner": claim.new.owner,
		"baseHandle": claim.new.base_handle,
		"suffix": claim.new.suffix,
		"expiration": claim.new.expiration,
		"final": !claim.status.is_pending(),
	})
}

/// A signature as wallets give it: SCALE `MultiSignature` (a scheme byte, then the signature),
/// 64 bare bytes of an sr25519 or ed25519 signature (whichever verifies over one of the payload's
/// `messages`), or 65 bare bytes `r || s || v` of an Ethereum wallet's `personal_sign` (an Eth
/// signature; `v` 27 or 28 is taken as 0 or 1). 65 bytes are also a SCALE sr25519 or ed25519
/// signature: the reading that verifies is taken, the SCALE one when neither does.
pub fn parse_signature(
	input: &str,
	owner: &AccountId32,
	messages: &PayloadMessages,
) -> Result<MultiSignature, ApiError> {
	let bytes = unhex(input).ok_or(ApiError::BadSignature("is not 0x-prefixed hex"))?;
	let verifies = |signature: &MultiSignature| messages.verify(signature, owner).is_some();
	if let Ok(raw) = <[u8; 64]>::try_from(bytes.as_slice()) {
		let sr = MultiSignature::Sr25519(sp_core::sr25519::Signature::from_raw(raw));
		if verifies(&sr) {
			return Ok(sr);
		}
		return Ok(MultiSignature::Ed25519(sp_core::ed25519::Signature::from_raw(raw)));
	}
	let scale = MultiSignature::decode(&mut &bytes[..]);
	let eth = <[u8; 65]>::try_from(bytes.as_slice()).ok().and_then(personal_sign);
	match (scale, eth) {
		(Ok(scale), eth) if scale.encoded_size() == bytes.len() => match eth {
			Some(eth) if !verifies(&scale) && verifies(&eth) => Ok(eth),
			_ => Ok(scale),
		},
		(_, Some(eth)) => Ok(eth),
		(Ok(_), None) => Err(ApiError::BadSignature("has bytes after the MultiSignature")),
		(Err(_), None) if bytes.len() == 65 => {
			Err(ApiError::BadSignature("has a recovery byte v other than 27, 28, 0 or 1"))
		}
		(Err(_), None) => Err(ApiError::BadSignature("is not a SCALE MultiSignature")),
	}
}

/// The Eth signature of `personal_sign`'s 65 bytes `r || s || v` (`v` 0, 1, 27 or 28).
fn personal_sign(mut raw: [u8; 65]) -> Option<MultiSignature> {
	raw[64] = match raw[64] {
		v @ (0 | 1) => v,
		v @ (27 | 28) => v - 27,
		_ => return None,
	};
	Some(MultiSignature::Eth(sp_core::ecdsa::KeccakSignature::from_raw(raw)))
}

/// Checks the signed payload as the chain will, within the limits, and queues it: `202`; the
/// same signed payload again: `200` and the claim it made. JSON only, with its proof of work
/// ([`signed`]).
async fn post_claim(
	State(app): State<Arc<App>>,
	Extension(client_id): Extension<ClientId>,
	headers: HeaderMap,
	bytes: Result<Bytes, BytesRejection>,
) -> ApiResult {
	let claim: Signed<PayloadBody> = signed(&app, &headers, bytes)?;
	let payload = CreateHandlePayload {
		base_handle: claim.payload.base_handle.as_bytes().to_vec().try_into().map_err(|_| {
			ApiError::from(Error::invalid(&claim.payload.base_handle, HandleError::TooLong))
		})?,
		suffix: claim.payload.suffix,
		expiration: claim.payload.expiration,
	};
	let arrived = match arrive(&app, client_id, &claim.owner, &claim.signature, &payload).await? {
		Ok(arrived) => arrived,
		Err(answer) => return Ok(answer),
	};
	let Arrived { client, checking, owner, signature, replay_key } = arrived;
	let options = client.check_create(&checking, &owner, &signature, &payload, app.margin).await?;
	let new = NewClaim {
		replay_key,
		owner: owner.to_string(),
		signature: signature.encode(),
		base_handle: claim.payload.base_handle.clone(),
		suffix: payload.suffix,
		expiration: payload.expiration,
		canonical: String::from_utf8_lossy(&options.options.canonical).into_owned(),
		client: client_id.to_string(),
	};
	match app.worker.store.insert(&new, &app.limits.admission)? {
		Inserted::New(id) => {
			app.worker.wake.notify_one();
			Ok((StatusCode::ACCEPTED, Json(json!({ "id": id, "status": "queued" })))
				.into_response())
		}
		Inserted::Existing(existing) => {
			Ok((StatusCode::OK, Json(claim_json(&existing))).into_response())
		}
		Inserted::PairPending | Inserted::MsaPending => Err(ApiError::SuffixPending(
			handles_client::rules::format_display(&new.base_handle, new.suffix),
		)),
		Inserted::Refused(refused) => Err(ApiError::Refused(refused, new.owner)),
	}
}

/// The claim `id`, or `404`.
async fn get_claim(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult {
	match app.worker.store.get(&id)? {
		Some(claim) => Ok(Json(claim_json(&claim)).into_response()),
		None => Err(ApiError::NotFound(format!("no claim {id}"))),
	}
}

#[cfg(test)]
mod tests {
	use handles_client::Keypair;

	use super::*;

	const TEXT: &[u8] = b"Handles: claim Alice.4821\nChain: Handles 0x00\nValid until block: 9";

	fn messages() -> PayloadMessages {
		PayloadMessages { readable: Some(TEXT.to_vec()), legacy: b"legacy".to_vec() }
	}

	fn hex(bytes: &[u8]) -> String {
		handles_client::json::hex(bytes)
	}

	/// The signature `input` is taken for, and whether it is the owner's over the payload.
	fn parsed(input: &str, key: &Keypair) -> (MultiSignature, bool) {
		let signature = parse_signature(input, &key.account_id(), &messages()).unwrap();
		let verified = messages().verify(&signature, &key.account_id()).is_some();
		(signature, verified)
	}

	#[test]
	fn a_bare_64_byte_signature_is_the_scheme_that_verifies_over_the_readable_text() {
		for uri in ["//Ferdie", "ed25519://Ferdie"] {
			let key = Keypair::from_uri(uri).unwrap();
			let signature = key.sign_readable(TEXT);
			let bare = match &signature {
				MultiSignature::Sr25519(s) => s.0,
				MultiSignature::Ed25519(s) => s.0,
				other => panic!("{other:?}"),
			};
			let (parsed_signature, verified) = parsed(&hex(&bare), &key);
			assert_eq!(parsed_signature, signature, "{uri}");
			assert!(verified, "{uri}");
		}
	}

	#[test]
	fn personal_sign_bytes_are_an_eth_signature_whatever_v_says() {
		let key = Keypair::from_uri(
			"eth:0x4646464646464646464646464646464646464646464646464646464646464646",
		)
		.unwrap();
		let MultiSignature::Eth(sig) = key.sign_readable(TEXT) else { panic!("an eth key") };
		let raw: [u8; 65] = sig.0;
		assert!(raw[64] <= 1);
		// As MetaMask returns it (v 27 or 28) and as some wallets do (v 0 or 1).
		let mut wallet = raw;
		wallet[64] += 27;
		for bytes in [raw, wallet] {
			let (signature, verified) = parsed(&hex(&bytes), &key);
			assert_eq!(signature, MultiSignature::Eth(sig));
			assert!(verified);
		}
		// The SCALE form (scheme byte 3) too.
		let (signature, verified) = parsed(&hex(&MultiSignature::Eth(sig).encode()), &key);
		assert!(matches!(signature, MultiSignature::Eth(_)) && verified);
		// Over the text without the EIP-191 prefix it is no signature of the payload.
		let plain = key.sign(TEXT);
		let MultiSignature::Eth(plain) = plain else { panic!() };
		assert!(!parsed(&hex(&plain.0), &key).1);
		// Any other v is refused (when the bytes are no SCALE signature either).
		let mut bad = raw;
		bad[64] = 29;
		bad[0] = 9;
		assert!(parse_signature(&hex(&bad), &key.account_id(), &messages()).is_err());
		// An Eth signature whose r starts with the scheme byte of sr25519 is still read as one.
		let starts_like_scale = (0u8..=255)
			.map(|i| {
				let text = [TEXT, &[b' ', i]].concat();
				(text.clone(), key.sign_readable(&text))
			})
			.find_map(|(text, s)| match s {
				MultiSignature::Eth(s) if s.0[0] == 1 => Some((text, s.0)),
				_ => None,
			});
		let (text, raw) = starts_like_scale.expect("one r in 256 starts with 0x01");
		let text_messages = PayloadMessages { readable: Some(text), legacy: b"-".to_vec() };
		let signature = parse_signature(&hex(&raw), &key.account_id(), &text_messages).unwrap();
		assert!(matches!(signature, MultiSignature::Eth(_)));
	}

	/// Why `input` is refused as Ferdie's signature.
	fn refusal(input: &[u8]) -> &'static str {
		let key = Keypair::from_uri("//Ferdie").unwrap();
		match parse_signature(&hex(input), &key.account_id(), &messages()) {
			Err(ApiError::BadSignature(why)) => why,
			other => panic!("{:?}", other.map(|_| ())),
		}
	}

	#[test]
	fn a_refused_signature_says_why() {
		// 65 bytes that are no SCALE signature (scheme 9) and whose v is none of a wallet's.
		let mut bad_v = [9u8; 65];
		bad_v[64] = 29;
		assert_eq!(refusal(&bad_v), "has a recovery byte v other than 27, 28, 0 or 1");
		assert_eq!(refusal(&[9u8; 40]), "is not a SCALE MultiSignature");
		assert_eq!(refusal(&[9u8; 66]), "is not a SCALE MultiSignature");
	}

	#[test]
	fn sixty_five_bytes_that_verify_neither_way_are_read_as_scale() {
		// An ed25519 signature in SCALE (scheme 0) whose last byte is also a wallet's v.
		let key = Keypair::from_uri("//Ferdie").unwrap();
		for v in [0u8, 1, 27, 28] {
			let mut bytes = [5u8; 65];
			bytes[0] = 0;
			bytes[64] = v;
			let signature = parse_signature(&hex(&bytes), &key.account_id(), &messages()).unwrap();
			assert!(matches!(signature, MultiSignature::Ed25519(_)), "v {v}: {signature:?}");
		}
	}

	#[test]
	fn a_wallets_v_of_27_or_28_is_recovery_id_0_or_1() {
		for (v, id) in [(0u8, 0u8), (1, 1), (27, 0), (28, 1)] {
			let mut raw = [3u8; 65];
			raw[64] = v;
			let Some(MultiSignature::Eth(signature)) = personal_sign(raw) else { panic!("{v}") };
			assert_eq!(signature.0[64], id, "v {v}");
			assert_eq!(signature.0[..64], raw[..64]);
		}
		for v in [2u8, 26, 29, 255] {
			let mut raw = [3u8; 65];
			raw[64] = v;
			assert!(personal_sign(raw).is_none(), "v {v}");
		}
	}

	#[test]
	fn scale_signatures_of_every_scheme_and_nothing_after_them() {
		for uri in ["//Ferdie", "ed25519://Ferdie", "ecdsa://Ferdie"] {
			let key = Keypair::from_uri(uri).unwrap();
			let signature = key.sign_readable(TEXT);
			let (parsed_signature, verified) = parsed(&hex(&signature.encode()), &key);
			assert_eq!(parsed_signature, signature);
			assert!(verified, "{uri}");
			let mut longer = signature.encode();
			longer.push(0);
			assert!(parse_signature(&hex(&longer), &key.account_id(), &messages()).is_err());
		}
	}
}
