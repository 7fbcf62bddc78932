// The claim page of handles-sponsor: claim a handle with a browser wallet (the sponsor pays the
// fee) and look handles up. No framework, no build step. Every handle rule comes from the rules
// crate compiled to WebAssembly (/js/src/rules.js); none is written here.
//
// Element ids the end-to-end test (e2e/test/claim-page.test.js) relies on:
//   #tab-claim, #tab-lookup       the two view tabs (#view-claim, #view-lookup)
//   #rules-status                 loading state of the Wasm rules ([data-ready] once loaded)
//   #base                         base handle input
//   #canonical                    canonical form of a valid base (inside #canonical-line)
//   #rule-error                   the broken rule's message, or the sponsor's refusal of the base
//   #options-status               state of the suffix list (loading, none available, ...)
//   #suffixes                     radio inputs name="suffix" value=<suffix>; [data-base] = the base
//                                 the list is for; expiring ones have class "expiring"
//   #suffixes-more                "Show all N numbers" (only the first 8 are listed before)
//   #connect, #wallet-status      connect button and its message
//   #account                      <select> of accounts, value = address
//   #claim, #claim-summary        claim button and what it will claim
//   #claim-error                  any refusal of the claim (sponsor, wallet, failed reason)
//   #progress                     <ol> of steps li[data-step]; [data-status] = last status seen;
//                                 the current step has aria-current="step"
//   #result                       success panel: #result-handle, #result-msa, #result-owner, #result-block
//   #lookup-input, #lookup-go     look-up form
//   #lookup-status                "No MSA holds this handle", "Looking up…"
//   #lookup-error                 malformed handle or other refusal
//   #lookup-result                #lookup-handle, #lookup-owner, #lookup-msa

import { formatDisplay, initRules, rulesReady, validate } from '/js/src/rules.js';

const ORIGIN_NAME = 'Handles claim page';
const DEBOUNCE_MS = 150;
const POLL_MS = 700;
const FIRST_SHOWN = 8; // suffixes listed before "Show all
const STEPS = ['queued', 'submitted', 'in_block', 'finalized'];
const STEP_TEXT = {
  queued: 'Queued: waiting for the sponsor to send it.',
  submitted: 'Submitted: waiting for a block.',
  in_block: 'In a block: waiting for it to be final.',
  finalized: 'Finalized.',
  failed: 'Failed.',
};

const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------------------------------------
// Small helpers.

function show(el, text) {
  el.textContent = text;
  el.hidden = false;
}

function hide(el) {
  el.textContent = '';
  el.hidden = true;
}

function shortAddress(address) {
  return address.length > 16 ? `${address.slice(0, 6)}…${address.slice(-6)}` : address;
}

/**
 * fetch + JSON. Resolves to `{ ok, status, body }`; an error response's body is the sponsor's
 * `{ error, message }` when it sent one. Network failures reject.
 */
async function api(path, { method = 'GET', body, signal } = {}) {
  const res = await fetch(path, {
    method,
    signal,
    headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let parsed = null;
  const text = await res.text();
  if (text.length > 0) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  return { ok: res.ok, status: res.status, body: parsed };
}

/** The one-line message of an error response. */
function errorMessage(res) {
  if (res.body && typeof res.body.message === 'string' && res.body.message) return res.body.message;
  if (res.status === 429) return 'Too many requests: wait a moment and try again.';
  if (res.status >= 500) return `The sponsor is not available right now (HTTP ${res.status}); try again later.`;
  return `The sponsor refused the request (HTTP ${res.status}).`;
}

const isAbort = (e) => e && e.name === 'AbortError';

// ---------------------------------------------------------------------------------------------
// Tabs.

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
    let next = null;
    if (e.key === 'ArrowRight') next = tabs[(i + 1) % tabs.length];
    else if (e.key === 'ArrowLeft') next = tabs[(i + tabs.length - 1) % tabs.length];
    else if (e.key === 'Home') next = tabs[0];
    else if (e.key === 'End') next = tabs[tabs.length - 1];
    if (next) {
      e.preventDefault();
      selectTab(next, { focus: true });
    }
  });
}
if (location.hash === '#lookup') selectTab($('tab-lookup'));

// ---------------------------------------------------------------------------------------------
// Claim view state.

const state = {
  base: '', // the base the current options are for
  options: null, // the /api/options answer for `base`, or null
  seq: 0, // increases on every input: answers for an older one are dropped
  optionsAbort: null,
  showAll: false, // every suffix listed, not only the first FIRST_SHOWN
  accounts: [], // [{ address, name, source, signer }]
  connecting: false,
  claiming: false,
  claimSeq: 0,
};

const baseInput = $('base');
const suffixesEl = $('suffixes');
const claimBtn = $('claim');

