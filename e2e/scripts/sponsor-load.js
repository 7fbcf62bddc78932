#!/usr/bin/env node
// Claims per second through handles-sponsor: N owners with no tokens claim at once the way the
// claim page does (options, payload, a wallet's signature, POST /claims) against a dev node with
// manual sealing, a block every SPONSOR_LOAD_BLOCK_MS; then waits until every claim settled and
// checks each one on chain. Prints a JSON summary on stdout; exits 1 when a claim failed or a
// transaction was sent twice.
//
//   node scripts/sponsor-load.js                                     # 200 claims, debug node
//   HANDLES_NODE=$CARGO_TARGET_DIR/release/handles-node node scripts/sponsor-load.js
//
// Env: SPONSOR_LOAD_N (default 200), SPONSOR_LOAD_BLOCK_MS (default 1000), HANDLES_NODE and
// HANDLES_SPONSOR (binaries).

import { setTimeout as sleep } from 'node:timers/promises';

import { freshPair, startChain, walletSign } from '../lib/chain.js';
import { tempDir } from '../lib/node.js';
import { startSponsor } from '../lib/sponsor.js';

const N = Number(process.env.SPONSOR_LOAD_N || 200);
const BLOCK_MS = Number(process.env.SPONSOR_LOAD_BLOCK_MS || 1000);
const LETTERS = 'bfghjkpt';
const base = (i) => `Load${LETTERS[(i >> 9) & 7]}${LETTERS[(i >> 6) & 7]}${LETTERS[(i >> 3) & 7]}${LETTERS[i & 7]}`;

const ctx = await startChain({ sealing: 'manual' });
const dir = tempDir('handles-sponsor-load-');
const sponsor = await startSponsor({
  url: ctx.node.wsUrl,
  key: '//Dave',
  db: `${dir.path}/claims.sqlite`,
  args: ['--client-limit', String(10 * N), '--queue-limit', String(10 * N)],
});
let sealing = true;
const sealer = (async () => {
  while (sealing) {
    await ctx.rpc('engine_createBlock', [true, true]).catch(() => {});
    await sleep(BLOCK_MS);
  }
})();
let code = 0;
try {
  const nonceBefore = await ctx.rpc('system_accountNextIndex', [ctx.dave.address]);
  const owners = Array.from({ length: N }, () => freshPair());
  const t0 = performance.now();
  const ids = await Promise.all(
    owners.map(async (owner, i) => {
      const options = (await sponsor.get(`/api/options?base=${base(i)}`)).body;
      const prepared = (await sponsor.post('/api/payload', { baseHandle: base(i), suffix: options.available[0] })).body;
      const res = await sponsor.post('/claims', { owner: owner.address, signature: walletSign(owner, prepared.bytes), payload: prepared.payload });
      if (res.status !== 202) throw new Error(`claim ${i}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id;
    }),
  );
  const accepted = performance.now();
  const settled = new Map();
  while (settled.size < N) {
    for (const id of ids) {
      if (settled.has(id)) continue;
      const claim = (await sponsor.get(`/claims/${id}`)).body;
      if (claim.final) settled.set(id, { ...claim, at: performance.now() });
    }
    await sleep(100);
  }
  const finished = Math.max(...[...settled.values()].map((c) => c.at));
  const claims = ids.map((id) => settled.get(id));
  const failed = claims.filter((c) => c.status !== 'finalized');
  let wrong = 0;
  for (const [i, c] of claims.entries()) {
    if (c.status !== 'finalized') continue;
    const onChain = await ctx.rpc('handles_getMsaForHandle', [c.handle]);
    if (onChain?.owner !== owners[i].address || onChain.msaId !== c.msaId) wrong += 1;
  }
  const sent = (await ctx.rpc('system_accountNextIndex', [ctx.dave.address])) - nonceBefore;
  const secs = (finished - t0) / 1000;
  const summary = {
    claims: N,
    blockMs: BLOCK_MS,
    acceptedSeconds: Number(((accepted - t0) / 1000).toFixed(2)),
    settledSeconds: Number(secs.toFixed(2)),
    claimsPerSecond: Number((N / secs).toFixed(1)),
    finalized: N - failed.length,
    failed: failed.length,
    wrongOnChain: wrong,
    transactionsSent: sent,
  };
  console.log(JSON.stringify(summary, null, 2));
  if (failed.length > 0 || wrong > 0 || sent !== N) code = 1;
} finally {
  sealing = false;
  await sealer;
  await sponsor.kill();
  await ctx.stop();
  dir.remove();
}
process.exit(code);
