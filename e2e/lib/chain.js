// A chain through @polkadot/api, for the tests and scripts/load.js: connecting with the handles_*
// definitions of @handles/client, a dev chain with an API in one step, blocks on demand, extrinsics
// sent and submitted with decoded dispatch errors, sudo and council motions, events, and the user
// calls signed by their owners. Payload bytes, signatures, suffix options and MSA ids come from
// @handles/client (the Rust rules crate as WebAssembly); nothing of the rules is written here.
// Processes and raw JSON-RPC are in ./node.js.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { hexToU8a, stringToU8a, u8aToHex, u8aToString, u8aWrapBytes } from '@polkadot/util';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';

import { handlesApiOptions, normalizePayload, signPayload } from '@handles/client';

import { rpcCall, rpcResponse, startDevNode } from './node.js';

export const SS58_PREFIX = 42;

/**
 * An `ApiPromise` on `wsUrl` with the handles_* definitions of @handles/client. `timeoutMs` is the
 * provider's request timeout (default that of polkadot.js). Rejects (and closes the provider) when
 * the node does not answer.
 */
export async function connectApi(wsUrl, { timeoutMs } = {}) {
  const provider = timeoutMs ? new WsProvider(wsUrl, 2500, {}, timeoutMs) : new WsProvider(wsUrl);
  try {
    return await ApiPromise.create({ provider, ...handlesApiOptions, throwOnConnect: true, noInitWarn: true });
  } catch (err) {
    await provider.disconnect().catch(() => {});
    throw err;
  }
}

/**
 * Starts a dev node (`startDevNode(opts)` of ./node.js: manual sealing, `--tmp`) and connects an
 * API. Resolves to `{ node, api, keyring, alice, bob, charlie, dave, rpc, rpcRaw, stop }`:
 * `rpc(method, params)` returns the JSON-RPC result (throws on an error object, with `code`);
 * `rpcRaw` returns the whole response.
 */
export async function startChain(opts = {}) {
  await cryptoWaitReady();
  const node = await startDevNode(opts);
  let api;
  try {
    api = await connectApi(node.wsUrl);
  } catch (err) {
    await node.stop();
    throw err;
  }
  const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
  return {
    node,
    api,
    keyring,
    alice: keyring.addFromUri('//Alice'),
    bob: keyring.addFromUri('//Bob'),
    charlie: keyring.addFromUri('//Charlie'),
    dave: keyring.addFromUri('//Dave'),
    rpc: (method, params = []) => rpcCall(node.httpUrl, method, params),
    rpcRaw: (method, params = []) => rpcResponse(node.httpUrl, method, params),
    async stop() {
      try {
        await api?.disconnect();
      } finally {
        await node.stop();
      }
    },
  };
}

/** A fresh key pair of `type` (sr25519, ed25519 or ecdsa) that holds no tokens. */
export function freshPair(type = 'sr25519') {
  const keyring = new Keyring({ type, ss58Format: SS58_PREFIX });
  return keyring.addFromMnemonic(mnemonicGenerate());
}

// ---- blocks ----

/**
 * Makes `n` blocks with manual sealing, `engine_createBlock(true, true)` (sealed and finalized; the
 * parent hash is left out, which the node reads as `null`: build on the best block. polkadot.js
 * would turn an explicit `null` for an optional `BlockHash` into the zero hash). Resolves to the
 * last block's hash (0x hex).
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

/** The events of block `hash` (`{ section, method, data }` records). */
export async function blockEvents(api, hash) {
  const at = await api.at(hash);
  const records = await at.query.system.events();
  return records.map(({ event }) => event);
}

// ---- extrinsics ----

/**
 * A dispatch error as `{ section, name, reason, text }`: `name` is the error's name
 * (`api.registry.findMetaError`) or the non-module kind (`BadOrigin`, ...); `reason` is the
 * variant name of a nested error enum (`InvalidHandle(TooLong)` -> `TooLong`), else null;
 * `text` is `section.name(reason): docs`.
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

/** The pool's custom codes of `InvalidHandle(rule)` start here (pallet-handles `INVALID_HANDLE_CODES`). */
const INVALID_HANDLE_CODES = 64;

