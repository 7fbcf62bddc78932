// Messages for people: what a handle that breaks a rule should change, in words a person can act
// on (the character as it looks and its name, where it is, which alphabet, lengths in characters),
// in English, Hindi, Arabic or Spanish. The rules crate's own sentence (`rule.message`, the RPC's
// text) stays as it is; this module builds a second one from the structured rule.
//
// Every text comes from messages.json beside this file, the one table the `handles` command line
// (clients/rust/src/messages.rs) reads too, with the same algorithm, so both say the same in
// English. In Node.js the table is read from the file on import; in a browser it is fetched from
// the URL beside this module (top-level await). Elsewhere call `initMessages(tableOrUrl)` once.

import { ErrorCode } from './errors.js';
import { canonical, rulesInfo, validate } from './rules.js';

/** The languages every message is written in. */
export const MESSAGE_LANGUAGES = Object.freeze(['en', 'hi', 'ar', 'es']);

const DEFAULT_TABLE_URL = new URL('./messages.json', import.meta.url);

let table = null;
let loadError = null;
const scriptPatterns = new Map();
const scriptNames = new Map();

async function read(source) {
  if (source !== null && typeof source === 'object' && !(source instanceof URL) && !(typeof Response !== 'undefined' && source instanceof Response)) {
    return source;
  }
  const isNode = typeof process !== 'undefined' && process.versions?.node !== undefined;
  const url = source === undefined ? DEFAULT_TABLE_URL : source instanceof URL ? source : typeof source === 'string' ? new URL(source, import.meta.url) : null;
  if (isNode && url?.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    return JSON.parse(await readFile(url, 'utf8'));
  }
  const response = url === null ? source : await fetch(url);
  if (!response.ok) throw new Error(`cannot fetch ${url ?? 'the message table'}: HTTP ${response.status}`);
  return response.json();
}

/**
 * Loads the message table: the parsed table itself, a URL (or a string relative to this module) or
 * a `Response`; by default `messages.json` beside this module, which happens on import. Safe to
 * call again; a table that fails to load leaves the old one in place.
 */
export async function initMessages(source) {
  const next = await read(source);
  if (!Array.isArray(next?.languages) || typeof next.text?.en !== 'object') throw new Error('not a message table: it lacks languages or English texts');
  table = next;
  loadError = null;
  scriptPatterns.clear();
  scriptNames.clear();
}

/** Whether the message table is loaded, so `explainRule` and `explainError` work. */
export function messagesReady() {
  return table !== null;
}

function ready() {
  if (table === null) throw new Error(`the message table is not loaded; await initMessages(source) first${loadError ? `: ${loadError.message}` : ''}`);
  return table;
}

// ---------------------------------------------------------------------------------------------
// Pieces shared by the messages. Each has its twin in clients/rust/src/messages.rs.

/** `{name}` placeholders filled in one pass (filled text is not scanned again). */
function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (values[name] === undefined ? whole : String(values[name])));
}

function chars(text) {
  return Array.from(text);
}

function utf8Length(text) {
  return new TextEncoder().encode(text).length;
}

const CATEGORY = [
  ['Zs', /^\p{Zs}$/u],
  ['Zl', /^[\p{Zl}\p{Zp}]$/u],
  ['Cc', /^\p{Cc}$/u],
  ['Cf', /^\p{Cf}$/u],
  ['M', /^\p{M}$/u],
  ['Nd', /^\p{Nd}$/u],
  ['N', /^\p{N}$/u],
  ['L', /^\p{L}$/u],
  ['P', /^\p{P}$/u],
  ['Sc', /^\p{Sc}$/u],
  ['Sm', /^\p{Sm}$/u],
  ['S', /^\p{S}$/u],
];

/** The general category group a description depends on (`C` for unassigned, private use, surrogates). */
function category(ch) {
  for (const [name, pattern] of CATEGORY) if (pattern.test(ch)) return name;
  return 'C';
}

/** The character as it is shown: a combining mark on a dotted circle, anything else as it is. */
function shown(t, ch) {
  return category(ch) === 'M' ? t.markBase + ch : ch;
}

/**
 * The name of a character in `lang` with the character in it where it can be seen ("the at sign
 * @", "a zero-width space", "an emoji 😀"), and the group its DisallowedCharacter message belongs
 * to: the table's own list first, else from its General_Category.
 */
