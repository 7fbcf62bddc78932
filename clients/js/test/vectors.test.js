// The published test vectors against the Wasm build: the rules crate's "Test vectors" (canonical
// forms, suffix candidates, MSA ids; pallets/handles-rules/README.md), read from that README
// itself, and the signed-message examples of pallets/handles/README.md.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { candidates, canonical, formatDisplay, msaId, signedMessageHex, wrappedMessage } from '../src/index.js';
import { listedVectors, readmeVectors } from './lib/readme.js';

const vectors = readmeVectors();
// The one list the tables are printed from (pallets/handles-rules/tests/vectors/mod.rs): a row
// missing from a table, or one more, fails.
const listed = listedVectors();

test(`README canonical forms (${vectors.canonical.length} rows)`, () => {
  assert.deepEqual(vectors.canonical.map((v) => v.input), listed.corpus, 'the inputs are those of tests/vectors/mod.rs, in order');
  for (const { input, canonical: form } of vectors.canonical) assert.equal(canonical(input), form, input);
});

test(`README suffix candidates (${vectors.candidates.length} rows)`, () => {
  assert.equal(vectors.candidates.length, listed.candidates, 'one row per form, range and seed of tests/vectors/mod.rs');
  for (const v of vectors.candidates) assert.deepEqual(candidates(v.seed, v.canonical, { min: v.min, max: v.max }), v.candidates, `${v.seed} ${v.canonical}`);
});

test(`README MSA ids (${vectors.msaIds.length} rows)`, () => {
  assert.equal(vectors.msaIds.length, listed.msaIds, 'one row per pair of MSA_IDS in tests/vectors/mod.rs');
  for (const v of vectors.msaIds) {
    assert.equal(msaId(v.canonical, v.suffix), v.msaId, `${v.canonical}.${v.suffix}`);
    assert.equal(formatDisplay('x', v.suffix), v.display);
  }
});

// pallets/handles/README.md, "Signed messages": genesis 0xabab..ab, expiration 1234.
const pallet = readFileSync(new URL('../../../pallets/handles/README.md', import.meta.url), 'utf8');
const GENESIS = '0x' + 'ab'.repeat(32);
const TAG = '68616e646c6573';
const AB = 'ab'.repeat(32);

test('pallet README: the create example, bare and wrapped', () => {
  const hex = signedMessageHex(GENESIS, 'create', { baseHandle: 'Alice', suffix: 4821, expiration: 1234 });
  assert.equal(hex, `0x${TAG}${AB}0014416c696365d5120000d2040000`);
  assert.equal((hex.length - 2) / 2, 54);
  assert.ok(pallet.includes('0x68616e646c6573abab…abab0014416c696365d5120000d2040000'), 'the README still shows this vector');
  const wrapped = Buffer.from(wrappedMessage(GENESIS, 0, { baseHandle: 'Alice', suffix: 4821, expiration: 1234 })).toString('hex');
  assert.equal(wrapped, `3c42797465733e${hex.slice(2)}3c2f42797465733e`);
});

test('pallet README: retire, change (Some and None) and transfer examples', () => {
  // Each line of the README's examples, with `abab…ab` and `cdcd…cd` spelled out.
  const expand = (line) => line.replace(/abab…ab/g, AB).replace(/cdcd…cd\(32 bytes\)/g, 'cd'.repeat(32)).replace(/efef…ef\(32 bytes\)/g, 'ef'.repeat(32)).replace(/ /g, '');
  const examples = [...pallet.matchAll(/```text\n(68616e646c6573 [^\n]+)\n```/g)].map((m) => expand(m[1]));
  assert.equal(examples.length, 3, 'the README has the retire, change and transfer lines');
  const retire = signedMessageHex(GENESIS, 'retire', { msaId: 0x01020304, handle: 'Alice.4821', expiration: 1234 });
  const change = signedMessageHex(GENESIS, 'change', { msaId: 0x01020304, oldHandle: 'Alice.4821', newBaseHandle: 'Bob', newSuffix: 4821, expiration: 1234 });
  const transfer = signedMessageHex(GENESIS, 'transfer', { msaId: 0x01020304, owner: '0x' + 'cd'.repeat(32), newOwner: '0x' + 'ef'.repeat(32), expiration: 1234 });
  assert.deepEqual([retire, change, transfer].map((h) => h.slice(2)), examples);
  // 7 + 32 + 1 + 4 + 1 + 10 + 4 bytes (the README's "60 bytes" beside this line miscounts by one).
  assert.equal((retire.length - 2) / 2, 59);
  assert.equal((transfer.length - 2) / 2, 112);
  const none = signedMessageHex(GENESIS, 'change', { msaId: 0x01020304, oldHandle: null, newBaseHandle: 'Bob', newSuffix: 4821, expiration: 1234 });
  assert.equal(none, `0x${TAG}${AB}020403020100` + '0c426f62d5120000d2040000');
});
