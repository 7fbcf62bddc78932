// The README's node commands, run as written so that they cannot rot: the dev node command of the
// top block (`bash scripts/setup && bash scripts/node --dev`) and the two "by hand" validator
// commands of "The two-validator local network". The commands are read from README.md's code
// blocks, so editing the README changes what is tested. Changes made to run them here:
// - `bash scripts/setup &&` is left out (scripts/test and CI ran it; running it again would
//   reinstall the npm packages this test runs from);
// - every port (`--port`, `--rpc-port`, `--prometheus-port`, `/tcp/N` in addresses) is swapped for
//   a free one, consistently within a block, and `--rpc-port`/`--port` are added with free ports
//   when absent; `--base-path` folders are swapped for temporary ones.
// The commands go through scripts/node, which runs scripts/build first: the build is done already
// (scripts/test built it), so the test also checks that scripts/node rebuilt nothing. With
// HANDLES_NODE set, scripts/node runs that binary without building (for a tree being edited while
// the tests run) and that check is skipped.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { u8aToString } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { bestNumber, connectApi, freshPair, send, signedCall } from '../lib/chain.js';
import { chainHeads, freePorts, nodeBinaryPath, rpcCall, spawnNode, tempDir, waitFor } from '../lib/node.js';
import { assertOk } from '../lib/testing.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** HANDLES_NODE, which scripts/node then runs without building. */
const PINNED = process.env.HANDLES_NODE || null;
/** The binary scripts/node runs (the one scripts/build makes, unless pinned). */
const BUILT_NODE = nodeBinaryPath();

/** The ```sh blocks of a Markdown text: `{ body, offset }`. */
function shBlocks(md) {
  const blocks = [];
  const re = /^```sh\n([\s\S]*?)^```$/gm;
  for (let m; (m = re.exec(md)); ) blocks.push({ body: m[1], offset: m.index });
  return blocks;
}

/** The commands of a shell block: continuation lines joined, comments and empty lines dropped. */
function commandsOf(body) {
  return body
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean);
}

/** The first ```sh block after `marker` (a text of the README, searched from `from`). */
function blockAfter(marker, from = 0) {
  const at = README.indexOf(marker, from);
  assert.ok(at >= 0, `README.md has no "${marker}"`);
  const block = shBlocks(README).find((b) => b.offset > at);
  assert.ok(block, `README.md has no sh block after "${marker}"`);
  return block.body;
}

/**
 * A README command as `{ text, binary, args }` to spawn from the repository root: the prefix
 * `bash scripts/setup &&` is dropped; only plain words are understood (no quotes, pipes,
 * redirections or variables), so a command this test cannot run as written fails here.
 */
