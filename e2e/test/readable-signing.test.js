// Readable signing against a dev node: owners sign the text of SPEC "Signed payloads (v3)" with
// @handles/client's signReadable and a sponsor (Bob) submits. An sr25519 key signs the text in
// <Bytes>..</Bytes>, as polkadot.js, Talisman and SubWallet do; an Ethereum key signs it behind the
// EIP-191 prefix, as MetaMask's personal_sign does, and its account (sp-runtime's MultiSigner::Eth
// account) holds no tokens. Each claims a handle, then each transfers its MSA to the other, both
// signing the transfer's text; the text signed is the node's handles_signingMessage answer.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { encodeAddress, mnemonicGenerate } from '@polkadot/util-crypto';

import { HANDLES_CHAIN_NAME, ethereumAccount, signReadable } from '@handles/client';

import { SS58_PREFIX, bestNumber, createTx, freshPair, submit, theEvent, transferTx } from '../lib/chain.js';
import { assertOk, useChain } from '../lib/testing.js';

describe('readable signing through a dev node', { timeout: 600_000 }, () => {
  const ctx = useChain({ blocks: 2 });
  const chain = () => ({ name: HANDLES_CHAIN_NAME, genesisHash: ctx.api.genesisHash, ss58Prefix: ctx.api.registry.chainSS58 });
  const free = async (address) => (await ctx.api.query.system.account(address)).data.free.toBigInt();

  /** `signer` signs the readable text of `call`'s payload; asserts it is the node's text. */
  async function signed(signer, call, payload, shown = payload) {
    const { signature, message } = await signReadable(signer, { call, payload: shown, chain: chain() });
    assert.equal(message, (await ctx.rpc('handles_signingMessage', [call, payload])).message);
    return signature;
  }

  /** `owner` (a pair; `account` its chain account) claims `base` through the sponsor Bob: its MSA id. */
  async function claim(owner, account, base) {
    const suffix = (await ctx.rpc('handles_getSuffixOptions', [base])).available[0];
    const payload = { baseHandle: base, suffix, expiration: (await bestNumber(ctx.api)) + 50 };
    const signature = await signed(owner, 'create', payload);
    const res = await submit(ctx.api, createTx(ctx.api, account, signature, payload), ctx.bob);
    assertOk(res, `claim ${base}`);
    return theEvent(res, 'handles', 'MsaCreatedWithHandle').data[0].toNumber();
  }

  /** `from` moves `msaId` to `to`, both signing the transfer's text ({ pair, address } each). */
  async function transfer(msaId, from, to) {
    const payload = { msaId, owner: from.address, newOwner: to.address, expiration: (await bestNumber(ctx.api)) + 50 };
    const { handle } = await ctx.rpc('handles_getHandleForMsa', [msaId]);
    const shown = { ...payload, handle };
    const [bySender, byReceiver] = [await signed(from.pair, 'transfer', payload, shown), await signed(to.pair, 'transfer', payload, shown)];
    const res = await submit(ctx.api, transferTx(ctx.api, from.address, bySender, to.address, byReceiver, payload), ctx.bob);
    assertOk(res, `transfer MSA ${msaId}`);
  }

  test('an sr25519 wallet and an Ethereum key without tokens claim and transfer with readable signatures', async () => {
    const sr = { pair: freshPair() };
    sr.address = sr.pair.address;
    const eth = { pair: new Keyring({ type: 'ethereum' }).addFromMnemonic(mnemonicGenerate()) };
    eth.address = encodeAddress(ethereumAccount(eth.pair.publicKey), SS58_PREFIX);
    assert.equal(await free(eth.address), 0n, 'the Ethereum account holds nothing');
    const bobBefore = await free(ctx.bob.address);

    const srMsa = await claim(sr.pair, sr.address, 'Reader');
    const ethMsa = await claim(eth.pair, eth.address, 'Ether');
    const owned = async (who) => (await ctx.rpc('handles_getHandlesForOwner', [who.address])).map((m) => m.msaId);
    assert.deepEqual(await owned(sr), [srMsa]);
    assert.deepEqual(await owned(eth), [ethMsa]);

    await transfer(srMsa, sr, eth);
    await transfer(ethMsa, eth, sr);
    assert.deepEqual(await owned(sr), [ethMsa]);
    assert.deepEqual(await owned(eth), [srMsa]);
    assert.equal((await ctx.rpc('handles_getHandleForMsa', [srMsa])).owner, eth.address);

    // The sponsor paid every fee; the owners hold nothing.
    assert.ok((await free(ctx.bob.address)) < bobBefore, 'Bob paid the fees');
    assert.equal(await free(eth.address), 0n);
    assert.equal(await free(sr.address), 0n);
  });
});
