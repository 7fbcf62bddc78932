// A trap inside the WebAssembly module (which no input of the real module reaches: its functions
// are total) must surface as a HandlesError, never end the process, and leave a fresh instance.
// The trapping module here is built by hand: the ABI's exports, an info record, every query
// `unreachable`.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ErrorCode, HandlesError, initRules, parseDisplay, rulesInfo, validate } from '../src/index.js';

const uleb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const vec = (items) => [...uleb(items.length), ...items.flat()];
const section = (id, bytes) => [id, ...uleb(bytes.length), ...bytes];
/** A byte vector: its length, then the bytes. */
const bytesOf = (bytes) => [...uleb(bytes.length), ...bytes];
const name = (s) => bytesOf([...new TextEncoder().encode(s)]);

function trappingModule() {
  const I32 = 0x7f;
  const types = [
    [0x60, ...vec([I32]), ...vec([I32])], // 0: (i32) -> i32
    [0x60, ...vec([I32]), ...vec([])], // 1: (i32) -> ()
    [0x60, ...vec([]), ...vec([I32])], // 2: () -> i32
    [0x60, ...vec([I32, I32]), ...vec([I32])], // 3
    [0x60, ...vec([I32, I32, I32, I32]), ...vec([I32])], // 4
    [0x60, ...vec([I32, I32, I32]), ...vec([I32])], // 5
  ];
  const funcs = [
    ['hr_alloc', 0, [0x41, ...[0x80, 0x20]]], // i32.const 4096
    ['hr_free_result', 1, []],
    ['hr_info', 2, [0x41, ...[0x80, 0x08]]], // i32.const 1024
    ['hr_validate', 3, [0x00]],
    ['hr_canonical', 3, [0x00]],
    ['hr_parse_display', 3, [0x00]],
    ['hr_candidates', 4, [0x00]],
    ['hr_suffix_options', 4, [0x00]],
    ['hr_msa_id', 5, [0x00]],
    ['hr_format_display', 5, [0x00]],
  ];
  const info = new TextEncoder().encode(JSON.stringify({ ok: true, abiVersion: 1, defaultSuffixMin: 1000, defaultSuffixMax: 9999, rules: [] }));
  const record = [...new Uint8Array(new Uint32Array([info.length]).buffer), ...info];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(3, vec(funcs.map(([, t]) => uleb(t)))),
    ...section(5, vec([[0x00, 0x01]])), // one memory, min 1 page
    ...section(7, vec([[...name('memory'), 0x02, 0x00], ...funcs.map(([n], i) => [...name(n), 0x00, ...uleb(i)])])),
    // Each body: its size, no locals, the instructions, `end`.
    ...section(10, vec(funcs.map(([, , code]) => bytesOf([0x00, ...code, 0x0b])))),
    // The info record at 1024: memory 0, offset `i32.const 1024; end`, the bytes.
    ...section(11, vec([[0x00, 0x41, 0x80, 0x08, 0x0b, ...bytesOf(record)]])),
  ];
  return new Uint8Array(bytes);
}

test('a trap becomes HandlesError(WASM) and the module is restarted', async () => {
  await initRules(trappingModule());
  assert.equal(rulesInfo().abiVersion, 1);
  for (let i = 0; i < 3; i++) {
    assert.throws(() => validate('Alice'), (e) => e instanceof HandlesError && e.code === ErrorCode.WASM && /trapped/.test(e.message) && e.cause instanceof WebAssembly.RuntimeError);
    assert.throws(() => parseDisplay('Alice.1'), (e) => e instanceof HandlesError && e.code === ErrorCode.WASM);
  }
  await initRules();
  assert.equal(validate('Alice').canonical, 'allce');
});
