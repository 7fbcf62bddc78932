// What the page needs of an Ethereum key to claim with an EIP-1193 wallet (window.ethereum,
// MetaMask): the wallet signs the readable text with `personal_sign` (EIP-191) and tells only its
// Ethereum address, which is not the key's account on this chain. The chain's account of the key
// (sp-runtime's MultiSigner::Eth) is the last 20 bytes of keccak-256 of the compressed public key,
// then twelve 0xEE, so the page recovers the public key from the signature, as the chain does.
//
// The page has no build step and no package: keccak-256 (FIPS 202's Keccak-f[1600] with the
// original 0x01 padding) and secp256k1 public-key recovery (SEC 1, 4.1.6) are written here with
// BigInt. They only read a signature the wallet made; nothing secret passes through them.
// e2e/test/claim-page-ethereum.test.js checks them against @polkadot/util-crypto for random keys.

const MASK = (1n << 64n) - 1n;
// Round constants and rotation offsets of Keccak-f[1600], lanes indexed x + 5y.
const RC = [
  0x0000000000000001n, 0x0000000000008082n, 0x800000000000808an, 0x8000000080008000n, 0x000000000000808bn, 0x0000000080000001n,
  0x8000000080008081n, 0x8000000000008009n, 0x000000000000008an, 0x0000000000000088n, 0x0000000080008009n, 0x000000008000000an,
  0x000000008000808bn, 0x800000000000008bn, 0x8000000000008089n, 0x8000000000008003n, 0x8000000000008002n, 0x8000000000000080n,
  0x000000000000800an, 0x800000008000000an, 0x8000000080008081n, 0x8000000000008080n, 0x0000000080000001n, 0x8000000080008008n,
];
const ROT = [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14].map(BigInt);

const rotl = (v, n) => (n === 0n ? v : ((v << n) | (v >> (64n - n))) & MASK);

function keccakF(s) {
  for (const rc of RC) {
    const c = [0, 1, 2, 3, 4].map((x) => s[x] ^ s[x + 5] ^ s[x + 10] ^ s[x + 15] ^ s[x + 20]);
    for (let x = 0; x < 5; x++) {
      const d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1n);
      for (let y = 0; y < 25; y += 5) s[x + y] ^= d;
    }
    const b = new Array(25);
    for (let x = 0; x < 5; x++) {
      for (let y = 0; y < 5; y++) b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl(s[x + 5 * y], ROT[x + 5 * y]);
    }
    for (let y = 0; y < 25; y += 5) {
      for (let x = 0; x < 5; x++) s[x + y] = b[x + y] ^ (~b[((x + 1) % 5) + y] & MASK & b[((x + 2) % 5) + y]);
    }
    s[0] ^= rc;
  }
}

/** Keccak-256 of `bytes` (a Uint8Array), as Ethereum hashes: 32 bytes. */
export function keccak256(bytes) {
  const rate = 136;
  const padded = new Uint8Array((Math.floor(bytes.length / rate) + 1) * rate);
  padded.set(bytes);
  padded[bytes.length] ^= 0x01;
  padded[padded.length - 1] ^= 0x80;
  const s = new Array(25).fill(0n);
  for (let at = 0; at < padded.length; at += rate) {
    for (let i = 0; i < rate / 8; i++) {
      let lane = 0n;
      for (let j = 7; j >= 0; j--) lane = (lane << 8n) | BigInt(padded[at + 8 * i + j]);
      s[i] ^= lane;
    }
    keccakF(s);
  }
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number((s[i >> 3] >> BigInt(8 * (i & 7))) & 0xffn);
  return out;
}

// secp256k1: y^2 = x^3 + 7 over the field of P; G of order N.
const P = 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2fn;
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const G = {
  x: 0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798n,
  y: 0x483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8n,
};

const mod = (a, m) => ((a % m) + m) % m;

function inverse(a, m) {
  let [r0, r1, s0, s1] = [mod(a, m), m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
  }
  return mod(s0, m);
}

