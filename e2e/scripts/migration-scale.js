#!/usr/bin/env node
// The newest canonical-form migration at scale: on a node of `--chain dev-scale-N` (N synthetic
// handles made at genesis), pallet Handles is put back to storage version 2 and pallet-migrations
// is made to onboard the runtime's multi-block migrations, so that `CanonicalFormV3` (2 -> 3:
// every handle record, the handle -> MSA index and the cooldown queue re-keyed) and then
// `LegacyPayloadDeadline` (3 -> 4) run over the whole registry, one step per block. Measured:
//   - migration blocks: blocks sealed while `multiBlockMigrations.cursor` is set (each runs a step),
//     the wall-clock time of each seal (the `engine_createBlock` RPC), the mandatory ref time each
//     block used (the steps count there, up to `MbmServiceWeight`, half a block) and records per
//     block (N / migration blocks);
//   - reads: requests per second of handles_getMsaForHandle and handles_getHandleForMsa over a
//     sample of held handles (rpc-bench.js's loop, CLIENTS clients for SECONDS) before the
//     migration and between seals while it runs (READ_BLOCKS times: once before its first
//     block, then at the first states where the index is being rebuilt), with the answers of the
//     whole sample checked there (well-formed, none resolving to another MSA); after every
//     migration block, how many sampled handles resolve (handles_getMsasForHandles): the
//     handle -> MSA index is emptied and rebuilt, so handles not re-keyed yet answer null;
//   - a claim during the migration: a fresh owner signs the node's text of a create payload
//     (handles_signingMessage), Bob sponsors it while the cursor is set; the pool refuses it at
//     submission, or holds it and it lands after the migration (blocks are sealed until it does,
//     at most EXTRA_BLOCKS) or is dropped. Fails when a block made while the cursor was set
//     includes it (blocks of a migration hold inherents only);
//   - after: storage version 4 again, and every sampled handle resolving as before.
// Prints a markdown table and a JSON line on stdout, progress on stderr; exits 1 when a check
// fails. Not part of CI.
//
// The runtime that runs the migrations is the Wasm at MIGRATION_WASM, set with sudo
// `set_code_without_checks` first (same spec version: no upgrade hooks run): it must be built
// WITHOUT the `runtime-benchmarks` feature, since a runtime with it has pallet-migrations run
// mocked migrations. The default is the runtime of the debug build (`bash scripts/build`), so a
// release node built with `runtime-benchmarks` can run the real migrations at a million handles.
//
//   HANDLES=1000 node scripts/migration-scale.js                                       # quick
//   HANDLES_NODE=~/.cache/handles-target-release/release/handles-node node scripts/migration-scale.js
//
// Env: HANDLES (default 1000000), HANDLES_NODE, MIGRATION_WASM (default
// ${CARGO_TARGET_DIR:-~/.cache/handles-target}/debug/wbuild/handles-runtime/
// handles_runtime.compact.compressed.wasm, or handles_runtime.wasm there when a debug build left
// no compressed one), MAX_BLOCKS (default 2000), SAMPLE (default 200), SECONDS (default 2),
// CLIENTS (default 8), READ_BLOCKS (default 3), EXTRA_BLOCKS (default 5).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex, cryptoWaitReady, randomAsHex, xxhashAsHex } from '@polkadot/util-crypto';

import {
  SS58_PREFIX,
  connectApi,
  createTx,
  decodeDispatchError,
  freshPair,
  poolRefusal,
  seal,
  submit,
  sudo,
  walletSign,
} from '../lib/chain.js';
import { debugBinaryPath, processMemory, startScaleNode, tempDir } from '../lib/node.js';
import { mapLimit } from './load.js';
import { call, measure, median } from './rpc-bench.js';

const HANDLES = Number(process.env.HANDLES ?? 1_000_000);
const MAX_BLOCKS = Number(process.env.MAX_BLOCKS ?? 2000);
const SAMPLE = Number(process.env.SAMPLE ?? 200);
const SECONDS = Number(process.env.SECONDS ?? 2);
const CLIENTS = Number(process.env.CLIENTS ?? 8);
const READ_BLOCKS = Number(process.env.READ_BLOCKS ?? 3);
const EXTRA_BLOCKS = Number(process.env.EXTRA_BLOCKS ?? 5);

