// handles-sponsor never pays for what it can see will fail, and holds claims while a multi-block
// migration runs (issue "a sponsor that survives a public launch", item 3): against a dev node
// with manual sealing, where the test decides which blocks are finalized.
// - a handle taken in a best block not finalized yet, and a payload that expires before the best
//   block plus the margin, are refused at once (422), though the finalized block would allow them;
// - an owner at MaxMsasPerOwner is refused (TooManyMsas);
// - a suffix only the previous seed offers is refused when the rotation withdraws it within the
//   margin (SuffixNotOffered), while the current seed's suffixes are taken;
// - while a migration runs (its cursor set), claims get 503 NotReady with the reason, and so does
//   /healthz.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import { xxhashAsHex } from '@polkadot/util-crypto';

import { bestNumber, freshPair, seal, send, signedCall, sudo } from '../lib/chain.js';
import { tempDir } from '../lib/node.js';
import { claimBody, startSponsor } from '../lib/sponsor.js';
import { assertOk, useChain } from '../lib/testing.js';

const MARGIN = 5;

/** The handles RPC of the chain. */
const options = (ctx, base) => ctx.rpc('handles_getSuffixOptions', [base]);

/** Makes one block on the best block, finalized or not. */
const block = (ctx, finalize) => ctx.rpc('engine_createBlock', [true, finalize]);