function describe(t, text, ch) {
  const group = t.characters[ch];
  if (group !== undefined) return { name: fill(text.characters[ch], { c: ch }), group };
  const cp = ch.codePointAt(0);
  const kind = (name, g) => ({ name: fill(text[`kind.${name}`], { c: shown(t, ch) }), group: g });
  switch (category(ch)) {
    case 'Zs': return kind('space', 'space');
    case 'Zl': return kind('lineBreak', 'space');
    case 'Cc': return kind('control', 'invisible');
    case 'Cf': return kind('format', 'invisible');
    case 'M': return kind('mark', 'other');
    case 'Nd': return kind('digit', 'digit');
    case 'N': return kind('number', 'other');
    // A compatibility form (fullwidth, mathematical, ...) has an ordinary letter to type instead;
    // any other letter is one of a script or set the rules do not accept (yet).
    case 'L': return kind('letter', ch.normalize('NFKC') === ch ? 'notYetLetter' : 'letter');
    case 'P': return kind('punctuation', 'other');
    case 'Sc': return kind('currency', 'other');
    case 'Sm': return kind('math', 'other');
    case 'S': return kind(t.emojiBlocks.some(([from, to]) => cp >= from && cp <= to) ? 'emoji' : 'symbol', 'other');
    default: return kind('unknown', 'other');
  }
}

/** "the 3rd character", "la primera letra": `noun` is `character` or `letter`, `n` counts from 1. */
function ordinal(text, noun, n) {
  const o = text[`ordinal.${noun}`];
  const template = o.exact[n] ?? o.endings[n % 100] ?? o.endings[n % 10] ?? o.other;
  return fill(template, { n });
}

/** `items` as a list ("a, b and c"); past `limit` items, "a, b, c and 2 more". */
function list(text, items, limit = 3) {
  if (items.length > limit) return fill(text['list.more'], { list: items.slice(0, limit).join(text['list.comma']), n: items.length - limit });
  if (items.length === 1) return items[0];
  return items.slice(0, -1).join(text['list.comma']) + text['list.and'] + items[items.length - 1];
}

/** The ISO 15924 code of a character's script among the table's scripts, or undefined (Common, Inherited). */
function scriptOf(t, ch) {
  for (const code of Object.keys(t.scripts)) {
    let pattern = scriptPatterns.get(code);
    if (pattern === undefined) {
      pattern = new RegExp(`^\\p{Script=${code}}$`, 'u');
      scriptPatterns.set(code, pattern);
    }
    if (pattern.test(ch)) return code;
  }
  return undefined;
}

/** A script's name in `lang`: the table's English name, else the browser's or Node's (Intl.DisplayNames). */
function scriptName(t, lang, code) {
  if (lang === 'en') return t.scripts[code];
  const key = `${lang}:${code}`;
  if (!scriptNames.has(key)) {
    let name;
    try {
      name = new Intl.DisplayNames([lang], { type: 'script', fallback: 'none' }).of(code);
    } catch {
      name = undefined;
    }
    scriptNames.set(key, name ?? t.scripts[code]);
  }
  return scriptNames.get(key);
}

function language(lang) {
  const primary = String(lang ?? 'en').toLowerCase().split(/[-_]/)[0];
  return MESSAGE_LANGUAGES.includes(primary) ? primary : 'en';
}

// ---------------------------------------------------------------------------------------------
// The messages, one per rule.

function tooLong({ t, text, lang }, input) {
  const all = chars(input);
  const max = rulesInfo().maxBaseBytes;
  if (utf8Length(input) === all.length) return fill(text['rule.TooLong.characters'], { max, count: all.length });
  let fit = 0;
  for (let bytes = 0; fit < all.length && (bytes += utf8Length(all[fit])) <= max; ) fit++;
  const scripts = new Set(all.map((ch) => scriptOf(t, ch)).filter((s) => s !== undefined));
  const [only] = scripts;
  if (scripts.size === 1 && only !== 'Latn') return fill(text['rule.TooLong.script'], { script: scriptName(t, lang, only), fit, count: all.length });
  return fill(text['rule.TooLong.letters'], { fit, count: all.length });
}

function mixedScript({ t, text, lang }, input) {
  const groups = new Map(); // script -> [{ ch, place }], in order of first appearance
  let letters = 0;
  chars(input).forEach((ch, i) => {
    const isLetter = category(ch) === 'L';
    if (isLetter) letters++;
    const script = scriptOf(t, ch);
    if (script === undefined) return;
    const place = isLetter ? ordinal(text, 'letter', letters) : ordinal(text, 'character', i + 1);
    if (!groups.has(script)) groups.set(script, []);
    groups.get(script).push(fill(text['rule.MixedScript.letter'], { c: shown(t, ch), place }));
  });
  if (groups.size < 2) return text['rule.MixedScript.unknown'];
  let main;
  for (const [script, items] of groups) if (main === undefined || items.length > groups.get(main).length) main = script;
  const parts = [];
  for (const [script, items] of groups) {
    if (script === main) continue;
    const key = items.length === 1 ? 'rule.MixedScript.one' : 'rule.MixedScript.many';
    parts.push(fill(text[key], { letters: list(text, items), script: scriptName(t, lang, script) }));
  }
  return fill(text['rule.MixedScript'], { parts: parts.join(text['list.parts']), main: scriptName(t, lang, main) });
}

