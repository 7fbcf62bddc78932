// The proof of work of the claim page (sponsor/page/work.js, work-worker.js) against the real
// handles-sponsor binary started with --work-bits. Checked: the worker's SHA-256 is SHA-256 and its
// search finds the first nonce; what one proof costs in headless Chromium at the README's launch
// value, with and without CDP CPU throttling (4x and 6x: a phone-class CPU), the pure-JS hash
// against one crypto.subtle.digest call per attempt (no node needed for these); and a claim on a
// sponsor that asks a proof: the page shows the progress line, sends X-Handles-Work solved for its
// signature, and the claim is finalized. Screenshots go to test-output/claim-page-work/.
//   WORK_MEASURE=1 node --test test/claim-page-work.test.js                # with the measurement
//   WORK_MEASURE=1 WORK_RUNS=20 node --test test/claim-page-work.test.js   # more runs per measurement

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import puppeteer from 'puppeteer-core';

import { search, sha256Words } from '../../sponsor/page/work-worker.js';
import { assertBrowserTools, CHROMIUM, CLAIM_TIMEOUT_MS, connect, DESKTOP, suffixList, useClaimPage, visible } from '../lib/claim-page.js';
import { tempDir } from '../lib/node.js';
import { startSponsor } from '../lib/sponsor.js';

/** The README's launch value of --work-bits ("Running it in public"). */
const LAUNCH_BITS = 18;
/** Bits of the claim below: enough that the progress line shows for a moment. */
const CLAIM_BITS = 20;
const RUNS = Number(process.env.WORK_RUNS || 8);

const hex = (words) => Array.from(words, (x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
const zeroBits = (digest) => {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) bits += 8;
    else return bits + Math.clz32(byte) - 24;
  }
  return bits;
};

test('the worker hashes SHA-256 and finds the first nonce whose hash has the zero bits', () => {
  for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 183, 1000]) {
    const bytes = new Uint8Array(length).map((_, i) => (i * 7 + 3) & 0xff);
    assert.equal(hex(sha256Words(bytes)), createHash('sha256').update(bytes).digest('hex'), `${length} bytes`);
  }
  // Prefixes whose nonce ends in the first block of the tail, crosses into the second, or fills it.
  for (const length of [0, 40, 54, 55, 56, 63, 64, 180, 185]) {
    const prefix = 'x'.repeat(length);
    const { nonce, attempts } = search(prefix, 10);
    assert.ok(zeroBits(createHash('sha256').update(prefix + nonce).digest()) >= 10, `prefix of ${length}`);
    assert.equal(attempts, Number(nonce) + 1);
    for (let n = 0; n < Number(nonce); n++) {
      assert.ok(zeroBits(createHash('sha256').update(prefix + n).digest()) < 10, `${n} would have solved it`);
    }
  }
});

// A measurement, not a check of the code: its timings depend on the machine and on what else runs
// (the suite runs two files at once), so it runs only when asked and reports figures for the
// sponsor README; the search's correctness is checked above, the page's use of it below.
const MEASURE = process.env.WORK_MEASURE === '1';
describe('what a proof costs in Chromium', { timeout: 600_000, skip: !MEASURE && 'a measurement: WORK_MEASURE=1 runs it' }, () => {
  let sponsor;
  let browser;
  let db;

  test('the sponsor and Chromium start (no node: /api/work needs none)', async () => {
    assertBrowserTools();
    db = tempDir('handles-sponsor-work-');
    sponsor = await startSponsor({ url: 'ws://127.0.0.1:1', db: join(db.path, 'sponsor.sqlite'), args: ['--work-bits', String(LAUNCH_BITS)], readyStatus: 503 });
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
  });

  test(`time to solve ${LAUNCH_BITS} bits in the page's worker, throttled 1x, 4x, 6x; the worker beats crypto.subtle`, async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${sponsor.url}/`, { waitUntil: 'load' });
      const cdp = await page.createCDPSession();
      const results = {};
      for (const rate of [1, 4, 6]) {
        await cdp.send('Emulation.setCPUThrottlingRate', { rate });
        results[rate] = await page.evaluate(
          async (runs) => {
            const { solve } = await import('/work.js');
            const { search } = await import('/work-worker.js');
            const worker = [];
            const main = [];
            for (let i = 0; i < runs; i++) {
              const res = await fetch('/api/work');
              const { challenge, bits } = await res.json();
              // An sr25519 signature as a wallet gives it: 0x, 01, 64 random bytes.
              const sig = `0x01${Array.from(crypto.getRandomValues(new Uint8Array(64)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
              const solved = await solve(`${challenge}:${sig}:`, bits);
              worker.push({ ms: solved.ms, attempts: solved.attempts });
              // The same search on the page's own thread (where CDP throttling surely applies).
              const t0 = performance.now();
              const again = search(`${challenge}:${sig}:`, bits);
              main.push({ ms: performance.now() - t0, attempts: again.attempts });
            }
            const mean = (xs, f) => xs.reduce((s, x) => s + f(x), 0) / xs.length;
            const rate = (xs) => mean(xs, (x) => x.attempts) / mean(xs, (x) => x.ms) * 1000;
            return {
              bits: (await (await fetch('/api/work')).json()).bits,
              workerMs: mean(worker, (x) => x.ms),
              workerRate: rate(worker),
              mainMs: mean(main, (x) => x.ms),
              mainRate: rate(main),
            };
          },
          RUNS,
        );
      }
      // One crypto.subtle.digest call per attempt, as the alternative to the hand-written hash.
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      const subtle = await page.evaluate(async () => {
        const prefix = `1800000000.16.${'ab'.repeat(16)}:0x01${'cd'.repeat(64)}:`;
        const enc = new TextEncoder();
        const n = 100_000;
        const t0 = performance.now();
        for (let i = 0; i < n; i++) await crypto.subtle.digest('SHA-256', enc.encode(prefix + i));
        return (n / (performance.now() - t0)) * 1000;
      });
      const expected = 2 ** LAUNCH_BITS;
      for (const rate of [1, 4, 6]) {
        const r = results[rate];
        console.log(
          `${LAUNCH_BITS} bits, CPU ${rate}x: worker ${r.workerMs.toFixed(0)} ms per proof (${(r.workerRate / 1e6).toFixed(2)} M hashes/s; ` +
            `${((expected / r.workerRate) * 1000).toFixed(0)} ms expected), page thread ${r.mainMs.toFixed(0)} ms (${(r.mainRate / 1e6).toFixed(2)} M/s); ${RUNS} runs`,
        );
      }
      console.log(`crypto.subtle.digest, one call per attempt: ${(subtle / 1e6).toFixed(3)} M hashes/s`);
      assert.equal(results[1].bits, LAUNCH_BITS, 'the sponsor asks --work-bits with an empty queue');
      assert.ok(results[1].workerRate > subtle, 'the worker hashes faster than one digest call per attempt');
      // The README's target: a proof at the launch value takes under 2 s on average at 4x (expected
      // attempts over the measured rate, so the luck of few runs does not decide it).
      const slowest = Math.min(results[4].workerRate, results[4].mainRate);
      assert.ok((expected / slowest) * 1000 < 2000, `${((expected / slowest) * 1000).toFixed(0)} ms at 4x`);
    } finally {
      await page.close();
    }
  });

  test('stop', async () => {
    await browser?.close();
    await sponsor?.stop();
    db?.remove();
  });
});

