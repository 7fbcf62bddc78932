// Against a dev node through @polkadot/api: the typed handles_* RPC and HandlesApi runtime calls,
// the offline rules agreeing with the chain, and all four user calls built and signed by this
// package (keyring pairs and an extension-style signRaw signer), submitted by a sponsor.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { hexToU8a, u8aToHex, u8aToString, u8aWrapBytes } from '@polkadot/util';

import { buildSignedCall, expirationFromChain, lookupHandle, msaId, suffixOptions, validate } from '../src/index.js';
import { useDevNode } from './lib/devnode.js';
import { connect, submit } from './lib/pjs.js';

let api;
let keyring;
const dev = useDevNode({
  setup: async ({ node }) => {
    keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    api = await connect(node);
  },
  teardown: async () => api?.disconnect(),
});
const { options } = dev;

function extensionSigner(pair) {
  return {
    signRaw: async ({ address, data, type }) => {
      assert.equal(address, pair.address);
      assert.equal(type, 'bytes');
      return { id: 1, signature: u8aToHex(pair.sign(u8aWrapBytes(hexToU8a(data)))) };
    },
  };
}

/** A suffix the chain offers for `base` now (and the offline options include it). */
async function availableSuffix(base) {
  const chain = await api.rpc.handles.getSuffixOptions(base);
  const available = chain.available.map((n) => n.toNumber());
  assert.ok(available.length > 0, `no suffix available for ${base}`);
  return available[0];
}

test('typed RPC and runtime calls; the offline rules agree with the chain', options, async () => {
  const settings = await api.rpc.handles.getSettings();
  const seed = await api.rpc.handles.getSeed();
  const range = { min: settings.suffixMin.toNumber(), max: settings.suffixMax.toNumber() };
  for (const base of ['Alice', 'Ωμέγα', '東京', 'jean-luc']) {
    const offline = suffixOptions(seed.current, seed.previous, base, range);
    const chain = await api.rpc.handles.getSuffixOptions(base);
    assert.equal(chain.canonical.toString(), offline.canonical, base);
    assert.deepEqual(chain.candidates.map((n) => n.toNumber()), offline.options, base);
    const viaRuntime = await api.call.handlesApi.suffixOptions(base);
    assert.ok(viaRuntime.isOk);
    assert.deepEqual(viaRuntime.asOk.candidates.map((n) => n.toNumber()), offline.options);
    // Version 2 of the runtime API answers the whole RPC result in one call.
    const offer = await api.call.handlesApi.suffixOffer(base);
    assert.ok(offer.isOk);
    const numbers = (v) => v.map((n) => n.toNumber());
    const { candidates, available, expiring, nextRotation } = chain.toJSON();
    assert.deepEqual(
      { candidates: numbers(offer.asOk.candidates), available: numbers(offer.asOk.available), expiring: numbers(offer.asOk.expiring), nextRotation: offer.asOk.nextRotation.toNumber() },
      { candidates, available, expiring, nextRotation },
      base,
    );
    assert.equal(u8aToString(offer.asOk.canonical), offline.canonical);
  }
  const runtimeSettings = await api.call.handlesApi.settings();
  assert.equal(runtimeSettings.maxPayloadLifetime.toNumber(), settings.maxPayloadLifetime.toNumber());
  const v = await api.call.handlesApi.validateHandle('ali@ce');
  assert.equal(v.valid.isFalse, true);
  assert.equal(u8aToString(v.error.unwrap()), validate('ali@ce').error);
  const rpcValid = await api.rpc.handles.validateHandle('ALICE');
  assert.deepEqual(rpcValid.toJSON(), { valid: true, canonical: 'allce', error: null });
  const { now, maxPayloadLifetime, expiration } = await expirationFromChain(api, { margin: 50 });
  assert.equal(expiration, now + Math.min(50, maxPayloadLifetime));
  assert.equal((await expirationFromChain(api)).expiration, now + maxPayloadLifetime);
});

test('create (pair), change, transfer (two signatures) and retire, sponsored', options, async () => {
  const sponsor = keyring.addFromUri('//Alice');
  const owner = keyring.addFromUri('//HandlesClientOwner');
  const heir = keyring.addFromUri('//HandlesClientHeir');

  const suffix = await availableSuffix('Carla');
  const created = await buildSignedCall(api, { kind: 'create', payload: { baseHandle: 'Carla', suffix }, signer: owner });
  const events = await submit(api, dev.node, created.tx, sponsor);
  const event = events.find((e) => e.section === 'handles' && e.method === 'MsaCreatedWithHandle');
  assert.ok(event, 'MsaCreatedWithHandle');
  const id = event.data[0].toNumber();
  assert.equal(id, msaId(validate('Carla').canonical, suffix), 'the MSA id of the offline formula');
  assert.deepEqual(await lookupHandle(api, `CARLA.${suffix}`), { msaId: id, owner: owner.address, handle: `Carla.${suffix}` });

  const newSuffix = await availableSuffix('Carlotta');
  const changed = await buildSignedCall(api, { kind: 'change', payload: { msaId: id, oldHandle: `Carla.${suffix}`, newBaseHandle: 'Carlotta', newSuffix }, signer: owner, margin: 20 });
  await submit(api, dev.node, changed.tx, sponsor);
  assert.equal((await lookupHandle(api, `carlotta.${newSuffix}`)).msaId, id);
  assert.equal(await lookupHandle(api, `Carla.${suffix}`), null);

  const transferred = await buildSignedCall(api, { kind: 'transfer', payload: { msaId: id }, signer: owner, newOwnerSigner: heir });
  assert.equal(transferred.payload.owner, owner.address);
  await submit(api, dev.node, transferred.tx, sponsor);
  assert.equal((await lookupHandle(api, `Carlotta.${newSuffix}`)).owner, heir.address);

  const retired = await buildSignedCall(api, { kind: 'retire', payload: { msaId: id, handle: `Carlotta.${newSuffix}` }, signer: heir });
  await submit(api, dev.node, retired.tx, sponsor);
  assert.equal(await lookupHandle(api, `Carlotta.${newSuffix}`), null);
  const owned = (await api.rpc.handles.getHandlesForOwner(heir.address)).toJSON();
  assert.deepEqual(owned, [{ msaId: id, handle: null }]);
});

test('a claim signed through signRaw (browser-wallet style) is accepted', options, async () => {
  const sponsor = keyring.addFromUri('//Bob');
  const owner = keyring.addFromUri('//HandlesClientWallet');
  const suffix = await availableSuffix('Walletta');
  const { tx } = await buildSignedCall(api, { kind: 'create', payload: { baseHandle: 'Walletta', suffix }, signer: extensionSigner(owner), address: owner.address });
  await submit(api, dev.node, tx, sponsor);
  assert.equal((await lookupHandle(api, `walletta.${suffix}`)).owner, owner.address);
  // The same signed payload a second time: refused when it enters the pool (the runtime runs the
  // call there), with the index of the pallet error, before the sponsor pays anything.
  const replayed = api.errors.handles.PayloadReplayed.meta.index.toNumber();
  await assert.rejects(submit(api, dev.node, tx, sponsor), new RegExp(`1010: Invalid Transaction: Custom error: ${replayed}$`));
});
