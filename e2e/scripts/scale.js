#!/usr/bin/env node
// What the registry costs as it grows: for each size N (default 1,000, 100,000 and 1,000,000), a
// node on `--chain dev-scale-N` (N synthetic handles made at genesis) measured for
//   - genesis and start-up: seconds from starting the node until its RPC answers;
//   - database: bytes on disk of its base path, and per handle from one size to the next
//     (ParityDB preallocates, so the smallest size says little);
//   - node memory: resident set after the reads;
//   - reads: requests per second of handles_getMsaForHandle, handles_getHandleForMsa,
//     handles_getSuffixOptions and handles_getHandlesForOwner over real handles of the chain,
//     beside the cheapest runtime call (state_call Core_version) and system_health, which never
//     enters the runtime (rpc-bench.js's loop: CLIENTS clients, ROUNDS rounds of SECONDS each,
//     medians, the order rotating from round to round);
//   - claims: creates per second and per block through scripts/load.js (LOAD_N claims at once),
//     on a fresh node of the same chain (its genesis built again, in memory) and on the node
//     restarted on the database the reads used (what a running chain's node is), with the
//     median time to seal a block that held claims.
// Prints one table (markdown) and a JSON line. Not part of CI: at a million handles the genesis
// alone takes minutes. Use a release node: HANDLES_NODE=<target>/release/handles-node.
//
//   HANDLES_NODE=~/.cache/handles-target-release/release/handles-node node scripts/scale.js
//   SCALE_SIZES=1000,100000 LOAD_N=600 node scripts/scale.js
//
// Env: SCALE_SIZES, ROUNDS (default 3), SECONDS (default 2), CLIENTS (default 8), LOAD_N (default
// 1000; 0 skips the claims), HANDLES_NODE.

import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

import { connectApi } from '../lib/chain.js';
import { processMemory, startScaleNode, tempDir } from '../lib/node.js';
import { runLoad } from './load.js';
import { call, measure, median } from './rpc-bench.js';

const SIZES = (process.env.SCALE_SIZES ?? '1000,100000,1000000').split(',').map(Number);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SECONDS = Number(process.env.SECONDS ?? 2);
const CLIENTS = Number(process.env.CLIENTS ?? 8);
const LOAD_N = Number(process.env.LOAD_N ?? 1000);
const SAMPLE = 200;

const log = (msg) => process.stderr.write(`${msg}\n`);

/** Up to SAMPLE held handles of the chain at `wsUrl`: `{ msaId, display, base, owner }`. */
async function sampleHandles(wsUrl) {
  const api = await connectApi(wsUrl, { timeoutMs: 600_000 });
  try {
    const page = await api.query.handles.msaHandles.entriesPaged({ args: [], pageSize: SAMPLE });
    const out = [];
    for (const [key, record] of page) {
      const msaId = key.args[0].toNumber();
      const r = record.unwrap();
      const base = Buffer.from(r.base.toU8a(true)).toString('utf8');
      const owner = (await api.query.handles.msaOwner(msaId)).unwrap().toString();
      out.push({ msaId, base, display: `${base}.${r.suffix.toNumber()}`, owner });
    }
    return out;
  } finally {
    await api.disconnect();
  }
}

/** Bytes on disk under `path`. */
const diskBytes = (path) => Number(execFileSync('du', ['-sb', path]).toString().split('\t')[0]);

