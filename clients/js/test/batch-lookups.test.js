// lookupHandles and lookupMsas without a node, against a stand-in api whose handles RPC answers
// with real @polkadot/types values and records every request: one request per 100 entries, all at
// one block when there are several, answers in the order asked. e2e/test/batch.test.js runs them
// against a dev node.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { TypeRegistry } from '@polkadot/types';

import { ErrorCode, HandlesError, MAX_BATCH_LOOKUPS, handlesRpc, handlesTypes, lookupHandles, lookupMsas } from '../src/index.js';

const registry = new TypeRegistry();
registry.register(handlesTypes);
const OWNER = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BEST = '0x' + '77'.repeat(32);

/** A stand-in api: `name.N` and MSA id N resolve when N is even; `asked` lists `[method, entries, at]`. */
function standIn() {
  const asked = [];
  const answer = (method, found) => async (entries, at) => {
    if (entries.length > MAX_BATCH_LOOKUPS) throw new Error('over the limit');
    asked.push([method, entries, at]);
    return registry.createType(handlesRpc[method].type, entries.map(found));
  };
  const even = (n) => Number(n) % 2 === 0;
  const api = {
    rpc: {
      chain: { getHeader: async () => ({ hash: BEST }) },
      handles: {
        getMsasForHandles: answer('getMsasForHandles', (h) => {
          const n = h.split('.')[1];
          return even(n) ? { msaId: Number(n), owner: OWNER, handle: h } : null;
        }),
        getHandlesForMsas: answer('getHandlesForMsas', (id) =>
          even(id) ? { handle: `h.${id}`, baseHandle: 'h', suffix: id, canonical: 'h', owner: OWNER, createdAt: 1 } : null,
        ),
      },
    },
  };
  return { api, asked };
}

test('lookupHandles: one request up to 100 handles, at the best block the node picks', async () => {
  const { api, asked } = standIn();
  const handles = Array.from({ length: 100 }, (_, i) => `name.${i + 1}`);
  const found = await lookupHandles(api, handles);
  assert.equal(asked.length, 1);
  assert.deepEqual(asked[0], ['getMsasForHandles', handles, undefined]);
  assert.deepEqual(found.slice(0, 2), [null, { msaId: 2, owner: OWNER, handle: 'name.2' }]);
  assert.equal(found.length, 100);
  assert.deepEqual(await lookupHandles(api, []), []);
});

test('lookupHandles and lookupMsas: over 100 entries, one request per 100, all at one block, in order', async () => {
  const { api, asked } = standIn();
  const handles = Array.from({ length: 250 }, (_, i) => `name.${i}`);
  const found = await lookupHandles(api, handles);
  assert.deepEqual(asked.map(([, entries, at]) => [entries.length, at]), [[100, BEST], [100, BEST], [50, BEST]]);
  assert.deepEqual(asked.flatMap(([, entries]) => entries), handles);
  assert.deepEqual(found.map((m) => m?.msaId ?? null), handles.map((_, i) => (i % 2 === 0 ? i : null)));
  const ids = Array.from({ length: 101 }, (_, i) => i);
  const infos = await lookupMsas(api, ids);
  assert.deepEqual(asked.slice(3).map(([method, entries, at]) => [method, entries.length, at]), [['getHandlesForMsas', 100, BEST], ['getHandlesForMsas', 1, BEST]]);
  assert.deepEqual(infos.map((h) => h?.handle ?? null), ids.map((i) => (i % 2 === 0 ? `h.${i}` : null)));
});

test('lookupHandles and lookupMsas take arrays only', async () => {
  const { api, asked } = standIn();
  for (const [fn, arg] of [[lookupHandles, 'name.2'], [lookupMsas, 2], [lookupMsas, undefined]]) {
    await assert.rejects(fn(api, arg), (err) => err instanceof HandlesError && err.code === ErrorCode.WRONG_TYPE);
  }
  assert.equal(asked.length, 0);
});
