// @polkadot/api helpers for the chain tests: connect with the handles definitions, submit an
// extrinsic, make the block, and return the extrinsic's events (or throw its dispatch error).

import { ApiPromise, WsProvider } from '@polkadot/api';

import { handlesApiOptions } from '../../src/index.js';

export async function connect(node) {
  return ApiPromise.create({ provider: new WsProvider(node.wsUrl), ...handlesApiOptions, noInitWarn: true, throwOnConnect: true });
}

/** Sends `tx` signed by `sponsor`, seals a block and returns the events of that extrinsic. */
export async function submit(api, node, tx, sponsor) {
  const hash = await tx.signAndSend(sponsor, { nonce: -1 });
  const { hash: blockHash } = await node.seal();
  const block = await api.rpc.chain.getBlock(blockHash);
  const index = block.block.extrinsics.findIndex((x) => x.hash.eq(hash));
  if (index < 0) throw new Error(`extrinsic ${hash.toHex()} is not in block ${blockHash}`);
  const events = (await (await api.at(blockHash)).query.system.events()).filter((e) => e.phase.isApplyExtrinsic && e.phase.asApplyExtrinsic.eqn(index)).map((e) => e.event);
  const failed = events.find((e) => api.events.system.ExtrinsicFailed.is(e));
  if (failed) {
    const [error] = failed.data;
    const detail = error.isModule ? api.registry.findMetaError(error.asModule) : null;
    throw new Error(`dispatch failed: ${detail ? `${detail.section}.${detail.name}` : error.toString()}`);
  }
  return events;
}
