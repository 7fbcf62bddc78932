// Signing a payload: with a keyring pair, or with any signer of the polkadot.js extension
// interface (`signRaw`), as browser wallets do. Both sign the message wrapped in `<Bytes>`..`</Bytes>`
// (the extension wraps it itself); the chain accepts that and the bare message.

import { hexToU8a, isHex, u8aToHex, u8aWrapBytes } from '@polkadot/util';

import { ErrorCode, HandlesError } from './errors.js';
import { signedMessage } from './payload.js';

const VARIANT = { ed25519: 'Ed25519', sr25519: 'Sr25519', ecdsa: 'Ecdsa' };
const PREFIX = { ed25519: 0, sr25519: 1, ecdsa: 2 };

/**
 * A raw signature as the `MultiSignature` argument of the call (`{ Sr25519: '0x..' }`). `type` is the
 * key type; without it a 64-byte signature is taken as sr25519 and a 65-byte one as ecdsa. A
 * signature that carries the MultiSignature prefix byte (65 bytes for ed25519/sr25519, 66 for ecdsa)
 * is decoded from it.
 */
export function toMultiSignature(signature, type) {
  let bytes;
  if (signature instanceof Uint8Array) bytes = signature;
  else if (typeof signature === 'string' && isHex(signature)) bytes = hexToU8a(signature);
  else throw new HandlesError(ErrorCode.BAD_BYTES, `a signature must be 0x hex or a Uint8Array, got ${typeof signature === 'string' ? JSON.stringify(signature.slice(0, 80)) : typeof signature}`);
  if (type !== undefined && !(type in VARIANT)) throw new HandlesError(ErrorCode.BAD_SIGNER, `unknown key type ${JSON.stringify(type)}: expected sr25519, ed25519 or ecdsa`);
  const natural = (t) => (t === 'ecdsa' ? 65 : 64);
  let kind = type;
  if (kind === undefined) {
    if (bytes.length === 64) kind = 'sr25519';
    else if (bytes.length === 65) kind = 'ecdsa';
    else if (bytes.length === 66 && bytes[0] === PREFIX.ecdsa) kind = 'ecdsa';
  }
  if (kind !== undefined && bytes.length === natural(kind) + 1 && bytes[0] === PREFIX[kind]) bytes = bytes.subarray(1);
  if (kind === undefined || bytes.length !== natural(kind)) {
    throw new HandlesError(ErrorCode.BAD_BYTES, `a ${kind ?? 'sr25519/ed25519/ecdsa'} signature is ${kind ? natural(kind) : '64 or 65'} bytes, got ${bytes.length}`);
  }
  return { [VARIANT[kind]]: u8aToHex(bytes) };
}

/**
 * Signs a payload and returns the `MultiSignature` for the call.
 * @param signer a keyring pair (`sign`, `type`, `address`), or an extension signer (`signRaw`), e.g.
 *   `(await web3FromAddress(address)).signer`
 * @param options `{ genesisHash, kind, payload, address?, type?, wrap? }`: `address` is the signing
 *   account (required for `signRaw`; a pair knows its own); `type` its key type for `signRaw`
 *   (default sr25519); `wrap` (pairs only, default true) signs the `<Bytes>`-wrapped message like a
 *   wallet, false the bare message; `unchecked` (default false) skips the handle rules, as for
 *   `normalizePayload` (tests of a chain's own checks only).
 */
export async function signPayload(signer, { genesisHash, kind, payload, address, type, wrap = true, unchecked = false } = {}) {
  const message = signedMessage(genesisHash, kind, payload, { unchecked });
  if (signer && typeof signer.sign === 'function' && typeof signer.type === 'string') {
    if (!(signer.type in VARIANT)) throw new HandlesError(ErrorCode.BAD_SIGNER, `unsupported key type ${signer.type}`);
    return { [VARIANT[signer.type]]: u8aToHex(signer.sign(wrap ? u8aWrapBytes(message) : message)) };
  }
  if (signer && typeof signer.signRaw === 'function') {
    if (typeof address !== 'string' || address.length === 0) {
      throw new HandlesError(ErrorCode.BAD_SIGNER, 'signing with signRaw needs the address of the signing account (options.address)');
    }
    let result;
    try {
      result = await signer.signRaw({ address, data: u8aToHex(message), type: 'bytes' });
    } catch (e) {
      throw new HandlesError(ErrorCode.BAD_SIGNER, `the signer refused: ${e?.message ?? e}`, { cause: e });
    }
    if (!result || typeof result.signature !== 'string') throw new HandlesError(ErrorCode.BAD_SIGNER, 'signRaw returned no signature');
    return toMultiSignature(result.signature, type);
  }
  throw new HandlesError(ErrorCode.BAD_SIGNER, 'the signer must be a keyring pair (sign, type) or an extension signer (signRaw)');
}
