// polkadot.js definitions of the `handles_*` JSON-RPC methods and of the runtime API `HandlesApi`.
//
//   import { ApiPromise, WsProvider } from '@polkadot/api';
//   import { handlesApiOptions } from '@handles/client/definitions';
//   import '@handles/client/augment'; // TypeScript: types api.rpc.handles.* and api.call.handlesApi.*
//   const api = await ApiPromise.create({ provider: new WsProvider('ws://127.0.0.1:9944'), ...handlesApiOptions });
//   const found = await api.rpc.handles.getMsaForHandle('Alice.4821');
//   if (found.isSome) console.log(found.unwrap().msaId.toNumber());
//
// Every RPC method takes an optional block hash `at` last; leave it out for the best block
// (polkadot.js turns an explicit `null` into the zero hash, which the node refuses). Results are
// structs whose `toJSON()` is the JSON the repository README states ("JSON-RPC (`handles_*`)").
// `HandlesApi` needs no definitions with a node whose metadata is v15+ (this one's is):
// `handlesRuntime` is for older tooling and documents the shapes; the types are prefixed so they
// never clash with the metadata's.

/** `HandlesApi::suffix_options` (version 1); `suffix_offer` (version 2) adds two fields after these. */
const apiSuffixOptions = { baseHandle: 'Bytes', canonical: 'Bytes', candidates: 'Vec<u32>', available: 'Vec<u32>' };

/** Types of the RPC results (HandlesRpc*) and of the runtime API (HandlesApi*). */
export const handlesTypes = {
  HandlesRpcSeed: { current: 'H256', previous: 'H256', nextRotation: 'u32' },
  HandlesRpcSuffixOptions: {
    baseHandle: 'Text',
    canonical: 'Text',
    candidates: 'Vec<u32>',
    available: 'Vec<u32>',
    expiring: 'Vec<u32>',
    nextRotation: 'u32',
  },
  HandlesRpcMsaForHandle: { msaId: 'u32', owner: 'AccountId32', handle: 'Text' },
  HandlesRpcHandleForMsa: {
    handle: 'Text',
    baseHandle: 'Text',
    suffix: 'u32',
    canonical: 'Text',
    owner: 'AccountId32',
    createdAt: 'u32',
  },
  HandlesRpcOwnedMsa: { msaId: 'u32', handle: 'Option<Text>' },
  HandlesRpcValidation: { valid: 'bool', canonical: 'Option<Text>', error: 'Option<Text>' },
  HandlesRpcSettings: {
    suffixMin: 'u32',
    suffixMax: 'u32',
    reuseCooldown: 'u32',
    seedRotationPeriod: 'u32',
    maxPayloadLifetime: 'u32',
    legacyPayloadDeadline: 'Option<u32>',
  },
  HandlesApiSeedInfo: { current: '[u8; 32]', previous: '[u8; 32]', nextRotation: 'u32' },
  HandlesApiSuffixOptions: apiSuffixOptions,
  HandlesApiSuffixOffer: { ...apiSuffixOptions, expiring: 'Vec<u32>', nextRotation: 'u32' },
  HandlesApiMsaForHandle: { msaId: 'u32', owner: 'AccountId32', handle: 'Bytes' },
  HandlesApiHandleInfo: {
    handle: 'Bytes',
    baseHandle: 'Bytes',
    suffix: 'u32',
    canonical: 'Bytes',
    owner: 'AccountId32',
    createdAt: 'u32',
  },
  HandlesApiOwnedMsa: { msaId: 'u32', handle: 'Option<Bytes>' },
  HandlesApiValidationResult: { valid: 'bool', canonical: 'Option<Bytes>', error: 'Option<Bytes>' },
  HandlesApiSettings: {
    suffixMin: 'u32',
    suffixMax: 'u32',
    reuseCooldown: 'u32',
    seedRotationPeriod: 'u32',
    maxPayloadLifetime: 'u32',
  },
  HandlesApiQueryError: { _enum: { InvalidHandle: 'Bytes', MalformedDisplayHandle: 'Bytes' } },
  HandlesApiTooManyLookups: { count: 'u32', max: 'u32' },
  HandlesApiSigningPayload: {
    _enum: {
      Create: { baseHandle: 'Bytes', suffix: 'u32', expiration: 'u32' },
      Retire: { msaId: 'u32', handle: 'Bytes', expiration: 'u32' },
      Change: { msaId: 'u32', oldHandle: 'Option<Bytes>', newBaseHandle: 'Bytes', newSuffix: 'u32', expiration: 'u32' },
      Transfer: { msaId: 'u32', owner: 'AccountId32', newOwner: 'AccountId32', expiration: 'u32' },
    },
  },
  HandlesRpcSigningPayload: {
    baseHandle: 'Option<Text>',
    suffix: 'Option<u32>',
    msaId: 'Option<u32>',
    handle: 'Option<Text>',
    oldHandle: 'Option<Text>',
    newBaseHandle: 'Option<Text>',
    newSuffix: 'Option<u32>',
    owner: 'Option<AccountId32>',
    newOwner: 'Option<AccountId32>',
    expiration: 'Option<u32>',
  },
  HandlesRpcSigningMessage: { message: 'Text', bytes: 'Bytes' },
};