describe('the sponsor checks what it can see will fail', () => {
  const dir = tempDir('handles-sponsor-checks-');
  let sponsor;
  const ctx = useChain({
    sealing: 'manual',
    blocks: 3,
    setup: async (c) => {
      sponsor = await startSponsor({
        url: c.node.wsUrl,
        db: `${dir.path}/claims.sqlite`,
        args: ['--margin', String(MARGIN)],
      });
    },
    teardown: async () => {
      await sponsor?.stop();
      dir.remove?.();
    },
  });

  /** A claim of `base.suffix` by a fresh owner with `expiration`, through POST /claims. */
  async function postClaim(base, suffix, expiration, owner = freshPair()) {
    const body = claimBody(owner, ctx.api.genesisHash.toHex(), { baseHandle: base, suffix, expiration });
    return sponsor.post('/claims', body);
  }

  test('a handle taken in a best block that is not finalized is refused at once', async () => {
    const base = 'Bestblock';
    const suffix = (await options(ctx, base)).available[0];
    const now = await bestNumber(ctx.api);
    const payload = { baseHandle: base, suffix, expiration: now + 100 };
    const tx = await signedCall(ctx.api, 'create', freshPair(), payload);
    const { included } = await send(ctx.api, tx, ctx.dave);
    await block(ctx, false);
    const res = await included;
    assert.equal(res.error, null, 'the first claim landed in the best block');
    const finalized = await ctx.rpc('chain_getFinalizedHead');
    assert.notEqual(finalized, res.blockHash, 'its block is not finalized');
    // The finalized block still offers the pair; the best block no longer does.
    assert.ok((await ctx.rpc('handles_getSuffixOptions', [base, finalized])).available.includes(suffix));
    const second = await postClaim(base, suffix, now + 100);
    assert.equal(second.status, 409, JSON.stringify(second.body));
    assert.equal(second.body.error, 'SuffixNotAvailable', second.body.message);
    await seal(ctx.api); // finalizes everything so far
  });

  test('a payload that expires before the best block plus the margin is refused', async () => {
    const finalizedBefore = await bestNumber(ctx.api);
    for (let i = 0; i < 10; i++) await block(ctx, false);
    const best = await bestNumber(ctx.api);
    assert.equal(best, finalizedBefore + 10);
    const base = 'Soonover';
    const suffix = (await options(ctx, base)).available[0];
    // Lands in time by the finalized block (finalized + margin <= expiration), not by the best.
    const expiration = finalizedBefore + MARGIN + 2;
    const res = await postClaim(base, suffix, expiration);
    assert.equal(res.status, 422, JSON.stringify(res.body));
    assert.equal(res.body.error, 'PayloadExpired', res.body.message);
    await seal(ctx.api);
  });

  test('an owner who holds MaxMsasPerOwner MSAs is refused', async () => {
    const max = ctx.api.consts.handles.maxMsasPerOwner.toNumber();
    const owner = freshPair();
    const now = await bestNumber(ctx.api);
    let nonce = (await ctx.api.rpc.system.accountNextIndex(ctx.dave.address)).toNumber();
    const pending = [];
    for (let i = 0; i < max; i++) {
      // Letters no other letter looks like, so no two bases are one handle.
      const L = 'bfghjkpt';
      const base = `Many${L[(i >> 6) & 7]}${L[(i >> 3) & 7]}${L[i & 7]}`;
      const suffix = (await options(ctx, base)).available[0];
      const tx = await signedCall(ctx.api, 'create', owner, { baseHandle: base, suffix, expiration: now + 150 });
      pending.push((await send(ctx.api, tx, ctx.dave, { options: { nonce: nonce++ } })).included);
    }
    for (let i = 0; i < 5 && (await ctx.api.query.handles.ownerMsas(owner.address)).length < max; i++) await seal(ctx.api);
    for (const res of await Promise.all(pending)) assertOk(res, 'one of the owner\'s claims');
    assert.equal((await ctx.api.query.handles.ownerMsas(owner.address)).length, max);
    const base = 'Onetoomany';
    const res = await postClaim(base, (await options(ctx, base)).available[0], now + 150, owner);
    assert.equal(res.status, 422, JSON.stringify(res.body));
    assert.equal(res.body.error, 'TooManyMsas', res.body.message);
  });

  test('a suffix the next rotation withdraws within the margin is refused; the others are taken', async () => {
    // Another sponsor on the same chain whose margin reaches past the next rotation (block 101).
    const wide = await startSponsor({
      url: ctx.node.wsUrl,
      key: '//Eve',
      db: `${dir.path}/wide.sqlite`,
      args: ['--margin', '150'],
    });
    try {
      const now = await bestNumber(ctx.api);
      const seeds = await ctx.rpc('handles_getSeed');
      assert.ok(seeds.nextRotation <= now + 150, `next rotation ${seeds.nextRotation} within the margin of ${now}`);
      const base = 'Rotating';
      const offer = await options(ctx, base);
      const expiring = offer.available.find((s) => offer.expiring.includes(s));
      const lasting = offer.available.find((s) => !offer.expiring.includes(s));
      assert.ok(expiring !== undefined && lasting !== undefined, JSON.stringify(offer));
      const body = (suffix) =>
        claimBody(freshPair(), ctx.api.genesisHash.toHex(), { baseHandle: base, suffix, expiration: now + 190 });
      const refused = await wide.post('/claims', body(expiring));
      assert.equal(refused.status, 422, JSON.stringify(refused.body));
      assert.equal(refused.body.error, 'SuffixNotOffered', refused.body.message);
      assert.match(refused.body.message, new RegExp(`rotates at block ${seeds.nextRotation}`));
      const taken = await wide.post('/claims', body(lasting));
      assert.equal(taken.status, 202, JSON.stringify(taken.body));
    } finally {
      await wide.stop();
    }
  });

  // Last: the chain stays in its migration.
  test('while a multi-block migration runs, claims and /healthz answer 503 with the reason', async () => {
    assert.equal((await sponsor.get('/healthz')).status, 200);
    // MultiBlockMigrations.Cursor = MigrationCursor::Stuck (variant 1): a migration that never
    // ends, so the test can look at the sponsor while it runs.
    const key = xxhashAsHex('MultiBlockMigrations', 128) + xxhashAsHex('Cursor', 128).slice(2);
    assertOk(await sudo(ctx.api, ctx.alice, ctx.api.tx.system.setStorage([[key, '0x01']])), 'set the cursor');
    assert.ok((await ctx.api.query.multiBlockMigrations.cursor()).isSome);
    // The sponsor asks the node at most once a second (its answer to /healthz above is reused).
    await sleep(1100);
    const base = 'Migrating';
    const res = await postClaim(base, (await options(ctx, base)).available[0], (await bestNumber(ctx.api)) + 100);
    assert.equal(res.status, 503, JSON.stringify(res.body));
    assert.equal(res.body.error, 'NotReady');
    assert.match(res.body.message, /migrating the chain's storage/);
    const health = await sponsor.get('/healthz');
    assert.equal(health.status, 503, JSON.stringify(health.body));
    assert.match(health.body.message, /migrating/);
  });
});
