import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { sha256Hex } from '../../../lib/ledger/sha256';

// The ledger's own SHA-256 (synchronous, for use inside IndexedDB transactions) reuses one buffer for short
// inputs: every length around the block and buffer boundaries, text and bytes, and short inputs after long
// ones must give what node's SHA-256 gives.
describe('sha256Hex', () => {
  test.each([0, 1, 55, 56, 63, 64, 119, 1000, 4000, 4024, 4025, 4100, 70_000, 2_000_000])('%i units, as text and as bytes', (n) => {
    const text = 'é𝄞'.repeat(n % 5) + 'x'.repeat(n);
    const bytes = new Uint8Array(n).map((_, i) => (i * 7) & 255);
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    // the shared buffer holds nothing over from the input before
    expect(sha256Hex('email:jan@acme.nl')).toBe(createHash('sha256').update('email:jan@acme.nl').digest('hex'));
  });
});
