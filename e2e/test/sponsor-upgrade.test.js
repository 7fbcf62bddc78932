// handles-sponsor when the chain stops taking its transactions, on dev nodes with manual sealing
// (the test makes the blocks): claims pooled on the runtime of spec version 106 (the committed
// fixture) when sudo `set_code` installs the build's runtime, which refuses the transactions signed
// for 106, with the sponsor running and across a restart of it; a paying account that runs out of
// funds and is topped up; a claim of a handle taken in a block not finalized yet (refused at the
// best block); and a copy the pool refuses (the same payload pooled through another sponsor). Every
// claim settles within a bounded number of blocks, and a refused claim costs the sponsor nothing.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import { u8aToHex } from '@polkadot/util';

import { bestNumber, freshPair, seal, send, signedCall, submit } from '../lib/chain.js';
import { tempDir, waitFor } from '../lib/node.js';
import { claimBody, startSponsor } from '../lib/sponsor.js';
import { assertOk, useChain } from '../lib/testing.js';
import { currentWasmPath, fixturePath, upgradeToBuild, useChainOnRuntime } from '../lib/upgrade.js';

const V106_WASM = fixturePath('handles-runtime-v106.compressed.wasm');
/** Claims pooled when the runtime is upgraded. */
const CLAIMS = 20;
/** Blocks after the upgrade's last migration block within which every pooled claim settles. */
const SETTLE_BLOCKS = 10;
const LETTERS = 'abcdefgh';

/** A base handle of its own for claim `i` of `prefix`. */
const base = (prefix, i) => prefix + LETTERS[(i >> 3) & 7] + LETTERS[i & 7];

/** Temporary directories of the file, removed at the end. */
const dirs = [];
after(() => dirs.forEach((d) => d.remove()));
function dbPath() {
  const dir = tempDir('handles-sponsor-upgrade-');
  dirs.push(dir);
  return `${dir.path}/claims.sqlite`;
}

/**
 * A claim of a fresh owner (no tokens) for `baseHandle` on its first available suffix, its payload
 * living `ahead` blocks, signed in the legacy form (taken by the runtime of 106 and, within its
 * grace, by the build's) or with `readable` the readable text. Resolves to `{ owner, body }`.
 */
async function claimOf(ctx, baseHandle, { ahead = 200, readable = false } = {}) {
  const owner = freshPair();
  const [suffix] = (await ctx.rpc('handles_getSuffixOptions', [baseHandle])).available;
  const payload = { baseHandle, suffix, expiration: (await bestNumber(ctx.api)) + ahead };
  return { owner, payload, body: claimBody(owner, ctx.api.genesisHash.toHex(), payload, { legacy: !readable }) };
}

/** Posts `n` claims of `prefix` to `sponsor` (each must be accepted); resolves to their ids. */
async function postClaims(ctx, sponsor, prefix, n, options) {
  const ids = [];
  for (let i = 0; i < n; i++) {
    const { body } = await claimOf(ctx, base(prefix, i), options);
    const res = await sponsor.post('/claims', body);
    assert.equal(res.status, 202, JSON.stringify(res.body));
    ids.push(res.body.id);
  }
  return ids;
}

/** The claims `ids` as `GET /claims/{id}` answers them. */
const claimsOf = (sponsor, ids) => Promise.all(ids.map(async (id) => (await sponsor.get(`/claims/${id}`)).body));

/** Waits until every claim of `ids` has status `status`. */
function untilAll(sponsor, ids, status, timeoutMs = 60_000) {
  return waitFor(async () => (await claimsOf(sponsor, ids)).every((c) => c.status === status), {
    timeoutMs,
    intervalMs: 200,
    what: `${ids.length} claims ${status}`,
  });
}

/** Extrinsics of `address` in the node's pool. */
async function pooledOf(api, address) {
  return (await api.rpc.author.pendingExtrinsics()).filter((x) => x.signer.toString() === address).length;
}

/**
 * Makes a block every `ms` until every claim of `ids` is settled, at most `maxBlocks`; resolves to
 * `{ claims, blocks }` (the claims as last read, the blocks made).
 */