function selectedSuffix() {
  const checked = suffixesEl.querySelector('input[name="suffix"]:checked');
  return checked ? Number(checked.value) : null;
}

function selectedAccount() {
  const address = $('account').value;
  return state.accounts.find((a) => a.address === address) ?? null;
}

/** Enables the claim button when a name, a number and an account are chosen; says what is missing. */
function updateClaimButton() {
  const suffix = state.options ? selectedSuffix() : null;
  const account = selectedAccount();
  let summary;
  if (state.claiming) summary = 'Claim in progress…';
  else if (!state.options) summary = 'Pick a name first.';
  else if (state.options.available.length === 0) summary = 'No number is available for this name.';
  else if (suffix === null) summary = 'Pick a number first.';
  else if (!account) summary = `Connect a wallet to claim ${formatDisplay(state.base, suffix)}.`;
  else summary = `Claim ${formatDisplay(state.base, suffix)} for ${account.name || 'account'} ${shortAddress(account.address)}.`;
  $('claim-summary').textContent = summary;
  // While a claim runs the button keeps the focus (aria-disabled, presses ignored); otherwise it
  // is disabled until there is something to claim.
  claimBtn.disabled = !state.claiming && (!state.options || suffix === null || !account);
  if (state.claiming) claimBtn.setAttribute('aria-disabled', 'true');
  else claimBtn.removeAttribute('aria-disabled');
}

function clearSuffixes(message) {
  suffixesEl.replaceChildren();
  $('suffixes-more').hidden = true;
  delete suffixesEl.dataset.base;
  suffixesEl.classList.remove('stale');
  $('options-status').textContent = message;
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
    status.textContent = `No number is available for this name right now. New numbers are offered from block ${nextRotation}; or try another name.`;
    return;
  }
  const expiringSet = new Set(expiring);
  const preferred = keep !== null && available.includes(keep) ? keep : (available.find((s) => !expiringSet.has(s)) ?? available[0]);
  let shown = available;
  if (!state.showAll && available.length > FIRST_SHOWN) {
    shown = available.slice(0, FIRST_SHOWN);
    // The chosen one is always listed (after the others: the list stays in ascending order).
    if (!shown.includes(preferred)) shown = [...available.slice(0, FIRST_SHOWN - 1), preferred];
    more.textContent = `Show all ${available.length} numbers`;
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
    name.textContent = formatDisplay(state.base, suffix);
    label.append(input, name);
    if (expiringSet.has(suffix)) {
      label.classList.add('expiring');
      const note = document.createElement('span');
      note.className = 'badge';
      const sr = document.createElement('span');
      sr.className = 'sr-only';
      sr.textContent = 'offered ';
      note.append(sr, `until block ${nextRotation}`);
      label.append(note);
    }
    suffixesEl.append(label);
  }
  const n = available.length;
  const count = `${n} number${n === 1 ? ' is' : 's are'} available.`;
  status.textContent = expiring.length === 0 ? count : `${count} Those marked "until block ${nextRotation}" are offered only until that block.`;
}

$('suffixes-more').addEventListener('click', () => {
  if (!state.options) return;
  state.showAll = true;
  renderSuffixes(state.options, selectedSuffix());
  suffixesEl.querySelector('input[name="suffix"]:checked')?.focus();
});

suffixesEl.addEventListener('change', () => {
  hide($('claim-error'));
  updateClaimButton();
});

/** Validates the base with the Wasm rules and loads its options (answers for older input are dropped). */
async function checkBase({ keepError = false } = {}) {
  const base = baseInput.value;
  const seq = ++state.seq;
  state.optionsAbort?.abort();
  state.optionsAbort = null;
  const ruleError = $('rule-error');
  if (!keepError) hide($('claim-error'));

  if (base === '') {
    state.base = '';
    state.options = null;
    hide(ruleError);
    $('canonical-line').hidden = true;
    clearSuffixes('Type a name first.');
    updateClaimButton();
    return;
  }

  let result;
  try {
    result = validate(base);
  } catch (e) {
    // Over-long input and the like: the loader's own message.
    result = { valid: false, error: e.message };
  }
  if (!result.valid) {
    state.base = base;
    state.options = null;
    $('canonical-line').hidden = true;
    show(ruleError, result.error);
    baseInput.setAttribute('aria-invalid', 'true');
    clearSuffixes('Fix the name to see its numbers.');
    updateClaimButton();
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
  $('options-status').textContent = 'Looking for available numbers…';
  updateClaimButton();

  const abort = new AbortController();
  state.optionsAbort = abort;
  let res;
  try {
    res = await api(`/api/options?base=${encodeURIComponent(base)}`, { signal: abort.signal });
  } catch (e) {
    if (isAbort(e) || seq !== state.seq) return;
    state.options = null;
    clearSuffixes(`Could not reach the sponsor: ${e.message}`);
    $('options-status').classList.add('error-text');
    updateClaimButton();
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
      show(ruleError, errorMessage(res));
      clearSuffixes('Fix the name to see its numbers.');
    } else {
      clearSuffixes(errorMessage(res));
      $('options-status').classList.add('error-text');
    }
    updateClaimButton();
    return;
  }
  state.options = res.body;
  renderSuffixes(res.body, keep);
  updateClaimButton();
}

