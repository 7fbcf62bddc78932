// The argument checks of the rules functions at their exact edges, and the messages that name the
// argument, its type or size and what is accepted (rules.test.js checks the codes).

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ErrorCode, HandlesError, MAX_INPUT_BYTES, candidates, canonical, formatDisplay, msaId, parseDisplay, suffixOptions, validate } from '../src/index.js';

const ZERO = '0x' + '00'.repeat(32);
/** Asserts `fn` throws a HandlesError of `code` whose message is exactly `message` (a string) or matches it (a RegExp). */
const refuses = (fn, code, message) =>
  assert.throws(fn, (e) => {
    assert.ok(e instanceof HandlesError, String(e));
    assert.equal(e.code, code, e.message);
    if (typeof message === 'string') assert.equal(e.message, message);
    else assert.match(e.message, message);
    return true;
  });

const tooLong = (what, size) => `${what} is ${size} bytes of UTF-8; at most 256 are accepted`;

test('bytes: exactly MAX_INPUT_BYTES are answered, one more is refused with its size', () => {
  assert.equal(MAX_INPUT_BYTES, 256);
  assert.equal(validate(new Uint8Array(256).fill(0x61)).rule.id, 'TooLong');
  refuses(() => validate(new Uint8Array(257).fill(0x61)), ErrorCode.TOO_LONG, tooLong('the base handle', 257));
  refuses(() => parseDisplay(new Uint8Array(256).fill(0x61)), ErrorCode.MALFORMED_DISPLAY_HANDLE, /./);
  refuses(() => parseDisplay(new Uint8Array(257)), ErrorCode.TOO_LONG, tooLong('the display handle', 257));
  refuses(() => suffixOptions(ZERO, ZERO, new Uint8Array(257)), ErrorCode.TOO_LONG, tooLong('the base handle', 257));
});

test('text: more UTF-16 units than bytes allowed is refused unread ("over"); otherwise the UTF-8 size is named', () => {
  refuses(() => validate('a'.repeat(257)), ErrorCode.TOO_LONG, tooLong('the base handle', 'over 256'));
  refuses(() => canonical('x'.repeat(1_000_000)), ErrorCode.TOO_LONG, tooLong('the text', 'over 256'));
  refuses(() => validate('é'.repeat(129)), ErrorCode.TOO_LONG, tooLong('the base handle', 258));
  refuses(() => msaId('😀'.repeat(65), 1), ErrorCode.TOO_LONG, tooLong('the canonical form', 260));
  refuses(() => formatDisplay('é'.repeat(200), 1), ErrorCode.TOO_LONG, tooLong('the base handle', 400));
  refuses(() => candidates(ZERO, '東'.repeat(86)), ErrorCode.TOO_LONG, tooLong('the canonical form', 258));
  assert.equal(validate('é'.repeat(128)).rule.id, 'TooLong');
  assert.equal(canonical('東'.repeat(85)), '東'.repeat(85));
});

test('lone surrogates: validate lets the crate judge them (3 bytes each), the other functions refuse them', () => {
  // The crate checks the length (32 bytes) first: 10 surrogates are 30 bytes, 11 are 33.
  assert.equal(validate('\ud800'.repeat(10)).rule.id, 'NotUtf8');
  assert.equal(validate('\ud800'.repeat(11)).rule.id, 'TooLong');
  assert.equal(validate('\ud800'.repeat(85)).rule.id, 'TooLong');
  assert.equal(validate('é'.repeat(13) + '\udbff' + 'a').rule.id, 'NotUtf8');
  // The first and last surrogates are surrogates too (not replaced by U+FFFD, a valid character).
  for (const lone of ['\ud800', '\udfff']) assert.equal(validate(`ab${lone}`).rule.id, 'NotUtf8', escape(lone));
  assert.equal(validate('é'.repeat(15) + '\udbff').rule.id, 'TooLong');
  refuses(() => validate('\ud800'.repeat(86)), ErrorCode.TOO_LONG, tooLong('the base handle', 258));
  // The text around a surrogate counts its UTF-8 bytes: 200 + 3 + 52 and 200 + 3 + 54.
  assert.equal(validate('é'.repeat(100) + '\udfff' + 'é'.repeat(26)).valid, false, 'answered');
  assert.equal(validate('a' + 'é'.repeat(100) + '\udfff' + 'é'.repeat(26)).valid, false, 'answered: 256 bytes');
  refuses(() => validate('é'.repeat(100) + '\udfff' + 'é'.repeat(27)), ErrorCode.TOO_LONG, tooLong('the base handle', 257));
  refuses(() => validate('😀'.repeat(50) + '\ud83d' + 'a'.repeat(54)), ErrorCode.TOO_LONG, tooLong('the base handle', 257));
  const lone = 'is not well-formed Unicode text (it holds a lone surrogate)';
  refuses(() => canonical('a\ud800'), ErrorCode.NOT_UTF8, `the text ${lone}`);
  refuses(() => parseDisplay('a\udc00.1'), ErrorCode.NOT_UTF8, `the display handle ${lone}`);
  refuses(() => suffixOptions(ZERO, ZERO, 'a\udc00'), ErrorCode.NOT_UTF8, `the base handle ${lone}`);
});

