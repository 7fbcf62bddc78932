// The batch lookups against a dev node: handles_getHandlesForMsas and handles_getMsasForHandles
// answer each entry as the single call does (null where it is null or an error), in order, from
// one runtime call (HandlesApi version 3), at most 100 entries; the same through @polkadot/api
// (the package's RPC definitions and the runtime API from the metadata), @handles/client's
// lookupHandles/lookupMsas and the `handles` command line (`whois 1 2 3`, `lookup a.1 b.2`). On a
// runtime before version 3 (the committed fixture of spec version 101) the RPC answers the same
// with one single lookup per entry, and so does the command line.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';

import { blake2AsHex } from '@polkadot/util-crypto';

import { MAX_BATCH_LOOKUPS, handlesErrorCodes, lookupHandle, lookupHandles, lookupMsas } from '@handles/client';

import { bestNumber, freshPair, signedCall, submit } from '../lib/chain.js';
import { cliBinaryPath } from '../lib/node.js';
import { assertOk, useChain } from '../lib/testing.js';
import { fixturePath, useChainOnRuntime } from '../lib/upgrade.js';
import { claimMany } from '../scripts/batch-bench.js';

const CLI = cliBinaryPath();
const run = promisify(execFile);

/** The version of the runtime API `HandlesApi` in a `state_getRuntimeVersion` answer. */
const handlesApiVersion = (version) => version.apis.find(([id]) => id === blake2AsHex('HandlesApi', 64))?.[1];

/** `method` of each entry, one request each; `null` where the single call is an error. */
async function singles(rpc, method, entries) {
  const answers = [];
  for (const entry of entries) answers.push(await rpc(method, [entry]).catch(() => null));
  return answers;
}

/** Entries that resolve to nothing or that the single call refuses, beside `handle` (registered). */
function oddHandles(handle) {
  const [base, suffix] = handle.split('.');
  return [
    handle.toUpperCase(), // a look-alike resolves
    `${base}.${String(Number(suffix) + 1)}`, // free
    'no-dot', // malformed: 8003 as a single call
    `${base}.0${suffix}`, // malformed: leading zero
    `${'a'.repeat(33)}.${suffix}`, // base over 32 bytes: 8002 as a single call
    `${base}.${'9'.repeat(80)}`, // over 73 bytes: 8002 as a single call
  ];
}

