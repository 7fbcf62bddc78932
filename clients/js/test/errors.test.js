// HandlesError and its codes: what callers compare and read.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ErrorCode, HandlesError } from '../src/index.js';

test('each error code is the string of its name, and the list is frozen', () => {
  assert.deepEqual(Object.keys(ErrorCode), ['WRONG_TYPE', 'TOO_LONG', 'NOT_UTF8', 'OUT_OF_RANGE', 'BAD_BYTES', 'BAD_RANGE', 'INVALID_HANDLE', 'MALFORMED_DISPLAY_HANDLE', 'BAD_PAYLOAD', 'BAD_SIGNER', 'WASM', 'CHAIN']);
  for (const [name, code] of Object.entries(ErrorCode)) assert.equal(code, name);
  assert.ok(Object.isFrozen(ErrorCode));
});

test('a HandlesError carries its code, message, and a rule or cause only when given', () => {
  const plain = new HandlesError(ErrorCode.CHAIN, 'the chain answered nonsense');
  assert.ok(plain instanceof Error);
  assert.equal(plain.name, 'HandlesError');
  assert.equal(plain.code, 'CHAIN');
  assert.equal(plain.message, 'the chain answered nonsense');
  assert.equal(String(plain), 'HandlesError: the chain answered nonsense');
  assert.equal(Object.hasOwn(plain, 'rule'), false);
  assert.equal(Object.hasOwn(plain, 'cause'), false);
  const cause = new RangeError('inner');
  const detailed = new HandlesError(ErrorCode.INVALID_HANDLE, 'bad', { rule: 'Reserved', cause });
  assert.equal(detailed.rule, 'Reserved');
  assert.equal(detailed.cause, cause);
  const falsy = new HandlesError(ErrorCode.WASM, 'x', { cause: 0, rule: undefined });
  assert.equal(Object.hasOwn(falsy, 'cause'), true);
  assert.equal(falsy.cause, 0);
  assert.equal(Object.hasOwn(falsy, 'rule'), false);
});
