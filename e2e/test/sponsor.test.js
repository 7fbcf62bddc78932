// handles-sponsor through its real binary and HTTP API against dev nodes with manual sealing (the
// test makes the blocks, so claims can be held pending): a person with no tokens gets a handle
// and the sponsor pays; every refusal answers 4xx and costs the sponsor nothing; rate limits and
// the bounded queue answer 429; in public (JSON only, no CORS, hardened headers, concurrent claims
// within the limits, a budget across restarts, health and metrics); a restart with claims pending and a node restart lose and repeat
// nothing; 200 concurrent claims all land, each once.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import { Keyring } from '@polkadot/keyring';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { encodeAddress, mnemonicGenerate } from '@polkadot/util-crypto';

import { HANDLES_CHAIN_NAME, eip191, ethereumAccount } from '@handles/client';

import { SS58_PREFIX, bestNumber, blockHash, freshPair, send, signedCall, walletSign } from '../lib/chain.js';
import { startValidator } from '../lib/network.js';
import { rpcCall, startDevNode, tempDir, waitFor } from '../lib/node.js';
import { claimBody, startSponsor } from '../lib/sponsor.js';
import { useChain } from '../lib/testing.js';

/** Makes a finalized block every `ms` while `on` (engine_createBlock of manual sealing). */
function sealer(rpc, ms = 250) {
  const state = { on: false, stopped: false, blocks: 0 };
  (async () => {
    while (!state.stopped) {
      if (state.on) {
        try {
          await rpc('engine_createBlock', [true, true]);
          state.blocks += 1;
        } catch {
          // the node may be restarting
        }
      }
      await sleep(ms);
    }
  })();
  return state;
}

/** The suffix to claim for `base` through the sponsor (the first available one that is not expiring). */
async function pickSuffix(sponsor, base) {
  const res = await sponsor.get(`/api/options?base=${encodeURIComponent(base)}`);
  assert.equal(res.status, 200, `options of ${base}: ${JSON.stringify(res.body)}`);
  const suffix = res.body.available.find((s) => !res.body.expiring.includes(s)) ?? res.body.available[0];
  assert.ok(suffix !== undefined, `no suffix available for ${base}`);
  return suffix;
}

/** What the claim page does: payload and text to sign from the sponsor, the wallet's signature, the claim. */
async function claimThrough(sponsor, pair, base) {
  const suffix = await pickSuffix(sponsor, base);
  const prepared = await sponsor.post('/api/payload', { baseHandle: base, suffix });
  assert.equal(prepared.status, 200, JSON.stringify(prepared.body));
  const body = { owner: pair.address, signature: walletSign(pair, prepared.body.bytes), payload: prepared.body.payload };
  return { body, res: await sponsor.post('/claims', body) };
}

/** Claims `guest(prefix, i)` for each owner (each must be accepted); resolves to the claim ids. */
async function claimEach(sponsor, owners, prefix) {
  const ids = [];
  for (const [i, owner] of owners.entries()) {
    const { res } = await claimThrough(sponsor, owner, guest(prefix, i));
    assert.equal(res.status, 202, JSON.stringify(res.body));
    ids.push(res.body.id);
  }
  return ids;
}

async function settled(sponsor, id, timeoutMs = 120_000) {
  return waitFor(
    async () => {
      const res = await sponsor.get(`/claims/${id}`);
      return res.body.final ? res.body : null;
    },
    { timeoutMs, intervalMs: 200, what: `claim ${id} to settle` },
  );
}

async function statusIs(sponsor, id, statuses) {
  return waitFor(async () => statuses.includes((await sponsor.get(`/claims/${id}`)).body.status), {
    timeoutMs: 60_000,
    intervalMs: 100,
    what: `claim ${id} to be ${statuses.join(' or ')}`,
  });
}

const nextNonce = (ctx, pair) => ctx.rpc('system_accountNextIndex', [pair.address]);

/** The transactions `address` signed in the best chain from block `from` on: `{ block, nonce }` each. */
async function signedBy(ctx, address, from) {
  const best = await bestNumber(ctx.api);
  const found = [];
  for (let n = from; n <= best; n += 1) {
    const block = await ctx.api.rpc.chain.getBlock(await blockHash(ctx.api, n));
    for (const x of block.block.extrinsics) {
      if (x.isSigned && x.signer.toString() === address) found.push({ block: n, nonce: x.nonce.toNumber() });
    }
  }
  return found;
}

