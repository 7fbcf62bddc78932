// Signing the readable text of v3 (signReadable): keyring pairs of each key type, an extension
// signer (signRaw), an Ethereum keyring pair and an EIP-1193 provider (personal_sign, EIP-191), and
// the chain account of an Ethereum key.

import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { hexToString, hexToU8a, stringToU8a, u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { cryptoWaitReady, ed25519Verify, keccakAsU8a, secp256k1Expand, secp256k1Recover, signatureVerify, sr25519Verify } from '@polkadot/util-crypto';

import { ErrorCode, HANDLES_CHAIN_NAME, HandlesError, eip191, ethereumAccount, signReadable, signingMessage } from '../src/index.js';

const CHAIN = { name: HANDLES_CHAIN_NAME, genesisHash: '0x' + '12'.repeat(32), ss58Prefix: 42 };
const PAYLOAD = { baseHandle: 'Alice', suffix: 4821, expiration: 1234 };
const TEXT = `Handles: claim Alice.4821\nChain: Handles 0x${'12'.repeat(32)}\nValid until block: 1234`;
let pairs;
let eth;

before(async () => {
  await cryptoWaitReady();
  pairs = Object.fromEntries(['sr25519', 'ed25519', 'ecdsa'].map((type) => [type, new Keyring({ type }).addFromUri('//Alice')]));
  eth = new Keyring({ type: 'ethereum' }).addFromSeed(new Uint8Array(32).fill(0x42));
});

/** The compressed public key that signed `message` (the EIP-191 bytes) with a 65-byte `signature`. */
function recoverEth(message, signature) {
  const bytes = hexToU8a(signature);
  const v = bytes[64] >= 27 ? bytes[64] - 27 : bytes[64];
  return secp256k1Recover(keccakAsU8a(message, 256), bytes.subarray(0, 64), v, 'blake2');
}

test('a keyring pair signs the <Bytes>-wrapped readable text, or the bare text, for each key type', async () => {
  for (const [type, variant] of [['sr25519', 'Sr25519'], ['ed25519', 'Ed25519'], ['ecdsa', 'Ecdsa']]) {
    const pair = pairs[type];
    const { signature, message } = await signReadable(pair, { call: 'create', payload: PAYLOAD, chain: CHAIN });
    assert.equal(message, TEXT);
    assert.deepEqual(Object.keys(signature), [variant]);
    assert.ok(signatureVerify(u8aWrapBytes(stringToU8a(TEXT)), signature[variant], pair.address).isValid, type);
    const bare = await signReadable(pair, { call: 'create', payload: PAYLOAD, chain: CHAIN, wrap: false });
    assert.ok(signatureVerify(stringToU8a(TEXT), bare.signature[variant], pair.address).isValid, `${type} bare`);
  }
  // signatureVerify accepts either form; the schemes' own checks tell them apart.
  for (const [type, verify] of [['sr25519', sr25519Verify], ['ed25519', ed25519Verify]]) {
    const pair = pairs[type];
    const [wrapped] = Object.values((await signReadable(pair, { call: 'create', payload: PAYLOAD, chain: CHAIN })).signature);
    assert.ok(verify(u8aWrapBytes(stringToU8a(TEXT)), wrapped, pair.publicKey), type);
    assert.ok(!verify(stringToU8a(TEXT), wrapped, pair.publicKey), `${type}: wrapped is not bare`);
  }
});

test('an extension signer is asked to sign the readable text itself', async () => {
  const pair = pairs.sr25519;
  const requests = [];
  const signer = {
    async signRaw(raw) {
      requests.push(raw);
      return { id: 1, signature: u8aToHex(pair.sign(u8aWrapBytes(hexToU8a(raw.data)))) };
    },
  };
  const { signature } = await signReadable(signer, { call: 'create', payload: PAYLOAD, chain: CHAIN, address: pair.address });
  assert.deepEqual(requests, [{ address: pair.address, data: signingMessage('create', PAYLOAD, CHAIN).bytes, type: 'bytes' }]);
  assert.equal(hexToString(requests[0].data), TEXT);
  assert.ok(signatureVerify(u8aWrapBytes(stringToU8a(TEXT)), signature.Sr25519, pair.address).isValid);
});

test('an Ethereum keyring pair signs EIP-191 of the text: an Eth signature the key recovers from', async () => {
  const { signature, message } = await signReadable(eth, { call: 'create', payload: PAYLOAD, chain: CHAIN });
  assert.equal(message, TEXT);
  assert.deepEqual(Object.keys(signature), ['Eth']);
  assert.equal(hexToU8a(signature.Eth).length, 65);
  assert.deepEqual(recoverEth(eip191(stringToU8a(TEXT)), signature.Eth), eth.publicKey);
  // Not a signature of the bare text.
  assert.notDeepEqual(recoverEth(stringToU8a(TEXT), signature.Eth), eth.publicKey);
});

test('an EIP-1193 provider is asked to personal_sign the text, and its signature is an Eth one', async () => {
  const requests = [];
  const provider = {
    async request(args) {
      requests.push(args);
      const signed = eth.sign(eip191(hexToU8a(args.params[0])));
      // MetaMask gives v as 27 or 28.
      signed[64] += 27;
      return u8aToHex(signed);
    },
  };
  const address = '0x17c5185167401ed00cf5f5b2fc97d9bbfdb7d025';
  const { signature } = await signReadable(provider, { call: 'create', payload: PAYLOAD, chain: CHAIN, address });
  assert.equal(requests.length, 1);
  assert.equal(requests[0].method, 'personal_sign');
  assert.equal(hexToString(requests[0].params[0]), TEXT);
  assert.equal(requests[0].params[1], address);
  assert.deepEqual(recoverEth(eip191(stringToU8a(TEXT)), signature.Eth), eth.publicKey);
  await assert.rejects(signReadable(provider, { call: 'create', payload: PAYLOAD, chain: CHAIN }), (e) => e instanceof HandlesError && e.code === ErrorCode.BAD_SIGNER);
  const refusing = { request: async () => { throw new Error('User rejected the request.'); } };
  await assert.rejects(signReadable(refusing, { call: 'create', payload: PAYLOAD, chain: CHAIN, address }), /the wallet refused: User rejected/);
  const silent = { request: async () => '0x1234' };
  await assert.rejects(signReadable(silent, { call: 'create', payload: PAYLOAD, chain: CHAIN, address }), /65-byte signature/);
});

test('EIP-191 is the prefix, the decimal byte length, then the bytes', () => {
  assert.equal(u8aToHex(eip191(stringToU8a('abc'))), u8aToHex(stringToU8a('\x19Ethereum Signed Message:\n3abc')));
  const text = stringToU8a('Zoë');
  assert.equal(hexToString(u8aToHex(eip191(text))), '\x19Ethereum Signed Message:\n4Zoë');
});

test('an Ethereum key owns the account of keccak-256 of its compressed key, then twelve 0xEE', () => {
  // sp-runtime's vector: the key of seed 0x42…42.
  const expected = '0x2714c48edc39bc2714729e6530760d62344d6698eeeeeeeeeeeeeeeeeeeeeeee';
  assert.equal(ethereumAccount(eth.publicKey), expected);
  assert.equal(ethereumAccount(u8aToHex(eth.publicKey)), expected);
  const uncompressed = secp256k1Expand(eth.publicKey);
  assert.equal(uncompressed.length, 64);
  assert.equal(ethereumAccount(uncompressed), expected);
  // The wallet's address is another hash of the same key.
  assert.equal(eth.address.toLowerCase(), '0x17c5185167401ed00cf5f5b2fc97d9bbfdb7d025');
  assert.throws(() => ethereumAccount(new Uint8Array(20)), (e) => e.code === ErrorCode.BAD_BYTES);
});
