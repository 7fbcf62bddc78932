// Issue 4 point 5: a sponsor creates a handle for an owner without tokens, the owner having signed
// the payload the way a browser wallet signs raw bytes; every read RPC then reflects it, and
// look-alike display handles resolve to the same MSA.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';

import { stringToU8a, u8aToHex, u8aToString, u8aWrapBytes } from '@polkadot/util';
import { signatureVerify } from '@polkadot/util-crypto';

import { PayloadKind, encodePayload, handlesErrorCodes, signedMessage } from '@handles/client';

import { bestNumber, createTx, freshPair, sign, submit } from '../lib/chain.js';
import { nodeBinaryPath } from '../lib/node.js';
import { assertOk, useChain } from '../lib/testing.js';

const BASE = 'Alice';

test('the handles-node binary exists', () => {
  const binary = nodeBinaryPath();
  assert.ok(
    existsSync(binary),
    `handles-node binary not found at ${binary}: build it or set HANDLES_NODE to its path`,
  );
});

describe('create_handle by a sponsor for an owner without tokens', { timeout: 600_000 }, () => {
  let api;
  let keyring;
  let bob;
  let rpc;
  let owner;
  // Some blocks so that the chain has a history to query `at`.
  const ctx = useChain({
    blocks: 1,
    setup: (c) => {
      ({ api, keyring, bob, rpc } = c);
      owner = freshPair();
    },
  });
  let options; // handles_getSuffixOptions before the claim
  let suffix;
  let created; // { blockHash, blockNumber, events, error }
  let display;
  let msaId;
  let parentHash; // best block before the claim

  test('the owner holds no tokens', async () => {
    const { data } = await api.query.system.account(owner.address);
    assert.equal(data.free.toBigInt(), 0n);
  });

  test('handles_getSuffixOptions offers available suffixes in the default range', async () => {
    options = (await api.rpc.handles.getSuffixOptions(BASE)).toJSON();
    assert.equal(options.baseHandle, BASE);
    assert.equal(typeof options.canonical, 'string');
    assert.ok(options.canonical.length >= 2);
    assert.ok(options.candidates.length >= 10 && options.candidates.length <= 20, JSON.stringify(options));
    assert.ok(options.available.length > 0, 'a fresh chain has free suffixes');
    for (const s of options.available) {
      assert.ok(options.candidates.includes(s), `available ${s} is a candidate`);
      assert.ok(s >= 1000 && s <= 9999, `available ${s} is in 1000..=9999`);
    }
    suffix = options.available[0];
    display = `${BASE}.${suffix}`;
    // Nothing resolves yet.
    assert.equal((await api.rpc.handles.getMsaForHandle(display)).isNone, true);
  });

  test('the payload bytes are what the chain type encodes', async () => {
    // The payload type of the call, from the metadata, encodes like @handles/client.
    const payloadType = api.tx.handles.createHandle.meta.args[2].type.toString();
    const fields = { baseHandle: BASE, suffix: 4821, expiration: 77 };
    const chainBytes = api.createType(payloadType, {
      // Hex: polkadot.js reads a Uint8Array given for `Bytes` as already length-prefixed.
      baseHandle: u8aToHex(stringToU8a(fields.baseHandle)),
      suffix: fields.suffix,
      expiration: fields.expiration,
    }).toU8a();
    assert.deepEqual(encodePayload(PayloadKind.create, fields), chainBytes);
    // Tag, genesis hash, kind 0, fields.
    const msg = signedMessage(api.genesisHash, PayloadKind.create, fields);
    assert.deepEqual(msg.slice(0, 7), stringToU8a('handles'));
    assert.deepEqual(msg.slice(7, 39), api.genesisHash.toU8a());
    assert.equal(msg[39], 0);
    assert.deepEqual(msg.slice(40), chainBytes);
  });

  test('Bob submits create_handle with the owner\'s <Bytes>-wrapped signature', async () => {
    assert.ok(suffix, 'suffix chosen by the previous test');
    const header = await api.rpc.chain.getHeader();
    parentHash = header.hash.toHex();
    const now = header.number.toNumber();
    const payload = { baseHandle: BASE, suffix, expiration: now + 50 };

    const signature = await sign(api, owner, 'create', payload);
    // The signature is over the wrapped bytes (what signRaw signs), not the bare message.
    const message = signedMessage(api.genesisHash, PayloadKind.create, payload);
    assert.equal(signatureVerify(u8aWrapBytes(message), signature.Sr25519, owner.address).isValid, true);

    const bobBefore = (await api.query.system.account(bob.address)).data.free.toBigInt();
    created = await submit(api, createTx(api, owner, signature, payload), bob);
    assertOk(created, 'create_handle');

    const ev = created.events.find((e) => e.section === 'handles' && e.method === 'MsaCreatedWithHandle');
    assert.ok(ev, `MsaCreatedWithHandle in ${created.events.map((e) => `${e.section}.${e.method}`)}`);
    const [evMsa, evOwner, evHandle] = ev.data;
    msaId = evMsa.toNumber();
    assert.equal(keyring.encodeAddress(evOwner), owner.address);
    assert.equal(u8aToString(evHandle.toU8a(true)), display);

    // The sponsor paid; the owner still holds nothing.
    const bobAfter = (await api.query.system.account(bob.address)).data.free.toBigInt();
    assert.ok(bobAfter < bobBefore, 'Bob paid the fee');
    const { data } = await api.query.system.account(owner.address);
    assert.equal(data.free.toBigInt(), 0n);
  });

  test('handles_getMsaForHandle resolves the display handle (raw JSON shape)', async () => {
    assert.ok(msaId !== undefined, 'created by the previous test');
    const res = await rpc('handles_getMsaForHandle', [display]);
    assert.deepEqual(res, { msaId, owner: owner.address, handle: display });
    // Through the polkadot.js definitions too.
    const typed = await api.rpc.handles.getMsaForHandle(display);
    assert.deepEqual(typed.toJSON(), res);
  });

  test('the at parameter answers as of an earlier block', async () => {
    assert.equal(await rpc('handles_getMsaForHandle', [display, parentHash]), null);
    assert.equal(await rpc('handles_getHandleForMsa', [msaId, parentHash]), null);
    assert.deepEqual(await rpc('handles_getHandlesForOwner', [owner.address, parentHash]), []);
    const before = await rpc('handles_getSuffixOptions', [BASE, parentHash]);
    assert.ok(before.available.includes(suffix));
    const atCreation = await rpc('handles_getMsaForHandle', [display, created.blockHash]);
    assert.equal(atCreation.msaId, msaId);
  });

  test('handles_getHandleForMsa returns every field', async () => {
    const res = await rpc('handles_getHandleForMsa', [msaId]);
    assert.deepEqual(res, {
      handle: display,
      baseHandle: BASE,
      suffix,
      canonical: options.canonical,
      owner: owner.address,
      createdAt: created.blockNumber,
    });
    assert.deepEqual((await api.rpc.handles.getHandleForMsa(msaId)).toJSON(), res);
    // An id nobody holds.
    assert.equal(await rpc('handles_getHandleForMsa', [(msaId + 1) >>> 0]), null);
  });

  test('handles_getHandlesForOwner lists the new MSA', async () => {
    const res = await rpc('handles_getHandlesForOwner', [owner.address]);
    assert.deepEqual(res, [{ msaId, handle: display }]);
    const typed = await api.rpc.handles.getHandlesForOwner(owner.address);
    assert.deepEqual(typed.toJSON(), res);
    // The sponsor owns nothing.
    assert.deepEqual(await rpc('handles_getHandlesForOwner', [bob.address]), []);
  });

  test('handles_getSuffixOptions no longer offers the taken suffix', async () => {
    const res = await rpc('handles_getSuffixOptions', [BASE]);
    assert.equal(res.canonical, options.canonical);
    assert.ok(res.candidates.includes(suffix));
    assert.ok(!res.available.includes(suffix), `${suffix} is taken`);
    // A look-alike base has the same canonical form, so the suffix is taken for it too.
    const lookAlike = await rpc('handles_getSuffixOptions', ['ALICE']);
    assert.equal(lookAlike.canonical, options.canonical);
    assert.ok(!lookAlike.available.includes(suffix));
  });

  test('handles_getSeed returns two 32-byte seeds and the next rotation', async () => {
    const res = await rpc('handles_getSeed', []);
    assert.deepEqual(Object.keys(res).sort(), ['current', 'nextRotation', 'previous']);
    assert.match(res.current, /^0x[0-9a-f]{64}$/);
    assert.match(res.previous, /^0x[0-9a-f]{64}$/);
    const best = await bestNumber(api);
    assert.ok(res.nextRotation > best, `${res.nextRotation} > ${best}`);
    assert.equal(res.nextRotation % 100, 1, 'rotation at block % 100 == 1');
    assert.deepEqual((await api.rpc.handles.getSeed()).toJSON(), res);
  });

  test('handles_getSettings returns the defaults', async () => {
    const res = await rpc('handles_getSettings', []);
    assert.deepEqual(res, {
      suffixMin: 1000,
      suffixMax: 9999,
      reuseCooldown: 100800,
      seedRotationPeriod: 100,
      maxPayloadLifetime: 200,
      legacyPayloadDeadline: 100800,
    });
    assert.deepEqual((await api.rpc.handles.getSettings()).toJSON(), res);
  });

  test('handles_validateHandle accepts the base and refuses a reserved look-alike', async () => {
    const ok = await rpc('handles_validateHandle', [BASE]);
    assert.deepEqual(ok, { valid: true, canonical: options.canonical, error: null });
    const reserved = await rpc('handles_validateHandle', ['ADMIN']);
    assert.equal(reserved.valid, false);
    assert.equal(reserved.canonical, null);
    assert.equal(typeof reserved.error, 'string');
    assert.ok(reserved.error.length > 0);
    assert.deepEqual((await api.rpc.handles.validateHandle('ADMIN')).toJSON(), reserved);
  });

  test('the runtime API HandlesApi is described by the metadata and agrees with the RPC', async () => {
    assert.ok(api.call.handlesApi, 'api.call.handlesApi from metadata');
    const info = await api.call.handlesApi.handleForMsa(msaId);
    assert.equal(info.isSome, true);
    const { suffix: s, owner: o, handle: h } = info.unwrap();
    assert.equal(s.toNumber(), suffix);
    assert.equal(keyring.encodeAddress(o), owner.address);
    assert.equal(u8aToString(h.toU8a(true)), display);
  });

  test('look-alike display handles resolve to the same MSA', async () => {
    const lookAlikes = [
      `alice.${suffix}`, // lower case
      `ALICE.${suffix}`, // upper case
      `\u0430lice.${suffix}`, // Cyrillic а
      `AIice.${suffix}`, // capital i for l
      `a1ice.${suffix}`, // digit one for l
    ];
    for (const query of lookAlikes) {
      const res = await rpc('handles_getMsaForHandle', [query]);
      assert.deepEqual(res, { msaId, owner: owner.address, handle: display }, `look-alike ${query}`);
    }
    // A different handle does not.
    assert.equal(await rpc('handles_getMsaForHandle', [`bob.${suffix}`]), null);
  });

  test('bad input is a JSON-RPC error with a message, not a crash', async () => {
    const cases = [
      ['handles_getMsaForHandle', ['alice'], handlesErrorCodes.MALFORMED_DISPLAY_HANDLE],
      ['handles_getMsaForHandle', ['alice.0123'], handlesErrorCodes.MALFORMED_DISPLAY_HANDLE],
      ['handles_getMsaForHandle', ['alice.99999999999'], handlesErrorCodes.MALFORMED_DISPLAY_HANDLE],
      ['handles_getSuffixOptions', ['a'.repeat(33)], handlesErrorCodes.HANDLE_TOO_LONG],
      ['handles_getHandlesForOwner', ['not-an-address'], handlesErrorCodes.INVALID_ACCOUNT],
    ];
    for (const [method, params, code] of cases) {
      const res = await ctx.rpcRaw(method, params);
      assert.ok(res.error, `${method}(${JSON.stringify(params)}) must fail`);
      assert.equal(res.error.code, code, `${method}: ${res.error.message}`);
      assert.ok(res.error.message.length > 10, res.error.message);
    }
    // The node still answers.
    assert.equal((await rpc('handles_getMsaForHandle', [display])).msaId, msaId);
  });
});
