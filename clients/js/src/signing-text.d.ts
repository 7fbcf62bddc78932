import type { SigningCall, SigningChain, SigningMessage, SigningPayloadByCall } from './signing.js';
import type { Bytes32 } from './rules.js';

export { HANDLES_CHAIN_NAME, MAX_CHAIN_NAME_BYTES } from './signing.js';

/** A payload of signingText: accounts as 32 bytes or 0x hex (no SS58). */
export type SigningTextPayloadByCall = Omit<SigningPayloadByCall, 'transfer'> & {
  transfer: Omit<SigningPayloadByCall['transfer'], 'owner' | 'newOwner'> & { owner: Bytes32; newOwner: Bytes32 };
};

/** signingMessage without SS58 decoding, in a module with no package imports (for pages without a bundler). */
export declare function signingText<C extends keyof SigningTextPayloadByCall>(call: C, payload: SigningTextPayloadByCall[C], chain: SigningChain): SigningMessage;
export declare function signingText(call: SigningCall, payload: Record<string, unknown>, chain: SigningChain): SigningMessage;
