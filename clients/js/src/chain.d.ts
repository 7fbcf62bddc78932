import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { AnyKind, PayloadByKind } from './payload.js';
import type { KeyType, MultiSignatureJson, PairLike, RawSignerLike } from './sign.js';

export declare function chooseExpiration(options: { now: number; maxPayloadLifetime: number; margin?: number }): number;
export declare function expirationFromChain(api: ApiPromise, options?: { margin?: number }): Promise<{ now: number; maxPayloadLifetime: number; expiration: number }>;

type WithoutChainFields<P> = Omit<P, 'expiration' | 'owner' | 'newOwner'> & { expiration?: number };

export interface BuildSignedCallOptions<K extends AnyKind> {
  kind: K;
  /** The payload; `expiration` is taken from the chain when absent, a transfer's `owner`/`newOwner` from the signers. */
  payload: WithoutChainFields<PayloadByKind[K]>;
  signer: PairLike | RawSignerLike;
  address?: string;
  type?: KeyType;
  newOwnerSigner?: PairLike | RawSignerLike;
  newOwnerAddress?: string;
  newOwnerType?: KeyType;
  margin?: number;
}

export declare function buildSignedCall<K extends AnyKind>(
  api: ApiPromise,
  options: BuildSignedCallOptions<K>,
): Promise<{ tx: SubmittableExtrinsic<'promise'>; payload: PayloadByKind[K]; signature: MultiSignatureJson; newOwnerSignature?: MultiSignatureJson }>;

export declare function lookupHandle(api: ApiPromise, displayHandle: string): Promise<{ msaId: number; owner: string; handle: string } | null>;
export declare function lookupHandles(api: ApiPromise, displayHandles: string[]): Promise<({ msaId: number; owner: string; handle: string } | null)[]>;
export declare function lookupMsas(
  api: ApiPromise,
  msaIds: number[],
): Promise<({ handle: string; baseHandle: string; suffix: number; canonical: string; owner: string; createdAt: number } | null)[]>;
