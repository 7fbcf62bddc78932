// chain.js without a node: expirationFromChain, buildSignedCall and lookupHandle against a stand-in
// api whose answers are real @polkadot/types values (the handles definitions' types) and whose
// `tx.handles.*` record their arguments. chain.test.js runs the same functions against a dev node;
// these check each argument and branch on their own, fast enough for mutation testing.

import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { TypeRegistry } from '@polkadot/types';
import { hexToU8a, u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { cryptoWaitReady, signatureVerify } from '@polkadot/util-crypto';

import { ErrorCode, HandlesError, buildSignedCall, chooseExpiration, expirationFromChain, handlesTypes, lookupHandle, lookupHandles, lookupMsas, normalizePayload, signedMessage } from '../src/index.js';

const GENESIS = '0x' + '5a'.repeat(32);
const registry = new TypeRegistry();
registry.register(handlesTypes);
let owner;
let heir;
let edHeir;

before(async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  owner = keyring.addFromUri('//ChainCallsOwner');
  heir = keyring.addFromUri('//ChainCallsHeir');
  edHeir = new Keyring({ type: 'ed25519', ss58Format: 42 }).addFromUri('//ChainCallsHeir');
});

/**
 * A stand-in ApiPromise at best block `best` whose settings say `lifetime`; `withRpc: false` leaves
 * the handles RPC out (a node without it), so settings come from the runtime API. `asked` lists
 * every query in order.
 */
function standIn({ best = 500, lifetime = 200, withRpc = true, found = null } = {}) {
  const asked = [];
  const header = registry.createType('Header', { number: best, parentHash: '0x' + '77'.repeat(32) });
  const settings = (type) => registry.createType(type, { suffixMin: 1000, suffixMax: 9999, reuseCooldown: 7, seedRotationPeriod: 100, maxPayloadLifetime: lifetime });
  const handles = {
    getSettings: async (at) => (asked.push(`getSettings at ${at?.toHex()}`), settings('HandlesRpcSettings')),
    getMsaForHandle: async (display) => (asked.push(`getMsaForHandle ${display}`), registry.createType('Option<HandlesRpcMsaForHandle>', found)),
  };
  const call = (name) => (...args) => ({ call: name, args });
  return {
    asked,
    bestHash: header.hash.toHex(),
    genesisHash: registry.createType('H256', GENESIS),
    rpc: { chain: { getHeader: async () => header }, ...(withRpc ? { handles } : {}) },
    call: { handlesApi: { settings: async () => (asked.push('settings'), settings('HandlesApiSettings')) } },
    tx: { handles: { createHandle: call('createHandle'), retireHandle: call('retireHandle'), changeHandle: call('changeHandle'), transferOwnership: call('transferOwnership') } },
  };
}

/** An extension-style signer for `pair` (signRaw of the hex message, which it wraps); `requests` lists what it was asked. */
function wallet(pair) {
  const requests = [];
  return { requests, signRaw: async (request) => (requests.push(request), { signature: u8aToHex(pair.sign(u8aWrapBytes(hexToU8a(request.data)))) }) };
}

/** Whether `signature` (a MultiSignature of the pair's key type) signs the wrapped message of `payload`. */
const signedBy = (pair, kind, payload, signature) => {
  const variant = { sr25519: 'Sr25519', ed25519: 'Ed25519' }[pair.type];
  assert.deepEqual(Object.keys(signature), [variant]);
  return signatureVerify(u8aWrapBytes(signedMessage(GENESIS, kind, payload)), signature[variant], pair.address).isValid;
};

test('expirationFromChain: best block plus the lifetime or the margin, settings by RPC at the best block or by the runtime API', async () => {
  const api = standIn({ best: 500, lifetime: 200 });
  assert.deepEqual(await expirationFromChain(api), { now: 500, maxPayloadLifetime: 200, expiration: 700 });
  assert.deepEqual(await expirationFromChain(api, { margin: 30 }), { now: 500, maxPayloadLifetime: 200, expiration: 530 });
  assert.deepEqual(await expirationFromChain(api, { margin: 1000 }), { now: 500, maxPayloadLifetime: 200, expiration: 700 });
  assert.deepEqual(api.asked, Array(3).fill(`getSettings at ${api.bestHash}`), 'the RPC, asked at the best block');
  const noRpc = standIn({ best: 9, lifetime: 40, withRpc: false });
  assert.deepEqual(await expirationFromChain(noRpc), { now: 9, maxPayloadLifetime: 40, expiration: 49 });
  assert.deepEqual(noRpc.asked, ['settings']);
});

