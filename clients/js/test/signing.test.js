// signingMessage: the text an owner signs, built by the crate handles-signing inside the package's
// WebAssembly module. Checked against the pallet README's vectors ("Signing messages (v3)": the
// exact text, byte count and blake2_256 of every call), and for the argument checks.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { stringToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsHex, cryptoWaitReady, decodeAddress } from '@polkadot/util-crypto';

import { ErrorCode, HANDLES_CHAIN_NAME, initRules, signingMessage, signingText, validate } from '../src/index.js';
import { rulesModule } from './lib/wasm.js';

await cryptoWaitReady();

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const GENESIS = `0x${Array.from({ length: 32 }, (_, i) => (i + 1).toString(16).padStart(2, '0')).join('')}`;
const CHAIN = { name: HANDLES_CHAIN_NAME, genesisHash: GENESIS, ss58Prefix: 42 };

/** The README's vectors, in order: the call and payload of each title. */
const VECTORS = [
  ['create `Alice.4821`', 'create', { baseHandle: 'Alice', suffix: 4821, expiration: 1234 }],
  ['create `Zoë.1001` (non-ASCII: the text is UTF-8)', 'create', { baseHandle: 'Zoë', suffix: 1001, expiration: 1234 }],
  ['retire `Alice.4821` of MSA 3829012', 'retire', { msaId: 3829012, handle: 'Alice.4821', expiration: 1234 }],
  ['change MSA 3829012 from `Alice.4821` to `Bob.2002`', 'change', { msaId: 3829012, oldHandle: 'Alice.4821', newBaseHandle: 'Bob', newSuffix: 2002, expiration: 1234 }],
  ['change MSA 3829012, which holds no handle, to `Bob.2002`', 'change', { msaId: 3829012, oldHandle: null, newBaseHandle: 'Bob', newSuffix: 2002, expiration: 1234 }],
  ['restyle MSA 3829012 from `alice.4821` to `Alice.4821`', 'change', { msaId: 3829012, oldHandle: 'alice.4821', newBaseHandle: 'Alice', newSuffix: 4821, expiration: 1234 }],
  ['transfer MSA 3829012 (`Alice.4821`) from Alice to Bob', 'transfer', { msaId: 3829012, handle: 'Alice.4821', owner: ALICE, newOwner: BOB, expiration: 1234 }],
  ['transfer MSA 3829012, which holds no handle, from Alice to Bob', 'transfer', { msaId: 3829012, handle: null, owner: ALICE, newOwner: BOB, expiration: 1234 }],
];

