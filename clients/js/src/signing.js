// The text an owner signs for a payload (SPEC "Signed payloads (v3)"): built by the Rust crate
// `handles-signing` compiled into the package's WebAssembly module, the same code the runtime's
// `signing_message` and the RPC `handles_signingMessage` run. signing-text.js checks the
// arguments and lays them out for the module; this module adds SS58 addresses for a transfer's
// accounts.
//
//   const chain = { name: HANDLES_CHAIN_NAME, genesisHash: api.genesisHash, ss58Prefix: api.registry.chainSS58 };
//   signingMessage('create', { baseHandle: 'Alice', suffix: 4821, expiration: 1234 }, chain).message
//   // 'Handles: claim Alice.4821\nChain: Handles 0x…\nValid until block: 1234'

import { accountBytes } from './payload.js';
import { signingText } from './signing-text.js';

export { HANDLES_CHAIN_NAME, MAX_CHAIN_NAME_BYTES, signingText } from './signing-text.js';

/** An account given as an SS58 address as its 32 bytes; any other value as it is. */
const decoded = (what, account) => (typeof account === 'string' && !account.startsWith('0x') ? accountBytes(what, account) : account);

/**
 * The text an owner signs for a payload of `call` on `chain`, and its UTF-8 bytes as 0x hex: the
 * same `{ message, bytes }` as the RPC `handles_signingMessage` answers.
 * @param call 'create' | 'retire' | 'change' | 'transfer' (or the kind 0..=3)
 * @param payload the call's payload fields in camelCase (`baseHandle`, `suffix`, `msaId`, `handle`,
 *   `oldHandle`, `newBaseHandle`, `newSuffix`, `owner`, `newOwner`, `expiration`); a transfer also
 *   takes `handle`: the display handle the MSA holds now (from `handles_getHandleForMsa`), or null.
 *   Handles are text or UTF-8 bytes (base handles at most 32 bytes, display handles `base.suffix`),
 *   accounts SS58, 0x hex or 32 bytes.
 * @param chain `{ name, genesisHash, ss58Prefix }`: the runtime's `HandlesChainName`
 *   ({@link HANDLES_CHAIN_NAME} on the dev and local chains), the genesis hash (0x hex or 32 bytes,
 *   `api.genesisHash` works) and the chain's SS58 format (`api.registry.chainSS58`).
 * @returns `{ message: string, bytes: string }`
 */
export function signingMessage(call, payload, chain) {
  const isTransfer = call === 'transfer' || call === 3;
  if (isTransfer && payload !== null && typeof payload === 'object' && !Array.isArray(payload)) {
    const accounts = {};
    for (const key of ['owner', 'newOwner']) if (payload[key] !== undefined) accounts[key] = decoded(key, payload[key]);
    return signingText(call, { ...payload, ...accounts }, chain);
  }
  return signingText(call, payload, chain);
}
