// The two-validator `--chain local` network (Alice and Bob, Aura + GRANDPA) on loopback: fixed
// node keys and Alice's peer id, starting a validator, and who authored a block. Single nodes,
// ports, folders and JSON-RPC are in ./node.js.

import { freePorts, QUIET_FLAGS, spawnNode } from './node.js';

/**
 * Alice's fixed libp2p node key in the local network (also in scripts/local-network), and the
 * peer id it gives, so that Bob can name Alice as his bootnode.
 */
export const ALICE_NODE_KEY = '0000000000000000000000000000000000000000000000000000000000000001';
export const ALICE_PEER_ID = '12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp';
/**
 * Bob's fixed node key. A validator of a non-development chain refuses to start without a
 * stored or given network key (`NetworkKeyNotFound`), and a fixed key keeps Bob's peer id
 * across restarts.
 */
export const BOB_NODE_KEY = '0000000000000000000000000000000000000000000000000000000000000002';

/**
 * One validator of the two-validator `--chain local` network (`--alice` or `--bob`).
 * `who` is `alice` or `bob`; each gets a fixed node key (`ALICE_NODE_KEY`, `BOB_NODE_KEY`);
 * give Bob `bootnodes: [aliceBootnode(alicePort)]`.
 */
export async function startValidator({
  who,
  basePath,
  rpcPort,
  p2pPort,
  bootnodes = [],
  nodeKey = who === 'alice' ? ALICE_NODE_KEY : BOB_NODE_KEY,
  extraArgs = [],
  ...rest
}) {
  if (!['alice', 'bob'].includes(who)) throw new Error(`unknown validator ${who}`);
  if (!rpcPort || !p2pPort) [rpcPort, p2pPort] = await freePorts(2);
  const args = [
    '--chain',
    'local',
    `--${who}`,
    '--validator',
    '--base-path',
    basePath,
    '--rpc-port',
    String(rpcPort),
    // Loopback only (`--port` would listen on every interface; the two flags exclude each other).
    '--listen-addr',
    `/ip4/127.0.0.1/tcp/${p2pPort}`,
    '--rpc-cors',
    'all',
    ...QUIET_FLAGS,
    ...(nodeKey ? ['--node-key', nodeKey] : []),
    ...bootnodes.flatMap((b) => ['--bootnodes', b]),
    ...extraArgs,
  ];
  const node = await spawnNode({ name: who, args, rpcPort, ...rest });
  return Object.assign(node, { who, basePath, p2pPort });
}

/** Bootnode address of Alice listening on `p2pPort` of 127.0.0.1. */
export function aliceBootnode(p2pPort) {
  return `/ip4/127.0.0.1/tcp/${p2pPort}/p2p/${ALICE_PEER_ID}`;
}

/**
 * The Aura slot of a block from its header JSON (`chain_getHeader`): the `PreRuntime` digest
 * with engine id `aura` (0x61757261) holds the slot as a SCALE u64. Null when there is none
 * (the genesis block).
 */
export function auraSlot(headerJson) {
  for (const log of headerJson.digest?.logs ?? []) {
    // DigestItem::PreRuntime = 6, engine `aura`, compact length 8 (0x20), u64 little-endian.
    const m = /^0x0661757261 ?20([0-9a-f]{16})$/i.exec(log.replace(/ /g, ''));
    if (m) {
      const bytes = m[1].match(/../g).reverse().join('');
      return BigInt(`0x${bytes}`);
    }
  }
  return null;
}

/**
 * Index of the Aura authority that authored a block: `slot % authorities` (the round-robin of
 * Aura). Null for the genesis block.
 */
export function auraAuthorIndex(headerJson, authorityCount) {
  const slot = auraSlot(headerJson);
  return slot === null ? null : Number(slot % BigInt(authorityCount));
}
