#!/usr/bin/env node
// Calls per second of the rules functions in Node.js (`npm run bench`), on a mix of inputs:
// typical valid handles, invalid ones, non-Latin scripts and over-long input. Also prints the size
// of the WebAssembly module, raw and gzipped. Not a test: numbers depend on the machine.

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

import { canonical, msaId, parseDisplay, suffixOptions, validate } from '../src/index.js';

const INPUTS = ['Alice', 'bob', 'jean-luc', 'crème_brûlée', 'Дмитрий', 'Ωμέγα', '東京', 'パン', 'बंद', 'ali@ce', 'al ice', 'ADMIN', 'x', 'a'.repeat(40), 'ali😀', 'averyveryverylonghandle_1234567'];
const SEED = '0x' + '00'.repeat(32);

function bench(name, fn, ms = Number(process.env.BENCH_MS || 1500)) {
  for (let i = 0; i < 2000; i++) fn(i); // warm up
  let calls = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(ms) * 1_000_000n;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 1000; i++) fn(calls + i);
    calls += 1000;
    now = process.hrtime.bigint();
  }
  const seconds = Number(now - start) / 1e9;
  const rate = Math.round(calls / seconds);
  console.log(`${name.padEnd(34)} ${rate.toLocaleString('en-US').padStart(12)} calls/s  (${(1e6 / rate).toFixed(2)} µs/call)`);
  return rate;
}

const wasm = readFileSync(new URL('../dist/handles_rules.wasm', import.meta.url));
console.log(`handles_rules.wasm: ${wasm.length.toLocaleString('en-US')} bytes raw, ${gzipSync(wasm, { level: 9 }).length.toLocaleString('en-US')} bytes gzipped (level 9)`);
console.log(`Node.js ${process.version}, ${INPUTS.length} inputs in rotation\n`);
bench('validate (mixed inputs)', (i) => validate(INPUTS[i % INPUTS.length]));
bench("validate('Alice')", () => validate('Alice'));
bench('validate (16 ASCII letters)', () => validate('abcdefghijklmnop'));
bench("validate('Дмитрий')", () => validate('Дмитрий'));
bench('canonical (mixed inputs)', (i) => canonical(INPUTS[i % INPUTS.length]));
bench("parseDisplay('Alice.4821')", () => parseDisplay('Alice.4821'));
bench("msaId('allce', n)", (i) => msaId('allce', i));
bench("suffixOptions(s0, s1, 'Alice')", () => suffixOptions(SEED, SEED, 'Alice'));
