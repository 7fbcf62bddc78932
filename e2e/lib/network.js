// Process-level helpers for tests that start handles-node themselves with arguments of their
// own: a fixed `--base-path` (durability), two `--chain local` validators (network), a dev node
// under load. Every node is started on free loopback ports; `stop()` and `kill()` end exactly the
// process that was started (by its pid), never anything else.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { freePort, rpcCall, spawnNode } from './node.js';

export { spawnNode };

/**
 * Alice's fixed libp2p node key in the local network (also in scripts/local-network), and the
 * peer id it gives, so that Bob can name Alice as his bootnode.
 */
export const ALICE_NODE_KEY = '0000000000000000000000000000000000000000000000000000000000000001';
export const ALICE_PEER_ID = '12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp';
/**
 * Bob's fixed node key. A validator of a non-development chain refuses to start without a
 * stored or given network key (`NetworkKeyNotFound`), and a fixed key keeps Bob's peer id
 * across restarts.
 */
export const BOB_NODE_KEY = '0000000000000000000000000000000000000000000000000000000000000002';

/** Flags every test node gets: no Prometheus, telemetry or mDNS. */
export const QUIET_FLAGS = ['--no-prometheus', '--no-telemetry', '--no-mdns'];

/** A new empty directory under the system's temporary folder; `remove()` deletes it. */
export function tempDir(prefix = 'handles-e2e-') {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    remove() {
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/** Two distinct free ports (RPC and P2P). */
export async function freePorts(n = 2) {
  const ports = new Set();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

/** The result of a JSON-RPC call over HTTP; throws with the node's message on an error. */
export async function rpcResult(url, method, params = [], opts) {
  const res = await rpcCall(url, method, params, opts);
  if (res.error) {
    throw Object.assign(new Error(`${method}: ${res.error.message} (code ${res.error.code})`), {
      rpcError: res.error,
    });
  }
  return res.result;
}

/**
 * Polls `fn` every `intervalMs` until it returns a truthy value, which it resolves to. Errors of
 * `fn` count as "not yet". Rejects after `timeoutMs` with `what` and the last value or error.
 */
export async function waitFor(fn, { timeoutMs = 60_000, intervalMs = 500, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
      last = value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${detail})`);
    }
    await sleep(intervalMs);
  }
}

/**
 * A development node (`--dev --sealing <sealing>`) on a FIXED `--base-path` (its database
 * survives restarts, unlike `--tmp`). Give the same `rpcPort`/`p2pPort` to restart it where it was,
 * or leave them out for free ones.
 */
export async function startDevNodeAt({
  basePath,
  sealing = 'manual',
  rpcPort,
  p2pPort,
  extraArgs = [],
  name = 'dev',
  ...rest
}) {
  if (!basePath) throw new Error('startDevNodeAt needs a basePath');
  if (!rpcPort || !p2pPort) [rpcPort, p2pPort] = await freePorts(2);
  const args = [
    '--dev',
    '--sealing',
    sealing,
    '--base-path',
    basePath,
    '--rpc-port',
    String(rpcPort),
    '--port',
    String(p2pPort),
    ...QUIET_FLAGS,
    ...extraArgs,
  ];
  const node = await spawnNode({ name, args, rpcPort, ...rest });
  return Object.assign(node, { basePath, p2pPort });
}

/**
 * One validator of the two-validator `--chain local` network (`--alice` or `--bob`).
 * `who` is `alice` or `bob`; each gets a fixed node key (`ALICE_NODE_KEY`, `BOB_NODE_KEY`);
 * give Bob `bootnodes: [aliceBootnode(alicePort)]`.
 */
export async function startValidator({
  who,
  basePath,
  rpcPort,
  p2pPort,
  bootnodes = [],
  nodeKey = who === 'alice' ? ALICE_NODE_KEY : BOB_NODE_KEY,
  extraArgs = [],
  ...rest
}) {
  if (!['alice', 'bob'].includes(who)) throw new Error(`unknown validator ${who}`);
  if (!rpcPort || !p2pPort) [rpcPort, p2pPort] = await freePorts(2);
  const args = [
    '--chain',
    'local',
    `--${who}`,
    '--validator',
    '--base-path',
    basePath,
    '--rpc-port',
    String(rpcPort),
    // Loopback only (`--port` would listen on every interface; the two flags exclude each other).
    '--listen-addr',
    `/ip4/127.0.0.1/tcp/${p2pPort}`,
    '--rpc-cors',
    'all',
    ...QUIET_FLAGS,
    ...(nodeKey ? ['--node-key', nodeKey] : []),
    ...bootnodes.flatMap((b) => ['--bootnodes', b]),
    ...extraArgs,
  ];
  const node = await spawnNode({ name: who, args, rpcPort, ...rest });
  return Object.assign(node, { who, basePath, p2pPort });
}

/** Bootnode address of Alice listening on `p2pPort` of 127.0.0.1. */
export function aliceBootnode(p2pPort) {
  return `/ip4/127.0.0.1/tcp/${p2pPort}/p2p/${ALICE_PEER_ID}`;
}

/** `{ best, bestHash, finalized, finalizedHash }`: the heads of a node, over HTTP JSON-RPC. */
export async function chainHeads(url) {
  const [bestHash, finalizedHash] = await Promise.all([
    rpcResult(url, 'chain_getBlockHash', []),
    rpcResult(url, 'chain_getFinalizedHead', []),
  ]);
  const [bestHeader, finalizedHeader] = await Promise.all([
    rpcResult(url, 'chain_getHeader', [bestHash]),
    rpcResult(url, 'chain_getHeader', [finalizedHash]),
  ]);
  return {
    best: Number(BigInt(bestHeader.number)),
    bestHash,
    finalized: Number(BigInt(finalizedHeader.number)),
    finalizedHash,
  };
}

/**
 * The Aura slot of a block from its header JSON (`chain_getHeader`): the `PreRuntime` digest
 * with engine id `aura` (0x61757261) holds the slot as a SCALE u64. Null when there is none
 * (the genesis block).
 */
export function auraSlot(headerJson) {
  for (const log of headerJson.digest?.logs ?? []) {
    // DigestItem::PreRuntime = 6, engine `aura`, compact length 8 (0x20), u64 little-endian.
    const m = /^0x0661757261 ?20([0-9a-f]{16})$/i.exec(log.replace(/ /g, ''));
    if (m) {
      const bytes = m[1].match(/../g).reverse().join('');
      return BigInt(`0x${bytes}`);
    }
  }
  return null;
}

/**
 * Index of the Aura authority that authored a block: `slot % authorities` (the round-robin of
 * Aura). Null for the genesis block.
 */
export function auraAuthorIndex(headerJson, authorityCount) {
  const slot = auraSlot(headerJson);
  return slot === null ? null : Number(slot % BigInt(authorityCount));
}

/**
 * Memory of a running process from /proc/<pid>/status, in KiB: `{ vmHwmKb, vmRssKb }`
 * (VmHWM is the peak resident set size). Null when /proc is not there or the process is gone.
 */
export function processMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => {
      const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
      return m ? Number(m[1]) : null;
    };
    return { vmHwmKb: field('VmHWM'), vmRssKb: field('VmRSS') };
  } catch {
    return null;
  }
}
