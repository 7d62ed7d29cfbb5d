import { describe, expect, test } from 'vitest';
import { withTimeout } from '@/lib/guard/ask';

// One timeout for every request the guard and the pending-events queue make to the background.

describe('withTimeout', () => {
  test('passes an answer that comes in time through', async () => {
    await expect(withTimeout(Promise.resolve(42), 50)).resolves.toBe(42);
  });

  test('passes a refusal through as it is', async () => {
    const refusal = new Error('Team policy does not allow sending against the advice.');
    await expect(withTimeout(Promise.reject(refusal), 50)).rejects.toBe(refusal);
  });

  test('a background that never answers counts as away after the timeout', async () => {
    await expect(withTimeout(new Promise(() => undefined), 20)).rejects.toThrow('no answer within 0 s');
  });
});
