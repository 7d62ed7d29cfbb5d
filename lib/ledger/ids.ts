// Record ids: random (version 4) UUIDs, as crypto.randomUUID makes them. That call costs ~2.5 µs in
// Chromium and an import needs two per row (contact and provenance), so the random bytes come from one
// getRandomValues call per 256 ids.

import { HEX } from './sha256';

let pool = new Uint8Array(0);
let at = 0;

export function newId(): string {
  if (at + 16 > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(4096));
    at = 0;
  }
  const b = pool;
  const o = at;
  at += 16;
  b[o + 6] = (b[o + 6]! & 0x0f) | 0x40; // version 4
  b[o + 8] = (b[o + 8]! & 0x3f) | 0x80; // RFC 4122 variant
  const h = (i: number) => HEX[b[o + i]!]!;
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}
