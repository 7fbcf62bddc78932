// The @polkadot/api definitions against what states them without a node: the runtime API in the
// runtime's own metadata (.papi/metadata/handles.scale, written by `npm run papi:generate` from a
// dev node), and the handles_* methods, parameters and JSON shapes in the repository README's
// JSON-RPC section. chain.test.js calls both through a dev node.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { Metadata, TypeRegistry } from '@polkadot/types';

import { handlesErrorCodes, handlesRpc, handlesRuntime, handlesTypes } from '../src/index.js';

const ours = new TypeRegistry();
ours.register(handlesTypes);
/** A type as @polkadot/types writes it out (names of registered structs kept; fields of structs written out). */
const raw = (registry, type) => registry.createType(type).toRawType();

/** The runtime's metadata, its types named as polkadot.js names them (PalletHandlesRuntimeApi*). */
function runtimeMetadata() {
  const metadata = new Metadata(new TypeRegistry(), readFileSync(new URL('../.papi/metadata/handles.scale', import.meta.url)));
  const registry = new TypeRegistry();
  registry.setMetadata(metadata);
  const named = {};
  for (const { id } of metadata.asLatest.lookup.types) {
    const name = registry.lookup.getName(id);
    if (name?.startsWith('PalletHandlesRuntimeApi')) named[name] = registry.lookup.getTypeDef(id).type;
  }
  registry.register(named);
  const api = metadata.asLatest.apis.find((a) => a.name.toString() === 'HandlesApi');
  return { registry, named: Object.keys(named), api };
}

test('HandlesApi: the methods, parameters and types of the runtime metadata', () => {
  const { registry, named, api } = runtimeMetadata();
  const ourName = (type) => type.replaceAll('PalletHandlesRuntimeApi', 'HandlesApi');
  // Every struct and enum of the runtime API, field by field (names, order and types).
  assert.ok(named.length >= 8, named.join());
  for (const name of named) assert.equal(raw(ours, ourName(name)), ourName(raw(registry, name)), name);
  const [latest, ...older] = handlesRuntime.HandlesApi;
  const methods = api.methods.map((m) => m.name.toString());
  assert.deepEqual(Object.keys(latest.methods).sort(), [...methods].sort());
  for (const m of api.methods) {
    const def = latest.methods[m.name.toString()];
    assert.equal(raw(ours, def.type), ourName(raw(registry, registry.lookup.getTypeDef(m.output).type)), `${m.name} result`);
    assert.deepEqual(
      def.params.map((p) => [p.name, raw(ours, p.type)]),
      m.inputs.map((i) => [i.name.toString(), ourName(raw(registry, registry.lookup.getTypeDef(i.type).type))]),
      `${m.name} parameters`,
    );
    for (const { version, methods } of older) {
      if (m.name.toString() in methods) assert.deepEqual(methods[m.name.toString()], def, `${m.name} in version ${version}`);
    }
  }
});

/** The README's JSON-RPC examples: `rpc handles_x '[params]'` and the JSON answered on the next line. */
function readmeExamples() {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## JSON-RPC (`handles_*`)'));
  const examples = new Map();
  for (const m of section.matchAll(/^rpc handles_(\w+) '(\[[^']*\])'[^\n]*\n# ([[{][^\n]*)$/gm)) {
    if (!examples.has(m[1])) examples.set(m[1], { params: m[2], answer: m[3] });
  }
  return examples;
}

/** The keys of the first JSON object in `text`, in order (values may be elided with `…`). */
const keysOf = (text) => [...text.slice(text.indexOf('{'), text.indexOf('}') + 1).matchAll(/"(\w+)":/g)].map((m) => m[1]);

