// A live runtime upgrade to canonical forms of version 3. A dev chain starts on the runtime that
// chains run today (spec version 105, storage version 2 of pallet-handles, canonical forms of
// version 2: the committed fixture `fixtures/handles-runtime-v105.compressed.wasm`); handles are
// created on it, among them two pairs that version 3 makes look-alikes (Hebrew yod and geresh,
// Arabic teh marbuta and its Urdu form), each pair on one suffix, and `oʼbrien`, whose apostrophe
// version 3 merges with the others. Sudo `set_code` installs the runtime of the build, and the
// multi-block migration `CanonicalFormV3` re-keys every canonical form: the older handle of each
// pair keeps it, the other MSA is released, every apostrophe finds `oʼbrien`, and names version 2
// refused can be claimed.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { bestNumber, findEvents, freshPair, signedCall } from '../lib/chain.js';
import { assertOk } from '../lib/testing.js';
import { createHandles, fixturePath, sendAfterUpgrade, upgradeToBuild, useChainOnRuntime } from '../lib/upgrade.js';

const V105_WASM = fixturePath('handles-runtime-v105.compressed.wasm');

// Created in this order (an earlier one is the older); the second of each pair takes the suffix of
// the first.
const BASES = ['Alice', 'oʼbrien', 'דני', 'דנ׳', 'مدرسة', 'مدرسۃ'];
const PAIRS = { 'דנ׳': 'דני', 'مدرسۃ': 'مدرسة' };
// Names version 2 refuses and version 3 accepts.
const NEW_NAMES = ["O'Brien", 'שָׁלוֹם', 'علي٢٠٠٠'];

describe('live upgrade to canonical forms of version 3', { timeout: 600_000 }, () => {
  let api;
  let rpc;
  const ctx = useChainOnRuntime(V105_WASM, { blocks: 1, setup: (c) => ({ api, rpc } = c) });
  const validate = (base) => rpc('handles_validateHandle', [base]);
  let created; // base -> { msaId, suffix, display, canonical, owner }
  const released = [];
  const report = {};

  test('the chain runs the runtime of today: forms of version 2', async () => {
    const version = await rpc('state_getRuntimeVersion', []);
    assert.equal(version.specVersion, 105);
    for (const [second, first] of Object.entries(PAIRS)) {
      assert.notEqual((await validate(second)).canonical, (await validate(first)).canonical, `${first} and ${second} are two handles`);
    }
    for (const name of NEW_NAMES) {
      const answer = await validate(name);
      assert.equal(answer.valid, false, `${name} is refused: ${JSON.stringify(answer)}`);
    }
  });

  test('handles are created on it, each pair of look-alikes-to-be on one suffix', async () => {
    created = await createHandles(ctx, BASES, { sameSuffixAs: PAIRS });
    for (const [second, first] of Object.entries(PAIRS)) {
      assert.equal(created.get(second).suffix, created.get(first).suffix);
      assert.equal((await rpc('handles_getMsaForHandle', [created.get(second).display]))?.msaId, created.get(second).msaId);
    }
    report.handlesBefore = created.size;
  });

  test('sudo set_code installs the new runtime; the migration runs over the next blocks', async () => {
    const upgrade = await upgradeToBuild(ctx, {
      onBlock: (events) => released.push(...findEvents(events, 'handles', 'HandleReleasedByMigration').map((e) => e.data.toJSON())),
    });
    const version = await rpc('state_getRuntimeVersion', []);
    assert.ok(version.specVersion > 105, `spec version ${version.specVersion}`);
    Object.assign(report, {
      upgradeBlock: upgrade.upgradeBlock,
      migrationBlocks: upgrade.migrationBlocks,
      // The migrations' steps are mandatory weight.
      migrationWeight: upgrade.weights.map((w) => w.mandatory),
    });
  });

  test('the older of each pair keeps it; the other MSA is released with an event', async () => {
    const expected = Object.entries(PAIRS).map(([second, first]) => [created.get(second).msaId, created.get(first).msaId]);
    // Event data: [msa_id, handle, held_by].
    assert.deepEqual(released.map((r) => [r[0], r[2]]).sort(), expected.sort());
    for (const [second, first] of Object.entries(PAIRS)) {
      const loser = created.get(second);
      const keeper = created.get(first);
      assert.equal((await validate(second)).canonical, (await validate(first)).canonical, `${first} and ${second} are one handle`);
      assert.equal((await rpc('handles_getMsaForHandle', [loser.display]))?.msaId, keeper.msaId, `${loser.display} finds ${keeper.display}`);
      assert.equal(await rpc('handles_getHandleForMsa', [loser.msaId]), null);
      assert.deepEqual(await rpc('handles_getHandlesForOwner', [loser.owner]), [{ msaId: loser.msaId, handle: null }], 'the MSA stays, without a handle');
    }
    report.collisions = released.map(([msaId, handle, heldBy]) => ({ msaId, handle: Buffer.from(handle.slice(2), 'hex').toString(), heldBy }));
  });

  test('every handle kept resolves through the RPC with its form of version 3', async () => {
    const losers = new Set(Object.keys(PAIRS));
    let resolved = 0;
    for (const [base, h] of created) {
      if (losers.has(base)) continue;
      const found = await rpc('handles_getMsaForHandle', [h.display]);
      assert.equal(found?.msaId, h.msaId, `${h.display}: ${JSON.stringify(found)}`);
      const info = await rpc('handles_getHandleForMsa', [h.msaId]);
      assert.equal(info.canonical, (await validate(base)).canonical, `${base}: the stored form is today's`);
      assert.equal(info.handle, h.display, 'the base as typed');
      resolved++;
    }
    report.handlesAfter = resolved;
    assert.equal(resolved, BASES.length - losers.size);
  });

  test("every apostrophe finds oʼbrien: O'Brien.<suffix> resolves to its MSA", async () => {
    const obrien = created.get('oʼbrien');
    for (const spelling of ["O'Brien", 'o’brien', 'Oʻbrien']) {
      assert.equal((await rpc('handles_getMsaForHandle', [`${spelling}.${obrien.suffix}`]))?.msaId, obrien.msaId, spelling);
    }
  });

  test('names version 2 refused can be claimed: שָׁלוֹם and علي٢٠٠٠', async () => {
    for (const base of ['שָׁלוֹם', 'علي٢٠٠٠']) {
      const answer = await validate(base);
      assert.equal(answer.valid, true, `${base}: ${JSON.stringify(answer)}`);
      const [suffix] = (await rpc('handles_getSuffixOptions', [base])).available;
      assert.ok(suffix !== undefined, `${base} has an available suffix`);
      const owner = freshPair();
      const payload = { baseHandle: base, suffix, expiration: (await bestNumber(api)) + 20 };
      const res = await sendAfterUpgrade(api, await signedCall(api, 'create', owner, payload), ctx.bob);
      assertOk(res, base);
      const [ev] = findEvents(res.events, 'handles', 'MsaCreatedWithHandle');
      assert.equal((await rpc('handles_getMsaForHandle', [`${base}.${suffix}`]))?.msaId, ev.data[0].toNumber());
    }
    // The pointed spelling is the unpointed name.
    assert.equal((await validate('שָׁלוֹם')).canonical, (await validate('שלום')).canonical);
    console.log(`upgrade to canonical forms of version 3: ${JSON.stringify(report)}`);
  });
});