let debounceTimer = null;
baseInput.addEventListener('input', () => {
  // What is shown is for an older input until the check runs: nothing may be claimed meanwhile.
  state.seq++;
  state.optionsAbort?.abort();
  state.options = null;
  suffixesEl.classList.add('stale');
  updateClaimButton();
  clearTimeout(debounceTimer);
  debounceTimer = setTimeout(() => checkBase(), DEBOUNCE_MS);
});

// ---------------------------------------------------------------------------------------------
// Wallet: the polkadot.js extension interface (window.injectedWeb3), as web3Enable + web3Accounts.

async function connectWallet() {
  const status = $('wallet-status');
  const connect = $('connect');
  const injected = window.injectedWeb3 ?? {};
  const names = Object.keys(injected);
  status.classList.remove('error-text');
  if (names.length === 0) {
    status.textContent = 'No wallet extension found. Install a Polkadot wallet extension (polkadot.js, Talisman or SubWallet), then reload this page.';
    status.classList.add('error-text');
    return;
  }
  // Not disabled meanwhile (a disabled button loses the keyboard focus): a second press waits.
  if (state.connecting) return;
  state.connecting = true;
  connect.setAttribute('aria-busy', 'true');
  status.textContent = 'Asking your wallet for access…';
  const refusals = [];
  const found = [];
  await Promise.all(
    names.map(async (source) => {
      try {
        const ext = await injected[source].enable(ORIGIN_NAME);
        const list = await ext.accounts.get();
        for (const acc of list ?? []) {
          // Ethereum-style (H160) accounts cannot own a handle on this chain.
          if (acc.type === 'ethereum') continue;
          if (found.some((a) => a.address === acc.address)) continue;
          found.push({ address: acc.address, name: acc.name ?? '', source, signer: ext.signer });
        }
      } catch (e) {
        refusals.push(`${source}: ${e?.message ?? e}`);
      }
    }),
  );
  state.connecting = false;
  connect.removeAttribute('aria-busy');
  const previous = $('account').value;
  state.accounts = found;
  const select = $('account');
  select.replaceChildren(
    ...found.map((a) => {
      const opt = document.createElement('option');
      opt.value = a.address;
      opt.textContent = `${a.name || 'Account'} (${shortAddress(a.address)})`;
      return opt;
    }),
  );
  if (found.some((a) => a.address === previous)) select.value = previous;
  $('account-field').hidden = found.length === 0;
  if (found.length > 0) {
    connect.textContent = 'Reconnect wallet';
    status.textContent = `Connected: ${found.length} account${found.length === 1 ? '' : 's'}.`;
  } else if (refusals.length === names.length) {
    status.textContent = `The wallet did not connect (${refusals.join('; ')}). Allow this page in your wallet, then connect again.`;
    status.classList.add('error-text');
  } else {
    status.textContent = 'Your wallet shared no account with this page. Create an account, or allow one for this page, in your wallet extension (polkadot.js, Talisman or SubWallet), then connect again.';
    status.classList.add('error-text');
  }
  showAddress();
  updateClaimButton();
}

function showAddress() {
  const account = selectedAccount();
  $('account-address').textContent = account ? account.address : '';
}

$('connect').addEventListener('click', () => connectWallet());
$('account').addEventListener('change', () => {
  showAddress();
  updateClaimButton();
});

// ---------------------------------------------------------------------------------------------
// Claiming: payload from the sponsor, signature from the wallet, claim to the sponsor, progress.

function setProgress(status) {
  const panel = $('progress-panel');
  const list = $('progress');
  panel.hidden = false;
  list.dataset.status = status;
  const reached = STEPS.indexOf(status);
  for (const li of list.querySelectorAll('li')) {
    const i = STEPS.indexOf(li.dataset.step);
    li.classList.toggle('done', reached >= 0 && (i < reached || status === 'finalized'));
    li.classList.toggle('failed', false);
    if (i === reached) li.setAttribute('aria-current', 'step');
    else li.removeAttribute('aria-current');
  }
  $('progress-status').textContent = STEP_TEXT[status] ?? status;
}

function markFailed() {
  const list = $('progress');
  list.dataset.status = 'failed';
  const current = list.querySelector('li[aria-current="step"]') ?? list.querySelector('li:not(.done)');
  if (current) current.classList.add('failed');
  $('progress-status').textContent = STEP_TEXT.failed;
}

