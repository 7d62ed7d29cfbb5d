// A synchronous SHA-256. The audit chain is hashed inside IndexedDB transactions, and awaiting WebCrypto
// there would let the transaction commit half-way (IndexedDB closes a transaction at the first idle task).

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const encoder = new TextEncoder();

// Reused between calls (the function is synchronous, so never by two at once): an import hashes ~100 000
// short keys, and allocating per call made that half a second.
const W = new Uint32Array(64);
const H = new Uint32Array(8);
const SHARED_MAX = 4096;
const shared = new Uint8Array(SHARED_MAX);
/** Two hex digits per byte value. */
export const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** SHA-256 of bytes or of a string's UTF-8, as lower-case hex. */
export function sha256Hex(input: string | Uint8Array): string {
  return hexOfWords(sha256Words(input));
}

/** The digest as eight 32-bit words. The array is reused by the next call: read it before hashing again. */
export function sha256Words(input: string | Uint8Array): Uint32Array {
  let len: number;
  let scratch: Uint8Array;
  // Short inputs (keys, audit entries) use the shared buffer; a large one (an evidence file of 25 MB) gets
  // its own, so the worker does not keep that much memory after hashing it once.
  if (typeof input === 'string') {
    // Up to 3 bytes per UTF-16 unit, plus the padding.
    const need = input.length * 3 + 72;
    scratch = need <= SHARED_MAX ? shared : new Uint8Array(need);
    len = encoder.encodeInto(input, scratch).written;
  } else {
    len = input.length;
    scratch = len + 72 <= SHARED_MAX ? shared : new Uint8Array(len + 72);
    scratch.set(input);
  }
  const total = ((len + 9 + 63) >> 6) << 6;
  const padded = scratch;
  padded.fill(0, len, total);
  padded[len] = 0x80;
  const hiBits = Math.floor(len / 0x20000000); // len * 8 / 2^32
  const loBits = (len * 8) >>> 0;
  padded[total - 8] = hiBits >>> 24; padded[total - 7] = hiBits >>> 16; padded[total - 6] = hiBits >>> 8; padded[total - 5] = hiBits;
  padded[total - 4] = loBits >>> 24; padded[total - 3] = loBits >>> 16; padded[total - 2] = loBits >>> 8; padded[total - 1] = loBits;
  const h = H;
  h[0] = 0x6a09e667; h[1] = 0xbb67ae85; h[2] = 0x3c6ef372; h[3] = 0xa54ff53a; h[4] = 0x510e527f; h[5] = 0x9b05688c; h[6] = 0x1f83d9ab; h[7] = 0x5be0cd19;
  const w = W;
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 16; i++) {
      const o = off + i * 4;
      w[i] = ((padded[o]! << 24) | (padded[o + 1]! << 16) | (padded[o + 2]! << 8) | padded[o + 3]!) >>> 0;
    }
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!, b = w[i - 2]!;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let a: number = h[0]!, b: number = h[1]!, c: number = h[2]!, d: number = h[3]!, e: number = h[4]!, f: number = h[5]!, g: number = h[6]!, hh: number = h[7]!;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i]! + w[i]!) >>> 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) >>> 0;
      hh = g; g = f; f = e; e = (d + t1) >>> 0; d = c; c = b; b = a; a = (t1 + t2) >>> 0;
    }
    h[0] = (h[0]! + a) >>> 0; h[1] = (h[1]! + b) >>> 0; h[2] = (h[2]! + c) >>> 0; h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0; h[5] = (h[5]! + f) >>> 0; h[6] = (h[6]! + g) >>> 0; h[7] = (h[7]! + hh) >>> 0;
  }
  return h;
}

/** Eight digest words as lower-case hex. */
export function hexOfWords(h: Uint32Array): string {
  let out = '';
  for (let i = 0; i < 8; i++) {
    const x = h[i]!;
    out += HEX[x >>> 24]! + HEX[(x >>> 16) & 0xff]! + HEX[(x >>> 8) & 0xff]! + HEX[x & 0xff]!;
  }
  return out;
}
