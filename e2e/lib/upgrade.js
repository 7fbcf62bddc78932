// Live runtime upgrades in the end-to-end tests: a dev chain started on an earlier runtime (a
// committed fixture) as the chain of a test file, sudo `set_code` to the runtime of the build, and
// the blocks of the multi-block migrations.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

import { bestNumber, blockEvents, findEvents, freshPair, seal, send, signedCall, submit, sudo } from './chain.js';
import { nodeBinaryPath, tempDir } from './node.js';
import { assertOk, useChain } from './testing.js';

/** Storage key of the runtime code (`:code`). */
const CODE_KEY = '0x3a636f6465';

/** A committed runtime fixture (`e2e/fixtures/<name>`). */
export function fixturePath(name) {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', name);
}

/** The runtime the build made (the one the node's own dev chain starts with): compacted and
 * compressed by release builds, as built by debug builds. */
export function currentWasmPath() {
  const dir = join(dirname(nodeBinaryPath()), 'wbuild', 'handles-runtime');
  const compressed = join(dir, 'handles_runtime.compact.compressed.wasm');
  return existsSync(compressed) ? compressed : join(dir, 'handles_runtime.wasm');
}

/** The dev chain spec with the runtime `wasmPath` as its genesis code; `remove()` deletes it. */
export function specWithRuntime(wasmPath) {
  const spec = JSON.parse(execFileSync(nodeBinaryPath(), ['export-chain-spec', '--chain', 'dev'], { maxBuffer: 64 << 20 }));
  const genesis = spec.genesis.runtimeGenesis;
  assert.ok(genesis?.code, 'the dev spec carries its runtime code');
  genesis.code = u8aToHex(readFileSync(wasmPath));
  const dir = tempDir('handles-upgrade-');
  const path = join(dir.path, 'previous-runtime.json');
  writeFileSync(path, JSON.stringify(spec));
  return { path, remove: dir.remove };
}

/**
 * The chain of a test file on the runtime `wasmPath`: {@link useChain} with `options` (and their
 * hooks), the dev chain started from {@link specWithRuntime}, whose spec is removed at the end.
 */
export function useChainOnRuntime(wasmPath, { teardown, ...options } = {}) {
  let spec;
  return useChain({
    ...options,
    prepare: () => {
      spec = specWithRuntime(wasmPath);
      return { extraArgs: ['--chain', spec.path] };
    },
    teardown: async (ctx) => {
      try {
        await teardown?.(ctx);
      } finally {
        spec?.remove();
      }
    },
  });
}

/**
 * Creates each of `bases`, in order, on the chain of `ctx` (`{ api, rpc, alice, bob }`): sudo first
 * narrows the suffix range to 1000..=1001, so that two bases can hold one suffix; each base is a new
 * MSA of a fresh owner, sponsored by Bob, with a block between claims so that an earlier base is the
 * older handle. `sameSuffixAs` maps a base to an earlier one whose suffix it takes (look-alikes to
 * be, apart on this runtime); the others take their first available suffix. Resolves to a Map
 * base -> `{ msaId, suffix, display, canonical, owner }`.
 */
export async function createHandles(ctx, bases, { sameSuffixAs = {} } = {}) {
  const { api, rpc } = ctx;
  assertOk(await sudo(api, ctx.alice, api.tx.handles.setHandleSettings(1000, 1001, 100)), 'two suffixes');
  const created = new Map();
  for (const base of bases) {
    const options = await rpc('handles_getSuffixOptions', [base]);
    const wanted = base in sameSuffixAs ? created.get(sameSuffixAs[base]).suffix : options.available[0];
    assert.ok(options.available.includes(wanted), `${base}: ${wanted} available in ${JSON.stringify(options)}`);
    const owner = freshPair();
    const payload = { baseHandle: base, suffix: wanted, expiration: (await bestNumber(api)) + 20 };
    const res = await submit(api, await signedCall(api, 'create', owner, payload), ctx.bob);
    assertOk(res, base);
    const msaId = findEvents(res, 'handles', 'MsaCreatedWithHandle')[0].data[0].toNumber();
    const info = await rpc('handles_getHandleForMsa', [msaId]);
    created.set(base, { msaId, suffix: wanted, display: `${base}.${wanted}`, canonical: info.canonical, owner: owner.address });
    await seal(api);
  }
  return created;
}

/**
 * Sudo `set_code` with the build's runtime, then blocks until `pallet-migrations` reports the
 * upgrade complete (at most 20). `onBlock(events)` sees each block's events. Waits until the API
 * follows the new runtime. Resolves to `{ upgradeBlock, migrationBlocks, weights }`, `weights`
 * the weight each block after `set_code` used (`system.blockWeight`: the migrations' steps count
 * as mandatory), one `{ normal, operational, mandatory }` of `{ refTime, proofSize }` per block.
 */
export async function upgradeToBuild(ctx, { onBlock = () => {} } = {}) {
  const { api, alice } = ctx;
  const before = api.runtimeVersion.specVersion.toNumber();
  const code = readFileSync(currentWasmPath());
  // The events of the block that sets the code are written by the previous runtime, but
  // @polkadot/api decodes them with the metadata of the block's state, the new runtime's; when
  // the two event layouts differ the Sudid event cannot be read. So success is read from the
  // state instead: `:code` of that block is the new runtime.
  const res = await submit(api, api.tx.sudo.sudo(api.tx.system.setCode(u8aToHex(code))), alice);
  const stored = await api.rpc.state.getStorageHash(CODE_KEY, res.blockHash);
  assert.equal(stored.toHex(), blake2AsHex(code, 256), 'set_code stored the new runtime');
  let migrationBlocks = 0;
  let completed = false;
  const weights = [];
  while (migrationBlocks < 20 && !completed) {
    const hash = await seal(api);
    migrationBlocks++;
    const events = await blockEvents(api, hash);
    const weight = (await (await api.at(hash)).query.system.blockWeight()).toJSON();
    weights.push(weight);
    console.log(`block after set_code #${migrationBlocks}: weight used ${JSON.stringify(weight)}`);
    onBlock(events);
    assert.equal(findEvents(events, 'multiBlockMigrations', 'UpgradeFailed').length, 0, 'migration failed');
    completed = findEvents(events, 'multiBlockMigrations', 'UpgradeCompleted').length > 0;
  }
  assert.ok(completed, 'the migrations completed within 20 blocks');
  // The API follows the upgrade (new metadata) before it builds calls of the new runtime.
  for (let i = 0; i < 100 && api.runtimeVersion.specVersion.toNumber() <= before; i++) {
    await sleep(100);
  }
  assert.ok(api.runtimeVersion.specVersion.toNumber() > before, 'the API follows the new runtime');
  return { upgradeBlock: res.blockNumber, migrationBlocks, weights };
}

/**
 * Sends `tx` signed by `signer` right after an upgrade, makes a block and resolves to the
 * inclusion result of `send` (`{ blockHash, blockNumber, events, error }`). The transaction pool
 * may still validate against a block of the previous runtime for a moment (the node compiles the
 * new one first) and refuse a transaction signed for the new spec version (1010): it retries, as
 * a wallet would.
 */
export async function sendAfterUpgrade(api, tx, signer) {
  for (let attempt = 1; ; attempt++) {
    try {
      const { included } = await send(api, tx, signer);
      await seal(api);
      return await included;
    } catch (err) {
      if (!String(err.message).startsWith('1010') || attempt === 20) throw err;
      await sleep(500);
    }
  }
}
