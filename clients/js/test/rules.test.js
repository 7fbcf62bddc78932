// Unit tests of the rules functions: what they return, and how they refuse bad input.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

import { randomHandles } from './lib/random.js';
import {
  ErrorCode,
  HandlesError,
  MAX_INPUT_BYTES,
  candidates,
  canonical,
  formatDisplay,
  initRules,
  isValid,
  msaId,
  parseDisplay,
  rulesInfo,
  rulesReady,
  suffixOptions,
  validate,
} from '../src/index.js';

const ZERO = '0x' + '00'.repeat(32);
const COUNTING = '0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';

const refuses = (fn, code, extra = {}) => assert.throws(fn, (e) => e instanceof HandlesError && e.code === code && Object.entries(extra).every(([k, v]) => e[k] === v) && e.message.length > 10);

test('the module loads on import and reports the crate it was built from', () => {
  assert.equal(rulesReady(), true);
  const info = rulesInfo();
  assert.equal(info.abiVersion, 1);
  assert.equal(info.canonicalVersion, 3);
  assert.deepEqual(info.forbiddenChars, ['@', '#', ':', '.', '`']);
  assert.deepEqual(info.defaultReserved, ['admin', 'everyone', 'all']);
  assert.equal(info.maxBaseBytes, 32);
  assert.equal(info.defaultSuffixMin, 1000);
  assert.equal(info.defaultSuffixMax, 9999);
  assert.deepEqual(info.rules.map((r) => r.id), ['NotUtf8', 'TooShort', 'TooLong', 'ForbiddenCharacter', 'DisallowedCharacter', 'MixedScript', 'CanonicalTooShort', 'CanonicalTooLong', 'Reserved', 'LeadingCombiningMark']);
  info.rules.length = 0;
  assert.equal(rulesInfo().rules.length, 10, 'rulesInfo returns a copy');
});

test('validate: a valid handle gives its canonical form', () => {
  assert.deepEqual(validate('Alice'), { valid: true, canonical: 'allce', error: null, rule: null });
  assert.deepEqual(validate(new TextEncoder().encode('ALICE')), { valid: true, canonical: 'allce', error: null, rule: null });
  assert.equal(validate('東京').canonical, '東京');
  assert.equal(isValid('jean-luc'), true);
  assert.equal(isValid('al ice'), false);
});

test('validate: each rule is named by the crate, with its sentence and character', () => {
  const cases = [
    ['x', 'TooShort', 'too short'],
    ['a'.repeat(33), 'TooLong', 'too long'],
    ['ali@ce', 'ForbiddenCharacter', 'forbidden character', '@'],
    ['ali＠ce', 'ForbiddenCharacter', 'forbidden character', '＠'],
    ['alice·x', 'ForbiddenCharacter', 'forbidden character', '·'],
    ['al ice', 'DisallowedCharacter', 'disallowed character', ' '],
    ['ali\u200bce', 'DisallowedCharacter', 'disallowed character', '\u200b'],
    ['ali😀', 'DisallowedCharacter', 'disallowed character', '😀'],
    ['alicе', 'MixedScript', 'mixed scripts'],
    ['ADMIN', 'Reserved', 'reserved'],
    ['adm1n', 'Reserved', 'reserved'],
    ['аdmin', 'MixedScript', 'mixed scripts'],
    ['\u0301ab', 'LeadingCombiningMark', 'leading combining mark', '\u0301'],
    [new Uint8Array([0x61, 0xff, 0x62]), 'NotUtf8', 'not UTF-8'],
    ['a\ud800b', 'NotUtf8', 'not UTF-8'],
  ];
  for (const [input, id, name, character] of cases) {
    const r = validate(input);
    assert.equal(r.valid, false, String(input));
    assert.equal(r.canonical, null);
    assert.equal(r.rule.id, id, String(input));
    assert.equal(r.rule.name, name);
    assert.equal(r.error, r.rule.message);
    assert.ok(r.rule.message.startsWith(name), r.rule.message);
    assert.equal(r.rule.character, character, String(input));
  }
});