/** The section's vectors: title, text, byte count and blake2_256 of each. */
function readmeVectors() {
  const readme = readFileSync(new URL('../../../pallets/handles/README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('## Signing messages (v3)');
  assert.ok(start >= 0, 'the pallet README has the section');
  const rest = readme.slice(start + 3);
  const section = rest.slice(0, rest.indexOf('\n## ') === -1 ? undefined : rest.indexOf('\n## '));
  return [...section.matchAll(/^### (.+)\n\n```text\n([\s\S]*?)\n```\n\n(\d+) bytes, `blake2_256`: `(0x[0-9a-f]{64})`$/gm)].map((m) => ({
    title: m[1],
    text: m[2],
    length: Number(m[3]),
    hash: m[4],
  }));
}

test('every vector of the pallet README: the exact text, its byte count and blake2_256', () => {
  const published = readmeVectors();
  assert.equal(published.length, VECTORS.length);
  assert.match(readFileSync(new URL('../../../pallets/handles/README.md', import.meta.url), 'utf8'), new RegExp(`\`${GENESIS}\``));
  VECTORS.forEach(([title, call, payload], i) => {
    const { message, bytes } = signingMessage(call, payload, CHAIN);
    assert.equal(published[i].title, title);
    assert.equal(message, published[i].text, title);
    assert.equal(stringToU8a(message).length, published[i].length, title);
    assert.equal(blake2AsHex(stringToU8a(message)), published[i].hash, title);
    assert.equal(bytes, u8aToHex(stringToU8a(message)), title);
  });
});

test('the lines: the call, the chain with its genesis hash, the last valid block; no newline at the end', () => {
  const { message } = signingMessage('retire', { msaId: 7, handle: 'Alice.4821', expiration: 4294967295 }, CHAIN);
  assert.deepEqual(message.split('\n'), ['Handles: retire Alice.4821 of MSA 7', `Chain: Handles ${GENESIS}`, 'Valid until block: 4294967295']);
  // Kinds as numbers, bytes for handles, a Uint8Array genesis hash and accounts as hex or bytes.
  const hash = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
  const same = signingMessage(1, { msaId: 7n, handle: stringToU8a('Alice.4821'), expiration: 4294967295 }, { ...CHAIN, genesisHash: hash });
  assert.equal(same.message, message);
  const alice = '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';
  const t = signingMessage('transfer', { msaId: 1, handle: null, owner: alice, newOwner: BOB, expiration: 1 }, CHAIN);
  assert.ok(t.message.startsWith(`Handles: transfer MSA 1 (no handle) from ${ALICE} to ${BOB}\n`), t.message);
  // Another chain: its name, and the accounts in its address format (Polkadot: 0).
  const polkadot = signingMessage('transfer', { msaId: 1, handle: 'a.1', owner: ALICE, newOwner: ALICE, expiration: 1 }, { name: 'Elsewhere', genesisHash: GENESIS, ss58Prefix: 0 });
  assert.equal(polkadot.message.split('\n')[0], 'Handles: transfer MSA 1 (a.1) from 15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5 to 15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5');
  assert.equal(polkadot.message.split('\n')[1], `Chain: Elsewhere ${GENESIS}`);
  // A change whose oldHandle is left out reads `from no handle`.
  assert.ok(signingMessage('change', { msaId: 2, newBaseHandle: 'Bob', newSuffix: 2, expiration: 1 }, CHAIN).message.startsWith('Handles: change MSA 2 from no handle to Bob.2\n'));
});

test('refusals name what is wrong', () => {
  const refuses = (code, fn, pattern) => assert.throws(fn, (e) => e.code === code && (!pattern || pattern.test(e.message)), String(pattern));
  const claim = { baseHandle: 'Alice', suffix: 4821, expiration: 9 };
  refuses(ErrorCode.BAD_PAYLOAD, () => signingMessage('claim', claim, CHAIN), /unknown call "claim"/);
  refuses(ErrorCode.BAD_PAYLOAD, () => signingMessage(4, claim, CHAIN));
  refuses(ErrorCode.BAD_PAYLOAD, () => signingMessage('create', { baseHandle: 'Alice', expiration: 9 }, CHAIN), /lacks suffix/);
  refuses(ErrorCode.BAD_PAYLOAD, () => signingMessage('create', { ...claim, msaId: 1 }, CHAIN), /has no field msaId/);
  refuses(ErrorCode.BAD_PAYLOAD, () => signingMessage('transfer', { msaId: 1, owner: ALICE, newOwner: BOB, expiration: 1 }, CHAIN), /lacks handle \(the display handle the MSA holds now, or null\)/);
  refuses(ErrorCode.WRONG_TYPE, () => signingMessage('create', null, CHAIN));
  refuses(ErrorCode.WRONG_TYPE, () => signingMessage('create', { ...claim, baseHandle: 7 }, CHAIN));
  refuses(ErrorCode.TOO_LONG, () => signingMessage('create', { ...claim, baseHandle: 'a'.repeat(33) }, CHAIN), /33 bytes/);
  refuses(ErrorCode.NOT_UTF8, () => signingMessage('create', { ...claim, baseHandle: 'a\ud800' }, CHAIN));
  refuses(ErrorCode.OUT_OF_RANGE, () => signingMessage('create', { ...claim, suffix: 2 ** 32 }, CHAIN));
  refuses(ErrorCode.MALFORMED_DISPLAY_HANDLE, () => signingMessage('retire', { msaId: 1, handle: 'alice', expiration: 1 }, CHAIN), /^handle: /);
  refuses(ErrorCode.MALFORMED_DISPLAY_HANDLE, () => signingMessage('change', { msaId: 1, oldHandle: 'a.01', newBaseHandle: 'b', newSuffix: 1, expiration: 1 }, CHAIN), /^oldHandle: /);
  refuses(ErrorCode.BAD_BYTES, () => signingMessage('transfer', { msaId: 1, handle: null, owner: ALICE, newOwner: 'bob', expiration: 1 }, CHAIN), /newOwner/);
  refuses(ErrorCode.WRONG_TYPE, () => signingMessage('create', claim), /the chain must be an object/);
  refuses(ErrorCode.BAD_BYTES, () => signingMessage('create', claim, { ...CHAIN, genesisHash: '0x12' }), /genesis hash/);
  refuses(ErrorCode.OUT_OF_RANGE, () => signingMessage('create', claim, { ...CHAIN, ss58Prefix: 65536 }), /65535/);
  refuses(ErrorCode.TOO_LONG, () => signingMessage('create', claim, { ...CHAIN, name: 'x'.repeat(65) }), /chain name/);
});

test('handles the chain never stores still give a message, never a trap', () => {
  // Bytes that are not UTF-8 (no stored handle has them) show as U+FFFD, as in the crate.
  const { message } = signingMessage('create', { baseHandle: Uint8Array.from([0x41, 0xff, 0x42]), suffix: 1, expiration: 1 }, CHAIN);
  assert.ok(message.startsWith('Handles: claim A\ufffdB.1\n'), message);
  const empty = signingMessage('create', { baseHandle: '', suffix: 0, expiration: 0 }, { ...CHAIN, name: '' });
  assert.equal(empty.message, `Handles: claim .0\nChain:  ${GENESIS}\nValid until block: 0`);
});

test('a module built before signing messages is refused with a WASM error naming the query', async () => {
  await initRules(rulesModule());
  try {
    assert.throws(
      () => signingMessage('create', { baseHandle: 'Alice', suffix: 1, expiration: 1 }, CHAIN),
      (e) => e.code === ErrorCode.WASM && /lacks the export hr_signing_message: rebuild it/.test(e.message),
    );
  } finally {
    await initRules();
  }
  assert.equal(validate('Alice').valid, true);
  assert.ok(signingMessage('create', { baseHandle: 'Alice', suffix: 1, expiration: 1 }, CHAIN).message.startsWith('Handles: claim Alice.1\n'));
});

test('signingText, for pages without a bundler: imports no package, the same text with accounts as bytes or hex', () => {
  // Only relative imports, each of a module that imports no package either (a page serves them as they are).
  const imports = (file) => [...readFileSync(new URL(`../src/${file}`, import.meta.url), 'utf8').matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
  assert.deepEqual(imports('signing-text.js'), ['./errors.js', './rules.js']);
  assert.deepEqual(imports('rules.js'), ['./errors.js']);
  assert.deepEqual(imports('errors.js'), []);
  for (const [title, call, payload] of VECTORS) {
    const bytes = call === 'transfer' ? { ...payload, owner: decodeAddress(payload.owner), newOwner: u8aToHex(decodeAddress(payload.newOwner)) } : payload;
    assert.deepEqual(signingText(call, bytes, CHAIN), signingMessage(call, payload, CHAIN), title);
  }
  // SS58 is signingMessage's: signingText takes 32 bytes or 0x hex only.
  assert.throws(
    () => signingText('transfer', { msaId: 1, handle: null, owner: ALICE, newOwner: ALICE, expiration: 1 }, CHAIN),
    (e) => e.code === ErrorCode.BAD_BYTES && /^owner must be 0x/.test(e.message),
  );
});