/** Storage key of the runtime code (`:code`). */
const CODE_KEY = '0x3a636f6465';
/** Storage key of pallet Handles' storage version: twox128("Handles") ++ twox128(":__STORAGE_VERSION__:"). */
const VERSION_KEY = xxhashAsHex('Handles', 128) + xxhashAsHex(':__STORAGE_VERSION__:', 128).slice(2);
const MIGRATION_EVENTS = ['MigrationAdvanced', 'MigrationCompleted', 'MigrationSkipped', 'UpgradeStarted', 'UpgradeCompleted', 'MigrationFailed', 'UpgradeFailed'];

const log = (msg) => process.stderr.write(`${msg}\n`);
const round = (x, d = 1) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);

/** The runtime built without `runtime-benchmarks`: MIGRATION_WASM, else the debug build's. */
function migrationWasmPath() {
  if (process.env.MIGRATION_WASM) return process.env.MIGRATION_WASM;
  const dir = join(dirname(debugBinaryPath('handles-node')), 'wbuild', 'handles-runtime');
  const compressed = join(dir, 'handles_runtime.compact.compressed.wasm');
  return existsSync(compressed) ? compressed : join(dir, 'handles_runtime.wasm');
}

/** Storage version of pallet Handles at `at` (best block when null): a u16, little-endian. */
async function storageVersion(url, at = null) {
  const raw = await call(url, 'state_getStorage', at ? [VERSION_KEY, at] : [VERSION_KEY]);
  if (!raw) return null;
  const bytes = Buffer.from(raw.slice(2), 'hex');
  return bytes.readUInt16LE(0);
}

/** `{ set, index }` of `multiBlockMigrations.cursor` at `hash` (`index`: the running migration). */
async function cursorAt(api, hash) {
  const cursor = await (await api.at(hash)).query.multiBlockMigrations.cursor();
  if (cursor.isNone) return { set: false, index: null, stuck: false };
  const c = cursor.unwrap();
  if (c.isStuck) return { set: true, index: null, stuck: true };
  return { set: true, index: c.asActive.index.toNumber(), stuck: false };
}

/**
 * Up to SAMPLE held handles `{ msaId, display }`, two at a time from random points of the key
 * space of `msaHandles`: the migration re-keys the records in key order, so a sample of
 * consecutive keys would be migrated all at once (the first page, in its first block).
 */
async function sampleHandles(api) {
  const prefix = api.query.handles.msaHandles.keyPrefix();
  const byId = new Map();
  const add = (page) => {
    for (const [key, record] of page) {
      if (byId.size >= SAMPLE) break;
      const msaId = key.args[0].toNumber();
      const r = record.unwrap();
      byId.set(msaId, { msaId, display: `${Buffer.from(r.base.toU8a(true)).toString('utf8')}.${r.suffix.toNumber()}` });
    }
  };
  for (let attempt = 0; attempt < 2 * SAMPLE && byId.size < Math.min(SAMPLE, HANDLES); attempt++) {
    const startKey = prefix + randomAsHex(16).slice(2);
    add(await api.query.handles.msaHandles.entriesPaged({ args: [], pageSize: 2, startKey }));
  }
  // Still short (a chain of few handles): the first page.
  if (byId.size < SAMPLE) add(await api.query.handles.msaHandles.entriesPaged({ args: [], pageSize: SAMPLE }));
  return [...byId.values()];
}

const isMsaForHandle = (a) =>
  a === null || (typeof a === 'object' && Number.isInteger(a.msaId) && typeof a.owner === 'string' && typeof a.handle === 'string');
const isHandleForMsa = (a) =>
  a === null ||
  (typeof a === 'object' &&
    typeof a.handle === 'string' &&
    typeof a.baseHandle === 'string' &&
    Number.isInteger(a.suffix) &&
    typeof a.canonical === 'string' &&
    typeof a.owner === 'string');

/** The answers of both lookups for every sampled handle at block `at`: `[{ byHandle, byMsa }]`. */
async function lookups(url, sample, at) {
  return mapLimit(sample, 8, async (h) => {
    const [byHandle, byMsa] = await Promise.all([
      call(url, 'handles_getMsaForHandle', [h.display, at]),
      call(url, 'handles_getHandleForMsa', [h.msaId, at]),
    ]);
    return { byHandle, byMsa };
  });
}

/**
 * The sampled handles through handles_getMsasForHandles at block `at` (batches of 100, the RPC's
 * limit): `{ resolved, otherMsa }`, how many resolve to their MSA and how many to another.
 */
