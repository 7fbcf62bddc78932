#!/usr/bin/env node
// Batch lookups against single ones on one node: lookups per second of 100 MSA ids (and 100
// display handles) in one handles_getHandlesForMsas (handles_getMsasForHandles) request, against
// the same 100 as handles_getHandleForMsa (handles_getMsaForHandle) requests, and the time one app
// waits for 100 lookups made one after another versus one batch. Not part of the test suite.
//
// Claims BATCH_N handles on a fresh dev node first (manual sealing, one block), so every lookup
// finds a record; then, for ROUNDS rounds of SECONDS seconds each, CLIENTS concurrent clients over
// HTTP keep-alive (the loop of scripts/rpc-bench.js), the methods' order rotating by round; medians.
//
//   node scripts/batch-bench.js                     # starts $HANDLES_NODE (or the debug build)
//
// Env: ROUNDS (default 5), SECONDS (default 2), CLIENTS (default 8), BATCH_N (default 100, at most
// 100), HANDLES_NODE.

import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, randomAsU8a } from '@polkadot/util-crypto';

import { MAX_BATCH_LOOKUPS } from '@handles/client';

import { bestNumber, connectApi, createTx, seal, sign } from '../lib/chain.js';
import { baseHandleFor } from './load.js';
import { call, measure, median, startNode } from './rpc-bench.js';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const SECONDS = Number(process.env.SECONDS ?? 2);
const CLIENTS = Number(process.env.CLIENTS ?? 8);
const BATCH_N = Number(process.env.BATCH_N ?? MAX_BATCH_LOOKUPS);

/**
 * Claims `n` handles `<prefix><aaa...>` for fresh owners, sponsored by `sponsor` (a keyring pair),
 * on a dev node with manual sealing: all sent at once, then blocks until each is in. Resolves to
 * `[{ msaId, handle, owner }]` in the order sent (`rpc(method, params)` answers the node's JSON-RPC).
 */
export async function claimMany(api, rpc, { n, sponsor, prefix = 'batch' }) {
  const keyring = new Keyring({ ss58Format: 42, type: 'sr25519' });
  const expiration = (await bestNumber(api)) + 100;
  let nonce = (await api.rpc.system.accountNextIndex(sponsor.address)).toNumber();
  const claims = [];
  const taken = new Set();
  for (let i = 0; claims.length < n; i++) {
    const base = `${prefix}${baseHandleFor(i)}`;
    const { available, canonical } = await rpc('handles_getSuffixOptions', [base]);
    if (taken.has(canonical) || available.length === 0) continue;
    taken.add(canonical);
    const owner = keyring.addFromSeed(randomAsU8a(32));
    const payload = { baseHandle: base, suffix: available[claims.length % available.length], expiration };
    const tx = createTx(api, owner, await sign(api, owner, 'create', payload), payload);
    await tx.signAndSend(sponsor, { nonce: nonce++ });
    claims.push({ handle: `${base}.${payload.suffix}`, owner: owner.address });
  }
  for (let i = 0; i < 20 && (await api.rpc.author.pendingExtrinsics()).length > 0; i++) await seal(api);
  const found = await rpc('handles_getMsasForHandles', [claims.map((c) => c.handle)]);
  return claims.map((c, i) => {
    if (!found[i]) throw new Error(`${c.handle} was not claimed`);
    return { ...c, msaId: found[i].msaId };
  });
}

async function main() {
  if (!(BATCH_N >= 1 && BATCH_N <= MAX_BATCH_LOOKUPS)) throw new Error(`BATCH_N must be 1..${MAX_BATCH_LOOKUPS}`);
  await cryptoWaitReady();
  const node = await startNode({ sealing: 'manual' });
  const api = await connectApi(node.wsUrl, { timeoutMs: 600_000 });
  try {
    const rpc = (method, params) => call(node.url, method, params);
    await seal(api, 2);
    const claims = await claimMany(api, rpc, { n: BATCH_N, sponsor: new Keyring({ type: 'sr25519' }).addFromUri('//Bob') });
    const ids = claims.map((c) => c.msaId);
    const handles = claims.map((c) => c.handle.toUpperCase());
    process.stderr.write(`${claims.length} handles claimed\n`);

    // Per request: [method, params of each request, lookups it answers].
    const kinds = [
      ['handles_getHandlesForMsas', () => [ids], ids.length],
      ['handles_getHandleForMsa', (i) => [ids[i % ids.length]], 1],
      ['handles_getMsasForHandles', () => [handles], handles.length],
      ['handles_getMsaForHandle', (i) => [handles[i % handles.length]], 1],
    ];
    // The batch answers what the single calls answer.
    const batch = await rpc('handles_getMsasForHandles', [handles]);
    for (let i = 0; i < handles.length; i++) {
      const single = await rpc('handles_getMsaForHandle', [handles[i]]);
      if (JSON.stringify(single) !== JSON.stringify(batch[i])) throw new Error(`${handles[i]}: the batch and the single call differ`);
    }

    const rates = new Map(kinds.map(([m]) => [m, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < kinds.length; k++) {
        const [method, params, perRequest] = kinds[(k + round) % kinds.length];
        const requests = await measure(node.url, method, params, SECONDS, CLIENTS);
        rates.get(method).push(requests * perRequest);
      }
      process.stderr.write(`round ${round + 1} of ${ROUNDS} done\n`);
    }

    // One app, one lookup after another: 100 single requests against one batch request.
    const sequential = async (fn) => {
      const times = [];
      for (let r = 0; r < ROUNDS; r++) {
        const t0 = performance.now();
        await fn();
        times.push(performance.now() - t0);
      }
      return median(times);
    };
    const singlesMs = await sequential(async () => {
      for (const id of ids) await rpc('handles_getHandleForMsa', [id]);
    });
    const batchMs = await sequential(() => rpc('handles_getHandlesForMsas', [ids]));

    const row = (batchMethod, singleMethod) => {
      const b = median(rates.get(batchMethod));
      const s = median(rates.get(singleMethod));
      return { batch: batchMethod, single: singleMethod, batchLookupsPerSecond: Math.round(b), singleLookupsPerSecond: Math.round(s), ratio: Math.round((b / s) * 10) / 10 };
    };
    const rows = [row('handles_getHandlesForMsas', 'handles_getHandleForMsa'), row('handles_getMsasForHandles', 'handles_getMsaForHandle')];
    console.log(`node: ${node.binary}; ${ids.length} lookups per batch; ${ROUNDS} rounds x ${SECONDS} s, ${CLIENTS} clients, medians`);
    console.log('| lookups | batched (lookups/s) | single calls (lookups/s) | batched / single |');
    console.log('|---|---|---|---|');
    for (const r of rows) console.log(`| \`${r.batch}\` vs \`${r.single}\` | ${r.batchLookupsPerSecond} | ${r.singleLookupsPerSecond} | ${r.ratio}x |`);
    console.log(`one client, ${ids.length} MSA ids: ${ids.length} single requests in a row ${singlesMs.toFixed(1)} ms, one batch ${batchMs.toFixed(1)} ms (${(singlesMs / batchMs).toFixed(1)}x)`);
    console.log(JSON.stringify({ rounds: ROUNDS, seconds: SECONDS, clients: CLIENTS, lookupsPerBatch: ids.length, rows, sequential: { singlesMs, batchMs } }));
  } finally {
    await api.disconnect();
    await node.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
