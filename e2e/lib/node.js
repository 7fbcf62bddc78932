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
 * answers. Resolves to the handle of `spawnNode` (`rpcPort`, `httpUrl`, `wsUrl`, `process`, `logs()`,
 * `stop()`, `kill()`, ...). Rejects at once when the binary is missing, and with the node's last log lines when it exits
 * or does not answer within `startTimeoutMs`.
 */
export async function startDevNode({
  binary = nodeBinaryPath(),
  sealing = 'manual',
  extraArgs = [],
  startTimeoutMs = Number(process.env.HANDLES_NODE_START_TIMEOUT_MS || 180_000),
} = {}) {
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
  return spawnNode({ name: 'dev node', binary, args, rpcPort, startTimeoutMs });
}

/**
 * Starts `binary args...` and waits until its JSON-RPC answers `system_health` on `rpcPort`.
 * `args` must contain the node's `--rpc-port rpcPort`. Resolves to a handle:
 * `{ name, pid, process, args, rpcPort, httpUrl, wsUrl, logs(), exited(), stop(), kill() }`.
 * - `stop({ signal = 'SIGINT', graceMs = 15000 })`: sends `signal`, SIGKILL after `graceMs`,
 *   resolves to `{ code, signal }` once the process has exited;
 * - `kill()`: SIGKILL at once, resolves when the process has exited.
 * `binary` may also be a command that ends up running the node, such as `bash` with
 * `args = ['scripts/node', ...]` (found on PATH when it has no `/`; `cwd` is its working
 * directory): with `group: true` it gets a process group of its own, and `stop()`/`kill()` signal
 * that group (whatever the command started, e.g. cargo, ends with it).
 * Rejects at once when the binary is missing, and with the node's last log lines when the node
 * exits or does not answer within `startTimeoutMs` (then the process is killed).
 */
export async function spawnNode({
  name = 'node',
  binary = nodeBinaryPath(),
  args,
  rpcPort,
  cwd,
  group = false,
  startTimeoutMs = Number(process.env.HANDLES_NODE_START_TIMEOUT_MS || 180_000),
  keepLines = 600,
}) {
  if (binary.includes('/') && !existsSync(binary)) {
    throw new Error(
      `handles-node binary not found at ${binary}: build it (bash scripts/build) ` +
        'or set HANDLES_NODE to its path',
    );
  }
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd, detached: group });
  const signalChild = (sig) => {
    if (!group) return child.kill(sig);
    try {
      process.kill(-child.pid, sig);
    } catch {
      // the group is gone already
    }
  };
  // Never leave a node behind, even when the test process ends without calling stop().
  const killOnExit = () => signalChild('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  const lines = [];
  const push = (line) => {
    if (line) lines.push(line);
    if (lines.length > keepLines) lines.splice(0, lines.length - keepLines);
  };
  // Whole lines only: a chunk may end in the middle of one, which waits for the next chunk.
  const keep = (stream) => {
    let partial = '';
    stream.on('data', (chunk) => {
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop();
      parts.forEach(push);
    });
    stream.on('end', () => push(partial));
  };
  keep(child.stdout);
  keep(child.stderr);
  let exitInfo = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolve(exitInfo);
    });
    child.on('error', (error) => {
      exitInfo = { error: error.message };
      resolve(exitInfo);
    });
  });
  const httpUrl = `http://127.0.0.1:${rpcPort}`;
  const wsUrl = `ws://127.0.0.1:${rpcPort}`;
  const logs = (n = lines.length) => lines.slice(-n).join('\n');

  async function stop({ signal = 'SIGINT', graceMs = 15_000 } = {}) {
    if (exitInfo) return exitInfo;
    signalChild(signal);
    const timer = setTimeout(() => {
      if (!exitInfo) signalChild('SIGKILL');
    }, graceMs);
    const result = await exitPromise;
    clearTimeout(timer);
    return result;
  }

  const handle = {
    name,
    binary,
    args,
    pid: child.pid,
    process: child,
    rpcPort,
    httpUrl,
    wsUrl,
    logs,
    exited: () => exitInfo,
    exitPromise,
    stop,
    kill: () => stop({ signal: 'SIGKILL', graceMs: 0 }),
  };

  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (exitInfo) {
      throw new Error(
        `${name}: handles-node (${binary} ${args.join(' ')}) exited before serving RPC: ` +
          `${JSON.stringify(exitInfo)}\n--- last log lines ---\n${logs(40)}`,
      );
    }
    try {
      const res = await rpcCall(httpUrl, 'system_health', [], { timeoutMs: 2000 });
      if (res.result) return handle;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await handle.kill();
      throw new Error(
        `${name}: handles-node did not answer on ${httpUrl} within ${startTimeoutMs} ms` +
          `\n--- last log lines ---\n${logs(40)}`,
      );
    }
    await sleep(250);
  }
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
 * Signs and sends `tx` with `signer` (`options` go to `signAndSend`, e.g. `{ nonce: -1 }`) without
 * making a block. Resolves, once the pool took it, to `{ included }`: a promise of
 * `{ blockHash, blockNumber, events, dispatchError }` once a block includes it, where `events` are
 * the extrinsic's events and `dispatchError` the raw `DispatchError` or null. `included` rejects
 * when the pool drops the extrinsic or after `timeoutMs`. Blocks made with finalize = true may take
 * it from Ready straight to Finalized, so both statuses count.
 */
export async function sendExtrinsic(api, tx, signer, { timeoutMs = 60_000, options = {} } = {}) {
  let settle;
  let fail;
  const included = new Promise((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const timer = setTimeout(() => fail(new Error('extrinsic not included in time')), timeoutMs);
  let unsub;
  try {
    unsub = await tx.signAndSend(signer, options, (result) => {
      const { status, events, dispatchError } = result;
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        fail(new Error(`extrinsic ${status.type}`));
      } else if (status.isInBlock || status.isFinalized) {
        settle({
          blockHash: (status.isInBlock ? status.asInBlock : status.asFinalized).toHex(),
          events: events.map(({ event }) => event),
          dispatchError: dispatchError ?? null,
        });
      }
    });
  } catch (err) {
    clearTimeout(timer);
    throw err;
  }
  const done = included
    .then(async (out) => {
      const header = await api.rpc.chain.getHeader(out.blockHash);
      return { ...out, blockNumber: header.number.toNumber() };
    })
    .finally(() => {
      clearTimeout(timer);
      unsub();
    });
  done.catch(() => {}); // observed by the caller
  return { included: done };
}

/**
 * Signs and submits `tx` with `signer`, seals a block, and resolves once the extrinsic is in a
 * block: `{ blockHash, blockNumber, events, dispatchError }` where `events` are the extrinsic's
 * events (`{ section, method, data }` records) and `dispatchError` is a readable string or null.
 */
export async function submitAndSeal(api, tx, signer, { timeoutMs = 60_000 } = {}) {
  const { included } = await sendExtrinsic(api, tx, signer, { timeoutMs });
  // The extrinsic is in the pool once signAndSend resolved: make the block that includes it.
  await sealBlock(api);
  const out = await included;
  return {
    ...out,
    dispatchError: out.dispatchError ? describeDispatchError(api, out.dispatchError) : null,
  };
}

/** `Module.Error: docs` for module errors, else the error's string form. */
export function describeDispatchError(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name, docs } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}: ${docs.join(' ')}`;
  }
  return dispatchError.toString();
}
