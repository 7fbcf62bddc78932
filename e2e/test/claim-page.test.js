// The claim page of handles-sponsor (sponsor/page) in headless Chromium, against the real
// handles-sponsor binary and a dev node with instant sealing (../lib/claim-page.js: a wallet
// extension is injected into the page whose signRaw signs in Node.js with a fresh sr25519 key that
// holds no tokens, exactly as the polkadot.js extension signs raw bytes). Checked: a claim
// from typing the name to the finalized panel (the chain holds the handle for that key, the sponsor
// paid), a refused name (the rule in words, no request, nothing to claim), a slow answer for an
// older input, a suffix taken behind the page's back (the sponsor's refusal), a look-up by a
// look-alike, a keyboard-only claim at phone width, and the page's hardening (its CSP and headers;
// no page reports a CSP violation). Screenshots go to test-output/claim-page/.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import { mnemonicGenerate } from '@polkadot/util-crypto';

import { formatDisplay, validate } from '@handles/client';

import { bestNumber, decodeDispatchResult, send, signedCall, theEvent } from '../lib/chain.js';
import { assertBrowserTools, CLAIM_TIMEOUT_MS, connect, DESKTOP, PHONE, signedText, suffixList, text, typeName, useClaimPage, visible } from '../lib/claim-page.js';
import { assertOk } from '../lib/testing.js';
// From the package's source: e2e/node_modules holds a copy of @handles/client made by npm ci.
import { explainRule } from '../../clients/js/src/messages.js';

// Instant sealing by default; CLAIM_PAGE_SEALING=3000 runs the page against the README's dev node
// (a block every 3 s) to time a claim as a person sees it.
const SEALING = process.env.CLAIM_PAGE_SEALING || 'instant';

/** `display` as a RegExp source. */
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** ASCII digits as fullwidth ones (`4821` -> `４８２１`). */
const fullwidth = (s) => s.replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));

test('the handles-sponsor binary and Chromium exist', () => {
  assertBrowserTools();
});

