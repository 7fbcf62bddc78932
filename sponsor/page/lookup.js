// The look-up view: who holds a handle, look-alikes included (`alice.４８２１` finds `Alice.4821`).

import { errorMessage, lookup } from './api.js';
import { $, hide, show } from './dom.js';
import { say, unsay } from './i18n.js';

/** Wires the look-up form. */
export function initLookup() {
  let lookupSeq = 0;
  $('lookup-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const handle = $('lookup-input').value;
    const seq = ++lookupSeq;
    const status = $('lookup-status');
    hide($('lookup-error'));
    $('lookup-result').hidden = true;
    if (handle.trim() === '') {
      say(status, 'lookup.empty', { example: 'Alice.4821' });
      return;
    }
    say(status, 'lookup.looking');
    let res;
    try {
      res = await lookup(handle);
    } catch (err) {
      if (seq !== lookupSeq) return;
      unsay(status);
      return show($('lookup-error'), 'net.unreachable', { error: err.message });
    }
    if (seq !== lookupSeq) return;
    if (!res.ok) {
      unsay(status);
      return show($('lookup-error'), ...errorMessage(res));
    }
    if (res.body === null) {
      say(status, 'lookup.nobody');
      return;
    }
    unsay(status);
    $('lookup-handle').textContent = res.body.handle;
    $('lookup-owner').textContent = res.body.owner;
    $('lookup-msa').textContent = String(res.body.msaId);
    $('lookup-result').hidden = false;
  });
}