const freeOf = async (ctx, address) => (await ctx.api.query.system.account(address)).data.free.toBigInt();

// Base handles of letters no confusable pair is made of, distinct for every i < 512.
const LETTERS = 'bfghjkpt';
function guest(prefix, i) {
  return prefix + LETTERS[(i >> 6) & 7] + LETTERS[(i >> 3) & 7] + LETTERS[i & 7];
}

describe('handles-sponsor', { timeout: 900_000 }, () => {
  let seal;
  const dirs = [];
  const sponsors = [];
  const ctx = useChain({
    sealing: 'manual',
    setup: (c) => {
      seal = sealer(c.rpc);
    },
    teardown: async () => {
      if (seal) seal.stopped = true;
      for (const s of sponsors) await s.kill();
      for (const d of dirs) d.remove();
    },
  });
  const dir = () => {
    const d = tempDir('handles-sponsor-');
    dirs.push(d);
    return d.path;
  };
  const start = async (opts) => {
    const s = await startSponsor({ url: ctx.node.wsUrl, db: `${dir()}/claims.sqlite`, ...opts });
    sponsors.push(s);
    return s;
  };

  test('a person with no tokens gets a handle: the sponsor pays, the owner only signs', async () => {
    const sponsor = await start({ key: '//Dave' });
    const owner = freshPair();
    const daveBefore = await freeOf(ctx, ctx.dave.address);
    seal.on = false;
    const { body, res } = await claimThrough(sponsor, owner, 'Marguerite');
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.deepEqual(Object.keys(res.body).sort(), ['id', 'status']);
    assert.equal(res.body.status, 'queued');
    const id = res.body.id;
    await statusIs(sponsor, id, ['submitted']);
    // The same signed payload again is the same claim, not a second one.
    const again = await sponsor.post('/claims', body);
    assert.equal(again.status, 200);
    assert.equal(again.body.id, id);
    seal.on = true;
    const done = await settled(sponsor, id);
    assert.equal(done.status, 'finalized', JSON.stringify(done));
    assert.equal(done.reason, null);
    assert.match(done.handle, /^Marguerite\.\d+$/);
    assert.equal(done.handle, `Marguerite.${body.payload.suffix}`);
    const onChain = await ctx.rpc('handles_getMsaForHandle', [done.handle]);
    assert.deepEqual(onChain, { msaId: done.msaId, owner: owner.address, handle: done.handle });
    assert.equal(typeof done.blockNumber, 'number');
    assert.match(done.blockHash, /^0x[0-9a-f]{64}$/);
    assert.equal(await freeOf(ctx, owner.address), 0n, 'the owner still holds nothing');
    assert.ok((await freeOf(ctx, ctx.dave.address)) < daveBefore, 'the sponsor paid the fee');
    const line = sponsor.logs().find((l) => l.startsWith(`claim ${id} `));
    assert.match(line, new RegExp(`claim ${id} Marguerite\\.${body.payload.suffix} owner ${owner.address} from 127\\.0\\.0\\.1: finalized in block #\\d+, MSA ${done.msaId}`));
    assert.equal(sponsor.logs().filter((l) => l.startsWith(`claim ${id} `)).length, 1, 'one log line per claim');
  });

  test('the text to sign is the chain\'s readable text; an Ethereum key without tokens (personal_sign) and a legacy signature claim too', async () => {
    seal.on = true;
    const sponsor = await start({ key: '//Dave' });
    const genesis = ctx.api.genesisHash.toHex();
    const info = (await sponsor.get('/api/info')).body;
    assert.deepEqual([info.chainName, info.genesisHash, info.ss58Prefix], [HANDLES_CHAIN_NAME, genesis, SS58_PREFIX]);

    /** Payload and text of `base` from the sponsor; the text is the node's handles_signingMessage. */
    async function prepare(base) {
      const suffix = await pickSuffix(sponsor, base);
      const res = await sponsor.post('/api/payload', { baseHandle: base, suffix });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const { payload, message, bytes } = res.body;
      assert.equal(message, `Handles: claim ${base}.${suffix}\nChain: ${HANDLES_CHAIN_NAME} ${genesis}\nValid until block: ${payload.expiration}`);
      assert.deepEqual({ message, bytes }, await ctx.rpc('handles_signingMessage', ['create', payload]));
      return res.body;
    }
    async function lands(body, owner) {
      const res = await sponsor.post('/claims', body);
      assert.equal(res.status, 202, JSON.stringify(res.body));
      const done = await settled(sponsor, res.body.id);
      assert.equal(done.status, 'finalized', JSON.stringify(done));
      assert.equal(done.owner, owner);
      assert.deepEqual(await ctx.rpc('handles_getMsaForHandle', [done.handle]), { msaId: done.msaId, owner, handle: done.handle });
    }

    // An Ethereum wallet: personal_sign of the text gives r || s || v with v 27 or 28 (MetaMask),
    // or 0 or 1; the owner is the key's chain account (MultiSigner::Eth), sent as 0x hex.
    for (const [base, v] of [['Etherea', 27], ['Ethereb', 0]]) {
      const eth = new Keyring({ type: 'ethereum' }).addFromMnemonic(mnemonicGenerate());
      const account = ethereumAccount(eth.publicKey);
      assert.equal(await freeOf(ctx, account), 0n);
      const prepared = await prepare(base);
      const signature = eth.sign(eip191(hexToU8a(prepared.bytes)));
      signature[64] = (signature[64] % 27) + v;
      const body = { owner: account, signature: u8aToHex(signature), payload: prepared.payload };
      // Over the text without the prefix it is no signature of this claim.
      const bare = eth.sign(hexToU8a(prepared.bytes));
      const wrong = await sponsor.post('/claims', { ...body, signature: u8aToHex(bare) });
      assert.equal(wrong.status, 422, JSON.stringify(wrong.body));
      assert.equal(wrong.body.error, 'InvalidSignature');
      await lands(body, encodeAddress(account, SS58_PREFIX));
    }
    // The legacy SCALE message is still taken while the chain takes it (the page never signs it).
    const owner = freshPair();
    const { payload } = await prepare('Legacya');
    await lands(claimBody(owner, genesis, payload, { legacy: true }), owner.address);
  });

  test('every refusal is a 4xx with a reason, and costs the sponsor nothing', async () => {
    seal.on = true;
    const sponsor = await start({ key: '//Charlie' });
    const owner = freshPair();
    const other = freshPair();
    const genesis = ctx.api.genesisHash.toHex();
    const settings = await ctx.rpc('handles_getSettings');
    const now = await bestNumber(ctx.api);
    const base = 'Refusals';
    const suffix = await pickSuffix(sponsor, base);
    const payload = { baseHandle: base, suffix, expiration: now + 50 };
    const charlieNonce = await nextNonce(ctx, ctx.charlie);

    const refused = async (body, status, error, what) => {
      const res = await sponsor.post('/claims', body);
      assert.equal(res.status, status, `${what}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error, error, `${what}: ${JSON.stringify(res.body)}`);
      assert.equal(typeof res.body.message, 'string');
      assert.ok(res.body.message.length > 0 && !res.body.message.includes('\n'), `${what}: one line`);
      return res.body;
    };
    await refused('{"owner":', 400, 'BadRequest', 'malformed JSON');
    await refused({ ...claimBody(owner, genesis, payload), extra: 1 }, 400, 'BadRequest', 'unknown field');
    await refused({ owner: owner.address, payload }, 400, 'BadRequest', 'missing field');
    await refused({ ...claimBody(owner, genesis, payload), payload: { ...payload, suffix: -1 } }, 400, 'BadRequest', 'negative suffix');
    await refused(JSON.stringify({ ...claimBody(owner, genesis, payload), pad: 'x'.repeat(5000) }), 413, 'TooLarge', 'oversized body');
    await refused({ ...claimBody(owner, genesis, payload), owner: 'nobody' }, 400, 'BadAccount', 'bad owner');
    await refused({ ...claimBody(owner, genesis, payload), signature: '0x1234' }, 400, 'BadSignature', 'short signature');
    await refused({ ...claimBody(owner, genesis, payload), signature: 'zz' }, 400, 'BadSignature', 'not hex');
    await refused({ ...claimBody(other, genesis, payload), owner: owner.address }, 422, 'InvalidSignature', 'another key signed');
    await refused(claimBody(owner, `0x${'11'.repeat(32)}`, payload), 422, 'InvalidSignature', 'signed for another chain');
    await refused(claimBody(owner, genesis, { ...payload, expiration: now - 1 }), 422, 'PayloadExpired', 'expired');
    await refused(claimBody(owner, genesis, { ...payload, expiration: now + 2 }), 422, 'PayloadExpired', 'expires before it can land');
    await refused(
      claimBody(owner, genesis, { ...payload, expiration: now + settings.maxPayloadLifetime + 10 }),
      422,
      'PayloadExpirationTooFar',
      'too far',
    );
    const invalid = await refused(claimBody(owner, genesis, { ...payload, baseHandle: 'a b' }), 422, 'InvalidHandle', 'invalid handle');
    assert.equal(typeof invalid.rule, 'string');
    // A base over 32 bytes has no readable text: signed over the legacy message.
    await refused(claimBody(owner, genesis, { ...payload, baseHandle: 'x'.repeat(200) }, { legacy: true }), 422, 'InvalidHandle', 'over-long handle');
    const options = (await sponsor.get(`/api/options?base=${base}`)).body;
    const notOffered = [...Array(100).keys()].map((i) => 10 + i).find((s) => !options.candidates.includes(s));
    const taken = await refused(claimBody(owner, genesis, { ...payload, suffix: notOffered }), 409, 'SuffixNotAvailable', 'suffix not offered');
    assert.deepEqual(taken.available, options.available);
    assert.ok(taken.message.includes(`${base}.${notOffered} is not available`), taken.message);

    // A payload that took effect already (sent to the chain by someone else) is not paid again.
    const direct = freshPair();
    const used = { baseHandle: 'Replayed', suffix: await pickSuffix(sponsor, 'Replayed'), expiration: now + 50 };
    await send(ctx.api, await signedCall(ctx.api, 'create', direct, used), ctx.alice);
    const usedHandle = `Replayed.${used.suffix}`;
    await waitFor(async () => (await sponsor.get(`/api/lookup?handle=${usedHandle}`)).body?.owner === direct.address, {
      what: 'the sponsor to see the direct claim finalized',
    });
    await refused(claimBody(direct, genesis, used), 422, 'PayloadReplayed', 'replayed payload');

    const notFound = async (path) => {
      const res = await sponsor.get(path);
      assert.equal(res.status, 404, path);
      assert.equal(res.body.error, 'NotFound');
    };
    await notFound('/claims/424242');
    await notFound('/claims/abc');
    await notFound('/nothing-here');
    assert.equal((await sponsor.get('/api/options')).status, 400);
    const reserved = await sponsor.get('/api/options?base=a%20b');
    assert.equal(reserved.status, 422);
    assert.equal(reserved.body.error, 'InvalidHandle');
    const malformed = await sponsor.get('/api/lookup?handle=nodot');
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error, 'MalformedDisplayHandle');
    const badPayload = await sponsor.post('/api/payload', { baseHandle: base, suffix: notOffered });
    assert.equal(badPayload.status, 409);

    assert.equal(await nextNonce(ctx, ctx.charlie), charlieNonce, 'the sponsor sent nothing');
    assert.deepEqual((await sponsor.get('/api/info')).body.claims, {}, 'and queued nothing');
  });

  test('rate limits and the bounded queue answer 429; one pending claim per handle', async () => {
    seal.on = false;
    const sponsor = await start({ key: '//Eve', args: ['--client-limit', '3', '--owner-limit', '1', '--queue-limit', '2'] });
    const [x, y, z, w] = [freshPair(), freshPair(), freshPair(), freshPair()];
    const first = await claimThrough(sponsor, x, 'Limits');
    assert.equal(first.res.status, 202);
    const own = await claimThrough(sponsor, x, 'Limitless');
    assert.equal(own.res.status, 429);
    assert.equal(own.res.body.error, 'OwnerLimit');
    // Another owner's claim of the very same handle waits for none: it is refused.
    const genesis = ctx.api.genesisHash.toHex();
    const same = await sponsor.post('/claims', claimBody(w, genesis, first.body.payload));
    assert.equal(same.status, 409, JSON.stringify(same.body));
    assert.equal(same.body.error, 'SuffixPending');
    const second = await claimThrough(sponsor, y, 'Limited');
    assert.equal(second.res.status, 202);
    const full = await claimThrough(sponsor, z, 'Limiting');
    assert.equal(full.res.status, 429);
    assert.equal(full.res.body.error, 'QueueFull');
    // A retry of a queued claim is answered even now.
    assert.equal((await sponsor.post('/claims', first.body)).status, 200);
    seal.on = true;
    assert.equal((await settled(sponsor, first.res.body.id)).status, 'finalized');
    assert.equal((await settled(sponsor, second.res.body.id)).status, 'finalized');
    // Three new claims were taken from this address within the minute.
    const limited = await claimThrough(sponsor, z, 'Limiting');
    assert.equal(limited.res.status, 429, JSON.stringify(limited.res.body));
    assert.equal(limited.res.body.error, 'RateLimited');
    assert.ok(Number(limited.res.headers.get('retry-after')) >= 1);
  });

  test('a restart with claims pending loses none and pays for none twice', async () => {
    seal.on = false;
    const db = `${dir()}/claims.sqlite`;
    const ferdie = ctx.keyring.addFromUri('//Ferdie');
    let sponsor = await startSponsor({ url: ctx.node.wsUrl, key: '//Ferdie', db });
    sponsors.push(sponsor);
    const nonceBefore = await nextNonce(ctx, ferdie);
    const fromBlock = await bestNumber(ctx.api) + 1;
    const owners = [freshPair(), freshPair(), freshPair()];
    const ids = await claimEach(sponsor, owners, 'Restart');
    for (const id of ids) await statusIs(sponsor, id, ['submitted']);
    await sponsor.kill();
    sponsor = await startSponsor({ url: ctx.node.wsUrl, key: '//Ferdie', db, port: sponsor.port });
    sponsors.push(sponsor);
    for (const id of ids) assert.equal((await sponsor.get(`/claims/${id}`)).body.status, 'submitted');
    seal.on = true;
    for (const [i, id] of ids.entries()) {
      const done = await settled(sponsor, id);
      assert.equal(done.status, 'finalized', JSON.stringify(done));
      const onChain = await ctx.rpc('handles_getMsaForHandle', [done.handle]);
      assert.equal(onChain.owner, owners[i].address);
      assert.equal(onChain.msaId, done.msaId);
    }
    // The reconciler runs every 3 s and the submitter retries within a second: over 10 s of
    // blocks (about 40) any resend would have been sent and sealed, or would wait in the pool.
    const sealedBefore = seal.blocks;
    await sleep(10_000);
    assert.ok(seal.blocks >= sealedBefore + 20, `blocks were sealed meanwhile (${seal.blocks - sealedBefore})`);
    assert.equal(await nextNonce(ctx, ferdie), nonceBefore + 3, 'three transactions, each sent once');
    const sent = await signedBy(ctx, ferdie.address, fromBlock);
    assert.equal(sent.length, 3, `the sponsor's transactions on chain: ${JSON.stringify(sent)}`);
    assert.deepEqual(sent.map((t) => t.nonce).sort((a, b) => a - b), [0, 1, 2].map((i) => nonceBefore + i));
    const pending = (await ctx.api.rpc.author.pendingExtrinsics()).filter((x) => x.signer.toString() === ferdie.address);
    assert.equal(pending.length, 0, 'nothing of the sponsor waits in the pool');
  });

  test('in public: JSON only, no other site, hardened headers, concurrent claims within the limits, a budget that holds across a restart, health and metrics', async () => {
    seal.on = false;
    const db = `${dir()}/claims.sqlite`;
    const keyFile = `${dir()}/sponsor.key`;
    writeFileSync(keyFile, '//Alice\n', { mode: 0o600 });
    const args = ['--max-claims-per-hour', '3', '--owner-limit', '2', '--client-limit', '1000'];
    let sponsor = await start({ key: null, db, args: ['--key-file', keyFile, ...args] });
    assert.equal((await sponsor.get('/api/info')).body.sponsor, ctx.alice.address, 'the key from --key-file');
    assert.ok(!sponsor.logs().some((l) => l.includes('warning')), sponsor.logs().join('\n'));
    const genesis = ctx.api.genesisHash.toHex();

    // Every answer is hardened, the page with its CSP.
    for (const path of ['/', '/api/info', '/claims/0']) {
      const { headers } = await sponsor.get(path);
      assert.equal(headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(headers.get('referrer-policy'), 'no-referrer', path);
      assert.equal(headers.get('x-frame-options'), 'DENY', path);
      assert.match(headers.get('content-security-policy'), /frame-ancestors 'none'/, path);
    }

    // Another site's page: a form-like post is refused before any work, a preflight is refused,
    // and nothing tells a browser it may read an answer.
    const owner = freshPair();
    const prepared = [];
    for (const base of ['Publica', 'Publicb', 'Publicc', 'Publicd']) {
      const res = await sponsor.post('/api/payload', { baseHandle: base, suffix: await pickSuffix(sponsor, base) });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      prepared.push({ owner: owner.address, signature: walletSign(owner, res.body.bytes), payload: res.body.payload });
    }
    const plain = await sponsor.post('/claims', JSON.stringify(prepared[0]), { 'content-type': 'text/plain' });
    assert.equal(plain.status, 415, JSON.stringify(plain.body));
    assert.equal(plain.body.error, 'UnsupportedMediaType');
    const preflight = await sponsor.request('OPTIONS', '/claims', undefined, {
      origin: 'https://evil.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    });
    assert.equal(preflight.status, 403);
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    const cross = await sponsor.get('/api/info', { origin: 'https://evil.example' });
    assert.equal(cross.headers.get('access-control-allow-origin'), null);

    // Four claims of one owner at once: the owner limit (2) holds.
    const answers = await Promise.all(prepared.map((body) => sponsor.post('/claims', body)));
    const accepted = answers.filter((a) => a.status === 202);
    assert.equal(accepted.length, 2, JSON.stringify(answers.map((a) => a.body)));
    for (const a of answers.filter((x) => x.status !== 202)) assert.equal(a.body.error, 'OwnerLimit', JSON.stringify(a.body));
    for (const a of accepted) assert.match(a.body.id, /^[0-9a-f]{32}$/, 'an id nobody can guess');

    // The budget: 3 claims an hour. The third fits, the fourth is 503 with the reason.
    const third = await claimThrough(sponsor, freshPair(), 'Publice');
    assert.equal(third.res.status, 202, JSON.stringify(third.res.body));
    const fourth = await claimThrough(sponsor, freshPair(), 'Publicf');
    assert.equal(fourth.res.status, 503, JSON.stringify(fourth.res.body));
    assert.equal(fourth.res.body.error, 'BudgetExhausted');
    assert.equal(fourth.res.body.reason, 'claimsPerHour');

    seal.on = true;
    const ids = [...accepted.map((a) => a.body.id), third.res.body.id];
    for (const id of ids) assert.equal((await settled(sponsor, id)).status, 'finalized');

    // Restarted with the key from the environment: the budget is counted from the database.
    await sponsor.kill();
    sponsor = await start({ key: null, db, args, env: { HANDLES_SPONSOR_KEY: '//Alice' } });
    assert.equal((await sponsor.get('/api/info')).body.sponsor, ctx.alice.address, 'the key from HANDLES_SPONSOR_KEY');
    const after = await claimThrough(sponsor, freshPair(), 'Publicg');
    assert.equal(after.res.status, 503, JSON.stringify(after.res.body));
    assert.equal(after.res.body.error, 'BudgetExhausted');

    const health = await sponsor.get('/healthz');
    assert.equal(health.status, 200, JSON.stringify(health.body));
    assert.ok(BigInt(health.body.balance) >= BigInt(health.body.claimFee), JSON.stringify(health.body));
    assert.ok(BigInt(health.body.claimFee) > 1n, 'the fee a claim paid is known');
    const metrics = await sponsor.get('/metrics');
    assert.equal(metrics.status, 200);
    assert.match(metrics.headers.get('content-type'), /^text\/plain; version=0\.0\.4/);
    assert.match(metrics.body, /^handles_sponsor_claims\{status="finalized"\} 3$/m);
    assert.match(metrics.body, /^handles_sponsor_queue_depth 0$/m);
    assert.match(metrics.body, /^handles_sponsor_node_up 1$/m);
    assert.match(metrics.body, /^handles_sponsor_balance \d/m);
    assert.match(metrics.body, /^handles_sponsor_nonce \d+$/m);
    assert.match(metrics.body, /^# TYPE handles_sponsor_finalized_total counter$/m);

    // The fee budget: the 3 claims of today cost 3 fees of about claimFee (the highest of them).
    // A budget of 2 x claimFee is spent; one of 5 x claimFee takes another claim.
    const fee = BigInt(health.body.claimFee);
    await sponsor.kill();
    const feeArgs = (n) => ['--max-claims-per-hour', '0', '--max-fee-per-day', String(n * fee), '--client-limit', '1000'];
    sponsor = await start({ key: '//Alice', db, args: feeArgs(2n) });
    const spent = await claimThrough(sponsor, freshPair(), 'Publich');
    assert.equal(spent.res.status, 503, JSON.stringify(spent.res.body));
    assert.deepEqual([spent.res.body.error, spent.res.body.reason], ['BudgetExhausted', 'feesPerDay']);
    await sponsor.kill();
    sponsor = await start({ key: '//Alice', db, args: feeArgs(5n) });
    const within = await claimThrough(sponsor, freshPair(), 'Publici');
    assert.equal(within.res.status, 202, JSON.stringify(within.res.body));
    assert.equal((await settled(sponsor, within.res.body.id)).status, 'finalized');

    // Six owners at once against a queue of 3 (no blocks meanwhile): exactly 3 are queued.
    seal.on = false;
    await sponsor.kill();
    sponsor = await start({ key: '//Alice', args: ['--queue-limit', '3', '--client-limit', '1000'] });
    const bodies = [];
    for (const i of [0, 1, 2, 3, 4, 5]) {
      const base = guest('Queue', i);
      const res = await sponsor.post('/api/payload', { baseHandle: base, suffix: await pickSuffix(sponsor, base) });
      const pair = freshPair();
      bodies.push({ owner: pair.address, signature: walletSign(pair, res.body.bytes), payload: res.body.payload });
    }
    const rush = await Promise.all(bodies.map((body) => sponsor.post('/claims', body)));
    assert.equal(rush.filter((a) => a.status === 202).length, 3, JSON.stringify(rush.map((a) => a.body)));
    for (const a of rush.filter((x) => x.status !== 202)) assert.equal(a.body.error, 'QueueFull', JSON.stringify(a.body));
    seal.on = true;
    for (const a of rush.filter((x) => x.status === 202)) assert.equal((await settled(sponsor, a.body.id)).status, 'finalized');

    // A key without funds: not healthy, and it says why.
    const broke = await start({ key: '//NoFundsHere', args: ['--client-limit', '1000'] });
    const unhealthy = await broke.get('/healthz');
    assert.equal(unhealthy.status, 503, JSON.stringify(unhealthy.body));
    assert.equal(unhealthy.body.error, 'NotReady');
    assert.match(unhealthy.body.message, /has 0 planck/);
  });

  test('200 concurrent claims: all finalized, none twice', async () => {
    seal.on = true;
    const sponsor = await start({ key: '//Bob', args: ['--client-limit', '1000', '--queue-limit', '1000'] });
    const nonceBefore = await nextNonce(ctx, ctx.bob);
    const owners = Array.from({ length: 200 }, () => freshPair());
    const t0 = Date.now();
    const claims = await Promise.all(owners.map((owner, i) => claimThrough(sponsor, owner, guest('Guest', i))));
    const accepted = Date.now();
    for (const { res } of claims) assert.equal(res.status, 202, JSON.stringify(res.body));
    const ids = claims.map(({ res }) => res.body.id);
    assert.equal(new Set(ids).size, 200);
    const done = await Promise.all(ids.map((id) => settled(sponsor, id, 300_000)));
    const finished = Date.now();
    for (const [i, d] of done.entries()) {
      assert.equal(d.status, 'finalized', JSON.stringify(d));
      assert.equal(d.owner, owners[i].address);
    }
    assert.equal(new Set(done.map((d) => d.msaId)).size, 200, '200 MSAs');
    for (const [i, d] of done.entries()) {
      const onChain = await ctx.rpc('handles_getMsaForHandle', [d.handle]);
      assert.deepEqual(onChain, { msaId: d.msaId, owner: owners[i].address, handle: d.handle });
    }
    // Every claim landed once (200 MSAs, each its owner's, above). The sponsor's transactions are
    // those 200, plus at most two `system.remark`s that fill a nonce a refused transaction of a
    // batch left free while later ones waited (the reconciler's fill_gap); a claim paid twice
    // would show as a third extra transaction or fewer MSAs.
    const sent = (await nextNonce(ctx, ctx.bob)) - nonceBefore;
    // What made the sponsor send more than the claims, in its own words.
    const resends = sponsor.logs().filter((l) => /signing it again|a remark takes it/.test(l));
    if (sent !== 200) console.log(`${sent} transactions for 200 claims:\n${resends.join('\n')}`);
    assert.ok(sent >= 200 && sent <= 202, `${sent} transactions for 200 claims`);
    const secs = (finished - t0) / 1000;
    console.log(`200 claims through the sponsor: accepted in ${((accepted - t0) / 1000).toFixed(1)} s, all finalized in ${secs.toFixed(1)} s (${(200 / secs).toFixed(1)} claims/s, debug node, a block every 250 ms)`);
  });
});

describe('handles-sponsor across a node restart', { timeout: 600_000 }, () => {
  test('claims sent before the node went down land after it comes back; the API says 503 meanwhile; another chain is refused', async () => {
    const base = tempDir('handles-sponsor-node-');
    let node = await startDevNode({ sealing: 'manual', basePath: `${base.path}/node` });
    const { rpcPort, p2pPort } = node;
    let sponsor;
    try {
      sponsor = await startSponsor({ url: node.wsUrl, key: '//Dave', db: `${base.path}/claims.sqlite` });
      const owners = [freshPair(), freshPair()];
      const ids = await claimEach(sponsor, owners, 'Outage');
      for (const id of ids) await statusIs(sponsor, id, ['submitted']);
      await node.stop();
      await waitFor(async () => (await sponsor.get('/api/info')).status === 503, { timeoutMs: 30_000, what: 'the sponsor to notice' });
      const down = await sponsor.get('/api/options?base=Outage');
      assert.equal(down.status, 503);
      assert.equal(down.body.error, 'NodeUnavailable');
      node = await startDevNode({ sealing: 'manual', basePath: `${base.path}/node`, rpcPort, p2pPort });
      await waitFor(async () => (await sponsor.get('/api/info')).status === 200, { timeoutMs: 60_000, what: 'the sponsor to reconnect' });
      // The node's pool is empty after its restart: the stored transactions are sent again.
      // Blocks on demand until the claim settles.
      const sealedUntilSettled = (id) =>
        waitFor(
          async () => {
            await rpcCall(node.httpUrl, 'engine_createBlock', [true, true]);
            const res = await sponsor.get(`/claims/${id}`);
            return res.body.final ? res.body : null;
          },
          { timeoutMs: 60_000, intervalMs: 300, what: `claim ${id} after the restart` },
        );
      for (const [i, id] of ids.entries()) {
        const done = await sealedUntilSettled(id);
        assert.equal(done.status, 'finalized', JSON.stringify(done));
        const onChain = await rpcCall(node.httpUrl, 'handles_getMsaForHandle', [done.handle]);
        assert.equal(onChain.owner, owners[i].address);
      }
      // And new claims work on the new connection.
      const { res } = await claimThrough(sponsor, freshPair(), guest('Outage', 7));
      assert.equal(res.status, 202);
      const done = await sealedUntilSettled(res.body.id);
      assert.equal(done.status, 'finalized', JSON.stringify(done));

      // The same database beside another chain (`--chain local`; a dev chain started afresh
      // has the same genesis): its stored transactions and nonces are not of this chain, so the
      // node is not used.
      const genesis = (await sponsor.get('/api/info')).body.genesisHash;
      await sponsor.kill();
      await node.stop();
      node = await startValidator({ who: 'alice', basePath: `${base.path}/local` });
      sponsor = await startSponsor({ url: node.wsUrl, key: '//Dave', db: `${base.path}/claims.sqlite`, readyStatus: 503 });
      const refused = await sponsor.get('/api/info');
      assert.equal(refused.body.error, 'NodeUnavailable');
      assert.ok(refused.body.message.includes(`genesis ${genesis}`), refused.body.message);
      assert.equal((await sponsor.get(`/claims/${res.body.id}`)).body.status, 'finalized', 'the claims are still there');
    } finally {
      await sponsor?.kill();
      await node.stop();
      base.remove();
    }
  });
});