async function sealUntilSettled(ctx, sponsor, ids, { maxBlocks, ms = 1000 }) {
  let claims = await claimsOf(sponsor, ids);
  let blocks = 0;
  while (!claims.every((c) => c.final) && blocks < maxBlocks) {
    await sleep(ms);
    await seal(ctx.api);
    blocks++;
    claims = await claimsOf(sponsor, ids);
  }
  // The last block's outcome reaches the sponsor a moment later.
  for (let i = 0; i < 20 && !claims.every((c) => c.final); i++) {
    await sleep(250);
    claims = await claimsOf(sponsor, ids);
  }
  return { claims, blocks };
}

/** Asserts every claim settled: finalized with a handle, or failed with a reason. */
function assertSettled(claims, what) {
  for (const c of claims) {
    assert.ok(c.final, `${what}: claim ${c.id} still ${c.status} (${c.reason ?? 'no reason'})`);
    if (c.status === 'failed') assert.ok(c.reason, `${what}: claim ${c.id} failed without a reason`);
    else assert.ok(c.handle, `${what}: claim ${c.id} finalized without a handle`);
  }
}

/**
 * Leaves no room for the sponsor's transactions in the block that sets the code: with manual
 * sealing a block takes every ready transaction of the pool, so the claims would land on the old
 * runtime. A remark of Bob with a tip (before the claims, which tip nothing) fills the normal
 * class's length but for fewer bytes than a claim's transaction, beside the `set_code` of
 * {@link upgradeToBuild} (operational, before them all).
 */
async function fillUpgradeBlock(ctx) {
  const { api, alice, bob } = ctx;
  const tip = 10n ** 15n;
  const code = u8aToHex(readFileSync(currentWasmPath()));
  const setCode = await api.tx.sudo.sudo(api.tx.system.setCode(code)).signAsync(alice, { nonce: -1 });
  const probe = await api.tx.system.remark(u8aToHex(new Uint8Array(1 << 20))).signAsync(bob, { nonce: -1, tip });
  const overhead = probe.encodedLength - (1 << 20);
  const normal = api.consts.system.blockLength.max.normal.toNumber();
  // 100 bytes left (the timestamp takes some): less than any claim's transaction.
  const room = normal - setCode.encodedLength - overhead - 100;
  await send(api, api.tx.system.remark(u8aToHex(new Uint8Array(room))), bob, { options: { nonce: -1, tip } });
  await waitFor(async () => (await pooledOf(api, bob.address)) === 1, { what: 'the remark in the pool' });
}

/** Free balance of `address` (planck). */
async function freeOf(api, address) {
  return (await api.query.system.account(address)).data.free.toBigInt();
}

/**
 * 20 claims pooled on the runtime of 106, then `upgradeToBuild`; with `restart` the sponsor is
 * killed with the claims pending before the upgrade and started again on its database after it.
 */
