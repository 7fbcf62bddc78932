// Messages for people (src/messages.js): every rule is explained in words a person can act on, in
// every language of the table, and the English text is exactly what the vectors say, which the
// `handles` command line is held to as well (clients/rust/tests/messages.rs reads the same file).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { ErrorCode, HandlesError, MAX_INPUT_BYTES, parseDisplay, rulesInfo, suffixOptions, validate } from '../src/index.js';
import { MESSAGE_LANGUAGES, explainError, explainRule, initMessages, messagesReady } from '../src/index.js';

const table = JSON.parse(readFileSync(new URL('../src/messages.json', import.meta.url), 'utf8'));
const vectors = JSON.parse(readFileSync(new URL('./message-vectors.json', import.meta.url), 'utf8'));
const DISPLAY_IDS = ['NotUtf8', 'TooLong', 'MissingSuffix', 'EmptyBase', 'InvalidSuffix', 'DottedBase', 'LeadingCombiningMark'];
const SEED = `0x${'01'.repeat(32)}`;

/** The rule a vector's input breaks: given by id (rules no input reaches), else validate's. */
function ruleOf(v) {
  if (v.given) return v.id;
  const result = validate(v.input);
  assert.equal(result.valid, false, `${JSON.stringify(v.input)} is invalid`);
  assert.equal(result.rule.id, v.id, `${JSON.stringify(v.input)} breaks ${v.id}`);
  return result.rule;
}

