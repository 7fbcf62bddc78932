// The payloads an owner signs for the user calls of pallet `Handles`, and the exact bytes signed
// (SPEC "Signed payloads"):
//
//   SCALE((b"handles": [u8; 7], genesis_hash: [u8; 32], kind: u8, payload))
//
// encoded with @polkadot/types: a tuple of the tag, the genesis hash and the enum of the four
// payloads, whose variant index is `kind` (0 create, 1 retire, 2 change, 3 transfer). A browser
// wallet's `signRaw` signs these bytes wrapped in `<Bytes>`..`</Bytes>`; the chain accepts both.
// Works in browsers too (no Node.js imports).

import { TypeRegistry } from '@polkadot/types';
import { stringToU8a, u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';

import { ErrorCode, HandlesError } from './errors.js';
import { check32Bytes, checkU32, parseDisplay, validate } from './rules.js';

/** The `kind` byte of each call. */
export const PayloadKind = Object.freeze({ create: 0, retire: 1, change: 2, transfer: 3 });

/** The tag every signed message starts with (7 bytes, no length prefix). */
export const HANDLES_TAG = 'handles';

/**
 * The SCALE types of the payloads and of the signed message, for a @polkadot/types registry.
 * Block numbers are the runtime's `u32`; byte strings are `Bytes` (compact length, then UTF-8).
 */
export const payloadTypes = Object.freeze({
  HandlesCreateHandlePayload: { baseHandle: 'Bytes', suffix: 'u32', expiration: 'u32' },
  HandlesRetireHandlePayload: { msaId: 'u32', handle: 'Bytes', expiration: 'u32' },
  HandlesChangeHandlePayload: {
    msaId: 'u32',
    oldHandle: 'Option<Bytes>',
    newBaseHandle: 'Bytes',
    newSuffix: 'u32',
    expiration: 'u32',
  },
  HandlesTransferOwnershipPayload: { msaId: 'u32', owner: 'AccountId32', newOwner: 'AccountId32', expiration: 'u32' },
  HandlesPayload: {
    _enum: {
      Create: 'HandlesCreateHandlePayload',
      Retire: 'HandlesRetireHandlePayload',
      Change: 'HandlesChangeHandlePayload',
      Transfer: 'HandlesTransferOwnershipPayload',
    },
  },
  HandlesSignedMessage: '([u8; 7], H256, HandlesPayload)',
});

const VARIANTS = ['Create', 'Retire', 'Change', 'Transfer'];
const TYPE_NAMES = ['HandlesCreateHandlePayload', 'HandlesRetireHandlePayload', 'HandlesChangeHandlePayload', 'HandlesTransferOwnershipPayload'];
const FIELDS = [
  ['baseHandle', 'suffix', 'expiration'],
  ['msaId', 'handle', 'expiration'],
  ['msaId', 'oldHandle', 'newBaseHandle', 'newSuffix', 'expiration'],
  ['msaId', 'owner', 'newOwner', 'expiration'],
];

let registry = null;
function types() {
  if (registry === null) {
    registry = new TypeRegistry();
    registry.register(payloadTypes);
  }
  return registry;
}

function checkKind(kind) {
  const k = typeof kind === 'string' ? PayloadKind[kind] : kind;
  if (!Number.isInteger(k) || k < 0 || k >= VARIANTS.length) {
    throw new HandlesError(ErrorCode.BAD_PAYLOAD, `unknown payload kind ${JSON.stringify(kind)}: expected 0..=3 or one of ${Object.keys(PayloadKind).join(', ')}`);
  }
  return k;
}

function checkFields(kind, payload) {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new HandlesError(ErrorCode.WRONG_TYPE, `the ${VARIANTS[kind].toLowerCase()} payload must be an object, got ${payload === null ? 'null' : typeof payload}`);
  }
  const known = FIELDS[kind];
  for (const key of Object.keys(payload)) {
    if (!known.includes(key)) throw new HandlesError(ErrorCode.BAD_PAYLOAD, `the ${VARIANTS[kind].toLowerCase()} payload has no field ${key} (fields: ${known.join(', ')})`);
  }
  for (const key of known) {
    if (payload[key] === undefined && key !== 'oldHandle') {
      throw new HandlesError(ErrorCode.BAD_PAYLOAD, `the ${VARIANTS[kind].toLowerCase()} payload lacks ${key}`);
    }
  }
}

// Byte strings go to @polkadot/types as 0x hex: a Uint8Array given to `Bytes` would be read as
// already SCALE-encoded (length prefix first), and text would be read as hex when it looks like hex.

/**
 * A byte string as 0x hex, unchecked: text as its UTF-8 bytes, or bytes as they are (for
 * `{ unchecked: true }`, which builds payloads the rules refuse so that a chain's own checks can be tested).
 */
function rawBytes(what, value) {
  if (typeof value === 'string') return u8aToHex(stringToU8a(value));
  if (value instanceof Uint8Array) return u8aToHex(value);
  throw new HandlesError(ErrorCode.WRONG_TYPE, `${what} must be a string or a Uint8Array, got ${value === null ? 'null' : typeof value}`);
}

