import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { localDayBounds } from '../../../components/forms/validate';

// The audit log filters by the rep's own calendar days; its entries are stamped in UTC.
const previousTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Amsterdam';
});
afterAll(() => {
  process.env.TZ = previousTz;
});

describe('a local day as UTC bounds', () => {
  test('a winter day in Amsterdam starts at 23:00 UTC the day before', () => {
    expect(localDayBounds('2026-03-02')).toEqual({ start: '2026-03-01T23:00:00.000Z', end: '2026-03-02T22:59:59.999Z' });
  });
  test('a summer day starts at 22:00 UTC', () => {
    expect(localDayBounds('2026-07-15').start).toBe('2026-07-14T22:00:00.000Z');
  });
});
