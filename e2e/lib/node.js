// Start and stop a `handles-node --dev --sealing manual` for tests, make blocks on demand, and
// submit extrinsics. Payload helpers are re-exported from ./payload.js.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export * from './payload.js';

/**
 * Path of the handles-node binary: `$HANDLES_NODE`, else
 * `${CARGO_TARGET_DIR:-$HOME/.cache/handles-target}/debug/handles-node`.
 */
export function nodeBinaryPath(env = process.env) {
  if (env.HANDLES_NODE) return env.HANDLES_NODE;
  const target = env.CARGO_TARGET_DIR || join(homedir(), '.cache', 'handles-target');
  return join(target, 'debug', 'handles-node');
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** One JSON-RPC call over HTTP; resolves to the whole response object (`result` or `error`). */
export async function rpcCall(url, method, params = [], { timeoutMs = 10_000 } = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new Error(`${method}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * Starts `handles-node --dev --sealing manual --tmp` on free ports and waits until its JSON-RPC
 * answers. Resolves to `{ rpcPort, httpUrl, wsUrl, process, logs(), stop() }`.
 * Rejects at once when the binary is missing, and with the node's last log lines when it exits
 * or does not answer within `startTimeoutMs`.
 */
export async function startDevNode({
  binary = nodeBinaryPath(),
  sealing = 'manual',
  extraArgs = [],
  startTimeoutMs = Number(process.env.HANDLES_NODE_START_TIMEOUT_MS || 180_000),
} = {}) {
  if (!existsSync(binary)) {
    throw new Error(
      `handles-node binary not found at ${binary}: build it (cargo build -p handles-node) ` +
        'or set HANDLES_NODE to its path',
    );
  }
  const rpcPort = await freePort();
  let p2pPort = await freePort();
  while (p2pPort === rpcPort) p2pPort = await freePort();
  const args = [
    '--dev',
    '--sealing',
    sealing,
    '--tmp',
    '--rpc-port',
    String(rpcPort),
    '--port',
    String(p2pPort),
    '--no-prometheus',
    '--no-telemetry',
    '--no-mdns',
    ...extraArgs,
  ];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // Never leave a node behind, even when the test process ends without calling stop().
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  const lines = [];
  const keep = (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      if (line) lines.push(line);
    }
    if (lines.length > 400) lines.splice(0, lines.length - 400);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
    child.on('error', (err) => {
      exited = { error: err };
      resolve(exited);
    });
  });
  const logs = () => lines.join('\n');
  const httpUrl = `http://127.0.0.1:${rpcPort}`;
  const wsUrl = `ws://127.0.0.1:${rpcPort}`;

  async function stop() {
    if (exited) return exited;
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const result = await exitPromise;
    clearTimeout(timer);
    return result;
  }

  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (exited) {
      throw new Error(
        `handles-node (${binary} ${args.join(' ')}) exited before serving RPC: ` +
          `${JSON.stringify(exited)}\n--- last log lines ---\n${lines.slice(-40).join('\n')}`,
      );
    }
    try {
      const res = await rpcCall(httpUrl, 'system_health', [], { timeoutMs: 2000 });
      if (res.result) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `handles-node did not answer on ${httpUrl} within ${startTimeoutMs} ms` +
          `\n--- last log lines ---\n${lines.slice(-40).join('\n')}`,
      );
    }
    await sleep(250);
  }
  return { binary, args, rpcPort, httpUrl, wsUrl, process: child, logs, stop };
}

/**
 * Makes one block with manual sealing: `engine_createBlock(createEmpty, finalize, parentHash)`.
 * Resolves to the new block's hash (0x hex). Without `parentHash` the parameter is left out, which
 * the node reads as `null` (build on the best block); polkadot.js would turn an explicit `null` for
 * an optional `BlockHash` into the zero hash.
 */
export async function sealBlock(api, { createEmpty = true, finalize = true, parentHash = null } = {}) {
  const created = parentHash
    ? await api.rpc.engine.createBlock(createEmpty, finalize, parentHash)
    : await api.rpc.engine.createBlock(createEmpty, finalize);
  return created.blockHash.toHex();
}

/** Makes `n` blocks; resolves to the last hash. */
export async function sealBlocks(api, n, opts) {
  let hash;
  for (let i = 0; i < n; i++) hash = await sealBlock(api, opts);
  return hash;
}

/**
 * Signs and submits `tx` with `signer`, seals a block, and resolves once the extrinsic is in a
 * block: `{ blockHash, blockNumber, events, dispatchError }` where `events` are the extrinsic's
 * events (`{ section, method, data }` records) and `dispatchError` is a readable string or null.
 */
export async function submitAndSeal(api, tx, signer, { timeoutMs = 60_000 } = {}) {
  let unsub;
  let settle;
  let fail;
  const included = new Promise((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  unsub = await tx.signAndSend(signer, (result) => {
    const { status, events, dispatchError } = result;
    if (status.isInvalid || status.isDropped || status.isUsurped) {
      fail(new Error(`extrinsic ${status.type}`));
    } else if (status.isInBlock || status.isFinalized) {
      settle({
        blockHash: (status.isInBlock ? status.asInBlock : status.asFinalized).toHex(),
        events: events.map(({ event }) => event),
        dispatchError: dispatchError ? describeDispatchError(api, dispatchError) : null,
      });
    }
  });
  // The extrinsic is in the pool once signAndSend resolved: make the block that includes it.
  await sealBlock(api);
  let timer;
  try {
    const out = await Promise.race([
      included,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('extrinsic not included in time')), timeoutMs);
      }),
    ]);
    const header = await api.rpc.chain.getHeader(out.blockHash);
    return { ...out, blockNumber: header.number.toNumber() };
  } finally {
    clearTimeout(timer);
    unsub?.();
  }
}

/** `Module.Error: docs` for module errors, else the error's string form. */
export function describeDispatchError(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name, docs } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}: ${docs.join(' ')}`;
  }
  return dispatchError.toString();
}
