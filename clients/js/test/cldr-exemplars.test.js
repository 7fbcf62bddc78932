// CLDR's main exemplar characters, the measure of the rules crate's acceptance test
// (pallets/handles-rules/tests/cldr_tests.rs): the committed extract
// (pallets/handles-rules/data/cldr-48-exemplars.txt) is what scripts/cldr-exemplars.mjs makes from
// the installed cldr-misc-full, byte for byte, and the UnicodeSet parser behind it reads ranges,
// strings and escapes as CLDR means them.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { buildExtract, CLDR_VERSION, EXTRACT_PATH, formatExtract, parseUnicodeSet, readExemplars } from '../scripts/cldr-exemplars.mjs';

test('the committed extract is what the script makes from the installed cldr-misc-full', () => {
  const committed = readFileSync(EXTRACT_PATH);
  const made = Buffer.from(buildExtract(), 'utf8');
  assert.ok(made.equals(committed), 'pallets/handles-rules/data/cldr-48-exemplars.txt is stale: run node scripts/cldr-exemplars.mjs in clients/js');
});

test('the extract holds every locale without a region once, in order, with its main set', () => {
  const exemplars = readExemplars();
  const locales = exemplars.map(({ locale }) => locale);
  assert.equal(locales.length, 383, 'CLDR 48 has 383 locales without a region');
  assert.equal(locales.filter((locale) => !locale.includes('-')).length, 323, '323 languages');
  assert.ok(locales.every((locale) => /^[a-z]{2,3}(-[A-Z][a-z]{3})?$/.test(locale)), 'no region or variant');
  assert.ok(locales.includes('sat-Olck') && locales.includes('ff-Adlm'), 'languages in a script');
  assert.deepEqual([...locales].sort(), locales, 'sorted');
  const set = (locale) => exemplars.find((e) => e.locale === locale).elements;
  assert.deepEqual(set('en'), [...'abcdefghijklmnopqrstuvwxyz']);
  // Tifinagh, Ol Chiki and Canadian Syllabics are among them, the scripts rules v3 brings in.
  assert.ok(set('zgh').includes('ⵣ'));
  assert.ok(set('sat').includes('ᱚ'));
  assert.ok(set('iu').includes('ᐃ'));
  // Strings of several code points stay one element (Abkhaz гә, Mohawk a: with an escaped colon).
  assert.ok(set('ab').includes('гә'));
  assert.ok(set('moh').includes('a:'));
  assert.deepEqual(set('und'), []);
});

test('the extract is read from the pinned version only', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cldr-'));
  try {
    mkdirSync(join(dir, 'main', 'xx'), { recursive: true });
    writeFileSync(join(dir, 'main', 'xx', 'characters.json'), JSON.stringify({ main: { xx: { characters: { exemplarCharacters: '[a b]' } } } }));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '47.0.0' }));
    assert.throws(() => readExemplars(dir), /47\.0\.0 is installed/);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: CLDR_VERSION }));
    assert.deepEqual(readExemplars(dir), [{ locale: 'xx', elements: ['a', 'b'] }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the extract format: # header, then locale, tab, elements separated by single spaces', () => {
  const text = formatExtract([
    { locale: 'aa', elements: ['a', 'ch'] },
    { locale: 'und', elements: [] },
  ]);
  const lines = text.split('\n');
  assert.equal(lines.at(-1), '', 'ends with a newline');
  assert.ok(lines.slice(0, -3).every((line) => line.startsWith('# ')));
  assert.match(text, /of the 2 locales of CLDR without a/);
  assert.match(text, /cldr-misc-full@48\.0\.0; 2 elements/);
  assert.deepEqual(lines.slice(-3, -1), ['aa\ta ch', 'und\t']);
});

test('UnicodeSet: code points written side by side or apart are one element each', () => {
  assert.deepEqual(parseUnicodeSet('[a bc\td\n e]'), ['a', 'b', 'c', 'd', 'e']);
  // U+200E and U+200F are pattern white space; astral code points are one element.
  assert.deepEqual(parseUnicodeSet('[\u200E𞤀 \u200F𞤁]'), ['𞤀', '𞤁']);
  // Precomposed letters stay as CLDR gives them; a base and a combining mark outside braces are two.
  assert.deepEqual(parseUnicodeSet('[é e\u0301]'), ['é', 'e', '\u0301']);
  assert.deepEqual(parseUnicodeSet('[]'), []);
  assert.deepEqual(parseUnicodeSet(' [ a ] '), ['a']);
});

