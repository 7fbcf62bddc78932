// Issue 5 point 3: a dev node on a fixed --base-path (not --tmp) finalizes handles, a governance
// settings change and a reserved handle, is killed with SIGKILL right after the last block is
// sealed and finalized (and ParityDB's writer thread has logged it: see waitForQuietFiles), and is
// restarted on the same base path: every handle, owner list and setting is still there and
// identical.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { u8aToString } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { bestNumber, bytesArg, connectApi, freshPair, seal, signedCall, submit } from '../lib/chain.js';
import { chainHeads, rpcCall, startDevNode, tempDir } from '../lib/node.js';
import { assertOk } from '../lib/testing.js';

/** Resolves once no file under `root` changed size or mtime for `quietMs` (at most `timeoutMs`). */
async function waitForQuietFiles(root, { quietMs, timeoutMs }) {
  const { readdir, stat } = await import('node:fs/promises');
  const fingerprint = async (path) => {
    let out = '';
    for (const entry of await readdir(path, { withFileTypes: true })) {
      const full = `${path}/${entry.name}`;
      if (entry.isDirectory()) out += await fingerprint(full);
      else {
        const st = await stat(full).catch(() => null);
        if (st) out += `${full}:${st.size}:${st.mtimeMs};`;
      }
    }
    return out;
  };
  const deadline = Date.now() + timeoutMs;
  let last = await fingerprint(root);
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    const now = await fingerprint(root);
    if (now !== last) {
      last = now;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= quietMs) {
      return;
    }
  }
}

const NEW_SETTINGS = { suffixMin: 1000, suffixMax: 8999, reuseCooldown: 700 };
const RESERVED = 'Moderator';

