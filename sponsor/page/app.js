// The claim page of handles-sponsor: claim a handle with a browser wallet (the sponsor pays the
// fee) and look handles up. No framework, no build step: ES modules as they are, one per concern.
// Every handle rule comes from the rules crate compiled to WebAssembly (/js/src/rules.js); none is
// written here.
//
//   app.js         this entry: wires the modules together
//   strings.js     every text the page shows, in English, Hindi, Arabic and Spanish
//   i18n.js        the language (stored choice, browser, English) and its switch; puts texts in place
//   dom.js         elements by id, messages shown and hidden
//   api.js         the sponsor's HTTP API (one function per route) and its error messages
//   load-rules.js  waits for the Wasm rules
//   tabs.js        the claim and look-up views as tabs
//   choose.js      steps 1 and 2: the name (checked by the rules) and its suffixes
//   wallet.js      step 3: the wallets (polkadot.js extension interface, EIP-1193) and their accounts
//   ethereum.js    an Ethereum wallet's signature: the key it recovers to and its chain account
//   claim.js       step 4: payload, the text to sign (checked, shown), signature, claim, progress, result
//   lookup.js      the look-up view
//   manage.js      "Your handles": the connected account's MSAs, each changed or retired (its ids
//                  are listed in manage.js)
//
// Element ids the end-to-end tests (e2e/test/claim-page*.test.js) rely on:
//   #lang                         the language switch (<select>, value = en, hi, ar or es)
//   [data-i18n]                   an element showing a text of strings.js (the key; empty for a
//                                 text made elsewhere, like a rule's message)
//   #tab-claim, #tab-lookup       the two view tabs (#view-claim, #view-lookup)
//   #rules-status                 loading state of the Wasm rules ([data-ready] once loaded)
//   #base                         base handle input
//   #canonical                    canonical form of a valid base (inside #canonical-line)
//   #rule-error                   the broken rule's message, or the sponsor's refusal of the base
//   #options-status               state of the suffix list ([data-i18n="numbers.looking"] while
//                                 the numbers are asked for, none available, ...)
//   #suffixes                     radio inputs name="suffix" value=<suffix>; [data-base] = the base
//                                 the list is for; expiring ones have class "expiring"
//   #suffixes-more                "Show all N numbers" (only the first 8 are listed before)
//   #connect, #wallet-status      connect button and its message
//   #account                      <select> of accounts, value = address (0x… for an Ethereum wallet's)
//   #account-note                 shown for an Ethereum wallet's account: how it owns the handle
//   #claim, #claim-summary        claim button and what it will claim
//   #claim-error                  any refusal of the claim (sponsor, wallet, failed reason; the
//                                 sponsor's text to sign not the page's: [data-i18n="claim.mismatch"])
//   #sign-panel, #sign-text       the text the wallet is asked to sign, shown before it is asked
//   #progress                     <ol> of steps li[data-step]; [data-status] = last status seen;
//                                 the current step has aria-current="step"
//   #result                       success panel: #result-handle, #result-msa, #result-owner, #result-block
//   #lookup-input, #lookup-go     look-up form
//   #lookup-status                [data-i18n] "lookup.nobody" (no MSA holds it), "lookup.looking"
//   #lookup-error                 malformed handle or other refusal
//   #lookup-result                #lookup-handle, #lookup-owner, #lookup-msa

import { enableName, initChoose } from './choose.js';
import { clearClaimError, initClaim, updateClaimButton } from './claim.js';
import { initLanguage } from './i18n.js';
import { loadRules } from './load-rules.js';
import { initLookup } from './lookup.js';
import { initManage, refreshManage } from './manage.js';
import { initTabs } from './tabs.js';
import { initWallet } from './wallet.js';

initLanguage();
initTabs();
initChoose({ onChange: updateClaimButton, onEdit: clearClaimError });
initWallet({
  onChange: () => {
    updateClaimButton();
    refreshManage();
  },
});
initManage();
initClaim();
initLookup();
// The name can be typed once the rules are loaded.
loadRules(enableName);
