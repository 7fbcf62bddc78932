// Signing at its edges (sign.test.js covers the main paths): signature forms toMultiSignature
// refuses and how it says so, key types a pair may not have, wallets that answer badly, and
// unchecked payloads signed for tests of the chain's own checks.

import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { hexToU8a, u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { cryptoWaitReady, ed25519Verify, signatureVerify } from '@polkadot/util-crypto';

import { ErrorCode, HandlesError, signPayload, signedMessage, toMultiSignature } from '../src/index.js';

const GENESIS = '0x' + '34'.repeat(32);
const PAYLOAD = { baseHandle: 'Alice', suffix: 4821, expiration: 1234 };
let pair;

before(async () => {
  await cryptoWaitReady();
  pair = new Keyring({ type: 'sr25519' }).addFromUri('//SignaturesTest');
});

const refuses = (code, message) => (e) => {
  assert.ok(e instanceof HandlesError, String(e));
  assert.equal(e.code, code, e.message);
  if (typeof message === 'string') assert.equal(e.message, message);
  else assert.match(e.message, message);
  return true;
};

test('toMultiSignature: what is refused, and the sizes the message names', () => {
  const hex = (n, first = 0x11) => '0x' + first.toString(16).padStart(2, '0') + '11'.repeat(n - 1);
  assert.throws(() => toMultiSignature(hex(63)), refuses(ErrorCode.BAD_BYTES, 'a sr25519/ed25519/ecdsa signature is 64 or 65 bytes, got 63'));
  assert.throws(() => toMultiSignature(hex(66)), refuses(ErrorCode.BAD_BYTES, 'a sr25519/ed25519/ecdsa signature is 64 or 65 bytes, got 66'));
  assert.throws(() => toMultiSignature(hex(63, 0x02)), refuses(ErrorCode.BAD_BYTES, 'a sr25519/ed25519/ecdsa signature is 64 or 65 bytes, got 63'));
  assert.throws(() => toMultiSignature(hex(64), 'ecdsa'), refuses(ErrorCode.BAD_BYTES, 'a ecdsa signature is 65 bytes, got 64'));
  assert.throws(() => toMultiSignature(hex(65), 'ed25519'), refuses(ErrorCode.BAD_BYTES, 'a ed25519 signature is 64 bytes, got 65'));
  // A prefix byte of another key type is not taken off.
  assert.throws(() => toMultiSignature(hex(65, 0x01), 'ed25519'), refuses(ErrorCode.BAD_BYTES, /got 65$/));
  assert.throws(() => toMultiSignature(hex(66, 0x01), 'ecdsa'), refuses(ErrorCode.BAD_BYTES, /got 66$/));
  assert.throws(() => toMultiSignature(hex(64), 'rsa'), refuses(ErrorCode.BAD_SIGNER, 'unknown key type "rsa": expected sr25519, ed25519 or ecdsa'));
  assert.throws(() => toMultiSignature('0x' + 'zz'.repeat(64)), refuses(ErrorCode.BAD_BYTES, /^a signature must be 0x hex or a Uint8Array, got "0xzzzz/));
  assert.throws(() => toMultiSignature('y'.repeat(100)), refuses(ErrorCode.BAD_BYTES, `a signature must be 0x hex or a Uint8Array, got "${'y'.repeat(80)}"`));
  assert.throws(() => toMultiSignature(null), refuses(ErrorCode.BAD_BYTES, 'a signature must be 0x hex or a Uint8Array, got object'));
  // A signature of its natural length keeps a first byte that looks like a prefix.
  assert.deepEqual(toMultiSignature(hex(64, 0x01)), { Sr25519: hex(64, 0x01) });
  assert.deepEqual(toMultiSignature(hex(64, 0x00), 'ed25519'), { Ed25519: hex(64, 0x00) });
  assert.deepEqual(toMultiSignature(hex(65, 0x02)), { Ecdsa: hex(65, 0x02) });
  // Without a type, 66 bytes are ecdsa with its prefix only when the first byte is 2.
  assert.deepEqual(toMultiSignature(hex(66, 0x02)), { Ecdsa: '0x' + '11'.repeat(65) });
  assert.deepEqual(toMultiSignature(hexToU8a(hex(65, 0x00)), 'ed25519'), { Ed25519: '0x' + '11'.repeat(64) });
});

test('a pair of a key type the chain does not take is refused before it signs', async () => {
  let signed = 0;
  const ethereum = { type: 'ethereum', address: '0x00', sign: () => (signed += 1, new Uint8Array(65)) };
  await assert.rejects(signPayload(ethereum, { genesisHash: GENESIS, kind: 0, payload: PAYLOAD }), refuses(ErrorCode.BAD_SIGNER, 'unsupported key type ethereum'));
  assert.equal(signed, 0);
  // `sign` without a type string is no pair: with no signRaw either, the general refusal.
  const untyped = { sign: () => new Uint8Array(64) };
  await assert.rejects(signPayload(untyped, { genesisHash: GENESIS, kind: 0, payload: PAYLOAD }), refuses(ErrorCode.BAD_SIGNER, 'the signer must be a keyring pair (sign, type) or an extension signer (signRaw)'));
});

test('a wallet: an empty address, a refusal that is no Error, and answers without a signature string', async () => {
  const options = { genesisHash: GENESIS, kind: 0, payload: PAYLOAD, address: pair.address };
  let asked = 0;
  const good = { signRaw: async (r) => (asked += 1, { signature: u8aToHex(pair.sign(u8aWrapBytes(hexToU8a(r.data)))) }) };
  await assert.rejects(signPayload(good, { ...options, address: '' }), refuses(ErrorCode.BAD_SIGNER, 'signing with signRaw needs the address of the signing account (options.address)'));
  await assert.rejects(signPayload(good, { ...options, address: 42 }), refuses(ErrorCode.BAD_SIGNER, /needs the address/));
  assert.equal(asked, 0);
  const rejecting = { signRaw: async () => Promise.reject('User said no') };
  await assert.rejects(signPayload(rejecting, options), (e) => refuses(ErrorCode.BAD_SIGNER, 'the signer refused: User said no')(e) && e.cause === 'User said no');
  const failing = new Error('Cancelled');
  await assert.rejects(signPayload({ signRaw: async () => Promise.reject(failing) }, options), (e) => refuses(ErrorCode.BAD_SIGNER, 'the signer refused: Cancelled')(e) && e.cause === failing);
  await assert.rejects(signPayload({ signRaw: async () => Promise.reject(undefined) }, options), refuses(ErrorCode.BAD_SIGNER, 'the signer refused: undefined'));
  // A wallet object that also names its key type is still asked through signRaw.
  const typed = { type: 'sr25519', signRaw: good.signRaw };
  assert.ok((await signPayload(typed, options)).Sr25519);
  assert.equal(asked, 1);
  for (const answer of [null, undefined, { signature: new Uint8Array(64) }, { signature: 64 }]) {
    await assert.rejects(signPayload({ signRaw: async () => answer }, options), refuses(ErrorCode.BAD_SIGNER, 'signRaw returned no signature'));
  }
  const sig = await signPayload(good, options);
  assert.equal(asked, 2);
  assert.ok(signatureVerify(u8aWrapBytes(signedMessage(GENESIS, 0, PAYLOAD)), sig.Sr25519, pair.address).isValid);
});

test('a pair signs the <Bytes>-wrapped message by default, the bare one with wrap: false, never both', async () => {
  // signatureVerify accepts either form; the key type's own verify tells them apart.
  const ed = new Keyring({ type: 'ed25519' }).addFromUri('//SignaturesTest');
  const message = signedMessage(GENESIS, 0, PAYLOAD);
  const wrapped = (await signPayload(ed, { genesisHash: GENESIS, kind: 0, payload: PAYLOAD })).Ed25519;
  assert.deepEqual([ed25519Verify(u8aWrapBytes(message), wrapped, ed.publicKey), ed25519Verify(message, wrapped, ed.publicKey)], [true, false]);
  const bare = (await signPayload(ed, { genesisHash: GENESIS, kind: 0, payload: PAYLOAD, wrap: false })).Ed25519;
  assert.deepEqual([ed25519Verify(u8aWrapBytes(message), bare, ed.publicKey), ed25519Verify(message, bare, ed.publicKey)], [false, true]);
});

test('unchecked payloads are signed as given, by pairs and wallets', async () => {
  const reserved = { baseHandle: 'ADMIN', suffix: 1, expiration: 2 };
  await assert.rejects(signPayload(pair, { genesisHash: GENESIS, kind: 'create', payload: reserved }), refuses(ErrorCode.INVALID_HANDLE, /Reserved|reserved/));
  const message = signedMessage(GENESIS, 'create', reserved, { unchecked: true });
  const sig = await signPayload(pair, { genesisHash: GENESIS, kind: 'create', payload: reserved, unchecked: true });
  assert.ok(signatureVerify(u8aWrapBytes(message), sig.Sr25519, pair.address).isValid);
  const bare = await signPayload(pair, { genesisHash: GENESIS, kind: 'create', payload: reserved, unchecked: true, wrap: false });
  assert.ok(signatureVerify(message, bare.Sr25519, pair.address).isValid);
  const requests = [];
  const wallet = { signRaw: async (r) => (requests.push(r.data), { signature: u8aToHex(pair.sign(u8aWrapBytes(hexToU8a(r.data)))) }) };
  await signPayload(wallet, { genesisHash: GENESIS, kind: 'create', payload: reserved, unchecked: true, address: pair.address });
  assert.deepEqual(requests, [u8aToHex(message)]);
});
