// A trap inside the WebAssembly module (which no input of the real module reaches: its functions
// are total) must surface as a HandlesError, never end the process, and leave a fresh instance.
// The trapping module here is built by hand (test/lib/wasm.js): the ABI's exports, an info record,
// every query `unreachable`.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ErrorCode, HandlesError, initRules, parseDisplay, rulesInfo, validate } from '../src/index.js';
import { rulesModule } from './lib/wasm.js';

test('a trap becomes HandlesError(WASM) and the module is restarted', async () => {
  await initRules(rulesModule({ answer: 'trap' }));
  assert.equal(rulesInfo().abiVersion, 1);
  for (let i = 0; i < 3; i++) {
    assert.throws(() => validate('Alice'), (e) => e instanceof HandlesError && e.code === ErrorCode.WASM && /trapped/.test(e.message) && e.cause instanceof WebAssembly.RuntimeError);
    assert.throws(() => parseDisplay('Alice.1'), (e) => e instanceof HandlesError && e.code === ErrorCode.WASM);
  }
  await initRules();
  assert.equal(validate('Alice').canonical, 'allce');
});
