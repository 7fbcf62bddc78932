import type { AccountInput } from './payload.js';
import type { Bytes32 } from './rules.js';

/** The `HandlesChainName` of the dev and local chains. */
export declare const HANDLES_CHAIN_NAME: 'Handles';
/** Longest chain name, in UTF-8 bytes, signingMessage takes. */
export declare const MAX_CHAIN_NAME_BYTES: 64;

type U32 = number | bigint;
type Text = string | Uint8Array;

export type SigningCall = 'create' | 'retire' | 'change' | 'transfer' | 0 | 1 | 2 | 3;

export interface SigningPayloadByCall {
  create: { baseHandle: Text; suffix: U32; expiration: U32 };
  retire: { msaId: U32; handle: Text; expiration: U32 };
  change: { msaId: U32; oldHandle?: Text | null; newBaseHandle: Text; newSuffix: U32; expiration: U32 };
  /** `handle`: the display handle the MSA holds now, or null (not part of the signed payload, shown in the text). */
  transfer: { msaId: U32; handle: Text | null; owner: AccountInput; newOwner: AccountInput; expiration: U32 };
}

/** The chain a message names: `HandlesChainName`, genesis hash and SS58 format. */
export interface SigningChain {
  name: Text;
  genesisHash: Bytes32;
  ss58Prefix: U32;
}

/** What `handles_signingMessage` answers: the text and its UTF-8 bytes as 0x hex. */
export interface SigningMessage {
  message: string;
  bytes: string;
}

/** The text an owner signs for a payload of `call` on `chain` (crate handles-signing, as WebAssembly). */
export declare function signingMessage<C extends keyof SigningPayloadByCall>(call: C, payload: SigningPayloadByCall[C], chain: SigningChain): SigningMessage;
export declare function signingMessage(call: SigningCall, payload: Record<string, unknown>, chain: SigningChain): SigningMessage;
export { signingText } from './signing-text.js';