test('validate answers up to MAX_INPUT_BYTES and refuses more, like the node', () => {
  assert.equal(MAX_INPUT_BYTES, 256);
  assert.equal(validate('a'.repeat(256)).rule.id, 'TooLong');
  assert.equal(validate('é'.repeat(128)).rule.id, 'TooLong');
  refuses(() => validate('a'.repeat(257)), ErrorCode.TOO_LONG);
  refuses(() => validate('é'.repeat(129)), ErrorCode.TOO_LONG);
  refuses(() => validate('😀'.repeat(65)), ErrorCode.TOO_LONG);
  refuses(() => validate('x'.repeat(10_000_000)), ErrorCode.TOO_LONG);
  refuses(() => validate(new Uint8Array(257)), ErrorCode.TOO_LONG);
});

test('every function refuses arguments of the wrong type', () => {
  for (const bad of [undefined, null, 42, 4n, {}, [], true, Symbol.iterator]) {
    refuses(() => validate(bad), ErrorCode.WRONG_TYPE);
    refuses(() => canonical(bad), ErrorCode.WRONG_TYPE);
    refuses(() => msaId(bad, 1), ErrorCode.WRONG_TYPE);
    refuses(() => parseDisplay(bad), ErrorCode.WRONG_TYPE);
    refuses(() => formatDisplay(bad, 1), ErrorCode.WRONG_TYPE);
    refuses(() => suffixOptions(ZERO, ZERO, bad), ErrorCode.WRONG_TYPE);
    refuses(() => candidates(ZERO, bad), ErrorCode.WRONG_TYPE);
  }
  refuses(() => canonical(new Uint8Array(2)), ErrorCode.WRONG_TYPE);
  refuses(() => msaId('allce', '4821'), ErrorCode.WRONG_TYPE);
  refuses(() => formatDisplay('Alice', null), ErrorCode.WRONG_TYPE);
  refuses(() => candidates(ZERO, 'allce', 'wide'), ErrorCode.WRONG_TYPE);
  refuses(() => candidates(ZERO, 'allce', { min: '1' }), ErrorCode.WRONG_TYPE);
});

test('numbers must be u32', () => {
  for (const bad of [-1, 2 ** 32, 1.5, NaN, Infinity, -0.5, 2n ** 32n, -1n]) {
    refuses(() => msaId('allce', bad), ErrorCode.OUT_OF_RANGE);
    refuses(() => formatDisplay('Alice', bad), ErrorCode.OUT_OF_RANGE);
    refuses(() => candidates(ZERO, 'allce', { min: bad, max: 10 }), ErrorCode.OUT_OF_RANGE);
    refuses(() => suffixOptions(ZERO, ZERO, 'Alice', { min: 0, max: bad }), ErrorCode.OUT_OF_RANGE);
  }
  assert.equal(msaId('bob', 4294967295n), msaId('bob', 4294967295));
  assert.equal(formatDisplay('bob', 0), 'bob.0');
});

test('seeds must be 32 bytes of hex or bytes', () => {
  for (const bad of ['0x12', '00'.repeat(32), '0x' + 'zz'.repeat(32), '0x' + '00'.repeat(33), '', '0x' + '0'.repeat(100_000)]) {
    refuses(() => candidates(bad, 'allce'), ErrorCode.BAD_BYTES);
    refuses(() => suffixOptions(ZERO, bad, 'Alice'), ErrorCode.BAD_BYTES);
  }
  refuses(() => candidates(new Uint8Array(31), 'allce'), ErrorCode.BAD_BYTES);
  refuses(() => candidates(42, 'allce'), ErrorCode.WRONG_TYPE);
  assert.deepEqual(candidates(new Uint8Array(32), 'allce'), candidates(ZERO, 'allce'));
  assert.deepEqual(candidates(ZERO.toUpperCase().replace('0X', '0x'), 'allce'), candidates(ZERO, 'allce'));
});

