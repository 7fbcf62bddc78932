// Issue 5 point 4, CI size: runs `scripts/load.js` (the `npm run load` script) with LOAD_N=100
// against its own dev node and checks that no create was lost, duplicated, failed or late.
// The full 1,000-create run is `npm run load` (figures in the closing note).

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'load.js');
const N = Number(process.env.LOAD_TEST_N || 100);

test(`load: ${N} sponsored creates submitted at once, none lost or duplicated`, { timeout: 900_000 }, async () => {
  const child = spawn(process.execPath, [SCRIPT], {
    env: { ...process.env, LOAD_N: String(N) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => {
    stdout += c;
  });
  child.stderr.on('data', (c) => {
    stderr += c;
  });
  const timer = setTimeout(() => child.kill('SIGTERM'), 840_000);
  const code = await new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? s)));
  clearTimeout(timer);
  const line = stdout.trim().split('\n').pop();
  let summary;
  try {
    summary = JSON.parse(line);
  } catch {
    assert.fail(`no JSON summary (exit ${code})\n--- stderr ---\n${stderr.slice(-4000)}`);
  }
  console.log(`${JSON.stringify({ ...summary, failures: summary.failures.length })}`);
  assert.equal(summary.n, N);
  assert.deepEqual(summary.failures, []);
  assert.equal(summary.rejectedBySubmit, 0, 'the pool accepted every create');
  assert.equal(summary.missing, 0, 'every create was included');
  assert.equal(summary.duplicates, 0, 'no create was included twice');
  assert.equal(summary.extrinsicFailed, 0, 'no ExtrinsicFailed');
  assert.equal(summary.msaCreatedEvents, N, 'one MsaCreatedWithHandle per create');
  assert.equal(summary.ownersWithExactlyOneMsa, N, 'each owner has exactly one MSA');
  assert.equal(summary.ownerListMismatches, 0, 'handles_getHandlesForOwner lists the created handle');
  assert.equal(summary.msaIdMismatches, 0, 'MSA ids follow msa_id(canonical, suffix)');
  assert.equal(summary.includedAfterExpiration, 0, 'all included before their payloads expired');
  assert.ok(summary.lastBlock <= summary.minExpiration, `last block ${summary.lastBlock} <= ${summary.minExpiration}`);
  assert.ok(summary.blocksUsed >= 1);
  assert.equal(summary.createsPerBlock.perBlock.reduce((a, b) => a + b, 0), N);
  assert.ok(summary.peakMemoryMiB > 0, 'peak memory read from /proc');
  assert.equal(summary.ok, true);
  assert.equal(code, 0, `load.js exit code\n${stderr.slice(-2000)}`);
});
