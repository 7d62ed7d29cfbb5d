import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { newId } from '../../../lib/ledger/ids';

describe('record ids', () => {
  test('are version 4 UUIDs (what the backup format validates), all different, over many refills of the random pool', () => {
    const ids = Array.from({ length: 5000 }, newId);
    expect(new Set(ids).size).toBe(5000);
    for (const id of ids.slice(0, 600)) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(z.uuid().safeParse(id).success).toBe(true);
    }
    // Every hex digit outside the fixed ones is used: the bytes are random, not a counter.
    const free = ids.map((id) => id.replace(/-/g, '').slice(0, 12)).join('');
    expect(new Set(free).size).toBe(16);
  });
});
