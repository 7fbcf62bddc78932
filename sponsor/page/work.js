// The proof of work a claim carries when the sponsor asks one (sponsor/README.md, "Proof of
// work"): a challenge from `GET /api/work`, solved for the claim's signature in a Web Worker
// (work-worker.js), sent as the `X-Handles-Work` header of `POST /claims`. A sponsor that asks no
// proof (bits 0) costs nothing here.

import { workChallenge } from './api.js';

/**
 * The proof for the claim signed `signature`: `{ proof }` (the header's value; null when the
 * sponsor asks none) or `{ refused }` (the sponsor's error response). `onProgress(percent)` is
 * called from 0 while the search runs: attempts made over the attempts expected, at most 99.
 */
export async function proveWork(signature, onProgress = () => {}) {
  const res = await workChallenge();
  if (!res.ok) return { refused: res };
  const { challenge, bits } = res.body;
  if (!bits) return { proof: null };
  onProgress(0);
  const { nonce } = await solve(`${challenge}:${String(signature).toLowerCase()}:`, bits, onProgress);
  return { proof: `${challenge}:${nonce}` };
}

/**
 * Runs the search for `prefix` and `bits` in a worker: resolves to `{ nonce, attempts, ms }`;
 * `onProgress(percent)` as attempts are reported.
 */
export function solve(prefix, bits, onProgress = () => {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const worker = new Worker('/work-worker.js', { type: 'module' });
    const expected = 2 ** bits;
    worker.onmessage = ({ data }) => {
      if (data.nonce === undefined) {
        onProgress(Math.min(99, Math.floor((100 * data.attempts) / expected)));
        return;
      }
      worker.terminate();
      resolve({ nonce: data.nonce, attempts: data.attempts, ms: performance.now() - started });
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the proof of work could not run'));
    };
    worker.postMessage({ prefix, bits });
  });
}
