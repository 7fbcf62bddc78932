// Step 3 of a claim: the browser wallet, through the polkadot.js extension interface
// (window.injectedWeb3, as web3Enable + web3Accounts): its accounts, and the one that will own the
// handle. Signing is the claim's (the account's `signer.signRaw`).

import { $, shortAddress } from './dom.js';
import { say, sayText, t } from './i18n.js';

const ORIGIN_NAME = 'Handles claim page';

const state = {
  accounts: [], // [{ address, name, source, signer }]
  connecting: false,
};

// Told when the chosen account changes.
let onChange = () => {};

/** The account chosen to own the handle, `{ address, name, source, signer }`, or null. */
export function selectedAccount() {
  const address = $('account').value;
  return state.accounts.find((a) => a.address === address) ?? null;
}

async function connectWallet() {
  const status = $('wallet-status');
  const connect = $('connect');
  const injected = window.injectedWeb3 ?? {};
  const names = Object.keys(injected);
  status.classList.remove('error-text');
  if (names.length === 0) {
    say(status, 'wallet.none');
    status.classList.add('error-text');
    return;
  }
  // Not disabled meanwhile (a disabled button loses the keyboard focus): a second press waits.
  if (state.connecting) return;
  state.connecting = true;
  connect.setAttribute('aria-busy', 'true');
  say(status, 'wallet.asking');
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
      sayText(opt, 'wallet.account', { name: a.name || (() => t('wallet.unnamed')), address: shortAddress(a.address) });
      return opt;
    }),
  );
  if (found.some((a) => a.address === previous)) select.value = previous;
  $('account-field').hidden = found.length === 0;
  if (found.length > 0) {
    say(connect, 'wallet.reconnect');
    say(status, 'wallet.connected', { n: found.length });
  } else if (refusals.length === names.length) {
    say(status, 'wallet.refused', { reasons: refusals.join('; ') });
    status.classList.add('error-text');
  } else {
    say(status, 'wallet.noAccount');
    status.classList.add('error-text');
  }
  showAddress();
  onChange();
}

function showAddress() {
  const account = selectedAccount();
  $('account-address').textContent = account ? account.address : '';
}

/** Wires the connect button and the account list; `onChange` is told of another account. */
export function initWallet(callbacks) {
  ({ onChange } = callbacks);
  $('connect').addEventListener('click', () => connectWallet());
  $('account').addEventListener('change', () => {
    showAddress();
    onChange();
  });
}