async function batchResolved(url, sample, at) {
  let resolved = 0;
  let otherMsa = 0;
  for (let i = 0; i < sample.length; i += 100) {
    const part = sample.slice(i, i + 100);
    const answers = await call(url, 'handles_getMsasForHandles', [part.map((h) => h.display), at]);
    answers.forEach((a, k) => {
      if (a?.msaId === part[k].msaId) resolved++;
      else if (a) otherMsa++;
    });
  }
  return { resolved, otherMsa };
}

/** Requests per second of both lookups over the sample, at the best block. */
async function readRates(url, sample) {
  const msaForHandle = await measure(url, 'handles_getMsaForHandle', (i) => [sample[i % sample.length].display], SECONDS, CLIENTS);
  const handleForMsa = await measure(url, 'handles_getHandleForMsa', (i) => [sample[i % sample.length].msaId], SECONDS, CLIENTS);
  return { getMsaForHandle: Math.round(msaForHandle), getHandleForMsa: Math.round(handleForMsa) };
}

/**
 * A create for a fresh owner, sponsored by `sponsor`: the owner signs the node's text of the
 * payload (handles_signingMessage) as a wallet does; the transaction is immortal (a migration may
 * outlast a mortal era) and signed, not sent. `{ tx, hash, display, payload, owner }`.
 */
async function signedClaim(api, url, sponsor) {
  const letters = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
  const base = `Migrant${letters}`;
  const options = await call(url, 'handles_getSuffixOptions', [base]);
  const suffix = options.available.find((s) => !options.expiring.includes(s)) ?? options.available[0];
  if (suffix === undefined) throw new Error(`no suffix available for ${base}`);
  const settings = await call(url, 'handles_getSettings', []);
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  const payload = { baseHandle: base, suffix, expiration: best + (settings.maxPayloadLifetime ?? 200) - 1 };
  const { bytes } = await call(url, 'handles_signingMessage', ['create', payload]);
  const owner = freshPair();
  const tx = createTx(api, owner, walletSign(owner, bytes), payload);
  await tx.signAsync(sponsor, { nonce: -1, era: 0 });
  return { tx, hash: tx.hash.toHex(), display: `${base}.${suffix}`, payload, owner: owner.address };
}

/** The events of `hash` we report, and the claim's outcome when the block holds `claimHash`. */
async function blockFacts(api, hash, claimHash) {
  const at = await api.at(hash);
  const [signed, records, weight] = await Promise.all([api.rpc.chain.getBlock(hash), at.query.system.events(), at.query.system.blockWeight()]);
  const number = signed.block.header.number.toNumber();
  const claimIndex = claimHash ? signed.block.extrinsics.findIndex((x) => x.hash.toHex() === claimHash) : -1;
  const migration = [];
  const handles = {};
  let claim = null;
  for (const { phase, event } of records) {
    if (event.section === 'multiBlockMigrations' && MIGRATION_EVENTS.includes(event.method)) {
      migration.push(`${event.method}${JSON.stringify(event.data.toJSON())}`);
    }
    if (event.section === 'handles') handles[event.method] = (handles[event.method] ?? 0) + 1;
    if (claimIndex >= 0 && phase.isApplyExtrinsic && phase.asApplyExtrinsic.toNumber() === claimIndex) {
      claim ??= { error: null, msaId: null };
      if (event.section === 'system' && event.method === 'ExtrinsicFailed') claim.error = decodeDispatchError(api, event.data[0]).text;
      if (event.section === 'handles' && event.method === 'MsaCreatedWithHandle') claim.msaId = event.data[0].toNumber();
    }
  }
  return {
    number,
    extrinsics: signed.block.extrinsics.length,
    mandatoryMs: round(weight.mandatory.refTime.toNumber() / 1e9, 2),
    normalMs: round(weight.normal.refTime.toNumber() / 1e9, 2),
    migration,
    handles,
    claim,
  };
}

/** Sudo `call` by Alice; throws when the sudo transaction or the call fails. */
async function sudoOk(api, alice, call, what) {
  const res = await sudo(api, alice, call);
  if (res.error || res.inner) throw new Error(`${what} failed: ${(res.error ?? res.inner).text}`);
  return res;
}