/**
 * The pallet error a handles call was refused with when it entered the transaction pool (the
 * runtime runs the call there and refuses what would fail: `1010: Invalid Transaction: Custom
 * error: <code>`, the code the index of the pallet error, or 64 plus the rule's index for
 * `InvalidHandle(rule)`), as an inclusion result that never reached a block:
 * `{ refusedByPool: true, error, events: [], blockHash: null, blockNumber: null }`, `error` decoded
 * as {@link decodeDispatchError} decodes a dispatch error. Null for any other error.
 */
export function poolRefusal(api, err) {
  const match = /^1010: Invalid Transaction: Custom error: (\d+)$/.exec(String(err?.message ?? ''));
  if (!match) return null;
  const code = Number(match[1]);
  const pallet = api.registry.metadata.pallets.find((p) => p.name.toString() === 'Handles');
  const invalidHandle = api.errors.handles.InvalidHandle.meta.index.toNumber();
  const bytes = code >= INVALID_HANDLE_CODES ? [invalidHandle, code - INVALID_HANDLE_CODES, 0, 0] : [code, 0, 0, 0];
  const module = { index: pallet.index.toNumber(), error: bytes };
  const error = decodeDispatchError(api, api.registry.createType('DispatchError', { Module: module }));
  return { refusedByPool: true, error, events: [], blockHash: null, blockNumber: null };
}

/** A `DispatchResult` (`Result<(), DispatchError>`) as null (Ok) or a decoded error. */
export function decodeDispatchResult(api, result) {
  return result.isErr ? decodeDispatchError(api, result.asErr) : null;
}

/**
 * Signs `tx` with `signer` and sends it, without making a block (`options` go to `signAndSend`;
 * default `{ nonce: -1 }`: the next nonce, transactions in the pool included). Resolves, once the
 * pool took it, to `{ included }`: a promise of `{ blockHash, blockNumber, inBlock, events, error }`
 * once a block includes it (with `finalized: true`, once that block is finalized), where `events`
 * are the extrinsic's events, `error` its decoded dispatch error ({@link decodeDispatchError}) or
 * null, and `inBlock` the hash of the block it was first seen in. A handles call the pool refuses
 * because it would fail resolves at once to `{ included }` of {@link poolRefusal}'s result; any
 * other refusal rejects at once; `included` rejects when the pool drops it or after `timeoutMs`. Blocks
 * made with finalize = true may take it from Ready straight to Finalized, so both statuses count.
 */
