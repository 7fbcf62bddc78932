import type { AnyKind, PayloadByKind } from './payload.js';
import type { Bytes32 } from './rules.js';
import type { SigningChain, SigningPayloadByCall } from './signing.js';

export type KeyType = 'sr25519' | 'ed25519' | 'ecdsa';
/** The `MultiSignature` argument of a call. */
export type MultiSignatureJson = { Sr25519: `0x${string}` } | { Ed25519: `0x${string}` } | { Ecdsa: `0x${string}` } | { Eth: `0x${string}` };

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

/** An EIP-1193 provider (`window.ethereum`): signs with `personal_sign`. */
export interface Eip1193Like {
  request(args: { method: 'personal_sign'; params: [string, string] }): Promise<string>;
}

export interface SignReadableOptions<C extends keyof SigningPayloadByCall> {
  call: C;
  payload: SigningPayloadByCall[C];
  chain: SigningChain;
  /** The signing account with signRaw; the Ethereum address with an EIP-1193 provider. */
  address?: string;
  /** Key type of a signRaw signer (default sr25519). */
  type?: KeyType;
  /** Pairs other than ethereum: sign the `<Bytes>`-wrapped text (default) or the bare one. */
  wrap?: boolean;
}

/** The MultiSignature over the readable text of a payload, and the text. */
export declare function signReadable<C extends keyof SigningPayloadByCall>(
  signer: PairLike | RawSignerLike | Eip1193Like,
  options: SignReadableOptions<C>,
): Promise<{ signature: MultiSignatureJson; message: string }>;
/** `bytes` behind the EIP-191 prefix (`personal_sign`). */
export declare function eip191(bytes: Uint8Array): Uint8Array;
/** The chain account (0x hex) of an Ethereum public key: keccak-256 of the compressed key, last 20 bytes, then twelve 0xEE. */
export declare function ethereumAccount(publicKey: string | Uint8Array): `0x${string}`;
