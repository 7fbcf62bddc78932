// Working with a chain through @polkadot/api (any ApiPromise created with `handlesApiOptions`):
// choosing an expiration, building the signed user calls, looking handles up.

import { MAX_BATCH_LOOKUPS } from './definitions.js';
import { ErrorCode, HandlesError } from './errors.js';
import { PayloadKind, normalizePayload } from './payload.js';
import { checkU32 } from './rules.js';
import { signPayload } from './sign.js';

/**
 * An expiration block for a payload signed now: `now + margin`, at most `now + maxPayloadLifetime`
 * (the chain accepts `now <= expiration <= now + maxPayloadLifetime`). `margin` defaults to the
 * whole lifetime, the longest a user has to send what they signed.
 */
export function chooseExpiration({ now, maxPayloadLifetime, margin } = {}) {
  const n = checkU32('now', now);
  const max = checkU32('maxPayloadLifetime', maxPayloadLifetime);
  const m = margin === undefined ? max : checkU32('margin', margin);
  const expiration = n + Math.min(m, max);
  if (expiration > 0xffffffff) throw new HandlesError(ErrorCode.OUT_OF_RANGE, `the expiration ${expiration} does not fit a u32 block number`);
  return expiration;
}

/** `{ now, maxPayloadLifetime, expiration }` at the best block of `api`, by {@link chooseExpiration}. */
export async function expirationFromChain(api, { margin } = {}) {
  const header = await api.rpc.chain.getHeader();
  const now = header.number.toNumber();
  const settings = api.rpc.handles?.getSettings ? await api.rpc.handles.getSettings(header.hash) : await api.call.handlesApi.settings();
  const maxPayloadLifetime = Number(settings.maxPayloadLifetime.toString());
  return { now, maxPayloadLifetime, expiration: chooseExpiration({ now, maxPayloadLifetime, margin }) };
}

const CALLS = ['createHandle', 'retireHandle', 'changeHandle', 'transferOwnership'];

function ownerAddress(signer, address, what) {
  const owner = address ?? signer?.address;
  if (typeof owner !== 'string' || owner.length === 0) throw new HandlesError(ErrorCode.BAD_SIGNER, `${what}: give the signing account's address`);
  return owner;
}

/**
 * Builds a user call of pallet Handles, signed by the owner: fills `payload.expiration` from the
 * chain when absent, signs the payload with `signer` (keyring pair or extension signer) and returns
 * `{ tx, payload, signature }`; any account (the owner or a sponsor) then signs and sends `tx`.
 * For a transfer, `newOwnerSigner` (and `newOwnerAddress` for an extension) signs too.
 */
export async function buildSignedCall(api, { kind, payload, signer, address, type, newOwnerSigner, newOwnerAddress, newOwnerType, margin }) {
  const k = typeof kind === 'string' ? PayloadKind[kind] : kind;
  if (!Number.isInteger(k) || k < 0 || k > 3) throw new HandlesError(ErrorCode.BAD_PAYLOAD, `unknown payload kind ${JSON.stringify(kind)}`);
  const owner = ownerAddress(signer, address, 'the owner');
  let full = { ...payload };
  if (full.expiration === undefined) full.expiration = (await expirationFromChain(api, { margin })).expiration;
  let newOwner;
  if (k === PayloadKind.transfer) {
    newOwner = ownerAddress(newOwnerSigner, newOwnerAddress, 'the new owner');
    full = { owner, newOwner, ...full };
  }
  const normalized = normalizePayload(k, full);
  const genesisHash = api.genesisHash;
  const signature = await signPayload(signer, { genesisHash, kind: k, payload: full, address: owner, type });
  const call = api.tx.handles[CALLS[k]];
  if (k !== PayloadKind.transfer) return { tx: call(owner, signature, normalized), payload: full, signature };
  const newOwnerSignature = await signPayload(newOwnerSigner, { genesisHash, kind: k, payload: full, address: newOwner, type: newOwnerType });
  return { tx: call(owner, signature, newOwner, newOwnerSignature, normalized), payload: full, signature, newOwnerSignature };
}

/** The MSA a display handle resolves to (`{ msaId, owner, handle }`, look-alikes included), or null. */
export async function lookupHandle(api, displayHandle) {
  const found = await api.rpc.handles.getMsaForHandle(displayHandle);
  return found.isSome ? found.unwrap().toJSON() : null;
}

/**
 * `method` (a batch RPC of `api.rpc.handles`) over `entries`, one answer per entry in order, as
 * JSON: one call per MAX_BATCH_LOOKUPS entries, all at the best block when it takes several.
 */
async function inBatches(api, method, entries, what) {
  if (!Array.isArray(entries)) throw new HandlesError(ErrorCode.WRONG_TYPE, `${what}: give an array`);
  if (entries.length <= MAX_BATCH_LOOKUPS) return (await api.rpc.handles[method](entries)).toJSON();
  const at = (await api.rpc.chain.getHeader()).hash;
  const answers = [];
  for (let i = 0; i < entries.length; i += MAX_BATCH_LOOKUPS) {
    answers.push(...(await api.rpc.handles[method](entries.slice(i, i + MAX_BATCH_LOOKUPS), at)).toJSON());
  }
  return answers;
}

/**
 * {@link lookupHandle} of each display handle, in order (`null` where none resolves or the handle
 * is malformed), through handles_getMsasForHandles: one request per 100 handles, all at one block.
 */
export async function lookupHandles(api, displayHandles) {
  return inBatches(api, 'getMsasForHandles', displayHandles, 'lookupHandles');
}

/**
 * The handle of each MSA id, in order (`{ handle, baseHandle, suffix, canonical, owner, createdAt }`,
 * `null` where the MSA holds none), through handles_getHandlesForMsas: one request per 100 ids,
 * all at one block.
 */
export async function lookupMsas(api, msaIds) {
  return inBatches(api, 'getHandlesForMsas', msaIds, 'lookupMsas');
}
