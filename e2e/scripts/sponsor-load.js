#!/usr/bin/env node
// Claims per second through handles-sponsor: N owners with no tokens claim at once the way the
// claim page does (options, payload, a wallet's signature, POST /claims) against a dev node with
// manual sealing, a block every SPONSOR_LOAD_BLOCK_MS; then waits until every claim settled and
// checks each one on chain. Prints a JSON summary on stdout; exits 1 when a claim failed or a
// transaction was sent twice. The summary gives the sponsor's rate from its first accepted claim
// to its last finalized one (`acceptedToFinalizedPerSecond`), the time from the last accepted
// claim to the last finalized one (`drainSeconds`), the chain's inclusion in the same
// run from the blocks' signed extrinsics (`chain`: claims per block, mean and highest, and per
// second), and the sponsor's memory at the end (`sponsorRssKiB`, VmRSS of /proc/<pid>/status).
//
//   node scripts/sponsor-load.js                                     # 200 claims, debug node
//   SPONSOR_LOAD_N=2000 node scripts/sponsor-load.js                   # 2,000 owners at once
//   HANDLES_NODE=$CARGO_TARGET_DIR/release/handles-node \
//   HANDLES_SPONSOR=$CARGO_TARGET_DIR/release/handles-sponsor node scripts/sponsor-load.js
//
// Env: SPONSOR_LOAD_N (default 200), SPONSOR_LOAD_BLOCK_MS (default 1000), HANDLES_NODE and
// HANDLES_SPONSOR (binaries). At most 100 requests are open at a time.

import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

import { freshPair, startChain, walletSign } from '../lib/chain.js';
import { tempDir } from '../lib/node.js';
import { startSponsor } from '../lib/sponsor.js';

const N = Number(process.env.SPONSOR_LOAD_N || 200);
const BLOCK_MS = Number(process.env.SPONSOR_LOAD_BLOCK_MS || 1000);
const CONNECTIONS = 100;
const LETTERS = 'bfghjkpt';
if (!(N >= 1 && N <= 4096)) throw new Error('SPONSOR_LOAD_N: 1 to 4096 (one base handle each)');
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
/** Signed extrinsics of a block (`chain_getBlock` hex): a version byte with its top bit set. */
function signedCount(block) {
  let n = 0;
  for (const xt of block.block.extrinsics) {
    const bytes = Buffer.from(xt.slice(2), 'hex');
    const skip = [1, 2, 4][bytes[0] & 3] ?? 1 + (bytes[0] >> 2) + 4; // SCALE compact length prefix
    if (bytes[skip] & 0x80) n += 1;
  }
  return n;
}

/** The process's resident memory (KiB), from /proc/<pid>/status; null where there is none. */
function rssKiB(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.split(/\s+/)[1]) : null;
  } catch {
    return null;
  }
}

let code = 0;
try {
  const firstBlock = Number((await ctx.rpc('chain_getHeader', [])).number);
  const nonceBefore = await ctx.rpc('system_accountNextIndex', [ctx.dave.address]);
  const owners = Array.from({ length: N }, () => freshPair());
  const t0 = performance.now();
  const acceptedAt = new Array(N);
  // Every owner starts at once; at most CONNECTIONS requests are open at a time (thousands of
  // sockets opened in the same instant get some of them reset), and a reset one is asked again.
  let open = 0;
  const waiting = [];
  const limited = async (ask) => {
    while (open >= CONNECTIONS) await new Promise((resolve) => waiting.push(resolve));
    open += 1;
    try {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await ask();
        } catch (e) {
          if (attempt >= 3 || !String(e?.cause?.code ?? e).includes('UND_ERR')) throw e;
          await sleep(100);
        }
      }
    } finally {
      open -= 1;
      waiting.shift()?.();
    }
  };
  const ids = await Promise.all(
    owners.map(async (owner, i) => {
      const options = (await limited(() => sponsor.get(`/api/options?base=${base(i)}`))).body;
      const body = { baseHandle: base(i), suffix: options.available[0] };
      const prepared = (await limited(() => sponsor.post('/api/payload', body))).body;
      const claim = { owner: owner.address, signature: walletSign(owner, prepared.bytes), payload: prepared.payload };
      const res = await limited(() => sponsor.post('/claims', claim));
      if (res.status !== 202) throw new Error(`claim ${i}: ${res.status} ${JSON.stringify(res.body)}`);
      acceptedAt[i] = performance.now();
      return res.body.id;
    }),
  );
  const accepted = performance.now();
  const firstAccepted = Math.min(...acceptedAt);
  const settled = new Map();
  while (settled.size < N) {
    // Asked 50 at a time, so a pass over 2,000 claims takes well under a block.
    const open = ids.filter((id) => !settled.has(id));
    for (let k = 0; k < open.length; k += 50) {
      await Promise.all(
        open.slice(k, k + 50).map(async (id) => {
          const claim = (await limited(() => sponsor.get(`/claims/${id}`))).body;
          if (claim.final) settled.set(id, { ...claim, at: performance.now() });
        }),
      );
    }
    await sleep(100);
  }
  const sponsorRssKiB = rssKiB(sponsor.process.pid);
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
  // What the chain included, block by block, from the run's first block to its last.
  const lastBlock = Number((await ctx.rpc('chain_getHeader', [])).number);
  const perBlock = [];
  for (let n = firstBlock + 1; n <= lastBlock; n += 1) {
    const hash = await ctx.rpc('chain_getBlockHash', [n]);
    perBlock.push(signedCount(await ctx.rpc('chain_getBlock', [hash])));
  }
  const first = perBlock.findIndex((c) => c > 0);
  const last = perBlock.length - 1 - [...perBlock].reverse().findIndex((c) => c > 0);
  const busy = first < 0 ? [] : perBlock.slice(first, last + 1);
  const included = busy.reduce((a, b) => a + b, 0);
  const meanPerBlock = busy.length ? included / busy.length : 0;
  const maxPerBlock = Math.max(0, ...busy);
  const summary = {
    claims: N,
    blockMs: BLOCK_MS,
    acceptedSeconds: Number(((accepted - t0) / 1000).toFixed(2)),
    settledSeconds: Number(secs.toFixed(2)),
    claimsPerSecond: Number((N / secs).toFixed(1)),
    acceptedToFinalizedPerSecond: Number((N / ((finished - firstAccepted) / 1000)).toFixed(1)),
    // From the last 202 to the last claim seen final: how long the queue took to drain once
    // nothing more came in (claims are polled only from then on).
    drainSeconds: Number(((finished - accepted) / 1000).toFixed(2)),
    chain: {
      blocks: busy.length,
      signedIncluded: included,
      meanPerBlock: Number(meanPerBlock.toFixed(1)),
      maxPerBlock,
      perSecond: Number((meanPerBlock / (BLOCK_MS / 1000)).toFixed(1)),
      maxPerSecond: Number((maxPerBlock / (BLOCK_MS / 1000)).toFixed(1)),
    },
    sponsorRssKiB,
    finalized: N - failed.length,
    failed: failed.length,
    // By the error's name (`Handles.PayloadExpired: …` counts as `Handles.PayloadExpired`).
    failedReasons: failed.reduce((by, c) => {
      const name = /^Handles\.\w+/.exec(c.reason ?? '')?.[0] ?? (/not available/.test(c.reason) ? 'SuffixNotAvailable' : c.reason);
      by[name] = (by[name] ?? 0) + 1;
      return by;
    }, {}),
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