/** The `{name}` placeholders of a template, sorted. */
function placeholders(text) {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

/** Every string of a language's texts with its path (ordinal tables included). */
function strings(value, path = []) {
  if (typeof value === 'string') return [[path.join('.'), value]];
  return Object.entries(value).flatMap(([k, v]) => strings(v, [...path, k]));
}

test('the table is loaded on import and lists the exported languages', () => {
  assert.equal(messagesReady(), true);
  assert.deepEqual([...MESSAGE_LANGUAGES], table.languages);
  assert.deepEqual(Object.keys(table.text), table.languages);
});

test('every language has every message key, with the same placeholders as English', () => {
  const english = new Map(strings(table.text.en));
  for (const lang of MESSAGE_LANGUAGES) {
    const texts = new Map(strings(table.text[lang]));
    // Ordinal tables may list other exact numbers (Hindi and Spanish name the first few).
    const keys = (m) => [...m.keys()].filter((k) => !/^ordinal\.\w+\.(exact|endings)\./.test(k)).sort();
    assert.deepEqual(keys(texts), keys(english), `${lang} has the keys of en`);
    for (const [key, text] of texts) {
      assert.ok(text.trim().length > 0, `${lang} ${key} is empty`);
      if (key.startsWith('ordinal.')) {
        // "the {n}th character", or a word for the number ("पहला अक्षर").
        assert.ok(placeholders(text).every((p) => p === 'n'), `${lang} ${key} fills only {n}`);
      } else {
        assert.deepEqual(placeholders(text), placeholders(english.get(key)), `${lang} ${key} fills the placeholders of en`);
      }
    }
    assert.deepEqual(Object.keys(table.text[lang].characters).sort(), Object.keys(table.characters).sort(), `${lang} names every listed character`);
  }
});

test('the vectors cover every rule and every display error', () => {
  assert.deepEqual([...new Set(vectors.rules.map((v) => v.id))].sort(), rulesInfo().rules.map((r) => r.id).sort());
  assert.deepEqual([...new Set(vectors.display.map((v) => v.id))].sort(), DISPLAY_IDS.filter((id) => id !== 'NotUtf8').sort());
});

test('explainRule gives the English sentence of every vector', () => {
  for (const v of vectors.rules) assert.equal(explainRule(v.input, ruleOf(v)), v.en, JSON.stringify(v.input));
});

test('explainError gives the English sentence of every display vector', () => {
  for (const v of vectors.display) {
    const error = captured(() => parseDisplay(v.input));
    assert.equal(error.rule, v.id);
    assert.equal(explainError(v.input, error), v.en, JSON.stringify(v.input));
  }
});

function captured(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

test('no language shows escapes, code point numbers or standard names, and every placeholder is filled', () => {
  for (const lang of MESSAGE_LANGUAGES) {
    for (const v of vectors.rules) {
      const text = explainRule(v.input, ruleOf(v), lang);
      assert.doesNotMatch(text, /U\+|UTS|\\u|\{\w+\}|undefined|UTF-8/, `${lang} ${JSON.stringify(v.input)}: ${text}`);
      const rule = v.given ? null : validate(v.input).rule;
      if (rule?.character !== undefined && !/\p{Cf}|\p{Zs}|\p{Cc}/u.test(rule.character)) {
        assert.ok(text.includes(rule.character), `${lang} ${JSON.stringify(v.input)} shows the character: ${text}`);
      }
      assert.ok(!text.includes(rule?.message ?? '\0'), `${lang} is not the crate's sentence`);
    }
    for (const v of vectors.display) {
      assert.doesNotMatch(explainError(v.input, captured(() => parseDisplay(v.input)), lang), /\{\w+\}|UTF-8|u32/);
    }
  }
});

test('the other languages are their own texts, and a regional tag picks its language', () => {
  const rule = validate('ali@ce').rule;
  const texts = MESSAGE_LANGUAGES.map((lang) => explainRule('ali@ce', rule, lang));
  assert.equal(new Set(texts).size, MESSAGE_LANGUAGES.length);
  assert.match(texts[MESSAGE_LANGUAGES.indexOf('hi')], /[\u0900-\u097f]/);
  assert.match(texts[MESSAGE_LANGUAGES.indexOf('ar')], /[\u0600-\u06ff]/);
  assert.equal(explainRule('ali@ce', rule, 'es-MX'), explainRule('ali@ce', rule, 'es'));
  assert.equal(explainRule('ali@ce', rule, 'fr'), explainRule('ali@ce', rule, 'en'));
  // Script names come from Intl in each language: "cirílico", not the English "Cyrillic".
  assert.match(explainRule('аlice', validate('аlice').rule, 'es'), /cirílico/);
  assert.match(explainRule('аlice', validate('аlice').rule, 'hi'), /सिरिलिक/);
});

test('places count characters from 1 with the right ordinal, letters among letters', () => {
  const at = (input) => explainRule(input, validate(input).rule).match(/\((the [^)]*)\)/)[1];
  assert.equal(at('a@'), 'the 2nd character');
  assert.equal(at('ab@'), 'the 3rd character');
  assert.equal(at('abcdefghij@'), 'the 11th character');
  assert.equal(at('abcdefghijklmnopqrst@'), 'the 21st character');
  assert.equal(at('abcdefghijklmnopqrstuv@'), 'the 23rd character');
  // Digits do not count among letters: а is the first letter, the second character.
  assert.equal(at('1аbc'), 'the 1st letter');
});

test('lengths are in characters; the byte limit is explained only when it is what bites', () => {
  const max = rulesInfo().maxBaseBytes;
  assert.match(explainRule('a'.repeat(max + 1), 'TooLong'), new RegExp(`at most ${max} characters, and this one has ${max + 1}`));
  // Twelve Devanagari characters are 36 bytes: ten fit.
  const hindi = 'नमस्तेनमस्ते';
  assert.equal([...hindi].length, 12);
  assert.match(explainRule(hindi, validate(hindi).rule), /names in Devanagari can have about 10 characters, because some letters take more room than others \(this one has 12\)/);
  assert.doesNotMatch(explainRule(hindi, validate(hindi).rule), /bytes/);
});

test("the loader's over-long input and a refused suffixOptions are explained like the rules", () => {
  const long = 'x'.repeat(MAX_INPUT_BYTES + 1);
  const error = captured(() => validate(long));
  assert.equal(error.code, ErrorCode.TOO_LONG);
  assert.equal(explainError(long, error), `This name is too long: a name can have at most ${rulesInfo().maxBaseBytes} characters, and this one has ${MAX_INPUT_BYTES + 1}. Shorten it.`);
  const refused = captured(() => suffixOptions(SEED, SEED, 'ali@ce'));
  assert.equal(refused.code, ErrorCode.INVALID_HANDLE);
  assert.equal(explainError('ali@ce', refused, 'es'), explainRule('ali@ce', validate('ali@ce').rule, 'es'));
  const lone = 'a\ud800';
  assert.equal(validate(lone).rule.id, 'NotUtf8');
  assert.equal(explainRule(lone, validate(lone).rule), vectors.rules.find((v) => v.id === 'NotUtf8').en);
  const other = new HandlesError(ErrorCode.BAD_BYTES, 'the seed must be 32 bytes');
  assert.equal(explainError('x', other), 'the seed must be 32 bytes');
});

test('a rule that does not belong to the input gives the crate sentence, not a wrong place', () => {
  const rule = validate('ali@ce').rule;
  assert.equal(explainRule('alice', rule), rule.message);
});

test('initMessages takes a table or a Response and refuses what is not one', async () => {
  const edited = structuredClone(table);
  edited.text.en['rule.TooShort'] = 'short! {min}';
  await initMessages(new Response(JSON.stringify(edited)));
  try {
    assert.equal(explainRule('a', 'TooShort'), `short! ${rulesInfo().minBaseChars}`);
    await assert.rejects(initMessages({ nothing: true }), /not a message table/);
    assert.equal(explainRule('a', 'TooShort'), `short! ${rulesInfo().minBaseChars}`, 'a failed load keeps the table');
  } finally {
    await initMessages(table);
  }
  assert.equal(explainRule('a', 'TooShort'), vectors.rules.find((v) => v.input === 'a').en);
});
