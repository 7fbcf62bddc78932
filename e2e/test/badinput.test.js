// Issue 5 point 1: bad input through the JSON-RPC and through extrinsics. Every bad RPC call is a
// JSON-RPC error with the documented code and a message saying what is wrong; every bad handle in
// an extrinsic fails with the pallet's InvalidHandle error naming the rule, changing nothing;
// afterwards the node still answers and makes blocks.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { encodeAddress } from '@polkadot/util-crypto';

import { handlesErrorCodes as CODES } from '@handles/client';

import { bestNumber, bytesArg, changeTx, createTx, freshPair, seal, send, sign, signedCall, submit, sudo } from '../lib/chain.js';
import { assertFails, assertOk, useChain } from '../lib/testing.js';

const INVALID_PARAMS = -32602;

describe('bad input through RPC and extrinsics', { timeout: 300_000 }, () => {
  let api;
  let rpc;
  let valid; // a handle created at the start: { owner, msaId, display }
  const ctx = useChain({
    blocks: 1,
    setup: async (c) => {
      ({ api, rpc } = c);
      const owner = freshPair();
      const opts = await rpc('handles_getSuffixOptions', ['Valid']);
      const payload = { baseHandle: 'Valid', suffix: opts.available[0], expiration: (await bestNumber(api)) + 150 };
      assertOk(await submit(api, await signedCall(api, 'create', owner, payload), ctx.bob));
      const [{ msaId, handle }] = await rpc('handles_getHandlesForOwner', [owner.address]);
      valid = { owner, msaId, display: handle };
    },
  });

  /** Calls `method(params)` and checks the error's code and that its message matches `pattern`. */
  async function expectRpcError(method, params, code, pattern) {
    const res = await ctx.rpcRaw(method, params);
    const shown = `${method}(${JSON.stringify(params).slice(0, 120)}) -> ${JSON.stringify(res).slice(0, 300)}`;
    assert.ok(res.error, `must fail: ${shown}`);
    assert.equal(res.result, undefined, shown);
    assert.equal(res.error.code, code, shown);
    assert.equal(typeof res.error.message, 'string');
    if (pattern) assert.match(res.error.message, pattern, shown);
    // jsonrpsee's "Invalid params" carries the details in `data`.
    if (code === INVALID_PARAMS) assert.ok(typeof res.error.data === 'string' && res.error.data.length > 5, shown);
    return res.error;
  }

  test('too long: base handle over 32 bytes, display handle over 73 bytes (8002)', async () => {
    await expectRpcError('handles_getSuffixOptions', ['a'.repeat(33)], CODES.HANDLE_TOO_LONG, /33 bytes.*at most 32/);
    await expectRpcError('handles_getSuffixOptions', ['é'.repeat(17)], CODES.HANDLE_TOO_LONG, /34 bytes/); // 17 chars, 34 bytes
    // validateHandle answers over-long input up to 256 bytes with the reason, longer is an error.
    for (const len of [33, 40, 256]) {
      const v = await rpc('handles_validateHandle', ['b'.repeat(len)]);
      assert.equal(v.valid, false, `${len} bytes`);
      assert.equal(v.canonical, null);
      assert.match(v.error, /too long/, `${len} bytes`);
    }
    await expectRpcError('handles_validateHandle', ['b'.repeat(257)], CODES.HANDLE_TOO_LONG, /257 bytes.*at most 256/);
    await expectRpcError('handles_getSuffixOptions', ['x'.repeat(100_000)], CODES.HANDLE_TOO_LONG, /100000 bytes/);
    await expectRpcError('handles_getMsaForHandle', [`${'a'.repeat(70)}.1234`], CODES.HANDLE_TOO_LONG, /display handle is 75 bytes.*at most 73/);
    await expectRpcError('handles_getMsaForHandle', [`${'a'.repeat(40)}.1234`], CODES.HANDLE_TOO_LONG, /base handle is 40 bytes/);
    await expectRpcError('handles_getMsaForHandle', [`${'a'.repeat(33)}.1`], CODES.HANDLE_TOO_LONG, /base handle is 33 bytes/);
  });

  test('malformed display handles (8003)', async () => {
    for (const display of ['alice', 'alice.', '.1234', 'alice.+123', 'alice.-1', 'alice.0123', 'alice.12a', 'alice.4294967296', 'alice. 12', '']) {
      await expectRpcError('handles_getMsaForHandle', [display], CODES.MALFORMED_DISPLAY_HANDLE, /malformed/);
    }
    // The last dot splits, and a base holding a dot is malformed (no base can contain one).
    for (const display of ['a.b.1234', 'Ali.ce.12', '..1']) {
      await expectRpcError('handles_getMsaForHandle', [display], CODES.MALFORMED_DISPLAY_HANDLE, /malformed/);
    }
    // A suffix in other decimal digits is well formed.
    assert.equal(await rpc('handles_getMsaForHandle', ['alice.４８２１']), null);
    assert.equal(await rpc('handles_getMsaForHandle', ['alice.0']), null);
    assert.equal(await rpc('handles_getMsaForHandle', ['alice.4294967295']), null);
  });

  test('base handles that break a rule (8005), naming the rule; validateHandle reports them in its result', async () => {
    const cases = [
      ['a', /short/i],
      ['al@ce', /forbidden|@/i],
      ['al ice', /disallowed|not allowed|whitespace/i],
      ['a😀b', /disallowed|not allowed/i],
      ['\u0430lice', /script/i],
      ['admin', /reserved/i],
    ];
    for (const [base, pattern] of cases) {
      await expectRpcError('handles_getSuffixOptions', [base], CODES.INVALID_HANDLE, pattern);
      const v = await rpc('handles_validateHandle', [base]);
      assert.equal(v.valid, false, base);
      assert.equal(v.canonical, null);
      assert.match(v.error, pattern, `${base}: ${v.error}`);
    }
  });

  test('bad SS58 accounts (8004)', async () => {
    const ecdsa = new Keyring({ type: 'ecdsa' }).addFromUri('//Alice');
    const good = ctx.alice.address;
    const badChecksum = good.slice(0, -1) + (good.endsWith('a') ? 'b' : 'a');
    for (const owner of [
      'not-an-address',
      '',
      badChecksum,
      good.slice(0, 20),
      `0x${'11'.repeat(32)}`, // hex, not SS58
      'x'.repeat(65),
      encodeAddress(ecdsa.publicKey, 42), // SS58 of a 33-byte key, not of an account
    ]) {
      await expectRpcError('handles_getHandlesForOwner', [owner], CODES.INVALID_ACCOUNT, /owner|SS58|address/i);
    }
    // A good address of an account without MSAs is fine.
    assert.deepEqual(await rpc('handles_getHandlesForOwner', [ctx.dave.address]), []);
  });

  test('wrong parameter types and counts (-32602)', async () => {
    const cases = [
      ['handles_getHandleForMsa', ['abc']],
      ['handles_getHandleForMsa', [-1]],
      ['handles_getHandleForMsa', [4294967296]],
      ['handles_getHandleForMsa', [1.5]],
      ['handles_getHandleForMsa', []],
      ['handles_getSuffixOptions', [123]],
      ['handles_getSuffixOptions', [null]],
      ['handles_getSuffixOptions', [['Alice']]],
      ['handles_getMsaForHandle', [{ handle: 'a.1' }]],
      ['handles_getHandlesForOwner', [42]],
      ['handles_validateHandle', []],
      ['handles_getSeed', ['0x1234']], // not a 32-byte hash
      ['handles_getSettings', ['not-a-hash']],
      ['handles_getSuffixOptions', ['Alice', 'not-a-hash']],
    ];
    for (const [method, params] of cases) await expectRpcError(method, params, INVALID_PARAMS);
    // The details name the problem.
    const e = await ctx.rpcRaw('handles_getHandleForMsa', ['abc']);
    assert.match(e.error.data, /expected u32/);
  });

  test('unknown block hash (8001), for every method', async () => {
    const unknown = `0x${'11'.repeat(32)}`;
    const calls = [
      ['handles_getSeed', [unknown]],
      ['handles_getSettings', [unknown]],
      ['handles_getSuffixOptions', ['Alice', unknown]],
      ['handles_getMsaForHandle', ['alice.1234', unknown]],
      ['handles_getHandleForMsa', [valid.msaId, unknown]],
      ['handles_getHandlesForOwner', [valid.owner.address, unknown]],
      ['handles_validateHandle', ['Alice', unknown]],
    ];
    for (const [method, params] of calls) {
      await expectRpcError(method, params, CODES.UNKNOWN_BLOCK, /not known|block/i);
    }
  });

  test('garbage extrinsics are refused by the pool with an error, not a crash', async () => {
    for (const bytes of ['0x00', '0xdeadbeef', `0x${'ff'.repeat(200)}`]) {
      const res = await ctx.rpcRaw('author_submitExtrinsic', [bytes]);
      assert.ok(res.error, `${bytes}: ${JSON.stringify(res)}`);
      assert.ok(res.error.message.length > 5, res.error.message);
    }
  });

  /** A create_handle with `baseHandle` (text or bytes), properly signed by a fresh owner (signedCall signs unchecked). */
  async function createWith(baseHandle, type = 'sr25519') {
    const owner = freshPair(type);
    const payload = { baseHandle, suffix: 1000, expiration: (await bestNumber(api)) + 50 };
    const res = await submit(api, await signedCall(api, 'create', owner, payload), ctx.bob);
    assert.deepEqual(await rpc('handles_getHandlesForOwner', [owner.address]), [], 'nothing created');
    return res;
  }

  const invalidHandles = [
    // [label, base handle (text or bytes), reason]
    ['invalid UTF-8 (0xff 0xfe)', Uint8Array.of(0x61, 0xff, 0xfe, 0x62), 'NotUtf8'],
    ['a lone continuation byte', Uint8Array.of(0x61, 0x80, 0x62), 'NotUtf8'],
    ['an overlong encoding of "/"', Uint8Array.of(0x61, 0xc0, 0xaf, 0x62), 'NotUtf8'],
    ['one character', 'a', 'TooShort'],
    ['empty', '', 'TooShort'],
    ['@', 'al@ce', 'ForbiddenCharacter'],
    ['#', 'al#ce', 'ForbiddenCharacter'],
    [':', 'al:ce', 'ForbiddenCharacter'],
    ['.', 'al.ce', 'ForbiddenCharacter'],
    ['`', 'al`ce', 'ForbiddenCharacter'],
    ['fullwidth ＠', 'al\uFF20ce', 'ForbiddenCharacter'],
    ['small ﹫', 'al\uFE6Bce', 'ForbiddenCharacter'],
    ['fullwidth full stop', 'al\uFF0Ece', 'ForbiddenCharacter'],
    ['space', 'al ice', 'DisallowedCharacter'],
    ['zero-width joiner', 'al\u200Dice', 'DisallowedCharacter'],
    ['bidi override', 'al\u202Eice', 'DisallowedCharacter'],
    ['emoji', 'al😀ice', 'DisallowedCharacter'],
    ['control character', 'al\u0007ice', 'DisallowedCharacter'],
    ['Cyrillic а in a Latin name', '\u0430lice', 'MixedScript'],
    ['Greek ο in a Latin name', 'b\u03BFb', 'MixedScript'],
    ['reserved look-alike', 'adm1n', 'Reserved'],
    ['a middle dot (passes for the separator)', 'alice\u00B74821', 'ForbiddenCharacter'],
    ['katakana middle dot', 'ジョン\u30FBスミス', 'ForbiddenCharacter'],
    ['a leading combining mark', '\u0301alice', 'LeadingCombiningMark'],
  ];

  test('a base handle over 32 bytes does not even decode: the node refuses the extrinsic', async () => {
    for (const base of ['a'.repeat(33), 'é'.repeat(17), new Uint8Array(4096).fill(0x61)]) {
      const owner = freshPair();
      const payload = { baseHandle: base, suffix: 1000, expiration: (await bestNumber(api)) + 50 };
      await assert.rejects(send(api, await signedCall(api, 'create', owner, payload), ctx.bob), /decode|1002|Invalid/i);
      assert.deepEqual(await rpc('handles_getHandlesForOwner', [owner.address]), []);
    }
    // The same holds for change_handle and the reserved list.
    const long = new Uint8Array(64).fill(0x62);
    const change = { msaId: valid.msaId, oldHandle: valid.display, newBaseHandle: long, newSuffix: 1000, expiration: (await bestNumber(api)) + 50 };
    await assert.rejects(send(api, await signedCall(api, 'change', valid.owner, change), ctx.bob), /decode|1002|Invalid/i);
    await assert.rejects(send(api, api.tx.sudo.sudo(api.tx.handles.addReservedHandle(bytesArg(long))), ctx.alice), /decode|1002|Invalid/i);
  });

  for (const [label, base, reason] of invalidHandles) {
    test(`create_handle with ${label}: InvalidHandle(${reason})`, async () => {
      assertFails(await createWith(base), 'InvalidHandle', reason);
    });
  }

  test('change_handle and add_reserved_handle refuse bad handles the same way', async () => {
    const exp = (await bestNumber(api)) + 50;
    for (const [base, reason] of [
      [Uint8Array.of(0xc3, 0x28), 'NotUtf8'],
      ['bo\uFF20b', 'ForbiddenCharacter'],
      ['\u0430dmin', 'MixedScript'],
    ]) {
      const payload = { msaId: valid.msaId, oldHandle: valid.display, newBaseHandle: base, newSuffix: 1000, expiration: exp };
      // `unchecked`: @handles/client would refuse to sign a base that breaks a rule; the chain must.
      const s = await sign(api, valid.owner, 'change', payload, { unchecked: true });
      assertFails(await submit(api, changeTx(api, valid.owner, s, payload), ctx.bob), 'InvalidHandle', reason);
      const reserve = await sudo(api, ctx.alice, api.tx.handles.addReservedHandle(bytesArg(base)));
      assert.equal(reserve.inner?.name, 'InvalidHandle', reserve.inner?.text);
      assert.equal(reserve.inner?.reason, reason, reserve.inner?.text);
    }
    assert.deepEqual(await rpc('handles_getHandlesForOwner', [valid.owner.address]), [{ msaId: valid.msaId, handle: valid.display }]);
  });

  test('a wrongly typed signature for the owner key is refused, nothing changes', async () => {
    const owner = freshPair();
    const payload = { baseHandle: 'Typed', suffix: 1000, expiration: (await bestNumber(api)) + 50 };
    // An ecdsa-shaped signature of zeros.
    assertFails(await submit(api, createTx(api, owner, { Ecdsa: `0x${'00'.repeat(65)}` }, payload), ctx.bob), 'InvalidSignature');
  });

  test('after all of it the node still answers and makes blocks', async () => {
    const health = await rpc('system_health', []);
    assert.equal(typeof health.peers, 'number');
    const before = await bestNumber(api);
    await seal(api, 3);
    assert.equal(await bestNumber(api), before + 3);
    assert.deepEqual(await rpc('handles_getMsaForHandle', [valid.display]), {
      msaId: valid.msaId,
      owner: valid.owner.address,
      handle: valid.display,
    });
    // A valid claim still goes through.
    const owner = freshPair('ed25519');
    const opts = await rpc('handles_getSuffixOptions', ['Survivor']);
    const payload = { baseHandle: 'Survivor', suffix: opts.available[0], expiration: (await bestNumber(api)) + 50 };
    assertOk(await submit(api, await signedCall(api, 'create', owner, payload), ctx.bob));
    assert.equal((await rpc('handles_getHandlesForOwner', [owner.address])).length, 1);
    assert.equal(ctx.node.process.exitCode, null, 'the node process is alive');
  });
});
