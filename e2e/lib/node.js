// handles-node processes and raw JSON-RPC, without @polkadot/api: the binary's path, free ports,
// temporary folders, starting and stopping nodes (a dev node with `--tmp` or a fixed `--base-path`,
// or any command line), JSON-RPC over HTTP, polling, and the heads and memory of a node. Every node
// is started on free loopback ports; `stop()` and `kill()` end exactly the process that was started
// (by its pid, or its own process group), never anything else. The two-validator network is in
// ./network.js, everything through @polkadot/api in ./chain.js. This module uses Node.js built-ins
// only: the chain tests of @handles/client (clients/js/test/lib/devnode.js) start their node with it.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** `${CARGO_TARGET_DIR:-$HOME/.cache/handles-target}/debug/<name>`: a binary of the debug build. */
export function debugBinaryPath(name, env = process.env) {
  const target = env.CARGO_TARGET_DIR || join(homedir(), '.cache', 'handles-target');
  return join(target, 'debug', name);
}

/** Path of the handles-node binary: `$HANDLES_NODE`, else `handles-node` of the debug build. */
export function nodeBinaryPath(env = process.env) {
  return env.HANDLES_NODE || debugBinaryPath('handles-node', env);
}

/** Path of the `handles` command line (clients/rust): `$HANDLES_CLI`, else `handles` of the debug build. */
export function cliBinaryPath(env = process.env) {
  return env.HANDLES_CLI || debugBinaryPath('handles', env);
}

/** Path of the Chromium the browser tests drive: `$CHROMIUM`, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(env = process.env) {
  return env.CHROMIUM || '/usr/bin/chromium';
}

/** Flags every test node gets: no Prometheus, telemetry or mDNS. */
export const QUIET_FLAGS = ['--no-prometheus', '--no-telemetry', '--no-mdns'];

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

/** `n` distinct free ports (default 2: RPC and P2P). */
export async function freePorts(n = 2) {
  const ports = new Set();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

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

/**
 * One JSON-RPC request over HTTP: `body` is a request object, or an array of them (a batch).
 * Resolves to the parsed response; rejects on an HTTP error, or after `timeoutMs` (0: no limit).
 */
export async function rpc(url, body, { timeoutMs = 60_000 } = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...(timeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : {}),
  });
  if (!res.ok) throw new Error(`${body.method ?? 'JSON-RPC'}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** One JSON-RPC call over HTTP; resolves to the whole response object (`result` or `error`). */
export function rpcResponse(url, method, params = [], opts) {
  return rpc(url, { jsonrpc: '2.0', id: 1, method, params }, opts);
}

/**
 * One JSON-RPC call over HTTP; resolves to its `result`. An error response throws an Error with
 * the node's message, its `code` and the whole error object as `rpcError`.
 */
export async function rpcCall(url, method, params = [], opts) {
  const res = await rpcResponse(url, method, params, opts);
  if (res.error) {
    throw Object.assign(new Error(`${method}: ${res.error.message} (code ${res.error.code})`), {
      code: res.error.code,
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
 * Starts a development node, `handles-node --dev --sealing <sealing>` (default `manual`; null leaves
 * the flag out, for the node's own default), and waits until its JSON-RPC answers. Its database is
 * temporary (`--tmp`), or on the FIXED `basePath` when given (it survives restarts: give the same
 * `rpcPort`/`p2pPort` to restart it where it was, or leave them out for free ones). `extraArgs`
 * come last. Resolves to the handle of {@link spawnNode} plus `basePath` and `p2pPort`; other
 * options (`binary`, `startTimeoutMs`, ...) go to spawnNode.
 */
export async function startDevNode({
  sealing = 'manual',
  basePath = null,
  rpcPort,
  p2pPort,
  extraArgs = [],
  name = 'dev node',
  ...rest
} = {}) {
  if (!rpcPort || !p2pPort) [rpcPort, p2pPort] = await freePorts(2);
  const args = [
    '--dev',
    ...(sealing ? ['--sealing', sealing] : []),
    ...(basePath ? ['--base-path', basePath] : ['--tmp']),
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
      const res = await rpcResponse(httpUrl, 'system_health', [], { timeoutMs: 2000 });
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

/** `{ best, bestHash, finalized, finalizedHash }`: the heads of a node, over HTTP JSON-RPC. */
export async function chainHeads(url) {
  const [bestHash, finalizedHash] = await Promise.all([
    rpcCall(url, 'chain_getBlockHash', []),
    rpcCall(url, 'chain_getFinalizedHead', []),
  ]);
  const [bestHeader, finalizedHeader] = await Promise.all([
    rpcCall(url, 'chain_getHeader', [bestHash]),
    rpcCall(url, 'chain_getHeader', [finalizedHash]),
  ]);
  return {
    best: Number(BigInt(bestHeader.number)),
    bestHash,
    finalized: Number(BigInt(finalizedHeader.number)),
    finalizedHash,
  };
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

/**
 * A node of `--chain dev-scale-N` (N synthetic handles made at genesis) with manual sealing, its
 * database at `basePath`, room for many RPC clients, and an hour to answer (a million handles'
 * genesis takes minutes); `options` go to {@link startDevNode}.
 */
export function startScaleNode(n, basePath, options = {}) {
  return startDevNode({
    sealing: 'manual',
    basePath,
    extraArgs: ['--chain', `dev-scale-${n}`, '--rpc-max-connections', '1000'],
    startTimeoutMs: 3_600_000,
    ...options,
  });
}