test('a range with min above max is refused by the crate', () => {
  refuses(() => candidates(ZERO, 'allce', { min: 10, max: 9 }), ErrorCode.BAD_RANGE);
  refuses(() => suffixOptions(ZERO, ZERO, 'Alice', { min: 10, max: 9 }), ErrorCode.BAD_RANGE);
  assert.deepEqual(candidates(ZERO, 'allce', { min: 7, max: 7 }), Array(10).fill(7));
  assert.equal(candidates(ZERO, 'allce', { min: 0, max: 0xffffffff }).length, 10);
});

test('canonical folds look-alikes and case, is idempotent, and refuses broken text', () => {
  for (const s of ['alice', 'Alice', 'ALICE', 'AIice', 'a1ice', 'аlice']) assert.equal(canonical(s), 'allce');
  assert.notEqual(canonical('pay'), canonical('par'));
  assert.equal(canonical('m'), canonical('rn'));
  for (const s of ['ÐỨC', 'straße', '東京', 'パン', 'x@y']) assert.equal(canonical(canonical(s)), canonical(s));
  assert.equal(canonical(''), '');
  refuses(() => canonical('a\udc00'), ErrorCode.NOT_UTF8);
  refuses(() => canonical('a'.repeat(300)), ErrorCode.TOO_LONG);
});

test('suffixOptions: union of both seeds, ascending; an invalid base names its rule', () => {
  const r = suffixOptions(ZERO, COUNTING, 'Alice');
  assert.equal(r.canonical, 'allce');
  assert.deepEqual(r.current, [8353, 5509, 5515, 2346, 5911, 6372, 2505, 7631, 1933, 9501]);
  assert.deepEqual(r.previous, [3431, 8787, 3053, 1352, 3533, 6165, 7140, 4250, 5511, 1608]);
  assert.deepEqual(r.options, [...new Set([...r.current, ...r.previous])].sort((a, b) => a - b));
  assert.deepEqual(suffixOptions(ZERO, ZERO, 'ALICE').options, [...r.current].sort((a, b) => a - b));
  refuses(() => suffixOptions(ZERO, ZERO, 'ADMIN'), ErrorCode.INVALID_HANDLE, { rule: 'Reserved' });
  refuses(() => suffixOptions(ZERO, ZERO, 'a b'), ErrorCode.INVALID_HANDLE, { rule: 'DisallowedCharacter' });
  refuses(() => suffixOptions(ZERO, ZERO, 'x'.repeat(40)), ErrorCode.INVALID_HANDLE, { rule: 'TooLong' });
});

test('msaId follows the crate', () => {
  assert.equal(msaId('allce', 4821), 2891683559);
  assert.equal(msaId('東京', 1234), 1413666893);
  assert.equal(msaId('', 0) >>> 0, msaId('', 0));
  refuses(() => msaId('a\ud800', 1), ErrorCode.NOT_UTF8);
});

