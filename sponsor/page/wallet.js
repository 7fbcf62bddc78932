// Step 3 of a claim: the browser wallets, through the polkadot.js extension interface
// (window.injectedWeb3, as web3Enable + web3Accounts) and EIP-1193 (window.ethereum, MetaMask:
// eth_requestAccounts): their accounts, and the one that will own the handle. Signing is the
// claim's (the account's `signer.signRaw`, or `personal_sign` of its `provider`).

import { $, shortAddress } from './dom.js';
import { say, sayText, t } from './i18n.js';

const ORIGIN_NAME = 'Handles claim page';

const state = {
  // [{ kind: 'substrate', address, name, source, signer } | { kind: 'ethereum', address (0x, 20
  // bytes), name: '', source: 'ethereum', provider }]
  accounts: [],
  connecting: false,
};

/** The EIP-1193 provider of the page (window.ethereum), or null. */
const ethereumProvider = () => (window.ethereum && typeof window.ethereum.request === 'function' ? window.ethereum : null);

/** What the page calls `account`: its name in the wallet, else the kind of account it is. */
export const accountName = (account) => account.name || (() => t(account.kind === 'ethereum' ? 'wallet.ethereum' : 'wallet.unnamed'));

// Told when the chosen account changes.
let onChange = () => {};

/** The account chosen to own the handle (one of `state.accounts`), or null. */
export function selectedAccount() {
  const address = $('account').value;
  return state.accounts.find((a) => a.address === address) ?? null;
}

async function connectWallet() {
  const status = $('wallet-status');
  const connect = $('connect');
  const injected = window.injectedWeb3 ?? {};
  const names = Object.keys(injected);
  const ethereum = ethereumProvider();
  status.classList.remove('error-text');
  if (names.length === 0 && !ethereum) {
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
  const asked = names.map(async (source) => {
    try {
      const ext = await injected[source].enable(ORIGIN_NAME);
      const list = await ext.accounts.get();
      for (const acc of list ?? []) {
        // An extension's Ethereum-style (H160) accounts sign with keys it does not expose to
        // personal_sign here; an Ethereum wallet's keys come through window.ethereum.
        if (acc.type === 'ethereum') continue;
        if (found.some((a) => a.address === acc.address)) continue;
        found.push({ kind: 'substrate', address: acc.address, name: acc.name ?? '', source, signer: ext.signer });
      }
    } catch (e) {
      refusals.push(`${source}: ${e?.message ?? e}`);
    }
  });
  if (ethereum) {
    asked.push(
      (async () => {
        try {
          const list = await ethereum.request({ method: 'eth_requestAccounts' });
          for (const address of Array.isArray(list) ? list : []) {
            if (typeof address !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(address)) continue;
            if (found.some((a) => a.address.toLowerCase() === address.toLowerCase())) continue;
            found.push({ kind: 'ethereum', address, name: '', source: 'ethereum', provider: ethereum });
          }
        } catch (e) {
          refusals.push(`ethereum: ${e?.message ?? e}`);
        }
      })(),
    );
  }
  await Promise.all(asked);
  state.connecting = false;
  connect.removeAttribute('aria-busy');
  const previous = $('account').value;
  state.accounts = found;
  const select = $('account');
  select.replaceChildren(
    ...found.map((a) => {
      const opt = document.createElement('option');
      opt.value = a.address;
      sayText(opt, 'wallet.account', { name: accountName(a), address: shortAddress(a.address) });
      return opt;
    }),
  );
  if (found.some((a) => a.address === previous)) select.value = previous;
  $('account-field').hidden = found.length === 0;
  if (found.length > 0) {
    say(connect, 'wallet.reconnect');
    say(status, 'wallet.connected', { n: found.length });
  } else if (refusals.length === names.length + (ethereum ? 1 : 0)) {
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
  $('account-note').hidden = account?.kind !== 'ethereum';
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