function pow(base, exp, m) {
  let [result, b, e] = [1n, mod(base, m), exp];
  while (e > 0n) {
    if (e & 1n) result = (result * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return result;
}

/** `a + b` on the curve; null is the point at infinity. */
function add(a, b) {
  if (a === null) return b;
  if (b === null) return a;
  let slope;
  if (a.x === b.x) {
    if (mod(a.y + b.y, P) === 0n) return null;
    slope = mod(3n * a.x * a.x * inverse(2n * a.y, P), P);
  } else {
    slope = mod((b.y - a.y) * inverse(b.x - a.x, P), P);
  }
  const x = mod(slope * slope - a.x - b.x, P);
  return { x, y: mod(slope * (a.x - x) - a.y, P) };
}

function multiply(k, point) {
  let [result, addend, e] = [null, point, k];
  while (e > 0n) {
    if (e & 1n) result = add(result, addend);
    addend = add(addend, addend);
    e >>= 1n;
  }
  return result;
}

const toBigInt = (bytes) => bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);

function toBytes(n, length) {
  const out = new Uint8Array(length);
  for (let i = length - 1, v = n; i >= 0; i--, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
}

/** `hex` (0x…) as bytes; null when it is not hex of whole bytes. */
export function fromHex(hex) {
  if (typeof hex !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(hex)) return null;
  return Uint8Array.from(hex.slice(2).match(/../g) ?? [], (b) => parseInt(b, 16));
}

/** `bytes` as 0x hex. */
export const toHex = (bytes) => `0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;

/** `message` (bytes) behind the EIP-191 prefix, as `personal_sign` signs it. */
export function eip191(message) {
  const prefix = new TextEncoder().encode(`\x19Ethereum Signed Message:\n${message.length}`);
  const out = new Uint8Array(prefix.length + message.length);
  out.set(prefix);
  out.set(message, prefix.length);
  return out;
}

/**
 * The compressed (33-byte) public key that made `signature` (65 bytes r || s || v, v 0, 1, 27 or
 * 28) over the 32-byte `hash`; null when the signature is not one.
 */
export function recoverPublicKey(hash, signature) {
  if (!(signature instanceof Uint8Array) || signature.length !== 65 || hash.length !== 32) return null;
  const r = toBigInt(signature.subarray(0, 32));
  const s = toBigInt(signature.subarray(32, 64));
  const v = signature[64] >= 27 ? signature[64] - 27 : signature[64];
  if (v > 1 || r === 0n || r >= N || s === 0n || s >= N) return null;
  // R: the point with x = r and the parity of y that v names.
  const ySquared = mod(r * r * r + 7n, P);
  let y = pow(ySquared, (P + 1n) / 4n, P);
  if ((y * y) % P !== ySquared) return null;
  if (Number(y & 1n) !== v) y = P - y;
  const rInverse = inverse(r, N);
  const e = toBigInt(hash) % N;
  const q = add(multiply(mod(-e * rInverse, N), G), multiply(mod(s * rInverse, N), { x: r, y }));
  if (q === null) return null;
  const out = new Uint8Array(33);
  out[0] = q.y & 1n ? 3 : 2;
  out.set(toBytes(q.x, 32), 1);
  return out;
}

/** The account on this chain of an Ethereum public key (33 bytes compressed), as 0x hex. */
export function chainAccount(compressed) {
  const out = new Uint8Array(32).fill(0xee);
  out.set(keccak256(compressed).subarray(12), 0);
  return toHex(out);
}

/**
 * The account on this chain of the key whose `personal_sign` of `message` (bytes) is `signature`
 * (0x hex of 65 bytes); null when it is no signature.
 */
export function signerAccount(message, signature) {
  const bytes = fromHex(signature);
  const key = bytes && recoverPublicKey(keccak256(eip191(message)), bytes);
  return key && chainAccount(key);
}