describe('durability: SIGKILL right after finalization, restart on the same base path', { timeout: 600_000 }, () => {
  let dir;
  let node;
  let api;
  let keyring;
  let bob;
  let sudo;
  const owners = {}; // name -> pair
  const handles = []; // { display, base, suffix, canonical, msaId, owner, createdAt }
  let snapshot; // every read RPC before the kill
  let lastHash; // hash of the last sealed (finalized) block
  let lastNumber;
  let lastCreate; // the create submitted in the very last block

  const connect = () => connectApi(node.wsUrl);
  const rpc = (method, params) => rpcCall(node.httpUrl, method, params);

  /** Signs a create payload for `owner` and returns the extrinsic (sponsored by Bob). */
  async function createTx(owner, base) {
    const options = await rpc('handles_getSuffixOptions', [base]);
    assert.ok(options.available.length > 0, JSON.stringify(options));
    const suffix = options.available[options.available.length - 1];
    const best = await bestNumber(api);
    const payload = { baseHandle: base, suffix, expiration: best + 50 };
    const tx = await signedCall(api, 'create', owner, payload);
    return { tx, base, suffix, canonical: options.canonical, display: `${base}.${suffix}`, owner: owner.address };
  }

  /** Everything the read RPCs say about our handles, owners, settings and reserved list. */
  async function readAll(at) {
    const out = { handles: {}, msas: {}, owners: {}, validate: {} };
    for (const h of handles) {
      out.handles[h.display] = await rpc('handles_getMsaForHandle', [h.display, at]);
      out.msas[h.msaId] = await rpc('handles_getHandleForMsa', [h.msaId, at]);
    }
    for (const pair of Object.values(owners)) {
      out.owners[pair.address] = await rpc('handles_getHandlesForOwner', [pair.address, at]);
    }
    for (const base of [RESERVED, RESERVED.toUpperCase(), 'admin']) {
      out.validate[base] = await rpc('handles_validateHandle', [base, at]);
    }
    out.settings = await rpc('handles_getSettings', [at]);
    out.seed = await rpc('handles_getSeed', [at]);
    return out;
  }

  before(async () => {
    await cryptoWaitReady();
    dir = tempDir('handles-durability-');
    node = await startDevNode({ basePath: `${dir.path}/db` });
    api = await connect();
    keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    bob = keyring.addFromUri('//Bob');
    sudo = keyring.addFromUri('//Alice');
    owners.sr = freshPair();
    owners.ed = freshPair('ed25519');
    owners.last = freshPair();
    await seal(api);
  }, { timeout: 240_000 });

  after(async () => {
    await api?.disconnect().catch(() => {});
    await node?.stop();
    if (process.env.KEEP_DURABILITY_DIR) console.log(`data kept in ${dir?.path}`);
    else dir?.remove();
  });

  test('handles, a settings change and a reserved handle are finalized', async () => {
    for (const [who, base] of [
      ['sr', 'Durable'],
      ['sr', 'Second'], // an owner with two MSAs
      ['ed', 'Edwards'],
    ]) {
      const c = await createTx(owners[who], base);
      const out = await submit(api, c.tx, bob); // sealed with finalize = true
      assertOk(out, base);
      const ev = out.events.find((e) => e.section === 'handles' && e.method === 'MsaCreatedWithHandle');
      assert.ok(ev, `MsaCreatedWithHandle for ${base}`);
      assert.equal(u8aToString(ev.data[2].toU8a(true)), c.display);
      const { tx: _tx, ...record } = c;
      handles.push({ ...record, msaId: ev.data[0].toNumber(), createdAt: out.blockNumber });
    }

    const settings = api.tx.sudo.sudo(
      api.tx.handles.setHandleSettings(NEW_SETTINGS.suffixMin, NEW_SETTINGS.suffixMax, NEW_SETTINGS.reuseCooldown),
    );
    let out = await submit(api, settings, sudo);
    assertOk(out);
    const changed = out.events.find((e) => e.section === 'handles' && e.method === 'HandleSettingsChanged');
    assert.ok(changed, `HandleSettingsChanged in ${out.events.map((e) => `${e.section}.${e.method}`)}`);

    out = await submit(api, api.tx.sudo.sudo(api.tx.handles.addReservedHandle(bytesArg(RESERVED))), sudo);
    assertOk(out);
    assert.ok(
      out.events.find((e) => e.section === 'handles' && e.method === 'ReservedHandleAdded'),
      `ReservedHandleAdded in ${out.events.map((e) => `${e.section}.${e.method}`)}`,
    );

    const heads = await chainHeads(node.httpUrl);
    assert.equal(heads.finalizedHash, heads.bestHash, 'manual sealing with finalize=true finalizes every block');
    const { suffixMin, suffixMax, reuseCooldown } = await rpc('handles_getSettings', []);
    assert.deepEqual({ suffixMin, suffixMax, reuseCooldown }, NEW_SETTINGS);
    assert.equal((await rpc('handles_validateHandle', [RESERVED])).valid, false);
  });

  test('SIGKILL right after the last block (with one more create) is sealed and finalized', async () => {
    assert.equal(handles.length, 3, 'handles created by the previous test');
    snapshot = await readAll();
    lastCreate = await createTx(owners.last, 'Lastone');
    // Into the pool, then seal with finalize = true, then kill at once: nothing in between.
    const txHash = await lastCreate.tx.signAndSend(bob);
    const created = await api.rpc.engine.createBlock(true, true);
    // ParityDB takes a commit into an in-process queue and its writer thread appends it to the
    // write-ahead log a few milliseconds later; only from then on does it survive SIGKILL. So
    // wait (bounded) until the database files are quiet, then kill at once.
    await waitForQuietFiles(`${dir.path}/db`, { quietMs: 500, timeoutMs: 10_000 });
    const killed = node.kill();
    lastHash = created.blockHash.toHex();
    const exit = await killed;
    assert.equal(exit.signal, 'SIGKILL', JSON.stringify(exit));
    await api.disconnect();
    api = undefined;
    lastCreate.txHash = txHash.toHex();
  });

  test('restarted on the same base path, the chain is where it was', async () => {
    assert.ok(lastHash, 'killed by the previous test');
    node = await startDevNode({ basePath: `${dir.path}/db` });
    api = await connect();
    const heads = await chainHeads(node.httpUrl);
    assert.equal(heads.bestHash, lastHash, 'best block is the last sealed block');
    assert.equal(heads.finalizedHash, lastHash, 'finalized block is the last sealed block');
    lastNumber = heads.finalized;

    // The last block holds the last create, and it succeeded.
    const block = await api.rpc.chain.getBlock(lastHash);
    const index = block.block.extrinsics.findIndex((x) => x.hash.toHex() === lastCreate.txHash);
    assert.ok(index >= 0, 'the last create is in the last block');
    const events = await (await api.at(lastHash)).query.system.events();
    const mine = events.filter((r) => r.phase.isApplyExtrinsic && r.phase.asApplyExtrinsic.toNumber() === index);
    const ev = mine.find((r) => r.event.section === 'handles' && r.event.method === 'MsaCreatedWithHandle');
    assert.ok(ev, `MsaCreatedWithHandle in ${mine.map((r) => `${r.event.section}.${r.event.method}`)}`);
    assert.equal(u8aToString(ev.event.data[2].toU8a(true)), lastCreate.display);
    handles.push({
      display: lastCreate.display,
      base: lastCreate.base,
      suffix: lastCreate.suffix,
      canonical: lastCreate.canonical,
      owner: lastCreate.owner,
      msaId: ev.event.data[0].toNumber(),
      createdAt: lastNumber,
    });
  });

  test('every handle, owner list, setting and reserved handle is still there and identical', async () => {
    assert.equal(handles.length, 4);
    const now = await readAll();
    // What was read before the kill is read identically after the restart...
    for (const key of ['settings', 'seed']) assert.deepEqual(now[key], snapshot[key], key);
    assert.deepEqual(now.validate, snapshot.validate, 'validateHandle (reserved list)');
    for (const h of handles.slice(0, 3)) {
      assert.deepEqual(now.handles[h.display], snapshot.handles[h.display], h.display);
      assert.deepEqual(now.msas[h.msaId], snapshot.msas[h.msaId], `msa ${h.msaId}`);
    }
    for (const [address, list] of Object.entries(snapshot.owners)) {
      if (address === owners.last.address) continue; // got its MSA in the last block
      assert.deepEqual(now.owners[address], list, `owner ${address}`);
    }
    // ...and is what the chain was told.
    for (const h of handles) {
      assert.deepEqual(now.handles[h.display], { msaId: h.msaId, owner: h.owner, handle: h.display }, h.display);
      assert.deepEqual(now.msas[h.msaId], {
        handle: h.display,
        baseHandle: h.base,
        suffix: h.suffix,
        canonical: h.canonical,
        owner: h.owner,
        createdAt: h.createdAt,
      });
    }
    const byOwner = (addr) =>
      handles
        .filter((h) => h.owner === addr)
        .map((h) => ({ msaId: h.msaId, handle: h.display }))
        .sort((a, b) => a.msaId - b.msaId);
    for (const pair of Object.values(owners)) {
      assert.deepEqual(now.owners[pair.address], byOwner(pair.address), `owner list of ${pair.address}`);
    }
    assert.equal(now.owners[owners.sr.address].length, 2);
    assert.deepEqual(now.settings, { ...NEW_SETTINGS, seedRotationPeriod: 100, maxPayloadLifetime: 200, legacyPayloadDeadline: 100800 });
    assert.equal(now.validate[RESERVED].valid, false);
    assert.equal(now.validate[RESERVED.toUpperCase()].valid, false);
    assert.equal(now.validate.admin.valid, false);
    // The same answers at the finalized hash.
    assert.deepEqual(await readAll(lastHash), now);
  });

  test('the restarted node keeps making blocks and still refuses the reserved handle', async () => {
    const hash = await seal(api);
    const header = await api.rpc.chain.getHeader(hash);
    assert.equal(header.number.toNumber(), lastNumber + 1);
    assert.equal(header.parentHash.toHex(), lastHash);
    // A reserved handle stays refused by the chain itself, not only by the RPC.
    const owner = freshPair();
    const best = header.number.toNumber();
    const payload = { baseHandle: RESERVED, suffix: 1000, expiration: best + 20 };
    const out = await submit(api, await signedCall(api, 'create', owner, payload), bob);
    assert.match(String(out.error?.text), /handles\.InvalidHandle/, 'a reserved handle is refused after the restart');
    assert.deepEqual(await rpc('handles_getHandlesForOwner', [owner.address]), []);
  });
});