const at = { name: 'at', type: 'BlockHash', isOptional: true };

/**
 * Most entries one batch lookup takes (`getHandlesForMsas`, `getMsasForHandles` and the runtime
 * API's `handles_for_msas`, `msas_for_handles`); more is the error TOO_MANY_LOOKUPS. The crate
 * pallet-handles-runtime-api's `MAX_BATCH_LOOKUPS`.
 */
export const MAX_BATCH_LOOKUPS = 100;

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
    description: 'The MSA a display handle (base.suffix) resolves to, look-alikes included; None when unregistered.',
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
    description: 'Whether a base handle may be claimed under the rules and the reserved list, with its canonical form or the broken rule.',
    params: [{ name: 'baseHandle', type: 'Text' }, at],
    type: 'HandlesRpcValidation',
  },
  getSettings: {
    description: 'Suffix range, reuse cooldown, seed rotation period, payload lifetime and the last block of legacy payloads (None before HandlesApi version 5).',
    params: [at],
    type: 'HandlesRpcSettings',
  },
  getHandlesForMsas: {
    description: 'getHandleForMsa of each of at most 100 MSA ids, in order, from one runtime call; None where an MSA holds no handle.',
    params: [{ name: 'msaIds', type: 'Vec<u32>' }, at],
    type: 'Vec<Option<HandlesRpcHandleForMsa>>',
  },
  getMsasForHandles: {
    description: 'getMsaForHandle of each of at most 100 display handles, in order, from one runtime call; None where none resolves or the handle is malformed.',
    params: [{ name: 'displayHandles', type: 'Vec<Text>' }, at],
    type: 'Vec<Option<HandlesRpcMsaForHandle>>',
  },
  signingMessage: {
    description:
      'The text an owner signs for a payload of call create, retire, change or transfer (the payload\'s fields in camelCase; the fields of other calls left None), and its bytes. Needs HandlesApi version 4.',
    params: [{ name: 'call', type: 'Text' }, { name: 'payload', type: 'HandlesRpcSigningPayload' }, at],
    type: 'HandlesRpcSigningMessage',
  },
};

/** The methods of version 1 of the runtime API `HandlesApi`. */
const handlesApiV1 = {
  seed: { description: 'handles_getSeed', params: [], type: 'HandlesApiSeedInfo' },
  suffix_options: {
    description: 'handles_getSuffixOptions without expiring and nextRotation',
    params: [{ name: 'base_handle', type: 'Bytes' }],
    type: 'Result<HandlesApiSuffixOptions, HandlesApiQueryError>',
  },
  msa_for_handle: {
    description: 'handles_getMsaForHandle: look-alikes of the display handle resolve too',
    params: [{ name: 'display_handle', type: 'Bytes' }],
    type: 'Result<Option<HandlesApiMsaForHandle>, HandlesApiQueryError>',
  },
  handle_for_msa: {
    description: 'handles_getHandleForMsa',
    params: [{ name: 'msa_id', type: 'u32' }],
    type: 'Option<HandlesApiHandleInfo>',
  },
  handles_for_owner: {
    description: 'handles_getHandlesForOwner, ascending by MSA id',
    params: [{ name: 'owner', type: 'AccountId32' }],
    type: 'Vec<HandlesApiOwnedMsa>',
  },
  validate_handle: {
    description: "handles_validateHandle, with the chain's reserved list",
    params: [{ name: 'base_handle', type: 'Bytes' }],
    type: 'HandlesApiValidationResult',
  },
  settings: { description: 'handles_getSettings', params: [], type: 'HandlesApiSettings' },
};

