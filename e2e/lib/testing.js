// What the test files share on top of ./chain.js: the dev chain of a test file as a node:test
// fixture (started in `before`, stopped in `after`), and the checks of a submission's outcome.

import assert from 'node:assert/strict';
import { after, before } from 'node:test';

import { seal, startChain } from './chain.js';

/**
 * The dev chain of a test file (or of a `describe` block), in one call. Registers a node:test
 * `before` hook (time limit `timeout`) that runs `prepare()`, starts the chain ({@link startChain}
 * with the other `options`, and what `prepare` returned), makes `blocks` blocks and runs
 * `setup(ctx)`; and an `after` hook that runs `teardown(ctx)`, then stops the chain. Returns `ctx`,
 * which `before` fills with what startChain resolves to: `{ node, api, keyring, alice, bob,
 * charlie, dave, rpc, rpcRaw, stop }`.
 */
export function useChain({ blocks = 0, prepare, setup, teardown, timeout = 240_000, ...options } = {}) {
  const ctx = {};
  before(async () => {
    const prepared = (await prepare?.()) ?? {};
    Object.assign(ctx, await startChain({ ...options, ...prepared }));
    if (blocks > 0) await seal(ctx.api, blocks);
    await setup?.(ctx);
  }, { timeout });
  after(async () => {
    try {
      await teardown?.(ctx);
    } finally {
      await ctx.stop?.();
    }
  });
  return ctx;
}

/**
 * Asserts that a submission succeeded: the result of `submit`, `send`, `sudo` or `councilMotion`
 * of ./chain.js has no dispatch error (`error`) and, for sudo and council motions, the call itself
 * none either (`inner`). `what` names the submission in the failure message.
 */
export function assertOk(res, what) {
  for (const key of ['error', 'inner']) {
    if (!(key in res)) continue;
    const text = res[key]?.text;
    assert.equal(res[key], null, what ? `${what}: ${text}` : text);
  }
}

/** Asserts that a submission failed with the dispatch error `name` (and `reason`, when given). */
export function assertFails(res, name, reason = null) {
  assert.ok(res.error, `expected ${name}, the call succeeded`);
  assert.equal(res.error.name, name, res.error.text);
  if (reason) assert.equal(res.error.reason, reason, res.error.text);
}