describe('the claim page of handles-sponsor in Chromium', { timeout: 900_000 }, () => {
  const cp = useClaimPage({ screenshots: 'claim-page', sealing: SEALING });
  const ctx = cp.ctx;
  let claimed = null; // { handle, msaId, owner } of the first claim

  const freeBalance = async (address) => (await ctx.api.query.system.account(address)).data.free.toBigInt();

  /** The options the chain offers for `base`, and the suffix the page should preselect. */
  async function chainOptions(base) {
    const options = await ctx.rpc('handles_getSuffixOptions', [base]);
    const preferred = options.available.find((s) => !options.expiring.includes(s)) ?? options.available[0];
    return { options, preferred };
  }

  /** Presses Tab until `#id` has the focus (at most `max` times). */
  async function tabTo(page, id, max = 25) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    }
    assert.fail(`#${id} was not reached with ${max} Tab presses`);
  }

  test('claim: name, canonical form, suffixes, wallet, signature, progress, finalized; the sponsor paid', async () => {
    const base = 'Marguerite';
    await cp.with(DESKTOP, async ({ page, owner, signs }) => {
      const { options, preferred } = await chainOptions(base);
      assert.ok(options.available.length > 0, JSON.stringify(options));
      await page.type('#base', base);
      const firstShown = await suffixList(page, base, { all: false });
      assert.ok(firstShown.length >= Math.min(8, options.available.length), 'the first suffixes are listed at once');
      assert.deepEqual(firstShown.filter((o) => o.checked).map((o) => o.suffix), [preferred]);
      const list = await suffixList(page, base);
      assert.equal(await text(page, '#canonical'), options.canonical);
      assert.equal(await page.$eval('#rule-error', (el) => el.hidden), true);
      assert.deepEqual(list.map((o) => o.suffix), options.available, 'the radios are the available suffixes');
      assert.deepEqual(list.map((o) => o.label), options.available.map((s) => formatDisplay(base, s)));
      assert.deepEqual(list.filter((o) => o.expiring).map((o) => o.suffix), options.expiring);
      for (const o of list.filter((x) => x.expiring)) {
        assert.match(await text(page, `label[for="suffix-${o.suffix}"]`), new RegExp(`block ${options.nextRotation}\\b`));
      }
      assert.deepEqual(list.filter((o) => o.checked).map((o) => o.suffix), [preferred], 'the first non-expiring suffix is preselected');
      assert.equal(await page.$eval('#claim', (b) => b.disabled), true, 'nothing to claim without a wallet');

      await connect(page, owner);
      assert.equal(await page.$eval('#claim', (b) => b.disabled), false);
      await cp.shot(page, 'claim-options');

      const display = formatDisplay(base, preferred);
      const payloadResponse = page.waitForResponse((r) => r.url() === `${cp.sponsor.url}/api/payload`);
      const claimRequest = page.waitForRequest((r) => r.url() === `${cp.sponsor.url}/claims` && r.method() === 'POST');
      assert.equal(await freeBalance(owner.address), 0n, 'the owner holds no tokens');
      const clicked = Date.now();
      await page.click('#claim');

      const prepared = await (await payloadResponse).json();
      assert.deepEqual({ baseHandle: prepared.payload.baseHandle, suffix: prepared.payload.suffix }, { baseHandle: base, suffix: preferred });
      assert.equal(prepared.genesisHash, cp.genesisHash);
      const sent = JSON.parse((await claimRequest).postData());
      assert.equal(signs.length, 1, 'one signature asked');
      // The wallet is asked for the readable text (SPEC "Signed payloads (v3)"), the node's.
      const expected = signedText(display, cp.genesisHash, prepared.payload.expiration);
      assert.equal(prepared.message, expected);
      assert.deepEqual(Object.keys(signs[0]).sort(), ['address', 'data', 'type']);
      assert.deepEqual([signs[0].address, signs[0].type], [owner.address, 'bytes']);
      assert.equal(Buffer.from(signs[0].data.slice(2), 'hex').toString('utf8'), expected, 'the bytes asked for are the text');
      assert.equal(await page.$eval('#sign-text', (el) => el.textContent), expected, 'the page showed the text it asked to sign');
      assert.equal(await page.$eval('#sign-panel', (el) => el.hidden), false);
      assert.equal(sent.owner, owner.address);
      assert.deepEqual(sent.payload, prepared.payload, 'the payload goes back exactly as received');
      assert.match(sent.signature, /^0x01[0-9a-f]{128}$/, 'the sr25519 signature as the wallet returned it');

      await visible(page, '#result', CLAIM_TIMEOUT_MS);
      console.log(`click to finalized handle on the page: ${Date.now() - clicked} ms (sealing ${SEALING})`);
      // The node's text (asked once the chain has a block: at block 0 the runtime does not know
      // the genesis hash yet).
      assert.equal(signs[0].data, (await ctx.rpc('handles_signingMessage', ['create', prepared.payload])).bytes);
      assert.equal(await page.$eval('#progress', (el) => el.dataset.status), 'finalized');
      const handle = await text(page, '#result-handle');
      const msaId = Number(await text(page, '#result-msa'));
      assert.equal(handle, display);
      const onChain = await ctx.rpc('handles_getMsaForHandle', [handle]);
      assert.deepEqual(onChain, { msaId, owner: owner.address, handle });
      assert.equal(await freeBalance(owner.address), 0n, 'the sponsor paid the fee');
      claimed = onChain;
      // The list follows the chain: the claimed suffix is no longer offered.
      await page.waitForSelector(`#suffixes input[value="${preferred}"]`, { hidden: true, timeout: 10_000 });
      await cp.shot(page, 'claim-finalized');
    });
  });

  test('refused names: the rule broken offline, in words (no request), the chain reserved list; nothing to claim', async () => {
    await cp.with(DESKTOP, async ({ page, owner }) => {
      const optionRequests = [];
      page.on('request', (r) => {
        if (r.url().includes('/api/options')) optionRequests.push(r.url());
      });
      await connect(page, owner);
      for (const base of ['a b', 'a', 'admin']) {
        await typeName(page, base);
        const refused = (await ctx.rpc('handles_validateHandle', [base])).error;
        assert.ok(refused, `the chain refuses ${JSON.stringify(base)}`);
        // The rule explained for a person (the package's message table), not the crate's sentence.
        const expected = explainRule(base, validate(base).rule, 'en');
        assert.notEqual(expected, refused);
        await page.waitForFunction((m) => document.querySelector('#rule-error').textContent === m, { timeout: 10_000 }, expected);
        assert.equal(await page.$eval('#base', (el) => el.getAttribute('aria-invalid')), 'true');
        assert.equal(await page.$eval('#canonical-line', (el) => el.hidden), true);
        assert.equal((await page.$$('#suffixes input')).length, 0, 'no suffix list');
        assert.equal(await page.$eval('#claim', (b) => b.disabled), true, 'claim disabled');
        if (base === 'a b') await cp.shot(page, 'refused-handle');
      }
      await sleep(400);
      assert.deepEqual(optionRequests, [], 'the Wasm rules refuse them without asking the sponsor');

      // Reserved on this chain only (the offline rules know the default list): the sponsor refuses.
      const added = await send(ctx.api, ctx.api.tx.sudo.sudo(ctx.api.tx.handles.addReservedHandle('Sponsorpage')), ctx.alice, { finalized: true });
      const res = await added.included;
      assertOk(res);
      assert.equal(decodeDispatchResult(ctx.api, theEvent(res, 'sudo', 'Sudid').data[0]), null);
      await typeName(page, 'SponsorPage');
      assert.equal(validate('SponsorPage').valid, true, 'the offline rules do not know it');
      const reserved = explainRule('SponsorPage', 'Reserved', 'en');
      await page.waitForFunction((m) => document.querySelector('#rule-error').textContent === m, { timeout: 10_000 }, reserved);
      assert.equal((await page.$$('#suffixes input')).length, 0);
      assert.equal(await page.$eval('#claim', (b) => b.disabled), true);
      await cp.shot(page, 'refused-reserved');
    });
  });

  test('a slow answer for an older input does not replace the newer one', async () => {
    await cp.with(DESKTOP, async ({ page }) => {
      await page.setRequestInterception(true);
      page.on('request', async (r) => {
        if (r.url() === `${cp.sponsor.url}/api/options?base=Violett`) await sleep(1500);
        try {
          await r.continue();
        } catch {
          // cancelled by the page meanwhile
        }
      });
      await page.type('#base', 'Violett');
      await sleep(400); // past the debounce: the request for "Violett" is on its way
      await page.keyboard.type('e'); // the focus is still in #base
      const list = await suffixList(page, 'Violette');
      await sleep(1800); // the answer for "Violett" would have come by now
      assert.equal(await page.$eval('#suffixes', (el) => el.dataset.base), 'Violette');
      const labels = await page.$$eval('#suffixes .display', (els) => els.map((e) => e.textContent));
      assert.deepEqual(labels, list.map((o) => o.label));
      assert.ok(labels.every((l) => l.startsWith('Violette.')), labels.join(', '));
    });
  });

  test('a suffix taken after the options were shown: the sponsor refuses it, the page says so', async () => {
    const base = 'Tournesol';
    await cp.with(PHONE, async ({ page, owner }) => {
      await page.type('#base', base);
      const list = await suffixList(page, base, { all: false });
      const chosen = list.find((o) => o.checked).suffix;
      await connect(page, owner);
      const display = formatDisplay(base, chosen);

      // Another owner claims it on chain, //Alice paying.
      const other = ctx.keyring.addFromMnemonic(mnemonicGenerate());
      const payload = { baseHandle: base, suffix: chosen, expiration: (await bestNumber(ctx.api)) + 50 };
      const { included } = await send(ctx.api, await signedCall(ctx.api, 'create', other, payload), ctx.alice, { finalized: true });
      assertOk(await included);
      assert.equal((await ctx.rpc('handles_getMsaForHandle', [display])).owner, other.address);

      await page.click('#claim');
      await visible(page, '#claim-error', 60_000);
      assert.match(await text(page, '#claim-error'), new RegExp(`${escapeRe(display)} is not available`));
      assert.equal(await page.$eval('#result', (el) => el.hidden), true);
      // The page reloads the options: the taken suffix is gone, the refusal stays.
      await page.waitForSelector(`#suffixes input[value="${chosen}"]`, { hidden: true, timeout: 10_000 });
      assert.match(await text(page, '#claim-error'), /is not available/);
      assert.equal((await ctx.rpc('handles_getMsaForHandle', [display])).owner, other.address);
      await cp.shot(page, 'taken-suffix');
    });
  });

  test('look up: a look-alike (other case, fullwidth digits) finds the claimed handle; unknown and malformed ones', async () => {
    assert.ok(claimed, 'needs the claim of the first test');
    await cp.with(DESKTOP, async ({ page }) => {
      await page.click('#tab-lookup');
      await page.waitForSelector('#view-lookup:not([hidden])');
      const [base, suffix] = claimed.handle.split('.');
      const lookalike = `${base.toUpperCase()}.${fullwidth(suffix)}`;
      assert.deepEqual(await ctx.rpc('handles_getMsaForHandle', [lookalike]), claimed);
      await page.type('#lookup-input', lookalike);
      await page.keyboard.press('Enter');
      await visible(page, '#lookup-result');
      assert.equal(await text(page, '#lookup-handle'), claimed.handle);
      assert.equal(await text(page, '#lookup-owner'), claimed.owner);
      assert.equal(Number(await text(page, '#lookup-msa')), claimed.msaId);
      await cp.shot(page, 'lookup-result');

      await page.click('#lookup-input', { clickCount: 3 });
      await page.type('#lookup-input', `${base}.${suffix === '1000' ? '1001' : '1000'}`);
      await page.click('#lookup-go');
      await page.waitForFunction(() => document.querySelector('#lookup-status').textContent === 'No MSA holds this handle.', { timeout: 10_000 });
      assert.equal(await page.$eval('#lookup-result', (el) => el.hidden), true);

      await page.click('#lookup-input', { clickCount: 3 });
      await page.type('#lookup-input', 'Ali.ce.12');
      await page.click('#lookup-go');
      await visible(page, '#lookup-error', 10_000);
      assert.ok((await text(page, '#lookup-error')).length > 0);
      assert.equal(await page.$eval('#lookup-result', (el) => el.hidden), true);
    });
  });

  test('hardened: the page comes with its CSP and headers, loads its rules under it, and a violation would be seen', async () => {
    const { page, headers, errors, violations, close } = await cp.open(DESKTOP);
    try {
      assert.equal(headers['x-content-type-options'], 'nosniff');
      assert.equal(headers['referrer-policy'], 'no-referrer');
      assert.equal(headers['x-frame-options'], 'DENY');
      const csp = headers['content-security-policy'];
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
      // The Wasm rules ran under it (the base input is enabled once they are loaded).
      await typeName(page, 'Hardened');
      assert.ok((await suffixList(page, 'Hardened', { all: false })).length > 0, 'the options came from the API');
      assert.deepEqual(violations, [], 'the page loads and checks a name without a violation');
      assert.deepEqual(errors, []);
      // The listener is live: an inline script is refused and reported.
      await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.e2eInline = 1';
        document.body.append(s);
      });
      await sleep(300);
      assert.equal(await page.evaluate(() => window.e2eInline), undefined, 'the inline script did not run');
      assert.ok(violations.some((v) => v.includes('script-src')), JSON.stringify(violations));
      violations.length = 0;
    } finally {
      await close();
    }
  });

  test('keyboard only, at phone width: Tab to every control, Enter claims', async () => {
    const base = 'Capucine';
    await cp.with(PHONE, async ({ page, owner }) => {
      await tabTo(page, 'base');
      await page.keyboard.type(base);
      const list = await suffixList(page, base, { all: false });
      assert.ok(list.length >= 2, 'two suffixes to move between');
      await page.keyboard.press('Tab'); // into the radio group, on the checked radio
      const first = await page.evaluate(() => document.activeElement.value);
      assert.equal(Number(first), list.find((o) => o.checked).suffix);
      await page.keyboard.press('ArrowDown'); // the next radio, checked
      const chosen = Number(await page.evaluate(() => document.activeElement.value));
      assert.notEqual(chosen, Number(first));
      assert.equal(await page.$eval(`#suffix-${chosen}`, (i) => i.checked), true);
      await tabTo(page, 'connect', 3); // past "Show all" 
      assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none', 'focus is visible');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#account option', { timeout: 10_000 });
      await tabTo(page, 'account', 3);
      await tabTo(page, 'claim', 3);
      await cp.shot(page, 'phone-keyboard-ready');
      await page.keyboard.press('Enter');
      await visible(page, '#result', CLAIM_TIMEOUT_MS);
      const handle = await text(page, '#result-handle');
      assert.equal(handle, formatDisplay(base, chosen));
      const onChain = await ctx.rpc('handles_getMsaForHandle', [handle]);
      assert.equal(onChain.owner, owner.address);
      assert.equal(Number(await text(page, '#result-msa')), onChain.msaId);
      await cp.shot(page, 'phone-finalized');
    });
  });
});
