// A live runtime upgrade. A dev chain starts on the previous runtime (canonical forms of version 1,
// storage version 0: the committed fixture `fixtures/handles-runtime-v1.compressed.wasm`),
// handles are created on it (including ones whose canonical form changes and two that become one),
// sudo `set_code` installs the runtime that the build made, and the multi-block migration re-keys
// every canonical form. Afterwards every handle resolves through the RPC with its new form.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { bestNumber, findEvents, freshPair, seal, signedCall, submit, sudo } from '../lib/chain.js';
import { assertOk } from '../lib/testing.js';
import { fixturePath, sendAfterUpgrade, upgradeToBuild, useChainOnRuntime } from '../lib/upgrade.js';

const V1_WASM = fixturePath('handles-runtime-v1.compressed.wasm');

// Bases created on the previous runtime. `ÐỨC` and `ĐỨC` (U+00D0, U+0110) were two handles and
// become one; `パン` and `बंद` kept no mark in the previous forms (they were `ハン` and `बद`).
const BASES = ['Alice', 'パン', 'बंद', 'ポスト', 'ÐỨC', 'ĐỨC'];

describe('live upgrade to canonical forms of version 2', { timeout: 600_000 }, () => {
  let api;
  let rpc;
  const ctx = useChainOnRuntime(V1_WASM, { blocks: 1, setup: (c) => ({ api, rpc } = c) });
  const created = new Map(); // base -> { msaId, suffix, display, canonical, owner }
  let upgradeBlock;
  let migrationBlocks = 0;
  let released = [];

  test('the chain runs the previous runtime', async () => {
    const version = await rpc('state_getRuntimeVersion', []);
    assert.equal(version.specVersion, 100);
    // The previous forms: voicing mark and anusvara vanish, the two capitals stay apart.
    const v = async (base) => (await rpc('handles_validateHandle', [base])).canonical;
    assert.equal(await v('パン'), await v('ハン'));
    assert.equal(await v('बंद'), await v('बद'));
    assert.notEqual(await v('ÐỨC'), await v('ĐỨC'));
  });

  test('handles are created on it, two of them with look-alike forms-to-be and one suffix', async () => {
    // Two suffixes only, so that ÐỨC and ĐỨC (apart today) can hold the same one.
    const narrowed = await sudo(api, ctx.alice, api.tx.handles.setHandleSettings(1000, 1001, 100));
    assertOk(narrowed);
    for (const base of BASES) {
      const options = await rpc('handles_getSuffixOptions', [base]);
      const wanted = base === 'ĐỨC' ? created.get('ÐỨC').suffix : options.available[0];
      assert.ok(options.available.includes(wanted), `${base}: ${wanted} available in ${JSON.stringify(options)}`);
      const owner = freshPair();
      const payload = { baseHandle: base, suffix: wanted, expiration: (await bestNumber(api)) + 20 };
      const res = await submit(api, await signedCall(api, 'create', owner, payload), ctx.bob);
      assertOk(res, base);
      const [ev] = findEvents(res, 'handles', 'MsaCreatedWithHandle');
      const msaId = ev.data[0].toNumber();
      const info = await rpc('handles_getHandleForMsa', [msaId]);
      created.set(base, { msaId, suffix: wanted, display: `${base}.${wanted}`, canonical: info.canonical, owner: owner.address });
      // A block between claims, so the first of the pair is the older.
      await seal(api);
    }
    assert.equal(created.get('ÐỨC').suffix, created.get('ĐỨC').suffix);
    const handles = await rpc('handles_getHandlesForOwner', [created.get('パン').owner]);
    assert.equal(handles.length, 1);
    // A cooldown on the previous runtime too: governance retires ポスト.
    const retired = await sudo(api, ctx.alice, api.tx.handles.forceRetireHandle(created.get('ポスト').msaId));
    assertOk(retired);
    created.get('ポスト').retired = true;
  });

  test('sudo set_code installs the new runtime; the migration runs over the next blocks', async () => {
    ({ upgradeBlock, migrationBlocks } = await upgradeToBuild(ctx, {
      onBlock: (events) => released.push(...findEvents(events, 'handles', 'HandleReleasedByMigration').map((e) => e.data.toJSON())),
    }));
    const version = await rpc('state_getRuntimeVersion', []);
    assert.ok(version.specVersion > 100, `spec version ${version.specVersion}`);
    console.log(`upgrade at block ${upgradeBlock}; migration done after ${migrationBlocks} block(s); ${created.size} handles before`);
  });

  test('every handle resolves with its new canonical form', async () => {
    const keeper = created.get('ÐỨC');
    const loser = created.get('ĐỨC');
    let resolved = 0;
    for (const [base, h] of created) {
      if (h.retired || h === loser) continue;
      const found = await rpc('handles_getMsaForHandle', [h.display]);
      assert.equal(found?.msaId, h.msaId, `${h.display}: ${JSON.stringify(found)}`);
      const info = await rpc('handles_getHandleForMsa', [h.msaId]);
      const v2 = (await rpc('handles_validateHandle', [base])).canonical;
      assert.equal(info.canonical, v2, `${base}: stored form is the new one`);
      assert.equal(info.handle, h.display);
      resolved++;
    }
    // Forms that changed.
    assert.notEqual(created.get('パン').canonical, (await rpc('handles_getHandleForMsa', [created.get('パン').msaId])).canonical);
    const v = async (base) => (await rpc('handles_validateHandle', [base])).canonical;
    assert.notEqual(await v('パン'), await v('ハン'));
    assert.notEqual(await v('बंद'), await v('बद'));
    assert.equal(await v('ÐỨC'), await v('ĐỨC'));
    // The look-alike capital now finds the handle held longer.
    assert.equal((await rpc('handles_getMsaForHandle', [loser.display]))?.msaId, keeper.msaId);
    console.log(`${resolved} handles resolve after the upgrade; released: ${JSON.stringify(released)}`);
  });

  test('the pair that became one: the older keeps it, the younger is released with an event', async () => {
    const keeper = created.get('ÐỨC');
    const loser = created.get('ĐỨC');
    // Event data: [msa_id, handle, held_by].
    assert.deepEqual(released.map((r) => [r[0], r[2]]), [[loser.msaId, keeper.msaId]]);
    assert.equal(await rpc('handles_getHandleForMsa', [loser.msaId]), null);
    const owned = await rpc('handles_getHandlesForOwner', [loser.owner]);
    assert.deepEqual(owned, [{ msaId: loser.msaId, handle: null }], 'the MSA stays, without a handle');
  });

  test('claims work on the new runtime: ハン is free beside パン', async () => {
    const options = await rpc('handles_getSuffixOptions', ['ハン']);
    const suffix = options.available.includes(created.get('パン').suffix) ? created.get('パン').suffix : options.available[0];
    assert.ok(suffix !== undefined, JSON.stringify(options));
    const owner = freshPair();
    const payload = { baseHandle: 'ハン', suffix, expiration: (await bestNumber(api)) + 20 };
    const res = await sendAfterUpgrade(api, await signedCall(api, 'create', owner, payload), ctx.bob);
    assertOk(res);
    assert.equal(findEvents(res.events, 'handles', 'MsaCreatedWithHandle').length, 1);
    assert.equal((await rpc('handles_getMsaForHandle', [`パン.${created.get('パン').suffix}`]))?.msaId, created.get('パン').msaId);
  });
});
