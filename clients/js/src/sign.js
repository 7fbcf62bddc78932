// Signing a payload: with a keyring pair, or with any signer of the polkadot.js extension
// interface (`signRaw`), as browser wallets do. Both sign the message wrapped in `<Bytes>`..`</Bytes>`
// (the extension wraps it itself); the chain accepts that and the bare message.
//
// `signPayload` signs the legacy SCALE message (v2, still the default); `signReadable` signs the
// readable text of v3 (`signingMessage`), with the same signers and with Ethereum keys: a keyring
// pair of type `ethereum` or an EIP-1193 provider (`personal_sign`), which sign it behind the
// EIP-191 prefix and give an `Eth` MultiSignature.

import { hexToU8a, isHex, stringToU8a, u8aConcat, u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { keccakAsU8a, secp256k1Compress } from '@polkadot/util-crypto';

import { ErrorCode, HandlesError } from './errors.js';
import { signedMessage } from './payload.js';
import { signingMessage } from './signing.js';

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
  if (signer && typeof signer.signRaw === 'function') return signWithExtension(signer, u8aToHex(message), address, type);
  throw new HandlesError(ErrorCode.BAD_SIGNER, 'the signer must be a keyring pair (sign, type) or an extension signer (signRaw)');
}

/** An extension signer signs `data` (0x hex; it wraps it in `<Bytes>` itself): the MultiSignature. */
async function signWithExtension(signer, data, address, type) {
  if (typeof address !== 'string' || address.length === 0) {
    throw new HandlesError(ErrorCode.BAD_SIGNER, 'signing with signRaw needs the address of the signing account (options.address)');
  }
  let result;
  try {
    result = await signer.signRaw({ address, data, type: 'bytes' });
  } catch (e) {
    throw new HandlesError(ErrorCode.BAD_SIGNER, `the signer refused: ${e?.message ?? e}`, { cause: e });
  }
  if (!result || typeof result.signature !== 'string') throw new HandlesError(ErrorCode.BAD_SIGNER, 'signRaw returned no signature');
  return toMultiSignature(result.signature, type);
}

/** `bytes` behind the EIP-191 prefix, as `personal_sign` signs them: `\x19Ethereum Signed Message:\n<length>`. */
export function eip191(bytes) {
  return u8aConcat(stringToU8a(`\x19Ethereum Signed Message:\n${bytes.length}`), bytes);
}

/**
 * The chain account of an Ethereum key, as the runtime's `MultiSigner::Eth` makes it: the last 20
 * bytes of keccak-256 of the compressed (33-byte) public key, then twelve 0xEE, as 0x hex. These 20
 * bytes are not the key's Ethereum address (keccak-256 of the uncompressed key); pass the public
 * key, compressed or uncompressed (65 or 64 bytes), e.g. a keyring `ethereum` pair's `publicKey`.
 */
export function ethereumAccount(publicKey) {
  const key = typeof publicKey === 'string' && isHex(publicKey) ? hexToU8a(publicKey) : publicKey;
  if (!(key instanceof Uint8Array) || ![33, 64, 65].includes(key.length)) {
    throw new HandlesError(ErrorCode.BAD_BYTES, 'an Ethereum public key is 33 (compressed), 64 or 65 bytes of 0x hex or a Uint8Array');
  }
  const compressed = key.length === 33 ? key : secp256k1Compress(key.length === 64 ? u8aConcat([4], key) : key);
  return u8aToHex(u8aConcat(keccakAsU8a(compressed, 256).subarray(12), new Uint8Array(12).fill(0xee)));
}

/**
 * Signs the readable text of a payload (SPEC "Signed payloads (v3)", {@link signingMessage}) and
 * returns `{ signature, message }`: the `MultiSignature` for the call and the text the signer saw.
 * @param signer a keyring pair (`sign`, `type`: sr25519, ed25519, ecdsa or ethereum), an extension
 *   signer (`signRaw`), or an EIP-1193 provider (`request`, e.g. `window.ethereum`)
 * @param options `{ call, payload, chain, address?, type?, wrap? }`: `call`, `payload` and `chain`
 *   as for `signingMessage` (a transfer's payload holds `handle`, the MSA's display handle now);
 *   `address` the signing account for `signRaw` and the Ethereum address for `request`; `type` the
 *   key type for `signRaw` (default sr25519); `wrap` (pairs other than ethereum, default true) signs
 *   the text `<Bytes>`-wrapped like a wallet, false the bare text. Ethereum keys sign EIP-191.
 */
export async function signReadable(signer, { call, payload, chain, address, type, wrap = true } = {}) {
  const { message, bytes } = signingMessage(call, payload, chain);
  const text = hexToU8a(bytes);
  if (signer && typeof signer.sign === 'function' && signer.type === 'ethereum') {
    return { signature: { Eth: u8aToHex(signer.sign(eip191(text))) }, message };
  }
  if (signer && typeof signer.request === 'function' && typeof signer.signRaw !== 'function') {
    if (typeof address !== 'string' || address.length === 0) {
      throw new HandlesError(ErrorCode.BAD_SIGNER, 'signing with an EIP-1193 provider needs the Ethereum address (options.address)');
    }
    let signature;
    try {
      signature = await signer.request({ method: 'personal_sign', params: [bytes, address] });
    } catch (e) {
      throw new HandlesError(ErrorCode.BAD_SIGNER, `the wallet refused: ${e?.message ?? e}`, { cause: e });
    }
    if (typeof signature !== 'string' || !isHex(signature) || hexToU8a(signature).length !== 65) {
      throw new HandlesError(ErrorCode.BAD_SIGNER, 'personal_sign returned no 65-byte signature');
    }
    return { signature: { Eth: signature }, message };
  }
  if (signer && typeof signer.sign === 'function' && typeof signer.type === 'string') {
    if (!(signer.type in VARIANT)) throw new HandlesError(ErrorCode.BAD_SIGNER, `unsupported key type ${signer.type}`);
    return { signature: { [VARIANT[signer.type]]: u8aToHex(signer.sign(wrap ? u8aWrapBytes(text) : text)) }, message };
  }
  if (signer && typeof signer.signRaw === 'function') {
    return { signature: await signWithExtension(signer, bytes, address, type), message };
  }
  throw new HandlesError(ErrorCode.BAD_SIGNER, 'the signer must be a keyring pair (sign, type), an extension signer (signRaw) or an EIP-1193 provider (request)');
}
