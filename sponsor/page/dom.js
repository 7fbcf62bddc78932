// Small helpers of the page's views: elements by id, messages shown and hidden, short addresses.

import { say, unsay } from './i18n.js';

/** The element with this id. */
export const $ = (id) => document.getElementById(id);

/** Shows `el` with the text `text` (a key of strings.js, or a function of the language) and `values`. */
export function show(el, text, values) {
  say(el, text, values);
  el.hidden = false;
}

/** Empties and hides `el`. */
export function hide(el) {
  unsay(el);
  el.hidden = true;
}

/** A long address as its first and last six characters (`5Grwva…GKutQY`). */
export function shortAddress(address) {
  return address.length > 16 ? `${address.slice(0, 6)}…${address.slice(-6)}` : address;
}
