// Every script on screen: the fonts scripts/setup installs (Debian's fonts-noto-core and
// fonts-noto-cjk) draw the names people type. Without a browser: every letter, mark and digit the
// rules accept has a font on this machine (fontconfig), but for the few Unicode added after those
// fonts were made. In headless Chromium: names in Devanagari, Arabic, Hebrew, Thai, Ethiopic,
// Tifinagh and CJK typed into the claim page are drawn with a font that has their letters (Chromium's
// own report of the fonts it used, checked against fontconfig, so a missing font fails here rather
// than drawing boxes), and each is saved as a screenshot in test-output/claim-page-scripts/ to look at.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { formatDisplay, validate } from '@handles/client';

import { PHONE, suffixList, typeName, useClaimPage, visible } from '../lib/claim-page.js';

/**
 * The names typed, all valid since the rules of version 3 (Tifinagh came with CLDR's exemplars).
 * Runic, which no living language writes, is refused: the page says so, showing the letter.
 */
const NAMES = [
  { script: 'Devanagari', name: 'दुःख' },
  { script: 'Arabic', name: 'ياسمين' },
  { script: 'Hebrew', name: 'יוסי' },
  { script: 'Thai', name: 'สมชาย' },
  { script: 'Ethiopic', name: 'ሰላም' },
  { script: 'Tifinagh', name: 'ⵜⴰⵎⴰⵣⵉⵖⵜ' },
  { script: 'Han and Hiragana', name: '山田さくら' },
  { script: 'Hangul', name: '김민준' },
  { script: 'Ol Chiki', name: 'ᱥᱟᱱᱛᱟᱲᱤ' },
  { script: 'Canadian Syllabics', name: 'ᐃᓄᒃᑎᑐᑦ' },
  { script: 'Runic', name: 'ᚠᚢᚦ' },
];

/**
 * Characters the rules accept that no font of Debian 12 has (its Noto fonts are of 2020): letters
 * Unicode 14 and 15 added to Arabic (U+088F, U+08BF..U+08C2, U+08C7) and Ethiopic Extended-B
 * (U+1E7E0..U+1E7FE, Gurage), and, from CLDR's exemplars, Unicode 16's Latin U+A7DC and Sunuwar
 * (U+11BC0..U+11BE0, `suz-Sunu`).
 */
const NEWER_THAN_THE_FONTS = (cp) =>
  cp === 0x088f ||
  (cp >= 0x08bf && cp <= 0x08c2) ||
  cp === 0x08c7 ||
  cp === 0xa7dc ||
  (cp >= 0x11bc0 && cp <= 0x11be0) ||
  (cp >= 0x1e7e0 && cp <= 0x1e7fe);

