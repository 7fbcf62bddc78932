// The proof of work's search, in a Web Worker so the page stays responsive (work.js starts it).
// Given `{ prefix, bits }`, where `prefix` is `<challenge>:<signature>:`, it counts nonces 0, 1,
// 2, ... (decimal) until SHA-256(prefix + nonce) starts with `bits` zero bits, and posts
// `{ nonce, attempts }`; meanwhile `{ attempts }` about every 100 ms. SHA-256 is written out here:
// the 64-byte blocks of the prefix are hashed once, so each attempt costs one or two blocks, many
// times faster than a `crypto.subtle.digest` call per attempt.

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const INITIAL = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
const w = new Int32Array(64);

/** SHA-256's compression of the 64 bytes of `buf` at `off` into `state` (8 words). */
function compress(state, buf, off) {
  for (let i = 0; i < 16; i++) {
    const j = off + i * 4;
    w[i] = (buf[j] << 24) | (buf[j + 1] << 16) | (buf[j + 2] << 8) | buf[j + 3];
  }
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15];
    const y = w[i - 2];
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
  }
  let a = state[0];
  let b = state[1];
  let c = state[2];
  let d = state[3];
  let e = state[4];
  let f = state[5];
  let g = state[6];
  let h = state[7];
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0] + a) | 0;
  state[1] = (state[1] + b) | 0;
  state[2] = (state[2] + c) | 0;
  state[3] = (state[3] + d) | 0;
  state[4] = (state[4] + e) | 0;
  state[5] = (state[5] + f) | 0;
  state[6] = (state[6] + g) | 0;
  state[7] = (state[7] + h) | 0;
}

/** Whether `state` (a digest's words) starts with `bits` zero bits (at most 64). */
function solved(state, bits) {
  if (bits <= 32) return bits === 0 || state[0] >>> (32 - bits) === 0;
  return state[0] === 0 && state[1] >>> (64 - bits) === 0;
}

/** The SHA-256 digest of `bytes` as 8 words (for the tests of this file). */
export function sha256Words(bytes) {
  const state = Int32Array.from(INITIAL);
  const full = bytes.length - (bytes.length % 64);
  for (let off = 0; off < full; off += 64) compress(state, bytes, off);
  const tail = new Uint8Array(bytes.length % 64 < 56 ? 64 : 128);
  tail.set(bytes.subarray(full));
  tail[bytes.length - full] = 0x80;
  const view = new DataView(tail.buffer);
  view.setUint32(tail.length - 8, Math.floor((bytes.length * 8) / 2 ** 32));
  view.setUint32(tail.length - 4, (bytes.length * 8) >>> 0);
  for (let off = 0; off < tail.length; off += 64) compress(state, tail, off);
  return state;
}

/**
 * Searches nonces from 0 for `prefix` (ASCII) and `bits`; `report(attempts)` about every 100 ms.
 * Returns `{ nonce, attempts }`.
 */
export function search(prefix, bits, report = () => {}) {
  const bytes = new TextEncoder().encode(prefix);
  const full = bytes.length - (bytes.length % 64);
  const mid = Int32Array.from(INITIAL);
  for (let off = 0; off < full; off += 64) compress(mid, bytes, off);
  const rest = bytes.subarray(full);
  const buf = new Uint8Array(128);
  const view = new DataView(buf.buffer);
  const state = new Int32Array(8);
  // The nonce's decimal digits, least significant first.
  const digits = [0];
  let last = Date.now();
  for (let attempts = 1; ; attempts++) {
    const length = bytes.length + digits.length;
    const blocks = rest.length + digits.length + 9 <= 64 ? 1 : 2;
    buf.fill(0);
    buf.set(rest);
    let at = rest.length;
    for (let i = digits.length - 1; i >= 0; i--) buf[at++] = 48 + digits[i];
    buf[at] = 0x80;
    view.setUint32(blocks * 64 - 8, Math.floor((length * 8) / 2 ** 32));
    view.setUint32(blocks * 64 - 4, (length * 8) >>> 0);
    state.set(mid);
    compress(state, buf, 0);
    if (blocks === 2) compress(state, buf, 64);
    if (solved(state, bits)) {
      return { nonce: digits.slice().reverse().join(''), attempts };
    }
    // The next nonce.
    let i = 0;
    while (i < digits.length && digits[i] === 9) digits[i++] = 0;
    if (i === digits.length) digits.push(1);
    else digits[i] += 1;
    if ((attempts & 0xfff) === 0) {
      const now = Date.now();
      if (now - last >= 100) {
        last = now;
        report(attempts);
      }
    }
  }
}

// As a worker: one search per message.
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  self.onmessage = ({ data }) => {
    const { prefix, bits } = data;
    self.postMessage({ attempts: 0 });
    self.postMessage(search(prefix, bits, (attempts) => self.postMessage({ attempts })));
  };
}
