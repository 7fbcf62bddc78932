// The claim page in its four languages (sponsor/page/strings.js, i18n.js). Without a browser: every
// language has every text with the same placeholders and the plural forms its language needs, every
// error code the sponsor sends has a sentence, and the language is chosen as the README says. In
// headless Chromium, against a dev node and the handles-sponsor binary: each language loads from the
// browser's languages with its own texts and no English one, at 360 px wide with nothing
// overflowing; the switch changes every text at once and is remembered; a claim goes through in
// Arabic, laid out right to left. Screenshots go to test-output/claim-page-i18n/.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { formatDisplay } from '@handles/client';

import { CLAIM_TIMEOUT_MS, connect, DESKTOP, suffixList, text, typeName, useClaimPage, visible } from '../lib/claim-page.js';
import { pickLanguage } from '../../sponsor/page/i18n.js';
import { FALLBACK, LANGUAGES, STRINGS } from '../../sponsor/page/strings.js';

const ROOT = new URL('../../', import.meta.url);
const NARROW = { width: 360, height: 780 };
const OTHERS = Object.keys(LANGUAGES).filter((l) => l !== FALLBACK);
const EN = STRINGS[FALLBACK];

/** The placeholders of a text (of each of its plural forms), sorted. */
const placeholders = (value) =>
  [...new Set(Object.values(typeof value === 'string' ? { other: value } : value).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();

/** `key` of `lang` as the page shows it: plural form for `values.n`, placeholders filled. */
function expected(lang, key, values = {}) {
  let value = STRINGS[lang][key];
  if (typeof value !== 'string') value = value[new Intl.PluralRules(lang).select(values.n)] ?? value.other;
  return value.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));
}

/**
 * The English the page may not show in another language: every piece of every English text between
 * placeholders with four letters or more, as whole words.
 */
const ENGLISH_PIECES = [
  ...new Set(
    Object.values(EN)
      .flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)))
      .flatMap((s) => s.split(/\{\w+\}/))
      .map((s) => s.trim())
      .filter((s) => (s.match(/[A-Za-z]/g) ?? []).length >= 4),
  ),
];

