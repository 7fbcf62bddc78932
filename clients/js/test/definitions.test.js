// The @polkadot/api definitions: every type and method resolves in a registry, and the runtime-call
// definitions name every method of the HandlesApi runtime API.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { TypeRegistry } from '@polkadot/types';

import { MAX_BATCH_LOOKUPS, chooseExpiration, handlesApiOptions, handlesErrorCodes, handlesRpc, handlesRuntime, handlesTypes, payloadTypes } from '../src/index.js';

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
  const json = { suffixMin: 1000, suffixMax: 9999, reuseCooldown: 100800, seedRotationPeriod: 100, maxPayloadLifetime: 200, legacyPayloadDeadline: 100800 };
  assert.deepEqual(registry.createType('HandlesRpcSettings', json).toJSON(), json);
  const found = registry.createType('Option<HandlesRpcMsaForHandle>', { msaId: 7, owner: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', handle: 'Alice.4821' });
  assert.equal(found.unwrap().handle.toString(), 'Alice.4821');
});

test('ten RPC methods, seven runtime-API methods in version 1, suffix_offer in version 2, the batch lookups in version 3, signing_message in version 4, legacy_payload_deadline in version 5, the node error codes', () => {
  assert.deepEqual(Object.keys(handlesRpc).sort(), [
    'getHandleForMsa',
    'getHandlesForMsas',
    'getHandlesForOwner',
    'getMsaForHandle',
    'getMsasForHandles',
    'getSeed',
    'getSettings',
    'getSuffixOptions',
    'signingMessage',
    'validateHandle',
  ]);
  const [v5, v4, v3, v2, v1] = handlesRuntime.HandlesApi;
  assert.deepEqual([v5.version, v4.version, v3.version, v2.version, v1.version], [5, 4, 3, 2, 1]);
  const v1Methods = ['handle_for_msa', 'handles_for_owner', 'msa_for_handle', 'seed', 'settings', 'suffix_options', 'validate_handle'];
  assert.deepEqual(Object.keys(v1.methods).sort(), v1Methods);
  assert.deepEqual(Object.keys(v2.methods).sort(), [...v1Methods, 'suffix_offer'].sort());
  assert.deepEqual(Object.keys(v3.methods).sort(), [...v1Methods, 'suffix_offer', 'handles_for_msas', 'msas_for_handles'].sort());
  assert.deepEqual(Object.keys(v4.methods).sort(), [...Object.keys(v3.methods), 'signing_message'].sort());
  for (const name of Object.keys(v2.methods)) assert.deepEqual(v3.methods[name], v2.methods[name], name);
  for (const name of Object.keys(v3.methods)) assert.deepEqual(v4.methods[name], v3.methods[name], name);
  assert.deepEqual(Object.keys(v5.methods).sort(), [...Object.keys(v4.methods), 'legacy_payload_deadline'].sort());
  for (const name of Object.keys(v4.methods)) assert.deepEqual(v5.methods[name], v4.methods[name], name);
  assert.deepEqual(handlesApiOptions.rpc.handles, handlesRpc);
  assert.equal(handlesErrorCodes.HANDLE_TOO_LONG, 8002);
  assert.equal(handlesErrorCodes.TOO_MANY_LOOKUPS, 8006);
  assert.ok(payloadTypes.HandlesSignedMessage);
});

test('signingMessage: call and payload, then at; the runtime payload encodes as the pallet payload of the call', () => {
  const registry = new TypeRegistry();
  registry.register(handlesTypes);
  registry.register(payloadTypes);
  const { signingMessage } = handlesRpc;
  assert.deepEqual(signingMessage.params.map((p) => p.name), ['call', 'payload', 'at']);
  // The RPC payload: the call's fields, the others null (which the node reads as absent).
  const fields = registry.createType('HandlesRpcSigningPayload', { baseHandle: 'Alice', suffix: 4821, expiration: 9 }).toJSON();
  assert.deepEqual(fields, { baseHandle: 'Alice', suffix: 4821, msaId: null, handle: null, oldHandle: null, newBaseHandle: null, newSuffix: null, owner: null, newOwner: null, expiration: 9 });
  const owner = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
  assert.equal(registry.createType('HandlesRpcSigningPayload', { owner }).toJSON().owner, owner);
  const answer = registry.createType(signingMessage.type, { message: 'Handles: claim Alice.4821', bytes: '0x48616e646c6573' });
  assert.deepEqual(answer.toJSON(), { message: 'Handles: claim Alice.4821', bytes: '0x48616e646c6573' });
  // The runtime API's payload has the SCALE encoding of the pallet's HandlesPayload (kind byte, fields).
  const payloads = {
    Create: { baseHandle: '0x416c696365', suffix: 4821, expiration: 9 },
    Retire: { msaId: 7, handle: '0x612e31', expiration: 9 },
    Change: { msaId: 7, oldHandle: null, newBaseHandle: '0x426f62', newSuffix: 2002, expiration: 9 },
    Transfer: { msaId: 7, owner, newOwner: owner, expiration: 9 },
  };
  for (const [variant, payload] of Object.entries(payloads)) {
    const ours = registry.createType('HandlesApiSigningPayload', { [variant]: payload }).toU8a();
    const pallets = registry.createType('HandlesPayload', { [variant]: payload }).toU8a();
    assert.deepEqual(ours, pallets, variant);
  }
  const refused = registry.createType(handlesRuntime.HandlesApi[0].methods.signing_message.type, { Err: { InvalidHandle: '0x41' } });
  assert.ok(refused.isErr && refused.asErr.isInvalidHandle);
});

test('the batch lookups: at most MAX_BATCH_LOOKUPS entries, one answer or None per entry, as the single calls answer', () => {
  assert.equal(MAX_BATCH_LOOKUPS, 100);
  const registry = new TypeRegistry();
  registry.register(handlesTypes);
  const { getHandlesForMsas, getMsasForHandles, getHandleForMsa, getMsaForHandle } = handlesRpc;
  assert.deepEqual(getHandlesForMsas.params[0], { name: 'msaIds', type: 'Vec<u32>' });
  assert.deepEqual(getMsasForHandles.params[0], { name: 'displayHandles', type: 'Vec<Text>' });
  // Each element is the single call's answer.
  assert.equal(getHandlesForMsas.type, `Vec<${getHandleForMsa.type}>`);
  assert.equal(getMsasForHandles.type, `Vec<${getMsaForHandle.type}>`);
  const owner = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
  const found = { msaId: 7, owner, handle: 'Alice.4821' };
  assert.deepEqual(registry.createType(getMsasForHandles.type, [found, null, found]).toJSON(), [found, null, found]);
  const info = { handle: 'Alice.4821', baseHandle: 'Alice', suffix: 4821, canonical: 'allce', owner, createdAt: 7 };
  assert.deepEqual(registry.createType(getHandlesForMsas.type, [null, info]).toJSON(), [null, info]);
  // The runtime API's refusal of a batch over the limit.
  const refused = registry.createType(handlesRuntime.HandlesApi[0].methods.msas_for_handles.type, { Err: { count: 101, max: 100 } });
  assert.ok(refused.isErr);
  assert.deepEqual(refused.asErr.toJSON(), { count: 101, max: MAX_BATCH_LOOKUPS });
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
