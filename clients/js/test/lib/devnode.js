// The dev node of the tests that need a chain: `handles-node --dev --sealing manual` on free ports
// with a temporary database, started by the launcher of the end-to-end tests (e2e/lib/node.js,
// Node.js built-ins only), with JSON-RPC over HTTP from there too. The binary is $HANDLES_NODE, else
// $CARGO_TARGET_DIR/debug/handles-node, else $HOME/.cache/handles-target/debug/handles-node.
// Without a binary those tests skip, unless HANDLES_REQUIRE_NODE=1 (CI), which makes them fail.

import { existsSync } from 'node:fs';
import { after, before } from 'node:test';

import { cryptoWaitReady } from '@polkadot/util-crypto';

import { nodeBinaryPath, rpc, rpcCall, startDevNode as startNode } from '../../../../e2e/lib/node.js';

export { rpc, rpcCall };

/** The handles-node binary: the first of the paths above that exists, else the last. */
export function nodeBinary(env = process.env) {
  const configured = nodeBinaryPath(env);
  if (env.HANDLES_NODE || existsSync(configured)) return configured;
  return nodeBinaryPath({ ...env, CARGO_TARGET_DIR: '' });
}

/** `{ skip: reason }` for node:test when there is no binary and none is required, else `{}`. */
export function nodeTestOptions() {
  const binary = nodeBinary();
  if (existsSync(binary) || process.env.HANDLES_REQUIRE_NODE === '1') return {};
  return { skip: `no handles-node at ${binary} (set HANDLES_NODE, or HANDLES_REQUIRE_NODE=1 to fail instead)` };
}

/**
 * Starts a dev node (`startDevNode(options)` of e2e/lib/node.js with the binary above); resolves to
 * its handle (`httpUrl`, `wsUrl`, `stop()`, `logs()`, ...) plus `seal()`, which makes one block
 * with `engine_createBlock(true, true)`.
 */
export async function startDevNode(options = {}) {
  const node = await startNode({ binary: nodeBinary(), ...options });
  return Object.assign(node, { seal: () => rpcCall(node.httpUrl, 'engine_createBlock', [true, true]) });
}

/**
 * The dev node of a test file, in one call: registers a node:test `before` hook that waits for the
 * crypto Wasm, starts the node and runs `setup(fixture)`, and an `after` hook that runs
 * `teardown(fixture)` and stops the node. Returns the fixture `{ options, node }`: `options` are
 * {@link nodeTestOptions}, for the tests (nothing starts when they skip); `before` sets `node`.
 */
export function useDevNode({ setup, teardown } = {}) {
  const fixture = { options: nodeTestOptions(), node: undefined };
  before(async () => {
    if (fixture.options.skip) return;
    await cryptoWaitReady();
    fixture.node = await startDevNode();
    await setup?.(fixture);
  });
  after(async () => {
    await teardown?.(fixture);
    await fixture.node?.stop();
  });
  return fixture;
}
