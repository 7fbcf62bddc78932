// Issue 5 point 1: governance of handles through a running dev node. set_handle_settings and the
// reserved list through sudo (Root) and through a council motion (propose with threshold 2, two
// aye votes, close), with their events and their effect on handles_getSettings,
// handles_validateHandle and handles_getSuffixOptions; the same calls from plain signed accounts
// or a council minority are refused with BadOrigin and change nothing.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { bestNumber, councilMotion, findEvents, freshPair, signedCall, submit, sudo, text, theEvent } from '../lib/chain.js';
import { assertFails, assertOk, useChain } from '../lib/testing.js';

const DEFAULTS = { suffixMin: 1000, suffixMax: 9999, reuseCooldown: 100800, seedRotationPeriod: 100, maxPayloadLifetime: 200, legacyPayloadDeadline: 100800 };

describe('governance: settings and reserved handles', { timeout: 300_000 }, () => {
  let api;
  let rpc;
  const ctx = useChain({ blocks: 1, setup: (c) => ({ api, rpc } = c) });

  const settings = () => rpc('handles_getSettings', []);
  const validate = (base) => rpc('handles_validateHandle', [base]);
  const settingsEvent = (res) => theEvent(res.events, 'handles', 'HandleSettingsChanged').data.toJSON();
  /** The canonical form in the event `handles.<method>` (ReservedHandleAdded or ReservedHandleRemoved). */
  const reservedCanonical = (res, method) => text(theEvent(res, 'handles', method).data.canonical);
  /** A council motion of two members (threshold 2): `proposer` proposes, both vote aye, `proposer` closes. */
  const motionOfTwo = (proposer, seconder, call) => councilMotion(api, { proposer, voters: [proposer, seconder], threshold: 2, call });

  async function expectSuffixesWithin(base, min, max) {
    const opts = await rpc('handles_getSuffixOptions', [base]);
    assert.ok(opts.candidates.length >= 1, JSON.stringify(opts));
    for (const s of [...opts.candidates, ...opts.available]) {
      assert.ok(s >= min && s <= max, `${s} in ${min}..=${max}`);
    }
    return opts;
  }

  test('the genesis settings and reserved list', async () => {
    assert.deepEqual(await settings(), DEFAULTS);
    for (const base of ['admin', 'ADMIN', 'adm1n', 'everyone', 'all']) {
      const v = await validate(base);
      assert.equal(v.valid, false, base);
      assert.match(v.error, /reserved/i, `${base}: ${v.error}`);
    }
  });

  test('sudo: set_handle_settings changes the range and cooldown', async () => {
    const res = await sudo(api, ctx.alice, api.tx.handles.setHandleSettings(2000, 2999, 50));
    assertOk(res);
    assert.deepEqual(settingsEvent(res), [2000, 2999, 50]);
    assert.deepEqual(await settings(), { ...DEFAULTS, suffixMin: 2000, suffixMax: 2999, reuseCooldown: 50 });
    await expectSuffixesWithin('Zelda', 2000, 2999);
  });

  test('sudo: an inverted range is refused (InvalidSuffixRange) and changes nothing', async () => {
    const before = await settings();
    const res = await sudo(api, ctx.alice, api.tx.handles.setHandleSettings(5000, 4999, 1));
    assert.equal(res.inner?.name, 'InvalidSuffixRange', res.inner?.text);
    assert.equal(findEvents(res, 'handles', 'HandleSettingsChanged').length, 0);
    assert.deepEqual(await settings(), before);
  });

  test('sudo: a claim outside the new range fails with SuffixOutOfRange', async () => {
    const owner = freshPair();
    const exp = (await bestNumber(api)) + 20;
    const res = await submit(api, await signedCall(api, 'create', owner, { baseHandle: 'Zelda', suffix: 1500, expiration: exp }), ctx.bob);
    assertFails(res, 'SuffixOutOfRange');
  });

  test('sudo: add_reserved_handle reserves the handle and its look-alikes', async () => {
    const canonical = (await validate('Zelda')).canonical;
    assert.ok(canonical);
    const res = await sudo(api, ctx.alice, api.tx.handles.addReservedHandle('Zelda'));
    assertOk(res);
    assert.equal(reservedCanonical(res, 'ReservedHandleAdded'), canonical);
    for (const base of ['Zelda', 'zelda', 'ZELDA', 'ZeIda', 'Ze1da']) {
      const v = await validate(base);
      assert.deepEqual({ valid: v.valid, canonical: v.canonical }, { valid: false, canonical: null }, base);
      assert.match(v.error, /reserved/i, `${base}: ${v.error}`);
    }
    const opts = await ctx.rpcRaw('handles_getSuffixOptions', ['zelda']);
    assert.equal(opts.error?.code, 8005, JSON.stringify(opts));
    assert.match(opts.error.message, /reserved/i);
    // A claim of a reserved look-alike is refused.
    const owner = freshPair();
    const exp = (await bestNumber(api)) + 20;
    const claim = await submit(api, await signedCall(api, 'create', owner, { baseHandle: 'ZELDA', suffix: 2000, expiration: exp }), ctx.bob);
    assertFails(claim, 'InvalidHandle', 'Reserved');
  });

  test('sudo: reserving a look-alike twice is refused (AlreadyReserved)', async () => {
    const res = await sudo(api, ctx.alice, api.tx.handles.addReservedHandle('ZELDA'));
    assert.equal(res.inner?.name, 'AlreadyReserved', res.inner?.text);
  });

  test('sudo: remove_reserved_handle (by a look-alike) frees it', async () => {
    const res = await sudo(api, ctx.alice, api.tx.handles.removeReservedHandle('ZeIda'));
    assertOk(res);
    const canonical = reservedCanonical(res, 'ReservedHandleRemoved');
    const v = await validate('Zelda');
    assert.deepEqual(v, { valid: true, canonical, error: null });
    await expectSuffixesWithin('Zelda', 2000, 2999);
    const again = await sudo(api, ctx.alice, api.tx.handles.removeReservedHandle('Zelda'));
    assert.equal(again.inner?.name, 'NotReserved', again.inner?.text);
  });

  test('council motion (threshold 2, two ayes, close): set_handle_settings', async () => {
    const call = api.tx.handles.setHandleSettings(3000, 3999, 77);
    const motion = await motionOfTwo(ctx.alice, ctx.bob, call);
    assert.equal(motion.votes.length, 2, 'two members voted aye');
    for (const v of motion.votes) assert.equal(theEvent(v, 'council', 'Voted').data[2].isTrue, true);
    theEvent(motion.closed, 'council', 'Closed');
    theEvent(motion.closed, 'council', 'Approved');
    assert.equal(motion.executed, true);
    assertOk(motion);
    assert.deepEqual(settingsEvent(motion.closed), [3000, 3999, 77]);
    assert.deepEqual(await settings(), { ...DEFAULTS, suffixMin: 3000, suffixMax: 3999, reuseCooldown: 77 });
    await expectSuffixesWithin('Yvonne', 3000, 3999);
    assert.equal((await api.query.council.proposals()).length, 0, 'the motion is closed');
  });

  test('council motion: add_reserved_handle and remove_reserved_handle', async () => {
    const canonical = (await validate('Xavier')).canonical;
    const added = await motionOfTwo(ctx.bob, ctx.charlie, api.tx.handles.addReservedHandle('Xavier'));
    assertOk(added);
    assert.equal(reservedCanonical(added.closed, 'ReservedHandleAdded'), canonical);
    const v = await validate('XAVIER');
    assert.equal(v.valid, false);
    assert.match(v.error, /reserved/i);

    const removed = await motionOfTwo(ctx.charlie, ctx.alice, api.tx.handles.removeReservedHandle('xavier'));
    assertOk(removed);
    assert.equal(reservedCanonical(removed.closed, 'ReservedHandleRemoved'), canonical);
    assert.deepEqual(await validate('Xavier'), { valid: true, canonical, error: null });
  });

  test('council motion: a failing call reports its error (InvalidSuffixRange) and changes nothing', async () => {
    const before = await settings();
    const motion = await motionOfTwo(ctx.alice, ctx.charlie, api.tx.handles.setHandleSettings(10, 9, 1));
    assert.equal(motion.executed, true);
    assert.equal(motion.inner?.name, 'InvalidSuffixRange', motion.inner?.text);
    assert.deepEqual(await settings(), before);
  });

  test('a council minority (one member, threshold 1) is refused with BadOrigin', async () => {
    const before = await settings();
    for (const call of [
      api.tx.handles.setHandleSettings(1000, 1100, 1),
      api.tx.handles.addReservedHandle('Wendy'),
      api.tx.handles.removeReservedHandle('admin'),
    ]) {
      const motion = await councilMotion(api, { proposer: ctx.bob, threshold: 1, call });
      assert.equal(motion.inner?.name, 'BadOrigin', motion.inner?.text);
      assert.equal(findEvents(motion.proposed, 'handles', 'HandleSettingsChanged').length, 0);
    }
    assert.deepEqual(await settings(), before);
    assert.equal((await validate('Wendy')).valid, true);
    assert.equal((await validate('admin')).valid, false);
  });

  test('plain signed accounts are refused with BadOrigin and change nothing', async () => {
    const before = await settings();
    const stranger = ctx.dave;
    const cases = [
      [ctx.bob, api.tx.handles.setHandleSettings(1000, 1100, 1)], // a council member, signing alone
      [stranger, api.tx.handles.setHandleSettings(1, 2, 3)],
      [ctx.alice, api.tx.handles.addReservedHandle('Wendy')], // the sudo key, without sudo
      [stranger, api.tx.handles.addReservedHandle('Wendy')],
      [stranger, api.tx.handles.removeReservedHandle('admin')],
      [ctx.charlie, api.tx.handles.removeReservedHandle('everyone')],
      [stranger, api.tx.handles.forceRetireHandle(1)],
    ];
    for (const [who, call] of cases) {
      const res = await submit(api, call, who);
      assert.equal(res.error?.name, 'BadOrigin', `${call.method.section}.${call.method.method}: ${res.error?.text}`);
      assert.equal(findEvents(res, 'handles', 'HandleSettingsChanged').length, 0);
      assert.equal(findEvents(res, 'handles', 'ReservedHandleAdded').length, 0);
      assert.equal(findEvents(res, 'handles', 'ReservedHandleRemoved').length, 0);
    }
    assert.deepEqual(await settings(), before);
    assert.equal((await validate('Wendy')).valid, true);
    for (const base of ['admin', 'everyone']) assert.equal((await validate(base)).valid, false, base);
    // sudo by a non-sudo key is refused by pallet-sudo.
    const notSudo = await submit(api, api.tx.sudo.sudo(api.tx.handles.setHandleSettings(1, 2, 3)), stranger);
    assertFails(notSudo, 'RequireSudo');
    assert.deepEqual(await settings(), before);
  });
});
