// A live runtime upgrade that gives legacy payloads a deadline. A dev chain starts on the runtime
// that chains run today (spec version 106, storage version 3 of pallet-handles, legacy SCALE
// payloads accepted without end: the committed fixture `fixtures/handles-runtime-v106.compressed.wasm`);
// an owner signs a legacy create payload on it and keeps it. Sudo `set_code` installs the runtime of
// the build, whose multi-block migration `LegacyPayloadDeadline` gives the settings their deadline,
// 100_800 blocks after the block it runs in. The payload signed before the upgrade still lands after
// it; governance then sets the deadline to the current block, and from the next block a legacy
// payload fails with LegacyPayloadExpired while the readable text still lands.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { HANDLES_CHAIN_NAME, signReadable } from '@handles/client';

import { bestNumber, createTx, findEvents, freshPair, seal, sign, sudo } from '../lib/chain.js';
import { assertFails, assertOk } from '../lib/testing.js';
import { fixturePath, sendAfterUpgrade, upgradeToBuild, useChainOnRuntime } from '../lib/upgrade.js';

const V106_WASM = fixturePath('handles-runtime-v106.compressed.wasm');
/** Blocks legacy payloads stay accepted after the upgrade (pallet-handles DEFAULT_LEGACY_PAYLOAD_GRACE). */
const GRACE = 100_800;

describe('live upgrade to legacy payloads with a deadline', { timeout: 600_000 }, () => {
  let api;
  let rpc;
  const ctx = useChainOnRuntime(V106_WASM, { blocks: 1, setup: (c) => ({ api, rpc } = c) });
  const report = {};
  let early; // { owner, payload, signature }: signed in the legacy form before the upgrade
  let upgrade;

  /** A create payload for `base` on its first available suffix, expiring `ahead` blocks from now. */
  async function createPayload(base, ahead = 150) {
    const [suffix] = (await rpc('handles_getSuffixOptions', [base])).available;
    return { baseHandle: base, suffix, expiration: (await bestNumber(api)) + ahead };
  }

  test('the chain runs the runtime of today: no deadline in its settings', async () => {
    const version = await rpc('state_getRuntimeVersion', []);
    assert.equal(version.specVersion, 106);
    const settings = await rpc('handles_getSettings', []);
    assert.equal(settings.legacyPayloadDeadline, null, JSON.stringify(settings));
    assert.equal(api.tx.handles.setLegacyPayloadDeadline, undefined, 'the call does not exist yet');
  });

  test('an owner signs a legacy create payload before the upgrade and keeps it', async () => {
    const owner = freshPair();
    const payload = await createPayload('Earlybird');
    // The legacy SCALE message in <Bytes>, as wallets signed before the readable text.
    const signature = await sign(api, owner, 'create', payload);
    early = { owner, payload, signature };
  });

  test('sudo set_code installs the new runtime; the migration gives the settings their deadline', async () => {
    upgrade = await upgradeToBuild(ctx);
    const version = await rpc('state_getRuntimeVersion', []);
    assert.ok(version.specVersion > 106, `spec version ${version.specVersion}`);
    const { legacyPayloadDeadline } = await rpc('handles_getSettings', []);
    // The migration ran in one of the blocks after set_code.
    const ranAt = legacyPayloadDeadline - GRACE;
    assert.ok(
      ranAt > upgrade.upgradeBlock && ranAt <= upgrade.upgradeBlock + upgrade.migrationBlocks,
      `deadline ${legacyPayloadDeadline}, upgrade at ${upgrade.upgradeBlock} + ${upgrade.migrationBlocks} blocks`,
    );
    Object.assign(report, {
      upgradeBlock: upgrade.upgradeBlock,
      migrationBlocks: upgrade.migrationBlocks,
      migrationWeight: upgrade.weights.map((w) => w.mandatory),
      deadline: legacyPayloadDeadline,
    });
  });

  test('the legacy payload signed before the upgrade lands after it', async () => {
    const { owner, payload, signature } = early;
    assert.ok((await bestNumber(api)) <= payload.expiration, 'still within its lifetime');
    const res = await sendAfterUpgrade(api, createTx(api, owner, signature, payload), ctx.bob);
    assertOk(res, 'the early legacy payload');
    const [created] = findEvents(res.events, 'handles', 'MsaCreatedWithHandle');
    const display = `${payload.baseHandle}.${payload.suffix}`;
    assert.equal((await rpc('handles_getMsaForHandle', [display]))?.msaId, created.data[0].toNumber());
  });

  test('governance ends legacy payloads at the current block: a legacy payload fails from the next', async () => {
    const now = await bestNumber(api);
    const res = await sudo(api, ctx.alice, api.tx.handles.setLegacyPayloadDeadline(now));
    assertOk(res, 'setLegacyPayloadDeadline');
    const [set] = findEvents(res, 'handles', 'LegacyPayloadDeadlineSet');
    assert.equal(set.data[0].toNumber(), now);
    assert.equal((await rpc('handles_getSettings', [])).legacyPayloadDeadline, now);
    await seal(api);

    const owner = freshPair();
    const payload = await createPayload('Latecomer');
    const signature = await sign(api, owner, 'create', payload);
    const failed = await sendAfterUpgrade(api, createTx(api, owner, signature, payload), ctx.bob);
    assertFails(failed, 'LegacyPayloadExpired');
    assert.equal(await rpc('handles_getMsaForHandle', [`Latecomer.${payload.suffix}`]), null);
    report.refusedAtBlock = failed.blockNumber;
  });

  test('the readable text still lands after the deadline', async () => {
    const owner = freshPair();
    const payload = await createPayload('Latecomer');
    const chain = { name: HANDLES_CHAIN_NAME, genesisHash: api.genesisHash, ss58Prefix: api.registry.chainSS58 };
    const { signature } = await signReadable(owner, { call: 'create', payload, chain });
    const res = await sendAfterUpgrade(api, createTx(api, owner, signature, payload), ctx.bob);
    assertOk(res, 'a readable claim after the deadline');
    assert.ok(await rpc('handles_getMsaForHandle', [`Latecomer.${payload.suffix}`]));
    console.log(`upgrade to legacy payloads with a deadline: ${JSON.stringify(report)}`);
  });
});