async function main() {
  if (!Number.isInteger(HANDLES) || HANDLES < 1) throw new Error(`HANDLES must be a positive integer, got ${process.env.HANDLES}`);
  const wasmPath = migrationWasmPath();
  if (!existsSync(wasmPath)) throw new Error(`no runtime at ${wasmPath}: build one without runtime-benchmarks or set MIGRATION_WASM`);
  const code = readFileSync(wasmPath);
  const codeHash = blake2AsHex(code, 256);
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');

  // 1. The node.
  const dir = tempDir(`handles-migration-scale-${HANDLES}-`);
  const t0 = performance.now();
  const node = await startScaleNode(HANDLES, dir.path);
  const startSeconds = round((performance.now() - t0) / 1000);
  log(`# ${HANDLES} handles: node ${node.binary} (pid ${node.pid}) answered after ${startSeconds} s on ${node.wsUrl}`);
  const url = node.httpUrl;
  let api;
  try {
    // Long request timeout: a debug node seals a migration block (and compiles a new runtime) slowly.
    api = await connectApi(node.wsUrl, { timeoutMs: 1_800_000 });

    // 2. The runtime without runtime-benchmarks.
    const codeBefore = (await api.rpc.state.getStorageHash(CODE_KEY)).toHex();
    log(`# runtime: ${wasmPath} (${code.length} bytes, blake2 ${codeHash}); :code before ${codeBefore}`);
    const setCode = await submit(api, api.tx.sudo.sudo(api.tx.system.setCodeWithoutChecks(u8aToHex(code))), alice);
    if (setCode.error) throw new Error(`sudo set_code_without_checks failed: ${setCode.error.text}`);
    const codeAfter = (await api.rpc.state.getStorageHash(CODE_KEY, setCode.blockHash)).toHex();
    if (codeAfter !== codeHash) throw new Error(`:code after set_code_without_checks is ${codeAfter}, the file's ${codeHash}`);
    await seal(api); // the first block of the new runtime
    const version = await call(url, 'state_getRuntimeVersion', []);
    log(
      `# :code is the file's (${codeBefore === codeHash ? 'the node already ran this runtime' : 'replaced'}); ` +
        `${version.specName} spec ${version.specVersion} answers at block ${(await api.rpc.chain.getHeader()).number.toNumber()}`,
    );
    // A runtime of another spec version would have onboarded the migrations itself: let them end.
    for (let i = 0; (await cursorAt(api, await api.rpc.chain.getBlockHash())).set; i++) {
      if (i === 0) log('# the new runtime onboarded migrations on its own: sealing until they end');
      if (i >= MAX_BLOCKS) throw new Error('migrations onboarded by set_code did not end');
      await seal(api);
    }

    // The sample, and the reads before the migration.
    const sample = await sampleHandles(api);
    if (sample.length === 0) throw new Error('no handle to sample');
    const beforeHash = (await api.rpc.chain.getBlockHash()).toHex();
    const before = await lookups(url, sample, beforeHash);
    const unresolvedBefore = before.filter((a, i) => a.byHandle?.msaId !== sample[i].msaId).length;
    if (unresolvedBefore) throw new Error(`${unresolvedBefore} sampled handles do not resolve to their MSA before the migration`);
    log(`# sampled ${sample.length} handles; measuring reads before the migration (${SECONDS} s each, ${CLIENTS} clients)`);
    // A first half second of each, not counted: the client's connections and the node's caches
    // warm up (the first measurement of a process is otherwise the slowest).
    await measure(url, 'handles_getMsaForHandle', (i) => [sample[i % sample.length].display], 0.5, CLIENTS);
    await measure(url, 'handles_getHandleForMsa', (i) => [sample[i % sample.length].msaId], 0.5, CLIENTS);
    const readsBefore = await readRates(url, sample);
    log(`# reads before: ${JSON.stringify(readsBefore)}`);

    // 3. Back to storage version 2.
    const versionBefore = await storageVersion(url);
    log(`# storage version of Handles: ${versionBefore} (key ${VERSION_KEY})`);
    if (versionBefore !== 4) throw new Error(`storage version ${versionBefore} before the migration, expected 4`);
    await sudoOk(api, alice, api.tx.system.setStorage([[VERSION_KEY, '0x0200']]), 'system.setStorage');
    const versionSet = await storageVersion(url);
    log(`# storage version of Handles now ${versionSet}`);
    if (versionSet !== 2) throw new Error(`storage version ${versionSet} after setStorage, expected 2`);

    // 4. Onboard the migrations.
    const onboard = await sudoOk(api, alice, api.tx.multiBlockMigrations.forceOnboardMbms(), 'multiBlockMigrations.forceOnboardMbms');
    const onboardFacts = await blockFacts(api, onboard.blockHash, null);
    let cursor = await cursorAt(api, onboard.blockHash);
    log(`# onboarded at block ${onboard.blockNumber}: ${onboardFacts.migration.join(' ')}; cursor ${JSON.stringify(cursor)}`);
    if (!cursor.set) throw new Error('the cursor is not set after forceOnboardMbms');

    // 5, 6. Seal until the cursor is gone; reads and a claim while it is set.
    const blocks = [];
    const readsDuring = [];
    let claim = null;
    let claimIncludedDuringMigration = null;
    let failed = null;
    // The sample through the batch lookup at every state of the migration (two calls): how many
    // handles resolve while the index is rebuilt. Read rates are measured at the first state
    // (nothing migrated yet) and at the first states where the sample does not fully resolve.
    let resolvedNow = await batchResolved(url, sample, onboard.blockHash);
    const resolvedAtOnboard = resolvedNow.resolved;
    while (cursor.set && blocks.length < MAX_BLOCKS) {
      if (cursor.stuck) throw new Error('the migration cursor is Stuck');
      const best = (await api.rpc.chain.getBlockHash()).toHex();
      if (resolvedNow.otherMsa > 0) throw new Error(`${resolvedNow.otherMsa} sampled handles resolve to another MSA during the migration`);
      if (readsDuring.length < READ_BLOCKS && (readsDuring.length === 0 || resolvedNow.resolved < sample.length)) {
        const answers = await lookups(url, sample, best);
        const formed = answers.filter((a) => isMsaForHandle(a.byHandle) && isHandleForMsa(a.byMsa)).length;
        const resolved = answers.filter((a, i) => a.byHandle?.msaId === sample[i].msaId).length;
        const otherMsa = answers.filter((a, i) => a.byHandle !== null && a.byHandle.msaId !== sample[i].msaId).length;
        const byMsaSame = answers.filter((a, i) => JSON.stringify(a.byMsa) === JSON.stringify(before[i].byMsa)).length;
        const rates = await readRates(url, sample);
        const entry = { afterBlock: (await api.rpc.chain.getHeader()).number.toNumber(), migration: cursor.index, ...rates, wellFormed: formed, resolved, resolvedToAnotherMsa: otherMsa, handleForMsaAsBefore: byMsaSame, sample: sample.length };
        readsDuring.push(entry);
        log(`# reads during the migration: ${JSON.stringify(entry)}`);
      }
      if (!claim) {
        claim = await signedClaim(api, url, bob);
        claim.submittedAtBlock = (await api.rpc.chain.getHeader()).number.toNumber();
        try {
          await api.rpc.author.submitExtrinsic(claim.tx);
          claim.accepted = true;
          log(`# claim ${claim.display} (${claim.hash}) accepted into the pool at block ${claim.submittedAtBlock}`);
        } catch (err) {
          const refused = poolRefusal(api, err);
          claim.accepted = false;
          claim.refusal = refused ? refused.error.text : String(err.message ?? err);
          log(`# claim ${claim.display} refused at submission: ${claim.refusal}`);
        }
      }
      const tSeal = performance.now();
      const hash = await seal(api);
      const sealMs = Math.round(performance.now() - tSeal);
      const facts = await blockFacts(api, hash, claim?.accepted ? claim.hash : null);
      cursor = await cursorAt(api, hash);
      resolvedNow = await batchResolved(url, sample, hash);
      blocks.push({ ...facts, sealMs, cursorAfter: cursor.set ? cursor.index : null, sampleResolved: resolvedNow.resolved });
      log(
        `# block ${facts.number}: seal ${sealMs} ms, mandatory ${facts.mandatoryMs} ms, normal ${facts.normalMs} ms, ` +
          `${facts.extrinsics} extrinsics, ${facts.migration.join(' ') || 'no migration events'}` +
          `${Object.keys(facts.handles).length ? `, handles ${JSON.stringify(facts.handles)}` : ''}; ` +
          `${resolvedNow.resolved}/${sample.length} sampled handles resolve; cursor ${cursor.set ? `migration ${cursor.index}` : 'none'}`,
      );
      if (facts.claim) {
        claimIncludedDuringMigration = facts.number;
        claim.includedAt = facts.number;
        claim.result = facts.claim;
      }
      failed = facts.migration.find((e) => e.startsWith('MigrationFailed') || e.startsWith('UpgradeFailed')) ?? null;
      if (failed) break;
    }
    if (failed) throw new Error(`the migration failed: ${failed}`);
    if (cursor.set) throw new Error(`the cursor is still set after ${MAX_BLOCKS} blocks`);
    if (claimIncludedDuringMigration !== null) {
      throw new Error(`the claim was included in block ${claimIncludedDuringMigration}, made while the migration cursor was set`);
    }
    const lastMigrationBlock = blocks[blocks.length - 1].number;

    // The claim after the migration: seal until it lands, is dropped, or EXTRA_BLOCKS.
    const extraBlocks = [];
    if (claim.accepted) {
      for (let i = 0; i < EXTRA_BLOCKS && claim.includedAt === undefined; i++) {
        // Let the pool revalidate against the new best block before sealing (else the seal may
        // find nothing ready), at most 10 s.
        let pending = false;
        for (let w = 0; w < 50; w++) {
          pending = (await api.rpc.author.pendingExtrinsics()).some((x) => x.hash.toHex() === claim.hash);
          if (pending) break;
          await sleep(200);
        }
        if (!pending) {
          claim.dropped = true;
          log(`# the claim is no longer in the pool after block ${lastMigrationBlock + i}`);
          break;
        }
        const tSeal = performance.now();
        const hash = await seal(api);
        const sealMs = Math.round(performance.now() - tSeal);
        const facts = await blockFacts(api, hash, claim.hash);
        extraBlocks.push({ number: facts.number, sealMs, extrinsics: facts.extrinsics });
        log(`# block ${facts.number} after the migration: seal ${sealMs} ms, ${facts.extrinsics} extrinsics${facts.claim ? ', the claim' : ''}`);
        if (facts.claim) {
          claim.includedAt = facts.number;
          claim.result = facts.claim;
        }
      }
    }
    let claimFate;
    if (!claim.accepted) claimFate = `refused at submission: ${claim.refusal}`;
    else if (claim.includedAt !== undefined) {
      claimFate =
        `held in the pool during the migration, included in block ${claim.includedAt} ` +
        `(${claim.includedAt - lastMigrationBlock} after the last migration block ${lastMigrationBlock})` +
        (claim.result.error ? `, failed: ${claim.result.error}` : `, MSA ${claim.result.msaId}`);
    } else if (claim.dropped) claimFate = 'held in the pool during the migration, then dropped from it';
    else claimFate = `held in the pool, not included within ${EXTRA_BLOCKS} blocks after the migration`;
    log(`# claim: ${claimFate}`);
    let claimResolves = null;
    if (claim.result?.msaId) claimResolves = (await call(url, 'handles_getMsaForHandle', [claim.display]))?.msaId === claim.result.msaId;

    // 7. After.
    const versionAfter = await storageVersion(url);
    const afterHash = (await api.rpc.chain.getBlockHash()).toHex();
    const after = await lookups(url, sample, afterHash);
    let equal = 0;
    let handleForMsaEqual = 0;
    const differences = [];
    after.forEach((a, i) => {
      if (JSON.stringify(a.byHandle) === JSON.stringify(before[i].byHandle)) equal++;
      else if (differences.length < 5) differences.push({ handle: sample[i].display, before: before[i].byHandle, after: a.byHandle });
      if (JSON.stringify(a.byMsa) === JSON.stringify(before[i].byMsa)) handleForMsaEqual++;
    });
    log(`# after: storage version ${versionAfter}; ${equal}/${sample.length} handles resolve as before; ${handleForMsaEqual}/${sample.length} MSAs answer their handle as before`);
    const memory = processMemory(node.pid);

    // 8. Summary.
    const sealMs = blocks.map((b) => b.sealMs);
    const mandatoryMs = blocks.map((b) => b.mandatoryMs);
    const duringRates = (m) => (readsDuring.length ? Math.round(median(readsDuring.map((r) => r[m]))) : null);
    const handleEvents = {};
    for (const b of blocks) for (const [k, v] of Object.entries(b.handles)) handleEvents[k] = (handleEvents[k] ?? 0) + v;
    const summary = {
      handles: HANDLES,
      nodeBinary: node.binary,
      runtime: { path: wasmPath, bytes: code.length, codeHash, replaced: codeBefore !== codeHash, specName: version.specName, specVersion: version.specVersion },
      startSeconds,
      storageVersion: { before: versionBefore, set: versionSet, after: versionAfter },
      onboardBlock: onboard.blockNumber,
      onboardEvents: onboardFacts.migration,
      migrationBlocks: blocks.length,
      firstMigrationBlock: blocks[0].number,
      lastMigrationBlock,
      sealSeconds: round(sealMs.reduce((a, b) => a + b, 0) / 1000, 2),
      sealMs: { median: median(sealMs), max: Math.max(...sealMs) },
      mandatoryMs: { median: median(mandatoryMs), max: Math.max(...mandatoryMs) },
      mbmServiceWeightMs: round((api.consts.system.blockWeights.maxBlock.refTime.toNumber() / 1e9) * 0.5, 1),
      recordsPerBlock: Math.round(HANDLES / blocks.length),
      sampleResolvedDuring: {
        atOnboard: resolvedAtOnboard,
        min: Math.min(resolvedAtOnboard, ...blocks.slice(0, -1).map((b) => b.sampleResolved)),
        blocksWithUnresolved: blocks.slice(0, -1).filter((b) => b.sampleResolved < sample.length).length,
      },
      handleEvents,
      reads: {
        sample: sample.length,
        seconds: SECONDS,
        clients: CLIENTS,
        before: readsBefore,
        during: { getMsaForHandle: duringRates('getMsaForHandle'), getHandleForMsa: duringRates('getHandleForMsa'), perBlock: readsDuring },
      },
      claim: {
        handle: claim.display,
        submittedAtBlock: claim.submittedAtBlock,
        acceptedByPool: claim.accepted,
        refusal: claim.refusal ?? null,
        includedAt: claim.includedAt ?? null,
        dropped: claim.dropped ?? false,
        error: claim.result?.error ?? null,
        msaId: claim.result?.msaId ?? null,
        resolvesAfter: claimResolves,
        fate: claimFate,
      },
      handlesCompared: sample.length,
      handlesComparedEqual: equal,
      handleForMsaEqual,
      differences,
      extraBlocks,
      rssMiB: memory?.vmRssKb ? round(memory.vmRssKb / 1024) : null,
      peakMemoryMiB: memory?.vmHwmKb ? round(memory.vmHwmKb / 1024) : null,
      blocks: blocks.map(({ number, sealMs: s, mandatoryMs: m, normalMs, extrinsics, migration, handles, cursorAfter, sampleResolved }) => ({
        number,
        sealMs: s,
        mandatoryMs: m,
        normalMs,
        extrinsics,
        migration,
        handles,
        cursorAfter,
        sampleResolved,
      })),
    };
    summary.ok =
      versionAfter === 4 &&
      equal === sample.length &&
      handleForMsaEqual === sample.length &&
      readsDuring.every((r) => r.wellFormed === r.sample && r.resolvedToAnotherMsa === 0);

    const ratio = (m) => (summary.reads.during[m] === null ? '' : ` (${Math.round((summary.reads.during[m] / readsBefore[m]) * 100)} %)`);
    console.log('| handles | migration blocks | sealing | seal ms median / max | mandatory ms per block median / max | records per block | getMsaForHandle req/s before / during | getHandleForMsa req/s before / during | sample resolving during (min) | claim during the migration | handles compared equal |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|');
    console.log(
      `| ${HANDLES} | ${blocks.length} | ${summary.sealSeconds} s | ${summary.sealMs.median} / ${summary.sealMs.max} | ` +
        `${summary.mandatoryMs.median} / ${summary.mandatoryMs.max} | ${summary.recordsPerBlock} | ` +
        `${readsBefore.getMsaForHandle} / ${summary.reads.during.getMsaForHandle ?? ''}${ratio('getMsaForHandle')} | ` +
        `${readsBefore.getHandleForMsa} / ${summary.reads.during.getHandleForMsa ?? ''}${ratio('getHandleForMsa')} | ` +
        `${summary.sampleResolvedDuring.min} / ${sample.length} | ${claimFate} | ${equal} / ${sample.length} |`,
    );
    console.log(JSON.stringify(summary));
    return summary;
  } finally {
    await api?.disconnect().catch(() => {});
    await node.stop();
    dir.remove();
  }
}

main()
  .then((summary) => process.exit(summary.ok ? 0 : 1))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
