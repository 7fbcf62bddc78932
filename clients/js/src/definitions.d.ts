import type { DefinitionRpc, DefinitionsCall, RegistryTypes } from '@polkadot/types/types';

export declare const handlesTypes: RegistryTypes;
export declare const handlesRpc: Record<'getSeed' | 'getSuffixOptions' | 'getMsaForHandle' | 'getHandleForMsa' | 'getHandlesForOwner' | 'validateHandle' | 'getSettings' | 'getHandlesForMsas' | 'getMsasForHandles' | 'signingMessage', DefinitionRpc>;
/** Most entries one batch lookup takes (getHandlesForMsas, getMsasForHandles). */
export declare const MAX_BATCH_LOOKUPS: 100;
export declare const handlesRuntime: DefinitionsCall;
export declare const handlesApiOptions: { rpc: { handles: typeof handlesRpc }; types: RegistryTypes };
export declare const handlesErrorCodes: Readonly<{
  RUNTIME_ERROR: 8000;
  UNKNOWN_BLOCK: 8001;
  HANDLE_TOO_LONG: 8002;
  MALFORMED_DISPLAY_HANDLE: 8003;
  INVALID_ACCOUNT: 8004;
  INVALID_HANDLE: 8005;
  TOO_MANY_LOOKUPS: 8006;
}>;