/** A base handle that passes the rules, as 0x hex of its UTF-8 bytes. */
function baseBytes(what, base, unchecked = false) {
  if (unchecked) return rawBytes(what, base);
  const result = validate(base);
  if (!result.valid) throw new HandlesError(ErrorCode.INVALID_HANDLE, `${what} ${JSON.stringify(base)} is not valid: ${result.error}`, { rule: result.rule.id });
  return u8aToHex(typeof base === 'string' ? stringToU8a(base) : base);
}

/** A display handle `base.suffix`, as 0x hex of its UTF-8 bytes. */
function displayBytes(what, display, unchecked = false) {
  if (unchecked) return rawBytes(what, display);
  try {
    parseDisplay(display);
  } catch (e) {
    if (e instanceof HandlesError) throw new HandlesError(e.code, `${what}: ${e.message}`, { rule: e.rule });
    throw e;
  }
  return u8aToHex(typeof display === 'string' ? stringToU8a(display) : display);
}

/** An account as SS58, 0x hex or 32 bytes, as its 32 bytes. */
export function accountBytes(what, account) {
  if (typeof account === 'string' && !account.startsWith('0x')) {
    if (account.length > 64) throw new HandlesError(ErrorCode.BAD_BYTES, `${what} is not an SS58 address (too long)`);
    let bytes;
    try {
      bytes = decodeAddress(account);
    } catch (e) {
      throw new HandlesError(ErrorCode.BAD_BYTES, `${what} ${JSON.stringify(account)} is not an SS58 address: ${e.message}`, { cause: e });
    }
    if (bytes.length !== 32) throw new HandlesError(ErrorCode.BAD_BYTES, `${what} must be a 32-byte account, got ${bytes.length} bytes`);
    return bytes;
  }
  return check32Bytes(what, account);
}

/**
 * A payload with every field checked and in the form the SCALE types take: base handles valid
 * under the rules (`INVALID_HANDLE` otherwise), display handles of the form `base.suffix`, integers
 * u32, accounts 32 bytes. Byte strings become 0x hex of their UTF-8 (so text such as `0x12` stays text).
 * The result also serves as the `payload` argument of the extrinsic.
 * With `{ unchecked: true }` the handle rules are not applied (base and display handles are any
 * text or bytes, of any length); kinds, fields, integers and accounts are still checked. That is
 * for tests of a chain's own checks, never for users' payloads.
 */
export function normalizePayload(kind, payload, { unchecked = false } = {}) {
  const k = checkKind(kind);
  checkFields(k, payload);
  const expiration = checkU32('expiration', payload.expiration);
  switch (k) {
    case PayloadKind.create:
      return { baseHandle: baseBytes('baseHandle', payload.baseHandle, unchecked), suffix: checkU32('suffix', payload.suffix), expiration };
    case PayloadKind.retire:
      return { msaId: checkU32('msaId', payload.msaId), handle: displayBytes('handle', payload.handle, unchecked), expiration };
    case PayloadKind.change:
      return {
        msaId: checkU32('msaId', payload.msaId),
        oldHandle: payload.oldHandle === null || payload.oldHandle === undefined ? null : displayBytes('oldHandle', payload.oldHandle, unchecked),
        newBaseHandle: baseBytes('newBaseHandle', payload.newBaseHandle, unchecked),
        newSuffix: checkU32('newSuffix', payload.newSuffix),
        expiration,
      };
    default:
      return {
        msaId: checkU32('msaId', payload.msaId),
        owner: accountBytes('owner', payload.owner),
        newOwner: accountBytes('newOwner', payload.newOwner),
        expiration,
      };
  }
}

/** The SCALE encoding of a payload's fields alone (no tag, hash or kind); `options` as for {@link normalizePayload}. */
export function encodePayload(kind, payload, options) {
  const k = checkKind(kind);
  return types().createType(TYPE_NAMES[k], normalizePayload(k, payload, options)).toU8a();
}

/**
 * The bytes the owner signs: `SCALE((b"handles", genesisHash, kind, payload))`.
 * @param genesisHash 0x hex or 32 bytes (`api.genesisHash` works too)
 * @param kind 0..=3 or 'create' | 'retire' | 'change' | 'transfer'
 * @param payload camelCase fields of that payload
 * @param options `{ unchecked }` as for {@link normalizePayload}
 */
export function signedMessage(genesisHash, kind, payload, options) {
  // `api.genesisHash` is an H256, a Uint8Array.
  const hash = check32Bytes('the genesis hash', genesisHash instanceof Uint8Array ? Uint8Array.from(genesisHash) : genesisHash);
  const k = checkKind(kind);
  const message = types().createType('HandlesSignedMessage', [
    stringToU8a(HANDLES_TAG),
    hash,
    { [VARIANTS[k]]: normalizePayload(k, payload, options) },
  ]);
  return message.toU8a();
}

/** {@link signedMessage} wrapped in `<Bytes>`..`</Bytes>`: what a wallet's `signRaw` signs. */
export function wrappedMessage(genesisHash, kind, payload, options) {
  return u8aWrapBytes(signedMessage(genesisHash, kind, payload, options));
}

/** {@link signedMessage} as 0x hex (the `data` of a `signRaw` request). */
export function signedMessageHex(genesisHash, kind, payload, options) {
  return u8aToHex(signedMessage(genesisHash, kind, payload, options));
}
