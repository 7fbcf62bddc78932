// The main exemplar characters of every locale of CLDR without a region, for the rules crate.
//
// Reads `node_modules/cldr-misc-full/main/<locale>/characters.json` (the npm package
// cldr-misc-full, pinned to 48.0.0 in package.json) for each locale without a region: a language
// or a language in a script (383 in CLDR 48: 323 languages, `und` among them with an empty set,
// and 60 in a script such as `sat-Olck`, `ff-Adlm`, `vai-Vaii`), parses `characters.exemplarCharacters`
// (CLDR's UnicodeSet syntax) and writes pallets/handles-rules/data/cldr-48-exemplars.txt: `#`
// comment lines, then one line per locale in locale order, `<locale>\t<elements>`, elements
// separated by single spaces, each as CLDR gives it (NFC, UTF-8), in CLDR's order, a repeated
// element kept once. The rules crate's CLDR acceptance test and example read that file;
// test/cldr-exemplars.test.js checks it equals what this script writes from the installed package.
//
// Run from clients/js: `node scripts/cldr-exemplars.mjs` (after `npm ci`).

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The npm package the exemplars come from, and the one version the extract is made from. */
export const CLDR_PACKAGE = 'cldr-misc-full';
export const CLDR_VERSION = '48.0.0';

const here = dirname(fileURLToPath(import.meta.url));
/** Where the package is installed (clients/js/node_modules). */
export const PACKAGE_DIR = resolve(here, '..', 'node_modules', CLDR_PACKAGE);
/** The committed extract. */
export const EXTRACT_PATH = resolve(here, '..', '..', '..', 'pallets', 'handles-rules', 'data', 'cldr-48-exemplars.txt');

// UnicodeSet skips Pattern_White_Space between items (U+200E and U+200F are among it).
const WHITE_SPACE = /\p{Pattern_White_Space}/u;
// Characters that have a meaning in UnicodeSet syntax this parser does not implement.
const UNSUPPORTED = new Set(['[', '&', '$', '^', ':']);
const C_ESCAPES = { a: 0x07, b: 0x08, t: 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d, e: 0x1b };

function fail(pattern, at, what) {
  throw new SyntaxError(`UnicodeSet ${JSON.stringify(pattern)} at ${at}: ${what}`);
}

/**
 * Parses a UnicodeSet of the form CLDR uses for exemplar characters, `[...]`, into its elements in
 * pattern order, each once: single code points, ranges expanded (`a-c` gives a, b, c), `{...}`
 * strings kept as one element, escapes decoded (`\uXXXX`, `\u{X…}`, `\UXXXXXXXX`, `\xXX`,
 * `\x{X…}`, the C escapes `\t \n ...`, and `\` before any other non-alphanumeric character, which
 * stands for itself: `\- \[ \& \: \{`). Whitespace separates and is otherwise ignored. Nested sets,
 * negation, set operations, properties, variables and named characters are refused with a
 * SyntaxError rather than misread.
 * @param {string} pattern
 * @returns {string[]}
 */
export function parseUnicodeSet(pattern) {
  const chars = Array.from(pattern);
  let i = 0;
  const skipSpace = () => {
    while (i < chars.length && WHITE_SPACE.test(chars[i])) i += 1;
  };
  const hex = (at, digits) => {
    if (!/^[0-9A-Fa-f]{1,8}$/.test(digits)) fail(pattern, at, `bad hex digits ${JSON.stringify(digits)}`);
    const cp = parseInt(digits, 16);
    if (cp > 0x10ffff) fail(pattern, at, `U+${digits} is beyond U+10FFFF`);
    if (cp >= 0xd800 && cp <= 0xdfff) fail(pattern, at, `U+${digits} is a surrogate`);
    return String.fromCodePoint(cp);
  };
  // One code point at i, escape decoded; `literal` tells whether it was escaped.
  const next = () => {
    const at = i;
    const c = chars[i];
    if (c === undefined) fail(pattern, at, 'unexpected end');
    i += 1;
    if (c !== '\\') return { c, literal: false };
    const e = chars[i];
    if (e === undefined) fail(pattern, at, 'backslash at the end');
    i += 1;
    const fixed = (n) => {
      const digits = chars.slice(i, i + n).join('');
      if (digits.length !== n || !/^[0-9A-Fa-f]+$/.test(digits)) fail(pattern, at, `\\${e} needs ${n} hex digits`);
      i += n;
      return hex(at, digits);
    };
    const braced = () => {
      const close = chars.indexOf('}', i + 1);
      if (close < 0) fail(pattern, at, `unclosed \\${e}{`);
      const digits = chars.slice(i + 1, close).join('').trim();
      i = close + 1;
      return hex(at, digits);
    };
    if (e === 'u') return { c: chars[i] === '{' ? braced() : fixed(4), literal: true };
    if (e === 'x') return { c: chars[i] === '{' ? braced() : fixed(2), literal: true };
    if (e === 'U') return { c: fixed(8), literal: true };
    if (e in C_ESCAPES) return { c: String.fromCodePoint(C_ESCAPES[e]), literal: true };
    if (/[0-9A-Za-z]/.test(e)) fail(pattern, at, `unsupported escape \\${e}`);
    return { c: e, literal: true };
  };

  skipSpace();
  if (chars[i] !== '[') fail(pattern, i, 'a set begins with [');
  i += 1;
  const elements = [];
  const seen = new Set();
  const add = (element) => {
    if (!seen.has(element)) {
      seen.add(element);
      elements.push(element);
    }
  };
  for (;;) {
    skipSpace();
    const at = i;
    if (chars[i] === undefined) fail(pattern, at, 'no closing ]');
    if (chars[i] === ']') {
      i += 1;
      break;
    }
    if (chars[i] === '{') {
      i += 1;
      let text = '';
      for (;;) {
        skipSpace();
        if (chars[i] === '}') break;
        text += next().c;
      }
      i += 1;
      if (text === '') fail(pattern, at, 'empty string {}');
      add(text);
      continue;
    }
    const first = next();
    if (!first.literal && (UNSUPPORTED.has(first.c) || first.c === '-' || first.c === '}')) {
      fail(pattern, at, `unsupported or unescaped ${JSON.stringify(first.c)}`);
    }
    skipSpace();
    if (chars[i] !== '-') {
      add(first.c);
      continue;
    }
    i += 1;
    skipSpace();
    const last = next();
    if (!last.literal && (UNSUPPORTED.has(last.c) || ['-', '{', '}', ']'].includes(last.c))) {
      fail(pattern, at, `a range ends with a single code point, not ${JSON.stringify(last.c)}`);
    }
    const from = first.c.codePointAt(0);
    const to = last.c.codePointAt(0);
    if (to < from) fail(pattern, at, `range ${first.c}-${last.c} runs backwards`);
    for (let cp = from; cp <= to; cp += 1) {
      if (cp < 0xd800 || cp > 0xdfff) add(String.fromCodePoint(cp));
    }
  }
  skipSpace();
  if (i !== chars.length) fail(pattern, i, 'text after the closing ]');
  return elements;
}