function parseCommand(text) {
  const parts = text.split('&&').map((p) => p.trim());
  const last = parts.pop();
  for (const p of parts) {
    assert.equal(p, 'bash scripts/setup', `README command "${text}": unknown step "${p}"`);
  }
  assert.doesNotMatch(last, /["'`$|;<>()*]/, `README command "${text}" is not plain words`);
  const [cmd, ...args] = last.split(/\s+/);
  if (cmd === 'handles-node') return { text, binary: nodeBinaryPath(), args };
  assert.equal(cmd, 'bash', `README command "${text}" starts neither with bash nor handles-node`);
  return { text, binary: 'bash', args };
}

const PORT_FLAGS = ['--port', '--rpc-port', '--prometheus-port'];

/**
 * The commands of one block with their ports swapped for free ones (one new port per port number,
 * across the block, so that Bob's bootnode follows Alice's `--port`) and base paths moved into
 * `dir`. Adds `--rpc-port` and `--port` with free ports where absent. Each gets `rpcPort`.
 */
async function onFreePorts(commands, dir) {
  const used = new Set();
  const fresh = async () => {
    for (;;) {
      const [p] = await freePorts(1);
      if (!used.has(p)) {
        used.add(p);
        return p;
      }
    }
  };
  const ports = new Map(); // README port -> free port
  const mapPort = async (n) => {
    if (!ports.has(n)) ports.set(n, await fresh());
    return ports.get(n);
  };
  const out = [];
  for (const command of commands) {
    const args = [];
    for (const [i, arg] of command.args.entries()) {
      const prev = command.args[i - 1];
      let word = arg;
      if (PORT_FLAGS.includes(prev)) {
        word = String(await mapPort(word));
      } else if (prev === '--base-path') {
        word = join(dir, basename(word));
      } else {
        for (const [, n] of arg.matchAll(/\/tcp\/(\d+)/g)) {
          word = word.replace(`/tcp/${n}`, `/tcp/${await mapPort(n)}`);
        }
      }
      args.push(word);
    }
    if (!args.includes('--rpc-port')) args.push('--rpc-port', String(await fresh()));
    if (!args.includes('--port') && !args.includes('--listen-addr')) {
      args.push('--port', String(await fresh()));
    }
    out.push({ ...command, args, rpcPort: Number(args[args.indexOf('--rpc-port') + 1]) });
  }
  return out;
}

/** Starts a README command from the repository root (in a process group of its own). */
async function run(command, name) {
  const t0 = Date.now();
  const node = await spawnNode({
    name,
    binary: command.binary,
    args: command.args,
    rpcPort: command.rpcPort,
    cwd: ROOT,
    group: true,
  });
  console.log(`${name}: \`${command.binary} ${command.args.join(' ')}\` answered JSON-RPC after ${Date.now() - t0} ms`);
  return node;
}

/** The JSON the README documents for `rpc handles_getSettings '[]'`, or null. */
function documentedSettings() {
  const m = /^rpc handles_getSettings '\[\]'\n# (\{.*\})$/m.exec(README);
  return m ? JSON.parse(m[1]) : null;
}

async function checkSettings(url) {
  const settings = await rpcCall(url, 'handles_getSettings');
  const documented = documentedSettings();
  if (documented) {
    assert.deepEqual(settings, documented, 'handles_getSettings answers what the README shows');
  } else {
    assert.ok(settings.suffixMin <= settings.suffixMax, JSON.stringify(settings));
  }
}

let builtAt; // mtime of the built handles-node before the commands ran

before(() => {
  assert.ok(
    existsSync(BUILT_NODE),
    `${BUILT_NODE} not built: run bash scripts/build first (this test runs the README's ` +
      'commands against the build scripts/test made, and does not build one itself)',
  );
  builtAt = statSync(BUILT_NODE).mtimeMs;
});

describe('README: the dev node command', { timeout: 300_000 }, () => {
  let command;
  let node;

  before(async () => {
    const top = commandsOf(blockAfter('# Handles'));
    command = parseCommand(top.find((c) => /scripts\/node|handles-node/.test(c)) ?? 'no node command');
    const [prepared] = await onFreePorts([command], '/nonexistent');
    node = await run(prepared, 'dev node');
  }, { timeout: 240_000 });

  after(async () => {
    await node?.stop({ graceMs: 10_000 });
  });

  test('the command runs a development chain', () => {
    // `bash scripts/node` alone runs `--dev` too.
    assert.ok(command.args.includes('--dev') || command.args.length === 1, command.text);
  });

  test('its first lines give the JSON-RPC URL and a polkadot.js Apps link', async () => {
    const p = node.rpcPort;
    const rpcText = `JSON-RPC: http://127.0.0.1:${p} and ws://127.0.0.1:${p}`;
    const appsText = `polkadot.js Apps: https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A${p}#/explorer`;
    // The server may answer a moment before the node has logged the lines.
    await waitFor(() => node.logs().includes(appsText), { timeoutMs: 10_000, intervalMs: 100, what: 'the banner' })
      .catch(() => {});
    const lines = node.logs().split('\n');
    const first = lines.findIndex((l) => l.includes('Handles Node'));
    assert.ok(first >= 0, `no start-up line in\n${lines.slice(0, 40).join('\n')}`);
    const mine = lines.slice(first, first + 30);
    const rpcLine = mine.findIndex((l) => l.includes(rpcText));
    const appsLine = mine.findIndex((l) => l.includes(appsText));
    assert.ok(rpcLine >= 0 && appsLine >= 0, `no banner in the first 30 lines:\n${mine.join('\n')}`);
    console.log(`banner on lines ${rpcLine + 1} and ${appsLine + 1} of the node's output`);
  });

  test('it makes blocks and finalizes them', async () => {
    const heads = await waitFor(
      async () => {
        const h = await chainHeads(node.httpUrl);
        return h.best >= 2 && h.finalized >= 2 && h;
      },
      { timeoutMs: 60_000, what: 'two finalized blocks on the dev node' },
    );
    assert.ok(heads.finalized <= heads.best);
  });

  test('it answers handles_getSettings', async () => {
    await checkSettings(node.httpUrl);
  });

  test('Ctrl-C (SIGINT) stops it cleanly', async () => {
    const exit = await node.stop({ signal: 'SIGINT', graceMs: 20_000 });
    assert.deepEqual(exit, { code: 0, signal: null }, node.logs(20));
  });
});

describe('README: the two validators by hand', { timeout: 400_000 }, () => {
  let commands;
  let dir;
  let alice;
  let bob;
  let api;

  before(async () => {
    await cryptoWaitReady();
    const section = README.indexOf('### The two-validator local network');
    assert.ok(section >= 0, 'README.md has no section "The two-validator local network"');
    commands = commandsOf(blockAfter('By hand', section)).map(parseCommand);
    assert.equal(commands.length, 2, `two commands by hand, got ${JSON.stringify(commands.map((c) => c.text))}`);
    dir = tempDir('handles-readme-');
    const [a, b] = await onFreePorts(commands, dir.path);
    alice = await run(a, 'alice');
    bob = await run(b, 'bob');
    api = await connectApi(alice.wsUrl);
  }, { timeout: 300_000 });

  after(async () => {
    await api?.disconnect().catch(() => {});
    await Promise.all([bob?.stop({ graceMs: 10_000 }), alice?.stop({ graceMs: 10_000 })]);
    dir?.remove();
  });

  test('the commands are validators Alice and Bob of --chain local, each with a node key', () => {
    const [a, b] = commands;
    for (const [c, who] of [
      [a, '--alice'],
      [b, '--bob'],
    ]) {
      for (const flag of [who, '--validator', '--node-key']) assert.ok(c.args.includes(flag), `${flag} in ${c.text}`);
      assert.equal(c.args[c.args.indexOf('--chain') + 1], 'local', c.text);
    }
    assert.ok(b.args.includes('--bootnodes'), b.text);
  });

  test('they peer, author blocks and finalize the same chain', async () => {
    for (const node of [alice, bob]) {
      await waitFor(async () => (await rpcCall(node.httpUrl, 'system_health')).peers >= 1, {
        timeoutMs: 60_000,
        what: `${node.name} to have a peer`,
      });
    }
    const heads = await waitFor(
      async () => {
        const [h1, h2] = await Promise.all([chainHeads(alice.httpUrl), chainHeads(bob.httpUrl)]);
        return h1.finalized >= 2 && h2.finalized >= 2 && [h1, h2];
      },
      { timeoutMs: 120_000, intervalMs: 1000, what: 'finality on both validators' },
    );
    const n = Math.min(heads[0].finalized, heads[1].finalized);
    assert.equal(
      await rpcCall(alice.httpUrl, 'chain_getBlockHash', [n]),
      await rpcCall(bob.httpUrl, 'chain_getBlockHash', [n]),
      `both finalized the same block ${n}`,
    );
  });

  test('both answer handles_getSettings', async () => {
    await checkSettings(alice.httpUrl);
    await checkSettings(bob.httpUrl);
  });

  test('a handle created through Alice resolves through Bob at his finalized block', async () => {
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const charlie = keyring.addFromUri('//Charlie');
    const owner = freshPair();
    const base = 'Readme';
    const { available } = await rpcCall(alice.httpUrl, 'handles_getSuffixOptions', [base]);
    assert.ok(available.length > 0);
    const suffix = available[0];
    const display = `${base}.${suffix}`;
    const best = await bestNumber(api);
    const payload = { baseHandle: base, suffix, expiration: best + 100 };
    const { included } = await send(api, await signedCall(api, 'create', owner, payload), charlie, { timeoutMs: 90_000 });
    const out = await included;
    assertOk(out);
    const ev = out.events.find((e) => e.section === 'handles' && e.method === 'MsaCreatedWithHandle');
    assert.ok(ev, `MsaCreatedWithHandle in ${out.events.map((e) => `${e.section}.${e.method}`)}`);
    assert.equal(u8aToString(ev.data[2].toU8a(true)), display);
    const msaId = ev.data[0].toNumber();
    const resolved = await waitFor(
      async () => {
        const h = await chainHeads(bob.httpUrl);
        return h.finalized >= out.blockNumber && rpcCall(bob.httpUrl, 'handles_getMsaForHandle', [display, h.finalizedHash]);
      },
      { timeoutMs: 90_000, intervalMs: 1000, what: `${display} at Bob's finalized block` },
    );
    assert.deepEqual(resolved, { msaId, owner: owner.address, handle: display });
  });
});

test('the README commands ran the build scripts/test made (handles-node not rebuilt)', { skip: PINNED ? 'HANDLES_NODE is set: nothing was built' : false }, () => {
  assert.equal(statSync(BUILT_NODE).mtimeMs, builtAt, `${BUILT_NODE} changed while the commands ran`);
});
