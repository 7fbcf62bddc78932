#!/usr/bin/env node
// Load: N sponsored `create_handle` calls submitted at once to a `handles-node --dev
// --sealing manual`, then blocks are sealed until all are included. Verifies that every create
// succeeded exactly once, before its payload expired, and reports blocks used, creates per block,
// creates per second and the node's peak memory. Prints a JSON summary on stdout (progress on
// stderr); exits 1 when anything was lost, duplicated, failed or late.
//
//   npm run load                     # 1000 creates
//   LOAD_N=100 npm run load          # fewer
//
// Env: LOAD_N (default 1000), LOAD_SPONSORS (1..5, default 5: Bob, Charlie, Dave, Eve, Ferdie),
// LOAD_MAX_BLOCKS (default 200), LOAD_POOL_WAIT=1 (before each seal, wait until the pool has
// revalidated what is left, instead of sealing back to back), HANDLES_NODE (binary).
//
// Why manual sealing: the script decides when a block is made, so "blocks used" and "creates per
// block" measure what the node puts into one block (weight, length and the proposer's time limit)
// rather than how transactions happened to arrive; with `instant`, each arriving transaction
// triggers a block and the figures would depend on the submission timing. The seals follow each
// other as fast as the node makes them, so creates per second is the node's own throughput.

import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

import { Keyring } from '@polkadot/keyring';
import { u8aToString } from '@polkadot/util';
import { cryptoWaitReady, randomAsU8a } from '@polkadot/util-crypto';

import { msaId as msaIdOf } from '@handles/client';

import { connectApi, createTx, decodeDispatchError, seal, sign } from '../lib/chain.js';
import { processMemory, rpcCall, startDevNode } from '../lib/node.js';

const SPONSOR_URIS = ['//Bob', '//Charlie', '//Dave', '//Eve', '//Ferdie'];
const MAX_PAYLOAD_LIFETIME = 200;

/** `user` + the index in base 26 (letters only, at least 3): useraaa, useraab, ... */
export function baseHandleFor(i) {
  let s = '';
  let x = i;
  do {
    s = String.fromCharCode(97 + (x % 26)) + s;
    x = Math.floor(x / 26);
  } while (x > 0);
  return `user${s.padStart(3, 'a')}`;
}

/** Runs `fn` over `items` with at most `limit` calls in flight; resolves to the results in order. */
export async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Runs the load against a dev node (`nodeArgs`: more of its arguments, such as
 * `['--chain', 'dev-scale-100000']`) and resolves to the summary object. The node is fresh
 * (`--tmp`), or restarted on the database at `basePath`.
 */
