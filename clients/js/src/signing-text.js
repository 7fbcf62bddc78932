// The text an owner signs for a payload (SPEC "Signed payloads (v3)"): built by the Rust crate
// `handles-signing` compiled into the package's WebAssembly module, the same code the runtime's
// `signing_message` and the RPC `handles_signingMessage` run. This module only checks the
// JavaScript types and sizes of the arguments and lays them out for the module.
//
// It imports nothing but the rules module, so a page loads it as it is, without a bundler (the
// claim page of handles-sponsor does): accounts are 32 bytes or 0x hex here. `signingMessage` of
// signing.js (the package's export) also takes SS58 addresses.
//
//   const chain = { name: HANDLES_CHAIN_NAME, genesisHash: '0x…', ss58Prefix: 42 };
//   signingText('create', { baseHandle: 'Alice', suffix: 4821, expiration: 1234 }, chain).message
//   // 'Handles: claim Alice.4821\nChain: Handles 0x…\nValid until block: 1234'

import { ErrorCode, HandlesError } from './errors.js';
import { check32Bytes, checkU32, parseDisplay, rulesInfo, wasmQuery } from './rules.js';

/** The `HandlesChainName` of the dev and local chains, which the second line of a message names. */
export const HANDLES_CHAIN_NAME = 'Handles';

/** Longest chain name, in UTF-8 bytes, {@link signingText} takes. */
export const MAX_CHAIN_NAME_BYTES = 64;

const CALLS = ['create', 'retire', 'change', 'transfer'];
/** The payload fields of each call; a transfer also takes `handle`, the MSA's display handle now. */
const FIELDS = {
  create: ['baseHandle', 'suffix', 'expiration'],
  retire: ['msaId', 'handle', 'expiration'],
  change: ['msaId', 'oldHandle', 'newBaseHandle', 'newSuffix', 'expiration'],
  transfer: ['msaId', 'handle', 'owner', 'newOwner', 'expiration'],
};
const ABSENT = 0xffffffff;

function typeName(value) {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function checkCall(call) {
  const name = typeof call === 'number' ? CALLS[call] : call;
  if (!CALLS.includes(name)) {
    throw new HandlesError(ErrorCode.BAD_PAYLOAD, `unknown call ${JSON.stringify(call)}: expected create, retire, change or transfer (or 0..=3)`);
  }
  return name;
}

function checkFields(call, payload) {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new HandlesError(ErrorCode.WRONG_TYPE, `the ${call} payload must be an object, got ${typeName(payload)}`);
  }
  const known = FIELDS[call];
  for (const key of Object.keys(payload)) {
    if (!known.includes(key)) throw new HandlesError(ErrorCode.BAD_PAYLOAD, `the ${call} payload has no field ${key} (its fields: ${known.join(', ')})`);
  }
  for (const key of known) {
    // A change's oldHandle may be left out (no handle); a transfer's handle must be given, null for none.
    const optional = call === 'change' && key === 'oldHandle';
    if (payload[key] === undefined && !optional) {
      const hint = call === 'transfer' && key === 'handle' ? ' (the display handle the MSA holds now, or null)' : '';
      throw new HandlesError(ErrorCode.BAD_PAYLOAD, `the ${call} payload lacks ${key}${hint}`);
    }
  }
}

const utf8 = new TextEncoder();

