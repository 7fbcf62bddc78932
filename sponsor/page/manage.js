// "Your handles": once a wallet is connected, the MSAs of the chosen account (the sponsor's
// GET /api/owned, the node's handles_getHandlesForOwner), each with "Change" (a new name and a
// number picked from the ones offered, as for a claim) and "Retire" (confirmed first). The page
// writes the payload and the text to sign itself (signingText of the JavaScript package, the
// chain's own words), shows the text, asks the wallet to sign it, posts it to POST /changes or
// POST /retirements (the sponsor checks it as the chain would and pays), and follows it through
// queued, submitted, in a block and finalized as a claim. An Ethereum wallet's account is known
// only from a signature, so its handles are not listed here.
//
// Element ids the end-to-end tests rely on:
//   #manage                 the section (hidden until an account is chosen)
//   #manage-status          loading, none, or the Ethereum note ([data-i18n])
//   #manage-list            li[data-msa] each: .manage-handle, button.manage-change, button.manage-retire
//   #manage-change-form     #manage-base (new name), #manage-suffix (<select> of offered numbers),
//                           #manage-change-go
//   #manage-retire-confirm  #manage-retire-question, #manage-retire-go, #manage-cancel
//   #manage-sign-text       the text the wallet is asked to sign
//   #manage-progress        [data-status] = last status seen ([data-i18n] "status.*")
//   #manage-error           any refusal
//   #manage-done            the outcome ([data-i18n] "manage.changed" or "manage.retired")

import { signingText } from '/js/src/signing-text.js';

import { errorMessage, suffixOptions } from './api.js';
import { $, hide, show } from './dom.js';
import { hasText, say } from './i18n.js';
import { selectedAccount } from './wallet.js';

const POLL_MS = 700;

const state = {
  // The MSA being changed or retired: { msaId, handle } (handle null when it holds none).
  target: null,
  busy: false,
  listSeq: 0,
  optionsSeq: 0,
};

