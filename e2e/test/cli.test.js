// The `handles` command line (clients/rust) through its real binary against a dev node with
// instant sealing: every subcommand, text and --json output checked against the node's
// handles_* JSON-RPC and storage, a claim whose owner holds no tokens (a sponsor pays), owners
// signing the readable text (an `eth:` key EIP-191, the others `<Bytes>`-wrapped), and the error
// paths: invalid handle, suffix not available, wrong key, bad input, node down, bad usage.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';

import { Keyring } from '@polkadot/keyring';
import { hexToString, hexToU8a, stringToU8a, u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { encodeAddress, mnemonicGenerate, randomAsU8a, signatureVerify } from '@polkadot/util-crypto';

import { ethereumAccount, signedMessageHex } from '@handles/client';

import { cliBinaryPath, freePort } from '../lib/node.js';
import { useChain } from '../lib/testing.js';

const run = promisify(execFile);
const CLI = cliBinaryPath();
// The sentences for people that the JavaScript package and the command line share.
const MESSAGES = JSON.parse(readFileSync(new URL('../../clients/js/test/message-vectors.json', import.meta.url), 'utf8'));
const explained = (input) => MESSAGES.rules.find((v) => v.input === input).en;

/** Runs `handles args...`; resolves to `{ code, stdout, stderr }` whatever the exit code. */
async function handles(args, { url } = {}) {
  const argv = url === undefined ? args : ['--url', url, ...args];
  try {
    const { stdout, stderr } = await run(CLI, argv, { timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    if (typeof err.code !== 'number') throw err;
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('handles command line', { timeout: 600_000 }, () => {
  let url;
  const ctx = useChain({
    sealing: 'instant',
    prepare: () => assert.ok(existsSync(CLI), `the handles binary is missing at ${CLI}: build it with bash scripts/build`),
    setup: (c) => {
      url = c.node.wsUrl;
    },
  });
  /** `handles --url <node> --json args...`, which must succeed; resolves to the parsed JSON. */
  const json = async (args) => {
    const res = await handles(['--json', ...args], { url });
    assert.equal(res.code, 0, `handles ${args.join(' ')}: ${res.stderr}`);
    return JSON.parse(res.stdout);
  };
  /** `handles --url <node> args...`, which must fail with `code`; resolves to its stderr. */
  const fails = async (args, code = 1) => {
    const res = await handles(args, { url });
    assert.equal(res.code, code, `handles ${args.join(' ')} exited ${res.code}: ${res.stdout}${res.stderr}`);
    assert.equal(res.stdout, '', 'nothing on stdout when a command fails');
    const lines = res.stderr.trim().split('\n');
    return lines[lines.length - 1];
  };
  const freeUri = () => mnemonicGenerate();
  const accountOf = (uri) => ctx.keyring.addFromUri(uri).address;
  const freeBalance = async (address) => (await ctx.api.query.system.account(address)).data.free.toBigInt();

  test('settings, seed and options print what the handles_* RPC says', async () => {
    assert.deepEqual(await json(['settings']), await ctx.rpc('handles_getSettings'));
    assert.deepEqual(await json(['seed']), await ctx.rpc('handles_getSeed'));
    const options = await json(['options', 'Papillon']);
    assert.deepEqual(options, await ctx.rpc('handles_getSuffixOptions', ['Papillon']));
    assert.ok(options.available.length > 0);
    const text = await handles(['options', 'Papillon'], { url });
    assert.equal(text.code, 0);
    assert.match(text.stdout, new RegExp(`^available: ${options.available.join(', ')}$`, 'm'));
  });

  test('validate: online with the chain reserved list, offline with the rules crate', async () => {
    for (const base of ['ALICE', 'ali@ce', 'admin', 'аdmin', 'x'.repeat(40)]) {
      assert.deepEqual(await json(['validate', base]), await ctx.rpc('handles_validateHandle', [base]), base);
    }
    const offline = await handles(['--json', 'validate', '--offline', 'ali@ce'], { url: 'ws://127.0.0.1:1' });
    assert.equal(offline.code, 0, 'offline validation needs no node');
    assert.deepEqual(JSON.parse(offline.stdout), await ctx.rpc('handles_validateHandle', ['ali@ce']));
    // Text says what to change, in the words the JavaScript package uses; --json keeps the RPC's.
    for (const base of ['ali@ce', 'аlice', 'admin']) {
      assert.equal((await handles(['validate', base], { url })).stdout, `${JSON.stringify(base)} is not valid: ${explained(base)}\n`, base);
    }
  });

  test('a sponsor pays for a claim whose owner holds no tokens; lookup, whois and owned find it', async () => {
    const owner = freeUri();
    const address = accountOf(owner);
    assert.equal(await freeBalance(address), 0n);
    const sponsorBefore = await freeBalance(ctx.alice.address);
    const options = await ctx.rpc('handles_getSuffixOptions', ['Marguerite']);
    const created = await json(['claim', 'Marguerite', '--owner', owner, '--sponsor', '//Alice']);
    assert.equal(created.owner, address);
    assert.equal(created.finalized, true);
    assert.match(created.handle, /^Marguerite\.\d+$/);
    const suffix = Number(created.handle.split('.')[1]);
    assert.ok(options.available.includes(suffix));
    assert.ok(!options.expiring.includes(suffix) || options.available.every((s) => options.expiring.includes(s)), 'a non-expiring suffix is preferred');
    assert.equal(await freeBalance(address), 0n, 'the owner paid nothing');
    assert.ok((await freeBalance(ctx.alice.address)) < sponsorBefore, 'the sponsor paid');

    const onChain = await ctx.rpc('handles_getMsaForHandle', [created.handle]);
    assert.deepEqual(await json(['lookup', created.handle]), onChain);
    assert.equal(onChain.msaId, created.msaId);
    // A look-alike with other digits resolves too.
    const lookalike = `MARGUER1TE.${String(suffix).replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)))}`;
    assert.deepEqual(await json(['lookup', lookalike]), onChain);
    assert.deepEqual(await json(['whois', String(created.msaId)]), { msaId: created.msaId, ...(await ctx.rpc('handles_getHandleForMsa', [created.msaId])) });
    assert.deepEqual(await json(['owned', address]), await ctx.rpc('handles_getHandlesForOwner', [address]));

    const text = await handles(['whois', String(created.msaId)], { url });
    assert.match(text.stdout, new RegExp(`^MSA ${created.msaId} holds ${created.handle.replace('.', '\\.')} `));
  });

  /** The owner's signature of the create_handle call in block `blockHash`, and its payload, as JSON. */
  async function claimIn(blockHash) {
    const block = await ctx.api.rpc.chain.getBlock(blockHash);
    const ext = block.block.extrinsics.find((x) => x.method.section === 'handles' && x.method.method === 'createHandle');
    assert.ok(ext, `a handles.createHandle in block ${blockHash}`);
    const payload = ext.method.args.at(-1).toJSON();
    return { signature: ext.method.args[1].toJSON(), payload: { ...payload, baseHandle: hexToString(payload.baseHandle) } };
  }

  test('owners sign the readable text: an sr25519 key <Bytes>-wrapped; an eth: key without tokens EIP-191, claiming and retiring', async () => {
    // sr25519: the signature in the block is over the wrapped text, not over the legacy message.
    const owner = freeUri();
    const created = await json(['claim', 'Lisible', '--owner', owner, '--sponsor', '//Alice']);
    const call = await claimIn(created.blockHash);
    const { message, bytes } = await ctx.rpc('handles_signingMessage', ['create', call.payload]);
    assert.equal(message.split('\n')[0], `Handles: claim ${created.handle}`);
    const verifies = (data) => signatureVerify(data, call.signature.sr25519, created.owner).isValid;
    assert.ok(verifies(u8aWrapBytes(hexToU8a(bytes))), 'over <Bytes>text</Bytes>');
    assert.ok(!verifies(u8aWrapBytes(hexToU8a(signedMessageHex(ctx.api.genesisHash.toHex(), 'create', call.payload)))), 'not over the legacy message');

    // eth: a 32-byte secret in hex; its account is MultiSigner::Eth's, which holds nothing.
    const secret = randomAsU8a(32);
    const eth = new Keyring({ type: 'ethereum' }).addFromSeed(secret);
    const account = encodeAddress(ethereumAccount(eth.publicKey), 42);
    const uri = `eth:${u8aToHex(secret)}`;
    assert.equal(await freeBalance(account), 0n);
    const claimed = await json(['claim', 'Etherique', '--owner', uri, '--sponsor', '//Alice']);
    assert.equal(claimed.owner, account);
    assert.deepEqual(await ctx.rpc('handles_getMsaForHandle', [claimed.handle]), { msaId: claimed.msaId, owner: account, handle: claimed.handle });
    const ethCall = await claimIn(claimed.blockHash);
    assert.deepEqual(Object.keys(ethCall.signature), ['eth'], 'an Eth MultiSignature');
    const ethText = (await ctx.rpc('handles_signingMessage', ['create', ethCall.payload])).message;
    // What personal_sign of the text gives: an Ethereum wallet holding this key signs the same.
    assert.equal(ethCall.signature.eth, u8aToHex(eth.sign(stringToU8a(`\x19Ethereum Signed Message:\n${stringToU8a(ethText).length}${ethText}`))));
    assert.deepEqual(await json(['owned', account]), await ctx.rpc('handles_getHandlesForOwner', [account]));
    const retired = await json(['retire', String(claimed.msaId), '--owner', uri.replace('0x', ''), '--sponsor', '//Alice']);
    assert.equal(retired.handle, claimed.handle);
    assert.equal(await ctx.rpc('handles_getMsaForHandle', [claimed.handle]), null);
    assert.equal(await freeBalance(account), 0n, 'the eth: owner paid nothing');

    // An eth: key signs payloads only: it cannot pay, and a bad secret is never echoed.
    assert.equal(await fails(['claim', 'Etherique', '--owner', uri]), 'error: --owner: an eth: key signs payloads, not transactions; give --sponsor');
    assert.equal(await fails(['claim', 'Etherique', '--owner', owner, '--sponsor', uri]), 'error: --sponsor: an eth: key signs payloads, not transactions; pay with another key');
    assert.equal(await fails(['claim', 'Etherique', '--owner', 'eth:0x1234abcd']), 'error: --owner: not a valid eth: secret (32 bytes of hex, 0x optional)');
  });

  test('claim errors: invalid handle, suffix not available, taken, no tokens, bad key', async () => {
    const owner = freeUri();
    assert.equal(await fails(['claim', 'ali@ce', '--owner', owner, '--sponsor', '//Alice']), `error: invalid handle "ali@ce": ${explained('ali@ce')}`);
    const options = await ctx.rpc('handles_getSuffixOptions', ['Tournesol']);
    const notOffered = [...Array(9000).keys()].map((i) => 1000 + i).find((s) => !options.candidates.includes(s));
    const refused = await fails(['claim', 'Tournesol', '--suffix', String(notOffered), '--owner', owner, '--sponsor', '//Alice']);
    assert.equal(refused, `error: Tournesol.${notOffered} is not available; available suffixes: ${options.available.join(', ')}`);

    const suffix = options.available[0];
    await json(['claim', 'Tournesol', '--suffix', String(suffix), '--owner', owner, '--sponsor', '//Alice']);
    const taken = await fails(['claim', 'TOURNESOL', '--suffix', String(suffix), '--owner', freeUri(), '--sponsor', '//Bob']);
    assert.match(taken, new RegExp(`^error: TOURNESOL\\.${suffix} is not available`));

    // Without a sponsor the owner pays, and a fresh owner has nothing to pay with.
    assert.match(await fails(['claim', 'Capucine', '--owner', freeUri()]), /holds no tokens to pay the fee: give a funded --sponsor$/);
    assert.match(await fails(['claim', 'Capucine', '--owner', 'ed25519:not a valid phrase']), /^error: --owner: not a valid ed25519 secret URI/);
  });

  test('retire, change (restyle and new handle) and transfer, each signed by the owner; a wrong key is refused', async () => {
    const owner = freeUri();
    const other = freeUri();
    const created = await json(['claim', 'violette', '--owner', owner, '--sponsor', '//Alice']);
    const id = String(created.msaId);
    const suffix = created.handle.split('.')[1];

    const wrong = await fails(['retire', id, '--owner', other, '--sponsor', '//Alice']);
    assert.equal(wrong, `error: MSA ${id} is owned by ${accountOf(owner)}, not by the given key (${accountOf(other)})`);

    const restyled = await json(['change', id, 'Violette', '--owner', owner, '--sponsor', '//Alice']);
    assert.equal(restyled.oldHandle, created.handle);
    assert.equal(restyled.newHandle, `Violette.${suffix}`, 'a restyle keeps the suffix');

    const changed = await json(['change', id, 'Pervenche', '--owner', owner, '--sponsor', '//Alice']);
    assert.equal(changed.oldHandle, `Violette.${suffix}`);
    assert.deepEqual(await json(['lookup', changed.newHandle]), { msaId: created.msaId, owner: accountOf(owner), handle: changed.newHandle });

    const moved = await json(['transfer', id, '--owner', owner, '--new-owner', other, '--sponsor', '//Alice']);
    assert.deepEqual([moved.oldOwner, moved.newOwner], [accountOf(owner), accountOf(other)]);
    assert.deepEqual(await json(['owned', accountOf(other)]), [{ msaId: created.msaId, handle: changed.newHandle }]);
    assert.deepEqual(await json(['owned', accountOf(owner)]), []);
    assert.match(await fails(['retire', id, '--owner', owner, '--sponsor', '//Alice']), /is owned by/);

    const retired = await json(['retire', id, '--owner', other, '--sponsor', '//Alice']);
    assert.equal(retired.handle, changed.newHandle);
    assert.equal(await json(['lookup', changed.newHandle]), null);
    assert.deepEqual(await json(['whois', id]), { msaId: created.msaId, handle: null, owner: accountOf(other) });
    assert.equal(await fails(['retire', id, '--owner', other, '--sponsor', '//Alice']), `error: MSA ${id} holds no handle`);
    assert.equal(await json(['whois', '4294967295']), null);
  });

  test('governance through sudo: reserve, unreserve, settings, moderation; a non-sudo key is refused by name', async () => {
    await json(['sudo', '--key', '//Alice', 'reserve', 'Glycine']);
    assert.equal((await ctx.rpc('handles_validateHandle', ['GLYCINE'])).valid, false);
    // Reserved by the chain, not by the rules' default list: said so without naming a word.
    assert.equal(
      await fails(['claim', 'Glycine', '--owner', freeUri(), '--sponsor', '//Alice']),
      'error: invalid handle "Glycine": “Glycine”, or a name that looks like it, is reserved. Choose another name.',
    );
    assert.equal((await handles(['validate', 'GLYCINE'], { url })).stdout, '"GLYCINE" is not valid: “GLYCINE”, or a name that looks like it, is reserved. Choose another name.\n');
    await json(['sudo', '--key', '//Alice', 'unreserve', 'Glycine']);
    assert.equal((await ctx.rpc('handles_validateHandle', ['GLYCINE'])).valid, true);

    const refused = await fails(['sudo', '--key', '//Bob', 'reserve', 'Glycine']);
    assert.match(refused, /^error: the chain refused the call: Sudo\.RequireSudo/);

    const before = await ctx.rpc('handles_getSettings');
    await json(['sudo', '--key', '//Alice', 'set-settings', '--min', '100', '--max', '999', '--cooldown', '50']);
    assert.deepEqual(await json(['settings']), { ...before, suffixMin: 100, suffixMax: 999, reuseCooldown: 50 });
    const invalid = await fails(['sudo', '--key', '//Alice', 'set-settings', '--min', '999', '--max', '100', '--cooldown', '50']);
    assert.match(invalid, /^error: the chain refused the call: Handles\./);
    await json(['sudo', '--key', '//Alice', 'set-settings', '--min', String(before.suffixMin), '--max', String(before.suffixMax), '--cooldown', String(before.reuseCooldown)]);

    const created = await json(['claim', 'Bleuet', '--owner', freeUri(), '--sponsor', '//Alice']);
    await json(['sudo', '--key', '//Alice', 'force-retire', String(created.msaId)]);
    assert.equal(await json(['lookup', created.handle]), null);
  });

  test('bad input, a node that is down and bad usage each give one line and their exit code', async () => {
    assert.equal(await fails(['owned', 'not-an-account']), 'error: not an account (SS58 or 0x + 32 bytes of hex): "not-an-account"');
    assert.match(await fails(['lookup', 'alice']), /^error: not a display handle "alice": /);
    const down = `ws://127.0.0.1:${await freePort()}`;
    const res = await handles(['seed'], { url: down });
    assert.equal(res.code, 3);
    assert.match(res.stderr.trim(), new RegExp(`^error: cannot reach the node at ${down.replace(/\./g, '\\.')}: `));
    assert.equal(res.stderr.trim().split('\n').length, 1);
    const usage = await handles(['claim', 'Alice'], { url });
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--owner/);
  });

  test('text output and the progress line of a claim', async () => {
    const owner = freeUri();
    const res = await handles(['claim', 'Coquelicot', '--owner', owner, '--sponsor', '//Alice'], { url });
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, new RegExp(`^Coquelicot\\.\\d+ is MSA \\d+ of ${accountOf(owner)}, finalized block #\\d+ \\(0x[0-9a-f]{64}\\)\\n$`));
    const steps = res.stderr.trim().split('\n');
    assert.match(steps[0], /^submitted 0x[0-9a-f]{64}$/);
    assert.match(steps[steps.length - 1], /^finalized in block 0x[0-9a-f]{64}$/);
  });
});

