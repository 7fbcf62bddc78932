// A live runtime upgrade from the runtime that chains run today (spec version 101, storage version
// 1 of pallet-handles: the committed fixture `fixtures/handles-runtime-v101.compressed.wasm`) to
// the build's runtime, whose replay store and cooldowns are pruned through queues. Payloads that
// took effect before the upgrade stay spent, cooldowns keep running and are queued, ended ones and
// the old replay store are gone.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { blake2AsHex, xxhashAsHex } from '@polkadot/util-crypto';

import { bestNumber, createTx, freshPair, seal, sign, signedCall, submit, sudo } from '../lib/chain.js';
import { assertFails, assertOk } from '../lib/testing.js';
import { fixturePath, sendAfterUpgrade, upgradeToBuild, useChainOnRuntime } from '../lib/upgrade.js';

const V101_WASM = fixturePath('handles-runtime-v101.compressed.wasm');

/** The version of the runtime API `HandlesApi` in a `state_getRuntimeVersion` answer. */
const handlesApiVersion = (version) => version.apis.find(([id]) => id === blake2AsHex('HandlesApi', 64))?.[1];

/** Raw storage prefix of `Handles::<item>`. */
const prefixOf = (item) => `${xxhashAsHex('Handles', 128)}${xxhashAsHex(item, 128).slice(2)}`;

