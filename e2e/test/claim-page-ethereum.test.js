// The claim page of handles-sponsor with an Ethereum wallet, and the page's own check of the text
// it asks a wallet to sign, in headless Chromium against the real handles-sponsor binary and a dev
// node with instant sealing (../lib/claim-page.js). Checked: the page's keccak-256 and public-key
// recovery (sponsor/page/ethereum.js) give what @polkadot/util-crypto gives; an EIP-1193 wallet
// (window.ethereum, as MetaMask offers it) with a fresh key holding no tokens claims a handle: the
// page shows the text, personal_sign is asked for exactly the SPEC's text, the handle lands on the
// key's chain account (sp-runtime's MultiSigner::Eth account, not its Ethereum address); a sponsor
// whose text to sign is not the claim's gets no signature from either kind of wallet, and the
// page says why in each of its languages. Screenshots go to test-output/claim-page-ethereum/.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, keccakAsU8a, randomAsU8a } from '@polkadot/util-crypto';

import { eip191, ethereumAccount, formatDisplay } from '@handles/client';

import { CLAIM_TIMEOUT_MS, connect, DESKTOP, PHONE, signedText, suffixList, text, useClaimPage, visible } from '../lib/claim-page.js';
import { chainAccount, keccak256, recoverPublicKey, signerAccount } from '../../sponsor/page/ethereum.js';
import { LANGUAGES, STRINGS } from '../../sponsor/page/strings.js';

await cryptoWaitReady();

test('the page\'s keccak-256 and public-key recovery give what @polkadot/util-crypto gives', () => {
  // Lengths around the 136-byte rate of Keccak-256.
  for (const length of [0, 1, 55, 135, 136, 137, 271, 272, 500]) {
    const bytes = randomAsU8a(length);
    assert.equal(u8aToHex(keccak256(bytes)), u8aToHex(keccakAsU8a(bytes, 256)), `${length} bytes`);
  }
  const keyring = new Keyring({ type: 'ethereum' });
  for (let i = 0; i < 8; i++) {
    const pair = keyring.addFromSeed(randomAsU8a(32));
    const text = new TextEncoder().encode(`Handles: claim Alice.${1000 + i}\nChain: Handles 0x00\nValid until block: ${i}`);
    const signature = pair.sign(eip191(text));
    const key = recoverPublicKey(keccak256(eip191(text)), signature);
    assert.equal(u8aToHex(key), u8aToHex(pair.publicKey), 'the compressed public key');
    assert.equal(chainAccount(key), ethereumAccount(pair.publicKey));
    // MetaMask's v is 27 or 28.
    signature[64] += 27;
    assert.equal(signerAccount(text, u8aToHex(signature)), ethereumAccount(pair.publicKey));
    // Another text gives another key; junk gives none.
    assert.notEqual(signerAccount(text.subarray(1), u8aToHex(signature)), ethereumAccount(pair.publicKey));
    signature[64] = 29;
    assert.equal(signerAccount(text, u8aToHex(signature)), null);
  }
  assert.equal(signerAccount(new Uint8Array(1), '0x1234'), null);
  assert.equal(signerAccount(new Uint8Array(1), `0x${'00'.repeat(65)}`), null);
});