/** Runs `handles --url <url> args...`; resolves to `{ code, stdout, stderr }` whatever the exit code. */
async function handles(url, args) {
  try {
    const { stdout, stderr } = await run(CLI, ['--url', url, ...args], { timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    if (typeof err.code !== 'number') throw err;
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('batch lookups on the build\'s runtime', { timeout: 600_000 }, () => {
  let claims; // [{ msaId, handle, owner }]
  let retired; // an MSA whose handle was retired: { msaId, owner }
  const ctx = useChain({
    blocks: 2,
    setup: async (c) => {
      claims = await claimMany(c.api, c.rpc, { n: 6, sponsor: c.bob, prefix: 'feed' });
      const owner = freshPair();
      const suffix = (await c.rpc('handles_getSuffixOptions', ['Gone'])).available[0];
      const expiration = (await bestNumber(c.api)) + 50;
      assertOk(await submit(c.api, await signedCall(c.api, 'create', owner, { baseHandle: 'Gone', suffix, expiration }), c.bob), 'create Gone');
      const [{ msaId }] = await c.rpc('handles_getHandlesForOwner', [owner.address]);
      assertOk(await submit(c.api, await signedCall(c.api, 'retire', owner, { msaId, handle: `Gone.${suffix}`, expiration }), c.bob), 'retire Gone');
      retired = { msaId, owner: owner.address };
    },
  });

  test('the runtime offers HandlesApi version 5 (batch lookups since version 3)', async () => {
    assert.equal(handlesApiVersion(await ctx.rpc('state_getRuntimeVersion', [])), 5);
  });

  test('handles_getHandlesForMsas: each id as handles_getHandleForMsa, in order', async () => {
    const ids = [claims[3].msaId, retired.msaId, claims[0].msaId, 1, claims[5].msaId, claims[3].msaId];
    const batch = await ctx.rpc('handles_getHandlesForMsas', [ids]);
    assert.deepEqual(batch, await singles(ctx.rpc, 'handles_getHandleForMsa', ids));
    assert.deepEqual(
      batch.map((h) => h?.handle ?? null),
      [claims[3].handle, null, claims[0].handle, null, claims[5].handle, claims[3].handle],
    );
    assert.equal(batch[0].owner, claims[3].owner);
    assert.deepEqual(await ctx.rpc('handles_getHandlesForMsas', [[]]), []);
  });

  test('handles_getMsasForHandles: each handle as handles_getMsaForHandle, null in place of what it refuses', async () => {
    const handlesAsked = [claims[1].handle, ...oddHandles(claims[2].handle), claims[4].handle];
    const batch = await ctx.rpc('handles_getMsasForHandles', [handlesAsked]);
    assert.deepEqual(batch, await singles(ctx.rpc, 'handles_getMsaForHandle', handlesAsked));
    assert.deepEqual(
      batch.map((m) => m?.msaId ?? null),
      [claims[1].msaId, claims[2].msaId, null, null, null, null, null, claims[4].msaId],
    );
    assert.equal(batch[1].handle, claims[2].handle, 'the registered handle, not the look-alike');
    // The refused ones are errors as single calls.
    for (const odd of oddHandles(claims[2].handle).slice(2)) {
      await assert.rejects(ctx.rpc('handles_getMsaForHandle', [odd]), (err) => [8002, 8003].includes(err.code), odd);
    }
  });

  test('at most 100 entries: exactly 100 are answered, 101 are error 8006 naming the limit', async () => {
    assert.equal(MAX_BATCH_LOOKUPS, 100);
    const ids = Array.from({ length: 100 }, (_, i) => claims[i % claims.length].msaId);
    const answered = await ctx.rpc('handles_getHandlesForMsas', [ids]);
    assert.equal(answered.length, 100);
    assert.deepEqual(answered.map((h) => h.handle), ids.map((_, i) => claims[i % claims.length].handle));
    const handlesAsked = ids.map((_, i) => claims[i % claims.length].handle);
    assert.equal((await ctx.rpc('handles_getMsasForHandles', [handlesAsked])).filter((m) => m).length, 100);
    for (const [method, entries] of [
      ['handles_getHandlesForMsas', [...ids, 1]],
      ['handles_getMsasForHandles', [...handlesAsked, 'x.1']],
    ]) {
      const { error } = await ctx.rpcRaw(method, [entries]);
      assert.equal(error?.code, handlesErrorCodes.TOO_MANY_LOOKUPS, method);
      assert.equal(error.message, '101 lookups in one call, at most 100 are allowed', method);
    }
  });

  test('@polkadot/api: the RPC definitions and the runtime API answer the same', async () => {
    const { api } = ctx;
    const ids = [claims[0].msaId, 1, claims[1].msaId];
    const handlesAsked = [claims[2].handle.toLowerCase(), 'no-dot', claims[3].handle];
    assert.deepEqual((await api.rpc.handles.getHandlesForMsas(ids)).toJSON(), await ctx.rpc('handles_getHandlesForMsas', [ids]));
    assert.deepEqual((await api.rpc.handles.getMsasForHandles(handlesAsked)).toJSON(), await ctx.rpc('handles_getMsasForHandles', [handlesAsked]));
    // The runtime API itself (metadata v15), as an app without the RPC would call it.
    const byIds = await api.call.handlesApi.handlesForMsas(ids);
    assert.ok(byIds.isOk);
    assert.deepEqual(byIds.asOk.map((h) => (h.isSome ? new TextDecoder().decode(h.unwrap().handle) : null)), [claims[0].handle, null, claims[1].handle]);
    const byHandles = await api.call.handlesApi.msasForHandles(handlesAsked);
    assert.deepEqual(byHandles.asOk.map((m) => (m.isSome ? m.unwrap().msaId.toNumber() : null)), [claims[2].msaId, null, claims[3].msaId]);
    const refused = await api.call.handlesApi.handlesForMsas(Array.from({ length: 101 }, () => 1));
    assert.ok(refused.isErr);
    assert.deepEqual(refused.asErr.toJSON(), { count: 101, max: 100 });
  });

  test('@handles/client: lookupHandles and lookupMsas, also beyond 100 entries', async () => {
    const handlesAsked = Array.from({ length: 150 }, (_, i) => (i % 7 === 6 ? 'no-dot' : claims[i % claims.length].handle));
    const found = await lookupHandles(ctx.api, handlesAsked);
    assert.equal(found.length, 150);
    for (let i = 0; i < 150; i += 1) {
      assert.deepEqual(found[i], i % 7 === 6 ? null : await lookupHandle(ctx.api, handlesAsked[i]), handlesAsked[i]);
    }
    const ids = Array.from({ length: 120 }, (_, i) => claims[i % claims.length].msaId);
    const infos = await lookupMsas(ctx.api, ids);
    assert.deepEqual(infos.map((h) => h.handle), ids.map((_, i) => claims[i % claims.length].handle));
    assert.deepEqual(await lookupMsas(ctx.api, [retired.msaId]), [null]);
  });

  test('handles whois 1 2 3 and handles lookup a.1 b.2: one answer per argument, in order', { skip: !existsSync(CLI) && `no handles binary at ${CLI}` }, async () => {
    const url = ctx.node.wsUrl;
    const ids = [claims[0].msaId, retired.msaId, 1, claims[1].msaId];
    const whois = await handles(url, ['--json', 'whois', ...ids.map(String)]);
    assert.equal(whois.code, 0, whois.stderr);
    const asJson = JSON.parse(whois.stdout);
    assert.equal(asJson.length, 4);
    assert.deepEqual(asJson[0], { msaId: ids[0], ...(await ctx.rpc('handles_getHandleForMsa', [ids[0]])) });
    assert.deepEqual(asJson[1], { msaId: retired.msaId, handle: null, owner: retired.owner });
    assert.equal(asJson[2], null);
    assert.equal(asJson[3].handle, claims[1].handle);
    const text = await handles(url, ['whois', ...ids.map(String)]);
    const lines = text.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 4);
    assert.match(lines[0], new RegExp(`^MSA ${ids[0]} holds ${claims[0].handle} `));
    assert.equal(lines[1], `MSA ${retired.msaId} holds no handle, owner ${retired.owner}`);
    assert.equal(lines[2], 'MSA 1 does not exist');
    assert.match(lines[3], new RegExp(`^MSA ${ids[3]} holds ${claims[1].handle} `));
    // One argument: the single answer, not a list.
    const one = await handles(url, ['--json', 'whois', String(ids[0])]);
    assert.deepEqual(JSON.parse(one.stdout), asJson[0]);

    const asked = [claims[2].handle.toUpperCase(), `${claims[2].handle.split('.')[0]}.1`, claims[3].handle];
    const lookup = await handles(url, ['--json', 'lookup', ...asked]);
    assert.equal(lookup.code, 0, lookup.stderr);
    assert.deepEqual(JSON.parse(lookup.stdout), await ctx.rpc('handles_getMsasForHandles', [asked]));
    const lookupText = (await handles(url, ['lookup', ...asked])).stdout.trimEnd().split('\n');
    assert.deepEqual(lookupText, [
      `${claims[2].handle} is MSA ${claims[2].msaId} of ${claims[2].owner}`,
      `no MSA holds ${asked[1]} or a look-alike`,
      `${claims[3].handle} is MSA ${claims[3].msaId} of ${claims[3].owner}`,
    ]);
    const single = await handles(url, ['--json', 'lookup', asked[0]]);
    assert.deepEqual(JSON.parse(single.stdout), await ctx.rpc('handles_getMsaForHandle', [asked[0]]));
    // A malformed argument is refused before connecting, as with one argument.
    const bad = await handles(url, ['lookup', claims[2].handle, 'no-dot']);
    assert.equal(bad.code, 1);
    assert.equal(bad.stdout, '');
    assert.match(bad.stderr, /no-dot/);
  });
});

describe('batch lookups at blocks of a runtime before HandlesApi version 3', { timeout: 600_000 }, () => {
  const ctx = useChainOnRuntime(fixturePath('handles-runtime-v101.compressed.wasm'), { blocks: 1 });
  let elder; // the handle claimed on the old runtime: { msaId, handle, asked }

  test('the RPC answers with one single lookup per entry, the same results', async () => {
    const { api, rpc } = ctx;
    assert.equal(handlesApiVersion(await rpc('state_getRuntimeVersion', [])), 1);
    const owner = freshPair();
    const suffix = (await rpc('handles_getSuffixOptions', ['Elder'])).available[0];
    const payload = { baseHandle: 'Elder', suffix, expiration: (await bestNumber(api)) + 50 };
    assertOk(await submit(api, await signedCall(api, 'create', owner, payload), ctx.bob), 'create Elder');
    const [{ msaId }] = await rpc('handles_getHandlesForOwner', [owner.address]);
    const ids = [1, msaId];
    const byIds = await rpc('handles_getHandlesForMsas', [ids]);
    assert.deepEqual(byIds, await singles(rpc, 'handles_getHandleForMsa', ids));
    assert.equal(byIds[1].handle, `Elder.${suffix}`);
    const handlesAsked = [...oddHandles(`Elder.${suffix}`), `elder.${suffix}`];
    const byHandles = await rpc('handles_getMsasForHandles', [handlesAsked]);
    assert.deepEqual(byHandles, await singles(rpc, 'handles_getMsaForHandle', handlesAsked));
    assert.deepEqual(byHandles.map((m) => m?.msaId ?? null), [msaId, null, null, null, null, null, msaId]);
    const { error } = await ctx.rpcRaw('handles_getHandlesForMsas', [Array.from({ length: 101 }, () => 1)]);
    assert.equal(error?.code, handlesErrorCodes.TOO_MANY_LOOKUPS);
    elder = { msaId, handle: `Elder.${suffix}`, asked: handlesAsked.filter((h) => h !== 'no-dot' && !h.includes('.0') && h.length <= 73) };
  });

  test('the command line falls back to single lookups too', { skip: !existsSync(CLI) && `no handles binary at ${CLI}` }, async () => {
    const url = ctx.node.wsUrl;
    const whois = await handles(url, ['--json', 'whois', '1', String(elder.msaId)]);
    assert.equal(whois.code, 0, whois.stderr);
    const [none, found] = JSON.parse(whois.stdout);
    assert.equal(none, null);
    assert.deepEqual(found, { msaId: elder.msaId, ...(await ctx.rpc('handles_getHandleForMsa', [elder.msaId])) });
    const lookup = await handles(url, ['--json', 'lookup', ...elder.asked]);
    assert.equal(lookup.code, 0, lookup.stderr);
    assert.deepEqual(JSON.parse(lookup.stdout), await ctx.rpc('handles_getMsasForHandles', [elder.asked]));
    assert.deepEqual(JSON.parse(lookup.stdout).map((m) => m?.msaId ?? null), elder.asked.map((h) => (h.toLowerCase() === elder.handle.toLowerCase() ? elder.msaId : null)));
  });
});