/**
 * The main exemplar set of every locale without a region of the installed package (a language,
 * or a language in a script: `sat`, `sat-Olck`, `ff-Adlm`), in locale order.
 * @param {string} [packageDir]
 * @returns {{ locale: string, elements: string[] }[]}
 */
export function readExemplars(packageDir = PACKAGE_DIR) {
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  if (version !== CLDR_VERSION) throw new Error(`${CLDR_PACKAGE} ${version} is installed; the extract is made from ${CLDR_VERSION}`);
  const locales = readdirSync(join(packageDir, 'main'))
    .filter((locale) => /^[a-z]{2,3}(-[A-Z][a-z]{3})?$/.test(locale))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return locales.map((locale) => {
    const file = join(packageDir, 'main', locale, 'characters.json');
    const pattern = JSON.parse(readFileSync(file, 'utf8')).main?.[locale]?.characters?.exemplarCharacters;
    if (typeof pattern !== 'string') throw new Error(`${file}: no characters.exemplarCharacters`);
    const elements = parseUnicodeSet(pattern);
    for (const element of elements) {
      if (/[\s#]/u.test(element)) throw new Error(`${locale}: element ${JSON.stringify(element)} holds whitespace or #, which the extract cannot write`);
    }
    return { locale, elements };
  });
}

/**
 * The text of the extract for the given locales.
 * @param {{ locale: string, elements: string[] }[]} exemplars
 * @returns {string}
 */
export function formatExtract(exemplars) {
  const elements = exemplars.reduce((sum, { elements }) => sum + elements.length, 0);
  const header = [
    `Main exemplar characters (characters.exemplarCharacters) of the ${exemplars.length} locales of CLDR without a`,
    `region (a language, or a language in a script: ids like sat and sat-Olck), from the npm package`,
    `${CLDR_PACKAGE}@${CLDR_VERSION}; ${elements} elements.`,
    'One line per locale, in locale order: the locale id, a tab, then the elements of its set separated',
    'by single spaces, in CLDR order, each once: one code point, or a {string} of several kept as one',
    'element; ranges expanded, escapes decoded, text as CLDR gives it (NFC, UTF-8).',
    'Generated; do not edit. Regenerate from clients/js: npm ci && node scripts/cldr-exemplars.mjs',
    '(test/cldr-exemplars.test.js checks this file equals what that command writes).',
  ];
  const lines = header.map((line) => `# ${line}`);
  for (const { locale, elements: set } of exemplars) lines.push(`${locale}\t${set.join(' ')}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The extract made from the installed package.
 * @param {string} [packageDir]
 * @returns {string}
 */
export function buildExtract(packageDir = PACKAGE_DIR) {
  return formatExtract(readExemplars(packageDir));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const exemplars = readExemplars();
  writeFileSync(EXTRACT_PATH, formatExtract(exemplars));
  const elements = exemplars.reduce((sum, { elements }) => sum + elements.length, 0);
  const empty = exemplars.filter(({ elements }) => elements.length === 0).map(({ locale }) => locale);
  console.log(`${EXTRACT_PATH}: ${exemplars.length} locales (${empty.length} with an empty set: ${empty.join(' ') || 'none'}), ${elements} elements`);
}
