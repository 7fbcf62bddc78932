// TypeScript augmentation of @polkadot/api for handles-node: `import '@handles/client/augment'`
// (together with `ApiPromise.create({ ...handlesApiOptions })`) types `api.rpc.handles.*`,
// `api.call.handlesApi.*` and the Handles* registry types.

import '@polkadot/api-base/types/calls';
import '@polkadot/rpc-core/types/jsonrpc';
import '@polkadot/types/types/registry';

import type { ApiTypes, AugmentedCall, DecoratedCallBase } from '@polkadot/api-base/types';
import type { AugmentedRpc } from '@polkadot/rpc-core/types';
import type { Bool, Bytes, Enum, Option, Result, Struct, Text, U8aFixed, Vec, u32 } from '@polkadot/types-codec';
import type { BlockHash } from '@polkadot/types/interfaces/chain';
import type { AccountId32, H256 } from '@polkadot/types/interfaces/runtime';
import type { Observable } from '@polkadot/types/types';

type At = BlockHash | string | Uint8Array;

export interface HandlesRpcSeed extends Struct {
  readonly current: H256;
  readonly previous: H256;
  readonly nextRotation: u32;
}
export interface HandlesRpcSuffixOptions extends Struct {
  readonly baseHandle: Text;
  readonly canonical: Text;
  readonly candidates: Vec<u32>;
  readonly available: Vec<u32>;
  readonly expiring: Vec<u32>;
  readonly nextRotation: u32;
}
export interface HandlesRpcMsaForHandle extends Struct {
  readonly msaId: u32;
  readonly owner: AccountId32;
  readonly handle: Text;
}
export interface HandlesRpcHandleForMsa extends Struct {
  readonly handle: Text;
  readonly baseHandle: Text;
  readonly suffix: u32;
  readonly canonical: Text;
  readonly owner: AccountId32;
  readonly createdAt: u32;
}
export interface HandlesRpcOwnedMsa extends Struct {
  readonly msaId: u32;
  readonly handle: Option<Text>;
}
export interface HandlesRpcValidation extends Struct {
  readonly valid: Bool;
  readonly canonical: Option<Text>;
  readonly error: Option<Text>;
}
export interface HandlesRpcSigningMessage extends Struct {
  readonly message: Text;
  readonly bytes: Bytes;
}
/** The payload of handles_signingMessage: the call's fields in camelCase (see the SPEC). */
export interface HandlesRpcSigningPayloadIn {
  baseHandle?: string;
  suffix?: number;
  msaId?: number;
  handle?: string;
  oldHandle?: string | null;
  newBaseHandle?: string;
  newSuffix?: number;
  owner?: string;
  newOwner?: string;
  expiration: number;
}
export interface HandlesRpcSettings extends Struct {
  readonly suffixMin: u32;
  readonly suffixMax: u32;
  readonly reuseCooldown: u32;
  readonly seedRotationPeriod: u32;
  readonly maxPayloadLifetime: u32;
  /** The last block of legacy payload signatures; None at blocks before HandlesApi version 5. */
  readonly legacyPayloadDeadline: Option<u32>;
}

export interface HandlesApiSeedInfo extends Struct {
  readonly current: U8aFixed;
  readonly previous: U8aFixed;
  readonly nextRotation: u32;
}
export interface HandlesApiSuffixOptions extends Struct {
  readonly baseHandle: Bytes;
  readonly canonical: Bytes;
  readonly candidates: Vec<u32>;
  readonly available: Vec<u32>;
}
export interface HandlesApiSuffixOffer extends HandlesApiSuffixOptions {
  readonly expiring: Vec<u32>;
  readonly nextRotation: u32;
}
export interface HandlesApiMsaForHandle extends Struct {
  readonly msaId: u32;
  readonly owner: AccountId32;
  readonly handle: Bytes;
}
export interface HandlesApiHandleInfo extends Struct {
  readonly handle: Bytes;
  readonly baseHandle: Bytes;
  readonly suffix: u32;
  readonly canonical: Bytes;
  readonly owner: AccountId32;
  readonly createdAt: u32;
}
export interface HandlesApiOwnedMsa extends Struct {
  readonly msaId: u32;
  readonly handle: Option<Bytes>;
}
export interface HandlesApiValidationResult extends Struct {
  readonly valid: Bool;
  readonly canonical: Option<Bytes>;
  readonly error: Option<Bytes>;
}
export interface HandlesApiSettings extends Struct {
  readonly suffixMin: u32;
  readonly suffixMax: u32;
  readonly reuseCooldown: u32;
  readonly seedRotationPeriod: u32;
  readonly maxPayloadLifetime: u32;
}
export interface HandlesApiQueryError extends Enum {
  readonly isInvalidHandle: boolean;
  readonly asInvalidHandle: Bytes;
  readonly isMalformedDisplayHandle: boolean;
  readonly asMalformedDisplayHandle: Bytes;
  readonly type: 'InvalidHandle' | 'MalformedDisplayHandle';
}
export interface HandlesApiTooManyLookups extends Struct {
  readonly count: u32;
  readonly max: u32;
}

