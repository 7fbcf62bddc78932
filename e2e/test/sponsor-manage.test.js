// handles-sponsor pays for changes and retirements as it pays for claims: a person with no tokens
// claims a handle, changes it (the MSA keeps its id) and retires it, signing the chain's readable
// text each time while the sponsor pays; every payload the chain would refuse answers 4xx with the
// pallet error's name before anything is paid, and the same signed payload again is the same record.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import { freshPair, walletSign } from '../lib/chain.js';
import { tempDir, waitFor } from '../lib/node.js';
import { startSponsor } from '../lib/sponsor.js';
import { useChain } from '../lib/testing.js';

/** Makes a finalized block every `ms` until stopped (engine_createBlock of manual sealing). */
function sealer(rpc, ms = 250) {
  const state = { stopped: false };
  (async () => {
    while (!state.stopped) {
      try {
        await rpc('engine_createBlock', [true, true]);
      } catch {
        // a block may fail while the node is busy
      }
      await sleep(ms);
    }
  })();
  return state;
}

async function settled(sponsor, id, timeoutMs = 120_000) {
  return waitFor(
    async () => {
      const res = await sponsor.get(`/claims/${id}`);
      return res.body.final ? res.body : null;
    },
    { timeoutMs, intervalMs: 200, what: `record ${id} to settle` },
  );
}

