// Signing: keyring pairs of each key type, an extension-style signer (signRaw, which wraps the
// data in <Bytes> itself, as polkadot-js and other browser wallets do), and signature forms.

import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { hexToU8a, u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { cryptoWaitReady, signatureVerify } from '@polkadot/util-crypto';

import { ErrorCode, HandlesError, signPayload, signedMessage, toMultiSignature } from '../src/index.js';

const GENESIS = '0x' + '12'.repeat(32);
const PAYLOAD = { baseHandle: 'Alice', suffix: 4821, expiration: 1234 };
let pairs;

before(async () => {
  await cryptoWaitReady();
  pairs = Object.fromEntries(['sr25519', 'ed25519', 'ecdsa'].map((type) => [type, new Keyring({ type }).addFromUri('//Alice')]));
});

/** A signer of the polkadot.js extension interface: it signs `u8aWrapBytes(data)`. */
function extensionSigner(pair, { withTypePrefix = false } = {}) {
  return {
    requests: [],
    async signRaw(raw) {
      this.requests.push(raw);
      const signature = pair.sign(u8aWrapBytes(hexToU8a(raw.data)), { withType: withTypePrefix });
      return { id: 1, signature: u8aToHex(signature) };
    },
  };
}

test('a keyring pair signs the wrapped message; each key type gets its MultiSignature variant', async () => {
  const message = signedMessage(GENESIS, 'create', PAYLOAD);
  for (const [type, variant] of [['sr25519', 'Sr25519'], ['ed25519', 'Ed25519'], ['ecdsa', 'Ecdsa']]) {
    const pair = pairs[type];
    const sig = await signPayload(pair, { genesisHash: GENESIS, kind: 'create', payload: PAYLOAD });
    assert.deepEqual(Object.keys(sig), [variant]);
    assert.ok(signatureVerify(u8aWrapBytes(message), sig[variant], pair.address).isValid, type);
    const bare = await signPayload(pair, { genesisHash: GENESIS, kind: 'create', payload: PAYLOAD, wrap: false });
    assert.ok(signatureVerify(message, bare[variant], pair.address).isValid, `${type} bare`);
  }
});

test('an extension signer gets the hex message and type bytes, and its signature verifies', async () => {
  for (const type of ['sr25519', 'ed25519', 'ecdsa']) {
    for (const withTypePrefix of [false, true]) {
      const pair = pairs[type];
      const signer = extensionSigner(pair, { withTypePrefix });
      const sig = await signPayload(signer, { genesisHash: GENESIS, kind: 0, payload: PAYLOAD, address: pair.address, type });
      assert.deepEqual(signer.requests, [{ address: pair.address, data: u8aToHex(signedMessage(GENESIS, 0, PAYLOAD)), type: 'bytes' }]);
      const [value] = Object.values(sig);
      assert.ok(signatureVerify(u8aWrapBytes(signedMessage(GENESIS, 0, PAYLOAD)), value, pair.address).isValid, `${type} ${withTypePrefix}`);
    }
  }
});

test('signRaw without an address, a refusing wallet, and non-signers are refused', async () => {
  const signer = extensionSigner(pairs.sr25519);
  await assert.rejects(signPayload(signer, { genesisHash: GENESIS, kind: 0, payload: PAYLOAD }), (e) => e instanceof HandlesError && e.code === ErrorCode.BAD_SIGNER);
  const refusing = { signRaw: async () => Promise.reject(new Error('Cancelled')) };
  await assert.rejects(signPayload(refusing, { genesisHash: GENESIS, kind: 0, payload: PAYLOAD, address: pairs.sr25519.address }), (e) => e.code === ErrorCode.BAD_SIGNER && /Cancelled/.test(e.message));
  const silent = { signRaw: async () => ({}) };
  await assert.rejects(signPayload(silent, { genesisHash: GENESIS, kind: 0, payload: PAYLOAD, address: 'x' }), (e) => e.code === ErrorCode.BAD_SIGNER);
  for (const bad of [null, {}, 'alice', { sign: 1 }]) {
    await assert.rejects(signPayload(bad, { genesisHash: GENESIS, kind: 0, payload: PAYLOAD }), (e) => e.code === ErrorCode.BAD_SIGNER);
  }
  // The payload is checked before any signer is asked.
  await assert.rejects(signPayload(signer, { genesisHash: GENESIS, kind: 0, payload: { ...PAYLOAD, baseHandle: 'a b' }, address: 'x' }), (e) => e.code === ErrorCode.INVALID_HANDLE);
  assert.equal(signer.requests.length, 0);
});

test('toMultiSignature: lengths, prefixes and key types', () => {
  const s64 = '0x' + '11'.repeat(64);
  const s65 = '0x' + '22'.repeat(65);
  assert.deepEqual(toMultiSignature(s64), { Sr25519: s64 });
  assert.deepEqual(toMultiSignature(s64, 'ed25519'), { Ed25519: s64 });
  assert.deepEqual(toMultiSignature(s65), { Ecdsa: s65 });
  assert.deepEqual(toMultiSignature('0x01' + '11'.repeat(64), 'sr25519'), { Sr25519: s64 });
  assert.deepEqual(toMultiSignature('0x00' + '11'.repeat(64), 'ed25519'), { Ed25519: s64 });
  assert.deepEqual(toMultiSignature('0x02' + '22'.repeat(65)), { Ecdsa: s65 });
  assert.deepEqual(toMultiSignature(hexToU8a(s64)), { Sr25519: s64 });
  for (const [sig, type] of [['0x1234', undefined], [s65, 'sr25519'], ['0x' + '11'.repeat(70), undefined], ['nothex', undefined], [s64, 'rsa']]) {
    assert.throws(() => toMultiSignature(sig, type), HandlesError, `${sig.slice(0, 10)} ${type}`);
  }
  assert.throws(() => toMultiSignature(42), (e) => e.code === ErrorCode.BAD_BYTES);
});