describe('the claim page with an Ethereum wallet, and its check of the text to sign', { timeout: 900_000 }, () => {
  const cp = useClaimPage({ screenshots: 'claim-page-ethereum' });
  const ctx = cp.ctx;
  const freeBalance = async (address) => (await ctx.api.query.system.account(address)).data.free.toBigInt();

  /** Types `base`, waits for its suffixes; resolves to the display handle the page preselected. */
  async function chooseName(page, base) {
    await page.type('#base', base);
    const list = await suffixList(page, base, { all: false });
    const chosen = list.find((o) => o.checked);
    assert.ok(chosen, `a suffix of ${base} is preselected`);
    return formatDisplay(base, chosen.suffix);
  }

  /** A screenshot of the claim step while the wallet is asked: `<out>/<name>.png`. */
  async function shotSigning(tab, name) {
    await visible(tab, '#sign-panel');
    const card = await tab.evaluateHandle(() => document.getElementById('sign-panel').closest('.card'));
    await card.screenshot({ path: `${cp.out}/${name}.png` });
  }

  test('an EIP-1193 wallet without tokens claims: the text shown, personal_sign of exactly it, the handle on the key\'s chain account', async () => {
    const base = 'Ethelinda';
    await cp.with(
      DESKTOP,
      async ({ page, owner, signs }) => {
        const display = await chooseName(page, base);
        await connect(page, owner);
        assert.equal(await page.$eval('#account-note', (el) => el.hidden), false, 'how an Ethereum key owns a handle');
        assert.match(await text(page, '#claim-summary'), new RegExp(`Ethereum wallet`));
        assert.equal(await freeBalance(owner.account), 0n, 'the key\'s chain account holds no tokens');
        assert.notEqual(owner.account, owner.address);

        const payloadResponse = page.waitForResponse((r) => r.url() === `${cp.sponsor.url}/api/payload`);
        const claimRequest = page.waitForRequest((r) => r.url() === `${cp.sponsor.url}/claims` && r.method() === 'POST');
        await page.click('#claim');
        const prepared = await (await payloadResponse).json();
        const sent = JSON.parse((await claimRequest).postData());

        // The wallet was asked once, for the SPEC's text as UTF-8 hex, the node's text.
        const expected = signedText(display, cp.genesisHash, prepared.payload.expiration);
        assert.equal(signs.length, 1, 'one signature asked');
        const [data, address] = signs[0];
        assert.equal(address, owner.address);
        assert.equal(Buffer.from(hexToU8a(data)).toString('utf8'), expected);
        assert.equal(await page.$eval('#sign-text', (el) => el.textContent), expected, 'the page showed the text it asked to sign');
        // The claim: the key's chain account (recovered from the signature) and the 65 bytes as the wallet gave them.
        assert.equal(sent.owner, ethereumAccount(owner.pair.publicKey));
        assert.match(sent.signature, /^0x[0-9a-f]{128}(1b|1c)$/);
        assert.deepEqual(sent.payload, prepared.payload);

        await visible(page, '#result', CLAIM_TIMEOUT_MS);
        // The node's text (asked once the chain has a block: at block 0 the runtime does not know
        // the genesis hash yet).
        assert.equal(data, (await ctx.rpc('handles_signingMessage', ['create', prepared.payload])).bytes);
        assert.equal(await page.$eval('#progress', (el) => el.dataset.status), 'finalized');
        assert.equal(await text(page, '#result-handle'), display);
        assert.equal(await text(page, '#result-owner'), owner.account);
        const onChain = await ctx.rpc('handles_getMsaForHandle', [display]);
        assert.deepEqual(onChain, { msaId: Number(await text(page, '#result-msa')), owner: owner.account, handle: display });
        assert.equal(await freeBalance(owner.account), 0n, 'the sponsor paid the fee');
        await cp.shot(page, 'ethereum-finalized');
      },
      { wallet: 'ethereum', beforeSign: (tab) => shotSigning(tab, 'signing-step-ethereum') },
    );
  });

  test('the polkadot.js-interface wallet is asked for the same text; its signing step at phone width', async () => {
    await cp.with(
      PHONE,
      async ({ page, owner, signs }) => {
        const display = await chooseName(page, 'Polkadotta');
        await connect(page, owner);
        assert.equal(await page.$eval('#account-note', (el) => el.hidden), true);
        await page.click('#claim');
        await visible(page, '#result', CLAIM_TIMEOUT_MS);
        assert.equal(signs.length, 1);
        assert.equal(signs[0].type, 'bytes');
        assert.match(Buffer.from(hexToU8a(signs[0].data)).toString('utf8'), new RegExp(`^Handles: claim ${display.replace('.', '\\.')}\\nChain: Handles ${cp.genesisHash}\\nValid until block: \\d+$`));
        assert.equal((await ctx.rpc('handles_getMsaForHandle', [display])).owner, owner.address);
      },
      { beforeSign: (tab) => shotSigning(tab, 'signing-step-polkadot') },
    );
  });

  /**
   * Opens a page whose /api/payload answers are changed by `tamper(body)` on their way, for a
   * `wallet`, and tries to claim `base`: no wallet may be asked, no claim sent, and the page says
   * why in every language.
   */
  async function refusesTampered(wallet, base, tamper, shot) {
    const tampered = [];
    const prepare = async (tab) => {
      await tab.setRequestInterception(true);
      tab.on('request', async (request) => {
        if (!(request.url().endsWith('/api/payload') && request.method() === 'POST')) return request.continue();
        const res = await fetch(request.url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: request.postData() });
        const body = tamper(await res.json());
        tampered.push(body);
        return request.respond({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
      });
    };
    await cp.with(
      DESKTOP,
      async ({ page, owner, signs }) => {
        const claims = [];
        page.on('request', (r) => {
          if (r.url().endsWith('/claims')) claims.push(r.url());
        });
        const display = await chooseName(page, base);
        await connect(page, owner);
        await page.click('#claim');
        await page.waitForSelector('#claim-error[data-i18n="claim.mismatch"]:not([hidden])', { timeout: 30_000 });
        assert.equal(tampered.length, 1, 'the page got the changed answer');
        assert.equal(signs.length, 0, 'no wallet was asked to sign');
        assert.deepEqual(claims, [], 'no claim was sent');
        assert.equal(await page.$eval('#sign-panel', (el) => el.hidden), true, 'the changed text is not shown as the one to sign');
        assert.equal(await page.$eval('#claim', (el) => el.disabled), false, 'the person may try again');
        await cp.shot(page, shot);
        for (const lang of Object.keys(LANGUAGES)) {
          await page.select('#lang', lang);
          assert.equal(await text(page, '#claim-error'), STRINGS[lang]['claim.mismatch'].replace('{handle}', display), lang);
        }
      },
      { wallet, prepare },
    );
  }

  test('a sponsor whose text names another handle gets no signature from a polkadot.js-interface wallet', async () => {
    await refusesTampered('polkadot', 'Tampera', (body) => withMessage(body, body.message.replace(/^Handles: claim \S+/, 'Handles: claim Mallory.1234')), 'mismatch-polkadot');
  });

  test('a sponsor whose text names a later block, or whose payload is another claim, gets no signature from an Ethereum wallet', async () => {
    await refusesTampered('ethereum', 'Tamperb', (body) => withMessage(body, body.message.replace(/Valid until block: \d+$/, 'Valid until block: 4000000000')), 'mismatch-ethereum');
    // A payload and text that agree with each other but not with the name chosen on the page.
    await refusesTampered('ethereum', 'Tamperc', (body) => {
      const payload = { ...body.payload, baseHandle: 'Mallory' };
      return withMessage({ ...body, payload }, body.message.replace(/^Handles: claim [^.]+/, 'Handles: claim Mallory'));
    }, 'mismatch-payload');
  });
});

/** `body` with `message` (and its `bytes`) replaced. */
function withMessage(body, message) {
  assert.notEqual(message, body.message, 'the text was changed');
  return { ...body, message, bytes: u8aToHex(new TextEncoder().encode(message)) };
}