test('UnicodeSet: a repeated element is kept once, at its first place', () => {
  assert.deepEqual(parseUnicodeSet('[b a b {a} a-b]'), ['b', 'a']);
});

test('UnicodeSet: ranges are expanded, escapes and astral code points included', () => {
  assert.deepEqual(parseUnicodeSet('[a-d x]'), ['a', 'b', 'c', 'd', 'x']);
  assert.deepEqual(parseUnicodeSet('[ a - c ]'), ['a', 'b', 'c']);
  assert.deepEqual(parseUnicodeSet('[\\u0061-\\u{63}]'), ['a', 'b', 'c']);
  assert.deepEqual(parseUnicodeSet('[ᱚ-ᱜ]'), ['ᱚ', 'ᱛ', 'ᱜ']);
  assert.deepEqual(parseUnicodeSet('[𞤀-𞤂]'), ['𞤀', '𞤁', '𞤂']);
  assert.deepEqual(parseUnicodeSet('[\\--\\/]'), ['-', '.', '/']);
  assert.deepEqual(parseUnicodeSet('[q-q]'), ['q']);
  assert.equal(parseUnicodeSet('[가-힣]').length, 11172);
});

test('UnicodeSet: {strings} of several code points are one element each', () => {
  assert.deepEqual(parseUnicodeSet('[c {ch} {dzs}h]'), ['c', 'ch', 'dzs', 'h']);
  assert.deepEqual(parseUnicodeSet('[{ɛ̀}{ɛ̂}]'), ['ɛ̀', 'ɛ̂']);
  assert.deepEqual(parseUnicodeSet('[{a\\:}{s\\-c}{n\\-}]'), ['a:', 's-c', 'n-']);
  assert.deepEqual(parseUnicodeSet('[{\\u0915\\u094D\\u0937}]'), ['क्ष']);
  assert.deepEqual(parseUnicodeSet('[{x}]'), ['x'], 'a one-letter string is that letter');
});

test('UnicodeSet: escapes are decoded', () => {
  assert.deepEqual(parseUnicodeSet('[\\u0300 \\u{1E900} \\u{ 300 } \\U0001E901 \\x41 \\x{42}]'), ['\u0300', '\u{1E900}', '\u{1E901}', 'A', 'B']);
  assert.deepEqual(parseUnicodeSet('[\\- \\[ \\] \\& \\: \\{ \\} \\\\ \\^ \\$ \\ ]'), ['-', '[', ']', '&', ':', '{', '}', '\\', '^', '$', ' ']);
  assert.deepEqual(parseUnicodeSet('[\\u200C\\u200D]'), ['\u200C', '\u200D']);
  assert.deepEqual(parseUnicodeSet('[\\t\\n]'), ['\t', '\n']);
  assert.deepEqual(parseUnicodeSet('[\\é]'), ['é'], 'a backslash before a non-ASCII letter keeps it');
});

test('UnicodeSet: what this parser does not implement is refused, not misread', () => {
  for (const pattern of [
    'a b',
    '[a b',
    '[a] b',
    '[^a]',
    '[a [b]]',
    '[[:L:]]',
    '[a&b]',
    '[$var]',
    '[\\p{L}]',
    '[\\N{LATIN SMALL LETTER A}]',
    '[\\q]',
    '[-a]',
    '[a-]',
    '[c-a]',
    '[{ab}-{cd}]',
    '[a-{b}]',
    '[{}]',
    '[{ab]',
    '[a}]',
    '[\\uD800]',
    '[\\u{110000}]',
    '[\\u12]',
    '[\\x4]',
    '[\\u{}]',
    '[a\\',
  ]) {
    assert.throws(() => parseUnicodeSet(pattern), SyntaxError, pattern);
  }
});