const hex = (cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** The code points some installed font has (fontconfig's charsets of every font). */
function coveredCodePoints() {
  const covered = new Set();
  const charsets = execFileSync('fc-list', [':', '--format', '%{charset}\\n'], { maxBuffer: 1 << 28 }).toString();
  for (const range of charsets.split(/\s+/)) {
    if (!range) continue;
    const [from, to = from] = range.split('-').map((h) => parseInt(h, 16));
    for (let cp = from; cp <= to; cp++) covered.add(cp);
  }
  return covered;
}

/** The font families that have every character of `text` (fc-list; every name of each family). */
const familiesFor = (text) =>
  execFileSync('fc-list', [`:charset=${[...text].map((c) => c.codePointAt(0).toString(16)).join(' ')}`, 'family'])
    .toString()
    .split(/[\n,]/)
    .filter(Boolean);

describe('fonts for every script the rules accept', () => {
  test('every letter, mark and digit the rules accept has an installed font', () => {
    const covered = coveredCodePoints();
    const missing = [];
    let accepted = 0;
    for (let cp = 0x80; cp <= 0x3ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (!/[\p{L}\p{M}\p{Nd}]/u.test(ch)) continue;
      // A mark cannot begin a name: it is tried after a letter of its own script where it has one.
      const probe = /\p{M}/u.test(ch) ? `a${ch}a` : ch + ch;
      if (!validate(probe).valid) continue;
      accepted++;
      if (!covered.has(cp) && !NEWER_THAN_THE_FONTS(cp)) missing.push(`${hex(cp)} ${ch}`);
    }
    assert.ok(accepted > 30_000, `the rules accept ${accepted} characters on their own`);
    assert.deepEqual(missing, [], 'characters without a font: run bash scripts/setup (fonts-noto-core, fonts-noto-cjk)');
  });

  for (const { script, name } of NAMES) {
    test(`${script}: a font has every character of ${name}`, () => {
      assert.notDeepEqual(familiesFor(name), [], `no font for ${name}: run bash scripts/setup`);
    });
  }
});

describe('names in many scripts on the claim page, in Chromium', { timeout: 600_000 }, () => {
  const cp = useClaimPage({ screenshots: 'claim-page-scripts' });

  /** The font families Chromium drew the text of `selector`'s element with, and their glyph counts. */
  async function fontsOf(page, selector) {
    const cdp = await page.createCDPSession();
    try {
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      assert.ok(nodeId, `${selector} is on the page`);
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      return fonts.map((f) => ({ family: f.familyName, glyphs: f.glyphCount }));
    } finally {
      await cdp.detach();
    }
  }

  /**
   * Asserts that Chromium drew `text`, inside `selector`'s element, with a font that has all its
   * characters: no box, no fallback that lacks them.
   */
  async function assertDrawn(page, selector, text, what) {
    const fonts = await fontsOf(page, selector);
    const able = new Set(familiesFor(text));
    assert.ok(
      fonts.some((f) => f.glyphs > 0 && able.has(f.family)),
      `${what}: ${text} is drawn with ${JSON.stringify(fonts)}; the fonts with all its characters: ${[...able].join(', ') || 'none'}`,
    );
  }

  test('each name is drawn with a font of its script (screenshots to look at)', async () => {
    await cp.with(PHONE, async ({ page }) => {
      for (const { script, name } of NAMES) {
        await typeName(page, name);
        let selector;
        if (validate(name).valid) {
          const list = await suffixList(page, name, { all: false });
          assert.equal(list[0].label, formatDisplay(name, list[0].suffix));
          selector = '#suffixes .display';
        } else {
          await visible(page, '#rule-error', 10_000);
          assert.ok((await page.$eval('#rule-error', (el) => el.textContent)).includes([...name][0]), 'the message shows the letter refused');
          selector = '#rule-error';
        }
        assert.equal(await page.$eval('#base', (el) => el.value), name);
        await assertDrawn(page, selector, name, script);
        // The name's card and the numbers' card.
        const clip = await page.evaluate(() => {
          const first = document.querySelector('#view-claim .card').getBoundingClientRect();
          const second = document.querySelector('#suffix-field').getBoundingClientRect();
          return { x: 0, y: first.top + window.scrollY - 8, width: document.documentElement.clientWidth, height: Math.min(second.bottom - first.top + 16, 700) };
        });
        await page.screenshot({ path: join(cp.out, `${script.replace(/\W+/g, '-').toLowerCase()}.png`), clip, captureBeyondViewport: true });
      }
    });
  });

  test('the page in Hindi and Arabic with a name in another script beside it', async () => {
    for (const [lang, name] of [
      ['hi', 'ሰላም'],
      ['ar', 'יוסי'],
    ]) {
      await cp.with(
        PHONE,
        async ({ page }) => {
          await typeName(page, name);
          await suffixList(page, name, { all: false });
          const heading = '#view-claim .step-title [data-i18n]';
          assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
          await assertDrawn(page, heading, (await page.$eval(heading, (el) => el.textContent)).replace(/\s/g, ''), `the ${lang} heading`);
          await assertDrawn(page, '#suffixes .display', name, `${name} on the ${lang} page`);
          await cp.shot(page, `page-${lang}`);
        },
        { languages: [lang] },
      );
    }
  });
});
