// polkadot-api (PAPI) against a dev node, with descriptors generated from the node's own metadata
// (scripts/papi-generate.js; regenerated here whenever the node's metadata differs from the
// committed .papi/metadata/handles.scale): the runtime API HandlesApi called directly (no custom
// RPC), and a create_handle whose payload this package built and signed, submitted with PAPI.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { u8aToString } from '@polkadot/util';
import { createClient } from 'polkadot-api';
import { getPolkadotSigner } from 'polkadot-api/signer';
import { getWsProvider } from 'polkadot-api/ws';
import { WebSocket } from 'ws';

import { MAX_BATCH_LOOKUPS, chooseExpiration, msaId, normalizePayload, signPayload, suffixOptions, validate } from '../src/index.js';
import { fetchMetadataV15, generate } from '../scripts/papi-generate.js';
import { useDevNode } from './lib/devnode.js';

let client;
let api;
let claimed; // the handle the create test claims: { id, handle, owner }
const dev = useDevNode({
  setup: async ({ node }) => {
    const metadataFile = new URL('../.papi/metadata/handles.scale', import.meta.url);
    const live = await fetchMetadataV15(node.httpUrl);
    const fresh = existsSync(metadataFile) && Buffer.compare(readFileSync(metadataFile), live) === 0 && existsSync(new URL('../.papi/descriptors/dist/index.js', import.meta.url));
    if (!fresh) await generate({ url: node.httpUrl });
    const { handles } = await import('@polkadot-api/descriptors');
    client = createClient(getWsProvider(node.wsUrl, { websocketClass: WebSocket }));
    api = client.getTypedApi(handles);
  },
  teardown: async () => client?.destroy(),
});
const { options } = dev;

const text = (s) => new TextEncoder().encode(s);

test('HandlesApi through the runtime API agrees with the offline rules', options, async () => {
  const validation = await api.apis.HandlesApi.validate_handle(text('ALICE'));
  assert.equal(validation.valid, true);
  assert.equal(u8aToString(validation.canonical), validate('ALICE').canonical);
  const invalid = await api.apis.HandlesApi.validate_handle(text('ali@ce'));
  assert.equal(invalid.valid, false);
  assert.equal(u8aToString(invalid.error), validate('ali@ce').error);

  const seed = await api.apis.HandlesApi.seed();
  const settings = await api.apis.HandlesApi.settings();
  const options = await api.apis.HandlesApi.suffix_options(text('Papillon'));
  assert.equal(options.success, true);
  const offline = suffixOptions(seed.current, seed.previous, 'Papillon', { min: settings.suffix_min, max: settings.suffix_max });
  assert.deepEqual(options.value.candidates, offline.options);
  assert.equal(u8aToString(options.value.canonical), offline.canonical);
  const offer = await api.apis.HandlesApi.suffix_offer(text('Papillon'));
  assert.equal(offer.success, true);
  assert.deepEqual(offer.value.candidates, offline.options);
  assert.deepEqual(offer.value.available, options.value.available);
  assert.equal(offer.value.next_rotation, seed.next_rotation);
  assert.ok(offer.value.expiring.every((s) => offer.value.available.includes(s)));
  const reserved = await api.apis.HandlesApi.suffix_options(text('ADMIN'));
  assert.equal(reserved.success, false);
  assert.equal(reserved.value.type, 'InvalidHandle');
});

test('create_handle built and signed here, submitted with PAPI', options, async () => {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const sponsor = keyring.addFromUri('//Alice');
  const owner = keyring.addFromUri('//HandlesClientPapi');
  const base = 'Papillon';
  const options = await api.apis.HandlesApi.suffix_options(text(base));
  const suffix = options.value.available[0];
  const now = await api.query.System.Number.getValue();
  const { max_payload_lifetime } = await api.apis.HandlesApi.settings();
  const expiration = chooseExpiration({ now, maxPayloadLifetime: max_payload_lifetime, margin: 50 });
  const genesisHash = await api.query.System.BlockHash.getValue(0);
  const payload = { baseHandle: base, suffix, expiration };
  const signature = await signPayload(owner, { genesisHash, kind: 'create', payload });
  const [[type, value]] = Object.entries(signature);
  const normalized = normalizePayload('create', payload);

  const tx = api.tx.Handles.create_handle({
    owner: owner.address,
    signature: { type, value },
    payload: { base_handle: text(base), suffix: normalized.suffix, expiration: normalized.expiration },
  });
  const signer = getPolkadotSigner(sponsor.publicKey, 'Sr25519', (bytes) => sponsor.sign(bytes));
  // Manual sealing: make (and finalize) blocks until PAPI sees the transaction finalized.
  const submitted = tx.signAndSubmit(signer);
  let done = false;
  submitted.finally(() => (done = true)).catch(() => {});
  for (let i = 0; i < 40 && !done; i++) {
    await dev.node.seal();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const result = await submitted;
  assert.equal(result.ok, true, JSON.stringify(result.dispatchError));
  const created = result.events.find((e) => e.type === 'Handles' && e.value.type === 'MsaCreatedWithHandle');
  assert.ok(created, 'MsaCreatedWithHandle');
  const id = created.value.value.msa_id;
  assert.equal(id, msaId(validate(base).canonical, suffix));

  const found = await api.apis.HandlesApi.msa_for_handle(text(`papillon.${suffix}`));
  assert.equal(found.success, true);
  assert.equal(found.value.msa_id, id);
  assert.equal(found.value.owner, owner.address);
  assert.equal(u8aToString(found.value.handle), `${base}.${suffix}`);
  claimed = { id, handle: `${base}.${suffix}`, owner: owner.address };
});

test('the batch lookups through the runtime API (HandlesApi version 3)', options, async () => {
  assert.ok(claimed, 'the create test ran first');
  const byHandles = await api.apis.HandlesApi.msas_for_handles([text(claimed.handle.toUpperCase()), text('no-dot'), text('nobody.1234')]);
  assert.equal(byHandles.success, true);
  assert.deepEqual(byHandles.value.map((m) => m?.msa_id), [claimed.id, undefined, undefined]);
  assert.equal(byHandles.value[0].owner, claimed.owner);
  const byIds = await api.apis.HandlesApi.handles_for_msas([1, claimed.id]);
  assert.equal(byIds.success, true);
  assert.deepEqual(byIds.value.map((h) => (h ? u8aToString(h.handle) : null)), [null, claimed.handle]);
  const refused = await api.apis.HandlesApi.handles_for_msas(Array.from({ length: MAX_BATCH_LOOKUPS + 1 }, () => 1));
  assert.equal(refused.success, false);
  assert.deepEqual(refused.value, { count: MAX_BATCH_LOOKUPS + 1, max: MAX_BATCH_LOOKUPS });
});
