// Helpers of the end-to-end flow tests (issue 5, point 1): a dev chain with an API, blocks on
// demand, owner signatures of every kind, extrinsics with decoded dispatch errors, sudo and
// council motions, event decoding, and an offline copy of the suffix-candidate algorithm.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aConcat, u8aToHex, u8aToString, u8aWrapBytes } from '@polkadot/util';
import { blake2AsU8a, cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';

import { handlesApiOptions } from './definitions.js';
import { rpcCall, sendExtrinsic, startDevNode } from './node.js';
import { PayloadKind, signedMessage } from './payload.js';

export const SS58_PREFIX = 42;

/**
 * Starts a dev node (manual sealing) and connects an API with the handles_* definitions.
 * Resolves to `{ node, api, keyring, alice, bob, charlie, dave, rpc, rpcRaw, stop }`:
 * `rpc(method, params)` returns the JSON-RPC result (throws on an error object, with `code`);
 * `rpcRaw` returns the whole response.
 */
export async function startChain(opts = {}) {
  await cryptoWaitReady();
  const node = await startDevNode(opts);
  let api;
  try {
    api = await ApiPromise.create({
      provider: new WsProvider(node.wsUrl),
      ...handlesApiOptions,
      throwOnConnect: true,
      noInitWarn: true,
    });
  } catch (err) {
    await node.stop();
    throw err;
  }
  const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
  const rpcRaw = (method, params = []) => rpcCall(node.httpUrl, method, params);
  const rpc = async (method, params = []) => {
    const res = await rpcRaw(method, params);
    if (res.error) {
      throw Object.assign(new Error(`${method}: ${res.error.code} ${res.error.message}`), {
        code: res.error.code,
        rpcError: res.error,
      });
    }
    return res.result;
  };
  const ctx = {
    node,
    api,
    keyring,
    alice: keyring.addFromUri('//Alice'),
    bob: keyring.addFromUri('//Bob'),
    charlie: keyring.addFromUri('//Charlie'),
    dave: keyring.addFromUri('//Dave'),
    rpc,
    rpcRaw,
    async stop() {
      try {
        await api?.disconnect();
      } finally {
        await node.stop();
      }
    },
  };
  return ctx;
}

/** A fresh key pair of `type` (sr25519, ed25519 or ecdsa) that holds no tokens. */
export function freshPair(type = 'sr25519') {
  const keyring = new Keyring({ type, ss58Format: SS58_PREFIX });
  return keyring.addFromMnemonic(mnemonicGenerate());
}

/**
 * Makes `n` blocks with `engine_createBlock(true, true)` (sealed and finalized; no parent hash,
 * so the best block is the parent). Resolves to the last block's hash.
 */
export async function seal(api, n = 1) {
  let hash;
  for (let i = 0; i < n; i++) {
    const created = await api.rpc.engine.createBlock(true, true);
    hash = created.blockHash.toHex();
  }
  return hash;
}

/** Number of the best block. */
export async function bestNumber(api) {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

/** Makes blocks until the best block is `target` (nothing when it is already there or past). */
export async function sealTo(api, target) {
  const now = await bestNumber(api);
  if (target > now) await seal(api, target - now);
  return bestNumber(api);
}

/** Hash of block `n` (0x hex). */
export async function blockHash(api, n) {
  return (await api.rpc.chain.getBlockHash(n)).toHex();
}

const VARIANT = { sr25519: 'Sr25519', ed25519: 'Ed25519', ecdsa: 'Ecdsa' };

/**
 * The owner's `MultiSignature` for a payload: `{ Sr25519 | Ed25519 | Ecdsa: '0x..' }`.
 * `wrap: true` signs `<Bytes>` + message + `</Bytes>` (browser wallet), `false` the raw message.
 * `genesisHash` defaults to the chain's; pass another to sign for another chain.
 */
export function signPayload(pair, genesisHash, kind, payload, { wrap = true } = {}) {
  const message = signedMessage(genesisHash, kind, payload);
  const signature = pair.sign(wrap ? u8aWrapBytes(message) : message);
  const variant = VARIANT[pair.type];
  if (!variant) throw new Error(`unsupported key type ${pair.type}`);
  return { [variant]: u8aToHex(signature) };
}

/** A byte string for a `Vec<u8>` call argument: text as its UTF-8 bytes, or bytes; as hex. */
export function bytesArg(value) {
  return u8aToHex(typeof value === 'string' ? stringToU8a(value) : Uint8Array.from(value));
}

/** `handles.createHandle(owner, signature, payload)` */
export function createTx(api, owner, signature, { baseHandle, suffix, expiration }) {
  return api.tx.handles.createHandle(addressOf(owner), signature, {
    baseHandle: bytesArg(baseHandle),
    suffix,
    expiration,
  });
}

/** `handles.retireHandle(owner, signature, payload)`; `handle`: the MSA's display handle. */
export function retireTx(api, owner, signature, { msaId, handle, expiration }) {
  return api.tx.handles.retireHandle(addressOf(owner), signature, { msaId, handle: bytesArg(handle), expiration });
}

/** `handles.changeHandle(owner, signature, payload)`; `oldHandle`: the MSA's display handle or null. */
export function changeTx(api, owner, signature, { msaId, oldHandle, newBaseHandle, newSuffix, expiration }) {
  return api.tx.handles.changeHandle(addressOf(owner), signature, {
    msaId,
    oldHandle: oldHandle === null || oldHandle === undefined ? null : bytesArg(oldHandle),
    newBaseHandle: bytesArg(newBaseHandle),
    newSuffix,
    expiration,
  });
}

/** `handles.transferOwnership(owner, signature, newOwner, newOwnerSignature, payload)`; the payload names the current `owner`. */
export function transferTx(api, owner, signature, newOwner, newOwnerSignature, { msaId, owner: payloadOwner, newOwner: payloadNewOwner, expiration }) {
  return api.tx.handles.transferOwnership(addressOf(owner), signature, addressOf(newOwner), newOwnerSignature, {
    msaId,
    owner: addressOf(payloadOwner),
    newOwner: addressOf(payloadNewOwner),
    expiration,
  });
}

function addressOf(who) {
  return typeof who === 'string' ? who : who.address;
}

/**
 * The payload signed by `owner` and the call for it, in one step:
 * `signedCall(api, 'create', owner, payload, { wrap, genesisHash })` -> the extrinsic.
 */
export function signedCall(api, kind, owner, payload, { wrap = true, genesisHash = api.genesisHash } = {}) {
  const signature = signPayload(owner, genesisHash, PayloadKind[kind], payload, { wrap });
  switch (kind) {
    case 'create':
      return createTx(api, owner, signature, payload);
    case 'retire':
      return retireTx(api, owner, signature, payload);
    case 'change':
      return changeTx(api, owner, signature, payload);
    default:
      throw new Error(`signedCall: use transferTx for ${kind}`);
  }
}

/**
 * A dispatch error as `{ section, name, reason, text }`: `name` is the error's name
 * (`api.registry.findMetaError`) or the non-module kind (`BadOrigin`, ...); `reason` is the
 * variant name of a nested error enum (`InvalidHandle(TooLong)` -> `TooLong`), else null.
 */
export function decodeDispatchError(api, dispatchError) {
  if (dispatchError.isModule) {
    const mod = dispatchError.asModule;
    const { section, name, docs } = api.registry.findMetaError(mod);
    const bytes = mod.error.toU8a();
    const reason = nestedErrorVariant(api, mod.index.toNumber(), bytes[0], bytes[1]);
    return { section, name, reason, text: `${section}.${name}${reason ? `(${reason})` : ''}: ${docs.join(' ')}` };
  }
  return { section: null, name: dispatchError.type, reason: null, text: dispatchError.toString() };
}

function nestedErrorVariant(api, palletIndex, errorIndex, nestedIndex) {
  const pallet = api.registry.metadata.pallets.find((p) => p.index.toNumber() === palletIndex);
  if (!pallet || pallet.errors.isNone) return null;
  const def = api.registry.lookup.getSiType(pallet.errors.unwrap().type).def;
  if (!def.isVariant) return null;
  const variant = def.asVariant.variants.find((v) => v.index.toNumber() === errorIndex);
  if (!variant || variant.fields.length !== 1) return null;
  let inner = api.registry.lookup.getSiType(variant.fields[0].type).def;
  // A newtype around the enum (`InvalidHandleReason(HandleRule)`): look through it.
  while (inner.isComposite && inner.asComposite.fields.length === 1) {
    inner = api.registry.lookup.getSiType(inner.asComposite.fields[0].type).def;
  }
  if (!inner.isVariant) return null;
  const nested = inner.asVariant.variants.find((v) => v.index.toNumber() === nestedIndex);
  return nested ? nested.name.toString() : null;
}

/** A `DispatchResult` (`Result<(), DispatchError>`) as null (Ok) or a decoded error. */
export function decodeDispatchResult(api, result) {
  return result.isErr ? decodeDispatchError(api, result.asErr) : null;
}

/**
 * Signs `tx` with `signer`, sends it, makes one block and resolves once the extrinsic is in it:
 * `{ blockHash, blockNumber, events, error }`: `events` are the extrinsic's events, `error` a
 * decoded dispatch error or null. Rejects when the pool refuses the extrinsic.
 */
export async function submit(api, tx, signer, { timeoutMs = 60_000, sealIt = true } = {}) {
  const pending = await send(api, tx, signer, { timeoutMs });
  if (sealIt) await seal(api);
  return pending.included;
}

/**
 * Sends `tx` signed by `signer` without making a block; resolves to `{ included }`, a promise of
 * the same result as `submit` once some block includes it.
 */
export async function send(api, tx, signer, { timeoutMs = 60_000 } = {}) {
  const { included } = await sendExtrinsic(api, tx, signer, { timeoutMs, options: { nonce: -1 } });
  const decoded = included.then(({ dispatchError, ...out }) => ({
    ...out,
    error: dispatchError ? decodeDispatchError(api, dispatchError) : null,
  }));
  decoded.catch(() => {}); // observed by the caller
  return { included: decoded };
}

/** The events `section.method` of a submission result (or an events array). */
export function findEvents(resultOrEvents, section, method) {
  const events = Array.isArray(resultOrEvents) ? resultOrEvents : resultOrEvents.events;
  return events.filter((e) => e.section === section && e.method === method);
}

/** The one event `section.method`; throws with the list of events when absent. */
export function theEvent(resultOrEvents, section, method) {
  const found = findEvents(resultOrEvents, section, method);
  if (found.length !== 1) {
    const events = Array.isArray(resultOrEvents) ? resultOrEvents : resultOrEvents.events;
    throw new Error(
      `expected one ${section}.${method}, got ${found.length} in ` +
        `[${events.map((e) => `${e.section}.${e.method}`).join(', ')}]`,
    );
  }
  return found[0];
}

/** `Vec<u8>` (or `Option<Vec<u8>>`) codec as UTF-8 text, None as null. */
export function text(codec) {
  if (codec && codec.isNone === true) return null;
  const value = codec && codec.isSome === true ? codec.unwrap() : codec;
  return u8aToString(value.toU8a(true));
}

/** The events of `handles` in block `hash` as `{ method, data }` with data as JSON. */
export async function blockEvents(api, hash) {
  const at = await api.at(hash);
  const records = await at.query.system.events();
  return records.map(({ event }) => event);
}

/**
 * `sudo.sudo(call)` by `sudoKey`; resolves to the submission result plus `inner`, the decoded
 * error of the call itself (from `sudo.Sudid`) or null.
 */
export async function sudo(api, sudoKey, call) {
  const res = await submit(api, api.tx.sudo.sudo(call), sudoKey);
  if (res.error) return { ...res, inner: res.error };
  const ev = theEvent(res, 'sudo', 'Sudid');
  return { ...res, inner: decodeDispatchResult(api, ev.data[0]) };
}

/**
 * A council motion for `call`: `proposer` proposes with `threshold`, each of `voters` votes aye
 * (the proposer among them votes too unless the collective already counted it), then `closer`
 * closes it. Resolves to `{ proposed, votes, closed, executed, inner }`: `inner` is the call's own
 * decoded error or null (from `council.Executed`), `executed` false when the motion was not
 * executed. With `threshold` 1 the proposal executes at once (no votes, no close).
 */
export async function councilMotion(api, { proposer, voters = [], closer = proposer, threshold, call }) {
  const lengthBound = call.method.encodedLength ?? call.encodedLength;
  const proposed = await submit(api, api.tx.council.propose(threshold, call, lengthBound + 16), proposer);
  if (proposed.error) throw new Error(`council.propose failed: ${proposed.error.text}`);
  if (threshold <= 1) {
    const ev = theEvent(proposed, 'council', 'Executed');
    return { proposed, votes: [], closed: null, executed: true, inner: decodeDispatchResult(api, ev.data[1]), events: proposed.events };
  }
  const ev = theEvent(proposed, 'council', 'Proposed');
  const [, proposalIndex, proposalHash] = ev.data;
  const votes = [];
  for (const voter of voters) {
    const voting = (await api.query.council.voting(proposalHash)).unwrap();
    if (voting.ayes.some((a) => a.eq(voter.address))) continue; // already counted
    const v = await submit(api, api.tx.council.vote(proposalHash, proposalIndex, true), voter);
    if (v.error) throw new Error(`council.vote failed: ${v.error.text}`);
    votes.push(v);
  }
  const weightBound = { refTime: 10_000_000_000n, proofSize: 1_000_000n };
  const closed = await submit(
    api,
    api.tx.council.close(proposalHash, proposalIndex, weightBound, lengthBound + 16),
    closer,
  );
  if (closed.error) throw new Error(`council.close failed: ${closed.error.text}`);
  const executed = findEvents(closed, 'council', 'Executed');
  return {
    proposed,
    proposalHash: proposalHash.toHex(),
    proposalIndex: proposalIndex.toNumber(),
    votes,
    closed,
    executed: executed.length === 1,
    inner: executed.length === 1 ? decodeDispatchResult(api, executed[0].data[1]) : null,
    events: closed.events,
  };
}

// ---- suffix candidates, offline (SPEC "Suffix candidates") ----

const SIGMA = [0x61707865, 0x3320646e, 0x79622d32, 0x6b206574];

function rotl(x, n) {
  return ((x << n) | (x >>> (32 - n))) >>> 0;
}

function quarter(s, a, b, c, d) {
  s[a] = (s[a] + s[b]) >>> 0; s[d] = rotl(s[d] ^ s[a], 16);
  s[c] = (s[c] + s[d]) >>> 0; s[b] = rotl(s[b] ^ s[c], 12);
  s[a] = (s[a] + s[b]) >>> 0; s[d] = rotl(s[d] ^ s[a], 8);
  s[c] = (s[c] + s[d]) >>> 0; s[b] = rotl(s[b] ^ s[c], 7);
}

/** The first 16 output words of ChaCha20 (20 rounds, rand_chacha's ChaCha20Rng::from_seed). */
function chacha20FirstBlock(key) {
  const view = new DataView(key.buffer, key.byteOffset, key.byteLength);
  const init = new Uint32Array(16);
  init.set(SIGMA, 0);
  for (let i = 0; i < 8; i++) init[4 + i] = view.getUint32(i * 4, true);
  // counter (words 12, 13) and stream (14, 15) are zero
  const s = Uint32Array.from(init);
  for (let i = 0; i < 10; i++) {
    quarter(s, 0, 4, 8, 12); quarter(s, 1, 5, 9, 13); quarter(s, 2, 6, 10, 14); quarter(s, 3, 7, 11, 15);
    quarter(s, 0, 5, 10, 15); quarter(s, 1, 6, 11, 12); quarter(s, 2, 7, 8, 13); quarter(s, 3, 4, 9, 14);
  }
  for (let i = 0; i < 16; i++) s[i] = (s[i] + init[i]) >>> 0;
  return s;
}

/**
 * `candidates(seed, canonical, min, max)`: 10 suffixes drawn from ChaCha20 seeded with
 * `blake2_256(seed ++ canonical)`, each `min + x % (max - min + 1)`.
 */
export function suffixCandidates(seedHex, canonical, min = 1000, max = 9999) {
  const seed = typeof seedHex === 'string' ? Uint8Array.from(Buffer.from(seedHex.replace(/^0x/, ''), 'hex')) : seedHex;
  const key = blake2AsU8a(u8aConcat(seed, stringToU8a(canonical)), 256);
  const words = chacha20FirstBlock(key);
  const span = max - min + 1;
  return Array.from(words.slice(0, 10), (x) => min + (x % span));
}

/** Union of the candidates under both seeds, ascending, without duplicates. */
export function suffixOptions(current, previous, canonical, min = 1000, max = 9999) {
  const all = new Set([...suffixCandidates(current, canonical, min, max), ...suffixCandidates(previous, canonical, min, max)]);
  return [...all].sort((a, b) => a - b);
}

/** `msa_id(canonical, suffix)`: first 4 bytes (LE) of `blake2_256(canonical ++ "." ++ suffix)`. */
export function msaIdOf(canonical, suffix) {
  const hash = blake2AsU8a(stringToU8a(`${canonical}.${suffix}`), 256);
  return new DataView(hash.buffer, hash.byteOffset, 4).getUint32(0, true);
}

/** The read RPCs of an MSA / owner / handle at once, for "every read RPC afterwards" checks. */
export async function readAll(ctx, { msaId, owner, display, base }) {
  const out = {};
  if (display !== undefined) out.msaForHandle = await ctx.rpc('handles_getMsaForHandle', [display]);
  if (msaId !== undefined) out.handleForMsa = await ctx.rpc('handles_getHandleForMsa', [msaId]);
  if (owner !== undefined) out.handlesForOwner = await ctx.rpc('handles_getHandlesForOwner', [addressOf(owner)]);
  if (base !== undefined) out.options = await ctx.rpc('handles_getSuffixOptions', [base]);
  return out;
}

export { PayloadKind };