function reserved(text, input) {
  const form = canonical(input);
  const word = rulesInfo().defaultReserved.find((w) => canonical(w) === form);
  if (word === undefined) return fill(text['rule.Reserved.other'], { input });
  return fill(text[input.toLowerCase() === word ? 'rule.Reserved.same' : 'rule.Reserved.lookalike'], { input, word });
}

/**
 * What a person should change about `input`, which breaks `rule`, in `lang` (`en`, `hi`, `ar` or
 * `es`; a tag such as `es-MX` counts as `es`, anything else as English).
 *
 * `rule` is the `rule` of `validate(input)` (a `BrokenRule`) or its `id`. The rules crate's
 * sentence (`rule.message`) is for logs and engineers; this one names the character as it looks
 * and where it is, the alphabets when they mix, lengths in characters, and what to do instead.
 */
export function explainRule(input, rule, lang = 'en') {
  const t = ready();
  const ctx = { t, lang: language(lang) };
  const text = (ctx.text = t.text[ctx.lang]);
  const base = typeof input === 'string' ? input : new TextDecoder().decode(input);
  const id = typeof rule === 'string' ? rule : rule?.id;
  const ch = typeof rule === 'object' ? rule?.character : undefined;
  const min = () => rulesInfo().minBaseChars;
  const at = () => {
    const index = ch === undefined ? -1 : chars(base).indexOf(ch);
    return index < 0 ? undefined : ordinal(text, 'character', index + 1);
  };
  switch (id) {
    case 'NotUtf8':
      return text['rule.NotUtf8'];
    case 'TooShort':
      return fill(text[chars(base).length === 0 ? 'rule.TooShort.empty' : 'rule.TooShort'], { min: min() });
    case 'TooLong':
      return tooLong(ctx, base);
    case 'ForbiddenCharacter':
    case 'DisallowedCharacter': {
      const place = at();
      if (place === undefined) break;
      const { name, group } = describe(t, text, ch);
      const key = id === 'ForbiddenCharacter' ? 'rule.ForbiddenCharacter' : `rule.DisallowedCharacter.${group}`;
      return fill(text[key], { char: name, place });
    }
    case 'MixedScript':
      return mixedScript(ctx, base);
    case 'CanonicalTooShort':
      return fill(text['rule.CanonicalTooShort'], { min: min() });
    case 'CanonicalTooLong':
      return text['rule.CanonicalTooLong'];
    case 'Reserved':
      return reserved(text, base);
    case 'LeadingCombiningMark':
      if (ch === undefined) break;
      return fill(text['rule.LeadingCombiningMark'], { char: describe(t, text, ch).name });
    default:
      break;
  }
  // A rule that does not belong to this input (or an unknown one): the crate's sentence.
  return typeof rule === 'object' && typeof rule?.message === 'string' ? rule.message : String(id);
}

/**
 * What a person should change, from an error a function of this package threw about `input`: the
 * loader's over-long input (`TOO_LONG`, over `MAX_INPUT_BYTES`) is explained as TooLong, text that is
 * not Unicode as NotUtf8, `INVALID_HANDLE` (e.g. from `suffixOptions`) by the rule `input` breaks,
 * `MALFORMED_DISPLAY_HANDLE` (from `parseDisplay`) by its `DisplayError`. Any other error gives its
 * own message.
 */
export function explainError(input, error, lang = 'en') {
  const t = ready();
  const text = t.text[language(lang)];
  switch (error?.code) {
    case ErrorCode.TOO_LONG:
      return explainRule(input, 'TooLong', lang);
    case ErrorCode.NOT_UTF8:
      return explainRule(input, 'NotUtf8', lang);
    case ErrorCode.INVALID_HANDLE: {
      const result = validate(input);
      return result.valid ? explainRule(input, 'Reserved', lang) : explainRule(input, result.rule, lang);
    }
    case ErrorCode.MALFORMED_DISPLAY_HANDLE:
      if (text[`display.${error.rule}`] !== undefined) return text[`display.${error.rule}`];
      break;
    default:
      break;
  }
  return String(error?.message ?? error);
}

try {
  await initMessages();
} catch (e) {
  loadError = e; // explainRule says so until initMessages(source) succeeds
}
