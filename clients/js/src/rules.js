// The rules of user handles, offline: the Rust crate `handles-rules` compiled to WebAssembly
// (clients/js/rules-wasm). Not one rule is written in JavaScript: this module checks the
// JavaScript types and sizes of the arguments, copies them into the module and reads its JSON
// answer. See rules-wasm/src/lib.rs for the ABI.
//
// In Node.js the module loads itself on import (top-level await). Elsewhere (a bundler that does
// not serve dist/handles_rules.wasm next to this file) call `initRules(bytesOrUrlOrModule)` once.

import { ErrorCode, HandlesError } from './errors.js';

/** ABI version of rules-wasm this loader speaks. */
export const ABI_VERSION = 1;

/**
 * Longest input in UTF-8 bytes any rules function copies into the module; longer text is refused
 * with `TOO_LONG` before any work. It equals the node's `MAX_VALIDATE_BYTES`: up to this size
 * `validate` answers (an over-long base is `valid: false`, rule `TooLong`), as `handles_validateHandle` does.
 */
export const MAX_INPUT_BYTES = 256;

// Seeds (2 x 32 bytes) come before the text in the input buffer.
const BUFFER_BYTES = 64 + 3 * MAX_INPUT_BYTES;
const DEFAULT_WASM_URL = new URL('../dist/handles_rules.wasm', import.meta.url);

let state = null; // { module, instance, exports, input (ptr), view, info }
let loadError = null;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

async function compile(source) {
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return WebAssembly.compile(source);
  // A Response before any URL: in Node.js its text form would be read as a file name.
  if (typeof Response !== 'undefined' && source instanceof Response) return compileResponse(source, source.url || 'the response');
  const isNode = typeof process !== 'undefined' && process.versions?.node !== undefined;
  const url = source === undefined ? DEFAULT_WASM_URL : source instanceof URL ? source : new URL(String(source), import.meta.url);
  if (isNode && url.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    return WebAssembly.compile(await readFile(url));
  }
  return compileResponse(await fetch(url), url);
}

async function compileResponse(response, url) {
  if (!response.ok) throw new HandlesError(ErrorCode.WASM, `cannot fetch ${url}: HTTP ${response.status}`);
  return WebAssembly.compile(await response.arrayBuffer());
}

function instantiate(module) {
  const instance = new WebAssembly.Instance(module, {});
  const exports = instance.exports;
  for (const name of ['memory', 'hr_alloc', 'hr_free_result', 'hr_info', 'hr_validate', 'hr_canonical', 'hr_candidates', 'hr_suffix_options', 'hr_msa_id', 'hr_parse_display', 'hr_format_display']) {
    if (!(name in exports)) throw new HandlesError(ErrorCode.WASM, `the WebAssembly module lacks the export ${name}: not a handles-rules-wasm build`);
  }
  const input = exports.hr_alloc(BUFFER_BYTES);
  if (input === 0) throw new HandlesError(ErrorCode.WASM, 'the WebAssembly module is out of memory');
  const next = { module, instance, exports, input, view: null, info: null };
  const { ok: _, ...info } = readResult(next, exports.hr_info());
  next.info = info;
  if (next.info.abiVersion !== ABI_VERSION) {
    throw new HandlesError(ErrorCode.WASM, `the WebAssembly module speaks ABI ${next.info.abiVersion}, this loader ${ABI_VERSION}: rebuild it (npm run build:wasm)`);
  }
  return next;
}

/**
 * Loads the WebAssembly module: from `source` (bytes, a compiled `WebAssembly.Module`, a URL or a
 * `Response`), or by default from `dist/handles_rules.wasm` beside this package. Safe to call again:
 * the new module replaces the old one, and one that fails to load leaves the old one in place.
 */
export async function initRules(source) {
  try {
    state = instantiate(await compile(source));
    loadError = null;
  } catch (e) {
    if (state === null) loadError = e;
    throw e instanceof HandlesError ? e : new HandlesError(ErrorCode.WASM, `cannot load the rules module: ${e.message}`, { cause: e });
  }
}

/** Whether the module is loaded, so the rules functions work. */
export function rulesReady() {
  return state !== null;
}

