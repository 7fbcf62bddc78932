// Payload fields at their edges (payload.test.js covers the main checks): the messages that name
// the payload and field, handles given as bytes, accounts that are not 32 bytes, and unchecked
// payloads (any text or bytes, for tests of the chain's own checks).

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { u8aToHex } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';

import { ErrorCode, HandlesError, encodePayload, normalizePayload, signedMessage, signedMessageHex, wrappedMessage } from '../src/index.js';

const GENESIS = '0x' + 'ab'.repeat(32);
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const CREATE = { baseHandle: 'Alice', suffix: 4821, expiration: 1234 };
const utf8 = (s) => new TextEncoder().encode(s);
const refuses = (fn, code, message, extra = {}) =>
  assert.throws(fn, (e) => {
    assert.ok(e instanceof HandlesError, String(e));
    assert.equal(e.code, code, e.message);
    if (typeof message === 'string') assert.equal(e.message, message);
    else assert.match(e.message, message);
    for (const [k, v] of Object.entries(extra)) assert.equal(e[k], v, k);
    return true;
  });

test('kinds and fields: the messages name the payload and the field', () => {
  refuses(() => normalizePayload('claim', CREATE), ErrorCode.BAD_PAYLOAD, 'unknown payload kind "claim": expected 0..=3 or one of create, retire, change, transfer');
  refuses(() => normalizePayload(4, CREATE), ErrorCode.BAD_PAYLOAD, /^unknown payload kind 4:/);
  refuses(() => encodePayload(-1, CREATE), ErrorCode.BAD_PAYLOAD, /^unknown payload kind -1:/);
  refuses(() => normalizePayload('create', { ...CREATE, msaId: 1 }), ErrorCode.BAD_PAYLOAD, 'the create payload has no field msaId (fields: baseHandle, suffix, expiration)');
  refuses(() => normalizePayload('transfer', { msaId: 1, owner: ALICE, expiration: 1 }), ErrorCode.BAD_PAYLOAD, 'the transfer payload lacks newOwner');
  refuses(() => normalizePayload('retire', 'Alice.1'), ErrorCode.WRONG_TYPE, 'the retire payload must be an object, got string');
  refuses(() => normalizePayload('change', null), ErrorCode.WRONG_TYPE, 'the change payload must be an object, got null');
  refuses(() => normalizePayload('retire', [1]), ErrorCode.WRONG_TYPE, 'the retire payload must be an object, got object');
  // Only oldHandle may be absent: every other field of change is required.
  for (const field of ['msaId', 'newBaseHandle', 'newSuffix', 'expiration']) {
    const change = { msaId: 1, oldHandle: 'Alice.1', newBaseHandle: 'Bob', newSuffix: 2, expiration: 3 };
    delete change[field];
    refuses(() => normalizePayload('change', change), ErrorCode.BAD_PAYLOAD, `the change payload lacks ${field}`);
  }
});

test('handles as bytes are their UTF-8; invalid ones name the field, the text and the rule', () => {
  assert.deepEqual(normalizePayload('create', { ...CREATE, baseHandle: utf8('Alice') }), normalizePayload('create', CREATE));
  assert.equal(normalizePayload('create', CREATE).baseHandle, '0x416c696365');
  assert.equal(normalizePayload('retire', { msaId: 1, handle: utf8('Alice.4821'), expiration: 1 }).handle, u8aToHex(utf8('Alice.4821')));
  const change = normalizePayload('change', { msaId: 1, oldHandle: 'Ωμέγα.1000', newBaseHandle: utf8('東京'), newSuffix: 2, expiration: 3 });
  assert.deepEqual(change, { msaId: 1, oldHandle: u8aToHex(utf8('Ωμέγα.1000')), newBaseHandle: u8aToHex(utf8('東京')), newSuffix: 2, expiration: 3 });
  refuses(() => normalizePayload('create', { ...CREATE, baseHandle: 'ali@ce' }), ErrorCode.INVALID_HANDLE, /^baseHandle "ali@ce" is not valid: forbidden character '@'/, { rule: 'ForbiddenCharacter' });
  refuses(() => normalizePayload('change', { msaId: 1, newBaseHandle: 'ADMIN', newSuffix: 2, expiration: 3 }), ErrorCode.INVALID_HANDLE, /^newBaseHandle "ADMIN" is not valid: /, { rule: 'Reserved' });
  refuses(() => normalizePayload('retire', { msaId: 1, handle: 'Alice', expiration: 1 }), ErrorCode.MALFORMED_DISPLAY_HANDLE, /^handle: /, { rule: 'MissingSuffix' });
  refuses(() => normalizePayload('change', { msaId: 1, oldHandle: 'a.b.1', newBaseHandle: 'Bob', newSuffix: 2, expiration: 3 }), ErrorCode.MALFORMED_DISPLAY_HANDLE, /^oldHandle: /, { rule: 'DottedBase' });
  refuses(() => normalizePayload('retire', { msaId: 1, handle: 'a\ud800.1', expiration: 1 }), ErrorCode.NOT_UTF8, /^handle: the display handle is not well-formed/);
  refuses(() => normalizePayload('retire', { msaId: 1, handle: 42, expiration: 1 }), ErrorCode.WRONG_TYPE, /^handle: the display handle must be/);
});

