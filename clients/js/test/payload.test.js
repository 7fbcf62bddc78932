// Payload building: field checks and byte strings that look like hex. The bytes themselves are
// checked against the pallet README's vectors (vectors.test.js) and, through the chain, by the
// end-to-end tests, which sign with this package.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { u8aToHex } from '@polkadot/util';

import { ErrorCode, HandlesError, PayloadKind, encodePayload, normalizePayload, signedMessage } from '../src/index.js';

const GENESIS = '0x' + 'ab'.repeat(32);
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const refuses = (fn, code, extra = {}) => assert.throws(fn, (e) => e instanceof HandlesError && e.code === code && Object.entries(extra).every(([k, v]) => e[k] === v));

test('kinds by number or name', () => {
  assert.deepEqual(PayloadKind, { create: 0, retire: 1, change: 2, transfer: 3 });
  const p = { baseHandle: 'Alice', suffix: 4821, expiration: 1234 };
  assert.deepEqual(signedMessage(GENESIS, 0, p), signedMessage(GENESIS, 'create', p));
  for (const bad of [4, -1, 'claim', null, 1.5, '0']) refuses(() => signedMessage(GENESIS, bad, p), ErrorCode.BAD_PAYLOAD);
});

test('text that looks like hex stays text', () => {
  const bytes = signedMessage(GENESIS, 'create', { baseHandle: '0x12', suffix: 1, expiration: 1 });
  assert.equal(u8aToHex(bytes.subarray(40, 45)), '0x1030783132'); // compact(4) "0x12"
  assert.equal(normalizePayload('create', { baseHandle: '0x12', suffix: 1, expiration: 1 }).baseHandle, '0x30783132');
});

test('the genesis hash: hex, bytes or api.genesisHash; 32 bytes only', () => {
  const p = { baseHandle: 'Alice', suffix: 4821, expiration: 1234 };
  assert.deepEqual(signedMessage(new Uint8Array(32).fill(0xab), 0, p), signedMessage(GENESIS, 0, p));
  for (const bad of ['0xabab', 'ab'.repeat(32), new Uint8Array(31), 7, null]) {
    assert.throws(() => signedMessage(bad, 0, p), HandlesError);
  }
});

test('payload fields are checked: names, types, rules, display handles, accounts', () => {
  const create = { baseHandle: 'Alice', suffix: 4821, expiration: 1234 };
  refuses(() => signedMessage(GENESIS, 'create', { ...create, msaId: 1 }), ErrorCode.BAD_PAYLOAD);
  refuses(() => signedMessage(GENESIS, 'create', { baseHandle: 'Alice', suffix: 4821 }), ErrorCode.BAD_PAYLOAD);
  refuses(() => signedMessage(GENESIS, 'create', null), ErrorCode.WRONG_TYPE);
  refuses(() => signedMessage(GENESIS, 'create', [1, 2, 3]), ErrorCode.WRONG_TYPE);
  refuses(() => signedMessage(GENESIS, 'create', { ...create, baseHandle: 'ali@ce' }), ErrorCode.INVALID_HANDLE, { rule: 'ForbiddenCharacter' });
  refuses(() => signedMessage(GENESIS, 'create', { ...create, baseHandle: 'x'.repeat(33) }), ErrorCode.INVALID_HANDLE, { rule: 'TooLong' });
  refuses(() => signedMessage(GENESIS, 'create', { ...create, baseHandle: 'x'.repeat(1000) }), ErrorCode.TOO_LONG);
  refuses(() => signedMessage(GENESIS, 'create', { ...create, suffix: -1 }), ErrorCode.OUT_OF_RANGE);
  refuses(() => signedMessage(GENESIS, 'create', { ...create, expiration: 2 ** 32 }), ErrorCode.OUT_OF_RANGE);
  refuses(() => signedMessage(GENESIS, 'create', { ...create, suffix: '4821' }), ErrorCode.WRONG_TYPE);
  refuses(() => signedMessage(GENESIS, 'retire', { msaId: 1, handle: 'Alice', expiration: 1 }), ErrorCode.MALFORMED_DISPLAY_HANDLE, { rule: 'MissingSuffix' });
  refuses(() => signedMessage(GENESIS, 'change', { msaId: 1, oldHandle: 'a.b.1', newBaseHandle: 'Bob', newSuffix: 1, expiration: 1 }), ErrorCode.MALFORMED_DISPLAY_HANDLE, { rule: 'DottedBase' });
  refuses(() => signedMessage(GENESIS, 'change', { msaId: 1, oldHandle: null, newBaseHandle: 'ADMIN', newSuffix: 1, expiration: 1 }), ErrorCode.INVALID_HANDLE, { rule: 'Reserved' });
  refuses(() => signedMessage(GENESIS, 'transfer', { msaId: 1, owner: 'not-an-address', newOwner: BOB, expiration: 1 }), ErrorCode.BAD_BYTES);
  refuses(() => signedMessage(GENESIS, 'transfer', { msaId: 1, owner: ALICE, newOwner: '0x1234', expiration: 1 }), ErrorCode.BAD_BYTES);
  refuses(() => signedMessage(GENESIS, 'transfer', { msaId: 1, owner: ALICE, newOwner: 'x'.repeat(10_000), expiration: 1 }), ErrorCode.BAD_BYTES);
  // An MSA without a handle: oldHandle may be null or left out.
  assert.deepEqual(
    signedMessage(GENESIS, 'change', { msaId: 1, newBaseHandle: 'Bob', newSuffix: 1, expiration: 1 }),
    signedMessage(GENESIS, 'change', { msaId: 1, oldHandle: null, newBaseHandle: 'Bob', newSuffix: 1, expiration: 1 }),
  );
});

test('accounts as SS58, hex or bytes give the same message', () => {
  const hexAlice = '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';
  const a = signedMessage(GENESIS, 'transfer', { msaId: 7, owner: ALICE, newOwner: BOB, expiration: 9 });
  const b = signedMessage(GENESIS, 'transfer', { msaId: 7, owner: hexAlice, newOwner: BOB, expiration: 9 });
  assert.deepEqual(a, b);
  assert.equal(u8aToHex(a.subarray(44, 76)), hexAlice);
});

test('encodePayload is the message without tag, genesis hash and kind', () => {
  const p = { msaId: 5, oldHandle: 'Alice.4821', newBaseHandle: 'Bob', newSuffix: 1000, expiration: 77 };
  assert.deepEqual(encodePayload('change', p), signedMessage(GENESIS, 'change', p).subarray(40));
});