/** The first available suffix of `base` that is not expiring, from the sponsor. */
async function pickSuffix(sponsor, base) {
  const res = await sponsor.get(`/api/options?base=${encodeURIComponent(base)}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.available.find((s) => !res.body.expiring.includes(s)) ?? res.body.available[0];
}

describe('handles-sponsor: changes and retirements', { timeout: 600_000 }, () => {
  let seal;
  let sponsor;
  const dirs = [];
  const ctx = useChain({
    sealing: 'manual',
    setup: async (c) => {
      seal = sealer(c.rpc);
      const d = tempDir('handles-sponsor-manage-');
      dirs.push(d);
      sponsor = await startSponsor({ url: c.node.wsUrl, db: `${d.path}/claims.sqlite` });
    },
    teardown: async () => {
      if (seal) seal.stopped = true;
      await sponsor?.kill();
      for (const d of dirs) d.remove();
    },
  });

  const freeOf = async (address) => (await ctx.api.query.system.account(address)).data.free.toBigInt();
  /** An expiration half the payload lifetime after the finalized block, as the clients pick it. */
  const expiration = async () => {
    const head = await ctx.api.rpc.chain.getHeader(await ctx.api.rpc.chain.getFinalizedHead());
    return head.number.toNumber() + 100;
  };
  /** `{ owner, signature, payload }` with `signer`'s wallet signature over the chain's readable text. */
  const signed = async (signer, kind, payload, owner = signer) => {
    const { bytes } = await ctx.rpc('handles_signingMessage', [kind, payload]);
    return { owner: owner.address, signature: walletSign(signer, bytes), payload };
  };

  test('no tokens: claim, change (the MSA keeps its id), retire; the sponsor pays each', async () => {
    const owner = freshPair();
    const stranger = freshPair();
    const daveBefore = await freeOf(ctx.dave.address);

    // Claim, as the page does.
    const suffix = await pickSuffix(sponsor, 'Manageda');
    const prepared = await sponsor.post('/api/payload', { baseHandle: 'Manageda', suffix });
    const claim = await sponsor.post('/claims', { owner: owner.address, signature: walletSign(owner, prepared.body.bytes), payload: prepared.body.payload });
    assert.equal(claim.status, 202, JSON.stringify(claim.body));
    const claimed = await settled(sponsor, claim.body.id);
    assert.equal(claimed.status, 'finalized', JSON.stringify(claimed));
    assert.equal(claimed.kind, 'claim');
    const msaId = claimed.msaId;
    const owned = await sponsor.get(`/api/owned?owner=${owner.address}`);
    assert.deepEqual(owned.body, [{ msaId, handle: claimed.handle }]);

    // Change: refusals first, each with the pallet error's name, none paid for.
    const newSuffix = await pickSuffix(sponsor, 'Renameda');
    const change = { msaId, oldHandle: claimed.handle, newBaseHandle: 'Renameda', newSuffix, expiration: await expiration() };
    const refusals = [
      ['NotOwner', await signed(stranger, 'change', change)],
      ['InvalidSignature', await signed(stranger, 'change', change, owner)],
      ['HandleMismatch', await signed(owner, 'change', { ...change, oldHandle: `Manageda.${suffix === 9999 ? 1000 : suffix + 1}` })],
      ['HandleMismatch', await signed(owner, 'change', { ...change, oldHandle: null })],
      ['MsaNotFound', await signed(owner, 'change', { ...change, msaId: 4_000_000_000 })],
      ['PayloadExpired', await signed(owner, 'change', { ...change, expiration: 1 })],
      ['PayloadExpirationTooFar', await signed(owner, 'change', { ...change, expiration: change.expiration + 10_000 })],
      ['InvalidHandle', await signed(owner, 'change', { ...change, newBaseHandle: 'ad min' })],
      ['SuffixNotAvailable', await signed(owner, 'change', { ...change, newBaseHandle: 'Manageda', newSuffix: suffix === 9999 ? 1000 : suffix + 1 })],
    ];
    for (const [error, body] of refusals) {
      const res = await sponsor.post('/changes', body);
      assert.ok(res.status >= 400 && res.status < 500, `${error}: ${res.status} ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error, error, JSON.stringify(res.body));
    }
    const body = await signed(owner, 'change', change);
    const res = await sponsor.post('/changes', body);
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.deepEqual(Object.keys(res.body).sort(), ['id', 'status']);
    // The same signed payload again: the same record.
    const again = await sponsor.post('/changes', body);
    assert.equal(again.status, 200);
    assert.equal(again.body.id, res.body.id);
    const changed = await settled(sponsor, res.body.id);
    assert.equal(changed.status, 'finalized', JSON.stringify(changed));
    assert.deepEqual([changed.kind, changed.msaId, changed.handle, changed.oldHandle], ['change', msaId, `Renameda.${newSuffix}`, claimed.handle]);
    assert.deepEqual((await sponsor.get(`/changes/${res.body.id}`)).body, changed);
    assert.deepEqual(await ctx.rpc('handles_getMsaForHandle', [changed.handle]), { msaId, owner: owner.address, handle: changed.handle });
    assert.equal(await ctx.rpc('handles_getMsaForHandle', [claimed.handle]), null, 'the old handle is free (cooling down)');
    const settledAgain = await sponsor.post('/changes', body);
    assert.deepEqual([settledAgain.status, settledAgain.body.id, settledAgain.body.status], [200, res.body.id, 'finalized']);

    // Retire: the stale handle is refused, the held one retired.
    const retire = { msaId, handle: changed.handle, expiration: await expiration() };
    for (const [error, payload, signer] of [
      ['HandleMismatch', { ...retire, handle: claimed.handle }, owner],
      ['NotOwner', retire, stranger],
    ]) {
      const refused = await sponsor.post('/retirements', await signed(signer, 'retire', payload));
      assert.equal(refused.body.error, error, JSON.stringify(refused.body));
      assert.equal(refused.status, 422);
    }
    const retireBody = await signed(owner, 'retire', retire);
    const queued = await sponsor.post('/retirements', retireBody);
    assert.equal(queued.status, 202, JSON.stringify(queued.body));
    const retired = await settled(sponsor, queued.body.id);
    assert.equal(retired.status, 'finalized', JSON.stringify(retired));
    assert.deepEqual([retired.kind, retired.msaId, retired.handle], ['retirement', msaId, changed.handle]);
    assert.equal(await ctx.rpc('handles_getHandleForMsa', [msaId]), null, 'the MSA holds no handle');
    assert.deepEqual((await sponsor.get(`/api/owned?owner=${owner.address}`)).body, [{ msaId, handle: null }]);
    // Once retired, a second retirement is the chain's MsaHasNoHandle; the first payload, its record.
    const twice = await sponsor.post('/retirements', await signed(owner, 'retire', { ...retire, expiration: retire.expiration + 1 }));
    assert.deepEqual([twice.status, twice.body.error], [422, 'MsaHasNoHandle']);
    const replay = await sponsor.post('/retirements', retireBody);
    assert.deepEqual([replay.status, replay.body.id], [200, queued.body.id]);

    assert.equal(await freeOf(owner.address), 0n, 'the owner still holds nothing');
    assert.ok((await freeOf(ctx.dave.address)) < daveBefore, 'the sponsor paid');
    for (const id of [claim.body.id, res.body.id, queued.body.id]) {
      assert.ok(typeof (await sponsor.get(`/claims/${id}`)).body.blockNumber === 'number');
    }
    const kinds = sponsor.logs().filter((l) => /^(change|retirement) /.test(l));
    assert.equal(kinds.length, 2, kinds.join('\n'));
  });
});
