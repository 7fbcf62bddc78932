// The handle rules: the rules crate compiled to WebAssembly, as the JavaScript package ships it
// (/js/src/rules.js loads it on import). Says in #rules-status whether they are ready.

import { initRules, rulesReady } from '/js/src/rules.js';

import { $ } from './dom.js';
import { say, unsay } from './i18n.js';

/** Waits for the rules (loading them again only when the first load failed), then `onReady()`. */
export async function loadRules(onReady) {
  const status = $('rules-status');
  try {
    if (!rulesReady()) await initRules();
    unsay(status);
    status.hidden = true;
    status.dataset.ready = 'true';
    onReady();
  } catch (e) {
    say(status, 'rules.failed', { error: e.message });
    status.classList.add('error-text');
  }
}
