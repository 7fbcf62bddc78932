// The two views, "Claim a handle" and "Look up a handle", as tabs (arrow keys, Home and End move
// between them; right to left, the left arrow moves to the next tab); the URL's #lookup or #claim
// says which one is open.

import { $ } from './dom.js';

/** Wires the tabs and opens the view the URL names. */
export function initTabs() {
  const tabs = [$('tab-claim'), $('tab-lookup')];

  function selectTab(tab, { focus = false } = {}) {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      $(t.getAttribute('aria-controls')).hidden = !on;
    }
    if (focus) tab.focus();
    const hash = tab.id === 'tab-lookup' ? '#lookup' : '#claim';
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }

  for (const tab of tabs) {
    tab.addEventListener('click', () => selectTab(tab));
    tab.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(tab);
      const forward = document.documentElement.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
      const backward = forward === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
      let next = null;
      if (e.key === forward) next = tabs[(i + 1) % tabs.length];
      else if (e.key === backward) next = tabs[(i + tabs.length - 1) % tabs.length];
      else if (e.key === 'Home') next = tabs[0];
      else if (e.key === 'End') next = tabs[tabs.length - 1];
      if (next) {
        e.preventDefault();
        selectTab(next, { focus: true });
      }
    });
  }
  if (location.hash === '#lookup') selectTab($('tab-lookup'));
}
