// The page's language: chosen from what the person chose before (localStorage), else the browser's
// languages (navigator.languages), else English; switched with #lang. Every text the page shows is
// put in place here, by key of strings.js, and follows a switch at once: an element given a text
// with `say` keeps its key and values (data-i18n), and index.html marks its own texts the same way.
// Values (handles, numbers, addresses, messages) are shown as they are, each isolated from the
// text around it (<bdi>, or U+2068..U+2069 where only plain text fits), so a Latin handle stays
// readable inside Arabic and an Arabic one inside English.

import { FALLBACK, LANGUAGES, STRINGS } from './strings.js';

const STORAGE_KEY = 'handles-page-language';

let lang = FALLBACK;
// What each element with data-i18n / data-i18n-text shows: { text, values }, `text` a key of
// strings.js or a function of the language giving the text.
const shown = new WeakMap();

/**
 * The page's language for a choice made before (`stored`, or null) and the browser's languages
 * (`preferred`, best first): the first of the page's languages either names, English otherwise.
 */
export function pickLanguage(stored, preferred = []) {
  if (stored && Object.hasOwn(LANGUAGES, stored)) return stored;
  for (const tag of preferred) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (Object.hasOwn(LANGUAGES, primary)) return primary;
  }
  return FALLBACK;
}

/** The language the page is shown in (`en`, `hi`, `ar`, `es`). */
export const currentLanguage = () => lang;

/** Whether strings.js has the text `key`. */
export const hasText = (key) => Object.hasOwn(STRINGS[FALLBACK], key);

/**
 * A text made elsewhere (a refused name explained by the JavaScript package) for `say`:
 * `explain(lang)`, or `fallback` when that throws (its message table did not load).
 */
export function explained(explain, fallback) {
  return (lang) => {
    try {
      return explain(lang);
    } catch {
      return fallback;
    }
  };
}

/** The text of `text` (a key, or a function of the language) for `values.n` in this language. */
function template(text, values) {
  if (typeof text === 'function') return text(lang);
  const value = STRINGS[lang][text] ?? STRINGS[FALLBACK][text];
  if (value === undefined) throw new Error(`no page text ${text}`);
  if (typeof value === 'string') return value;
  return value[new Intl.PluralRules(lang).select(Number(values.n))] ?? value.other;
}

/** A value as text: a function is asked now (a value that is itself a text of the page). */
const valueText = (value) => String(typeof value === 'function' ? value() : value);

/** `text` with its placeholders filled, as plain text (each value isolated by U+2068..U+2069). */
export function t(text, values = {}) {
  return template(text, values).replace(/\{(\w+)\}/g, (_, name) => `\u2068${valueText(values[name])}\u2069`);
}

/** A value inside a text: an element as it is, anything else in a <bdi> of its own. */
function valueNode(value) {
  if (value instanceof Node) return value;
  const bdi = document.createElement('bdi');
  bdi.textContent = valueText(value);
  return bdi;
}

function render(el) {
  const { text, values } = shown.get(el);
  if (el.dataset.i18nText !== undefined) {
    el.textContent = t(text, values);
    return;
  }
  const whole = template(text, values);
  // A text made elsewhere without values is shown as it is, braces and all.
  const parts = typeof text === 'function' && Object.keys(values).length === 0 ? [whole] : whole.split(/\{(\w+)\}/);
  el.replaceChildren(...parts.map((part, i) => (i % 2 === 0 ? part : valueNode(values[part]))).filter((p) => p !== ''));
}

/**
 * Shows in `el` the text `text` (a key of strings.js, or a function of the language for a text made
 * elsewhere) with `values` in its placeholders (strings and numbers as they are, elements, or
 * functions giving a text of the page), now and after every switch of language.
 */
export function say(el, text, values = {}) {
  shown.set(el, { text, values });
  el.dataset.i18n = typeof text === 'function' ? '' : text;
  render(el);
}

/** As {@link say}, as plain text: for elements that hold no markup (an <option>). */
export function sayText(el, text, values = {}) {
  shown.set(el, { text, values });
  el.dataset.i18nText = typeof text === 'function' ? '' : text;
  render(el);
}

/** Empties `el`: it shows no text any more. */
export function unsay(el) {
  shown.delete(el);
  delete el.dataset.i18n;
  delete el.dataset.i18nText;
  el.textContent = '';
}

/** The texts index.html marks (data-i18n, with [data-value] children as values), made known once. */
function adoptStatic() {
  for (const el of document.querySelectorAll('[data-i18n]')) {
    if (shown.has(el)) continue;
    const values = {};
    for (const child of el.querySelectorAll(':scope > [data-value]')) values[child.dataset.value] = child;
    shown.set(el, { text: el.dataset.i18n, values });
  }
}

/** Shows the page in `next`: <html lang dir>, the title, every text and every label. */
export function setLanguage(next) {
  lang = Object.hasOwn(LANGUAGES, next) ? next : FALLBACK;
  const root = document.documentElement;
  root.lang = lang;
  root.dir = LANGUAGES[lang].dir;
  document.title = t('page.title');
  adoptStatic();
  for (const el of document.querySelectorAll('[data-i18n], [data-i18n-text]')) {
    if (shown.has(el)) render(el);
  }
  for (const el of document.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  const select = document.getElementById('lang');
  if (select) select.value = lang;
}

function storedLanguage() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage refused (privacy settings): the browser's languages decide
  }
}

/** Lists the languages in #lang, remembers a switch, and shows the page in the chosen language. */
export function initLanguage() {
  const select = document.getElementById('lang');
  select.replaceChildren(
    ...Object.entries(LANGUAGES).map(([code, { name }]) => {
      const option = document.createElement('option');
      option.value = code;
      option.lang = code;
      option.textContent = name;
      return option;
    }),
  );
  select.addEventListener('change', () => {
    try {
      localStorage.setItem(STORAGE_KEY, select.value);
    } catch {
      // not remembered; the switch still applies
    }
    setLanguage(select.value);
  });
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  setLanguage(pickLanguage(storedLanguage(), preferred));
}