describe(`a claim on a sponsor that asks ${CLAIM_BITS} bits of work`, { timeout: 900_000 }, () => {
  const cp = useClaimPage({ screenshots: 'claim-page-work', sponsorArgs: ['--work-bits', String(CLAIM_BITS)] });

  test('the page proves its work with a progress line, sends it for its signature, and the claim is finalized', async () => {
    await cp.with(DESKTOP, async ({ page, owner }) => {
      const base = 'Gwendolyn';
      // Every text of the claim's status line, as it changes.
      await page.evaluate(() => {
        window.e2eSummaries = [];
        const summary = document.querySelector('#claim-summary');
        new MutationObserver(() => window.e2eSummaries.push(summary.textContent)).observe(summary, { childList: true, subtree: true, characterData: true });
      });
      await page.type('#base', base);
      await suffixList(page, base, { all: false });
      await connect(page, owner);
      const claimRequest = page.waitForRequest((r) => r.url() === `${cp.sponsor.url}/claims` && r.method() === 'POST');
      await page.click('#claim');
      await page.waitForFunction(() => /Proving this is a person’s device… \d+ %/.test(document.querySelector('#claim-summary').textContent), { timeout: 60_000, polling: 'mutation' });
      // A share of the work done, for the screenshot (a lucky search may be over first).
      await page.waitForFunction(() => /[1-9]\d* %/.test(document.querySelector('#claim-summary').textContent), { timeout: 5_000, polling: 'mutation' }).catch(() => {});
      await cp.shot(page, 'claim-proving');
      const request = await claimRequest;
      await visible(page, '#result', CLAIM_TIMEOUT_MS);
      await cp.shot(page, 'claim-finalized-with-work');

      const summaries = await page.evaluate(() => window.e2eSummaries);
      const proving = summaries.filter((s) => /^Proving this is a person’s device… \d+ %$/.test(s));
      assert.ok(proving.length >= 1, JSON.stringify(summaries));
      assert.equal(proving[0], 'Proving this is a person’s device… 0 %', 'the line shows from the start');
      const sending = summaries.indexOf('Sending the claim…');
      assert.ok(sending > summaries.indexOf(proving.at(-1)), 'the claim is sent after the proof');
      // The header: a challenge of the bits asked, solved for this claim's signature.
      const proof = request.headers()['x-handles-work'];
      const match = /^(\d+\.(\d+)\.[0-9a-f]{32}):(\d+)$/.exec(proof ?? '');
      assert.ok(match, `X-Handles-Work: ${proof}`);
      assert.equal(Number(match[2]), CLAIM_BITS);
      const { signature } = JSON.parse(request.postData());
      const digest = createHash('sha256').update(`${match[1]}:${signature.toLowerCase()}:${match[3]}`).digest();
      assert.ok(zeroBits(digest) >= CLAIM_BITS, 'the proof solves the challenge for the signature sent');
      const handle = (await page.$eval('#result-handle', (el) => el.textContent)).trim();
      assert.deepEqual((await cp.ctx.rpc('handles_getMsaForHandle', [handle]))?.owner, owner.address);
    });
  });

  test('without the proof the same sponsor refuses a claim, before anything else (428 WorkRequired)', async () => {
    const res = await cp.sponsor.post('/claims', { owner: 'x', signature: '0x01', payload: { baseHandle: 'a', suffix: 1, expiration: 9 } });
    assert.equal(res.status, 428);
    assert.equal(res.body.error, 'WorkRequired');
  });
});
