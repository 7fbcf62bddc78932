// The claim page of handles-sponsor in headless Chromium, as the page tests share it: a dev node
// with instant sealing, the handles-sponsor binary serving the page, one browser, and pages opened
// with a wallet extension injected (`window.injectedWeb3['e2e-signer']`) whose signRaw signs in
// Node.js with a fresh sr25519 key that holds no tokens, exactly as the polkadot.js extension signs
// raw bytes. Screenshots go to e2e/test-output/<dir>/ (ignored by git).

import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { mnemonicGenerate } from '@polkadot/util-crypto';
import puppeteer from 'puppeteer-core';

import { walletSign } from './chain.js';
import { chromiumPath, tempDir } from './node.js';
import { sponsorBinaryPath, startSponsor } from './sponsor.js';
import { useChain } from './testing.js';

export const SPONSOR = sponsorBinaryPath();
export const CHROMIUM = chromiumPath();
export const DESKTOP = { width: 1024, height: 900 };
export const PHONE = { width: 390, height: 844 };
export const CLAIM_TIMEOUT_MS = 120_000;

/** Where the screenshots of `dir` go: e2e/test-output/<dir>/. */
export const outputDir = (dir) => join(dirname(fileURLToPath(import.meta.url)), '..', 'test-output', dir);

/** Fails with how to get them when the sponsor binary or Chromium is missing. */
export function assertBrowserTools() {
  assert.ok(existsSync(SPONSOR), `the handles-sponsor binary is missing at ${SPONSOR}: build it with bash scripts/build`);
  assert.ok(existsSync(CHROMIUM), `Chromium is missing at ${CHROMIUM}: run bash scripts/setup, or set CHROMIUM to its path`);
}

/**
 * The page tests' fixture, for a `describe` block: registers the before/after hooks of a dev node
 * (`sealing`), the sponsor (paying with //Dave, a database of its own) and Chromium, and returns
 * `page`, whose fields are filled before the tests run: `ctx` (the chain, as `useChain` gives it),
 * `sponsor` (`{ url }`), `genesisHash`, `out` (the screenshot directory), and the helpers below.
 */
export function useClaimPage({ screenshots, sealing = 'instant' }) {
  const out = outputDir(screenshots);
  let db;
  let browser;
  const page = { out, sponsor: null, genesisHash: null };
  const ctx = useChain({
    sealing,
    timeout: 300_000,
    prepare: () => {
      assertBrowserTools();
      mkdirSync(out, { recursive: true });
    },
    setup: async () => {
      page.genesisHash = ctx.api.genesisHash.toHex();
      db = tempDir('handles-sponsor-e2e-');
      page.sponsor = await startSponsor({ url: ctx.node.wsUrl, key: '//Dave', db: join(db.path, 'sponsor.sqlite') });
      browser = await puppeteer.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
      });
    },
    teardown: async () => {
      await browser?.close().catch(() => {});
      await page.sponsor?.stop();
      db?.remove();
    },
  });
  page.ctx = ctx;

  /**
   * A new page (own browser context, so its own localStorage) on the sponsor with the injected
   * wallet of a fresh key; `languages` (best first) stand for the browser's languages
   * (navigator.languages, navigator.language and Accept-Language). Resolves to `{ page, owner,
   * signs, errors, violations, headers, close() }`: `signs` records every signRaw request, `errors`
   * the page's uncaught exceptions, `violations` every Content-Security-Policy violation the page
   * reported (its `securitypolicyviolation` events and console errors), `headers` the page's
   * response headers.
   */
  page.open = async (viewport = DESKTOP, { languages = null } = {}) => {
    const context = await browser.createBrowserContext();
    const tab = await context.newPage();
    await tab.setViewport(viewport);
    const owner = ctx.keyring.addFromMnemonic(mnemonicGenerate());
    const signs = [];
    const errors = [];
    const violations = [];
    tab.on('pageerror', (err) => errors.push(err.message));
    tab.on('console', (message) => {
      if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    await tab.exposeFunction('e2eCspViolation', (v) => violations.push(v));
    await tab.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        window.e2eCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
      );
    });
    await tab.exposeFunction('e2eSignRaw', (raw) => {
      signs.push(raw);
      assert.equal(raw.address, owner.address, 'signRaw is asked for the injected account');
      // What the polkadot.js extension does for { type: 'bytes' }: sign the <Bytes>-wrapped data.
      return { id: signs.length, signature: walletSign(owner, raw.data) };
    });
    if (languages) {
      await tab.setExtraHTTPHeaders({ 'accept-language': languages.join(',') });
      await tab.evaluateOnNewDocument((list) => {
        Object.defineProperty(navigator, 'languages', { get: () => list });
        Object.defineProperty(navigator, 'language', { get: () => list[0] });
      }, languages);
    }
    await tab.evaluateOnNewDocument(
      (account) => {
        window.injectedWeb3 = window.injectedWeb3 || {};
        window.injectedWeb3['e2e-signer'] = {
          version: '0.0.1',
          enable: async (originName) => {
            window.e2eEnabledBy = originName;
            return {
              accounts: { get: async () => [account] },
              signer: { signRaw: (raw) => window.e2eSignRaw(raw) },
            };
          },
        };
      },
      { address: owner.address, name: 'E2E tester', type: 'sr25519' },
    );
    const response = await tab.goto(`${page.sponsor.url}/`, { waitUntil: 'load' });
    // The Wasm rules are loaded once the base input is enabled.
    await tab.waitForSelector('#base:not([disabled])', { timeout: 30_000 });
    return { page: tab, owner, signs, errors, violations, headers: response.headers(), close: () => context.close() };
  };

  /**
   * Runs `fn({ page, owner, signs })` on a new page ({@link page.open} with `viewport` and
   * `options`), which must throw no uncaught exception and report no Content-Security-Policy
   * violation meanwhile, and closes the page.
   */
  page.with = async (viewport, fn, options) => {
    const { errors, violations, close, ...opened } = await page.open(viewport, options);
    try {
      await fn(opened);
      assert.deepEqual(errors, []);
      assert.deepEqual(violations, [], 'no Content-Security-Policy violation');
    } finally {
      await close();
    }
  };

  /** A full-page screenshot, `<out>/<name>.png`. */
  page.shot = (tab, name) =>
    // captureBeyondViewport: false: Chromium otherwise keeps a scroll offset after a full-page
    // capture, and later clicks land beside their target.
    tab.screenshot({ path: join(out, `${name}.png`), fullPage: true, captureBeyondViewport: false });

  return page;
}

