// The look-up view: who holds a handle, look-alikes included (`alice.４８２１` finds `Alice.4821`).

import { errorMessage, lookup } from './api.js';
import { $, hide, show } from './dom.js';

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
      status.textContent = 'Type a handle, like Alice.4821.';
      return;
    }
    status.textContent = 'Looking up…';
    let res;
    try {
      res = await lookup(handle);
    } catch (err) {
      if (seq !== lookupSeq) return;
      status.textContent = '';
      return show($('lookup-error'), `Could not reach the sponsor: ${err.message}`);
    }
    if (seq !== lookupSeq) return;
    if (!res.ok) {
      status.textContent = '';
      return show($('lookup-error'), errorMessage(res));
    }
    if (res.body === null) {
      status.textContent = 'No MSA holds this handle.';
      return;
    }
    status.textContent = '';
    $('lookup-handle').textContent = res.body.handle;
    $('lookup-owner').textContent = res.body.owner;
    $('lookup-msa').textContent = String(res.body.msaId);
    $('lookup-result').hidden = false;
  });
}
