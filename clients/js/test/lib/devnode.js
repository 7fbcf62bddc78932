// Starts `handles-node --dev --sealing manual` for the tests that need a chain, on free ports, with
// a temporary database. The binary is $HANDLES_NODE, else $CARGO_TARGET_DIR/debug/handles-node,
// else $HOME/.cache/handles-target/debug/handles-node. Without a binary those tests skip, unless
// HANDLES_REQUIRE_NODE=1 (CI), which makes them fail.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export function nodeBinary(env = process.env) {
  if (env.HANDLES_NODE) return env.HANDLES_NODE;
  const candidates = [];
  if (env.CARGO_TARGET_DIR) candidates.push(join(env.CARGO_TARGET_DIR, 'debug', 'handles-node'));
  candidates.push(join(homedir(), '.cache', 'handles-target', 'debug', 'handles-node'));
  return candidates.find((p) => existsSync(p)) ?? candidates.at(-1);
}

/** `{ skip: reason }` for node:test when there is no binary and none is required, else `{}`. */
export function nodeTestOptions() {
  const binary = nodeBinary();
  if (existsSync(binary) || process.env.HANDLES_REQUIRE_NODE === '1') return {};
  return { skip: `no handles-node at ${binary} (set HANDLES_NODE, or HANDLES_REQUIRE_NODE=1 to fail instead)` };
}

function freePort() {
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

/** One JSON-RPC request (an object, or an array for a batch) over HTTP; resolves to the parsed response. */
export async function rpc(url, body, { timeoutMs = 60_000 } = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new Error(`JSON-RPC: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** One JSON-RPC call; resolves to its result, rejects with its error. */
export async function rpcCall(url, method, params = []) {
  const res = await rpc(url, { jsonrpc: '2.0', id: 1, method, params });
  if (res.error) throw Object.assign(new Error(`${method}: ${res.error.message}`), { rpcError: res.error });
  return res.result;
}

/**
 * Starts a dev node; resolves to `{ httpUrl, wsUrl, seal(), stop(), logs() }`. `seal()` makes one
 * block with `engine_createBlock(true, true)`.
 */
export async function startDevNode({ startTimeoutMs = 180_000 } = {}) {
  const binary = nodeBinary();
  if (!existsSync(binary)) throw new Error(`handles-node not found at ${binary}: build it, or set HANDLES_NODE`);
  const rpcPort = await freePort();
  let p2pPort = await freePort();
  while (p2pPort === rpcPort) p2pPort = await freePort();
  const args = ['--dev', '--sealing', 'manual', '--tmp', '--rpc-port', String(rpcPort), '--port', String(p2pPort), '--no-prometheus', '--no-telemetry', '--no-mdns'];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const lines = [];
  const keep = (chunk) => {
    lines.push(...chunk.toString().split('\n'));
    if (lines.length > 400) lines.splice(0, lines.length - 400);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));
  const httpUrl = `http://127.0.0.1:${rpcPort}`;
  const logs = () => lines.slice(-40).join('\n');
  const stop = async () => {
    if (!exited) {
      child.kill('SIGINT');
      const timer = setTimeout(kill, 10_000);
      await exit;
      clearTimeout(timer);
    }
    process.off('exit', kill);
  };
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (exited) throw new Error(`handles-node exited before serving RPC (${JSON.stringify(exited)}):\n${logs()}`);
    try {
      if ((await rpc(httpUrl, { jsonrpc: '2.0', id: 1, method: 'system_health', params: [] }, { timeoutMs: 2000 })).result) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`handles-node did not answer on ${httpUrl} within ${startTimeoutMs} ms:\n${logs()}`);
    }
    await sleep(250);
  }
  return {
    httpUrl,
    wsUrl: `ws://127.0.0.1:${rpcPort}`,
    seal: () => rpcCall(httpUrl, 'engine_createBlock', [true, true]),
    stop,
    logs,
  };
}