function upgradeWithClaimsPooled(restart) {
  const ctx = useChainOnRuntime(V106_WASM, { blocks: 1 });
  let sponsor;
  const db = dbPath();
  after(() => sponsor?.kill());
  const measured = {};

  test(`${CLAIMS} claims pooled on the runtime of 106`, async () => {
    assert.equal((await ctx.rpc('state_getRuntimeVersion', [])).specVersion, 106);
    sponsor = await startSponsor({ url: ctx.node.wsUrl, db, args: ['--owner-limit', '1', '--queue-limit', '100'] });
    measured.ids = await postClaims(ctx, sponsor, restart ? 'Restarted' : 'Pooled', CLAIMS);
    await untilAll(sponsor, measured.ids, 'submitted');
    await waitFor(async () => (await pooledOf(ctx.api, ctx.dave.address)) === CLAIMS, { what: 'the claims in the pool' });
    if (restart) await sponsor.kill();
  });

  test('sudo set_code to the build: every claim settles, none twice, within a bounded number of blocks', async () => {
    await fillUpgradeBlock(ctx);
    const upgrade = await upgradeToBuild(ctx);
    assert.ok((await ctx.rpc('state_getRuntimeVersion', [])).specVersion > 106, 'the build\'s runtime');
    if (restart) sponsor = await startSponsor({ url: ctx.node.wsUrl, db });
    const { claims, blocks } = await sealUntilSettled(ctx, sponsor, measured.ids, { maxBlocks: SETTLE_BLOCKS });
    assertSettled(claims, 'after the upgrade');
    const finalized = claims.filter((c) => c.status === 'finalized');
    // The payloads still live: every claim gets its handle, in a block of the new runtime.
    assert.equal(finalized.length, CLAIMS, JSON.stringify(claims.filter((c) => c.status !== 'finalized')));
    for (const c of finalized) {
      assert.ok(c.blockNumber === null || c.blockNumber > upgrade.upgradeBlock, `claim ${c.id} in block ${c.blockNumber}`);
      const found = await ctx.rpc('handles_getMsaForHandle', [c.handle]);
      assert.equal(found?.msaId, c.msaId, c.handle);
    }
    assert.equal(await pooledOf(ctx.api, ctx.dave.address), 0, 'nothing of the sponsor is left in the pool');
    const msas = new Set(finalized.map((c) => c.msaId));
    assert.equal(msas.size, CLAIMS, 'one MSA per claim');
    console.log(
      `${restart ? 'restarted' : 'running'} sponsor: ${CLAIMS} claims pooled at the upgrade (block ${upgrade.upgradeBlock}, ` +
        `${upgrade.migrationBlocks} migration blocks) all finalized ${blocks} block(s) after the migrations`,
    );
  });

  test('new claims after the upgrade land', async () => {
    const ids = await postClaims(ctx, sponsor, restart ? 'Afterrestart' : 'Afterupgrade', 3, { readable: true });
    const { claims } = await sealUntilSettled(ctx, sponsor, ids, { maxBlocks: 5 });
    assert.deepEqual(
      claims.map((c) => c.status),
      ['finalized', 'finalized', 'finalized'],
      JSON.stringify(claims),
    );
  });
}

describe('a runtime upgrade with claims pooled', { timeout: 900_000 }, () => {
  upgradeWithClaimsPooled(false);
});

describe('a runtime upgrade with claims pooled, the sponsor restarted across it', { timeout: 900_000 }, () => {
  upgradeWithClaimsPooled(true);
});