test('unchecked: any text or bytes, as they are; kinds, integers and accounts are still checked', () => {
  const unchecked = { unchecked: true };
  assert.deepEqual(normalizePayload('create', { ...CREATE, baseHandle: 'ADMIN' }, unchecked), { baseHandle: '0x41444d494e', suffix: 4821, expiration: 1234 });
  assert.equal(normalizePayload('create', { ...CREATE, baseHandle: new Uint8Array([0xff, 0x00]) }, unchecked).baseHandle, '0xff00');
  assert.equal(normalizePayload('create', { ...CREATE, baseHandle: 'x'.repeat(1000) }, unchecked).baseHandle, u8aToHex(utf8('x'.repeat(1000))));
  assert.equal(normalizePayload('retire', { msaId: 1, handle: 'no suffix', expiration: 1 }, unchecked).handle, u8aToHex(utf8('no suffix')));
  const change = normalizePayload('change', { msaId: 1, oldHandle: '0x12', newBaseHandle: 'a b', newSuffix: 2, expiration: 3 }, unchecked);
  assert.deepEqual([change.oldHandle, change.newBaseHandle], ['0x30783132', '0x612062']);
  refuses(() => normalizePayload('create', { ...CREATE, baseHandle: 7 }, unchecked), ErrorCode.WRONG_TYPE, 'baseHandle must be a string or a Uint8Array, got number');
  refuses(() => normalizePayload('retire', { msaId: 1, handle: null, expiration: 1 }, unchecked), ErrorCode.WRONG_TYPE, 'handle must be a string or a Uint8Array, got null');
  refuses(() => normalizePayload('create', { ...CREATE, suffix: -1 }, unchecked), ErrorCode.OUT_OF_RANGE, /^suffix must be an integer/);
  refuses(() => normalizePayload('transfer', { msaId: 1, owner: ALICE, newOwner: '0x12', expiration: 1 }, unchecked), ErrorCode.BAD_BYTES, /^newOwner must be 0x followed by 64 hex digits/);
  // The unchecked option reaches the encodings and the signed message.
  assert.deepEqual(encodePayload('create', { ...CREATE, baseHandle: 'ADMIN' }, unchecked), signedMessage(GENESIS, 'create', { ...CREATE, baseHandle: 'ADMIN' }, unchecked).subarray(40));
  assert.equal(signedMessageHex(GENESIS, 'create', { ...CREATE, baseHandle: 'a b' }, unchecked), u8aToHex(signedMessage(GENESIS, 'create', { ...CREATE, baseHandle: 'a b' }, unchecked)));
  assert.equal(Buffer.from(wrappedMessage(GENESIS, 'create', { ...CREATE, baseHandle: 'a b' }, unchecked)).toString(), `<Bytes>${Buffer.from(signedMessage(GENESIS, 'create', { ...CREATE, baseHandle: 'a b' }, unchecked)).toString()}</Bytes>`);
  for (const fn of [encodePayload, (k, p) => signedMessage(GENESIS, k, p), (k, p) => signedMessageHex(GENESIS, k, p), (k, p) => wrappedMessage(GENESIS, k, p)]) {
    refuses(() => fn('create', { ...CREATE, baseHandle: 'ADMIN' }), ErrorCode.INVALID_HANDLE, /ADMIN/);
  }
});

test('every kind encodes as its payload type; integer fields are named when refused', () => {
  const payloads = {
    create: CREATE,
    retire: { msaId: 7, handle: 'Alice.4821', expiration: 9 },
    change: { msaId: 7, oldHandle: null, newBaseHandle: 'Bob', newSuffix: 1000, expiration: 9 },
    transfer: { msaId: 7, owner: ALICE, newOwner: ALICE, expiration: 9 },
  };
  for (const [kind, payload] of Object.entries(payloads)) {
    assert.deepEqual(encodePayload(kind, payload), signedMessage(GENESIS, kind, payload).subarray(40), kind);
    refuses(() => normalizePayload(kind, { ...payload, expiration: -1 }), ErrorCode.OUT_OF_RANGE, /^expiration must be an integer/);
    if (kind !== 'create') refuses(() => normalizePayload(kind, { ...payload, msaId: 2 ** 32 }), ErrorCode.OUT_OF_RANGE, /^msaId must be an integer/);
  }
  refuses(() => normalizePayload('change', { ...payloads.change, newSuffix: 0.5 }), ErrorCode.OUT_OF_RANGE, /^newSuffix must be an integer/);
  refuses(() => signedMessage('0x12', 'create', CREATE), ErrorCode.BAD_BYTES, 'the genesis hash must be 0x followed by 64 hex digits (32 bytes), got "0x12"');
});

test('accounts: SS58 of 32 bytes only, named in the message', () => {
  const transfer = (owner) => normalizePayload('transfer', { msaId: 1, owner, newOwner: ALICE, expiration: 1 });
  const alice = transfer(ALICE).newOwner;
  assert.equal(u8aToHex(alice), '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d');
  assert.deepEqual(transfer(new Uint8Array(alice)).owner, alice);
  const ecdsaKey = encodeAddress(new Uint8Array(33).fill(2));
  refuses(() => transfer(ecdsaKey), ErrorCode.BAD_BYTES, 'owner must be a 32-byte account, got 33 bytes');
  refuses(() => transfer('x'.repeat(65)), ErrorCode.BAD_BYTES, 'owner is not an SS58 address (too long)');
  refuses(() => transfer('5Grwva'), ErrorCode.BAD_BYTES, /^owner "5Grwva" is not an SS58 address: ./);
  assert.throws(() => transfer('5Grwva'), (e) => e.cause instanceof Error);
  refuses(() => transfer(42), ErrorCode.WRONG_TYPE, /^owner must be 0x-prefixed hex or a Uint8Array of 32 bytes, got number$/);
  // 64 characters are tried as SS58 (and refused as such), not cut short as too long.
  refuses(() => transfer('1'.repeat(64)), ErrorCode.BAD_BYTES, /^owner "1{64}" is not an SS58 address: /);
});