test('buildSignedCall: a create call with the owner, its signature and the normalized payload', async () => {
  const api = standIn();
  const payload = { baseHandle: 'Carla', suffix: 4821, expiration: 1234 };
  const built = await buildSignedCall(api, { kind: 'create', payload, signer: owner });
  assert.deepEqual(api.asked, [], 'an expiration given is not asked of the chain');
  assert.deepEqual(built.payload, payload);
  assert.deepEqual(Object.keys(built), ['tx', 'payload', 'signature']);
  assert.deepEqual(built.tx, { call: 'createHandle', args: [owner.address, built.signature, normalizePayload('create', payload)] });
  assert.ok(signedBy(owner, 'create', payload, built.signature));
  // By number, the same call.
  const byNumber = await buildSignedCall(api, { kind: 0, payload, signer: owner });
  assert.deepEqual(byNumber.tx.args[2], built.tx.args[2]);
});

test('buildSignedCall: the expiration comes from the chain when absent, with the margin', async () => {
  const api = standIn({ best: 1000, lifetime: 300 });
  const whole = await buildSignedCall(api, { kind: 'create', payload: { baseHandle: 'Carla', suffix: 4821 }, signer: owner });
  assert.equal(whole.payload.expiration, 1300);
  assert.equal(whole.tx.args[2].expiration, 1300);
  assert.ok(signedBy(owner, 'create', { baseHandle: 'Carla', suffix: 4821, expiration: 1300 }, whole.signature));
  const margin = await buildSignedCall(api, { kind: 'create', payload: { baseHandle: 'Carla', suffix: 4821 }, signer: owner, margin: 20 });
  assert.equal(margin.payload.expiration, 1020);
  assert.deepEqual(api.asked, Array(2).fill(`getSettings at ${api.bestHash}`));
});

test('buildSignedCall: retire and change name their calls; an extension signer needs the address', async () => {
  const api = standIn();
  const retire = { msaId: 7, handle: 'Carla.4821', expiration: 50 };
  const retired = await buildSignedCall(api, { kind: 'retire', payload: retire, signer: owner });
  assert.deepEqual(retired.tx, { call: 'retireHandle', args: [owner.address, retired.signature, normalizePayload('retire', retire)] });
  const change = { msaId: 7, oldHandle: 'Carla.4821', newBaseHandle: 'Carlotta', newSuffix: 1000, expiration: 50 };
  const signer = wallet(edHeir);
  const changed = await buildSignedCall(api, { kind: 2, payload: change, signer, address: edHeir.address, type: 'ed25519' });
  assert.deepEqual(changed.tx, { call: 'changeHandle', args: [edHeir.address, changed.signature, normalizePayload('change', change)] });
  assert.deepEqual(signer.requests.map((r) => r.address), [edHeir.address]);
  assert.ok(signedBy(edHeir, 'change', change, changed.signature));
  // Without the address (none given, an empty one, a signer's own empty one, no signer): refused, naming the owner.
  for (const [s, address] of [[signer, undefined], [signer, ''], [{ ...signer, address: '' }, undefined], [undefined, undefined]]) {
    await assert.rejects(buildSignedCall(api, { kind: 'change', payload: change, signer: s, address }), (e) => e instanceof HandlesError && e.code === ErrorCode.BAD_SIGNER && /^the owner: /.test(e.message));
  }
});

test('buildSignedCall: a transfer is signed by the owner and the new owner, over the same payload', async () => {
  const api = standIn({ best: 10, lifetime: 100 });
  const built = await buildSignedCall(api, { kind: 'transfer', payload: { msaId: 7 }, signer: owner, newOwnerSigner: heir });
  const full = { owner: owner.address, newOwner: heir.address, msaId: 7, expiration: 110 };
  assert.deepEqual(built.payload, full);
  assert.deepEqual(Object.keys(built), ['tx', 'payload', 'signature', 'newOwnerSignature']);
  assert.deepEqual(built.tx, { call: 'transferOwnership', args: [owner.address, built.signature, heir.address, built.newOwnerSignature, normalizePayload('transfer', full)] });
  assert.ok(signedBy(owner, 'transfer', full, built.signature));
  assert.ok(signedBy(heir, 'transfer', full, built.newOwnerSignature));
  // The new owner's address without its signer: refused, naming the new owner.
  await assert.rejects(buildSignedCall(api, { kind: 'transfer', payload: { msaId: 7, expiration: 9 }, signer: owner, newOwnerAddress: '' }), (e) => e.code === ErrorCode.BAD_SIGNER && /^the new owner: /.test(e.message));
  // An extension signer for the new owner signs with the given address and key type (ed25519 here:
  // its 64 bytes alone would be taken as sr25519).
  const heirWallet = wallet(edHeir);
  const viaWallet = await buildSignedCall(api, { kind: 3, payload: { msaId: 7, expiration: 9 }, signer: owner, newOwnerSigner: heirWallet, newOwnerAddress: edHeir.address, newOwnerType: 'ed25519' });
  assert.deepEqual(heirWallet.requests.map((r) => r.address), [edHeir.address]);
  assert.equal(viaWallet.payload.newOwner, edHeir.address);
  assert.ok(signedBy(edHeir, 'transfer', viaWallet.payload, viaWallet.newOwnerSignature));
  assert.ok(signedBy(owner, 'transfer', viaWallet.payload, viaWallet.signature));
});