export async function send(api, tx, signer, { timeoutMs = 60_000, finalized = false, options = { nonce: -1 } } = {}) {
  let settle;
  let fail;
  const result = new Promise((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const timer = setTimeout(
    () => fail(new Error(`extrinsic not ${finalized ? 'finalized' : 'included'} within ${timeoutMs} ms`)),
    timeoutMs,
  );
  let inBlock = null;
  let unsub;
  const watch = ({ status, events, dispatchError }) => {
    if (status.isInvalid || status.isDropped || status.isUsurped || status.isFinalityTimeout) {
      fail(new Error(`extrinsic ${status.type}`));
    } else if (status.isInBlock || status.isFinalized) {
      if (status.isInBlock) inBlock = status.asInBlock.toHex();
      if (finalized && !status.isFinalized) return;
      const hash = (status.isInBlock ? status.asInBlock : status.asFinalized).toHex();
      settle({
        blockHash: hash,
        inBlock: inBlock ?? hash,
        events: events.map(({ event }) => event),
        error: dispatchError ? decodeDispatchError(api, dispatchError) : null,
      });
    }
  };
  // Right after a block, the transaction pool may still validate against its parent and refuse a
  // transaction signed at the new best block as having an "ancient birth block" (1010): wait for
  // the pool to follow and send again, as a wallet would.
  for (let attempt = 1; ; attempt++) {
    try {
      unsub = await tx.signAndSend(signer, options, watch);
      break;
    } catch (err) {
      const refused = poolRefusal(api, err);
      if (refused) {
        clearTimeout(timer);
        return { included: Promise.resolve(refused) };
      }
      if (!/ancient birth block/.test(String(err.message)) || attempt === 30) {
        clearTimeout(timer);
        throw err;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  const included = result
    .then(async (out) => {
      const header = await api.rpc.chain.getHeader(out.blockHash);
      return { ...out, blockNumber: header.number.toNumber() };
    })
    .finally(() => {
      clearTimeout(timer);
      unsub();
    });
  included.catch(() => {}); // observed by the caller
  return { included };
}

/**
 * {@link send}, then one block made with {@link seal}; resolves to the inclusion result
 * `{ blockHash, blockNumber, events, error }`. A handles call the pool refuses resolves
 * to the refusal ({@link poolRefusal}); any other refusal rejects.
 */
export async function submit(api, tx, signer, { timeoutMs = 60_000 } = {}) {
  const { included } = await send(api, tx, signer, { timeoutMs });
  // The extrinsic is in the pool once signAndSend resolved: make the block that includes it.
  await seal(api);
  return included;
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

// ---- events ----

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

// ---- the user calls of pallet Handles ----
//
// The payload arguments are built by `normalizePayload` of @handles/client with `unchecked: true`,
// and `signedCall` signs them the same way (`sign`, with its `signPayload`): the tests send what
// they are given, invalid handles included, so that what refuses them is the chain.

/** A byte string for a `Vec<u8>` call argument: text as its UTF-8 bytes, or bytes; as hex. */
export function bytesArg(value) {
  return u8aToHex(typeof value === 'string' ? stringToU8a(value) : Uint8Array.from(value));
}

const unchecked = { unchecked: true };

/** `handles.createHandle(owner, signature, payload)`; `payload`: `{ baseHandle, suffix, expiration }`. */
export function createTx(api, owner, signature, payload) {
  return api.tx.handles.createHandle(addressOf(owner), signature, normalizePayload('create', payload, unchecked));
}

/** `handles.retireHandle(owner, signature, payload)`; `payload.handle`: the MSA's display handle. */
export function retireTx(api, owner, signature, payload) {
  return api.tx.handles.retireHandle(addressOf(owner), signature, normalizePayload('retire', payload, unchecked));
}

/** `handles.changeHandle(owner, signature, payload)`; `payload.oldHandle`: the MSA's display handle or null. */
export function changeTx(api, owner, signature, payload) {
  return api.tx.handles.changeHandle(addressOf(owner), signature, normalizePayload('change', payload, unchecked));
}

/**
 * `handles.transferOwnership(owner, signature, newOwner, newOwnerSignature, payload)`; the payload
 * names the current `owner` and the `newOwner` (addresses or pairs), which may differ from the
 * arguments.
 */
export function transferTx(api, owner, signature, newOwner, newOwnerSignature, payload) {
  const named = { ...payload, owner: addressOf(payload.owner), newOwner: addressOf(payload.newOwner) };
  return api.tx.handles.transferOwnership(
    addressOf(owner),
    signature,
    addressOf(newOwner),
    newOwnerSignature,
    normalizePayload('transfer', named, unchecked),
  );
}

function addressOf(who) {
  return typeof who === 'string' ? who : who.address;
}

/**
 * The signature of `owner` (a keyring pair) of a payload for the chain of `api`, by `signPayload`
 * of @handles/client: `kind` is 'create', 'retire', 'change' or 'transfer'; `wrap` (default true)
 * signs the `<Bytes>`-wrapped message like a browser wallet, false the bare one; `genesisHash`
 * defaults to the chain's; `unchecked` (default false) signs handles the client's rules refuse.
 */
export function sign(api, owner, kind, payload, { wrap = true, genesisHash = api.genesisHash, unchecked = false } = {}) {
  return signPayload(owner, { genesisHash, kind, payload, wrap, unchecked });
}

/**
 * The signature of a message someone else prepared (0x hex, such as the one handles-sponsor hands
 * out), as a browser wallet's signRaw makes it: the `<Bytes>`-wrapped bytes signed by `pair`, as
 * 0x hex with the MultiSignature scheme byte first.
 */
export function walletSign(pair, message) {
  return u8aToHex(pair.sign(u8aWrapBytes(hexToU8a(message)), { withType: true }));
}

/**
 * The payload signed by `owner` ({@link sign}, unchecked) and the call for it, in one step:
 * `await signedCall(api, 'create' | 'retire' | 'change', owner, payload, { wrap, genesisHash })`
 * -> the extrinsic. Transfers need two signatures: `transferTx`.
 */
export async function signedCall(api, kind, owner, payload, { wrap = true, genesisHash = api.genesisHash } = {}) {
  const build = { create: createTx, retire: retireTx, change: changeTx }[kind];
  if (!build) throw new Error(`signedCall: use transferTx for ${kind}`);
  const signature = await sign(api, owner, kind, payload, { wrap, genesisHash, unchecked: true });
  return build(api, owner, signature, payload);
}
