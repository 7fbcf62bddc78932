import type { AnyKind, PayloadByKind } from './payload.js';
import type { Bytes32 } from './rules.js';

export type KeyType = 'sr25519' | 'ed25519' | 'ecdsa';
/** The `MultiSignature` argument of a call. */
export type MultiSignatureJson = { Sr25519: `0x${string}` } | { Ed25519: `0x${string}` } | { Ecdsa: `0x${string}` };

/** A keyring pair (what @polkadot/keyring makes). */
export interface PairLike {
  address: string;
  type: KeyType | string;
  sign(message: Uint8Array): Uint8Array;
}
/** A signer of the polkadot.js extension interface. */
export interface RawSignerLike {
  signRaw(raw: { address: string; data: string; type: 'bytes' }): Promise<{ signature: string; id?: number }>;
}

export interface SignOptions<K extends AnyKind> {
  genesisHash: Bytes32;
  kind: K;
  payload: PayloadByKind[K];
  /** The signing account (required with signRaw). */
  address?: string;
  /** Key type of a signRaw signer (default sr25519). */
  type?: KeyType;
  /** Pairs only: sign the `<Bytes>`-wrapped message (default) or the bare one. */
  wrap?: boolean;
  /** Skip the handle rules (see `PayloadOptions`); tests of a chain's own checks only. */
  unchecked?: boolean;
}

export declare function signPayload<K extends AnyKind>(signer: PairLike | RawSignerLike, options: SignOptions<K>): Promise<MultiSignatureJson>;
export declare function toMultiSignature(signature: string | Uint8Array, type?: KeyType): MultiSignatureJson;