test('handles_* RPC: the README\'s methods, each with the optional block hash last and the JSON fields of its answer', () => {
  const examples = readmeExamples();
  assert.deepEqual([...examples.keys()].sort(), Object.keys(handlesRpc).sort());
  for (const [method, { params, answer }] of examples) {
    const def = handlesRpc[method];
    assert.deepEqual(def.params.at(-1), { name: 'at', type: 'BlockHash', isOptional: true }, method);
    assert.equal(def.params.length - 1, JSON.parse(params).length, `${method}: the parameters besides at, as in ${params}`);
    assert.ok(def.description.length > 20, method);
    const result = ours.createType(def.type);
    // Option<T>, Vec<T> and Vec<Option<T>> answer T's fields.
    const inner = def.type.replace(/^(Option|Vec)<(.+)>$/, '$2').replace(/^Option<(.+)>$/, '$1');
    assert.deepEqual(Object.keys(ours.createType(inner).toJSON()), keysOf(answer), method);
    assert.ok(result, method);
  }
  // Parameters: handles as text, MSA ids as u32, owners as SS58 text.
  const param = (method) => handlesRpc[method].params[0];
  assert.deepEqual(
    ['getSuffixOptions', 'getMsaForHandle', 'getHandleForMsa', 'getHandlesForOwner', 'validateHandle', 'getHandlesForMsas', 'getMsasForHandles'].map(param),
    [
      { name: 'baseHandle', type: 'Text' },
      { name: 'displayHandle', type: 'Text' },
      { name: 'msaId', type: 'u32' },
      { name: 'owner', type: 'Text' },
      { name: 'baseHandle', type: 'Text' },
      { name: 'msaIds', type: 'Vec<u32>' },
      { name: 'displayHandles', type: 'Vec<Text>' },
    ],
  );
  assert.deepEqual(Object.values(handlesRpc).map((d) => d.type), [
    'HandlesRpcSeed',
    'HandlesRpcSuffixOptions',
    'Option<HandlesRpcMsaForHandle>',
    'Option<HandlesRpcHandleForMsa>',
    'Vec<HandlesRpcOwnedMsa>',
    'HandlesRpcValidation',
    'HandlesRpcSettings',
    'Vec<Option<HandlesRpcHandleForMsa>>',
    'Vec<Option<HandlesRpcMsaForHandle>>',
    'HandlesRpcSigningMessage',
  ]);
});

test('handles_* RPC: the README\'s answers decode to the same JSON', () => {
  // The examples with their elisions filled in: numbers, SS58, hashes.
  const values = {
    HandlesRpcSeed: { current: '0x' + '11'.repeat(32), previous: '0x' + '22'.repeat(32), nextRotation: 101 },
    HandlesRpcSuffixOptions: { baseHandle: 'Alice', canonical: 'allce', candidates: [1001, 4821], available: [4821], expiring: [1001], nextRotation: 101 },
    HandlesRpcMsaForHandle: { msaId: 123456, owner: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', handle: 'Alice.4821' },
    HandlesRpcHandleForMsa: { handle: 'Alice.4821', baseHandle: 'Alice', suffix: 4821, canonical: 'allce', owner: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', createdAt: 7 },
    HandlesRpcOwnedMsa: { msaId: 123456, handle: 'Alice.4821' },
    HandlesRpcValidation: { valid: false, canonical: null, error: 'reserved handle' },
    HandlesRpcSettings: { suffixMin: 1000, suffixMax: 9999, reuseCooldown: 100800, seedRotationPeriod: 100, maxPayloadLifetime: 200, legacyPayloadDeadline: 100800 },
    HandlesRpcSigningMessage: { message: 'Handles: claim Alice.4821\nChain: Handles 0x11\nValid until block: 9', bytes: '0x48616e646c6573' },
  };
  for (const [type, json] of Object.entries(values)) assert.deepEqual(ours.createType(type, json).toJSON(), json, type);
  assert.deepEqual(ours.createType('HandlesRpcOwnedMsa', { msaId: 1, handle: null }).toJSON(), { msaId: 1, handle: null });
  // A node answering at a block of a runtime before HandlesApi version 5: no deadline.
  assert.equal(ours.createType('HandlesRpcSettings', { ...values.HandlesRpcSettings, legacyPayloadDeadline: null }).legacyPayloadDeadline.isNone, true);
  assert.deepEqual(ours.createType('HandlesRpcValidation', { valid: true, canonical: 'allce', error: null }).toJSON(), { valid: true, canonical: 'allce', error: null });
  // Numbers are u32: 2^32 - 1 fits, and the SCALE bytes are 4 little-endian.
  assert.equal(ours.createType('HandlesRpcSettings', { maxPayloadLifetime: 0xffffffff }).maxPayloadLifetime.toNumber(), 0xffffffff);
  assert.equal(ours.createType('HandlesRpcSeed').toU8a().length, 32 + 32 + 4);
  assert.equal(ours.createType('HandlesRpcHandleForMsa').toU8a().length, 1 + 1 + 4 + 1 + 32 + 4);
});

test('the README\'s JSON-RPC error codes', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## JSON-RPC (`handles_*`)'));
  const listed = [...section.matchAll(/^\| (8\d{3}) \|/gm)].map((m) => Number(m[1]));
  assert.deepEqual(Object.values(handlesErrorCodes), listed);
  assert.deepEqual(Object.keys(handlesErrorCodes), ['RUNTIME_ERROR', 'UNKNOWN_BLOCK', 'HANDLE_TOO_LONG', 'MALFORMED_DISPLAY_HANDLE', 'INVALID_ACCOUNT', 'INVALID_HANDLE', 'TOO_MANY_LOOKUPS']);
  assert.ok(Object.isFrozen(handlesErrorCodes));
});