export async function runLoad({
  n = Number(process.env.LOAD_N || 1000),
  sponsorCount = Number(process.env.LOAD_SPONSORS || SPONSOR_URIS.length),
  maxBlocks = Number(process.env.LOAD_MAX_BLOCKS || 200),
  waitForPool = process.env.LOAD_POOL_WAIT === '1',
  nodeArgs = [],
  basePath = null,
  log = (msg) => process.stderr.write(`${msg}\n`),
} = {}) {
  if (!Number.isInteger(n) || n < 1) throw new Error(`LOAD_N must be a positive integer, got ${n}`);
  if (!(sponsorCount >= 1 && sponsorCount <= SPONSOR_URIS.length)) {
    throw new Error(`LOAD_SPONSORS must be 1..${SPONSOR_URIS.length}`);
  }
  await cryptoWaitReady();
  const node = await startDevNode({
    sealing: 'manual',
    basePath,
    // Room in the pool for every transaction (defaults: 8192 ready transactions, 20 MiB).
    extraArgs: [...nodeArgs, ...(n > 4000 ? ['--pool-limit', String(2 * n), '--pool-kbytes', String(Math.ceil(n * 2))] : [])],
    startTimeoutMs: 3_600_000,
  });
  log(`# node pid ${node.process.pid} on ${node.wsUrl}`);
  let api;
  try {
    // Long request timeout: a seal of a full block by a debug build takes seconds.
    api = await connectApi(node.wsUrl, { timeoutMs: 600_000 });
    const rpc = (method, params) => rpcCall(node.httpUrl, method, params, { timeoutMs: 120_000 });

    // Block 1 rotates the seeds (n % 100 == 1): make it first so the suffix options we read
    // stay offered (under the current or the previous seed) for the next 100+ blocks.
    await seal(api, 2);
    const startHeader = await api.rpc.chain.getHeader();
    const startBlock = startHeader.number.toNumber();
    const settings = await rpc('handles_getSettings', []);
    const lifetime = settings.maxPayloadLifetime ?? MAX_PAYLOAD_LIFETIME;

    // N valid, distinct handles: distinct canonical forms (look-alike folding can merge distinct
    // inputs) and distinct MSA ids within the batch.
    log(`# choosing ${n} handles`);
    const chosen = [];
    const canonicals = new Set();
    const msaIds = new Set();
    for (let i = 0; chosen.length < n; i += 64) {
      const bases = Array.from({ length: 64 }, (_, k) => baseHandleFor(i + k));
      const options = await mapLimit(bases, 16, (b) => rpc('handles_getSuffixOptions', [b]));
      for (const opt of options) {
        if (chosen.length >= n || canonicals.has(opt.canonical) || opt.available.length === 0) continue;
        const k = chosen.length % opt.available.length;
        const rotated = [...opt.available.slice(k), ...opt.available.slice(0, k)];
        const suffix = rotated.find((s) => !msaIds.has(msaIdOf(opt.canonical, s)));
        if (suffix === undefined) continue;
        canonicals.add(opt.canonical);
        msaIds.add(msaIdOf(opt.canonical, suffix));
        chosen.push({ base: opt.baseHandle, canonical: opt.canonical, suffix, msaId: msaIdOf(opt.canonical, suffix) });
      }
    }

    // Fresh owners (sr25519 and ed25519 alternately) sign their payloads, raw or <Bytes>-wrapped
    // alternately; sponsors take turns, with explicit nonces so everything can be sent at once.
    log('# signing');
    const keyring = new Keyring({ ss58Format: 42 });
    const sponsors = SPONSOR_URIS.slice(0, sponsorCount).map((uri) => keyring.addFromUri(uri, {}, 'sr25519'));
    const nonces = await Promise.all(sponsors.map((s) => api.rpc.system.accountNextIndex(s.address)));
    const items = [];
    for (let i = 0; i < n; i++) {
      const type = i % 2 === 0 ? 'sr25519' : 'ed25519';
      const owner = keyring.addFromSeed(randomAsU8a(32), {}, type);
      const { base, canonical, suffix, msaId } = chosen[i];
      const expiration = startBlock + lifetime - (i % 50);
      const payload = { baseHandle: base, suffix, expiration };
      const signature = await sign(api, owner, 'create', payload, { wrap: i % 4 >= 2 });
      const sponsor = sponsors[i % sponsors.length];
      const nonce = nonces[i % sponsors.length].toNumber() + Math.floor(i / sponsors.length);
      const tx = createTx(api, owner, signature, payload);
      await tx.signAsync(sponsor, { nonce, era: 0 });
      items.push({
        i,
        owner: owner.address,
        display: `${base}.${suffix}`,
        canonical,
        msaId,
        expiration,
        hash: tx.hash.toHex(),
        tx,
      });
    }
    const byHash = new Map(items.map((it) => [it.hash, it]));
    if (byHash.size !== n) throw new Error('two extrinsics have the same hash');

    // Submit everything at once.
    log(`# submitting ${n} creates from ${sponsors.length} sponsors`);
    const t0 = performance.now();
    const submitted = await Promise.allSettled(items.map((it) => api.rpc.author.submitExtrinsic(it.tx)));
    const tSubmitted = performance.now();
    const rejected = submitted
      .map((r, i) => (r.status === 'rejected' ? { i, error: String(r.reason?.message ?? r.reason) } : null))
      .filter(Boolean);
    if (rejected.length) log(`# ${rejected.length} rejected by the pool, first: ${JSON.stringify(rejected[0])}`);

    // Seal until all are included (or nothing moves any more).
    const blocks = []; // { number, hash, ours, extrinsics, sealMs }
    const includedAt = new Map(); // tx hash -> { number, hash, index }
    let tLast = null;
    let idle = 0;
    while (includedAt.size < n - rejected.length && blocks.length < maxBlocks) {
      // After a block, the pool revalidates what is left against the new best block; a seal
      // made before that finishes gets no transactions (an empty block). With LOAD_POOL_WAIT=1
      // the script waits for the pool to settle before each seal (the wait counts in the wall
      // clock); by default blocks are sealed back to back.
      const tWait = performance.now();
      if (waitForPool && blocks.length > 0) {
        const remaining = n - rejected.length - includedAt.size;
        const deadline = Date.now() + 30_000;
        while (Date.now() < deadline) {
          const pending = await api.rpc.author.pendingExtrinsics();
          if (pending.filter((x) => byHash.has(x.hash.toHex())).length === remaining) break;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      const poolWaitMs = Math.round(performance.now() - tWait);
      const tSeal = performance.now();
      const hash = await seal(api);
      const tSealed = performance.now();
      const signed = await api.rpc.chain.getBlock(hash);
      const number = signed.block.header.number.toNumber();
      let ours = 0;
      signed.block.extrinsics.forEach((x, index) => {
        const h = x.hash.toHex();
        if (byHash.has(h)) {
          if (includedAt.has(h)) includedAt.get(h).again = { number, hash, index };
          else includedAt.set(h, { number, hash, index });
          ours++;
        }
      });
      // Normal-class ref time the block used (ms), to tell a block full by weight from a short one.
      const used = await (await api.at(hash)).query.system.blockWeight();
      const normalMs = round(used.normal.refTime.toNumber() / 1e9, 1);
      blocks.push({ number, hash, ours, sealMs: Math.round(tSealed - tSeal), poolWaitMs, normalMs });
      log(
        `# block ${number}: ${ours} creates, pool wait ${poolWaitMs} ms, seal ${Math.round(tSealed - tSeal)} ms ` +
          `(${includedAt.size}/${n})`,
      );
      if (ours > 0) {
        tLast = tSealed;
        idle = 0;
      } else if (++idle >= 3) {
        const pending = await api.rpc.author.pendingExtrinsics();
        if (pending.length === 0) break;
        if (idle >= 10) break;
      }
    }
    const usedBlocks = blocks.filter((b) => b.number <= Math.max(0, ...[...includedAt.values()].map((x) => x.number)));

    // Verify every create through events and the read RPCs.
    log('# verifying');
    let msaCreatedEvents = 0;
    let extrinsicFailed = 0;
    let msaIdMismatches = 0;
    const failures = [];
    const eventOwners = new Map(); // owner -> count of MsaCreatedWithHandle
    for (const b of blocks) {
      const extrinsics = (await api.rpc.chain.getBlock(b.hash)).block.extrinsics.map((x) => x.hash.toHex());
      const events = await (await api.at(b.hash)).query.system.events();
      for (const { phase, event } of events) {
        if (!phase.isApplyExtrinsic) continue;
        const it = byHash.get(extrinsics[phase.asApplyExtrinsic.toNumber()]);
        if (event.section === 'system' && event.method === 'ExtrinsicFailed') {
          extrinsicFailed++;
          if (failures.length < 5) {
            failures.push({ block: b.number, display: it?.display, error: decodeDispatchError(api, event.data[0]).text });
          }
        }
        if (event.section === 'handles' && event.method === 'MsaCreatedWithHandle') {
          msaCreatedEvents++;
          const owner = keyring.encodeAddress(event.data[1]);
          eventOwners.set(owner, (eventOwners.get(owner) ?? 0) + 1);
          if (!it || it.owner !== owner || u8aToString(event.data[2].toU8a(true)) !== it.display) {
            failures.push({ block: b.number, unexpectedEvent: event.toHuman() });
          } else if (event.data[0].toNumber() !== it.msaId) {
            msaIdMismatches++;
          }
        }
      }
    }
    const lists = await mapLimit(items, 32, (it) => rpc('handles_getHandlesForOwner', [it.owner]));
    let ownersWithExactlyOne = 0;
    let ownerListMismatches = 0;
    lists.forEach((list, k) => {
      const it = items[k];
      if (list.length === 1) ownersWithExactlyOne++;
      if (list.length !== 1 || list[0].handle !== it.display || list[0].msaId !== it.msaId) ownerListMismatches++;
    });
    const missing = items.filter((it) => !includedAt.has(it.hash)).length;
    const duplicates =
      [...includedAt.values()].filter((x) => x.again).length + [...eventOwners.values()].filter((c) => c > 1).length;
    const late = items.filter((it) => includedAt.has(it.hash) && includedAt.get(it.hash).number > it.expiration);
    const minExpiration = Math.min(...items.map((it) => it.expiration));
    const lastNumber = Math.max(0, ...[...includedAt.values()].map((x) => x.number));

    const perBlock = usedBlocks.map((b) => b.ours);
    const memory = processMemory(node.process.pid);
    const wallSeconds = tLast === null ? null : (tLast - t0) / 1000;
    const summary = {
      n,
      sealing: 'manual',
      sponsors: sponsors.length,
      nodeBinary: node.binary,
      startBlock,
      firstBlock: usedBlocks[0]?.number ?? null,
      lastBlock: lastNumber || null,
      minExpiration,
      blocksUsed: usedBlocks.length,
      createsPerBlock: {
        mean: usedBlocks.length ? round(n / usedBlocks.length, 1) : null,
        max: perBlock.length ? Math.max(...perBlock) : null,
        perBlock,
      },
      emptyBlocks: perBlock.filter((c) => c === 0).length,
      sealMsPerBlock: usedBlocks.map((b) => b.sealMs),
      normalWeightMsPerBlock: usedBlocks.map((b) => b.normalMs),
      normalWeightLimitMs: round(api.consts.system.blockWeights.perClass.normal.maxTotal.unwrap().refTime.toNumber() / 1e9, 1),
      poolWaitMsPerBlock: usedBlocks.map((b) => b.poolWaitMs),
      waitForPool,
      submitSeconds: round((tSubmitted - t0) / 1000, 3),
      wallSeconds: wallSeconds === null ? null : round(wallSeconds, 3),
      createsPerSecond: wallSeconds ? round(n / wallSeconds, 1) : null,
      peakMemoryMiB: memory?.vmHwmKb ? round(memory.vmHwmKb / 1024, 1) : null,
      rssMiB: memory?.vmRssKb ? round(memory.vmRssKb / 1024, 1) : null,
      msaCreatedEvents,
      ownersWithExactlyOneMsa: ownersWithExactlyOne,
      ownerListMismatches,
      rejectedBySubmit: rejected.length,
      missing,
      duplicates,
      extrinsicFailed,
      msaIdMismatches,
      includedAfterExpiration: late.length,
      failures,
    };
    summary.ok =
      msaCreatedEvents === n &&
      ownersWithExactlyOne === n &&
      ownerListMismatches === 0 &&
      rejected.length === 0 &&
      missing === 0 &&
      duplicates === 0 &&
      extrinsicFailed === 0 &&
      msaIdMismatches === 0 &&
      late.length === 0 &&
      failures.length === 0;
    return summary;
  } finally {
    await api?.disconnect().catch(() => {});
    await node.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runLoad()
    .then((summary) => {
      process.stdout.write(`${JSON.stringify(summary)}\n`);
      process.exit(summary.ok ? 0 : 1);
    })
    .catch((err) => {
      process.stderr.write(`load failed: ${err.stack ?? err}\n`);
      process.exit(2);
    });
}
