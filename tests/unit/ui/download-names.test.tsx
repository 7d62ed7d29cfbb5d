// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { button, click, mount } from './render';

// Half past midnight in Amsterdam is still the day before in UTC: the file must carry the user's own date.
const previousTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Amsterdam';
});
afterAll(() => {
  process.env.TZ = previousTz;
});

const ask = vi.hoisted(() => vi.fn());
const download = vi.hoisted(() => vi.fn());
vi.mock('../../../entrypoints/options/app/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../entrypoints/options/app/api')>()),
  ask,
  download,
}));
const { AuditPage } = await import('../../../entrypoints/options/pages/AuditPage');
const { ImportExportPage } = await import('../../../entrypoints/options/pages/ImportExportPage');

async function settle() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-01T23:30:00Z')); // 00:30 on 2 March in Amsterdam
  ask.mockReset();
  download.mockReset();
  ask.mockImplementation(async (req: { type: string }) => {
    if (req.type === 'audit/list') return { total: 0, items: [] };
    if (req.type === 'audit/export') return { entries: [], verify: { ok: true, count: 0 } };
    if (req.type === 'backup/export') return { backup: {} };
    // the page exports in parts; a small ledger is one part
    if (req.type === 'audit/head') return { head: null, anchoring: { inTeam: false, lastAnchoredAt: null, anchoredToSeq: 0, pending: 0, refused: 0, lastError: null } };
    if (req.type === 'backup/export-part') return { exportId: 'e1', part: 1, last: true, text: '{}', done: 1, total: 1 };
    if (req.type === 'csv/export') return { csv: '' };
    throw new Error(`unexpected ${req.type}`);
  });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('download file names carry the local date', () => {
  test('audit export', async () => {
    const { container, unmount } = mount(<AuditPage />);
    await settle();
    click(button(container, 'Export'));
    await settle();
    expect(download.mock.calls[0]?.[0]).toBe('audit-log-2026-03-02.json');
    unmount();
  });

  test.each([
    ['Download a backup', 'outreach-guard-backup-2026-03-02.json'],
    ['Download contacts as CSV', 'outreach-guard-contacts-2026-03-02.csv'],
  ])('%s', async (label, name) => {
    const { container, unmount } = mount(<ImportExportPage />);
    await settle();
    click(button(container, label));
    await settle();
    expect(download.mock.calls[0]?.[0]).toBe(name);
    unmount();
  });
});
