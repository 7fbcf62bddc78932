// Replay protection and binding of signed payloads, through a running dev node.
// A payload takes effect at most once (also after the state it acted on is restored); a signature
// for one call does not work for another, nor for another chain (genesis hash); expired and
// too-far expirations are refused at their exact boundaries; a signature by another key is refused;
// nobody can fill the replay store for somebody else (no per-expiration quota).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { msaId as msaIdOf } from '@handles/client';

import {
  bestNumber,
  blockEvents,
  changeTx,
  createTx,
  freshPair,
  retireTx,
  seal,
  send,
  sign,
  signedCall,
  submit,
  sudo,
  theEvent,
  transferTx,
} from '../lib/chain.js';
import { assertFails, assertOk, useChain } from '../lib/testing.js';

const OTHER_GENESIS = `0x${'ab'.repeat(32)}`;

describe('replay protection and payload binding', { timeout: 300_000 }, () => {
  let api;
  let rpc;
  const ctx = useChain({ blocks: 1, setup: (c) => ({ api, rpc } = c) });

  const owned = (owner) => rpc('handles_getHandlesForOwner', [owner.address]);

  async function pick(base) {
    const o = await rpc('handles_getSuffixOptions', [base]);
    return { suffix: o.available[0], other: o.available[1], canonical: o.canonical };
  }

  let a; // { owner, msaId, base, suffix, createPayload, createSig }

  test('the same payload twice: the second fails with PayloadReplayed', async () => {
    const owner = freshPair();
    const base = 'Replay';
    const { suffix, canonical } = await pick(base);
    const createPayload = { baseHandle: base, suffix, expiration: (await bestNumber(api)) + 150 };
    const createSig = await sign(api, owner, 'create', createPayload);
    assertOk(await submit(api, createTx(api, owner, createSig, createPayload), ctx.bob), 'first');
    const msaId = msaIdOf(canonical, suffix);
    a = { owner, msaId, base, suffix, canonical, createPayload, createSig };
    // Same bytes, another sponsor.
    assertFails(await submit(api, createTx(api, owner, createSig, createPayload), ctx.charlie), 'PayloadReplayed');
    // Same payload signed again (raw instead of <Bytes>): still the same payload.
    const rawSig = await sign(api, owner, 'create', createPayload, { wrap: false });
    assertFails(await submit(api, createTx(api, owner, rawSig, createPayload), ctx.bob), 'PayloadReplayed');
    assert.deepEqual(await owned(owner), [{ msaId, handle: `${base}.${suffix}` }]);
  });

  test('one payload submitted twice for one block: the copy never enters the pool, one takes effect', async () => {
    const owner = freshPair('ed25519');
    const { suffix } = await pick('Twice');
    const payload = { baseHandle: 'Twice', suffix, expiration: (await bestNumber(api)) + 50 };
    const s = await sign(api, owner, 'create', payload);
    const p1 = await send(api, createTx(api, owner, s, payload), ctx.bob);
    // Both provide the payload's replay key: the second sponsor's copy is refused at submission.
    const charlie = (await api.query.system.account(ctx.charlie.address)).toJSON();
    await assert.rejects(send(api, createTx(api, owner, s, payload), ctx.charlie), /1014|Priority is too low/);
    await seal(api);
    assertOk(await p1.included, 'the first copy');
    assert.deepEqual((await api.query.system.account(ctx.charlie.address)).toJSON(), charlie, 'the second sponsor paid nothing');
    assert.equal((await owned(owner)).length, 1);
  });

  let retirePayload;
  let retireSig;
  let settings;
  test('create -> retire -> the old create payload again (within its expiration): refused', async () => {
    // No cooldown for this retirement, so that the next test can give the MSA the same handle back.
    settings = await rpc('handles_getSettings', []);
    assertOk(await sudo(api, ctx.alice, api.tx.handles.setHandleSettings(settings.suffixMin, settings.suffixMax, 0)));
    retirePayload = { msaId: a.msaId, handle: `${a.base}.${a.suffix}`, expiration: (await bestNumber(api)) + 150 };
    retireSig = await sign(api, a.owner, 'retire', retirePayload);
    const retired = await submit(api, retireTx(api, a.owner, retireSig, retirePayload), ctx.bob);
    assertOk(retired, 'retire');
    theEvent(retired, 'handles', 'HandleRetired');
    assert.ok(a.createPayload.expiration > (await bestNumber(api)) + 1, 'the create payload is still live');
    assertFails(await submit(api, createTx(api, a.owner, a.createSig, a.createPayload), ctx.bob), 'PayloadReplayed');
    assert.deepEqual(await owned(a.owner), [{ msaId: a.msaId, handle: null }]);
  });

  test('a retire payload replayed after the MSA got the same handle back: refused', async () => {
    // Retired without a cooldown (previous test): the MSA takes its handle back at once.
    const back = { msaId: a.msaId, oldHandle: null, newBaseHandle: a.base, newSuffix: a.suffix, expiration: (await bestNumber(api)) + 50 };
    assertOk(await submit(api, changeTx(api, a.owner, await sign(api, a.owner, 'change', back), back), ctx.bob), 'change back');
    // The state the retire acted on is restored (the MSA holds the handle it names): the retire stays used.
    assertFails(await submit(api, retireTx(api, a.owner, retireSig, retirePayload), ctx.bob), 'PayloadReplayed');
    assert.deepEqual(await owned(a.owner), [{ msaId: a.msaId, handle: `${a.base}.${a.suffix}` }]);
    assertOk(await sudo(api, ctx.alice, api.tx.handles.setHandleSettings(settings.suffixMin, settings.suffixMax, settings.reuseCooldown)));
    // Another handle: the retire payload names one the MSA does not hold.
    const { suffix } = await pick('Again');
    const change = { msaId: a.msaId, oldHandle: `${a.base}.${a.suffix}`, newBaseHandle: 'Again', newSuffix: suffix, expiration: (await bestNumber(api)) + 50 };
    assertOk(await submit(api, changeTx(api, a.owner, await sign(api, a.owner, 'change', change), change), ctx.bob), 'change');
    const stale = { ...retirePayload, expiration: (await bestNumber(api)) + 60 };
    assertFails(await submit(api, retireTx(api, a.owner, await sign(api, a.owner, 'retire', stale), stale), ctx.bob), 'HandleMismatch');
    assert.deepEqual(await owned(a.owner), [{ msaId: a.msaId, handle: `Again.${suffix}` }]);
    a.display = `Again.${suffix}`;
  });

  test('a payload for one call does not work for another (the signature covers the kind byte)', async () => {
    const exp = (await bestNumber(api)) + 50;
    const { suffix } = await pick('Crossed');
    // A create signature (kind 0) presented to change_handle with the same fields.
    const createPayload = { baseHandle: 'Crossed', suffix, expiration: exp };
    const createSig = await sign(api, a.owner, 'create', createPayload);
    const asChange = { msaId: a.msaId, oldHandle: a.display, newBaseHandle: 'Crossed', newSuffix: suffix, expiration: exp };
    assertFails(await submit(api, changeTx(api, a.owner, createSig, asChange), ctx.bob), 'InvalidSignature');
    // A change signature (kind 2) presented to create_handle.
    const changeSig = await sign(api, a.owner, 'change', asChange);
    assertFails(await submit(api, createTx(api, a.owner, changeSig, createPayload), ctx.bob), 'InvalidSignature');
    // A retire signature (kind 1) presented to transfer_ownership, by both keys.
    const newOwner = freshPair();
    const retireP = { msaId: a.msaId, handle: a.display, expiration: exp };
    const transferP = { msaId: a.msaId, owner: a.owner.address, newOwner: newOwner.address, expiration: exp };
    assertFails(
      await submit(api, transferTx(api, a.owner, await sign(api, a.owner, 'retire', retireP), newOwner, await sign(api, newOwner, 'retire', retireP), transferP), ctx.bob),
      'InvalidSignature',
    );
    // A transfer signature (kind 3) presented to retire_handle.
    assertFails(await submit(api, retireTx(api, a.owner, await sign(api, a.owner, 'transfer', transferP), retireP), ctx.bob), 'InvalidSignature');
    assert.deepEqual(await owned(a.owner), [{ msaId: a.msaId, handle: a.display }]);
    assert.deepEqual(await owned(newOwner), []);
  });

  test('a transfer payload cannot bring an MSA back to an earlier owner (both signatures are one-time)', async () => {
    const [x, b, c] = [freshPair(), freshPair(), freshPair('ed25519')];
    const { suffix } = await pick('Moving');
    assertOk(await submit(api, await signedCall(api, 'create', x, { baseHandle: 'Moving', suffix, expiration: (await bestNumber(api)) + 50 }), ctx.bob), 'create');
    const [{ msaId }] = await owned(x);
    const exp = (await bestNumber(api)) + 100;
    // X -> B with payload t, signed by both.
    const t = { msaId, owner: x.address, newOwner: b.address, expiration: exp };
    const bSig = await sign(api, b, 'transfer', t);
    assertOk(await submit(api, transferTx(api, x, await sign(api, x, 'transfer', t), b, bSig, t), ctx.bob), 'X -> B');
    // B -> C.
    const u = { msaId, owner: b.address, newOwner: c.address, expiration: exp };
    assertOk(await submit(api, transferTx(api, b, await sign(api, b, 'transfer', u), c, await sign(api, c, 'transfer', u), u), ctx.bob), 'B -> C');
    // C changes the handle, then submits t again as owner with B's old signature.
    const { suffix: s2 } = await pick('Moved');
    const change = { msaId, oldHandle: `Moving.${suffix}`, newBaseHandle: 'Moved', newSuffix: s2, expiration: exp };
    assertOk(await submit(api, changeTx(api, c, await sign(api, c, 'change', change), change), ctx.bob), 'C changes');
    assertFails(await submit(api, transferTx(api, c, await sign(api, c, 'transfer', t), b, bSig, t), ctx.bob), 'OwnerMismatch');
    // Even a payload naming C as owner cannot reuse B's signature: it covers other bytes.
    const tc = { ...t, owner: c.address };
    assertFails(await submit(api, transferTx(api, c, await sign(api, c, 'transfer', tc), b, bSig, tc), ctx.bob), 'InvalidNewOwnerSignature');
    assert.deepEqual(await owned(c), [{ msaId, handle: `Moved.${s2}` }]);
    assert.deepEqual(await owned(b), []);
  });

  test('no quota to fill: 501 transfers (1,002 replay entries) expiring at one block leave another user free to use that block', async () => {
    // The attack of a per-expiration quota (1,000 entries on the previous runtime): a party makes
    // cheap transfers with expiration E until the quota is full, and every other payload with
    // expiration E fails. Here: 501 MSAs, each transferred once to a fresh key, all with E. (Each
    // transfer is checked against the state when it enters the pool, so they are independent.)
    const sponsor = ctx.charlie;
    // 501 bases with distinct canonical forms (look-alikes such as `Relayal` and `Relayai` share one).
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const bases = [];
    const canonicals = new Set();
    for (let i = 0; bases.length < 501; i++) {
      const base = `Relay${letters[Math.floor(i / 26)]}${letters[i % 26]}`;
      const { canonical } = await rpc('handles_validateHandle', [base]);
      if (canonical && !canonicals.has(canonical)) {
        canonicals.add(canonical);
        bases.push(base);
      }
    }
    const owners = bases.map(() => freshPair());
    const sendAll = async (txs) => {
      let nonce = (await api.rpc.system.accountNextIndex(sponsor.address)).toNumber();
      // Immortal: many submissions take a while, and each is checked against the block it was signed at.
      for (const tx of txs) await (await tx).signAndSend(sponsor, { nonce: nonce++, era: 0 });
      const onChainNonce = async () => (await api.query.system.account(sponsor.address)).nonce.toNumber();
      for (let i = 0; i < 20 && (await onChainNonce()) < nonce; i++) await seal(api);
      assert.equal(await onChainNonce(), nonce, 'every transaction is in a block');
    };
    const createExp = (await bestNumber(api)) + 150;
    await sendAll(bases.map(async (base, i) => {
      const [suffix] = (await rpc('handles_getSuffixOptions', [base])).available;
      return signedCall(api, 'create', owners[i], { baseHandle: base, suffix, expiration: createExp });
    }));
    const msaIds = await Promise.all(owners.map(async (o) => (await owned(o))[0].msaId));
    const exp = (await bestNumber(api)) + 150;
    const first = (await bestNumber(api)) + 1;
    const receivers = owners.map(() => freshPair());
    await sendAll(owners.map(async (from, i) => {
      const to = receivers[i];
      const t = { msaId: msaIds[i], owner: from.address, newOwner: to.address, expiration: exp };
      return transferTx(api, from, await sign(api, from, 'transfer', t), to, await sign(api, to, 'transfer', t), t);
    }));
    let transferred = 0;
    let failed = 0;
    for (let n = first; n <= (await bestNumber(api)); n++) {
      const events = await blockEvents(api, (await api.rpc.chain.getBlockHash(n)).toHex());
      transferred += events.filter((e) => e.section === 'handles' && e.method === 'OwnershipTransferred').length;
      failed += events.filter((e) => e.section === 'system' && e.method === 'ExtrinsicFailed').length;
    }
    assert.equal(failed, 0, 'no transfer failed');
    assert.equal(transferred, 501);
    assert.deepEqual(await owned(receivers[500]), [{ msaId: msaIds[500], handle: (await owned(receivers[500]))[0].handle }]);
    // 1,002 entries of the replay store expire at `exp`; another user's payload with `exp` works.
    const user = freshPair();
    const { suffix: s2 } = await pick('Bystander');
    assertOk(await submit(api, await signedCall(api, 'create', user, { baseHandle: 'Bystander', suffix: s2, expiration: exp }), ctx.bob), 'a payload with the same expiration');
    assert.equal((await owned(user)).length, 1);
  });

  test('a payload signed for another genesis hash is refused (InvalidSignature); the same for this chain works', async () => {
    const owner = freshPair('ecdsa');
    const { suffix } = await pick('Genesis');
    const payload = { baseHandle: 'Genesis', suffix, expiration: (await bestNumber(api)) + 50 };
    for (const wrap of [true, false]) {
      const foreign = await sign(api, owner, 'create', payload, { genesisHash: OTHER_GENESIS, wrap });
      assertFails(await submit(api, createTx(api, owner, foreign, payload), ctx.bob), 'InvalidSignature');
    }
    assert.deepEqual(await owned(owner), []);
    assertOk(await submit(api, await signedCall(api, 'create', owner, payload), ctx.bob), 'this chain');
  });

  test('expiration: in the past is PayloadExpired, the inclusion block itself is accepted', async () => {
    const best = await bestNumber(api);
    const owner = freshPair();
    const { suffix } = await pick('Expiry');
    // For block best + 1: expiration best is past, and the pool refuses it before anyone pays.
    const expired = { baseHandle: 'Expiry', suffix, expiration: best };
    const res = await submit(api, await signedCall(api, 'create', owner, expired), ctx.bob);
    assert.equal(res.refusedByPool, true, 'refused by the pool');
    assertFails(res, 'PayloadExpired');
    assert.equal(await bestNumber(api), best + 1);
    // Included in block best + 2 with expiration best + 2: still valid.
    const edge = { baseHandle: 'Expiry', suffix, expiration: best + 2 };
    const res2 = await submit(api, await signedCall(api, 'create', owner, edge), ctx.bob);
    assert.equal(res2.blockNumber, best + 2);
    assertOk(res2, 'expiration == inclusion block');
  });

  test('expiration: beyond now + MaxPayloadLifetime is PayloadExpirationTooFar, exactly now + 200 is accepted', async () => {
    const { maxPayloadLifetime } = await rpc('handles_getSettings', []);
    assert.equal(maxPayloadLifetime, 200);
    const owner = freshPair('ed25519');
    const { suffix } = await pick('Faraway');
    let inclusion = (await bestNumber(api)) + 1;
    const tooFar = { baseHandle: 'Faraway', suffix, expiration: inclusion + maxPayloadLifetime + 1 };
    const res = await submit(api, await signedCall(api, 'create', owner, tooFar), ctx.bob);
    assert.equal(res.refusedByPool, true, 'refused by the pool');
    assertFails(res, 'PayloadExpirationTooFar');
    inclusion = (await bestNumber(api)) + 1;
    const edge = { baseHandle: 'Faraway', suffix, expiration: inclusion + maxPayloadLifetime };
    const res2 = await submit(api, await signedCall(api, 'create', owner, edge), ctx.bob);
    assert.equal(res2.blockNumber, inclusion);
    assertOk(res2, 'expiration == now + MaxPayloadLifetime');
    // Retire and change check expirations too.
    const [{ msaId, handle }] = await owned(owner);
    const now = (await bestNumber(api)) + 1;
    assertFails(await submit(api, await signedCall(api, 'retire', owner, { msaId, handle, expiration: now - 1 }), ctx.bob), 'PayloadExpired');
    assertFails(
      await submit(api, await signedCall(api, 'retire', owner, { msaId, handle, expiration: now + 1 + maxPayloadLifetime + 5 }), ctx.bob),
      'PayloadExpirationTooFar',
    );
  });

  test('wrong signer or altered payload: InvalidSignature; a signer who does not own the MSA: NotOwner', async () => {
    const owner = freshPair();
    const impostor = freshPair('ed25519');
    const { suffix, other } = await pick('Signer');
    const payload = { baseHandle: 'Signer', suffix, expiration: (await bestNumber(api)) + 50 };
    // Signed by another key, submitted for owner.
    assertFails(await submit(api, createTx(api, owner, await sign(api, impostor, 'create', payload), payload), ctx.bob), 'InvalidSignature');
    // Signed with the right key for suffix, submitted with another suffix.
    assertFails(
      await submit(api, createTx(api, owner, await sign(api, owner, 'create', payload), { ...payload, suffix: other }), ctx.bob),
      'InvalidSignature',
    );
    // Signature of the right bytes with the right key but the wrong MultiSignature variant.
    const s = await sign(api, owner, 'create', payload);
    assertFails(await submit(api, createTx(api, owner, { Ed25519: s.Sr25519 }, payload), ctx.bob), 'InvalidSignature');
    assert.deepEqual(await owned(owner), []);
    // Another key retiring a's MSA, in its own name or in a's.
    const retireP = { msaId: a.msaId, handle: a.display, expiration: (await bestNumber(api)) + 50 };
    assertFails(await submit(api, retireTx(api, impostor, await sign(api, impostor, 'retire', retireP), retireP), ctx.bob), 'NotOwner');
    assertFails(await submit(api, retireTx(api, a.owner, await sign(api, impostor, 'retire', retireP), retireP), ctx.bob), 'InvalidSignature');
    assert.deepEqual(await owned(a.owner), [{ msaId: a.msaId, handle: a.display }]);
    // The untouched payload still works once.
    assertOk(await submit(api, createTx(api, owner, s, payload), ctx.bob), 'the genuine payload');
    assertFails(await submit(api, createTx(api, owner, s, payload), ctx.bob), 'PayloadReplayed');
  });
});