async function measureSize(n) {
  const dir = tempDir(`handles-scale-${n}-`);
  const t0 = performance.now();
  const node = await startScaleNode(n, dir.path);
  const startSeconds = (performance.now() - t0) / 1000;
  log(`# ${n}: node answered after ${startSeconds.toFixed(1)} s`);
  try {
    const sample = await sampleHandles(node.wsUrl);
    const pick = (f) => (i) => [f(sample[i % sample.length])];
    const methods = [
      ['system_health', []],
      ['state_call Core_version', null],
      ['handles_getMsaForHandle', pick((h) => h.display)],
      ['handles_getHandleForMsa', pick((h) => h.msaId)],
      ['handles_getSuffixOptions', pick((h) => h.base)],
      ['handles_getHandlesForOwner', pick((h) => h.owner)],
    ];
    const run = (method, params) =>
      method === 'state_call Core_version'
        ? measure(node.httpUrl, 'state_call', ['Core_version', '0x'], SECONDS, CLIENTS)
        : measure(node.httpUrl, method, params, SECONDS, CLIENTS);
    await call(node.httpUrl, 'state_call', ['Core_version', '0x']);
    const rates = new Map(methods.map(([m]) => [m, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < methods.length; i++) {
        const [method, params] = methods[(i + round) % methods.length];
        rates.get(method).push(await run(method, params));
      }
    }
    const reads = Object.fromEntries([...rates].map(([m, r]) => [m, Math.round(median(r))]));
    const memory = processMemory(node.process.pid);
    await node.stop();
    const bytes = diskBytes(dir.path);
    let claims = null;
    let restarted = null;
    if (LOAD_N > 0) {
      const load = async (basePath) => {
        const run = await runLoad({ n: LOAD_N, nodeArgs: ['--chain', `dev-scale-${n}`], basePath, log });
        const seals = run.sealMsPerBlock.filter((_, i) => run.createsPerBlock.perBlock[i] > 0);
        return {
          perSecond: run.createsPerSecond,
          perBlock: run.createsPerBlock.max,
          sealMs: Math.round(median(seals)),
          emptyBlocks: run.emptyBlocks,
          rssMiB: run.rssMiB,
          ok: run.ok,
        };
      };
      log(`# ${n}: ${LOAD_N} claims on a fresh node`);
      claims = await load(null);
      log(`# ${n}: ${LOAD_N} claims on the node restarted on its database`);
      restarted = await load(dir.path);
    }
    return { handles: n, startSeconds: Math.round(startSeconds * 10) / 10, diskBytes: bytes, rssMiB: memory ? Math.round(memory.vmRssKb / 1024) : null, reads, claims, restarted };
  } finally {
    await node.stop();
    dir.remove();
  }
}

async function main() {
  const rows = [];
  for (const n of SIZES) rows.push(await measureSize(n));
  const first = rows[0];
  const readNames = Object.keys(first.reads);
  console.log(`| handles | genesis + start | disk | bytes/handle since the previous size | RSS | ${readNames.join(' | ')} (req/s) | claims/s | claims/block | seal ms | claims/s restarted | seal ms restarted |`);
  console.log(`|---|---|---|---|---|${readNames.map(() => '---').join('|')}|---|---|---|---|---|`);
  rows.forEach((r, i) => {
    // ParityDB preallocates: only the growth between two sizes says what a handle costs.
    const prev = rows[i - 1];
    const perHandle = prev ? Math.round((r.diskBytes - prev.diskBytes) / (r.handles - prev.handles)) : '';
    r.bytesPerHandle = perHandle === '' ? null : perHandle;
    const reads = readNames.map((m) => `${r.reads[m]} (${Math.round((r.reads[m] / first.reads[m]) * 100)} %)`);
    console.log(
      `| ${r.handles} | ${r.startSeconds} s | ${(r.diskBytes / 2 ** 20).toFixed(1)} MiB | ${perHandle} | ${r.rssMiB} MiB | ${reads.join(' | ')} | ${r.claims?.perSecond ?? ''} | ${r.claims?.perBlock ?? ''} | ${r.claims?.sealMs ?? ''} | ${r.restarted?.perSecond ?? ''} | ${r.restarted?.sealMs ?? ''} |`,
    );
  });
  console.log(JSON.stringify({ rounds: ROUNDS, seconds: SECONDS, clients: CLIENTS, loadN: LOAD_N, rows }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
