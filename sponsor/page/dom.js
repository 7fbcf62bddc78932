// Small helpers of the page's views: elements by id, messages shown and hidden, short addresses.

/** The element with this id. */
export const $ = (id) => document.getElementById(id);

/** Shows `el` with `text`. */
export function show(el, text) {
  el.textContent = text;
  el.hidden = false;
}

/** Empties and hides `el`. */
export function hide(el) {
  el.textContent = '';
  el.hidden = true;
}

/** A long address as its first and last six characters (`5Grwva…GKutQY`). */
export function shortAddress(address) {
  return address.length > 16 ? `${address.slice(0, 6)}…${address.slice(-6)}` : address;
}
