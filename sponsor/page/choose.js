// Steps 1 and 2 of a claim: the name, checked as it is typed with the Wasm rules, and the numbers
// (suffixes) the chain offers for it, from the sponsor. Answers for an older input are dropped. A
// refused name is explained in the page's language by the JavaScript package (explainRule), in
// words a person can act on.

import { explainError, explainRule } from '/js/src/messages.js';
import { formatDisplay, validate } from '/js/src/rules.js';

import { errorMessage, isAbort, suffixOptions } from './api.js';
import { $, hide, show } from './dom.js';
import { explained, say } from './i18n.js';

const DEBOUNCE_MS = 150;
const FIRST_SHOWN = 8; // suffixes listed before "Show all"

const state = {
  base: '', // the base the current options are for
  options: null, // the /api/options answer for `base`, or null
  seq: 0, // increases on every input: answers for an older one are dropped
  optionsAbort: null,
  showAll: false, // every suffix listed, not only the first FIRST_SHOWN
};

// Told when what is chosen changes (`onChange`) and when the person edits it (`onEdit`).
let onChange = () => {};
let onEdit = () => {};

const baseInput = $('base');
const suffixesEl = $('suffixes');

function selectedSuffix() {
  const checked = suffixesEl.querySelector('input[name="suffix"]:checked');
  return checked ? Number(checked.value) : null;
}

/**
 * What is chosen: `{ base, options, suffix }`; `options` is the sponsor's answer for `base` (null
 * while there is none for the name as typed), `suffix` the number picked (null without options).
 */
export function chosen() {
  return { base: state.base, options: state.options, suffix: state.options ? selectedSuffix() : null };
}

/** Empties the suffix list, saying `text` (with `values`) in its place. */
function clearSuffixes(text, values) {
  suffixesEl.replaceChildren();
  $('suffixes-more').hidden = true;
  delete suffixesEl.dataset.base;
  suffixesEl.classList.remove('stale');
  say($('options-status'), text, values);
  $('options-status').classList.remove('error-text');
}

/** Shows the available suffixes of `options` as radios; keeps the chosen one when still offered. */
function renderSuffixes(options, keep) {
  const { available, expiring, nextRotation } = options;
  suffixesEl.replaceChildren();
  suffixesEl.classList.remove('stale');
  suffixesEl.dataset.base = state.base;
  const status = $('options-status');
  status.classList.remove('error-text');
  const more = $('suffixes-more');
  more.hidden = true;
  if (available.length === 0) {
    say(status, 'numbers.none', { block: nextRotation });
    return;
  }
  const expiringSet = new Set(expiring);
  const preferred = keep !== null && available.includes(keep) ? keep : (available.find((s) => !expiringSet.has(s)) ?? available[0]);
  let shown = available;
  if (!state.showAll && available.length > FIRST_SHOWN) {
    shown = available.slice(0, FIRST_SHOWN);
    // The chosen one is always listed (after the others: the list stays in ascending order).
    if (!shown.includes(preferred)) shown = [...available.slice(0, FIRST_SHOWN - 1), preferred];
    say(more, 'numbers.showAll', { n: available.length });
    more.hidden = false;
  }
  for (const suffix of shown) {
    const id = `suffix-${suffix}`;
    const label = document.createElement('label');
    label.className = 'choice';
    label.htmlFor = id;
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'suffix';
    input.id = id;
    input.value = String(suffix);
    input.checked = suffix === preferred;
    const name = document.createElement('span');
    name.className = 'display';
    name.dir = 'auto';
    name.textContent = formatDisplay(state.base, suffix);
    label.append(input, name);
    if (expiringSet.has(suffix)) {
      label.classList.add('expiring');
      const note = document.createElement('span');
      note.className = 'badge';
      const sr = document.createElement('span');
      sr.className = 'sr-only';
      say(sr, 'numbers.offered');
      const until = document.createElement('span');
      say(until, 'numbers.until', { block: nextRotation });
      note.append(sr, ' ', until);
      label.append(note);
    }
    suffixesEl.append(label);
  }
  if (expiring.length === 0) {
    say(status, 'numbers.count', { n: available.length });
  } else {
    // Two sentences, each following a switch of language on its own.
    const count = document.createElement('span');
    say(count, 'numbers.count', { n: available.length });
    const note = document.createElement('span');
    say(note, 'numbers.expiringNote', { block: nextRotation });
    say(status, () => '{count} {note}', { count, note });
  }
}

