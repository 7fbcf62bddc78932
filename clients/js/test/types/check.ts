// Compiled by `npm run typecheck` (tsc, no output): the declarations of @handles/client and its
// augmentation of @polkadot/api type what an app writes. A wrong declaration fails to compile.
import '@polkadot/api-augment';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import '@handles/client/augment';
import {
  ErrorCode,
  HandlesError,
  MAX_BATCH_LOOKUPS,
  buildSignedCall,
  canonical,
  formatDisplay,
  handlesApiOptions,
  lookupHandles,
  lookupMsas,
  msaId,
  parseDisplay,
  signPayload,
  signedMessage,
  suffixOptions,
  validate,
  type ValidationResult,
} from '@handles/client';

const result: ValidationResult = validate('Alice');
if (result.valid) {
  const c: string = result.canonical;
  void c;
} else {
  const rule: string = result.rule.id;
  const sentence: string = result.rule.message;
  void rule, sentence;
}
const id: number = msaId(canonical('Alice'), 4821);
const { base, suffix }: { base: string; suffix: number } = parseDisplay(formatDisplay('Alice', 4821));
const options: number[] = suffixOptions('0x' + '00'.repeat(32), new Uint8Array(32), 'Alice').options;
const message: Uint8Array = signedMessage('0x' + 'ab'.repeat(32), 'create', { baseHandle: 'Alice', suffix: 4821, expiration: 1234 });
void id, base, suffix, options, message;
// @ts-expect-error a suffix is a number, not text
msaId('allce', '4821');
// @ts-expect-error a create payload has no msaId
signedMessage('0x' + 'ab'.repeat(32), 'create', { msaId: 1, suffix: 4821, expiration: 1234 });

try {
  validate('x');
} catch (e) {
  if (e instanceof HandlesError && e.code === ErrorCode.TOO_LONG) console.log(e.message);
}

async function app(): Promise<void> {
  const api = await ApiPromise.create({ provider: new WsProvider('ws://127.0.0.1:9944'), ...handlesApiOptions });
  const seed = await api.rpc.handles.getSeed();
  const current: string = seed.current.toHex();
  const found = await api.rpc.handles.getMsaForHandle('Alice.4821');
  if (found.isSome) {
    const msa: number = found.unwrap().msaId.toNumber();
    const owner: string = found.unwrap().owner.toString();
    void msa, owner;
  }
  // @ts-expect-error the namespace has exactly the nine methods
  await api.rpc.handles.getEverything();
  const many = await api.rpc.handles.getMsasForHandles(['Alice.4821', 'bob.1001']);
  const ids: (number | null)[] = many.map((m) => (m.isSome ? m.unwrap().msaId.toNumber() : null));
  const infos = await api.rpc.handles.getHandlesForMsas([1, 2]);
  const names: string[] = infos.filter((h) => h.isSome).map((h) => h.unwrap().handle.toString());
  // @ts-expect-error getHandlesForMsas takes a list of ids
  await api.rpc.handles.getHandlesForMsas(1);
  const batch = await api.call.handlesApi.msasForHandles(['Alice.4821']);
  const refusedCount: number | undefined = batch.isErr ? batch.asErr.count.toNumber() : undefined;
  const feed = await lookupHandles(api, ['Alice.4821']);
  const shown = await lookupMsas(api, [1]);
  const first: string | undefined = feed[0]?.handle ?? shown[0]?.handle;
  const limit: 100 = MAX_BATCH_LOOKUPS;
  void ids, names, refusedCount, first, limit;
  // @ts-expect-error getMsaForHandle takes a display handle
  await api.rpc.handles.getMsaForHandle(4821, 5, 6);
  const settings = await api.rpc.handles.getSettings();
  const lifetime: number = settings.maxPayloadLifetime.toNumber();
  const validation = await api.call.handlesApi.validateHandle('Alice');
  const valid: boolean = validation.valid.isTrue;
  const opts = await api.call.handlesApi.suffixOptions('Alice');
  if (opts.isOk) {
    const available: number[] = opts.asOk.available.map((n) => n.toNumber());
    void available;
  }
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  const signature = await signPayload(alice, { genesisHash: api.genesisHash, kind: 'create', payload: { baseHandle: 'Alice', suffix: 4821, expiration: 10 } });
  const { tx } = await buildSignedCall(api, { kind: 'create', payload: { baseHandle: 'Alice', suffix: 4821 }, signer: alice });
  const hash = await tx.signAndSend(alice);
  void current, lifetime, valid, signature, hash;
}
void app;