test('wrong types are named', () => {
  refuses(() => validate(42), ErrorCode.WRONG_TYPE, 'the base handle must be a string or a Uint8Array, got number');
  refuses(() => validate(null), ErrorCode.WRONG_TYPE, 'the base handle must be a string or a Uint8Array, got null');
  refuses(() => parseDisplay([]), ErrorCode.WRONG_TYPE, 'the display handle must be a string or a Uint8Array, got array');
  refuses(() => canonical(new Uint8Array(2)), ErrorCode.WRONG_TYPE, 'the text must be a string, got Uint8Array');
  refuses(() => formatDisplay(5n, 1), ErrorCode.WRONG_TYPE, 'the base handle must be a string, got bigint');
});

test('u32 arguments: numbers and bigints from 0 to 2^32 - 1', () => {
  assert.equal(msaId('bob', 0n), msaId('bob', 0));
  assert.equal(formatDisplay('bob', 4294967295n), 'bob.4294967295');
  assert.equal(formatDisplay('bob', -0), 'bob.0');
  refuses(() => msaId('bob', '1'), ErrorCode.WRONG_TYPE, 'the suffix must be a number, got string');
  refuses(() => msaId('bob', 1.5), ErrorCode.OUT_OF_RANGE, 'the suffix must be an integer in 0..=4294967295 (a u32), got 1.5');
  refuses(() => formatDisplay('bob', 2n ** 32n), ErrorCode.OUT_OF_RANGE, 'the suffix must be an integer in 0..=4294967295 (a u32), got 4294967296');
  refuses(() => formatDisplay('bob', -1n), ErrorCode.OUT_OF_RANGE, /got -1$/);
  refuses(() => candidates(ZERO, 'bob', { min: 1, max: 2 ** 32 }), ErrorCode.OUT_OF_RANGE, /^range\.max must be an integer/);
  refuses(() => candidates(ZERO, 'bob', { min: -1 }), ErrorCode.OUT_OF_RANGE, /^range\.min must be an integer/);
});

test('32-byte arguments: the length, the type, and the text shown (80 characters at most)', () => {
  refuses(() => candidates(new Uint8Array(31), 'bob'), ErrorCode.BAD_BYTES, 'the seed must be 32 bytes, got 31');
  refuses(() => suffixOptions(new Uint8Array(33), ZERO, 'bob'), ErrorCode.BAD_BYTES, 'the current seed must be 32 bytes, got 33');
  refuses(() => suffixOptions(ZERO, 7, 'bob'), ErrorCode.WRONG_TYPE, 'the previous seed must be 0x-prefixed hex or a Uint8Array of 32 bytes, got number');
  refuses(() => candidates('0x12', 'bob'), ErrorCode.BAD_BYTES, 'the seed must be 0x followed by 64 hex digits (32 bytes), got "0x12"');
  refuses(() => candidates('ab0x' + '00'.repeat(32), 'bob'), ErrorCode.BAD_BYTES, /^the seed must be 0x followed by 64 hex digits/);
  refuses(() => candidates(ZERO + '00', 'bob'), ErrorCode.BAD_BYTES, /^the seed must be 0x followed by 64 hex digits/);
  const eighty = '0x' + '1'.repeat(78);
  refuses(() => candidates(eighty, 'bob'), ErrorCode.BAD_BYTES, `the seed must be 0x followed by 64 hex digits (32 bytes), got "${eighty}"`);
  refuses(() => candidates(eighty + '23', 'bob'), ErrorCode.BAD_BYTES, `the seed must be 0x followed by 64 hex digits (32 bytes), got "${eighty}..."`);
  // Each pair of hex digits is one byte, in order: a seed given as hex draws what its bytes draw.
  const bytes = Uint8Array.from({ length: 32 }, (_, i) => 255 - 7 * i);
  const hex = '0x' + Buffer.from(bytes).toString('hex');
  assert.deepEqual(candidates(hex, 'bob'), candidates(bytes, 'bob'));
  assert.deepEqual(suffixOptions(hex, hex.toUpperCase().replace('0X', '0x'), 'bob'), suffixOptions(bytes, bytes, 'bob'));
  assert.notDeepEqual(candidates(hex, 'bob'), candidates(ZERO, 'bob'));
});

test('suffix ranges: an object, each bound defaulting to the crate default on its own', () => {
  const low = candidates(ZERO, 'allce', { max: 1005 });
  assert.deepEqual(low, candidates(ZERO, 'allce', { min: 1000, max: 1005 }));
  assert.ok(low.every((n) => n >= 1000 && n <= 1005), String(low));
  const high = candidates(ZERO, 'allce', { min: 9990 });
  assert.deepEqual(high, candidates(ZERO, 'allce', { min: 9990, max: 9999 }));
  assert.ok(high.every((n) => n >= 9990 && n <= 9999), String(high));
  assert.deepEqual(candidates(ZERO, 'allce', {}), candidates(ZERO, 'allce'));
  assert.deepEqual(suffixOptions(ZERO, ZERO, 'Alice', { min: 5, max: 6 }).options.every((n) => n === 5 || n === 6), true);
  refuses(() => candidates(ZERO, 'allce', null), ErrorCode.WRONG_TYPE, 'the suffix range must be an object { min, max }, got null');
  refuses(() => suffixOptions(ZERO, ZERO, 'Alice', [1000, 2000]), ErrorCode.WRONG_TYPE, 'the suffix range must be an object { min, max }, got array');
});

test('validate: a rule without a character has no character field; valid and invalid results have the same four fields', () => {
  const short = validate('x');
  assert.deepEqual(Object.keys(short), ['valid', 'canonical', 'error', 'rule']);
  assert.deepEqual(Object.keys(short.rule), ['id', 'name', 'message']);
  assert.deepEqual(Object.keys(validate('ali@ce').rule), ['id', 'name', 'message', 'character']);
});
