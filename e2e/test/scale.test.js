// A development chain at scale from a compact setting: `--chain dev-scale-<count>` makes <count>
// synthetic handles at genesis (pallet-handles `synthetic_handles`): bases of seven scripts, owners
// of three MSAs, every 20th pair retired and cooling down. CI runs it with 1,000 handles; the
// measurements at 10^3, 10^5 and 10^6 are a script (e2e/scripts/scale.js).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { HANDLES_CHAIN_NAME, signReadable } from '@handles/client';

import { bestNumber, createTx, freshPair, submit } from '../lib/chain.js';
import { assertOk, useChain } from '../lib/testing.js';

const COUNT = 1000;

describe(`a development chain of ${COUNT} synthetic handles`, { timeout: 300_000 }, () => {
  const ctx = useChain({ blocks: 1, extraArgs: ['--chain', `dev-scale-${COUNT}`] });

  test('genesis made every MSA; one in twenty handles retired and cooling down', async () => {
    const { api } = ctx;
    const owners = await api.query.handles.msaOwner.entries();
    const held = await api.query.handles.msaHandles.entries();
    const cooling = await api.query.handles.coolingDown.entries();
    assert.equal(owners.length, COUNT);
    assert.equal(held.length, COUNT - COUNT / 20);
    assert.equal(cooling.length, COUNT / 20);
    const perOwner = new Map();
    for (const [, owner] of owners) perOwner.set(owner.toString(), (perOwner.get(owner.toString()) ?? 0) + 1);
    assert.equal(perOwner.size, Math.ceil(COUNT / 3));
    assert.ok([...perOwner.values()].every((n) => n <= 3));
  });

  test('every held handle resolves through the RPC, in one batch per hundred', async () => {
    const held = await ctx.api.query.handles.msaHandles.entries();
    const ids = held.map(([key]) => key.args[0].toNumber());
    let resolved = 0;
    for (let i = 0; i < ids.length; i += 100) {
      const infos = await ctx.rpc('handles_getHandlesForMsas', [ids.slice(i, i + 100)]);
      const found = await ctx.rpc('handles_getMsasForHandles', [infos.map((h) => h.handle)]);
      found.forEach((f, j) => assert.equal(f?.msaId, ids[i + j], infos[j].handle));
      resolved += found.length;
    }
    assert.equal(resolved, held.length);
    const scripts = new Set(
      held.map(([, r]) => {
        const base = Buffer.from(r.unwrap().base.toU8a(true)).toString('utf8');
        return [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u, /\p{Script=Arabic}/u, /\p{Script=Devanagari}/u, /\p{Script=Hangul}/u, /\p{Script=Han}/u].findIndex((re) => re.test(base));
      }),
    );
    assert.deepEqual([...scripts].sort(), [0, 1, 2, 3, 4, 5, 6]);
  });

  test('a claim lands on it as on any chain', async () => {
    const { api } = ctx;
    const owner = freshPair();
    const [suffix] = (await ctx.rpc('handles_getSuffixOptions', ['Newcomer'])).available;
    const payload = { baseHandle: 'Newcomer', suffix, expiration: (await bestNumber(api)) + 50 };
    const chain = { name: HANDLES_CHAIN_NAME, genesisHash: api.genesisHash, ss58Prefix: api.registry.chainSS58 };
    const { signature } = await signReadable(owner, { call: 'create', payload, chain });
    assertOk(await submit(api, createTx(api, owner.address, signature, payload), ctx.bob), 'claim');
    assert.equal((await ctx.rpc('handles_getMsaForHandle', [`Newcomer.${suffix}`]))?.msaId !== undefined, true);
  });
});
