// The @polkadot/api definitions: every type and method resolves in a registry, and the runtime-call
// definitions name every method of the HandlesApi runtime API.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { TypeRegistry } from '@polkadot/types';

import { chooseExpiration, handlesApiOptions, handlesErrorCodes, handlesRpc, handlesRuntime, handlesTypes, payloadTypes } from '../src/index.js';

test('every RPC result type and runtime-call type is constructible', () => {
  const registry = new TypeRegistry();
  registry.register(handlesTypes);
  for (const name of Object.keys(handlesTypes)) assert.ok(registry.createType(name), name);
  for (const [method, def] of Object.entries(handlesRpc)) {
    assert.ok(registry.createType(def.type), method);
    assert.equal(def.params.at(-1).name === 'at' || method === 'validateHandle', true);
    for (const p of def.params) assert.ok(registry.createType(p.type), `${method}.${p.name}`);
  }
  for (const { methods } of handlesRuntime.HandlesApi) {
    for (const def of Object.values(methods)) assert.ok(registry.createType(def.type));
  }
});

test('the RPC result types decode the JSON the README\'s JSON-RPC section states', () => {
  const registry = new TypeRegistry();
  registry.register(handlesTypes);
  const settings = registry.createType('HandlesRpcSettings', { suffixMin: 1000, suffixMax: 9999, reuseCooldown: 100800, seedRotationPeriod: 100, maxPayloadLifetime: 200 });
  assert.deepEqual(settings.toJSON(), { suffixMin: 1000, suffixMax: 9999, reuseCooldown: 100800, seedRotationPeriod: 100, maxPayloadLifetime: 200 });
  const found = registry.createType('Option<HandlesRpcMsaForHandle>', { msaId: 7, owner: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', handle: 'Alice.4821' });
  assert.equal(found.unwrap().handle.toString(), 'Alice.4821');
});

test('seven RPC methods, seven runtime-API methods in version 1 and suffix_offer in version 2, the node error codes', () => {
  assert.deepEqual(Object.keys(handlesRpc).sort(), ['getHandleForMsa', 'getHandlesForOwner', 'getMsaForHandle', 'getSeed', 'getSettings', 'getSuffixOptions', 'validateHandle']);
  const [v2, v1] = handlesRuntime.HandlesApi;
  assert.deepEqual([v2.version, v1.version], [2, 1]);
  const v1Methods = ['handle_for_msa', 'handles_for_owner', 'msa_for_handle', 'seed', 'settings', 'suffix_options', 'validate_handle'];
  assert.deepEqual(Object.keys(v1.methods).sort(), v1Methods);
  assert.deepEqual(Object.keys(v2.methods).sort(), [...v1Methods, 'suffix_offer'].sort());
  assert.deepEqual(handlesApiOptions.rpc.handles, handlesRpc);
  assert.equal(handlesErrorCodes.HANDLE_TOO_LONG, 8002);
  assert.ok(payloadTypes.HandlesSignedMessage);
});

test('chooseExpiration: now + margin, at most now + maxPayloadLifetime', () => {
  assert.equal(chooseExpiration({ now: 10, maxPayloadLifetime: 200 }), 210);
  assert.equal(chooseExpiration({ now: 10, maxPayloadLifetime: 200, margin: 20 }), 30);
  assert.equal(chooseExpiration({ now: 10, maxPayloadLifetime: 200, margin: 5000 }), 210);
  assert.equal(chooseExpiration({ now: 10, maxPayloadLifetime: 200, margin: 0 }), 10);
  assert.throws(() => chooseExpiration({ now: -1, maxPayloadLifetime: 200 }), { code: 'OUT_OF_RANGE' });
  assert.throws(() => chooseExpiration({ now: 0xffffffff, maxPayloadLifetime: 1 }), { code: 'OUT_OF_RANGE' });
  assert.throws(() => chooseExpiration({ now: '10', maxPayloadLifetime: 200 }), { code: 'WRONG_TYPE' });
  assert.throws(() => chooseExpiration(), { code: 'WRONG_TYPE' });
});