test('buildSignedCall refuses an unknown kind before anything is asked or signed', async () => {
  const api = standIn();
  let signed = 0;
  const signer = { type: 'sr25519', address: 'x', sign: () => (signed += 1, new Uint8Array(64)) };
  for (const kind of [4, -1, 1.5, 'claim', '0', null]) {
    await assert.rejects(buildSignedCall(api, { kind, payload: {}, signer }), (e) => e instanceof HandlesError && e.code === ErrorCode.BAD_PAYLOAD && e.message.includes(JSON.stringify(kind)));
  }
  assert.equal(signed, 0);
  assert.deepEqual(api.asked, []);
});

test('chooseExpiration: the last u32 block is allowed, one more is not; the arguments are named', () => {
  assert.equal(chooseExpiration({ now: 0xfffffffe, maxPayloadLifetime: 1 }), 0xffffffff);
  assert.throws(() => chooseExpiration({ now: 0xfffffffe, maxPayloadLifetime: 2 }), (e) => e.code === ErrorCode.OUT_OF_RANGE && e.message === 'the expiration 4294967296 does not fit a u32 block number');
  assert.throws(() => chooseExpiration({ now: 1.5, maxPayloadLifetime: 2 }), (e) => e.code === ErrorCode.OUT_OF_RANGE && /^now must be/.test(e.message));
  assert.throws(() => chooseExpiration({ now: 1, maxPayloadLifetime: -2 }), (e) => e.code === ErrorCode.OUT_OF_RANGE && /^maxPayloadLifetime must be/.test(e.message));
  assert.throws(() => chooseExpiration({ now: 1, maxPayloadLifetime: 2, margin: '3' }), (e) => e.code === ErrorCode.WRONG_TYPE && /^margin must be/.test(e.message));
});

test('lookupHandle: the record as JSON, or null', async () => {
  const record = { msaId: 7, owner: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', handle: 'Carla.4821' };
  const api = standIn({ found: record });
  assert.deepEqual(await lookupHandle(api, 'CARLA.4821'), record);
  assert.equal(await lookupHandle(standIn(), 'nobody.1000'), null);
  assert.deepEqual(api.asked, ['getMsaForHandle CARLA.4821']);
});

test('lookupHandles and lookupMsas: 200 entries are two requests at one block; a non-array is refused by name', async () => {
  const api = standIn();
  const requests = [];
  const batch = (type) => async (entries, at) => (requests.push([entries.length, at?.toHex()]), registry.createType(type, entries.map(() => null)));
  api.rpc.handles.getMsasForHandles = batch('Vec<Option<HandlesRpcMsaForHandle>>');
  api.rpc.handles.getHandlesForMsas = batch('Vec<Option<HandlesRpcHandleForMsa>>');
  const answers = await lookupHandles(api, Array.from({ length: 200 }, (_, i) => `carla.${1000 + i}`));
  assert.equal(answers.length, 200);
  assert.deepEqual(requests, [[100, api.bestHash], [100, api.bestHash]]);
  await assert.rejects(lookupHandles(api, 'carla.1000'), (e) => e instanceof HandlesError && e.code === ErrorCode.WRONG_TYPE && e.message === 'lookupHandles: give an array');
  await assert.rejects(lookupMsas(api, 7), (e) => e instanceof HandlesError && e.code === ErrorCode.WRONG_TYPE && e.message === 'lookupMsas: give an array');
  assert.deepEqual(await lookupMsas(api, [1, 2]), [null, null]);
  assert.equal(requests.length, 3);
});
