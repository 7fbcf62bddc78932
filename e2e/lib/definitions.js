// polkadot.js definitions of the `handles_*` JSON-RPC methods of handles-node.
//
// Import these in tests and apps alike:
//
//   import { ApiPromise, WsProvider } from '@polkadot/api';
//   import { handlesRpc, handlesTypes } from './lib/definitions.js';
//   const api = await ApiPromise.create({
//     provider: new WsProvider('ws://127.0.0.1:9944'),
//     rpc: { handles: handlesRpc },
//     types: handlesTypes,
//   });
//   const found = await api.rpc.handles.getMsaForHandle('Alice.4821');
//   if (found.isSome) console.log(found.unwrap().msaId.toNumber());
//
// (or spread `handlesApiOptions` into the options). Every method takes an optional block hash `at`
// as its last parameter; leave it out to get the best block (polkadot.js turns an explicit `null`
// for an optional `BlockHash` into the zero hash, which the node refuses as an unknown block). Results are typed structs
// whose `toJSON()` equals the JSON of the product contract (camelCase keys, SS58 accounts, UTF-8
// text, 0x hashes, numbers). The runtime API `HandlesApi` itself needs no definitions here: the
// runtime's metadata (v15+) describes it, so `api.call.handlesApi.*` works out of the box.

/** Custom types of the JSON results (prefixed to stay clear of the runtime's metadata types). */
export const handlesTypes = {
  HandlesRpcSeed: {
    current: 'H256',
    previous: 'H256',
    nextRotation: 'u32',
  },
  HandlesRpcSuffixOptions: {
    baseHandle: 'Text',
    canonical: 'Text',
    candidates: 'Vec<u32>',
    available: 'Vec<u32>',
    expiring: 'Vec<u32>',
    nextRotation: 'u32',
  },
  HandlesRpcMsaForHandle: {
    msaId: 'u32',
    owner: 'AccountId32',
    handle: 'Text',
  },
  HandlesRpcHandleForMsa: {
    handle: 'Text',
    baseHandle: 'Text',
    suffix: 'u32',
    canonical: 'Text',
    owner: 'AccountId32',
    createdAt: 'u32',
  },
  HandlesRpcOwnedMsa: {
    msaId: 'u32',
    handle: 'Option<Text>',
  },
  HandlesRpcValidation: {
    valid: 'bool',
    canonical: 'Option<Text>',
    error: 'Option<Text>',
  },
  HandlesRpcSettings: {
    suffixMin: 'u32',
    suffixMax: 'u32',
    reuseCooldown: 'u32',
    seedRotationPeriod: 'u32',
    maxPayloadLifetime: 'u32',
  },
};

const at = { name: 'at', type: 'BlockHash', isOptional: true };

/** The `handles_*` methods, for `ApiPromise.create({ rpc: { handles: handlesRpc } })`. */
export const handlesRpc = {
  getSeed: {
    description: 'The current and previous suffix seeds and the block that rotates them next.',
    params: [at],
    type: 'HandlesRpcSeed',
  },
  getSuffixOptions: {
    description:
      'Canonical form, suffix candidates (both seeds), the suffixes available now for a base handle, those offered only under the previous seed (expiring at nextRotation) and nextRotation.',
    params: [{ name: 'baseHandle', type: 'Text' }, at],
    type: 'HandlesRpcSuffixOptions',
  },
  getMsaForHandle: {
    description:
      'The MSA a display handle (base.suffix) resolves to, look-alikes included; None when unregistered.',
    params: [{ name: 'displayHandle', type: 'Text' }, at],
    type: 'Option<HandlesRpcMsaForHandle>',
  },
  getHandleForMsa: {
    description: 'The handle an MSA holds; None when the MSA is unknown or its handle was retired.',
    params: [{ name: 'msaId', type: 'u32' }, at],
    type: 'Option<HandlesRpcHandleForMsa>',
  },
  getHandlesForOwner: {
    description: 'The MSAs of an owner (SS58), ascending by id, each with its handle or None.',
    params: [{ name: 'owner', type: 'Text' }, at],
    type: 'Vec<HandlesRpcOwnedMsa>',
  },
  validateHandle: {
    description:
      'Whether a base handle may be claimed under the rules and the reserved list, with its canonical form or the broken rule.',
    params: [{ name: 'baseHandle', type: 'Text' }, at],
    type: 'HandlesRpcValidation',
  },
  getSettings: {
    description: 'Suffix range, reuse cooldown, seed rotation period and payload lifetime.',
    params: [at],
    type: 'HandlesRpcSettings',
  },
};

/** Both of the above, ready to spread into `ApiPromise.create({ provider, ...handlesApiOptions })`. */
export const handlesApiOptions = {
  rpc: { handles: handlesRpc },
  types: handlesTypes,
};

/**
 * JSON-RPC error codes of the `handles_*` methods (see the handles-rpc crate, module `error`).
 * Malformed requests (wrong JSON types, bad block hash) get the standard -32602.
 */
export const handlesErrorCodes = {
  RUNTIME_ERROR: 8000,
  UNKNOWN_BLOCK: 8001,
  HANDLE_TOO_LONG: 8002,
  MALFORMED_DISPLAY_HANDLE: 8003,
  INVALID_ACCOUNT: 8004,
  INVALID_HANDLE: 8005,
};
