// handles-sponsor processes for the tests: the binary's path, starting one beside a node on a free
// port with its own SQLite file, its HTTP API as JSON, and signed claims as a wallet makes them
// (the `<Bytes>`-wrapped message of @handles/client, signed by `walletSign` of ./chain.js).

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

import { signedMessageHex } from '@handles/client';

import { walletSign } from './chain.js';
import { debugBinaryPath, freePort, waitFor } from './node.js';

/** Path of the handles-sponsor binary: `$HANDLES_SPONSOR`, else `handles-sponsor` of the debug build. */
export function sponsorBinaryPath(env = process.env) {
  return env.HANDLES_SPONSOR || debugBinaryPath('handles-sponsor', env);
}

/**
 * Starts `handles-sponsor --url <url> --key <key> --listen 127.0.0.1:<port> --db <db> ...args`
 * and waits until `GET /api/info` answers `readyStatus` (200: connected). Resolves to
 * `{ url, port, db, process, logs(), get(path), post(path, body), stop(), kill() }`;
 * `get`/`post` resolve to `{ status, body, headers }` with the body parsed as JSON when it is.
 * `post` sends a string body as is and anything else as JSON.
 */
export async function startSponsor({ url, key = '//Dave', db, port, args = [], readyMs = 60_000, readyStatus = 200 }) {
  const binary = sponsorBinaryPath();
  if (!existsSync(binary)) throw new Error(`handles-sponsor is missing at ${binary}: build it with bash scripts/build`);
  port ??= await freePort();
  const child = spawn(binary, ['--url', url, '--key', key, '--listen', `127.0.0.1:${port}`, '--db', db, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = [];
  const keep = (chunk) => {
    for (const line of chunk.toString().split('\n')) if (line) lines.push(line);
    if (lines.length > 2000) lines.splice(0, lines.length - 2000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let gone = false;
  exited.then(() => {
    gone = true;
  });
  const base = `http://127.0.0.1:${port}`;
  const request = async (method, path, body) => {
    const init = { method, signal: AbortSignal.timeout(30_000) };
    if (body !== undefined) {
      init.headers = { 'content-type': 'application/json' };
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const res = await fetch(base + path, init);
    const text = await res.text();
    let parsed = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: kept as text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  const sponsor = {
    url: base,
    port,
    db,
    process: child,
    logs: () => lines.slice(),
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    async stop() {
      if (!gone) child.kill('SIGINT');
      return exited;
    },
    async kill() {
      if (!gone) child.kill('SIGKILL');
      return exited;
    },
  };
  try {
    await waitFor(
      async () => {
        if (gone) throw new Error(`handles-sponsor exited: ${lines.slice(-20).join('\n')}`);
        return (await sponsor.get('/api/info')).status === readyStatus;
      },
      { timeoutMs: readyMs, intervalMs: 200, what: 'handles-sponsor to answer' },
    );
  } catch (err) {
    await sponsor.kill();
    throw err;
  }
  return sponsor;
}

/**
 * The body of `POST /claims` for `pair` claiming `payload` (`{ baseHandle, suffix, expiration }`)
 * on the chain `genesisHash`, signed as a wallet signs.
 */
export function claimBody(pair, genesisHash, payload) {
  const message = signedMessageHex(genesisHash, 'create', payload, { unchecked: true });
  return { owner: pair.address, signature: walletSign(pair, message), payload };
}
