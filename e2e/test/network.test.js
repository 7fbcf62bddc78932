// Issue 5 point 2: two `--chain local` validators (Alice and Bob, Aura + GRANDPA) on loopback.
// Both author and finalize; a handle created through Alice resolves through Bob at Bob's
// finalized block; stopping Bob stalls finality while Alice keeps authoring; restarting Bob on
// the same base path resumes it.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import { Keyring } from '@polkadot/keyring';
import { u8aToString } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { bestNumber, connectApi, freshPair, send, signedCall } from '../lib/chain.js';
import { aliceBootnode, auraAuthorIndex, startValidator } from '../lib/network.js';
import { chainHeads, freePorts, rpcCall, tempDir, waitFor } from '../lib/node.js';
import { assertOk } from '../lib/testing.js';

/** How long finality must stay put while Bob is down (slots are 3 s). */
const STALL_OBSERVE_MS = Number(process.env.STALL_OBSERVE_MS || 24_000);
/** How Bob is stopped: SIGTERM (default, graceful) or e.g. SIGKILL. */
const STOP_SIGNAL = process.env.NETWORK_STOP_SIGNAL || 'SIGTERM';
/** Time for votes already in flight when Bob stops to land. */
const STALL_GRACE_MS = 4_000;

describe('two validators: Alice and Bob on --chain local', { timeout: 900_000 }, () => {
  let dir;
  let alice;
  let bob;
  let bobPorts;
  let api;
  let keyring;
  let authorities; // Aura authorities, SS58
  let created; // { display, msaId, owner, blockNumber, blockHash }

  const startBob = () =>
    startValidator({
      who: 'bob',
      basePath: `${dir.path}/bob`,
      rpcPort: bobPorts[0],
      p2pPort: bobPorts[1],
      bootnodes: [aliceBootnode(alice.p2pPort)],
    });

  before(async () => {
    await cryptoWaitReady();
    keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    dir = tempDir('handles-network-');
    const alicePorts = await freePorts(2);
    bobPorts = await freePorts(2);
    while (bobPorts.some((p) => alicePorts.includes(p))) bobPorts = await freePorts(2);
    alice = await startValidator({
      who: 'alice',
      basePath: `${dir.path}/alice`,
      rpcPort: alicePorts[0],
      p2pPort: alicePorts[1],
      // Alice authors even with no peer, so a stall of finality without Bob can be told apart
      // from a chain that stopped: her best block must keep growing while finality stays.
      extraArgs: ['--force-authoring'],
    });
    bob = await startBob();
    api = await connectApi(alice.wsUrl);
    authorities = (await api.query.aura.authorities()).map((a) => keyring.encodeAddress(a));
  }, { timeout: 300_000 });

  after(async () => {
    await api?.disconnect().catch(() => {});
    await Promise.all([bob?.stop({ graceMs: 10_000 }), alice?.stop({ graceMs: 10_000 })]);
    if (process.env.KEEP_NETWORK_DIR) {
      console.log(`network data kept in ${dir?.path}`);
    } else {
      dir?.remove();
    }
  });

  test('the Aura authorities are Alice and Bob', () => {
    assert.deepEqual(
      [...authorities].sort(),
      [keyring.addFromUri('//Alice').address, keyring.addFromUri('//Bob').address].sort(),
    );
  });

  test('the validators see each other', async () => {
    for (const node of [alice, bob]) {
      await waitFor(async () => (await rpcCall(node.httpUrl, 'system_health')).peers >= 1, {
        timeoutMs: 60_000,
        what: `${node.name} to have a peer`,
      });
    }
    const alicePeer = await rpcCall(alice.httpUrl, 'system_localPeerId');
    assert.equal(alicePeer, '12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp');
  });

  test('both author blocks and both finalize the same chain', async () => {
    const aliceIdx = authorities.indexOf(keyring.addFromUri('//Alice').address);
    const bobIdx = authorities.indexOf(keyring.addFromUri('//Bob').address);
    const authorsSeen = new Map(); // block number -> author index
    await waitFor(
      async () => {
        const heads = await chainHeads(alice.httpUrl);
        for (let n = 1; n <= heads.best; n++) {
          if (authorsSeen.has(n)) continue;
          const hash = await rpcCall(alice.httpUrl, 'chain_getBlockHash', [n]);
          const header = await rpcCall(alice.httpUrl, 'chain_getHeader', [hash]);
          authorsSeen.set(n, auraAuthorIndex(header, authorities.length));
        }
        const authors = new Set(authorsSeen.values());
        return authors.has(aliceIdx) && authors.has(bobIdx) && heads.finalized >= 3;
      },
      { timeoutMs: 120_000, intervalMs: 1000, what: 'blocks by both authorities and finality on Alice' },
    );
    const byAlice = [...authorsSeen.values()].filter((i) => i === aliceIdx).length;
    const byBob = [...authorsSeen.values()].filter((i) => i === bobIdx).length;
    console.log(`authors of blocks 1..${authorsSeen.size}: Alice ${byAlice}, Bob ${byBob}`);

    // Bob finalizes too, and both agree on the finalized blocks.
    const bobHeads = await waitFor(
      async () => {
        const h = await chainHeads(bob.httpUrl);
        return h.finalized >= 3 && h;
      },
      { timeoutMs: 60_000, what: 'finality on Bob' },
    );
    const n = bobHeads.finalized;
    assert.equal(
      await rpcCall(alice.httpUrl, 'chain_getBlockHash', [n]),
      await rpcCall(bob.httpUrl, 'chain_getBlockHash', [n]),
      `both nodes have the same block ${n}`,
    );
    // The authors seen on Bob's side of the chain agree too (block 1..n).
    for (let i = 1; i <= n; i++) {
      const header = await rpcCall(bob.httpUrl, 'chain_getHeader', [
        await rpcCall(bob.httpUrl, 'chain_getBlockHash', [i]),
      ]);
      assert.equal(auraAuthorIndex(header, authorities.length), authorsSeen.get(i), `author of block ${i}`);
    }
  });

  test('a handle created through Alice resolves through Bob at his finalized block', async () => {
    const charlie = keyring.addFromUri('//Charlie');
    const owner = freshPair();
    const base = 'Twonodes';
    const options = await rpcCall(alice.httpUrl, 'handles_getSuffixOptions', [base]);
    assert.ok(options.available.length > 0, JSON.stringify(options));
    const suffix = options.available[0];
    const display = `${base}.${suffix}`;
    const best = await bestNumber(api);
    const payload = { baseHandle: base, suffix, expiration: best + 100 };
    // Submitted and awaited until its block is finalized.
    const { included } = await send(api, await signedCall(api, 'create', owner, payload), charlie, { finalized: true, timeoutMs: 120_000 });
    const out = await included;
    assertOk(out, 'create_handle');
    const ev = out.events.find((e) => e.section === 'handles' && e.method === 'MsaCreatedWithHandle');
    assert.ok(ev, `MsaCreatedWithHandle in ${out.events.map((e) => `${e.section}.${e.method}`)}`);
    const msaId = ev.data[0].toNumber();
    assert.equal(keyring.encodeAddress(ev.data[1]), owner.address);
    assert.equal(u8aToString(ev.data[2].toU8a(true)), display);
    const header = await rpcCall(alice.httpUrl, 'chain_getHeader', [out.blockHash]);
    const blockNumber = Number(BigInt(header.number));
    created = { display, msaId, owner: owner.address, blockNumber, blockHash: out.blockHash };

    // Bob finalizes that block (same hash), and resolves the handle as of his finalized head.
    const bobHeads = await waitFor(
      async () => {
        const h = await chainHeads(bob.httpUrl);
        return h.finalized >= blockNumber && h;
      },
      { timeoutMs: 60_000, what: `Bob to finalize block ${blockNumber}` },
    );
    assert.equal(await rpcCall(bob.httpUrl, 'chain_getBlockHash', [blockNumber]), out.blockHash);
    const resolved = await rpcCall(bob.httpUrl, 'handles_getMsaForHandle', [display, bobHeads.finalizedHash]);
    assert.deepEqual(resolved, { msaId, owner: owner.address, handle: display });
    const info = await rpcCall(bob.httpUrl, 'handles_getHandleForMsa', [msaId, bobHeads.finalizedHash]);
    assert.equal(info.handle, display);
    assert.equal(info.owner, owner.address);
    assert.equal(info.createdAt, blockNumber);
    assert.deepEqual(
      await rpcCall(bob.httpUrl, 'handles_getHandlesForOwner', [owner.address, bobHeads.finalizedHash]),
      [{ msaId, handle: display }],
    );
    // Before its block, Bob knows nothing of it.
    const parent = header.parentHash;
    assert.equal(await rpcCall(bob.httpUrl, 'handles_getMsaForHandle', [display, parent]), null);
  });

  let stalledAt; // Alice's finalized number while Bob is down

  test('stopping Bob stalls finality on Alice', async () => {
    const beforeStop = await chainHeads(alice.httpUrl);
    const exit = await bob.stop({ signal: STOP_SIGNAL, graceMs: 20_000 });
    console.log(`Bob stopped (${JSON.stringify(exit)}) at Alice best ${beforeStop.best}, finalized ${beforeStop.finalized}`);
    await sleep(STALL_GRACE_MS);
    const start = await chainHeads(alice.httpUrl);
    stalledAt = start.finalized;
    const t0 = Date.now();
    let last = start;
    while (Date.now() - t0 < STALL_OBSERVE_MS) {
      await sleep(1000);
      last = await chainHeads(alice.httpUrl);
      assert.equal(
        last.finalized,
        stalledAt,
        `Alice's finalized number moved from ${stalledAt} to ${last.finalized} without Bob`,
      );
    }
    // Alice (--force-authoring) keeps making blocks in her slots (every other 3 s slot, so about
    // one in 6 s): the chain goes on and only finality waits for Bob.
    const authored = Math.max(1, Math.floor(STALL_OBSERVE_MS / 6000) - 2);
    assert.ok(
      last.best >= start.best + authored,
      `Alice made fewer than ${authored} blocks without Bob: best ${start.best} -> ${last.best} in ${STALL_OBSERVE_MS} ms`,
    );
    assert.ok(last.best > stalledAt, `Alice's best ${last.best} is not past the stalled finalized ${stalledAt}`);
    console.log(
      `without Bob for ${STALL_OBSERVE_MS} ms: Alice best ${start.best} -> ${last.best}, ` +
        `finalized stays ${stalledAt}`,
    );
  });

  test('restarting Bob on the same base path resumes finality', async () => {
    assert.ok(stalledAt !== undefined, 'stalled by the previous test');
    const t0 = Date.now();
    bob = await startBob();
    const aliceHeads = await waitFor(
      async () => {
        const h = await chainHeads(alice.httpUrl);
        return h.finalized > stalledAt && h;
      },
      { timeoutMs: 180_000, intervalMs: 1000, what: `Alice's finality to pass ${stalledAt}` },
    );
    console.log(
      `finality resumed ${Date.now() - t0} ms after Bob restarted: Alice finalized ${aliceHeads.finalized}`,
    );
    const bobHeads = await waitFor(
      async () => {
        const h = await chainHeads(bob.httpUrl);
        return h.finalized > stalledAt && h;
      },
      { timeoutMs: 60_000, what: `Bob's finality to pass ${stalledAt}` },
    );
    assert.equal(
      await rpcCall(alice.httpUrl, 'chain_getBlockHash', [bobHeads.finalized]),
      bobHeads.finalizedHash,
      'Alice and Bob finalized the same block',
    );
    // Bob kept his database: the handle still resolves at his new finalized head.
    assert.ok(created, 'created by an earlier test');
    assert.deepEqual(
      await rpcCall(bob.httpUrl, 'handles_getMsaForHandle', [created.display, bobHeads.finalizedHash]),
      { msaId: created.msaId, owner: created.owner, handle: created.display },
    );
  });
});