function ready() {
  if (state === null) {
    const why = loadError ? `: ${loadError.message}` : '';
    throw new HandlesError(ErrorCode.WASM, `the rules module is not loaded; await initRules(source) first${why}`);
  }
  return state;
}

function memory(s) {
  if (s.view === null || s.view.buffer !== s.exports.memory.buffer) s.view = new Uint8Array(s.exports.memory.buffer);
  return s.view;
}

function readResult(s, ptr) {
  if (ptr === 0) throw new HandlesError(ErrorCode.WASM, 'the rules module is out of memory');
  try {
    const mem = memory(s);
    const len = mem[ptr] | (mem[ptr + 1] << 8) | (mem[ptr + 2] << 16) | (mem[ptr + 3] << 24);
    return JSON.parse(decoder.decode(mem.subarray(ptr + 4, ptr + 4 + len)));
  } finally {
    s.exports.hr_free_result(ptr);
  }
}

/** Runs one query; a trap (which no input should cause) becomes a HandlesError and a fresh instance. */
function call(fn) {
  const s = ready();
  try {
    return fn(s);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      try {
        state = instantiate(s.module);
      } catch (again) {
        state = null;
        loadError = again;
      }
      throw new HandlesError(ErrorCode.WASM, `the rules module trapped (${e.message}); it was restarted`, { cause: e });
    }
    throw e;
  }
}

/**
 * Runs the module's query `name` on `input` (bytes, at most the input buffer) and the `u32`
 * `numbers`; returns its JSON answer. For the package's own modules (signing.js); the package's
 * index does not export it. A module without the query is refused with a WASM error naming it.
 */
export function wasmQuery(name, input, ...numbers) {
  return call((s) => {
    if (typeof s.exports[name] !== 'function') {
      throw new HandlesError(ErrorCode.WASM, `the WebAssembly module lacks the export ${name}: rebuild it (npm run build:wasm)`);
    }
    if (input.length > BUFFER_BYTES) throw new HandlesError(ErrorCode.TOO_LONG, `the input of ${name} is ${input.length} bytes; at most ${BUFFER_BYTES} fit`);
    memory(s).set(input, s.input);
    return readResult(s, s.exports[name](s.input, input.length, ...numbers));
  });
}

// ---------------------------------------------------------------------------------------------
// Argument checks (types and sizes only: the rules are the crate's).

function typeName(value) {
  if (value === null) return 'null';
  if (value instanceof Uint8Array) return 'Uint8Array';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** Encodes text (or copies bytes) into the input buffer at `offset`; returns the byte count. */
function writeText(s, what, value, offset, { allowBytes = false, lenient = false } = {}) {
  const mem = memory(s);
  const at = s.input + offset;
  if (allowBytes && value instanceof Uint8Array) {
    if (value.length > MAX_INPUT_BYTES) throw tooLong(what, value.length);
    mem.set(value, at);
    return value.length;
  }
  if (typeof value !== 'string') {
    throw new HandlesError(ErrorCode.WRONG_TYPE, `${what} must be a string${allowBytes ? ' or a Uint8Array' : ''}, got ${typeName(value)}`);
  }
  // Every UTF-16 unit takes at least one byte of UTF-8.
  if (value.length > MAX_INPUT_BYTES) throw tooLong(what);
  if (!value.isWellFormed()) {
    if (!lenient) throw new HandlesError(ErrorCode.NOT_UTF8, `${what} is not well-formed Unicode text (it holds a lone surrogate)`);
    // validate() lets the crate judge it: the surrogates are written as their (invalid) UTF-8 form.
    const bytes = wtf8(value);
    if (bytes.length > MAX_INPUT_BYTES) throw tooLong(what, bytes.length);
    mem.set(bytes, at);
    return bytes.length;
  }
  const { written } = encoder.encodeInto(value, mem.subarray(at, at + 3 * MAX_INPUT_BYTES));
  if (written > MAX_INPUT_BYTES) throw tooLong(what, written);
  return written;
}

function tooLong(what, bytes) {
  const size = bytes === undefined ? `over ${MAX_INPUT_BYTES}` : String(bytes);
  return new HandlesError(ErrorCode.TOO_LONG, `${what} is ${size} bytes of UTF-8; at most ${MAX_INPUT_BYTES} are accepted`);
}

function wtf8(text) {
  const out = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    if (cp >= 0xd800 && cp <= 0xdfff) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(...encoder.encode(ch));
  }
  return Uint8Array.from(out);
}

