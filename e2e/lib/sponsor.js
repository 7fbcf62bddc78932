// handles-sponsor processes for the tests: the binary's path, starting one beside a node on a free
// port with its own SQLite file, its HTTP API as JSON, and signed claims as a wallet makes them
// (the `<Bytes>`-wrapped readable text of @handles/client, signed by `walletSign` of ./chain.js).

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

import { HANDLES_CHAIN_NAME, signedMessageHex, signingMessage } from '@handles/client';

import { SS58_PREFIX, walletSign } from './chain.js';
import { debugBinaryPath, freePort, waitFor } from './node.js';

/** Path of the handles-sponsor binary: `$HANDLES_SPONSOR`, else `handles-sponsor` of the debug build. */
export function sponsorBinaryPath(env = process.env) {
  return env.HANDLES_SPONSOR || debugBinaryPath('handles-sponsor', env);
}

/** Reads per minute the tests allow one client (they poll far faster than a person). */
const TEST_READ_LIMIT = '1000000';

/**
 * Starts `handles-sponsor --url <url> --key <key> --listen 127.0.0.1:<port> --db <db> ...args`
 * (`key: null` gives no --key: the key comes from `env` or `args`; `--read-limit` is raised
 * unless `args` sets it) with `env` added to the environment, and waits until `GET /api/info`
 * answers `readyStatus` (200: connected). Resolves to
 * `{ url, port, db, process, logs(), get(path), post(path, body), stop(), kill() }`;
 * `get`/`post` (and `request(method, path, body, headers)`) resolve to `{ status, body, headers }`
 * with the body parsed as JSON when it is. `post` sends a string body as is and anything else as
 * JSON (`content-type: application/json` unless `headers` says otherwise).
 */
export async function startSponsor({ url, key = '//Dave', db, port, args = [], env = {}, readyMs = 60_000, readyStatus = 200 }) {
  const binary = sponsorBinaryPath();
  if (!existsSync(binary)) throw new Error(`handles-sponsor is missing at ${binary}: build it with bash scripts/build`);
  port ??= await freePort();
  const keyArgs = key === null ? [] : ['--key', key];
  const readArgs = args.includes('--read-limit') ? [] : ['--read-limit', TEST_READ_LIMIT];
  const child = spawn(binary, ['--url', url, ...keyArgs, '--listen', `127.0.0.1:${port}`, '--db', db, ...readArgs, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
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
  const request = async (method, path, body, headers = {}) => {
    const init = { method, signal: AbortSignal.timeout(30_000), headers };
    if (body !== undefined) {
      init.headers = { 'content-type': 'application/json', ...headers };
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
    get: (path, headers) => request('GET', path, undefined, headers),
    post: (path, body, headers) => request('POST', path, body, headers),
    request,
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
 * on the dev chain `genesisHash`, signed as a wallet signs: the readable text (SPEC "Signed
 * payloads (v3)"), or with `legacy` the legacy SCALE message.
 */
export function claimBody(pair, genesisHash, payload, { legacy = false } = {}) {
  const message = legacy
    ? signedMessageHex(genesisHash, 'create', payload, { unchecked: true })
    : signingMessage('create', payload, { name: HANDLES_CHAIN_NAME, genesisHash, ss58Prefix: SS58_PREFIX }).bytes;
  return { owner: pair.address, signature: walletSign(pair, message), payload };
}
