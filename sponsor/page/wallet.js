// Step 3 of a claim: the browser wallet, through the polkadot.js extension interface
// (window.injectedWeb3, as web3Enable + web3Accounts): its accounts, and the one that will own the
// handle. Signing is the claim's (the account's `signer.signRaw`).

import { $, shortAddress } from './dom.js';

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
