// Differential test: the Wasm build of handles-rules and a running node's handles_validateHandle
// must agree on every input: `valid`, `canonical` and the error sentence (which names the rule and
// the character). 10,000 seeded random Unicode strings up to 256 bytes (every plane, combining marks,
// look-alikes, forbidden characters and their look-alikes, invisible characters, over-long input),
// plus the test-vector inputs of the rules crate's README. Reproducible: HANDLES_DIFF_SEED and
// HANDLES_DIFF_COUNT choose the seed (default 20261202) and the number of strings.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseDisplay, rulesInfo, suffixOptions, validate } from '../src/rules.js';
import { rpc, rpcCall, useDevNode } from './lib/devnode.js';
import { prng, randomHandle, randomHandles } from './lib/random.js';
import { readmeVectors } from './lib/readme.js';

const SEED = Number(process.env.HANDLES_DIFF_SEED || 20261202);
const COUNT = Number(process.env.HANDLES_DIFF_COUNT || 10_000);
const BATCH = 250;

const dev = useDevNode();
const { options } = dev;

const codePoints = (s) => [...s].map((c) => `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');

async function nodeValidate(inputs, method = 'handles_validateHandle') {
  const out = [];
  for (let i = 0; i < inputs.length; i += BATCH) {
    const chunk = inputs.slice(i, i + BATCH);
    const res = await rpc(dev.node.httpUrl, chunk.map((s, j) => ({ jsonrpc: '2.0', id: i + j, method, params: [s] })));
    const byId = new Map(res.map((r) => [r.id, r]));
    chunk.forEach((s, j) => out.push(byId.get(i + j)));
  }
  return out;
}

test(`Wasm and node agree on ${COUNT} random strings (seed ${SEED}) and the README inputs`, { ...options, timeout: 900_000 }, async (t) => {
  const readme = readmeVectors().canonical.map((v) => v.input);
  const inputs = [...readme, ...randomHandles(SEED, COUNT)];
  const started = Date.now();
  const answers = await nodeValidate(inputs);
  const mismatches = [];
  const tally = {};
  inputs.forEach((input, i) => {
    const wasm = validate(input);
    const res = answers[i];
    const key = wasm.valid ? 'valid' : wasm.rule.id;
    tally[key] = (tally[key] ?? 0) + 1;
    if (!res || res.error) {
      mismatches.push({ input, codePoints: codePoints(input), wasm, node: res?.error ?? 'no answer' });
      return;
    }
    const n = res.result;
    if (n.valid !== wasm.valid || n.canonical !== wasm.canonical || n.error !== wasm.error) {
      mismatches.push({ input, codePoints: codePoints(input), wasm: { valid: wasm.valid, canonical: wasm.canonical, error: wasm.error }, node: n });
    }
  });
  t.diagnostic(`compared ${inputs.length} inputs in ${Date.now() - started} ms: ${JSON.stringify(tally)}`);
  for (const m of mismatches.slice(0, 20)) t.diagnostic(`MISMATCH ${JSON.stringify(m)}`);
  assert.equal(mismatches.length, 0, `${mismatches.length} of ${inputs.length} inputs differ (first: ${JSON.stringify(mismatches[0])})`);
  assert.ok(tally.valid > 500, 'enough valid inputs to compare canonical forms');
});

test('over 256 bytes the node refuses with HANDLE_TOO_LONG and the Wasm API with TOO_LONG', options, async () => {
  const long = 'a'.repeat(257);
  const [res] = await nodeValidate([long]);
  assert.equal(res.error.code, 8002);
  assert.throws(() => validate(long), { name: 'HandlesError', code: 'TOO_LONG' });
  const [edge] = await nodeValidate(['a'.repeat(256)]);
  assert.equal(edge.result.valid, false);
  assert.equal(edge.result.error, validate('a'.repeat(256)).error);
});

/** Random display handles: a base, a dot or a look-alike of one, a suffix in one or several kinds of digits. */
function randomDisplays(seed, count) {
  const r = prng(seed);
  const zeros = [0x30, 0xff10, 0x660, 0x966, 0x9e6, 0xe50, 0x1d7ce, 0x1040];
  const digits = (n, mixed) => Array.from(String(n), (d) => String.fromCodePoint((mixed && r.int(3) === 0 ? r.pick(zeros) : zeros[0]) + Number(d))).join('');
  return Array.from({ length: count }, () => {
    const base = r.int(8) === 0 ? '' : randomHandle(r, r.int(4) === 0 ? 60 : 32);
    const dot = r.int(6) === 0 ? r.pick(['．', '·', '。', '', '..', '.-']) : '.';
    const n = r.pick([0, 7, 1000, 4821, 9999, 4294967295, 4294967296, r.int(2 ** 32), 99999999999]);
    const zero = r.pick(zeros);
    let suffix = r.int(5) === 0 ? Array.from(String(n), (d) => String.fromCodePoint(zero + Number(d))).join('') : digits(n, r.int(4) === 0);
    if (r.int(10) === 0) suffix = '0' + suffix;
    if (r.int(15) === 0) suffix = r.pick(['+', '-', ' ', '']) + suffix;
    return base + dot + suffix;
  });
}

test('parseDisplay and the node agree on 3,000 random display handles', { ...options, timeout: 300_000 }, async (t) => {
  const { maxBaseBytes } = rulesInfo();
  const inputs = randomDisplays(SEED + 1, 3000);
  const answers = await nodeValidate(inputs, 'handles_getMsaForHandle');
  const mismatches = [];
  const tally = {};
  inputs.forEach((input, i) => {
    let wasm;
    try {
      wasm = { ok: parseDisplay(input) };
    } catch (e) {
      wasm = { rule: e.rule, message: e.message };
    }
    const res = answers[i];
    // What the node must answer, given the crate's parse: HANDLE_TOO_LONG for input over the
    // display bound or a base over the base bound, MALFORMED_DISPLAY_HANDLE with the crate's
    // sentence, else a result (null: nothing registered under that name on a fresh chain).
    const baseTooLong = wasm.ok && Buffer.byteLength(wasm.ok.base) > maxBaseBytes;
    const expected = wasm.rule === 'TooLong' || baseTooLong ? 8002 : wasm.rule ? 8003 : 'result';
    tally[expected] = (tally[expected] ?? 0) + 1;
    const got = res.error ? res.error.code : 'result';
    const sentence = wasm.rule && wasm.rule !== 'TooLong' ? res.error?.message.endsWith(`is malformed: ${wasm.message}`) : true;
    if (got !== expected || !sentence) mismatches.push({ input, codePoints: codePoints(input), wasm, node: res });
  });
  t.diagnostic(`compared ${inputs.length} display handles: ${JSON.stringify(tally)}`);
  for (const m of mismatches.slice(0, 20)) t.diagnostic(`MISMATCH ${JSON.stringify(m)}`);
  assert.equal(mismatches.length, 0, `${mismatches.length} display handles differ (first: ${JSON.stringify(mismatches[0])})`);
});

test('suffixOptions and handles_getSuffixOptions agree on 2,000 random bases', { ...options, timeout: 300_000 }, async (t) => {
  // Block 1 rotates the seeds (current = the genesis hash, previous = the genesis seed).
  await dev.node.seal();
  const seed = await rpcCall(dev.node.httpUrl, 'handles_getSeed');
  assert.notEqual(seed.current, seed.previous);
  const settings = await rpcCall(dev.node.httpUrl, 'handles_getSettings');
  const range = { min: settings.suffixMin, max: settings.suffixMax };
  const { maxBaseBytes } = rulesInfo();
  const inputs = randomHandles(SEED + 2, 2000, maxBaseBytes);
  const answers = await nodeValidate(inputs, 'handles_getSuffixOptions');
  const mismatches = [];
  let valid = 0;
  inputs.forEach((input, i) => {
    let wasm;
    try {
      wasm = suffixOptions(seed.current, seed.previous, input, range);
      valid += 1;
    } catch (e) {
      wasm = { code: e.code, rule: e.rule, message: e.message };
    }
    const res = answers[i];
    const agree = wasm.options
      ? res.result && res.result.canonical === wasm.canonical && JSON.stringify(res.result.candidates) === JSON.stringify(wasm.options)
      : res.error?.code === 8005 && res.error.message.endsWith(wasm.message);
    if (!agree) mismatches.push({ input, codePoints: codePoints(input), wasm, node: res });
  });
  t.diagnostic(`compared ${inputs.length} bases (${valid} valid) under seeds ${seed.current} / ${seed.previous}`);
  for (const m of mismatches.slice(0, 20)) t.diagnostic(`MISMATCH ${JSON.stringify(m)}`);
  assert.equal(mismatches.length, 0, `${mismatches.length} bases differ (first: ${JSON.stringify(mismatches[0])})`);
});