declare module '@polkadot/types/types/registry' {
  interface InterfaceTypes {
    HandlesRpcSeed: HandlesRpcSeed;
    HandlesRpcSuffixOptions: HandlesRpcSuffixOptions;
    HandlesRpcMsaForHandle: HandlesRpcMsaForHandle;
    HandlesRpcHandleForMsa: HandlesRpcHandleForMsa;
    HandlesRpcOwnedMsa: HandlesRpcOwnedMsa;
    HandlesRpcValidation: HandlesRpcValidation;
    HandlesRpcSettings: HandlesRpcSettings;
    HandlesRpcSigningMessage: HandlesRpcSigningMessage;
    HandlesApiSeedInfo: HandlesApiSeedInfo;
    HandlesApiSuffixOptions: HandlesApiSuffixOptions;
    HandlesApiSuffixOffer: HandlesApiSuffixOffer;
    HandlesApiMsaForHandle: HandlesApiMsaForHandle;
    HandlesApiHandleInfo: HandlesApiHandleInfo;
    HandlesApiOwnedMsa: HandlesApiOwnedMsa;
    HandlesApiValidationResult: HandlesApiValidationResult;
    HandlesApiSettings: HandlesApiSettings;
    HandlesApiQueryError: HandlesApiQueryError;
    HandlesApiTooManyLookups: HandlesApiTooManyLookups;
  }
}

declare module '@polkadot/rpc-core/types/jsonrpc' {
  interface RpcInterface {
    handles: {
      /** handles_getSeed */
      getSeed: AugmentedRpc<(at?: At) => Observable<HandlesRpcSeed>>;
      /** handles_getSuffixOptions */
      getSuffixOptions: AugmentedRpc<(baseHandle: Text | string, at?: At) => Observable<HandlesRpcSuffixOptions>>;
      /** handles_getMsaForHandle */
      getMsaForHandle: AugmentedRpc<(displayHandle: Text | string, at?: At) => Observable<Option<HandlesRpcMsaForHandle>>>;
      /** handles_getHandleForMsa */
      getHandleForMsa: AugmentedRpc<(msaId: u32 | number | bigint, at?: At) => Observable<Option<HandlesRpcHandleForMsa>>>;
      /** handles_getHandlesForOwner */
      getHandlesForOwner: AugmentedRpc<(owner: Text | string, at?: At) => Observable<Vec<HandlesRpcOwnedMsa>>>;
      /** handles_validateHandle */
      validateHandle: AugmentedRpc<(baseHandle: Text | string, at?: At) => Observable<HandlesRpcValidation>>;
      /** handles_getSettings */
      getSettings: AugmentedRpc<(at?: At) => Observable<HandlesRpcSettings>>;
      /** handles_getHandlesForMsas: at most 100 ids */
      getHandlesForMsas: AugmentedRpc<(msaIds: Vec<u32> | (u32 | number | bigint)[], at?: At) => Observable<Vec<Option<HandlesRpcHandleForMsa>>>>;
      /** handles_getMsasForHandles: at most 100 display handles */
      getMsasForHandles: AugmentedRpc<(displayHandles: Vec<Text> | (Text | string)[], at?: At) => Observable<Vec<Option<HandlesRpcMsaForHandle>>>>;
      /** handles_signingMessage: the text an owner signs for a payload (HandlesApi version 4) */
      signingMessage: AugmentedRpc<(call: Text | 'create' | 'retire' | 'change' | 'transfer', payload: HandlesRpcSigningPayloadIn, at?: At) => Observable<HandlesRpcSigningMessage>>;
    };
  }
}

type BytesIn = Bytes | string | Uint8Array;

declare module '@polkadot/api-base/types/calls' {
  interface AugmentedCalls<ApiType extends ApiTypes> {
    /** Runtime API HandlesApi (version 4; suffixOffer is not in version 1, handlesForMsas and msasForHandles are not in versions 1 and 2, signingMessage only in version 4). */
    handlesApi: {
      seed: AugmentedCall<ApiType, () => Observable<HandlesApiSeedInfo>>;
      suffixOptions: AugmentedCall<ApiType, (baseHandle: BytesIn) => Observable<Result<HandlesApiSuffixOptions, HandlesApiQueryError>>>;
      suffixOffer: AugmentedCall<ApiType, (baseHandle: BytesIn) => Observable<Result<HandlesApiSuffixOffer, HandlesApiQueryError>>>;
      msaForHandle: AugmentedCall<ApiType, (displayHandle: BytesIn) => Observable<Result<Option<HandlesApiMsaForHandle>, HandlesApiQueryError>>>;
      handleForMsa: AugmentedCall<ApiType, (msaId: u32 | number | bigint) => Observable<Option<HandlesApiHandleInfo>>>;
      handlesForOwner: AugmentedCall<ApiType, (owner: AccountId32 | string | Uint8Array) => Observable<Vec<HandlesApiOwnedMsa>>>;
      validateHandle: AugmentedCall<ApiType, (baseHandle: BytesIn) => Observable<HandlesApiValidationResult>>;
      settings: AugmentedCall<ApiType, () => Observable<HandlesApiSettings>>;
      handlesForMsas: AugmentedCall<ApiType, (msaIds: Vec<u32> | (u32 | number | bigint)[]) => Observable<Result<Vec<Option<HandlesApiHandleInfo>>, HandlesApiTooManyLookups>>>;
      msasForHandles: AugmentedCall<ApiType, (displayHandles: Vec<Bytes> | BytesIn[]) => Observable<Result<Vec<Option<HandlesApiMsaForHandle>>, HandlesApiTooManyLookups>>>;
      /** The UTF-8 bytes of the text an owner signs for `payload` (a HandlesApiSigningPayload: the call's variant with its fields). */
      signingMessage: AugmentedCall<ApiType, (payload: Enum | Record<string, unknown>) => Observable<Result<Bytes, HandlesApiQueryError>>>;
      /** The last block at which signatures over a payload's legacy (SCALE) message are accepted (version 5). */
      legacyPayloadDeadline: AugmentedCall<ApiType, () => Observable<u32>>;
      [key: string]: DecoratedCallBase<ApiType>;
    };
  }
}