/** The methods of version 2: version 1's and `suffix_offer`. */
const handlesApiV2 = {
  ...handlesApiV1,
  suffix_offer: {
    description: 'handles_getSuffixOptions',
    params: [{ name: 'base_handle', type: 'Bytes' }],
    type: 'Result<HandlesApiSuffixOffer, HandlesApiQueryError>',
  },
};

/** The methods of version 3: version 2's and the batch lookups. */
const handlesApiV3 = {
  ...handlesApiV2,
  handles_for_msas: {
    description: 'handles_getHandlesForMsas: handle_for_msa of each id, in order',
    params: [{ name: 'msa_ids', type: 'Vec<u32>' }],
    type: 'Result<Vec<Option<HandlesApiHandleInfo>>, HandlesApiTooManyLookups>',
  },
  msas_for_handles: {
    description: 'handles_getMsasForHandles: msa_for_handle of each display handle, in order, None where malformed',
    params: [{ name: 'display_handles', type: 'Vec<Bytes>' }],
    type: 'Result<Vec<Option<HandlesApiMsaForHandle>>, HandlesApiTooManyLookups>',
  },
};

/** The methods of version 4: version 3's and `signing_message`. */
const handlesApiV4 = {
  ...handlesApiV3,
  signing_message: {
    description: 'handles_signingMessage: the UTF-8 bytes of the text an owner signs for the payload',
    params: [{ name: 'payload', type: 'HandlesApiSigningPayload' }],
    type: 'Result<Bytes, HandlesApiQueryError>',
  },
};

/**
 * The runtime API `HandlesApi`, for `ApiPromise.create({ runtime: handlesRuntime })`: version 5
 * adds `legacy_payload_deadline` (the last block of legacy SCALE payload signatures), version 4
 * adds `signing_message` (the text an owner signs, as UTF-8 bytes), version 3 the batch lookups
 * `handles_for_msas` and `msas_for_handles` (at most MAX_BATCH_LOOKUPS entries; spec version 105
 * on), version 2 `suffix_offer` (everything handles_getSuffixOptions answers, in one call); version
 * 1 is what runtimes before spec version 103 implement.
 */
export const handlesRuntime = {
  HandlesApi: [
    {
      version: 5,
      methods: {
        ...handlesApiV4,
        legacy_payload_deadline: {
          description: 'handles_getSettings legacyPayloadDeadline: the last block of legacy payload signatures',
          params: [],
          type: 'u32',
        },
      },
    },
    { version: 4, methods: handlesApiV4 },
    { version: 3, methods: handlesApiV3 },
    { version: 2, methods: handlesApiV2 },
    { version: 1, methods: handlesApiV1 },
  ],
};

/** The RPC definitions and their types, to spread into `ApiPromise.create({ provider, ...handlesApiOptions })`. */
export const handlesApiOptions = {
  rpc: { handles: handlesRpc },
  types: handlesTypes,
};

/**
 * JSON-RPC error codes of the `handles_*` methods (crate handles-rpc, module `error`). Malformed
 * requests (wrong JSON types, bad block hash) get the standard -32602.
 */
export const handlesErrorCodes = Object.freeze({
  RUNTIME_ERROR: 8000,
  UNKNOWN_BLOCK: 8001,
  HANDLE_TOO_LONG: 8002,
  MALFORMED_DISPLAY_HANDLE: 8003,
  INVALID_ACCOUNT: 8004,
  INVALID_HANDLE: 8005,
  TOO_MANY_LOOKUPS: 8006,
});
