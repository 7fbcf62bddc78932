// The signed-payload bytes and the RPC definitions of @handles/client (the ones every other test
// uses), checked without a node: the payload bytes must equal SCALE encodings of the same tuples
// made by @polkadot/types, and the result types must decode the contract's JSON back to the same JSON.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { TypeRegistry } from '@polkadot/types';
import { hexToU8a, stringToU8a, u8aConcat, u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { cryptoWaitReady, signatureVerify } from '@polkadot/util-crypto';

import {
  HandlesError,
  PayloadKind,
  handlesRpc,
  handlesTypes,
  signPayload,
  signedMessage,
  wrappedMessage,
} from '@handles/client';

const GENESIS = `0x${'ab'.repeat(32)}`;
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const registry = new TypeRegistry();
registry.register(handlesTypes);

function scale(type, value) {
  return registry.createType(type, value).toU8a();
}

test('create payload = SCALE(([u8;7], H256, u8, Vec<u8>, u32, u32))', () => {
  const payload = { baseHandle: 'Zoë', suffix: 4821, expiration: 1234567 };
  const expected = scale('([u8;7], H256, u8, Bytes, u32, u32)', [
    stringToU8a('handles'),
    GENESIS,
    0,
    u8aToHex(stringToU8a('Zoë')), // a hex string is the bytes themselves; a Uint8Array would be read as SCALE
    4821,
    1234567,
  ]);
  assert.deepEqual(signedMessage(GENESIS, PayloadKind.create, payload), expected);
  // Spelled out: tag, genesis, kind, compact(4 bytes) = 0x10, UTF-8, LE u32s.
  assert.equal(
    u8aToHex(signedMessage(GENESIS, PayloadKind.create, payload)),
    `0x68616e646c6573${'ab'.repeat(32)}00105a6fc3abd512000087d61200`,
  );
});

test('retire payload = SCALE(([u8;7], H256, u8, u32, Vec<u8>, u32)) with the display handle', () => {
  const expected = scale('([u8;7], H256, u8, u32, Bytes, u32)', [stringToU8a('handles'), GENESIS, 1, 0xdeadbeef, u8aToHex(stringToU8a('Alice.4821')), 99]);
  assert.deepEqual(signedMessage(GENESIS, PayloadKind.retire, { msaId: 0xdeadbeef, handle: 'Alice.4821', expiration: 99 }), expected);
  // The pallet's README vector (genesis 0xab.., MSA 0x01020304, expiration 1234).
  assert.equal(
    u8aToHex(signedMessage('0x' + 'ab'.repeat(32), PayloadKind.retire, { msaId: 0x01020304, handle: 'Alice.4821', expiration: 1234 })),
    `0x68616e646c6573${'ab'.repeat(32)}010403020128416c6963652e34383231d2040000`,
  );
});

test('change payload = SCALE(([u8;7], H256, u8, u32, Option<Vec<u8>>, Vec<u8>, u32, u32))', () => {
  // Compact length takes two bytes from 64 on. No valid base is that long, so the rules are skipped
  // (`unchecked`) to see the encoding: the chain refuses such a payload when it decodes the call.
  const long = 'x'.repeat(70);
  for (const oldHandle of ['Alice.4821', null]) {
    const expected = scale('([u8;7], H256, u8, u32, Option<Bytes>, Bytes, u32, u32)', [
      stringToU8a('handles'),
      GENESIS,
      2,
      7,
      oldHandle === null ? null : u8aToHex(stringToU8a(oldHandle)),
      u8aToHex(stringToU8a(long)),
      1000,
      5,
    ]);
    const msg = signedMessage(GENESIS, PayloadKind.change, {
      msaId: 7,
      oldHandle,
      newBaseHandle: long,
      newSuffix: 1000,
      expiration: 5,
    }, { unchecked: true });
    assert.deepEqual(msg, expected, `old handle ${oldHandle}`);
  }
  // The pallet's README vector.
  assert.equal(
    u8aToHex(signedMessage('0x' + 'ab'.repeat(32), PayloadKind.change, { msaId: 0x01020304, oldHandle: 'Alice.4821', newBaseHandle: 'Bob', newSuffix: 4821, expiration: 1234 })),
    `0x68616e646c6573${'ab'.repeat(32)}02040302010128416c6963652e343832310c426f62d5120000d2040000`,
  );
});

test('transfer payload = SCALE(([u8;7], H256, u8, u32, AccountId32, AccountId32, u32)): owner, then new owner', () => {
  const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
  const expected = scale('([u8;7], H256, u8, u32, AccountId32, AccountId32, u32)', [stringToU8a('handles'), GENESIS, 3, 42, ALICE, BOB, 300]);
  assert.deepEqual(
    signedMessage(GENESIS, PayloadKind.transfer, { msaId: 42, owner: ALICE, newOwner: BOB, expiration: 300 }),
    expected,
  );
});

test('bad payload values are refused, not silently encoded', () => {
  const refused = (code) => (e) => e instanceof HandlesError && e.code === code;
  assert.throws(() => signedMessage(GENESIS, PayloadKind.retire, { msaId: -1, handle: 'a.1', expiration: 1 }), refused('OUT_OF_RANGE'));
  assert.throws(() => signedMessage(GENESIS, PayloadKind.retire, { msaId: 2 ** 32, handle: 'a.1', expiration: 1 }), refused('OUT_OF_RANGE'));
  assert.throws(() => signedMessage('0x1234', PayloadKind.retire, { msaId: 1, handle: 'a.1', expiration: 1 }), refused('BAD_BYTES'));
  assert.throws(() => signedMessage(GENESIS, 9, {}), refused('BAD_PAYLOAD'));
});

test('the wallet signature is over <Bytes>message</Bytes>', async () => {
  await cryptoWaitReady();
  const pair = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  const payload = { baseHandle: 'Alice', suffix: 1000, expiration: 10 };
  const wrapped = wrappedMessage(GENESIS, PayloadKind.create, payload);
  assert.deepEqual(
    wrapped,
    u8aConcat(stringToU8a('<Bytes>'), signedMessage(GENESIS, PayloadKind.create, payload), stringToU8a('</Bytes>')),
  );
  assert.deepEqual(wrapped, u8aWrapBytes(signedMessage(GENESIS, PayloadKind.create, payload)));
  const sig = await signPayload(pair, { genesisHash: hexToU8a(GENESIS), kind: PayloadKind.create, payload });
  assert.deepEqual(Object.keys(sig), ['Sr25519']);
  assert.equal(signatureVerify(wrapped, sig.Sr25519, pair.address).isValid, true);
  // ed25519 owners get the Ed25519 variant.
  const ed = new Keyring({ type: 'ed25519' }).addFromUri('//Alice');
  const edSig = await signPayload(ed, { genesisHash: GENESIS, kind: PayloadKind.create, payload });
  assert.equal(signatureVerify(wrapped, edSig.Ed25519, ed.address).isValid, true);
});

test('every handles_* method is defined with an optional trailing at', () => {
  assert.deepEqual(Object.keys(handlesRpc).sort(), [
    'getHandleForMsa',
    'getHandlesForMsas',
    'getHandlesForOwner',
    'getMsaForHandle',
    'getMsasForHandles',
    'getSeed',
    'getSettings',
    'getSuffixOptions',
    'signingMessage',
    'validateHandle',
  ]);
  for (const [name, def] of Object.entries(handlesRpc)) {
    const last = def.params[def.params.length - 1];
    assert.equal(last.name, 'at', name);
    assert.equal(last.isOptional, true, name);
    assert.ok(def.params.slice(0, -1).every((p) => !p.isOptional), name);
  }
});

test('result types read the contract JSON back unchanged', () => {
  const samples = {
    HandlesRpcSeed: { current: `0x${'aa'.repeat(32)}`, previous: `0x${'bb'.repeat(32)}`, nextRotation: 101 },
    HandlesRpcSuffixOptions: { baseHandle: 'Zoë', canonical: 'zoe', candidates: [1000, 2000, 3000], available: [2000, 3000], expiring: [3000], nextRotation: 201 },
    HandlesRpcMsaForHandle: { msaId: 77, owner: ALICE, handle: 'Alice.4821' },
    HandlesRpcHandleForMsa: {
      handle: 'Alice.4821',
      baseHandle: 'Alice',
      suffix: 4821,
      canonical: 'alice',
      owner: ALICE,
      createdAt: 5,
    },
    HandlesRpcOwnedMsa: { msaId: 78, handle: null },
    HandlesRpcValidation: { valid: false, canonical: null, error: 'reserved' },
    HandlesRpcSettings: {
      suffixMin: 1000,
      suffixMax: 9999,
      reuseCooldown: 100800,
      seedRotationPeriod: 100,
      maxPayloadLifetime: 200,
      legacyPayloadDeadline: 100800,
    },
  };
  for (const [type, json] of Object.entries(samples)) {
    assert.deepEqual(registry.createType(type, json).toJSON(), json, type);
  }
  assert.equal(registry.createType('Option<HandlesRpcMsaForHandle>', null).isNone, true);
});