/** A u32 (number or bigint) as a number. */
export function checkU32(what, value) {
  const n = typeof value === 'bigint' ? value : typeof value === 'number' ? value : null;
  if (n === null) throw new HandlesError(ErrorCode.WRONG_TYPE, `${what} must be a number, got ${typeName(value)}`);
  if (typeof n === 'number' ? !Number.isInteger(n) || n < 0 || n > 0xffffffff : n < 0n || n > 0xffffffffn) {
    throw new HandlesError(ErrorCode.OUT_OF_RANGE, `${what} must be an integer in 0..=4294967295 (a u32), got ${String(value)}`);
  }
  return Number(n);
}

const HEX_32 = /^0x[0-9a-fA-F]{64}$/;

/** A 32-byte value given as 0x hex or a Uint8Array, as bytes. */
export function check32Bytes(what, value) {
  if (value instanceof Uint8Array) {
    if (value.length !== 32) throw new HandlesError(ErrorCode.BAD_BYTES, `${what} must be 32 bytes, got ${value.length}`);
    return value;
  }
  if (typeof value !== 'string') throw new HandlesError(ErrorCode.WRONG_TYPE, `${what} must be 0x-prefixed hex or a Uint8Array of 32 bytes, got ${typeName(value)}`);
  if (!HEX_32.test(value)) {
    const shown = value.length > 80 ? `${value.slice(0, 80)}...` : value;
    throw new HandlesError(ErrorCode.BAD_BYTES, `${what} must be 0x followed by 64 hex digits (32 bytes), got ${JSON.stringify(shown)}`);
  }
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = parseInt(value.slice(2 + 2 * i, 4 + 2 * i), 16);
  return out;
}

function checkRange(range) {
  const info = ready().info;
  if (range === undefined) return { min: info.defaultSuffixMin, max: info.defaultSuffixMax };
  if (range === null || typeof range !== 'object' || Array.isArray(range)) {
    throw new HandlesError(ErrorCode.WRONG_TYPE, `the suffix range must be an object { min, max }, got ${typeName(range)}`);
  }
  return {
    min: range.min === undefined ? info.defaultSuffixMin : checkU32('range.min', range.min),
    max: range.max === undefined ? info.defaultSuffixMax : checkU32('range.max', range.max),
  };
}

function fail(result) {
  const codes = { NotUtf8: ErrorCode.NOT_UTF8, BadSeed: ErrorCode.BAD_BYTES, MinAboveMax: ErrorCode.BAD_RANGE, InvalidHandle: ErrorCode.INVALID_HANDLE };
  const code = codes[result.error] ?? ErrorCode.WASM;
  return new HandlesError(code, result.message, result.rule ? { rule: result.rule } : {});
}

// ---------------------------------------------------------------------------------------------
// The rules.

/**
 * Constants of the rules crate this module was built from (canonical version, Unicode versions,
 * byte bounds, default suffix range, forbidden characters, default reserved handles, every rule).
 */
export function rulesInfo() {
  return structuredClone(ready().info);
}

/**
 * Validates a base handle with the rules and the default reserved list (`admin`, `everyone`, `all`;
 * a chain may reserve more: ask `handles_validateHandle` before claiming).
 * @returns `{ valid: true, canonical, error: null, rule: null }` or
 *   `{ valid: false, canonical: null, error: <sentence>, rule: { id, name, message, character? } }`
 */
export function validate(base) {
  return call((s) => {
    const len = writeText(s, 'the base handle', base, 0, { allowBytes: true, lenient: true });
    const r = readResult(s, s.exports.hr_validate(s.input, len));
    if (r.valid) return { valid: true, canonical: r.canonical, error: null, rule: null };
    const rule = { id: r.rule, name: r.ruleName, message: r.message };
    if (r.character !== undefined) rule.character = r.character;
    return { valid: false, canonical: null, error: r.message, rule };
  });
}

/** Whether a base handle is valid (see {@link validate}). */
export function isValid(base) {
  return validate(base).valid;
}

