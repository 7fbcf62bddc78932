// handles_signingMessage against a dev node: the text an owner signs for each call, as the SPEC
// spells it (first line per call, `Chain: Handles 0x<genesis hash>`, `Valid until block: <n>`),
// with SS58 accounts and, for a transfer, the MSA's display handle at the block; the same through
// @polkadot/api (RPC definitions and the runtime API of the metadata) and @handles/client's
// signingMessage (the same crate as WebAssembly) for every call; the refusals; and on the
// committed runtime of spec version 101 (HandlesApi version 1) an error saying it lacks the method.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { u8aToHex, stringToU8a } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

import { HANDLES_CHAIN_NAME, handlesErrorCodes, signingMessage } from '@handles/client';

import { bestNumber, freshPair, signedCall, submit } from '../lib/chain.js';
import { assertOk, useChain } from '../lib/testing.js';
import { fixturePath, useChainOnRuntime } from '../lib/upgrade.js';

/** The version of the runtime API `HandlesApi` in a `state_getRuntimeVersion` answer. */
const handlesApiVersion = (version) => version.apis.find(([id]) => id === blake2AsHex('HandlesApi', 64))?.[1];

/** The text of SPEC "Signed payloads (v3)" for a first line, on the chain of `genesisHash`. */
const spelled = (first, genesisHash, expiration) => `${first}\nChain: Handles ${genesisHash}\nValid until block: ${expiration}`;

