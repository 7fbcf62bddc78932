#!/usr/bin/env node
// Generates the polkadot-api (PAPI) descriptors of handles-node from its metadata:
//
//   node scripts/papi-generate.js                 start a dev node ($HANDLES_NODE, ...), read it, stop it
//   node scripts/papi-generate.js --url <http>    read a running node instead
//   node scripts/papi-generate.js --metadata-only only write .papi/metadata/handles.scale
//
// It asks the runtime for metadata v15 (`Metadata_metadata_at_version(15)`, which describes the
// runtime APIs, HandlesApi included), writes it to .papi/metadata/handles.scale and runs
// `papi add handles -f .papi/metadata/handles.scale` and `papi generate`: the descriptors land in
// .papi/descriptors (not committed) and are importable as `@polkadot-api/descriptors`.

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { compactFromU8a, hexToU8a } from '@polkadot/util';

import { rpcCall, startDevNode } from '../test/lib/devnode.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Raw metadata v15 (`meta` magic first) of the node at `httpUrl`. */
export async function fetchMetadataV15(httpUrl) {
  const opaque = hexToU8a(await rpcCall(httpUrl, 'state_call', ['Metadata_metadata_at_version', '0x0f000000']));
  if (opaque[0] !== 1) throw new Error('the runtime offers no metadata v15');
  const [offset, length] = compactFromU8a(opaque.subarray(1));
  return opaque.subarray(1 + offset, 1 + offset + length.toNumber());
}

/** Writes .papi/metadata/handles.scale and, unless `metadataOnly`, runs the papi CLI on it. */
export async function generate({ url, metadataOnly = false } = {}) {
  const node = url ? null : await startDevNode();
  try {
    const metadata = await fetchMetadataV15(url ?? node.httpUrl);
    const file = join(root, '.papi', 'metadata', 'handles.scale');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, metadata);
    if (!metadataOnly) {
      const papi = join(root, 'node_modules', '.bin', 'papi');
      execFileSync(papi, ['add', 'handles', '-f', '.papi/metadata/handles.scale', '--skip-codegen'], { cwd: root, stdio: 'inherit' });
      execFileSync(papi, ['generate'], { cwd: root, stdio: 'inherit' });
    }
    return file;
  } finally {
    await node?.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const url = args.includes('--url') ? args[args.indexOf('--url') + 1] : undefined;
  const file = await generate({ url, metadataOnly: args.includes('--metadata-only') });
  console.log(`papi-generate: metadata in ${file}`);
}