describe('live upgrade to pruning queues', { timeout: 600_000 }, () => {
  let api;
  let rpc;
  const ctx = useChainOnRuntime(V101_WASM, { blocks: 1, setup: (c) => ({ api, rpc } = c) });
  const pick = async (base) => (await rpc('handles_getSuffixOptions', [base])).available[0];
  let spent; // a create that took effect before the upgrade: { owner, signature, payload }
  let cooling; // a handle retired before the upgrade, still cooling down: { base, suffix }
  let oldAnswer; // handles_getSuffixOptions at a block of the old runtime: { at, answer }
  let firstExpiry; // the earliest expiration of the five payloads spent on the old runtime

  test('the chain runs the runtime of today', async () => {
    const version = await rpc('state_getRuntimeVersion', []);
    assert.equal(version.specVersion, 101);
    const oldStore = await rpc('state_getKeysPaged', [prefixOf('UsedPayloads'), 10]);
    assert.equal(oldStore.length, 0, 'nothing spent yet');
  });

  test('handles_getSuffixOptions answers every field from the old runtime (HandlesApi version 1)', async () => {
    const at = await rpc('chain_getBlockHash', []);
    assert.equal(handlesApiVersion(await rpc('state_getRuntimeVersion', [at])), 1);
    const answer = await rpc('handles_getSuffixOptions', ['Oldtimer', at]);
    assert.deepEqual(Object.keys(answer).sort(), ['available', 'baseHandle', 'candidates', 'canonical', 'expiring', 'nextRotation']);
    assert.equal(answer.nextRotation, (await rpc('handles_getSeed', [at])).nextRotation);
    assert.ok(answer.available.length > 0 && answer.expiring.every((s) => answer.available.includes(s)));
    oldAnswer = { at, answer };
  });

  test('payloads take effect, one handle cools down, another cooldown ends, all on the old runtime', async () => {
    firstExpiry = (await bestNumber(api)) + 50;
    // A cooldown of 3 blocks that has ended by the upgrade.
    assertOk(await sudo(api, ctx.alice, api.tx.handles.setHandleSettings(1000, 9999, 3)), 'short cooldown');
    const ended = freshPair();
    const endedSuffix = await pick('Brief');
    assertOk(await submit(api, await signedCall(api, 'create', ended, { baseHandle: 'Brief', suffix: endedSuffix, expiration: (await bestNumber(api)) + 50 }), ctx.bob), 'create Brief');
    const [{ msaId: briefMsa }] = await rpc('handles_getHandlesForOwner', [ended.address]);
    assertOk(await submit(api, await signedCall(api, 'retire', ended, { msaId: briefMsa, handle: `Brief.${endedSuffix}`, expiration: (await bestNumber(api)) + 50 }), ctx.bob), 'retire Brief');
    // A long cooldown, running at the upgrade.
    assertOk(await sudo(api, ctx.alice, api.tx.handles.setHandleSettings(1000, 9999, 1000)), 'long cooldown');
    const owner = freshPair();
    const suffix = await pick('Lasting');
    assertOk(await submit(api, await signedCall(api, 'create', owner, { baseHandle: 'Lasting', suffix, expiration: (await bestNumber(api)) + 50 }), ctx.bob), 'create Lasting');
    const [{ msaId }] = await rpc('handles_getHandlesForOwner', [owner.address]);
    assertOk(await submit(api, await signedCall(api, 'retire', owner, { msaId, handle: `Lasting.${suffix}`, expiration: (await bestNumber(api)) + 50 }), ctx.bob), 'retire Lasting');
    cooling = { base: 'Lasting', suffix };
    // A create whose payload is still live after the upgrade.
    const spender = freshPair();
    const payload = { baseHandle: 'Spent', suffix: await pick('Spent'), expiration: (await bestNumber(api)) + 150 };
    const signature = await sign(api, spender, 'create', payload);
    assertOk(await submit(api, createTx(api, spender, signature, payload), ctx.bob), 'create Spent');
    spent = { owner: spender, signature, payload };
    await seal(api, 3);
    const oldStore = await rpc('state_getKeysPaged', [prefixOf('UsedPayloads'), 100]);
    assert.equal(oldStore.length, 5, 'five payloads in the old replay store');
  });

  test('sudo set_code installs the new runtime; the migrations complete', async () => {
    const { migrationBlocks } = await upgradeToBuild(ctx);
    const version = await rpc('state_getRuntimeVersion', []);
    assert.ok(version.specVersion > 101, `spec version ${version.specVersion}`);
    console.log(`pruning-queue migration done after ${migrationBlocks} block(s)`);
  });

  test('after the upgrade, a block of the old runtime answers as before, new blocks through version 5', async () => {
    assert.equal(handlesApiVersion(await rpc('state_getRuntimeVersion', [])), 5);
    assert.deepEqual(await rpc('handles_getSuffixOptions', ['Oldtimer', oldAnswer.at]), oldAnswer.answer);
    const now = await rpc('handles_getSuffixOptions', ['Oldtimer']);
    assert.equal(now.canonical, oldAnswer.answer.canonical);
    assert.equal(now.nextRotation, (await rpc('handles_getSeed', [])).nextRotation);
    assert.ok(now.available.length > 0 && now.expiring.every((s) => now.available.includes(s)));
  });

  test('the old replay store and counts are gone; live entries and the running cooldown are queued', async () => {
    for (const item of ['UsedPayloads', 'UsedPayloadCount']) {
      assert.deepEqual(await rpc('state_getKeysPaged', [prefixOf(item), 10]), [], `${item} is empty`);
    }
    // All five payloads expire 50 blocks or more after they were spent, after the migration
    // (which takes at most 20 blocks): each is still live, so each is queued once.
    assert.ok((await bestNumber(api)) < firstExpiry, `the five payloads are still live (first expiry ${firstExpiry})`);
    const replay = (await api.query.handles.replayQueueBounds()).toJSON();
    assert.equal(replay.tail - replay.head, 5, `the five live replay entries are queued: ${JSON.stringify(replay)}`);
    const cooldowns = (await api.query.handles.cooldownQueueBounds()).toJSON();
    assert.equal(cooldowns.tail - cooldowns.head, 1, 'only the running cooldown is queued');
    const entries = await api.query.handles.coolingDown.entries();
    assert.deepEqual(entries.map(([k]) => k.args[1].toNumber()), [cooling.suffix], 'the ended cooldown was removed');
  });

  test('a payload spent before the upgrade is still refused as replayed', async () => {
    const { owner, signature, payload } = spent;
    const res = await sendAfterUpgrade(api, createTx(api, owner, signature, payload), ctx.bob);
    assertFails(res, 'PayloadReplayed');
  });

  test('the handle retired before the upgrade is still cooling down; new claims work', async () => {
    const options = await rpc('handles_getSuffixOptions', [cooling.base]);
    assert.ok(!options.available.includes(cooling.suffix), 'the cooling suffix is not offered as available');
    const taker = freshPair();
    const res = await submit(api, await signedCall(api, 'create', taker, { baseHandle: cooling.base, suffix: cooling.suffix, expiration: (await bestNumber(api)) + 20 }), ctx.bob);
    assertFails(res, 'HandleCoolingDown');
    const fresh = freshPair();
    const suffix = await pick('Afterwards');
    assertOk(await submit(api, await signedCall(api, 'create', fresh, { baseHandle: 'Afterwards', suffix, expiration: (await bestNumber(api)) + 20 }), ctx.bob), 'create after the upgrade');
  });
});
