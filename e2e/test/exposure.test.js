// What the node exposes: `engine_*` (make and finalize blocks) only with manual sealing, and
// sealing modes only on development chains.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { ALICE_NODE_KEY } from '../lib/network.js';
import { QUIET_FLAGS, freePort, rpcResponse, spawnNode, startDevNode, waitFor } from '../lib/node.js';

describe('node exposure', { timeout: 300_000 }, () => {
  test('interval sealing (the default --dev mode) serves no engine_* methods; blocks still come', async () => {
    const node = await startDevNode({ sealing: '500' });
    try {
      for (const [method, params] of [['engine_createBlock', [true, true]], ['engine_finalizeBlock', ['0x' + '00'.repeat(32)]]]) {
        const res = await rpcResponse(node.httpUrl, method, params);
        assert.equal(res.error?.code, -32601, `${method}: ${JSON.stringify(res)}`);
      }
      await waitFor(async () => {
        const header = (await rpcResponse(node.httpUrl, 'chain_getHeader', [])).result;
        return Number.parseInt(header.number, 16) >= 2;
      }, { what: 'two blocks by the timer', timeoutMs: 60_000 });
    } finally {
      await node.stop();
    }
  });

  test('manual sealing serves engine_createBlock', async () => {
    const node = await startDevNode({ sealing: 'manual' });
    try {
      const res = await rpcResponse(node.httpUrl, 'engine_createBlock', [true, true]);
      assert.match(res.result?.hash ?? "", /^0x[0-9a-f]{64}$/, JSON.stringify(res));
    } finally {
      await node.stop();
    }
  });

  test('--sealing on a chain that is not a development chain is refused at start', async () => {
    const rpcPort = await freePort();
    const args = ['--chain', 'local', '--alice', '--tmp', '--node-key', ALICE_NODE_KEY, '--sealing', 'manual', '--rpc-port', String(rpcPort), '--port', String(await freePort()), ...QUIET_FLAGS];
    await assert.rejects(spawnNode({ name: 'sealed local chain', args, rpcPort, startTimeoutMs: 60_000 }), /only for development chains/);
  });
});