describe('the page texts, without a browser', () => {
  test('every language has every text of the English table, and no other', () => {
    for (const lang of OTHERS) {
      assert.deepEqual(Object.keys(STRINGS[lang]).sort(), Object.keys(EN).sort(), `${lang}: the same keys as ${FALLBACK}`);
    }
  });

  test('every text has the placeholders of the English one, and the plural forms its language uses', () => {
    for (const lang of Object.keys(LANGUAGES)) {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const [key, value] of Object.entries(STRINGS[lang])) {
        assert.deepEqual(placeholders(value), placeholders(EN[key]), `${lang} ${key}: the placeholders of ${FALLBACK}`);
        assert.equal(typeof value, typeof EN[key], `${lang} ${key}: plural forms where ${FALLBACK} has them`);
        if (typeof value === 'string') {
          assert.ok(value.trim().length > 0, `${lang} ${key} is empty`);
          continue;
        }
        for (const category of categories) assert.ok(typeof value[category] === 'string', `${lang} ${key}: the plural form "${category}"`);
      }
    }
  });

  test('no text of another language is the English one (values and punctuation aside)', () => {
    for (const lang of OTHERS) {
      for (const [key, value] of Object.entries(STRINGS[lang])) {
        const words = JSON.stringify(value).replace(/\{\w+\}/g, '');
        if (!/[A-Za-z]{2}/.test(JSON.stringify(EN[key]).replace(/\{\w+\}/g, ''))) continue; // '{name} ({address})'
        assert.notEqual(words, JSON.stringify(EN[key]).replace(/\{\w+\}/g, ''), `${lang} ${key} is the English text`);
        for (const piece of ENGLISH_PIECES) {
          assert.ok(!words.includes(piece), `${lang} ${key} holds the English ${JSON.stringify(piece)}`);
        }
      }
    }
  });

  test('every error code the sponsor answers with has a sentence (InvalidHandle: the rule itself)', () => {
    const read = (p) => readFileSync(new URL(p, ROOT), 'utf8');
    // The codes the sponsor's README lists (its table of errors), and those the code writes.
    const readme = read('sponsor/README.md');
    const table = readme.slice(readme.indexOf('Every error is'), readme.indexOf('## What it guarantees'));
    const documented = [...table.matchAll(/`(\w+)`/g)].map((m) => m[1]).filter((c) => /^[A-Z]/.test(c));
    assert.ok(documented.length >= 15, documented.join(', '));
    const sources = read('sponsor/src/http/error.rs') + read('clients/rust/src/client/payloads.rs') + read('clients/rust/src/client/checks.rs');
    const written = [...sources.matchAll(/body\(\s*"(\w+)"|"error": "(\w+)"|error: "(\w+)"|would_fail\(\s*"(\w+)"/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
    const codes = new Set([...documented, ...written]);
    for (const code of ['Internal', 'NodeError', 'PayloadReplayed']) assert.ok(codes.has(code), `the scan finds ${code}`);
    codes.delete('InvalidHandle');
    for (const code of codes) assert.ok(Object.hasOwn(EN, `error.${code}`), `a sentence for the sponsor's ${code}`);
  });

  test('the language: the one chosen before, else the first of the browser languages the page has, else English', () => {
    assert.equal(pickLanguage(null, ['ar-EG', 'en-US']), 'ar');
    assert.equal(pickLanguage(null, ['fr-FR', 'es-MX', 'hi']), 'es');
    assert.equal(pickLanguage(null, ['HI-in']), 'hi');
    assert.equal(pickLanguage(null, ['fr', 'de']), 'en');
    assert.equal(pickLanguage(null, []), 'en');
    assert.equal(pickLanguage('hi', ['ar', 'es']), 'hi');
    assert.equal(pickLanguage('xx', ['es-419']), 'es');
  });
});

describe('the claim page in each language, in Chromium', { timeout: 900_000 }, () => {
  const cp = useClaimPage({ screenshots: 'claim-page-i18n' });
  const ctx = cp.ctx;

  /**
   * The English pieces (see ENGLISH_PIECES) the page shows: in visible text nodes (screen-reader-only
   * ones included), the title and aria-labels; text marked as another language (the switch's
   * language names) aside.
   */
  const englishShown = (page) =>
    page.evaluate((pieces) => {
      const root = document.documentElement;
      const found = [];
      const wholeWord = (text, piece) => new RegExp(`(^|[^\\p{L}])${piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(text);
      const check = (where, value) => {
        for (const piece of pieces) if (wholeWord(value, piece)) found.push(`${where}: ${JSON.stringify(value)} holds ${JSON.stringify(piece)}`);
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (el.closest('noscript, script, style')) continue;
        if (el.closest('[lang]').lang !== root.lang) continue;
        if (!el.checkVisibility() && !el.closest('.sr-only')) continue;
        check(el.id || el.tagName, node.data);
      }
      check('title', document.title);
      for (const el of document.querySelectorAll('[aria-label]')) check(`aria-label of ${el.id || el.tagName}`, el.getAttribute('aria-label'));
      return found;
    }, ENGLISH_PIECES);

  /**
   * What sticks out of the window: the document wider than it, and every visible element whose box
   * reaches past either edge.
   */
  const overflow = (page) =>
    page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const out = [];
      for (const el of document.querySelectorAll('body *')) {
        if (!el.checkVisibility() || el.closest('.sr-only')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < -0.5 || r.right > width + 0.5) out.push(`${el.tagName}#${el.id}.${el.className} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
      }
      return { width, scrollWidth: document.documentElement.scrollWidth, out };
    });

  const assertFits = async (page, what) => {
    const { width, scrollWidth, out } = await overflow(page);
    assert.ok(width <= NARROW.width, `${what}: the window is ${NARROW.width} px wide`);
    assert.ok(scrollWidth <= NARROW.width, `${what}: the page is ${scrollWidth} px wide`);
    assert.deepEqual(out, [], `${what}: elements past the window's edges`);
  };

  /** Texts of index.html and of the steps, shown in `lang`. */
  async function assertTexts(page, lang) {
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    assert.equal(await page.evaluate(() => document.documentElement.dir), LANGUAGES[lang].dir);
    assert.equal(await page.title(), expected(lang, 'page.title'));
    assert.equal(await text(page, 'h1'), expected(lang, 'heading'));
    assert.equal(await text(page, '#tab-claim'), expected(lang, 'tab.claim'));
    assert.equal(await text(page, '#tab-lookup'), expected(lang, 'tab.lookup'));
    assert.equal(await text(page, 'label[for="base"]'), expected(lang, 'name.label'));
    assert.equal(await text(page, '#base-hint'), expected(lang, 'name.hint', { example: 'Alice' }));
    assert.equal(await text(page, '#claim'), expected(lang, 'claim.button'));
    assert.equal(await text(page, 'li[data-step="in_block"]'), expected(lang, 'progress.in_block'));
    assert.equal(await page.$eval('#lang', (s) => s.value), lang);
  }

  for (const [lang, tags] of Object.entries({ en: ['en-GB'], hi: ['hi-IN', 'en'], ar: ['ar-EG', 'en'], es: ['es-MX', 'es', 'en'] })) {
    test(`${LANGUAGES[lang].name}: chosen from the browser's languages (${tags.join(', ')}), its own texts, nothing past 360 px`, async () => {
      await cp.with(
        NARROW,
        async ({ page, owner }) => {
          await assertTexts(page, lang);
          await assertFits(page, `${lang}, empty`);

          const base = `Lingua${lang}`;
          await typeName(page, base);
          const list = await suffixList(page, base, { all: false });
          const { available, canonical } = await ctx.rpc('handles_getSuffixOptions', [base]);
          assert.equal(await page.$eval('#options-status', (el) => el.dataset.i18n), 'numbers.count');
          assert.equal(await text(page, '#options-status'), expected(lang, 'numbers.count', { n: available.length }));
          assert.equal(await text(page, '#canonical-line'), expected(lang, 'name.valid', { canonical }));
          assert.equal(list[0].label, formatDisplay(base, list[0].suffix), 'handles as they are, ASCII digits');
          await connect(page, owner);
          assert.equal(await text(page, '#wallet-status'), expected(lang, 'wallet.connected', { n: 1 }));
          assert.equal(await text(page, '#connect'), expected(lang, 'wallet.reconnect'));
          const chosen = list.find((o) => o.checked).suffix;
          assert.match(await text(page, '#claim-summary'), new RegExp(formatDisplay(base, chosen).replace('.', '\\.')));
          if (lang !== FALLBACK) assert.deepEqual(await englishShown(page), []);
          await assertFits(page, `${lang}, a name, its numbers and a wallet`);
          await cp.shot(page, `narrow-${lang}`);

          await page.click('#tab-lookup');
          await page.type('#lookup-input', `${base}.1`);
          await page.click('#lookup-go');
          await page.waitForFunction(() => document.querySelector('#lookup-status').dataset.i18n === 'lookup.nobody', { timeout: 10_000 });
          assert.equal(await text(page, '#lookup-status'), expected(lang, 'lookup.nobody'));
          assert.equal(await text(page, '#lookup-hint'), expected(lang, 'lookup.hint', { example: 'Alice.4821', lookalike: 'alice.４８２１' }));
          if (lang !== FALLBACK) assert.deepEqual(await englishShown(page), []);
          await assertFits(page, `${lang}, the look-up view`);
        },
        { languages: tags },
      );
    });
  }

  test('the switch: every text changes at once, the direction with it, and the choice is remembered', async () => {
    await cp.with(
      DESKTOP,
      async ({ page, owner }) => {
        await assertTexts(page, 'en');
        const base = 'Cambiante';
        const { canonical } = await ctx.rpc('handles_getSuffixOptions', [base]);
        await typeName(page, base);
        await suffixList(page, base, { all: false });
        await connect(page, owner);

        await page.select('#lang', 'ar');
        await assertTexts(page, 'ar');
        // Texts the steps put there follow too, with their values.
        assert.equal(await text(page, '#wallet-status'), expected('ar', 'wallet.connected', { n: 1 }));
        assert.equal(await text(page, '#canonical-line'), expected('ar', 'name.valid', { canonical }));
        assert.deepEqual(await englishShown(page), []);
        // Right to left: the first tab on the right, an error's bar on the right (logical CSS).
        const tabs = await page.$$eval('[role="tab"]', (els) => els.map((el) => el.getBoundingClientRect().left));
        assert.ok(tabs[0] > tabs[1], 'the claim tab is right of the look-up tab');
        const bar = await page.$eval('#rule-error', (el) => [getComputedStyle(el).borderRightWidth, getComputedStyle(el).borderLeftWidth]);
        assert.deepEqual(bar, ['4px', '0px'], 'the error bar on the right');
        await page.focus('#tab-claim');
        await page.keyboard.press('ArrowLeft');
        assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-lookup', 'right to left, the left arrow goes to the next tab');
        await page.click('#tab-claim');

        await page.reload({ waitUntil: 'load' });
        await page.waitForSelector('#base:not([disabled])');
        await assertTexts(page, 'ar');

        await page.select('#lang', 'es');
        await assertTexts(page, 'es');
        await page.reload({ waitUntil: 'load' });
        await page.waitForSelector('#base:not([disabled])');
        await assertTexts(page, 'es');
      },
      { languages: ['en-US'] },
    );
  });

  test('a claim in Arabic, right to left: name, number, wallet, signature, finalized', async () => {
    const base = 'Yasmin';
    await cp.with(
      NARROW,
      async ({ page, owner, signs }) => {
        assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
        await typeName(page, base);
        const list = await suffixList(page, base, { all: false });
        const chosen = list.find((o) => o.checked).suffix;
        await connect(page, owner);
        const display = formatDisplay(base, chosen);
        assert.equal(await text(page, '#claim-summary'), expected('ar', 'claim.ready', { handle: display, account: 'E2E tester', address: await page.$eval('#account-address', (el) => `${el.textContent.slice(0, 6)}…${el.textContent.slice(-6)}`) }));
        await page.click('#claim');
        await visible(page, '#result', CLAIM_TIMEOUT_MS);
        assert.equal(signs.length, 1);
        assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
        assert.equal(await text(page, '#result-title'), expected('ar', 'result.title'));
        assert.equal(await text(page, '#progress-status'), expected('ar', 'status.finalized'));
        const handle = await text(page, '#result-handle');
        assert.equal(handle, display, 'the handle as it is');
        const onChain = await ctx.rpc('handles_getMsaForHandle', [handle]);
        assert.equal(onChain.owner, owner.address);
        assert.equal(Number(await text(page, '#result-msa')), onChain.msaId);
        assert.deepEqual(await englishShown(page), []);
        await assertFits(page, 'ar, the claim finalized');
        // Right to left: the step's number on the right of its title.
        const [num, title] = await page.evaluate(() => {
          const h = document.querySelector('.card h2.step-title');
          return [h.querySelector('.num').getBoundingClientRect().left, h.querySelector('[data-i18n]').getBoundingClientRect().left];
        });
        assert.ok(num > title, 'the step number is right of its title');
        await cp.shot(page, 'claim-ar-finalized');
      },
      { languages: ['ar'] },
    );
  });
});
