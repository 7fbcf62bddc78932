// The claim page's "Your handles" in headless Chromium, against a dev node and the handles-sponsor
// binary: the connected account's MSA is listed; the page changes its handle (a new name and an
// offered number), then retires it after asking, each time showing the chain's text and asking the
// wallet (a key with no tokens) to sign exactly that text; the sponsor pays. Screenshots go to
// e2e/test-output/claim-page-manage/.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { hexToU8a, u8aToString } from '@polkadot/util';

import { walletSign } from '../lib/chain.js';
import { waitFor } from '../lib/node.js';
import { CLAIM_TIMEOUT_MS, connect, DESKTOP, text, useClaimPage, visible } from '../lib/claim-page.js';

describe('claim page: your handles', { timeout: 600_000 }, () => {
  const cp = useClaimPage({ screenshots: 'claim-page-manage' });

  /** Claims `base` for `owner` through the sponsor's API; resolves to the finalized claim. */
  async function claimFor(owner, base) {
    const options = await cp.sponsor.get(`/api/options?base=${base}`);
    const suffix = options.body.available[0];
    const prepared = await cp.sponsor.post('/api/payload', { baseHandle: base, suffix });
    const res = await cp.sponsor.post('/claims', { owner: owner.address, signature: walletSign(owner.pair, prepared.body.bytes), payload: prepared.body.payload });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    return waitFor(async () => {
      const state = (await cp.sponsor.get(`/claims/${res.body.id}`)).body;
      return state.final ? state : null;
    }, { timeoutMs: CLAIM_TIMEOUT_MS, intervalMs: 200, what: 'the claim' });
  }

  /** Waits until the outcome shows `key` (manage.changed or manage.retired), failing on a refusal. */
  async function outcome(tab, key) {
    await tab.waitForFunction(
      (k) => document.querySelector('#manage-done:not([hidden])')?.dataset.i18n === k || !document.querySelector('#manage-error').hidden,
      { timeout: CLAIM_TIMEOUT_MS },
      key,
    );
    const error = await tab.$eval('#manage-error', (el) => (el.hidden ? null : el.textContent));
    assert.equal(error, null);
  }

  test('a handle is changed, then retired, from the page; the wallet signs the chain\'s text each time', async () => {
    await cp.with(DESKTOP, async ({ page: tab, owner, signs }) => {
      const claimed = await claimFor(owner, 'Pagemanage');
      assert.equal(claimed.status, 'finalized', JSON.stringify(claimed));
      const { msaId } = claimed;

      await connect(tab, owner);
      await visible(tab, '#manage');
      await tab.waitForSelector(`#manage-list li[data-msa="${msaId}"]`, { timeout: 30_000 });
      assert.equal(await text(tab, `#manage-list li[data-msa="${msaId}"] .manage-handle`), claimed.handle);
      await cp.shot(tab, 'listed');

      // Change: a new name, the first number offered.
      await tab.click(`#manage-list li[data-msa="${msaId}"] .manage-change`);
      await visible(tab, '#manage-change-form');
      await tab.type('#manage-base', 'Pagerenamed');
      await tab.waitForSelector('#manage-suffix option', { timeout: 30_000 });
      const suffix = Number(await tab.$eval('#manage-suffix', (s) => s.value));
      await cp.shot(tab, 'change-form');
      await tab.click('#manage-change-go');
      await outcome(tab, 'manage.changed');
      const renamed = `Pagerenamed.${suffix}`;
      await cp.shot(tab, 'changed');
      assert.deepEqual(await cp.ctx.rpc('handles_getMsaForHandle', [renamed]), { msaId, owner: owner.address, handle: renamed });
      assert.equal(signs.length, 1);
      const changeText = u8aToString(hexToU8a(signs[0].data));
      assert.equal(changeText.split('\n')[0], `Handles: change MSA ${msaId} from ${claimed.handle} to ${renamed}`);
      assert.equal(await text(tab, '#manage-sign-text'), changeText, 'the page showed the text the wallet signed');
      await tab.waitForFunction(
        (id, h) => document.querySelector(`#manage-list li[data-msa="${id}"] .manage-handle`)?.textContent === h,
        { timeout: 30_000 },
        String(msaId),
        renamed,
      );

      // Retire: asked first, then signed.
      await tab.click(`#manage-list li[data-msa="${msaId}"] .manage-retire`);
      await visible(tab, '#manage-retire-confirm');
      assert.ok((await text(tab, '#manage-retire-question')).startsWith(`Retire ${renamed}? MSA ${msaId} `));
      await cp.shot(tab, 'retire-confirm');
      assert.equal(signs.length, 1, 'nothing is signed before the question is answered');
      await tab.click('#manage-retire-go');
      await outcome(tab, 'manage.retired');
      await cp.shot(tab, 'retired');
      assert.equal(await cp.ctx.rpc('handles_getHandleForMsa', [msaId]), null, 'the MSA holds no handle');
      assert.equal(signs.length, 2);
      assert.equal(u8aToString(hexToU8a(signs[1].data)).split('\n')[0], `Handles: retire ${renamed} of MSA ${msaId}`);
      await tab.waitForFunction(
        (id) => document.querySelector(`#manage-list li[data-msa="${id}"] .manage-handle`)?.dataset.i18n === 'manage.noHandle',
        { timeout: 30_000 },
        String(msaId),
      );
      assert.equal(await tab.$(`#manage-list li[data-msa="${msaId}"] .manage-retire`), null, 'nothing left to retire');
      const free = (await cp.ctx.api.query.system.account(owner.address)).data.free.toBigInt();
      assert.equal(free, 0n, 'the owner still holds nothing');
    });
  });
});