/** `fetch` + JSON, as api.js answers: `{ ok, status, body, retryAfter }`. */
async function call(path, body) {
  const init = body === undefined
    ? { headers: { accept: 'application/json' } }
    : { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const res = await fetch(path, init);
  let parsed = null;
  try {
    parsed = await res.json();
  } catch {
    // not JSON
  }
  const retry = Number(res.headers.get('retry-after'));
  return { ok: res.ok, status: res.status, body: parsed, retryAfter: Number.isFinite(retry) && retry > 0 ? retry : null };
}

function manageError(text, values) {
  show($('manage-error'), text, values);
}

/** Closes the change form and the retirement's question. */
function closeForms() {
  $('manage-change-form').hidden = true;
  $('manage-retire-confirm').hidden = true;
  state.target = null;
}

/** Lists the MSAs of the chosen account (after a connection, an account change, a change or a retirement). */
export async function refreshManage() {
  const section = $('manage');
  const account = selectedAccount();
  const list = $('manage-list');
  const seq = ++state.listSeq;
  if (!account) {
    section.hidden = true;
    return;
  }
  section.hidden = false;
  if (!state.busy) closeForms();
  if (account.kind === 'ethereum') {
    list.replaceChildren();
    say($('manage-status'), 'manage.ethereum');
    return;
  }
  say($('manage-status'), 'manage.loading');
  let res;
  try {
    res = await call(`/api/owned?owner=${encodeURIComponent(account.address)}`);
  } catch (e) {
    if (seq === state.listSeq) manageError('net.unreachable', { error: e.message });
    return;
  }
  if (seq !== state.listSeq) return;
  if (!res.ok || !Array.isArray(res.body)) {
    list.replaceChildren();
    say($('manage-status'), ...errorMessage(res));
    return;
  }
  list.replaceChildren(...res.body.map(row));
  say($('manage-status'), res.body.length === 0 ? 'manage.none' : 'manage.count', { n: res.body.length });
}

/** One MSA of the list: its handle (or that it holds none) and its two actions. */
function row({ msaId, handle }) {
  const li = document.createElement('li');
  li.dataset.msa = String(msaId);
  const name = document.createElement('span');
  name.className = 'manage-handle';
  name.dir = 'auto';
  if (handle) name.textContent = handle;
  else say(name, 'manage.noHandle');
  const msa = document.createElement('span');
  msa.className = 'hint';
  say(msa, 'manage.msa', { msa: msaId });
  const change = document.createElement('button');
  change.type = 'button';
  change.className = 'secondary manage-change';
  say(change, handle ? 'manage.change' : 'manage.newHandle');
  change.addEventListener('click', () => openChange({ msaId, handle }));
  li.append(name, ' ', msa, ' ', change);
  if (handle) {
    const retire = document.createElement('button');
    retire.type = 'button';
    retire.className = 'secondary manage-retire';
    say(retire, 'manage.retire');
    retire.addEventListener('click', () => openRetire({ msaId, handle }));
    li.append(' ', retire);
  }
  return li;
}

function reset() {
  hide($('manage-error'));
  $('manage-done').hidden = true;
  $('manage-sign-panel').hidden = true;
  $('manage-progress').hidden = true;
}

function openChange(target) {
  if (state.busy) return;
  reset();
  closeForms();
  state.target = target;
  say($('manage-change-title'), target.handle ? 'manage.changeTitle' : 'manage.newHandleTitle', { handle: target.handle ?? '', msa: target.msaId });
  $('manage-base').value = '';
  $('manage-suffix').replaceChildren();
  $('manage-change-go').disabled = true;
  $('manage-change-form').hidden = false;
  $('manage-base').focus();
}

function openRetire(target) {
  if (state.busy) return;
  reset();
  closeForms();
  state.target = target;
  say($('manage-retire-question'), 'manage.confirmRetire', { handle: target.handle, msa: target.msaId });
  $('manage-retire-confirm').hidden = false;
  $('manage-retire-go').focus();
}

/** The numbers offered for the new name, as a `<select>`. */
async function loadNumbers() {
  const base = $('manage-base').value.trim();
  const select = $('manage-suffix');
  const seq = ++state.optionsSeq;
  $('manage-change-go').disabled = true;
  select.replaceChildren();
  hide($('manage-error'));
  if (!base) return;
  let res;
  try {
    res = await suffixOptions(base);
  } catch (e) {
    if (seq === state.optionsSeq) manageError('net.unreachable', { error: e.message });
    return;
  }
  if (seq !== state.optionsSeq) return;
  if (!res.ok) return manageError(...errorMessage(res, { base }));
  const { available, expiring } = res.body;
  if (available.length === 0) return manageError('manage.noNumber', { base });
  const preferred = available.find((s) => !expiring.includes(s)) ?? available[0];
  for (const s of available) {
    const option = document.createElement('option');
    option.value = String(s);
    option.textContent = String(s);
    option.selected = s === preferred;
    select.append(option);
  }
  $('manage-change-go').disabled = false;
}

/** The owner's signature of `text` with a polkadot.js-interface wallet (signRaw, `<Bytes>`-wrapped). */
async function sign(account, text) {
  const signed = await account.signer.signRaw({ address: account.address, data: text.bytes, type: 'bytes' });
  return signed.signature;
}

/**
 * Signs `payload` of `kind` ('change' or 'retire'), posts it to `path` and follows it; `done` is the
 * text shown once finalized.
 */
async function run(kind, path, payloadOf, done) {
  const account = selectedAccount();
  if (!account || account.kind === 'ethereum' || state.busy) return;
  state.busy = true;
  reset();
  for (const b of document.querySelectorAll('#manage button')) b.disabled = true;
  try {
    say($('manage-status'), 'claim.preparing');
    const info = await call('/api/info');
    if (!info.ok) return manageError(...errorMessage(info));
    const { chainName, genesisHash, ss58Prefix, finalized, maxPayloadLifetime } = info.body;
    const payload = payloadOf(finalized + Math.floor(maxPayloadLifetime / 2));
    const text = signingText(kind, payload, { name: chainName, genesisHash, ss58Prefix });
    $('manage-sign-text').textContent = text.message;
    $('manage-sign-panel').hidden = false;
    say($('manage-status'), 'claim.approve');
    let signature;
    try {
      signature = await sign(account, text);
    } catch (e) {
      const why = String(e?.message ?? '');
      if (!why || /cancel|reject|denied|declin/i.test(why)) return manageError('claim.cancelled');
      return manageError('claim.walletFailed', { error: why });
    }
    say($('manage-status'), 'manage.sending');
    const sent = await call(path, { owner: account.address, signature, payload });
    if (!sent.ok) return manageError(...errorMessage(sent, { handle: state.target?.handle ?? '' }));
    const final = await follow(sent.body.id);
    if (!final) return;
    if (final.status === 'failed') {
      const error = /^Handles\.(\w+)/.exec(final.reason ?? '')?.[1];
      if (error && hasText(`error.${error}`)) return manageError(`error.${error}`, { handle: final.handle ?? '' });
      return manageError('claim.failed', { reason: final.reason ?? '' });
    }
    closeForms();
    show($('manage-done'), done, { handle: final.handle, msa: final.msaId });
  } catch (e) {
    manageError('net.unreachable', { error: e.message });
  } finally {
    state.busy = false;
    for (const b of document.querySelectorAll('#manage button')) b.disabled = false;
    $('manage-change-go').disabled = $('manage-suffix').options.length === 0;
    await refreshManage();
  }
}

/** Polls `/claims/{id}` until it settles; shows each status. Resolves to the settled record. */
async function follow(id) {
  const progress = $('manage-progress');
  progress.hidden = false;
  let misses = 0;
  for (;;) {
    const res = await call(`/claims/${encodeURIComponent(id)}`).catch(() => null);
    if (!res || !res.ok) {
      if (++misses >= 20) {
        manageError('claim.lost', { error: res ? res.status : '', id });
        return null;
      }
    } else {
      misses = 0;
      const status = res.body.status;
      progress.dataset.status = status;
      if (hasText(`status.${status}`)) say(progress, `status.${status}`);
      if (res.body.final) return res.body;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function change() {
  const target = state.target;
  const newBaseHandle = $('manage-base').value.trim();
  const newSuffix = Number($('manage-suffix').value);
  if (!target || !newBaseHandle || !Number.isInteger(newSuffix)) return;
  run('change', '/changes', (expiration) => ({ msaId: target.msaId, oldHandle: target.handle, newBaseHandle, newSuffix, expiration }), 'manage.changed');
}

function retire() {
  const target = state.target;
  if (!target?.handle) return;
  run('retire', '/retirements', (expiration) => ({ msaId: target.msaId, handle: target.handle, expiration }), 'manage.retired');
}

/** Wires the section's controls. */
export function initManage() {
  let timer = null;
  $('manage-base').addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(loadNumbers, 300);
  });
  $('manage-change-go').addEventListener('click', change);
  $('manage-retire-go').addEventListener('click', retire);
  $('manage-cancel').addEventListener('click', () => {
    if (!state.busy) closeForms();
  });
  $('manage-change-cancel').addEventListener('click', () => {
    if (!state.busy) closeForms();
  });
}