describe('handles_signingMessage on the build\'s runtime', { timeout: 600_000 }, () => {
  let claim; // { owner, msaId, handle, expiration }
  const ctx = useChain({
    blocks: 2,
    setup: async (c) => {
      const owner = freshPair();
      const suffix = (await c.rpc('handles_getSuffixOptions', ['Signer'])).available[0];
      const expiration = (await bestNumber(c.api)) + 50;
      assertOk(await submit(c.api, await signedCall(c.api, 'create', owner, { baseHandle: 'Signer', suffix, expiration }), c.bob), 'create Signer');
      const [{ msaId, handle }] = await c.rpc('handles_getHandlesForOwner', [owner.address]);
      claim = { owner, msaId, handle, expiration };
    },
  });
  const genesis = () => ctx.api.genesisHash.toHex();
  const message = async (call, payload, at) => {
    const answer = await ctx.rpc('handles_signingMessage', at ? [call, payload, at] : [call, payload]);
    assert.deepEqual(Object.keys(answer).sort(), ['bytes', 'message']);
    assert.equal(answer.bytes, u8aToHex(stringToU8a(answer.message)), 'bytes are the UTF-8 of the text');
    return answer.message;
  };

  test('the runtime offers HandlesApi version 5 (signing_message since version 4)', async () => {
    assert.equal(handlesApiVersion(await ctx.rpc('state_getRuntimeVersion', [])), 5);
  });

  test('claim, retire, change (from no handle, restyle) and transfer read as the SPEC spells them', async () => {
    const g = genesis();
    assert.match(g, /^0x[0-9a-f]{64}$/);
    assert.equal(await message('create', { baseHandle: 'Zoë', suffix: 4821, expiration: 1234 }), spelled('Handles: claim Zoë.4821', g, 1234));
    assert.equal(
      await message('retire', { msaId: claim.msaId, handle: claim.handle, expiration: 7 }),
      spelled(`Handles: retire ${claim.handle} of MSA ${claim.msaId}`, g, 7),
    );
    const change = { msaId: 3829012, newBaseHandle: 'Bob', newSuffix: 2002, expiration: 4294967295 };
    assert.equal(await message('change', { ...change, oldHandle: 'Alice.4821' }), spelled('Handles: change MSA 3829012 from Alice.4821 to Bob.2002', g, 4294967295));
    assert.equal(await message('change', { ...change, oldHandle: null }), spelled('Handles: change MSA 3829012 from no handle to Bob.2002', g, 4294967295));
    const restyle = { msaId: claim.msaId, oldHandle: claim.handle, newBaseHandle: 'signer', newSuffix: Number(claim.handle.split('.')[1]), expiration: 9 };
    assert.equal(await message('change', restyle), spelled(`Handles: change MSA ${claim.msaId} from ${claim.handle} to ${claim.handle.toLowerCase()}`, g, 9));
    const newOwner = ctx.charlie.address;
    assert.equal(
      await message('transfer', { msaId: claim.msaId, owner: claim.owner.address, newOwner, expiration: 9 }),
      spelled(`Handles: transfer MSA ${claim.msaId} (${claim.handle}) from ${claim.owner.address} to ${newOwner}`, g, 9),
    );
    assert.equal(
      await message('transfer', { msaId: 1, owner: ctx.alice.address, newOwner, expiration: 9 }),
      spelled(`Handles: transfer MSA 1 (no handle) from ${ctx.alice.address} to ${newOwner}`, g, 9),
    );
  });

  test('a transfer shows the handle the MSA holds at the block asked', async () => {
    const transfer = { msaId: claim.msaId, owner: claim.owner.address, newOwner: ctx.bob.address, expiration: 9 };
    const genesisBlock = (await ctx.api.rpc.chain.getBlockHash(0)).toHex();
    const before = await message('transfer', transfer, genesisBlock);
    assert.ok(before.startsWith(`Handles: transfer MSA ${claim.msaId} (no handle) from `), before);
    const now = await message('transfer', transfer);
    assert.ok(now.startsWith(`Handles: transfer MSA ${claim.msaId} (${claim.handle}) from `), now);
  });

  test('@polkadot/api: the RPC definition and the runtime API give the same text', async () => {
    const payload = { msaId: claim.msaId, handle: claim.handle, expiration: 7 };
    const raw = await ctx.rpc('handles_signingMessage', ['retire', payload]);
    const viaDefinitions = await ctx.api.rpc.handles.signingMessage('retire', payload);
    assert.deepEqual(viaDefinitions.toJSON(), raw);
    const viaRuntime = await ctx.api.call.handlesApi.signingMessage({ Retire: { ...payload, handle: u8aToHex(stringToU8a(payload.handle)) } });
    assert.ok(viaRuntime.isOk);
    assert.equal(viaRuntime.asOk.toHex(), raw.bytes);
    const tooLong = await ctx.api.call.handlesApi.signingMessage({ Create: { baseHandle: u8aToHex(stringToU8a('a'.repeat(33))), suffix: 1, expiration: 1 } });
    assert.ok(tooLong.isErr && tooLong.asErr.isInvalidHandle);
  });

  test('@handles/client signingMessage gives the node\'s text and bytes for every call', async () => {
    const chain = { name: HANDLES_CHAIN_NAME, genesisHash: ctx.api.genesisHash, ss58Prefix: ctx.api.registry.chainSS58 };
    assert.equal(chain.ss58Prefix, 42);
    const suffix = Number(claim.handle.split('.')[1]);
    const cases = [
      ['create', { baseHandle: 'Zoë', suffix: 4821, expiration: 1234 }],
      ['create', { baseHandle: 'Signer', suffix, expiration: 4294967295 }],
      ['retire', { msaId: claim.msaId, handle: claim.handle, expiration: 7 }],
      ['change', { msaId: claim.msaId, oldHandle: claim.handle, newBaseHandle: 'Bob', newSuffix: 2002, expiration: 9 }],
      ['change', { msaId: 3829012, oldHandle: null, newBaseHandle: 'Bob', newSuffix: 2002, expiration: 9 }],
      ['change', { msaId: claim.msaId, oldHandle: claim.handle, newBaseHandle: 'signer', newSuffix: suffix, expiration: 9 }],
      ['transfer', { msaId: claim.msaId, owner: claim.owner.address, newOwner: ctx.bob.address, expiration: 9 }],
      ['transfer', { msaId: 1, owner: ctx.alice.address, newOwner: ctx.charlie.address, expiration: 9 }],
    ];
    for (const [call, payload] of cases) {
      const node = await ctx.rpc('handles_signingMessage', [call, payload]);
      // A transfer's text shows the handle the MSA holds now: the client reads it from the chain.
      const held = call === 'transfer' ? { handle: (await ctx.rpc('handles_getHandleForMsa', [payload.msaId]))?.handle ?? null } : {};
      assert.deepEqual(signingMessage(call, { ...payload, ...held }, chain), node, `${call} ${JSON.stringify(payload)}`);
    }
  });

  test('refusals: an unknown call, a missing field, a bad account, an over-long handle', async () => {
    const refusal = async (params) => (await ctx.rpcRaw('handles_signingMessage', params)).error;
    const unknown = await refusal(['claim', { baseHandle: 'Alice', suffix: 1, expiration: 1 }]);
    assert.deepEqual([unknown.code, unknown.message], [-32602, 'unknown call "claim": expected create, retire, change or transfer']);
    const missing = await refusal(['create', { baseHandle: 'Alice', expiration: 1 }]);
    assert.deepEqual([missing.code, missing.message], [-32602, 'the create payload lacks suffix']);
    const foreign = await refusal(['create', { baseHandle: 'Alice', suffix: 1, msaId: 2, expiration: 1 }]);
    assert.equal(foreign.code, -32602);
    const account = await refusal(['transfer', { msaId: 1, owner: ctx.alice.address, newOwner: 'bob', expiration: 1 }]);
    assert.equal(account.code, handlesErrorCodes.INVALID_ACCOUNT);
    assert.match(account.message, /^newOwner "bob" is not an SS58 address/);
    const long = await refusal(['create', { baseHandle: 'a'.repeat(33), suffix: 1, expiration: 1 }]);
    assert.equal(long.code, handlesErrorCodes.HANDLE_TOO_LONG);
  });
});

describe('handles_signingMessage at blocks of a runtime before HandlesApi version 4', { timeout: 600_000 }, () => {
  const ctx = useChainOnRuntime(fixturePath('handles-runtime-v101.compressed.wasm'), { blocks: 1 });

  test('is an error saying the runtime does not provide it', async () => {
    assert.equal(handlesApiVersion(await ctx.rpc('state_getRuntimeVersion', [])), 1);
    const { error } = await ctx.rpcRaw('handles_signingMessage', ['create', { baseHandle: 'Alice', suffix: 4821, expiration: 9 }]);
    assert.equal(error?.code, handlesErrorCodes.RUNTIME_ERROR);
    assert.match(error.message, /does not provide handles_signingMessage: it has HandlesApi version 1, the method needs version 4$/);
  });
});