function claimError(text) {
  show($('claim-error'), text);
}

function finishClaim() {
  state.claiming = false;
  baseInput.disabled = false;
  updateClaimButton();
}

async function claim() {
  const suffix = selectedSuffix();
  const account = selectedAccount();
  if (!state.options || suffix === null || !account || state.claiming) return;
  const base = state.base;
  const mySeq = ++state.claimSeq;
  state.claiming = true;
  baseInput.disabled = true;
  updateClaimButton();
  hide($('claim-error'));
  $('result').hidden = true;
  $('progress-panel').hidden = true;

  try {
    // 1. The payload and the exact bytes to sign.
    $('claim-summary').textContent = 'Preparing the claim…';
    const prepared = await api('/api/payload', { method: 'POST', body: { baseHandle: base, suffix } });
    if (!prepared.ok) {
      claimError(errorMessage(prepared));
      if (prepared.body?.error === 'SuffixNotAvailable') refreshOptions();
      return;
    }
    const { payload, message } = prepared.body;

    // 2. The owner's signature.
    $('claim-summary').textContent = 'Approve the signature in your wallet…';
    let signed;
    try {
      signed = await account.signer.signRaw({ address: account.address, data: message, type: 'bytes' });
    } catch (e) {
      const why = String(e?.message ?? '');
      return claimError(!why || /cancel|reject|denied|declin/i.test(why) ? 'Signing was cancelled.' : `The wallet could not sign: ${why}`);
    }

    // 3. The claim.
    $('claim-summary').textContent = 'Sending the claim…';
    const sent = await api('/claims', { method: 'POST', body: { owner: account.address, signature: signed.signature, payload } });
    if (!sent.ok) {
      claimError(errorMessage(sent));
      if (sent.body?.error === 'SuffixNotAvailable') refreshOptions();
      return;
    }
    setProgress(sent.body.status ?? 'queued');
    await follow(sent.body.id, mySeq, account.address);
  } catch (e) {
    claimError(`Could not reach the sponsor: ${e.message}`);
  } finally {
    if (mySeq === state.claimSeq) finishClaim();
  }
}

/** Polls the claim until it is finalized or failed. */
async function follow(id, mySeq, owner) {
  let misses = 0;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (mySeq !== state.claimSeq) return;
    let res;
    try {
      res = await api(`/claims/${encodeURIComponent(id)}`);
    } catch (e) {
      if (++misses >= 20) return claimError(`Lost contact with the sponsor: ${e.message}. Claim ${id} may still go through; look the handle up later.`);
      $('progress-status').textContent = 'Lost contact with the sponsor; retrying…';
      continue;
    }
    if (!res.ok) {
      if (res.status >= 500 || res.status === 429) {
        if (++misses >= 20) return claimError(errorMessage(res));
        continue;
      }
      markFailed();
      return claimError(errorMessage(res));
    }
    misses = 0;
    const claimState = res.body;
    if (claimState.status === 'failed') {
      markFailed();
      return claimError(`The claim failed: ${claimState.reason ?? 'no reason given'}`);
    }
    setProgress(claimState.status);
    if (claimState.status === 'finalized') {
      $('result-handle').textContent = claimState.handle ?? '';
      $('result-msa').textContent = claimState.msaId === null || claimState.msaId === undefined ? '' : String(claimState.msaId);
      $('result-owner').textContent = owner;
      $('result-block').textContent = claimState.blockNumber === null || claimState.blockNumber === undefined ? '' : `#${claimState.blockNumber}`;
      $('result').hidden = false;
      $('result').focus();
      // The form starts over: the claimed handle is in the panel, not in a list that would now
      // preselect another number.
      baseInput.value = '';
      checkBase({ keepError: true });
      return;
    }
  }
}

/** Reloads the options of the current name (after a claim changed what is available). */
function refreshOptions() {
  if (baseInput.value !== '') checkBase({ keepError: true });
}

claimBtn.addEventListener('click', () => claim());

// ---------------------------------------------------------------------------------------------
// Look-up view.

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
    res = await api(`/api/lookup?handle=${encodeURIComponent(handle)}`);
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

// ---------------------------------------------------------------------------------------------
// Start: the rules module (rules.js loads it on import; initRules again only when that failed).

(async () => {
  const status = $('rules-status');
  try {
    if (!rulesReady()) await initRules();
    status.textContent = '';
    status.hidden = true;
    status.dataset.ready = 'true';
    baseInput.disabled = false;
    if (baseInput.value !== '') checkBase();
  } catch (e) {
    status.textContent = `The handle rules could not be loaded, so names cannot be checked: ${e.message}`;
    status.classList.add('error-text');
  }
})();