/** Validates the base with the Wasm rules and loads its options (answers for older input are dropped). */
async function checkBase({ keepError = false } = {}) {
  const base = baseInput.value;
  const seq = ++state.seq;
  state.optionsAbort?.abort();
  state.optionsAbort = null;
  const ruleError = $('rule-error');
  if (!keepError) onEdit();

  if (base === '') {
    state.base = '';
    state.options = null;
    hide(ruleError);
    $('canonical-line').hidden = true;
    clearSuffixes('numbers.typeName');
    onChange();
    return;
  }

  let result;
  try {
    result = validate(base);
  } catch (e) {
    // Over-long input and the like: the loader refuses it before the rules run.
    result = { valid: false, error: e.message, explain: (lang) => explainError(base, e, lang) };
  }
  if (!result.valid) {
    state.base = base;
    state.options = null;
    $('canonical-line').hidden = true;
    show(ruleError, explained(result.explain ?? ((lang) => explainRule(base, result.rule, lang)), result.error));
    baseInput.setAttribute('aria-invalid', 'true');
    clearSuffixes('numbers.fixName');
    onChange();
    return;
  }

  baseInput.removeAttribute('aria-invalid');
  hide(ruleError);
  $('canonical').textContent = result.canonical;
  $('canonical-line').hidden = false;

  const keep = state.base === base ? selectedSuffix() : null;
  if (state.base !== base) {
    state.options = null;
    suffixesEl.classList.add('stale');
  }
  say($('options-status'), 'numbers.looking');
  onChange();

  const abort = new AbortController();
  state.optionsAbort = abort;
  let res;
  try {
    res = await suffixOptions(base, abort.signal);
  } catch (e) {
    if (isAbort(e) || seq !== state.seq) return;
    state.options = null;
    clearSuffixes('net.unreachable', { error: e.message });
    $('options-status').classList.add('error-text');
    onChange();
    return;
  }
  if (seq !== state.seq) return; // a newer input is on its way
  state.optionsAbort = null;
  if (state.base !== base) state.showAll = false;
  state.base = base;
  if (!res.ok) {
    state.options = null;
    if (res.status >= 400 && res.status < 500 && res.status !== 429) {
      // The chain refuses the name (its reserved list may be longer than the default one).
      $('canonical-line').hidden = true;
      baseInput.setAttribute('aria-invalid', 'true');
      show(ruleError, ...errorMessage(res, { base }));
      clearSuffixes('numbers.fixName');
    } else {
      clearSuffixes(...errorMessage(res));
      $('options-status').classList.add('error-text');
    }
    onChange();
    return;
  }
  state.options = res.body;
  renderSuffixes(res.body, keep);
  onChange();
}

/** Reloads the options of the current name (after a claim changed what is available). */
export function refreshOptions() {
  if (baseInput.value !== '') checkBase({ keepError: true });
}

/** Empties the name (after a claim went through), keeping any message of the claim. */
export function startOver() {
  baseInput.value = '';
  checkBase({ keepError: true });
}

/** Keeps the name from being edited (while a claim runs) or lets it be edited again. */
export function lockName(locked) {
  baseInput.disabled = locked;
}

/** Lets the name be typed (once the rules are loaded), checking what is there already. */
export function enableName() {
  baseInput.disabled = false;
  if (baseInput.value !== '') checkBase();
}

/** Wires the name input and the suffix list; `onChange` and `onEdit` as above. */
export function initChoose(callbacks) {
  ({ onChange, onEdit } = callbacks);

  $('suffixes-more').addEventListener('click', () => {
    if (!state.options) return;
    state.showAll = true;
    renderSuffixes(state.options, selectedSuffix());
    suffixesEl.querySelector('input[name="suffix"]:checked')?.focus();
  });

  suffixesEl.addEventListener('change', () => {
    onEdit();
    onChange();
  });

  let debounceTimer = null;
  baseInput.addEventListener('input', () => {
    // What is shown is for an older input until the check runs: nothing may be claimed meanwhile.
    state.seq++;
    state.optionsAbort?.abort();
    state.options = null;
    suffixesEl.classList.add('stale');
    onChange();
    clearTimeout(debounceTimer);
    debounceTimer = setTimeout(() => checkBase(), DEBOUNCE_MS);
  });
}
