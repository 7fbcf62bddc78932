#!/usr/bin/env node
// JSON-RPC throughput of the handles_* methods against system_health, on one node.
//
// For each of ROUNDS rounds, every method runs for SECONDS seconds with CLIENTS concurrent
// clients over HTTP keep-alive (each sends its next request when the previous answer is in); the
// methods' order rotates from round to round, so a slow phase of the machine hits each method
// alike. Prints a table and a JSON line: requests per second per method (median of the rounds)
// and its share of system_health's.
//
//   node scripts/rpc-bench.js                      # starts $HANDLES_NODE (or the debug build) --dev
//   RPC_URL=http://127.0.0.1:9944 node scripts/rpc-bench.js    # an already running node
//
// Env: ROUNDS (default 5), SECONDS (default 2), CLIENTS (default 8), HANDLES_NODE.
// scripts/batch-bench.js measures the batch lookups with the same loop (`measure`, `median`).

import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { rpcCall, startDevNode, tempDir } from '../lib/node.js';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const SECONDS = Number(process.env.SECONDS ?? 2);
const CLIENTS = Number(process.env.CLIENTS ?? 8);

const METHODS = [
  ['system_health', []],
  ['handles_getSettings', []],
  ['handles_getSeed', []],
  ['handles_getMsaForHandle', ['Alice.4821']],
  ['handles_validateHandle', ['Alice']],
  ['handles_getSuffixOptions', ['Alice']],
];

/** One call; no time limit, so that no timer per request weighs on the figures. */
export const call = (url, method, params) => rpcCall(url, method, params, { timeoutMs: 0 });

/**
 * A dev node on a temporary base path, for many connections: the node's own sealing mode unless
 * `sealing` says another. `{ url, wsUrl, binary, stop() }`.
 */
export async function startNode({ sealing = null } = {}) {
  const dir = tempDir('handles-rpc-bench-');
  const node = await startDevNode({ sealing, basePath: dir.path, extraArgs: ['--rpc-max-connections', '1000'] });
  return {
    url: node.httpUrl,
    wsUrl: node.wsUrl,
    binary: node.binary,
    stop: async () => {
      await node.stop();
      dir.remove();
    },
  };
}

/**
 * Requests per second of `method` over `seconds` with `clients` concurrent clients; `params` are
 * the same for every request, or a function of the request's index that gives them.
 */
export async function measure(url, method, params, seconds, clients) {
  const end = performance.now() + seconds * 1000;
  const paramsOf = typeof params === 'function' ? params : () => params;
  let done = 0;
  let sent = 0;
  const client = async () => {
    while (performance.now() < end) {
      await call(url, method, paramsOf(sent++));
      done++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  return done / ((performance.now() - t0) / 1000);
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const node = process.env.RPC_URL ? { url: process.env.RPC_URL, binary: null, stop: () => {} } : await startNode();
  try {
    // Every method answers before anything is timed (and warms the node's caches).
    for (const [method, params] of METHODS) await call(node.url, method, params);
    const rates = new Map(METHODS.map(([m]) => [m, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < METHODS.length; i++) {
        const [method, params] = METHODS[(i + round) % METHODS.length];
        rates.get(method).push(await measure(node.url, method, params, SECONDS, CLIENTS));
      }
      process.stderr.write(`round ${round + 1} of ${ROUNDS} done\n`);
    }
    const base = median(rates.get('system_health'));
    const rows = METHODS.map(([method]) => {
      const m = median(rates.get(method));
      return { method, requestsPerSecond: Math.round(m), shareOfSystemHealth: Math.round((m / base) * 100) };
    });
    console.log(`node: ${node.binary ?? node.url}; ${ROUNDS} rounds x ${SECONDS} s, ${CLIENTS} clients, medians`);
    console.log('| method | requests/s | share of system_health |');
    console.log('|---|---|---|');
    for (const r of rows) console.log(`| \`${r.method}\` | ${r.requestsPerSecond} | ${r.shareOfSystemHealth} % |`);
    console.log(JSON.stringify({ rounds: ROUNDS, seconds: SECONDS, clients: CLIENTS, rows }));
  } finally {
    await node.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
