// Step 4: the claim. The sponsor makes the payload and the message, the wallet signs it, the
// sponsor takes the claim and pays; the page follows it through queued, submitted, in a block and
// finalized, and shows the handle that is now the owner's.

import { formatDisplay } from '/js/src/rules.js';

import { claimStatus, errorMessage, preparePayload, sendClaim } from './api.js';
import { chosen, lockName, refreshOptions, startOver } from './choose.js';
import { $, hide, shortAddress, show } from './dom.js';
import { selectedAccount } from './wallet.js';

const POLL_MS = 700;
const STEPS = ['queued', 'submitted', 'in_block', 'finalized'];
const STEP_TEXT = {
  queued: 'Queued: waiting for the sponsor to send it.',
  submitted: 'Submitted: waiting for a block.',
  in_block: 'In a block: waiting for it to be final.',
  finalized: 'Finalized.',
  failed: 'Failed.',
};

const state = {
  claiming: false,
  claimSeq: 0,
};

const claimBtn = $('claim');

/** Enables the claim button when a name, a number and an account are chosen; says what is missing. */
export function updateClaimButton() {
  const { base, options, suffix } = chosen();
  const account = selectedAccount();
  let summary;
  if (state.claiming) summary = 'Claim in progress…';
  else if (!options) summary = 'Pick a name first.';
  else if (options.available.length === 0) summary = 'No number is available for this name.';
  else if (suffix === null) summary = 'Pick a number first.';
  else if (!account) summary = `Connect a wallet to claim ${formatDisplay(base, suffix)}.`;
  else summary = `Claim ${formatDisplay(base, suffix)} for ${account.name || 'account'} ${shortAddress(account.address)}.`;
  $('claim-summary').textContent = summary;
  // While a claim runs the button keeps the focus (aria-disabled, presses ignored); otherwise it
  // is disabled until there is something to claim.
  claimBtn.disabled = !state.claiming && (!options || suffix === null || !account);
  if (state.claiming) claimBtn.setAttribute('aria-disabled', 'true');
  else claimBtn.removeAttribute('aria-disabled');
}

/** Hides the claim's refusal (the person changed what to claim). */
export function clearClaimError() {
  hide($('claim-error'));
}

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
  lockName(false);
  updateClaimButton();
}

async function claim() {
  const { base, options, suffix } = chosen();
  const account = selectedAccount();
  if (!options || suffix === null || !account || state.claiming) return;
  const mySeq = ++state.claimSeq;
  state.claiming = true;
  lockName(true);
  updateClaimButton();
  hide($('claim-error'));
  $('result').hidden = true;
  $('progress-panel').hidden = true;

  try {
    // 1. The payload and the exact bytes to sign.
    $('claim-summary').textContent = 'Preparing the claim…';
    const prepared = await preparePayload(base, suffix);
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
    const sent = await sendClaim(account.address, signed.signature, payload);
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
      res = await claimStatus(id);
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
      startOver();
      return;
    }
  }
}

/** Wires the claim button. */
export function initClaim() {
  claimBtn.addEventListener('click', () => claim());
}
