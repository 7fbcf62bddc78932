// Doomed calls never pay: the runtime runs a handles user call when it enters the transaction pool
// and refuses what would fail (`1010: Invalid Transaction: Custom error: <index of the pallet
// error>`), so the sponsor pays nothing; each payload provides its replay key, so a copy of a
// pooled payload sent by another sponsor is refused too. Against a dev node with manual sealing.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { HANDLES_CHAIN_NAME, signReadable } from '@handles/client';

import { bestNumber, createTx, findEvents, freshPair, poolRefusal, seal, send } from '../lib/chain.js';
import { assertOk, useChain } from '../lib/testing.js';

describe('the pool refuses doomed handles calls', { timeout: 300_000 }, () => {
  const ctx = useChain({ blocks: 2 });
  const chain = () => ({ name: HANDLES_CHAIN_NAME, genesisHash: ctx.api.genesisHash, ss58Prefix: ctx.api.registry.chainSS58 });
  /** A sponsor's free balance and nonce. */
  const account = async (who) => {
    const { nonce, data } = await ctx.api.query.system.account(who.address);
    return { free: data.free.toBigInt(), nonce: nonce.toNumber() };
  };
  const poolSize = async () => (await ctx.api.rpc.author.pendingExtrinsics()).length;
  /** The index of the pallet error `name`, as the pool's custom code. */
  const code = (name) => ctx.api.errors.handles[name].meta.index.toNumber();

  /** `owner` signs a claim of `base` (its first available suffix) as a wallet does. */
  async function claim(owner, base, { expiration } = {}) {
    const [suffix] = (await ctx.rpc('handles_getSuffixOptions', [base])).available;
    const payload = { baseHandle: base, suffix, expiration: expiration ?? (await bestNumber(ctx.api)) + 50 };
    const { signature } = await signReadable(owner, { call: 'create', payload, chain: chain() });
    return { payload, signature, tx: () => createTx(ctx.api, owner.address, signature, payload) };
  }

  /** Sends `tx` from `sponsor`; asserts the pool refused it with `error` and the sponsor paid nothing. */
  async function refused(tx, sponsor, error) {
    const before = await account(sponsor);
    const { included } = await send(ctx.api, tx, sponsor);
    const res = await included;
    assert.equal(res.refusedByPool, true, `refused at submission, not ${JSON.stringify(res.error)}`);
    assert.equal(res.error.name, error, res.error.text);
    await seal(ctx.api);
    assert.deepEqual(await account(sponsor), before, 'the sponsor paid nothing, its nonce is unused');
  }

  test('the refusal names the pallet error by its index', async () => {
    const err = new Error(`1010: Invalid Transaction: Custom error: ${code('PayloadReplayed')}`);
    assert.equal(poolRefusal(ctx.api, err).error.name, 'PayloadReplayed');
    assert.equal(poolRefusal(ctx.api, new Error('1010: Invalid Transaction: Transaction has a bad signature')), null);
  });

  test('a copy of a pooled payload sent by another sponsor is refused at submission', async () => {
    const owner = freshPair();
    const { tx } = await claim(owner, 'Pooled');
    await send(ctx.api, tx(), ctx.bob);
    assert.equal(await poolSize(), 1);
    const before = await account(ctx.charlie);
    await assert.rejects(send(ctx.api, tx(), ctx.charlie), /1014|Priority is too low/);
    assert.equal(await poolSize(), 1, 'one copy in the pool');
    await seal(ctx.api);
    assert.deepEqual(await account(ctx.charlie), before, 'the second sponsor paid nothing');
    assert.equal(await poolSize(), 0);
  });

  test('a replayed payload is refused at submission', async () => {
    const owner = freshPair();
    const { tx } = await claim(owner, 'Replayed');
    const { included } = await send(ctx.api, tx(), ctx.bob);
    await seal(ctx.api);
    assertOk(await included, 'the first copy lands');
    await refused(tx(), ctx.charlie, 'PayloadReplayed');
  });

  test('an expired payload is refused at submission', async () => {
    const owner = freshPair();
    const { tx } = await claim(owner, 'Expired', { expiration: await bestNumber(ctx.api) });
    await refused(tx(), ctx.bob, 'PayloadExpired');
  });

  test('a claim of a pair another MSA holds is refused at submission', async () => {
    const first = await claim(freshPair(), 'Taken');
    const { included } = await send(ctx.api, first.tx(), ctx.bob);
    await seal(ctx.api);
    const landed = await included;
    assertOk(landed, 'the first claim');
    assert.equal(findEvents(landed.events, 'handles', 'MsaCreatedWithHandle').length, 1);
    const other = freshPair();
    const payload = { ...first.payload, expiration: (await bestNumber(ctx.api)) + 50 };
    const { signature } = await signReadable(other, { call: 'create', payload, chain: chain() });
    await refused(createTx(ctx.api, other.address, signature, payload), ctx.bob, 'HandleTaken');
  });

  test('a forged signature is refused at submission', async () => {
    const owner = freshPair();
    const { payload, signature } = await claim(freshPair(), 'Forged');
    await refused(createTx(ctx.api, owner.address, signature, payload), ctx.bob, 'InvalidSignature');
  });
});
