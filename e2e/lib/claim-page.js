// The claim page of handles-sponsor in headless Chromium, as the page tests share it: a dev node
// with instant sealing, the handles-sponsor binary serving the page, one browser, and pages opened
// with a wallet injected that signs in Node.js with a fresh key holding no tokens: by default a
// polkadot.js-interface extension (`window.injectedWeb3['e2e-signer']`) whose signRaw signs with an
// sr25519 key exactly as the polkadot.js extension signs raw bytes; with `wallet: 'ethereum'` an
// EIP-1193 provider (`window.ethereum`) whose personal_sign signs with an Ethereum key exactly as
// MetaMask does (EIP-191, v 27 or 28). Screenshots go to e2e/test-output/<dir>/ (ignored by git).

import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Keyring } from '@polkadot/keyring';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { encodeAddress, mnemonicGenerate } from '@polkadot/util-crypto';
import puppeteer from 'puppeteer-core';

import { eip191, ethereumAccount } from '@handles/client';

import { SS58_PREFIX, walletSign } from './chain.js';
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
 * (`sealing`), the sponsor (paying with //Dave, a database of its own, `sponsorArgs` added to its
 * command line) and Chromium, and returns
 * `page`, whose fields are filled before the tests run: `ctx` (the chain, as `useChain` gives it),
 * `sponsor` (`{ url }`), `genesisHash`, `out` (the screenshot directory), and the helpers below.
 */
export function useClaimPage({ screenshots, sealing = 'instant', sponsorArgs = [] }) {
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
      page.sponsor = await startSponsor({ url: ctx.node.wsUrl, key: '//Dave', db: join(db.path, 'sponsor.sqlite'), args: sponsorArgs });
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
   * wallet of a fresh key (`wallet`: 'polkadot', the default, or 'ethereum'); `languages` (best
   * first) stand for the browser's languages (navigator.languages, navigator.language and
   * Accept-Language); `prepare(tab)` runs before the page loads (request interception, say);
   * `beforeSign(tab)` runs when the wallet is asked to sign, before it answers (a screenshot of the
   * page while the wallet shows the text, say).
   * Resolves to `{ page, owner, signs, errors, violations, headers, close() }`: `owner` the key
   * (`kind`, `address` as the wallet lists it, `account` its SS58 account on the chain), `signs`
   * records every signRaw request (polkadot) or every personal_sign request's params (ethereum),
   * `errors` the page's uncaught exceptions, `violations` every Content-Security-Policy violation
   * the page reported (its `securitypolicyviolation` events and console errors), `headers` the
   * page's response headers.
   */
  page.open = async (viewport = DESKTOP, { languages = null, wallet = 'polkadot', prepare = null, beforeSign = null } = {}) => {
    const context = await browser.createBrowserContext();
    const tab = await context.newPage();
    await tab.setViewport(viewport);
    const owner = wallet === 'ethereum' ? ethereumOwner() : polkadotOwner(ctx.keyring);
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
    await tab.exposeFunction('e2eSignRaw', async (raw) => {
      signs.push(raw);
      await beforeSign?.(tab);
      assert.equal(raw.address, owner.address, 'signRaw is asked for the injected account');
      // What the polkadot.js extension does for { type: 'bytes' }: sign the <Bytes>-wrapped data.
      return { id: signs.length, signature: walletSign(owner.pair, raw.data) };
    });
    await tab.exposeFunction('e2eEthRequest', async ({ method, params }) => {
      if (method === 'eth_requestAccounts') return [owner.address];
      if (method !== 'personal_sign') throw new Error(`e2e wallet: no method ${method}`);
      signs.push(params);
      await beforeSign?.(tab);
      assert.equal(params[1], owner.address, 'personal_sign is asked for the injected account');
      // What MetaMask does: sign keccak-256 of the EIP-191 form of the data; v is 27 or 28.
      const signature = owner.pair.sign(eip191(hexToU8a(params[0])));
      signature[64] += 27;
      return u8aToHex(signature);
    });
    if (languages) {
      await tab.setExtraHTTPHeaders({ 'accept-language': languages.join(',') });
      await tab.evaluateOnNewDocument((list) => {
        Object.defineProperty(navigator, 'languages', { get: () => list });
        Object.defineProperty(navigator, 'language', { get: () => list[0] });
      }, languages);
    }
    if (owner.kind === 'ethereum') {
      await tab.evaluateOnNewDocument(() => {
        window.ethereum = { isMetaMask: true, request: (args) => window.e2eEthRequest(args) };
      });
    } else {
      await injectExtension(tab, owner);
    }
    await prepare?.(tab);
    const response = await tab.goto(`${page.sponsor.url}/`, { waitUntil: 'load' });
    // The Wasm rules are loaded once the base input is enabled.
    await tab.waitForSelector('#base:not([disabled])', { timeout: 30_000 });
    return { page: tab, owner, signs, errors, violations, headers: response.headers(), close: () => context.close() };
  };

  /** The polkadot.js-interface extension with `owner`'s one account. */
  const injectExtension = (tab, owner) =>
    tab.evaluateOnNewDocument(
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

/**
 * The text a claim of `display` signs on the chain `genesisHash` (SPEC "Signed payloads (v3)",
 * the dev chain's `HandlesChainName`), as the spec writes it out.
 */
export const signedText = (display, genesisHash, expiration) => `Handles: claim ${display}\nChain: Handles ${genesisHash}\nValid until block: ${expiration}`;

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

/** A fresh sr25519 key, as the polkadot.js extension holds it. */
function polkadotOwner(keyring) {
  const pair = keyring.addFromMnemonic(mnemonicGenerate());
  return { kind: 'polkadot', pair, address: pair.address, account: pair.address };
}

/**
 * A fresh Ethereum key, as MetaMask holds it: `address` its Ethereum address (what the wallet
 * lists), `account` its chain account (MultiSigner::Eth, SS58), which is not that address.
 */
function ethereumOwner() {
  const pair = new Keyring({ type: 'ethereum' }).addFromMnemonic(mnemonicGenerate());
  return { kind: 'ethereum', pair, address: pair.address, account: encodeAddress(ethereumAccount(pair.publicKey), SS58_PREFIX) };
}

/** Connects the injected wallet; its one account, `owner`'s, is chosen. */
export async function connect(tab, owner) {
  await tab.click('#connect');
  await tab.waitForSelector('#account option', { timeout: 10_000 });
  assert.equal(await tab.$eval('#account', (s) => s.value), owner.address);
  if (owner.kind !== 'ethereum') assert.equal(await tab.evaluate(() => window.e2eEnabledBy), 'Handles claim page');
}
