// Step 4: the claim. The sponsor makes the payload and the message, the wallet signs it, the
// sponsor takes the claim and pays; the page follows it through queued, submitted, in a block and
// finalized, and shows the handle that is now the owner's.

import { formatDisplay } from '/js/src/rules.js';

import { claimStatus, errorMessage, preparePayload, sendClaim } from './api.js';
import { chosen, lockName, refreshOptions, startOver } from './choose.js';
import { $, hide, shortAddress, show } from './dom.js';
import { hasText, say, t } from './i18n.js';
import { selectedAccount } from './wallet.js';

const POLL_MS = 700;
const STEPS = ['queued', 'submitted', 'in_block', 'finalized'];

const state = {
  claiming: false,
  claimSeq: 0,
};

const claimBtn = $('claim');

/** Enables the claim button when a name, a number and an account are chosen; says what is missing. */
export function updateClaimButton() {
  const { base, options, suffix } = chosen();
  const account = selectedAccount();
  const summary = $('claim-summary');
  if (state.claiming) say(summary, 'claim.inProgress');
  else if (!options) say(summary, 'claim.pickName');
  else if (options.available.length === 0) say(summary, 'claim.noNumber');
  else if (suffix === null) say(summary, 'claim.pickNumber');
  else if (!account) say(summary, 'claim.connect', { handle: formatDisplay(base, suffix) });
  else {
    const name = account.name || (() => t('wallet.unnamed'));
    say(summary, 'claim.ready', { handle: formatDisplay(base, suffix), account: name, address: shortAddress(account.address) });
  }
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
  if (hasText(`status.${status}`)) say($('progress-status'), `status.${status}`);
  else say($('progress-status'), () => status);
}

function markFailed() {
  const list = $('progress');
  list.dataset.status = 'failed';
  const current = list.querySelector('li[aria-current="step"]') ?? list.querySelector('li:not(.done)');
  if (current) current.classList.add('failed');
  say($('progress-status'), 'status.failed');
}

/** Shows why the claim did not go through: `text` (a key of strings.js or a function) with `values`. */
function claimError(text, values) {
  show($('claim-error'), text, values);
}

/**
 * Why a claim failed, from its `reason` (`Handles.<pallet error>: <details>` when the chain or the
 * sponsor's check refused it): the error's own sentence when there is one, else the reason as it is.
 */
function failedMessage(claimState) {
  const reason = claimState.reason;
  if (!reason) return ['claim.failedNoReason'];
  const error = /^Handles\.(\w+)/.exec(reason)?.[1];
  const handle = claimState.handle ?? formatDisplay(claimState.baseHandle, claimState.suffix);
  const key = { SuffixOutOfRange: 'SuffixNotOffered' }[error] ?? error;
  if (hasText(`failed.${key}`)) return [`failed.${key}`, { handle }];
  if (hasText(`error.${key}`)) return [`error.${key}`, { handle }];
  return ['claim.failed', { reason }];
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
    const display = formatDisplay(base, suffix);
    say($('claim-summary'), 'claim.preparing');
    const prepared = await preparePayload(base, suffix);
    if (!prepared.ok) {
      claimError(...errorMessage(prepared, { handle: display, base }));
      if (prepared.body?.error === 'SuffixNotAvailable') refreshOptions();
      return;
    }
    const { payload, message } = prepared.body;

    // 2. The owner's signature.
    say($('claim-summary'), 'claim.approve');
    let signed;
    try {
      signed = await account.signer.signRaw({ address: account.address, data: message, type: 'bytes' });
    } catch (e) {
      const why = String(e?.message ?? '');
      if (!why || /cancel|reject|denied|declin/i.test(why)) return claimError('claim.cancelled');
      return claimError('claim.walletFailed', { error: why });
    }

    // 3. The claim.
    say($('claim-summary'), 'claim.sending');
    const sent = await sendClaim(account.address, signed.signature, payload);
    if (!sent.ok) {
      claimError(...errorMessage(sent, { handle: display, base }));
      if (sent.body?.error === 'SuffixNotAvailable') refreshOptions();
      return;
    }
    setProgress(sent.body.status ?? 'queued');
    await follow(sent.body.id, mySeq, account.address);
  } catch (e) {
    claimError('net.unreachable', { error: e.message });
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
      if (++misses >= 20) return claimError('claim.lost', { error: e.message, id });
      say($('progress-status'), 'claim.retrying');
      continue;
    }
    if (!res.ok) {
      if (res.status >= 500 || res.status === 429) {
        if (++misses >= 20) return claimError(...errorMessage(res));
        continue;
      }
      markFailed();
      return claimError(...errorMessage(res));
    }
    misses = 0;
    const claimState = res.body;
    if (claimState.status === 'failed') {
      markFailed();
      return claimError(...failedMessage(claimState));
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
