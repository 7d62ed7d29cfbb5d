import { describe, expect, test } from 'vitest';
import { managementBackground } from '../management/setup';

describe('CSV import: skip bad rows and import the rest', () => {
  const csv = 'name,email\nA,a@acme.nl\nB,not-an-email\nC,c@acme.nl\nD,\n';

  test('imports the good rows, reports each skipped row, and the job counts as done', async () => {
    const bg = managementBackground('2026-03-01T10:00:00.000Z');
    const { jobId } = await bg.importCsv(csv, { badRows: 'skip' });
    const status = await bg.jobs.settled(jobId);
    expect(status.state).toBe('done');
    expect(status.result).toMatchObject({ rows: 2, created: 2, skipped: 2 });
    expect(status.skipped?.map((e) => e.row)).toEqual([3, 5]);
    const names = (await bg.ok({ type: 'contacts/list' })).items.map((c: { name: string }) => c.name).sort();
    expect(names).toEqual(['A', 'C']);
  });

  test('without the option the same file imports nothing', async () => {
    const bg = managementBackground('2026-03-01T10:00:00.000Z');
    const { jobId } = await bg.importCsv(csv);
    const status = await bg.jobs.settled(jobId);
    expect(status.state).toBe('failed');
    expect(status.result).toBeUndefined();
    expect((await bg.ok({ type: 'contacts/list' })).total).toBe(0);
  });

  test('skipping finds every bad row, also past the 200 errors a strict import stops at', async () => {
    const bg = managementBackground('2026-03-01T10:00:00.000Z');
    const bad = Array.from({ length: 250 }, (_, i) => `Bad ${i},nope-${i}`).join('\n');
    const { jobId } = await bg.importCsv(`name,email\n${bad}\nLast,last@acme.nl\n`, { badRows: 'skip' });
    const status = await bg.jobs.settled(jobId);
    expect(status.result).toMatchObject({ created: 1, skipped: 250 });
    expect((await bg.ok({ type: 'contacts/list' })).items.map((c: { name: string }) => c.name)).toEqual(['Last']);
  });
});
