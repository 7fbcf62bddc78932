import type { Bytes32 } from './rules.js';

export declare const PayloadKind: Readonly<{ create: 0; retire: 1; change: 2; transfer: 3 }>;
export type PayloadKindName = keyof typeof PayloadKind;
export type PayloadKindValue = (typeof PayloadKind)[PayloadKindName];
export declare const HANDLES_TAG: 'handles';
export declare const payloadTypes: Readonly<Record<string, unknown>>;

type U32 = number | bigint;
/** An account: SS58 address, 0x hex or 32 bytes. */
export type AccountInput = string | Uint8Array;

export interface CreateHandlePayload { baseHandle: string | Uint8Array; suffix: U32; expiration: U32 }
export interface RetireHandlePayload { msaId: U32; handle: string | Uint8Array; expiration: U32 }
export interface ChangeHandlePayload {
  msaId: U32;
  /** The MSA's current display handle, or null when it holds none. */
  oldHandle: string | Uint8Array | null;
  newBaseHandle: string | Uint8Array;
  newSuffix: U32;
  expiration: U32;
}
export interface TransferOwnershipPayload { msaId: U32; owner: AccountInput; newOwner: AccountInput; expiration: U32 }

export interface PayloadByKind {
  0: CreateHandlePayload;
  1: RetireHandlePayload;
  2: ChangeHandlePayload;
  3: TransferOwnershipPayload;
  create: CreateHandlePayload;
  retire: RetireHandlePayload;
  change: ChangeHandlePayload;
  transfer: TransferOwnershipPayload;
}
export type AnyKind = keyof PayloadByKind;

/** A checked payload as the extrinsic takes it (byte strings as 0x hex, accounts as bytes). */
export type NormalizedPayload = Record<string, number | string | Uint8Array | null>;

export interface PayloadOptions {
  /**
   * Skip the handle rules: base and display handles may be any text or bytes (kinds, fields,
   * integers and accounts are still checked). For tests of a chain's own checks, never for users.
   */
  unchecked?: boolean;
}

export declare function normalizePayload<K extends AnyKind>(kind: K, payload: PayloadByKind[K], options?: PayloadOptions): NormalizedPayload;
export declare function encodePayload<K extends AnyKind>(kind: K, payload: PayloadByKind[K], options?: PayloadOptions): Uint8Array;
/** SCALE((b"handles", genesisHash, kind, payload)). */
export declare function signedMessage<K extends AnyKind>(genesisHash: Bytes32, kind: K, payload: PayloadByKind[K], options?: PayloadOptions): Uint8Array;
export declare function signedMessageHex<K extends AnyKind>(genesisHash: Bytes32, kind: K, payload: PayloadByKind[K], options?: PayloadOptions): `0x${string}`;
/** `<Bytes>` + signedMessage + `</Bytes>`. */
export declare function wrappedMessage<K extends AnyKind>(genesisHash: Bytes32, kind: K, payload: PayloadByKind[K], options?: PayloadOptions): Uint8Array;
export declare function accountBytes(what: string, account: AccountInput): Uint8Array;