/**
 * The canonical form of any text (no rule is checked: use {@link validate} for a handle's form).
 * Look-alikes share one form: `canonical('ALICE') === canonical('a1ice')`.
 */
export function canonical(text) {
  return call((s) => {
    const len = writeText(s, 'the text', text, 0);
    const r = readResult(s, s.exports.hr_canonical(s.input, len));
    if (!r.ok) throw fail(r);
    return r.canonical;
  });
}

/**
 * The 10 suffix candidates of a canonical form under one seed, in draw order (duplicates possible).
 * @param seed 0x hex or 32 bytes
 * @param range `{ min, max }`, default the crate's default range
 */
export function candidates(seed, canonicalForm, range) {
  const seedBytes = check32Bytes('the seed', seed);
  const { min, max } = checkRange(range);
  return call((s) => {
    memory(s).set(seedBytes, s.input);
    const len = writeText(s, 'the canonical form', canonicalForm, 32);
    const r = readResult(s, s.exports.hr_candidates(s.input, 32 + len, min, max));
    if (!r.ok) throw fail(r);
    return r.candidates;
  });
}

/**
 * The suffix options of a base handle under the chain's two seeds (`handles_getSeed`): the base is
 * validated (an invalid one throws `INVALID_HANDLE` naming the rule), then the candidates of its
 * canonical form under each seed are drawn. `options` is their union, ascending: the suffixes a
 * claim may use, before the chain's availability checks (taken, cooling down, MSA id in use).
 * @returns `{ canonical, current: number[], previous: number[], options: number[] }`
 */
export function suffixOptions(currentSeed, previousSeed, base, range) {
  const current = check32Bytes('the current seed', currentSeed);
  const previous = check32Bytes('the previous seed', previousSeed);
  const { min, max } = checkRange(range);
  return call((s) => {
    const mem = memory(s);
    mem.set(current, s.input);
    mem.set(previous, s.input + 32);
    const len = writeText(s, 'the base handle', base, 64, { allowBytes: true });
    const r = readResult(s, s.exports.hr_suffix_options(s.input, 64 + len, min, max));
    if (!r.ok) throw fail(r);
    return { canonical: r.canonical, current: r.current, previous: r.previous, options: r.options };
  });
}

/**
 * The MSA id a new MSA takes for `(canonical, suffix)`: the first 4 bytes of
 * `blake2_256(canonical ++ "." ++ decimal(suffix))`, little-endian. After a handle change the MSA keeps
 * its id: look handles up through the chain, not this formula.
 */
export function msaId(canonicalForm, suffix) {
  const n = checkU32('the suffix', suffix);
  return call((s) => {
    const len = writeText(s, 'the canonical form', canonicalForm, 0);
    const r = readResult(s, s.exports.hr_msa_id(s.input, len, n));
    if (!r.ok) throw fail(r);
    return r.msaId;
  });
}

/**
 * Splits a display handle at its last `.`: `parseDisplay('Alice.4821')` is `{ base: 'Alice', suffix: 4821 }`;
 * the suffix may use any one kind of Unicode decimal digits (`alice.４８２１`). A malformed one throws
 * `MALFORMED_DISPLAY_HANDLE` with the crate's `DisplayError` as `rule`.
 */
export function parseDisplay(display) {
  return call((s) => {
    const len = writeText(s, 'the display handle', display, 0, { allowBytes: true });
    const r = readResult(s, s.exports.hr_parse_display(s.input, len));
    if (!r.ok) {
      const code = r.error === 'NotUtf8' ? ErrorCode.NOT_UTF8 : ErrorCode.MALFORMED_DISPLAY_HANDLE;
      throw new HandlesError(code, r.message, { rule: r.error });
    }
    return { base: r.base, suffix: r.suffix };
  });
}

/** The display handle `base.suffix` (`formatDisplay('Alice', 4821) === 'Alice.4821'`). */
export function formatDisplay(base, suffix) {
  const n = checkU32('the suffix', suffix);
  return call((s) => {
    const len = writeText(s, 'the base handle', base, 0);
    const r = readResult(s, s.exports.hr_format_display(s.input, len, n));
    if (!r.ok) throw fail(r);
    return r.display;
  });
}

try {
  await initRules();
} catch {
  // Kept in loadError; the functions say so until initRules(source) succeeds.
}
