// The bytes an owner signs for the user calls of pallet `Handles` (SPEC "Signed payloads"):
//
//   SCALE((b"handles", genesis_hash, kind, payload))
//
// = the 7 tag bytes `handles` (no length prefix), the 32-byte genesis hash, one byte `kind`
// (0 create, 1 retire, 2 change, 3 transfer), then the payload's fields in order: byte strings as
// SCALE `Vec<u8>` (compact length prefix + bytes), integers little-endian (u32 suffix, msa id and
// expiration block number), accounts as their 32 bytes.
//
// A browser wallet's `signRaw` signs `u8aWrapBytes(message)`, i.e. `<Bytes>` + message + `</Bytes>`;
// the chain accepts that and the bare message. This module has no Node.js dependencies, so apps can
// import it in a browser too.

import { compactAddLength, hexToU8a, isHex, stringToU8a, u8aConcat, u8aWrapBytes } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';

/** The tag every signed message starts with. */
export const HANDLES_TAG = stringToU8a('handles');

/** The `kind` byte of each call. */
export const PayloadKind = Object.freeze({ create: 0, retire: 1, change: 2, transfer: 3 });

/** u32 little-endian. */
export function u32Le(value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) {
    throw new RangeError(`not a u32: ${value}`);
  }
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n, true);
  return out;
}

/** A byte string (UTF-8 text, hex or bytes) as SCALE `Vec<u8>`. */
export function scaleBytes(value) {
  const bytes = typeof value === 'string' ? stringToU8a(value) : Uint8Array.from(value);
  return compactAddLength(bytes);
}

/** An account (SS58, hex or 32 bytes) as its 32 bytes. */
export function accountBytes(account) {
  const bytes = typeof account === 'string' && !isHex(account) ? decodeAddress(account) : hexOrBytes(account);
  if (bytes.length !== 32) throw new RangeError(`an account is 32 bytes, got ${bytes.length}`);
  return bytes;
}

function hexOrBytes(value) {
  return typeof value === 'string' ? hexToU8a(value) : Uint8Array.from(value);
}

function genesisBytes(genesisHash) {
  const bytes = hexOrBytes(genesisHash);
  if (bytes.length !== 32) throw new RangeError(`a genesis hash is 32 bytes, got ${bytes.length}`);
  return bytes;
}

/** The fields of `CreateHandlePayload { base_handle, suffix, expiration }`, SCALE-encoded. */
export function encodeCreateHandlePayload({ baseHandle, suffix, expiration }) {
  return u8aConcat(scaleBytes(baseHandle), u32Le(suffix), u32Le(expiration));
}

/**
 * The fields of `RetireHandlePayload { msa_id, handle, expiration }`, SCALE-encoded; `handle` is
 * the display handle the MSA holds, as the chain shows it (`Alice.4821`).
 */
export function encodeRetireHandlePayload({ msaId, handle, expiration }) {
  return u8aConcat(u32Le(msaId), scaleBytes(handle), u32Le(expiration));
}

/** SCALE `Option<Vec<u8>>`: 0x00 for null/undefined, else 0x01 and the byte vector. */
export function scaleOptionBytes(value) {
  return value === null || value === undefined ? Uint8Array.of(0) : u8aConcat(Uint8Array.of(1), scaleBytes(value));
}

/**
 * The fields of `ChangeHandlePayload { msa_id, old_handle, new_base_handle, new_suffix,
 * expiration }`; `oldHandle` is the display handle the MSA holds, or null when it holds none.
 */
export function encodeChangeHandlePayload({ msaId, oldHandle, newBaseHandle, newSuffix, expiration }) {
  return u8aConcat(u32Le(msaId), scaleOptionBytes(oldHandle), scaleBytes(newBaseHandle), u32Le(newSuffix), u32Le(expiration));
}

/** The fields of `TransferOwnershipPayload { msa_id, owner, new_owner, expiration }`. */
export function encodeTransferOwnershipPayload({ msaId, owner, newOwner, expiration }) {
  return u8aConcat(u32Le(msaId), accountBytes(owner), accountBytes(newOwner), u32Le(expiration));
}

const ENCODERS = {
  [PayloadKind.create]: encodeCreateHandlePayload,
  [PayloadKind.retire]: encodeRetireHandlePayload,
  [PayloadKind.change]: encodeChangeHandlePayload,
  [PayloadKind.transfer]: encodeTransferOwnershipPayload,
};

/**
 * The message an owner signs: tag, genesis hash, kind, payload fields.
 * @param {string|Uint8Array} genesisHash 0x hex or 32 bytes (`api.genesisHash` works too)
 * @param {number} kind one of `PayloadKind`
 * @param {object} payload camelCase fields of the payload of that kind
 */
export function signedMessage(genesisHash, kind, payload) {
  const encode = ENCODERS[kind];
  if (!encode) throw new RangeError(`unknown payload kind ${kind}`);
  return u8aConcat(HANDLES_TAG, genesisBytes(genesisHash), Uint8Array.of(kind), encode(payload));
}

/** `signedMessage` wrapped in `<Bytes>`..`</Bytes>`, exactly what a wallet's `signRaw` signs. */
export function wrappedMessage(genesisHash, kind, payload) {
  return u8aWrapBytes(signedMessage(genesisHash, kind, payload));
}

/**
 * Signs a payload the way a browser wallet does (`<Bytes>` wrapping) with a keyring pair and
 * returns the `MultiSignature` value for the call (e.g. `{ Sr25519: '0x..' }`).
 */
export function signPayloadLikeWallet(pair, genesisHash, kind, payload) {
  const signature = pair.sign(wrappedMessage(genesisHash, kind, payload));
  const variant = { sr25519: 'Sr25519', ed25519: 'Ed25519', ecdsa: 'Ecdsa' }[pair.type];
  if (!variant) throw new Error(`unsupported key type ${pair.type}`);
  return { [variant]: signature };
}