/** The trimmed text of the first element `selector` matches. */
export const text = (tab, selector) => tab.$eval(selector, (el) => el.textContent.trim());

/** Waits until `selector` matches an element that is not [hidden]. */
export const visible = (tab, selector, timeout = 30_000) => tab.waitForSelector(`${selector}:not([hidden])`, { timeout });

/** Empties the name field and types `base` in it. */
export async function typeName(tab, base) {
  await tab.click('#base', { clickCount: 3 });
  await tab.keyboard.press('Backspace');
  await tab.type('#base', base);
}

/**
 * Waits until the page lists the suffixes of `base`; resolves to `[{ suffix, label, expiring,
 * checked }]`, of every suffix (after "Show all" when the page shows only the first ones) unless
 * `all` is false.
 */
export async function suffixList(tab, base, { all = true } = {}) {
  await tab.waitForFunction(
    (b) => {
      const list = document.querySelector('#suffixes');
      const status = document.querySelector('#options-status');
      return list.dataset.base === b && !list.classList.contains('stale') && status.dataset.i18n !== 'numbers.looking';
    },
    { timeout: 30_000 },
    base,
  );
  if (all && (await tab.$('#suffixes-more:not([hidden])'))) {
    const before = (await tab.$$('#suffixes input')).length;
    await tab.click('#suffixes-more');
    await tab.waitForFunction((n) => document.querySelectorAll('#suffixes input').length > n, { timeout: 5_000 }, before);
  }
  return tab.$$eval('#suffixes input[name="suffix"]', (inputs) =>
    inputs.map((i) => ({
      suffix: Number(i.value),
      label: i.closest('label').querySelector('.display').textContent,
      expiring: i.closest('label').classList.contains('expiring'),
      checked: i.checked,
    })),
  );
}

/** Connects the injected wallet; its one account, `owner`'s, is chosen. */
export async function connect(tab, owner) {
  await tab.click('#connect');
  await tab.waitForSelector('#account option', { timeout: 10_000 });
  assert.equal(await tab.$eval('#account', (s) => s.value), owner.address);
  assert.equal(await tab.evaluate(() => window.e2eEnabledBy), 'Handles claim page');
}
