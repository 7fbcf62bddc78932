// Issue 5 point 1: every user flow through a running dev node. Sponsored creates for owners
// without tokens (sr25519, ed25519 and ecdsa keys; raw and <Bytes>-wrapped signatures),
// change_handle, retire_handle, cooldown expiry, transfer_ownership, force_retire_handle through
// sudo; after each step the events and every read RPC (getMsaForHandle, getHandleForMsa,
// getHandlesForOwner, getSuffixOptions) are checked.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { msaId as msaIdOf } from '@handles/client';

import {
  bestNumber,
  blockHash,
  changeTx,
  freshPair,
  retireTx,
  seal,
  sealTo,
  send,
  sign,
  signedCall,
  submit,
  sudo,
  text,
  theEvent,
  transferTx,
} from '../lib/chain.js';
import { assertFails, assertOk, useChain } from '../lib/testing.js';

const COOLDOWN = 6;

describe('user flows through the node', { timeout: 300_000 }, () => {
  let api;
  let rpc;
  // Block 1 rotates the seeds; options stay fixed until block 101.
  const ctx = useChain({ blocks: 1, setup: (c) => ({ api, rpc } = c) });
  const held = new Map(); // label -> { msaId, owner, base, suffix, display, canonical, createdAt }

  const expiration = async (ahead = 50) => (await bestNumber(api)) + ahead;

  async function available(base) {
    return (await rpc('handles_getSuffixOptions', [base])).available;
  }

  async function pickSuffix(base) {
    const opts = await rpc('handles_getSuffixOptions', [base]);
    assert.ok(opts.available.length > 0, `${base} has available suffixes`);
    return { suffix: opts.available[0], canonical: opts.canonical };
  }

  /** Every read RPC agrees that `h.msaId` holds `h.display`, owned by `h.owner`. */
  async function expectHeld(h, { ownerList } = {}) {
    assert.deepEqual(await rpc('handles_getMsaForHandle', [h.display]), {
      msaId: h.msaId,
      owner: h.owner.address,
      handle: h.display,
    });
    assert.deepEqual(await rpc('handles_getHandleForMsa', [h.msaId]), {
      handle: h.display,
      baseHandle: h.base,
      suffix: h.suffix,
      canonical: h.canonical,
      owner: h.owner.address,
      createdAt: h.createdAt,
    });
    const list = await rpc('handles_getHandlesForOwner', [h.owner.address]);
    if (ownerList) assert.deepEqual(list, ownerList);
    else assert.deepEqual(list, [{ msaId: h.msaId, handle: h.display }]);
    const opts = await rpc('handles_getSuffixOptions', [h.base]);
    assert.equal(opts.canonical, h.canonical);
    assert.ok(opts.candidates.includes(h.suffix), `${h.suffix} still a candidate of ${h.base}`);
    assert.ok(!opts.available.includes(h.suffix), `${h.display} is held, so ${h.suffix} is not available`);
  }

  /** `display` resolves to nothing and its suffix is not available. */
  async function expectFree(base, suffix, { availableNow = false } = {}) {
    assert.equal(await rpc('handles_getMsaForHandle', [`${base}.${suffix}`]), null);
    assert.equal((await available(base)).includes(suffix), availableNow, `${base}.${suffix} available: ${availableNow}`);
  }

  /** `res` retired `h`'s handle: the event names it, the MSA keeps its owner but has no handle, and
   * the handle resolves to nothing with its suffix not offered (cooling down). */
  async function expectRetired(res, h) {
    const ev = theEvent(res, 'handles', 'HandleRetired');
    assert.equal(ev.data.msaId.toNumber(), h.msaId);
    assert.equal(text(ev.data.handle), h.display);
    assert.equal(await rpc('handles_getHandleForMsa', [h.msaId]), null);
    assert.deepEqual(await rpc('handles_getHandlesForOwner', [h.owner.address]), [{ msaId: h.msaId, handle: null }]);
    await expectFree(h.base, h.suffix);
  }

  async function create(label, { type, wrap, base }) {
    const owner = freshPair(type);
    const { data } = await api.query.system.account(owner.address);
    assert.equal(data.free.toBigInt(), 0n, 'the owner holds no tokens');
    const { suffix, canonical } = await pickSuffix(base);
    const payload = { baseHandle: base, suffix, expiration: await expiration() };
    const bobBefore = (await api.query.system.account(ctx.bob.address)).data.free.toBigInt();
    const res = await submit(api, await signedCall(api, 'create', owner, payload, { wrap }), ctx.bob);
    assertOk(res, `create ${base}.${suffix} (${type}, ${wrap ? 'wrapped' : 'raw'})`);
    const display = `${base}.${suffix}`;
    const msaId = msaIdOf(canonical, suffix);
    const ev = theEvent(res, 'handles', 'MsaCreatedWithHandle');
    assert.equal(ev.data.msaId.toNumber(), msaId, 'msa id = msa_id(canonical, suffix)');
    assert.equal(ctx.keyring.encodeAddress(ev.data.owner), owner.address);
    assert.equal(text(ev.data.handle), display);
    const bobAfter = (await api.query.system.account(ctx.bob.address)).data.free.toBigInt();
    assert.ok(bobAfter < bobBefore, 'the sponsor paid the fee');
    assert.equal((await api.query.system.account(owner.address)).data.free.toBigInt(), 0n);
    const h = { msaId, owner, base, suffix, display, canonical, createdAt: res.blockNumber };
    held.set(label, h);
    await expectHeld(h);
    return h;
  }

  test('sr25519 owner, <Bytes>-wrapped signature, Bob sponsors', async () => {
    await create('sr-wrapped', { type: 'sr25519', wrap: true, base: 'Alice' });
  });
  test('sr25519 owner, raw signature', async () => {
    await create('sr-raw', { type: 'sr25519', wrap: false, base: 'Bruno' });
  });
  test('ed25519 owner, <Bytes>-wrapped signature', async () => {
    await create('ed-wrapped', { type: 'ed25519', wrap: true, base: 'Chloé' });
  });
  test('ed25519 owner, raw signature', async () => {
    await create('ed-raw', { type: 'ed25519', wrap: false, base: 'Dmitri' });
  });
  test('ecdsa owner (account = blake2_256 of the compressed key), <Bytes>-wrapped signature', async () => {
    const h = await create('ecdsa-wrapped', { type: 'ecdsa', wrap: true, base: 'Emile' });
    assert.equal(h.owner.publicKey.length, 33);
  });
  test('ecdsa owner, raw signature', async () => {
    await create('ecdsa-raw', { type: 'ecdsa', wrap: false, base: 'Frida' });
  });

  test('two claims of one handle in one block: the first wins, the second fails with HandleTaken', async () => {
    const base = 'Gemma';
    const { suffix, canonical } = await pickSuffix(base);
    const exp = await expiration();
    const [o1, o2] = [freshPair('sr25519'), freshPair('ed25519')];
    // Look-alike: same canonical base, same suffix.
    const p1 = await send(api, await signedCall(api, 'create', o1, { baseHandle: base, suffix, expiration: exp }), ctx.bob);
    const p2 = await send(api, await signedCall(api, 'create', o2, { baseHandle: 'GEMMA', suffix, expiration: exp }), ctx.charlie);
    await seal(api);
    const [r1, r2] = await Promise.all([p1.included, p2.included]);
    assert.equal(r1.blockNumber, r2.blockNumber, 'both in one block');
    assertOk(r1, 'first claim');
    assertFails(r2, 'HandleTaken');
    await expectHeld({
      msaId: msaIdOf(canonical, suffix), owner: o1, base, suffix, display: `${base}.${suffix}`, canonical, createdAt: r1.blockNumber,
    });
    assert.deepEqual(await rpc('handles_getHandlesForOwner', [o2.address]), [], 'the failed claim changed nothing');
  });

  test('sudo sets a short reuse cooldown', async () => {
    const res = await sudo(api, ctx.alice, api.tx.handles.setHandleSettings(1000, 9999, COOLDOWN));
    assertOk(res, 'sudo');
    const ev = theEvent(res, 'handles', 'HandleSettingsChanged');
    assert.deepEqual(ev.data.toJSON(), [1000, 9999, COOLDOWN]);
    assert.equal((await rpc('handles_getSettings', [])).reuseCooldown, COOLDOWN);
  });

  let changedAt; // block of the change away from Alice.x
  test('change_handle: the MSA keeps its id and gets the new handle; the old one is released', async () => {
    const h = held.get('sr-wrapped');
    const newBase = 'Alicia';
    const { suffix, canonical } = await pickSuffix(newBase);
    const payload = { msaId: h.msaId, oldHandle: h.display, newBaseHandle: newBase, newSuffix: suffix, expiration: await expiration() };
    const res = await submit(api, await signedCall(api, 'change', h.owner, payload), ctx.bob);
    assertOk(res, 'change');
    changedAt = res.blockNumber;
    const ev = theEvent(res, 'handles', 'HandleChanged');
    assert.equal(ev.data.msaId.toNumber(), h.msaId);
    assert.equal(text(ev.data.oldHandle), h.display);
    assert.equal(text(ev.data.newHandle), `${newBase}.${suffix}`);
    const old = { ...h };
    Object.assign(h, { base: newBase, suffix, canonical, display: `${newBase}.${suffix}`, createdAt: res.blockNumber });
    await expectHeld(h);
    // The old display handle resolves to nothing and is not offered (cooling down, id in use).
    await expectFree(old.base, old.suffix);
    held.set('sr-old', old);
  });

  let retiredAt;
  test('retire_handle: the MSA stays, without a handle; the handle is released', async () => {
    const h = held.get('sr-wrapped');
    const payload = { msaId: h.msaId, handle: h.display, expiration: await expiration() };
    const res = await submit(api, await signedCall(api, 'retire', h.owner, payload, { wrap: false }), ctx.bob);
    assertOk(res, 'retire');
    retiredAt = res.blockNumber;
    await expectRetired(res, h);
    // Retiring again: the MSA has no handle.
    const again = await submit(api, await signedCall(api, 'retire', h.owner, { msaId: h.msaId, handle: h.display, expiration: await expiration(51) }), ctx.bob);
    assertFails(again, 'MsaHasNoHandle');
  });

  test('cooldown: the retired pair is unavailable until exactly retired_at + cooldown, then available', async () => {
    const h = held.get('sr-wrapped'); // Alicia.y, got by change_handle: its derived id is unused
    assert.notEqual(msaIdOf(h.canonical, h.suffix), h.msaId);
    const availableAt = retiredAt + COOLDOWN;
    const claimant = freshPair('ed25519');
    const payload = { baseHandle: h.base, suffix: h.suffix, expiration: retiredAt + 60 };
    // A claim for block availableAt - 1 is refused when it enters the pool (which checks it
    // against the next block), before anyone pays.
    await sealTo(api, availableAt - 2);
    const early = await submit(api, await signedCall(api, 'create', claimant, payload), ctx.bob);
    assert.equal(early.refusedByPool, true, 'refused by the pool');
    assertFails(early, 'HandleCoolingDown');
    assert.equal(await bestNumber(api), availableAt - 1);
    assert.deepEqual(await rpc('handles_getHandlesForOwner', [claimant.address]), []);
    // Not offered as of block availableAt - 1, offered as of block availableAt.
    assert.equal((await available(h.base)).includes(h.suffix), false, `not available at block ${availableAt - 1}`);
    await seal(api);
    assert.equal(await bestNumber(api), availableAt);
    assert.equal((await available(h.base)).includes(h.suffix), true, `available at block ${availableAt}`);
    const before = await rpc('handles_getSuffixOptions', [h.base, await blockHash(api, availableAt - 1)]);
    assert.equal(before.available.includes(h.suffix), false, 'the at parameter sees the cooldown');
    // The same signed payload (it never took effect) now succeeds: a new MSA with the derived id.
    const res = await submit(api, await signedCall(api, 'create', claimant, payload), ctx.bob);
    assertOk(res, 'claim after the cooldown');
    const msaId = msaIdOf(h.canonical, h.suffix);
    assert.equal(theEvent(res, 'handles', 'MsaCreatedWithHandle').data.msaId.toNumber(), msaId);
    await expectHeld({ ...h, msaId, owner: claimant, createdAt: res.blockNumber });
  });

  test('cooldown: a pair retired from the MSA it created stays unavailable (derived MSA id in use), its MSA may take it back', async () => {
    const old = held.get('sr-old'); // Alice.x, created by the MSA that now has no handle
    const h = held.get('sr-wrapped');
    assert.equal(msaIdOf(old.canonical, old.suffix), h.msaId);
    assert.ok((await bestNumber(api)) >= changedAt + COOLDOWN, 'its cooldown is over');
    await expectFree(old.base, old.suffix, { availableNow: false });
    const other = freshPair('sr25519');
    const res = await submit(
      api,
      await signedCall(api, 'create', other, { baseHandle: old.base, suffix: old.suffix, expiration: await expiration() }),
      ctx.bob,
    );
    assertFails(res, 'MsaIdInUse');
    // The MSA without a handle changes back to it: old_handle is None.
    const back = await submit(
      api,
      await signedCall(api, 'change', h.owner, { msaId: h.msaId, oldHandle: null, newBaseHandle: old.base, newSuffix: old.suffix, expiration: await expiration() }),
      ctx.bob,
    );
    assertOk(back, 'change back');
    const ev = theEvent(back, 'handles', 'HandleChanged');
    assert.equal(ev.data.oldHandle.isNone, true, 'old_handle is None');
    assert.equal(text(ev.data.newHandle), old.display);
    Object.assign(h, { base: old.base, suffix: old.suffix, canonical: old.canonical, display: old.display, createdAt: back.blockNumber });
    await expectHeld(h);
  });

  test('transfer_ownership: both keys sign; mismatches are refused and change nothing', async () => {
    const h = held.get('sr-wrapped'); // sr25519 owner, holds Alice.x
    const target = held.get('ecdsa-raw'); // ecdsa owner with one MSA already
    const newOwner = target.owner;
    const payload = { msaId: h.msaId, owner: h.owner.address, newOwner: newOwner.address, expiration: await expiration() };
    const sig = await sign(api, h.owner, 'transfer', payload);
    const newSig = await sign(api, newOwner, 'transfer', payload, { wrap: false });

    // The new owner's signature by another key.
    const wrongNew = await sign(api, freshPair('sr25519'), 'transfer', payload);
    assertFails(await submit(api, transferTx(api, h.owner, sig, newOwner, wrongNew, payload), ctx.bob), 'InvalidNewOwnerSignature');
    // The new_owner argument differs from the payload's.
    assertFails(await submit(api, transferTx(api, h.owner, sig, ctx.dave, newSig, payload), ctx.bob), 'NewOwnerMismatch');
    // Someone else submits the owner's payload as "owner": the payload names the owner.
    const thief = freshPair('sr25519');
    const thiefSig = await sign(api, thief, 'transfer', payload);
    assertFails(await submit(api, transferTx(api, thief, thiefSig, newOwner, newSig, payload), ctx.bob), 'OwnerMismatch');
    // ... or a payload that names himself: he is not the owner.
    const thiefPayload = { ...payload, owner: thief.address };
    const thiefOwnSig = await sign(api, thief, 'transfer', thiefPayload);
    const newSigForThief = await sign(api, newOwner, 'transfer', thiefPayload);
    assertFails(await submit(api, transferTx(api, thief, thiefOwnSig, newOwner, newSigForThief, thiefPayload), ctx.bob), 'NotOwner');
    await expectHeld(h);

    const res = await submit(api, transferTx(api, h.owner, sig, newOwner, newSig, payload), ctx.bob);
    assertOk(res, 'transfer');
    const ev = theEvent(res, 'handles', 'OwnershipTransferred');
    assert.equal(ev.data.msaId.toNumber(), h.msaId);
    assert.equal(ctx.keyring.encodeAddress(ev.data.oldOwner), h.owner.address);
    assert.equal(ctx.keyring.encodeAddress(ev.data.newOwner), newOwner.address);

    const oldOwner = h.owner;
    h.owner = newOwner;
    const expectedList = [
      { msaId: h.msaId, handle: h.display },
      { msaId: target.msaId, handle: target.display },
    ].sort((a, b) => a.msaId - b.msaId);
    await expectHeld(h, { ownerList: expectedList });
    await expectHeld(target, { ownerList: expectedList });
    assert.deepEqual(await rpc('handles_getHandlesForOwner', [oldOwner.address]), []);
    held.set('transferred-old-owner', { owner: oldOwner });
  });

  test('after the transfer only the new owner can change and retire', async () => {
    const h = held.get('sr-wrapped');
    const oldOwner = held.get('transferred-old-owner').owner;
    const target = held.get('ecdsa-raw');
    const exp = await expiration();
    assertFails(await submit(api, await signedCall(api, 'retire', oldOwner, { msaId: h.msaId, handle: h.display, expiration: exp }), ctx.bob), 'NotOwner');
    const { suffix, canonical } = await pickSuffix('Alexa');
    const changePayload = { msaId: h.msaId, oldHandle: h.display, newBaseHandle: 'Alexa', newSuffix: suffix, expiration: exp };
    assertFails(await submit(api, await signedCall(api, 'change', oldOwner, changePayload), ctx.bob), 'NotOwner');
    await expectHeld(h, { ownerList: (await rpc('handles_getHandlesForOwner', [h.owner.address])) });

    // The new owner (ecdsa) changes the handle ...
    const changed = await submit(api, await signedCall(api, 'change', h.owner, changePayload), ctx.bob);
    assertOk(changed, 'change by the new owner');
    const ev = theEvent(changed, 'handles', 'HandleChanged');
    assert.equal(text(ev.data.newHandle), `Alexa.${suffix}`);
    const oldDisplay = h.display;
    Object.assign(h, { base: 'Alexa', suffix, canonical, display: `Alexa.${suffix}`, createdAt: changed.blockNumber });
    const list = [
      { msaId: h.msaId, handle: h.display },
      { msaId: target.msaId, handle: target.display },
    ].sort((a, b) => a.msaId - b.msaId);
    await expectHeld(h, { ownerList: list });
    assert.equal(await rpc('handles_getMsaForHandle', [oldDisplay]), null);

    // ... and retires it.
    const retired = await submit(
      api,
      await signedCall(api, 'retire', h.owner, { msaId: h.msaId, handle: h.display, expiration: await expiration() }, { wrap: false }),
      ctx.bob,
    );
    assertOk(retired, 'retire by the new owner');
    assert.equal(text(theEvent(retired, 'handles', 'HandleRetired').data.handle), h.display);
    assert.equal(await rpc('handles_getHandleForMsa', [h.msaId]), null);
    assert.equal(await rpc('handles_getMsaForHandle', [h.display]), null);
    assert.deepEqual(
      await rpc('handles_getHandlesForOwner', [h.owner.address]),
      [
        { msaId: h.msaId, handle: null },
        { msaId: target.msaId, handle: target.display },
      ].sort((a, b) => a.msaId - b.msaId),
    );
    assert.equal((await available('Alexa')).includes(suffix), false, 'cooling down');
  });

  test('force_retire_handle through sudo', async () => {
    const h = held.get('ed-wrapped');
    const res = await sudo(api, ctx.alice, api.tx.handles.forceRetireHandle(h.msaId));
    assertOk(res, 'sudo');
    await expectRetired(res, h);
    // Again: no handle; an unknown MSA: not found. Each changes nothing.
    assert.equal((await sudo(api, ctx.alice, api.tx.handles.forceRetireHandle(h.msaId))).inner?.name, 'MsaHasNoHandle');
    const unknown = (h.msaId + 1) >>> 0;
    assert.equal((await sudo(api, ctx.alice, api.tx.handles.forceRetireHandle(unknown))).inner?.name, 'MsaNotFound');
    // Moderation sticks: the MSA cannot take the handle back, in any spelling.
    for (const base of [h.base, h.base.toUpperCase()]) {
      const takeBack = { msaId: h.msaId, oldHandle: null, newBaseHandle: base, newSuffix: h.suffix, expiration: await expiration() };
      assertFails(await submit(api, await signedCall(api, 'change', h.owner, takeBack), ctx.bob), 'HandleModerated');
    }
    // The owner can still give the MSA another handle with change_handle.
    const { suffix } = await pickSuffix('Chloe');
    const chloe = { msaId: h.msaId, oldHandle: null, newBaseHandle: 'Chloe', newSuffix: suffix, expiration: await expiration() };
    const back = await submit(api, changeTx(api, h.owner, await sign(api, h.owner, 'change', chloe), chloe), ctx.bob);
    assertOk(back, 'change after force retire');
    assert.equal(theEvent(back, 'handles', 'HandleChanged').data.oldHandle.isNone, true);
  });

  test('the other owners are untouched by all of the above', async () => {
    for (const label of ['sr-raw', 'ed-raw', 'ecdsa-wrapped']) await expectHeld(held.get(label));
    // A look-alike display handle resolves to the same MSA.
    const h = held.get('ed-raw');
    const res = await rpc('handles_getMsaForHandle', [`${h.base.toUpperCase()}.${h.suffix}`]);
    assert.equal(res.msaId, h.msaId);
    // retireTx is exported for apps; a retire of an unknown MSA fails with MsaNotFound.
    const unknown = (h.msaId ^ 0x5a5a5a5a) >>> 0;
    const payload = { msaId: unknown, handle: h.display, expiration: await expiration() };
    const sig = await sign(api, h.owner, 'retire', payload);
    assertFails(await submit(api, retireTx(api, h.owner, sig, payload), ctx.bob), 'MsaNotFound');
  });
});