describe('the paying account runs out of funds, and claims the pool refuses', { timeout: 900_000 }, () => {
  const ctx = useChain({ blocks: 1 });
  const sponsors = [];
  after(() => Promise.all(sponsors.map((s) => s.kill())));
  const start = async (key) => {
    const s = await startSponsor({ url: ctx.node.wsUrl, key, db: dbPath(), args: ['--owner-limit', '1'] });
    sponsors.push(s);
    return s;
  };
  let fee;

  test('a claim costs a fee (measured)', async () => {
    const rich = await start('//Dave');
    const ids = await postClaims(ctx, rich, 'Measure', 1, { readable: true });
    const { claims } = await sealUntilSettled(ctx, rich, ids, { maxBlocks: 3, ms: 300 });
    assert.equal(claims[0].status, 'finalized', JSON.stringify(claims[0]));
    fee = BigInt((await rich.get('/healthz')).body.claimFee);
    assert.ok(fee > 0n);
    console.log(`a claim's fee: ${fee} planck`);
  });

  test('claims wait while the account cannot pay (/healthz 503) and land after a top-up', async () => {
    const poor = ctx.keyring.addFromUri('//SponsorPoor');
    const ed = ctx.api.consts.balances.existentialDeposit.toBigInt();
    // Enough for two claims and a half.
    assertOk(await submit(ctx.api, ctx.api.tx.balances.transferKeepAlive(poor.address, ed + (fee * 5n) / 2n), ctx.alice));
    const sponsor = await start('//SponsorPoor');
    const ids = await postClaims(ctx, sponsor, 'Funds', 5, { readable: true });
    const { claims, blocks } = await sealUntilSettled(ctx, sponsor, ids.slice(0, 2), { maxBlocks: 4, ms: 500 });
    assert.deepEqual(claims.map((c) => c.status), ['finalized', 'finalized'], JSON.stringify(claims));
    // The rest wait: a few more blocks change nothing, nothing fails, and the service says why.
    await seal(ctx.api, 2);
    await sleep(4000);
    await seal(ctx.api);
    const waiting = await claimsOf(sponsor, ids.slice(2));
    assert.deepEqual(waiting.map((c) => c.status), ['queued', 'queued', 'queued'], JSON.stringify(waiting));
    const health = await sponsor.get('/healthz');
    assert.equal(health.status, 503, JSON.stringify(health.body));
    assert.equal(health.body.error, 'NotReady');
    const left = await freeOf(ctx.api, poor.address);
    assert.ok(left - ed < fee, `${left} left, ${fee} a claim`);
    // A top-up: the waiting claims land.
    assertOk(await submit(ctx.api, ctx.api.tx.balances.transferKeepAlive(poor.address, fee * 10n), ctx.alice));
    const after = await sealUntilSettled(ctx, sponsor, ids.slice(2), { maxBlocks: 8 });
    assert.deepEqual(after.claims.map((c) => c.status), ['finalized', 'finalized', 'finalized'], JSON.stringify(after.claims));
    assert.equal((await sponsor.get('/healthz')).status, 200);
    console.log(`out of funds: 2 claims landed in ${blocks} blocks, 3 waited; after the top-up they landed within ${after.blocks} blocks`);
  });

  test('a claim of a handle taken in a block not finalized yet: refused at once (409), nothing queued, nothing paid', async () => {
    const [sponsor] = sponsors;
    const mine = await claimOf(ctx, 'Contested', { readable: true });
    // Another owner's claim of the same handle, sent by Bob, in a best block that is not final:
    // the finalized block still offers the pair, the best block (which the sponsor checks too)
    // no longer does.
    const other = freshPair();
    await send(ctx.api, await signedCall(ctx.api, 'create', other, mine.payload), ctx.bob);
    await ctx.rpc('engine_createBlock', [true, false]);
    const paid = await freeOf(ctx.api, ctx.dave.address);
    const res = await sponsor.post('/claims', mine.body);
    assert.equal(res.status, 409, JSON.stringify(res.body));
    assert.equal(res.body.error, 'SuffixNotAvailable', res.body.message);
    console.log(`refused at the best block: ${res.body.message}`);
    await ctx.rpc('engine_createBlock', [true, true]);
    assert.equal(await freeOf(ctx.api, ctx.dave.address), paid, 'the sponsor paid nothing');
    assert.equal(await pooledOf(ctx.api, ctx.dave.address), 0);
  });

  test('the same payload pooled through another sponsor first: the second sponsor finds the handle, paying nothing', async () => {
    const [first] = sponsors;
    const second = await start('//Charlie');
    const { owner, body } = await claimOf(ctx, 'Twice', { readable: true });
    const a = await first.post('/claims', body);
    assert.equal(a.status, 202, JSON.stringify(a.body));
    await untilAll(first, [a.body.id], 'submitted');
    await waitFor(async () => (await pooledOf(ctx.api, ctx.dave.address)) === 1, { what: 'the first sponsor\'s transaction pooled' });
    const paid = await freeOf(ctx.api, ctx.charlie.address);
    const b = await second.post('/claims', body);
    assert.equal(b.status, 202, JSON.stringify(b.body));
    // Its copy is refused by the pool (the payload's replay key is provided already): it waits.
    await sleep(3000);
    assert.equal(await pooledOf(ctx.api, ctx.charlie.address), 0, 'the copy is not pooled');
    assert.notEqual((await second.get(`/claims/${b.body.id}`)).body.status, 'failed');
    const [landed] = (await sealUntilSettled(ctx, first, [a.body.id], { maxBlocks: 2 })).claims;
    assert.equal(landed.status, 'finalized', JSON.stringify(landed));
    const [found] = (await sealUntilSettled(ctx, second, [b.body.id], { maxBlocks: 5 })).claims;
    assert.equal(found.status, 'finalized', JSON.stringify(found));
    assert.equal(found.handle, landed.handle);
    assert.equal(found.msaId, landed.msaId);
    assert.equal((await ctx.rpc('handles_getMsaForHandle', [found.handle]))?.owner, owner.address);
    assert.equal(await freeOf(ctx.api, ctx.charlie.address), paid, 'the second sponsor paid nothing');
  });
});