/** `bytes` as 0x hex. */
const toHex = (bytes) => `0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;

/** Text or bytes as bytes; `max` bounds the UTF-8 length (TOO_LONG). */
function textBytes(what, value, max) {
  let bytes;
  if (value instanceof Uint8Array) bytes = value;
  else if (typeof value === 'string') {
    if (!value.isWellFormed()) throw new HandlesError(ErrorCode.NOT_UTF8, `${what} is not well-formed Unicode text (it holds a lone surrogate)`);
    bytes = utf8.encode(value);
  } else throw new HandlesError(ErrorCode.WRONG_TYPE, `${what} must be a string or a Uint8Array, got ${typeName(value)}`);
  if (bytes.length > max) throw new HandlesError(ErrorCode.TOO_LONG, `${what} is ${bytes.length} bytes of UTF-8; at most ${max} are accepted`);
  return bytes;
}

/** A display handle `base.suffix` (checked with the rules crate's parser), as bytes. */
function displayBytes(what, value) {
  const bytes = textBytes(what, value, rulesInfo().maxDisplayBytes);
  try {
    parseDisplay(bytes);
  } catch (e) {
    if (e instanceof HandlesError) throw new HandlesError(e.code, `${what}: ${e.message}`, { rule: e.rule });
    throw e;
  }
  return bytes;
}

function checkChain(chain) {
  if (chain === null || typeof chain !== 'object' || Array.isArray(chain)) {
    throw new HandlesError(ErrorCode.WRONG_TYPE, `the chain must be an object { name, genesisHash, ss58Prefix }, got ${typeName(chain)}`);
  }
  const name = textBytes('the chain name', chain.name, MAX_CHAIN_NAME_BYTES);
  // `api.genesisHash` is an H256, a Uint8Array.
  const hash = chain.genesisHash instanceof Uint8Array ? Uint8Array.from(chain.genesisHash) : chain.genesisHash;
  const genesisHash = check32Bytes('the genesis hash', hash);
  const prefix = checkU32('the SS58 prefix', chain.ss58Prefix);
  if (prefix > 0xffff) throw new HandlesError(ErrorCode.OUT_OF_RANGE, `the SS58 prefix must be at most 65535, got ${prefix}`);
  return { name, genesisHash, prefix };
}

/** `u32 LE length ++ bytes`, or the absent marker for null. */
function field(bytes) {
  const out = new Uint8Array(4 + (bytes?.length ?? 0));
  new DataView(out.buffer).setUint32(0, bytes === null ? ABSENT : bytes.length, true);
  if (bytes !== null) out.set(bytes, 4);
  return out;
}

/**
 * The text an owner signs for a payload of `call` on `chain`, and its UTF-8 bytes as 0x hex: the
 * same `{ message, bytes }` as the RPC `handles_signingMessage` answers.
 * @param call 'create' | 'retire' | 'change' | 'transfer' (or the kind 0..=3)
 * @param payload the call's payload fields in camelCase (`baseHandle`, `suffix`, `msaId`, `handle`,
 *   `oldHandle`, `newBaseHandle`, `newSuffix`, `owner`, `newOwner`, `expiration`); a transfer also
 *   takes `handle`: the display handle the MSA holds now (from `handles_getHandleForMsa`), or null.
 *   Handles are text or UTF-8 bytes (base handles at most 32 bytes, display handles `base.suffix`),
 *   accounts 0x hex or 32 bytes.
 * @param chain `{ name, genesisHash, ss58Prefix }`: the runtime's `HandlesChainName`
 *   ({@link HANDLES_CHAIN_NAME} on the dev and local chains), the genesis hash (0x hex or 32 bytes,
 *   `api.genesisHash` works) and the chain's SS58 format (`api.registry.chainSS58`).
 * @returns `{ message: string, bytes: string }`
 */
export function signingText(call, payload, chain) {
  const name = checkCall(call);
  checkFields(name, payload);
  const c = checkChain(chain);
  const info = rulesInfo();
  const expiration = checkU32('expiration', payload.expiration);
  const numbers = { msaId: 0, suffix: 0 };
  let a = null;
  let b = null;
  let owner = new Uint8Array(32);
  let newOwner = new Uint8Array(32);
  switch (name) {
    case 'create':
      a = textBytes('baseHandle', payload.baseHandle, info.maxBaseBytes);
      numbers.suffix = checkU32('suffix', payload.suffix);
      break;
    case 'retire':
      numbers.msaId = checkU32('msaId', payload.msaId);
      a = displayBytes('handle', payload.handle);
      break;
    case 'change':
      numbers.msaId = checkU32('msaId', payload.msaId);
      a = payload.oldHandle === null || payload.oldHandle === undefined ? null : displayBytes('oldHandle', payload.oldHandle);
      b = textBytes('newBaseHandle', payload.newBaseHandle, info.maxBaseBytes);
      numbers.suffix = checkU32('newSuffix', payload.newSuffix);
      break;
    default:
      numbers.msaId = checkU32('msaId', payload.msaId);
      a = payload.handle === null ? null : displayBytes('handle', payload.handle);
      owner = check32Bytes('owner', payload.owner);
      newOwner = check32Bytes('newOwner', payload.newOwner);
  }
  const parts = [c.genesisHash, owner, newOwner, field(c.name), field(a), field(b)];
  const input = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    input.set(p, at);
    at += p.length;
  }
  const r = wasmQuery('hr_signing_message', input, CALLS.indexOf(name), numbers.msaId, numbers.suffix, expiration, c.prefix);
  if (!r.ok) throw new HandlesError(ErrorCode.WASM, `the rules module refused the signing input: ${r.message}`);
  return { message: r.message, bytes: toHex(utf8.encode(r.message)) };
}
