// Step 4: the claim. The sponsor makes the payload and the text to sign; the page writes the text
// itself from the payload and the chain (the JavaScript package's signingText, the crate
// handles-signing as WebAssembly), shows it, and asks the wallet to sign only when the sponsor's is
// the same; when the sponsor asks a proof of work, the page computes it for the signature (work.js,
// with a progress line); the sponsor takes the claim and pays; the page follows it through queued,
// submitted, in a block and finalized, and shows the handle that is now the owner's.

import { formatDisplay } from '/js/src/rules.js';
import { signingText } from '/js/src/signing-text.js';

import { chainInfo, claimStatus, errorMessage, preparePayload, sendClaim } from './api.js';
import { chosen, lockName, refreshOptions, startOver } from './choose.js';
import { $, hide, shortAddress, show } from './dom.js';
import { fromHex, signerAccount } from './ethereum.js';
import { hasText, say, t } from './i18n.js';
import { accountName, selectedAccount } from './wallet.js';
import { proveWork } from './work.js';

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
  else say(summary, 'claim.ready', { handle: formatDisplay(base, suffix), account: accountName(account), address: shortAddress(account.address) });
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

/**
 * The text to sign for `prepared` (the sponsor's `{ payload, message }`) as this page writes it from
 * the payload and the chain of `info` (the sponsor's /api/info); null when the payload is not the
 * claim of `base.suffix` or the sponsor's text differs from the page's.
 */
function checkedText(prepared, info, base, suffix) {
  const { payload, message } = prepared;
  if (payload?.baseHandle !== base || payload?.suffix !== suffix) return null;
  let own;
  try {
    own = signingText('create', payload, { name: info.chainName, genesisHash: info.genesisHash, ss58Prefix: info.ss58Prefix });
  } catch {
    return null;
  }
  return own.message === message ? own : null;
}

/**
 * The owner's signature of `text` (`{ message, bytes }`) with `account`: `{ owner, signature }`.
 * A polkadot.js-interface wallet signs the bytes `<Bytes>`-wrapped (signRaw, type bytes) for its
 * account; an Ethereum wallet signs them behind the EIP-191 prefix (personal_sign), and the owner
 * is the chain account of the key the signature recovers to.
 */
async function sign(account, text) {
  if (account.kind === 'ethereum') {
    const signature = await account.provider.request({ method: 'personal_sign', params: [text.bytes, account.address] });
    const owner = typeof signature === 'string' ? signerAccount(fromHex(text.bytes), signature) : null;
    return { owner, signature };
  }
  const signed = await account.signer.signRaw({ address: account.address, data: text.bytes, type: 'bytes' });
  return { owner: account.address, signature: signed.signature };
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
  $('sign-panel').hidden = true;

  try {
    // 1. The payload and the text to sign, from the sponsor; the chain the text names.
    const display = formatDisplay(base, suffix);
    say($('claim-summary'), 'claim.preparing');
    const [prepared, info] = await Promise.all([preparePayload(base, suffix), chainInfo()]);
    for (const res of [prepared, info]) {
      if (!res.ok) {
        claimError(...errorMessage(res, { handle: display, base }));
        if (res.body?.error === 'SuffixNotAvailable') refreshOptions();
        return;
      }
    }
    const { payload } = prepared.body;

    // 2. The text, written here too: the wallet is asked only for the text this page would sign.
    const text = checkedText(prepared.body, info.body, base, suffix);
    if (!text) return claimError('claim.mismatch', { handle: display });
    $('sign-text').textContent = text.message;
    $('sign-panel').hidden = false;

    // 3. The owner's signature.
    say($('claim-summary'), 'claim.approve');
    let signed;
    try {
      signed = await sign(account, text);
    } catch (e) {
      const why = String(e?.message ?? '');
      if (!why || /cancel|reject|denied|declin/i.test(why)) return claimError('claim.cancelled');
      return claimError('claim.walletFailed', { error: why });
    }
    if (!signed.owner) return claimError('claim.walletFailed', { error: () => t('claim.noSignature') });

    // 4. The proof of work, when the sponsor asks one: for this signature, with its progress.
    const work = await proveWork(signed.signature, (percent) => say($('claim-summary'), 'claim.proving', { percent }));
    if (work.refused) return claimError(...errorMessage(work.refused, { handle: display, base }));

    // 5. The claim.
    say($('claim-summary'), 'claim.sending');
    const sent = await sendClaim(signed.owner, signed.signature, payload, work.proof);
    if (!sent.ok) {
      claimError(...errorMessage(sent, { handle: display, base }));
      if (sent.body?.error === 'SuffixNotAvailable') refreshOptions();
      return;
    }
    setProgress(sent.body.status ?? 'queued');
    await follow(sent.body.id, mySeq, signed.owner);
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
      // The sponsor's SS58 form of the owner (an Ethereum key's account is sent as 0x hex).
      $('result-owner').textContent = claimState.owner ?? owner;
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