test('parseDisplay and formatDisplay', () => {
  assert.deepEqual(parseDisplay('Alice.4821'), { base: 'Alice', suffix: 4821 });
  assert.deepEqual(parseDisplay('alice.４８２１'), { base: 'alice', suffix: 4821 });
  assert.deepEqual(parseDisplay('alice.४८२१'), { base: 'alice', suffix: 4821 });
  assert.deepEqual(parseDisplay(new TextEncoder().encode('bob.0')), { base: 'bob', suffix: 0 });
  assert.deepEqual(parseDisplay('bob.4294967295'), { base: 'bob', suffix: 4294967295 });
  const malformed = [
    ['alice', 'MissingSuffix'],
    ['.4821', 'EmptyBase'],
    ['alice.', 'InvalidSuffix'],
    ['alice.04821', 'InvalidSuffix'],
    ['alice.4８21', 'InvalidSuffix'],
    ['alice.+1', 'InvalidSuffix'],
    ['alice.4294967296', 'InvalidSuffix'],
    ['a.b.1', 'DottedBase'],
    ['\u0301a.1', 'LeadingCombiningMark'],
    ['a'.repeat(80) + '.1', 'TooLong'],
  ];
  for (const [input, rule] of malformed) refuses(() => parseDisplay(input), ErrorCode.MALFORMED_DISPLAY_HANDLE, { rule });
  refuses(() => parseDisplay(new Uint8Array([0xff, 0x2e, 0x31])), ErrorCode.NOT_UTF8);
  refuses(() => parseDisplay('a\ud800.1'), ErrorCode.NOT_UTF8);
  assert.equal(formatDisplay('Alice', 4821), 'Alice.4821');
  assert.equal(formatDisplay('東京', 4294967295), '東京.4294967295');
  const round = parseDisplay(formatDisplay('Ωμέγα', 1000));
  assert.deepEqual(round, { base: 'Ωμέγα', suffix: 1000 });
});

test('initRules reloads from bytes or a compiled module, and refuses a module of another kind', async () => {
  const bytes = await readFile(new URL('../dist/handles_rules.wasm', import.meta.url));
  await initRules(bytes);
  assert.equal(validate('Alice').canonical, 'allce');
  await initRules(await WebAssembly.compile(bytes));
  assert.equal(validate('Bob').canonical, 'bob');
  // A valid module without the exports, and bytes that are no module: refused; the loaded one stays.
  const empty = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  await assert.rejects(initRules(empty), (e) => e instanceof HandlesError && e.code === ErrorCode.WASM && /lacks the export/.test(e.message));
  await assert.rejects(initRules(new Uint8Array([1, 2, 3])), (e) => e instanceof HandlesError && e.code === ErrorCode.WASM);
  assert.equal(validate('Alice').canonical, 'allce');
  await initRules();
  assert.equal(validate('Alice').valid, true);
});

test('many calls do not grow the memory (results and inputs are freed)', async () => {
  // The module's linear memory is what a leak would grow (Node's arrayBuffers does not count it):
  // load the module once more, keeping a handle on the instance the loader makes.
  const bytes = await readFile(new URL('../dist/handles_rules.wasm', import.meta.url));
  const Instance = WebAssembly.Instance;
  let instance = null;
  WebAssembly.Instance = function (module, imports) {
    instance = new Instance(module, imports);
    return instance;
  };
  try {
    await initRules(bytes);
  } finally {
    WebAssembly.Instance = Instance;
  }
  assert.ok(instance !== null && instance.exports.memory instanceof WebAssembly.Memory);
  const memoryBytes = () => instance.exports.memory.buffer.byteLength;
  const round = (i) => {
    validate(i % 2 ? 'Alice' : 'ali@ce');
    parseDisplay('alice.4821');
  };
  for (let i = 0; i < 1_000; i++) round(i);
  const before = memoryBytes();
  // 100,000 results of 60 bytes or more: some 6 MB, about 90 pages of 64 KiB if they were kept.
  for (let i = 0; i < 50_000; i++) round(i);
  const after = memoryBytes();
  assert.equal(after - before, 0, `the module's memory grew by ${after - before} bytes (${before} -> ${after})`);
});

test('on 20,000 random strings: canonical is idempotent and validate gives the canonical form', () => {
  let valid = 0;
  for (const s of randomHandles(99, 20_000)) {
    const c = canonical(s);
    if (Buffer.byteLength(c) <= MAX_INPUT_BYTES) assert.equal(canonical(c), c, s);
    const r = validate(s);
    if (r.valid) {
      valid += 1;
      assert.equal(r.canonical, c, s);
    }
    for (const f of ['@', '#', ':', '.', '`']) assert.ok(!c.includes(f), `${s} -> ${c}`);
  }
  assert.ok(valid > 2000);
});
