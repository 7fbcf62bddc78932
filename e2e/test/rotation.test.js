// Issue 5 point 1: seed rotation through a running dev node. 200+ blocks are made; at blocks 1,
// 101 and 201 handles_getSeed moves current to previous (current = parent block hash) and
// nextRotation advances; the options of a handle change accordingly (checked against the candidates
// computed offline by @handles/client, the rules crate as WebAssembly); a suffix offered only
// under the previous seed is still accepted, one offered under neither seed is refused with
// SuffixNotOffered.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { candidates, msaId as msaIdOf, suffixOptions } from '@handles/client';

import { bestNumber, blockEvents, blockHash, freshPair, seal, sealTo, signedCall, submit, theEvent } from '../lib/chain.js';
import { assertFails, assertOk, useChain } from '../lib/testing.js';

const ZERO = `0x${'00'.repeat(32)}`;
const BASE = 'Rotor';

describe('seed rotation', { timeout: 300_000 }, () => {
  let api;
  let rpc;
  let genesis;
  const ctx = useChain({
    setup: (c) => {
      ({ api, rpc } = c);
      genesis = api.genesisHash.toHex();
    },
  });
  let canonical;
  let h100;
  let h200;
  let opts100; // options as of block 100
  let signed; // payloads signed at block 100

  const seed = (at) => rpc('handles_getSeed', at ? [at] : []);
  const options = (base = BASE, at) => rpc('handles_getSuffixOptions', at ? [base, at] : [base]);
  /** The options of BASE under two seeds, offline; the Wasm build finds the node's canonical form. */
  const offline = (current, previous) => {
    const computed = suffixOptions(current, previous, BASE);
    assert.equal(computed.canonical, canonical, 'the canonical form of @handles/client is the node\'s');
    return computed.options;
  };
  /** The 10 candidates of the node's canonical form under one seed, offline. */
  const suffixCandidates = (seed) => candidates(seed, canonical);

  async function expectRotatedIn(n, current, previous) {
    const events = await blockEvents(api, await blockHash(api, n));
    const ev = theEvent(events, 'handles', 'SeedRotated');
    assert.equal(ev.data.current.toHex(), current, `SeedRotated.current in block ${n}`);
    assert.equal(ev.data.previous.toHex(), previous, `SeedRotated.previous in block ${n}`);
  }

  test('genesis: both seeds are the initial seed; the options are its candidates', async () => {
    assert.equal(await bestNumber(api), 0);
    assert.deepEqual(await seed(), { current: ZERO, previous: ZERO, nextRotation: 1 });
    const o = await options();
    canonical = o.canonical;
    assert.deepEqual(o.candidates, offline(ZERO, ZERO));
    assert.deepEqual(o.available, o.candidates);
  });

  test('block 1 rotates: current = genesis hash, previous = initial seed, next rotation 101', async () => {
    await seal(api);
    assert.deepEqual(await seed(), { current: genesis, previous: ZERO, nextRotation: 101 });
    await expectRotatedIn(1, genesis, ZERO);
    assert.deepEqual((await options()).candidates, offline(genesis, ZERO));
  });

  test('blocks 2..100 do not rotate', async () => {
    await sealTo(api, 100);
    assert.equal(await bestNumber(api), 100);
    assert.deepEqual(await seed(), { current: genesis, previous: ZERO, nextRotation: 101 });
    const events = await blockEvents(api, await blockHash(api, 100));
    assert.equal(events.filter((e) => e.section === 'handles' && e.method === 'SeedRotated').length, 0);
    opts100 = await options();
    assert.deepEqual(opts100.candidates, offline(genesis, ZERO));
    h100 = await blockHash(api, 100);

    // Sign payloads now, at block 100, for claims after the rotation of block 101.
    const underGenesis = suffixCandidates(genesis);
    const underH100 = suffixCandidates(h100);
    const underZero = suffixCandidates(ZERO);
    const prevOnly = underGenesis.find((s) => !underH100.includes(s));
    const zeroOnly = underZero.find((s) => !underGenesis.includes(s) && !underH100.includes(s));
    let neither = 1000;
    while (underGenesis.includes(neither) || underH100.includes(neither) || underZero.includes(neither)) neither++;
    assert.ok(prevOnly !== undefined && zeroOnly !== undefined, 'suffixes for each case exist');
    assert.ok(opts100.available.includes(prevOnly) && opts100.available.includes(zeroOnly));
    const expiration = 150;
    signed = {};
    for (const [name, suffix] of Object.entries({ prevOnly, zeroOnly, neither })) {
      const owner = freshPair();
      signed[name] = { owner, suffix, payload: { baseHandle: BASE, suffix, expiration } };
    }
  });

  test('block 101 rotates: current = hash of block 100, previous = genesis hash, next rotation 201', async () => {
    await seal(api);
    assert.deepEqual(await seed(), { current: h100, previous: genesis, nextRotation: 201 });
    await expectRotatedIn(101, h100, genesis);
    // The at parameter still sees the seeds of block 100.
    assert.deepEqual(await seed(h100), { current: genesis, previous: ZERO, nextRotation: 101 });
  });

  test('the options of a handle change with the rotation', async () => {
    const o = await options();
    assert.deepEqual(o.candidates, offline(h100, genesis));
    assert.notDeepEqual(o.candidates, opts100.candidates);
    assert.ok(o.candidates.includes(signed.prevOnly.suffix), 'still offered under the previous seed');
    assert.ok(o.available.includes(signed.prevOnly.suffix));
    // `expiring`: the available suffixes only the previous seed offers, gone at the next rotation.
    const underH100 = suffixCandidates(h100);
    assert.deepEqual(o.expiring, o.available.filter((s) => !underH100.includes(s)));
    assert.ok(o.expiring.includes(signed.prevOnly.suffix), 'offered only under the previous seed: expiring');
    assert.equal(o.nextRotation, 201);
    assert.ok(!o.candidates.includes(signed.zeroOnly.suffix), 'no longer offered');
    assert.ok(!o.candidates.includes(signed.neither.suffix));
    // As of block 100 the answer is the old one.
    assert.deepEqual(await options(BASE, h100), opts100);
  });

  test('a suffix offered only under the previous seed is accepted', async () => {
    const { owner, suffix, payload } = signed.prevOnly;
    const res = await submit(api, await signedCall(api, 'create', owner, payload), ctx.bob);
    assertOk(res);
    const ev = theEvent(res, 'handles', 'MsaCreatedWithHandle');
    assert.equal(ev.data.msaId.toNumber(), msaIdOf(canonical, suffix));
    assert.deepEqual(await rpc('handles_getMsaForHandle', [`${BASE}.${suffix}`]), {
      msaId: msaIdOf(canonical, suffix),
      owner: owner.address,
      handle: `${BASE}.${suffix}`,
    });
    assert.ok(!(await options()).available.includes(suffix));
  });

  test('a suffix offered under neither seed is refused (SuffixNotOffered), including one offered two rotations ago', async () => {
    for (const name of ['zeroOnly', 'neither']) {
      const { owner, payload } = signed[name];
      const res = await submit(api, await signedCall(api, 'create', owner, payload), ctx.bob);
      assertFails(res, 'SuffixNotOffered');
      assert.deepEqual(await rpc('handles_getHandlesForOwner', [owner.address]), []);
    }
  });

  test('block 201 rotates again; a suffix of the genesis seed is no longer offered', async () => {
    await sealTo(api, 200);
    assert.deepEqual(await seed(), { current: h100, previous: genesis, nextRotation: 201 });
    h200 = await blockHash(api, 200);
    await seal(api);
    assert.equal(await bestNumber(api), 201);
    assert.deepEqual(await seed(), { current: h200, previous: h100, nextRotation: 301 });
    await expectRotatedIn(201, h200, h100);
    const o = await options();
    assert.deepEqual(o.candidates, offline(h200, h100));

    // A suffix offered under the genesis seed only is now offered under neither.
    const underGenesis = suffixCandidates(genesis);
    const stale = underGenesis.find((s) => !o.candidates.includes(s));
    assert.ok(stale !== undefined);
    const owner = freshPair('ed25519');
    const payload = { baseHandle: BASE, suffix: stale, expiration: 250 };
    assertFails(await submit(api, await signedCall(api, 'create', owner, payload), ctx.bob), 'SuffixNotOffered');

    // One offered under the current seed is accepted by a look-alike base.
    const fresh = o.available.find((s) => suffixCandidates(h200).includes(s));
    assertOk(await submit(api, await signedCall(api, 'create', owner, { baseHandle: 'ROTOR', suffix: fresh, expiration: 250 }), ctx.bob));
    assert.equal((await rpc('handles_getMsaForHandle', [`rotor.${fresh}`])).handle, `ROTOR.${fresh}`);
  });
});
