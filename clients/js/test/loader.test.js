// The loader of the WebAssembly rules (src/rules.js around the module): every source initRules
// takes, modules it must refuse, answers the real module never gives (a null result, an error it
// has no code for), a module that cannot be restarted after a trap, and linear memory that grows.
// Each test loads the real module again at its end.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { afterEach, test } from 'node:test';

import { ErrorCode, HandlesError, candidates, canonical, formatDisplay, initRules, msaId, parseDisplay, rulesInfo, rulesReady, suffixOptions, validate } from '../src/index.js';
import { INFO, rulesModule } from './lib/wasm.js';

const WASM = new URL('../dist/handles_rules.wasm', import.meta.url);
const ZERO = '0x' + '00'.repeat(32);
const refused = (code, pattern) => (e) => e instanceof HandlesError && e.code === code && pattern.test(e.message);

afterEach(async () => {
  await initRules();
  assert.equal(validate('Alice').canonical, 'allce');
});

/** Runs `fn` with every `new WebAssembly.Instance` passed to `wrap(instance, count)` first. */
async function watchingInstances(wrap, fn) {
  const Instance = WebAssembly.Instance;
  let count = 0;
  WebAssembly.Instance = function (module, imports) {
    count += 1;
    return wrap(new Instance(module, imports), count);
  };
  try {
    return await fn();
  } finally {
    WebAssembly.Instance = Instance;
  }
}

/** Loads a hand-built module (see test/lib/wasm.js); its info record tells it from the real one. */
async function loadHandBuilt(options) {
  await initRules(rulesModule(options));
  assert.deepEqual(rulesInfo().rules, [], 'the hand-built module is loaded');
}

test('initRules takes a file URL, a URL string relative to src/, a Response, and an http URL', async () => {
  for (const source of [WASM, WASM.href, '../dist/handles_rules.wasm', new Response(await readFile(WASM))]) {
    await loadHandBuilt({});
    await initRules(source);
    assert.equal(validate('Bob').canonical, 'bob', String(source));
  }
  const bytes = await readFile(WASM);
  const server = createServer((request, response) => {
    if (request.url === '/handles_rules.wasm') response.writeHead(200, { 'content-type': 'application/wasm' }).end(bytes);
    else response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    await loadHandBuilt({});
    await initRules(`${base}/handles_rules.wasm`);
    assert.equal(validate('Bob').canonical, 'bob');
    await assert.rejects(initRules(new URL(`${base}/missing.wasm`)), refused(ErrorCode.WASM, new RegExp(`^cannot fetch ${base}/missing\\.wasm: HTTP 404$`)));
  } finally {
    server.close();
  }
  await assert.rejects(initRules(new Response('gone', { status: 410 })), refused(ErrorCode.WASM, /^cannot fetch the response: HTTP 410$/));
  // A file that is missing: the reason, with the file system's error as the cause.
  await assert.rejects(initRules(new URL('missing.wasm', WASM)), (e) => refused(ErrorCode.WASM, /^cannot load the rules module: ENOENT/)(e) && e.cause?.code === 'ENOENT');
  assert.equal(validate('Bob').canonical, 'bob', 'a failed load leaves the loaded module');
});

test('a module out of memory on start, or of another ABI version, is refused', async () => {
  await assert.rejects(initRules(rulesModule({ alloc: 0 })), refused(ErrorCode.WASM, /^the WebAssembly module is out of memory$/));
  await assert.rejects(initRules(rulesModule({ info: { ...INFO, abiVersion: 2 } })), refused(ErrorCode.WASM, /^the WebAssembly module speaks ABI 2, this loader 1: rebuild it/));
  assert.equal(rulesInfo().abiVersion, 1);
  assert.ok(rulesInfo().rules.length > 0, 'the real module stays loaded');
  // rulesInfo has no `ok` field: that belongs to the record, not to the crate's constants.
  await loadHandBuilt({});
  assert.deepEqual(rulesInfo(), { abiVersion: 1, defaultSuffixMin: 1000, defaultSuffixMax: 9999, rules: [] });
});

test('a null result pointer is out of memory', async () => {
  await loadHandBuilt({ answer: 0 });
  for (const query of [() => validate('Alice'), () => canonical('a'), () => msaId('a', 1), () => parseDisplay('a.1'), () => formatDisplay('a', 1), () => candidates(ZERO, 'a'), () => suffixOptions(ZERO, ZERO, 'Alice')]) {
    assert.throws(query, refused(ErrorCode.WASM, /^the rules module is out of memory$/));
  }
});

test('errors the module reports become their codes, with its message; an unknown one is WASM', async () => {
  const cases = [
    ['NotUtf8', ErrorCode.NOT_UTF8],
    ['BadSeed', ErrorCode.BAD_BYTES],
    ['MinAboveMax', ErrorCode.BAD_RANGE],
    ['InvalidHandle', ErrorCode.INVALID_HANDLE],
    ['SomethingNew', ErrorCode.WASM],
  ];
  for (const [error, code] of cases) {
    await loadHandBuilt({ answer: { ok: false, error, message: `message of ${error}` } });
    for (const query of [() => canonical('a'), () => msaId('a', 1), () => formatDisplay('a', 1), () => candidates(ZERO, 'a'), () => suffixOptions(ZERO, ZERO, 'Alice')]) {
      assert.throws(query, (e) => e instanceof HandlesError && e.code === code && e.message === `message of ${error}` && !('rule' in e), `${error} ${query}`);
    }
  }
  await loadHandBuilt({ answer: { ok: false, error: 'InvalidHandle', rule: 'Reserved', message: 'reserved' } });
  assert.throws(() => suffixOptions(ZERO, ZERO, 'Alice'), (e) => e.code === ErrorCode.INVALID_HANDLE && e.rule === 'Reserved');
  // An answer is read by its own length: with other bytes right before it, and a long one.
  const long = 'x'.repeat(70_000);
  await loadHandBuilt({ answer: { ok: true, canonical: long } });
  assert.equal(canonical('a'), long);
});

test('when the module cannot be restarted after a trap, the functions say why until it loads again', async () => {
  await watchingInstances(
    (instance, count) => {
      if (count > 1) throw new RangeError('no memory for another instance');
      return instance;
    },
    async () => {
      await initRules(rulesModule({ answer: 'trap' }));
      assert.throws(() => validate('Alice'), refused(ErrorCode.WASM, /^the rules module trapped \(unreachable\); it was restarted$/));
    },
  );
  assert.equal(rulesReady(), false);
  const notLoaded = refused(ErrorCode.WASM, /^the rules module is not loaded; await initRules\(source\) first: no memory for another instance$/);
  assert.throws(() => validate('Alice'), notLoaded);
  assert.throws(() => rulesInfo(), notLoaded);
  // A load that fails while none is loaded becomes the reason.
  await assert.rejects(initRules(new Uint8Array([1, 2, 3])), refused(ErrorCode.WASM, /^cannot load the rules module: /));
  assert.throws(() => canonical('a'), refused(ErrorCode.WASM, /is not loaded; await initRules\(source\) first: .*(magic|WebAssembly)/));
});

test('the loader follows the module when its memory grows', async () => {
  let instance = null;
  await watchingInstances(
    (made) => (instance = made),
    () => initRules(WASM),
  );
  assert.equal(validate('Alice').canonical, 'allce');
  const pages = instance.exports.memory.grow(2);
  assert.ok(pages > 0);
  assert.equal(validate('Alice').canonical, 'allce');
  assert.equal(canonical('ALICE'), 'allce');
  assert.deepEqual(parseDisplay('Alice.4821'), { base: 'Alice', suffix: 4821 });
});
