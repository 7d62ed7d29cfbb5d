// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { button, click, mount } from './render';

const ask = vi.hoisted(() => vi.fn());
vi.mock('../../../entrypoints/options/app/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../entrypoints/options/app/api')>()),
  ask,
}));
const { DncPage } = await import('../../../entrypoints/options/pages/DncPage');

let TOTAL = 650; // more than the protocol's 500 per request
const entry = (i: number) => ({
  id: `s${i}`,
  keyKind: 'email',
  label: `person-${i}@example.nl`,
  level: 'person',
  scope: 'all',
  reason: '',
  recordedAt: '2026-03-01T10:00:00.000Z',
  recordedBy: 'Sanne',
});
const notInTeam = {
  inTeam: false,
  role: null,
  serverUrl: null,
  db: null,
  username: null,
  lastSyncAt: null,
  entries: 0,
  pendingUploads: 0,
  ignoredEntries: 0,
  rejectedUploads: 0,
  lastError: null,
  nextAttemptAt: null,
};

let teamStatus: () => Promise<unknown>;

async function settle() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

beforeEach(() => {
  TOTAL = 650;
  teamStatus = async () => notInTeam;
  ask.mockReset();
  ask.mockImplementation(async (req: { type: string; offset?: number; limit?: number }) => {
    if (req.type === 'suppressions/list') {
      expect(req.limit).toBeLessThanOrEqual(500);
      const from = req.offset ?? 0;
      return { total: TOTAL, items: Array.from({ length: Math.max(0, Math.min(req.limit!, TOTAL - from)) }, (_, k) => entry(from + k)) };
    }
    if (req.type === 'team/status') return teamStatus();
    if (req.type === 'suppressions/remove') {
      TOTAL--; // the tests remove the last entry only
      return { removed: true };
    }
    throw new Error(`unexpected ${req.type}`);
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const rows = (c: Element) => [...c.querySelectorAll('tbody tr')].map((r) => r.querySelector('td')?.textContent);

describe('the personal do-not-contact list', () => {
  test('pages by offset so that every entry, also past 500, can be seen and removed', async () => {
    const { container, unmount } = mount(<DncPage />);
    await settle();
    expect(rows(container)[0]).toBe('person-0@example.nl');
    const pager = container.querySelector('nav[aria-label="Your list"]')!;
    expect(pager.textContent).toContain('1–200 of 650');
    expect(button(container, 'Previous').disabled).toBe(true);
    for (let i = 0; i < 3; i++) {
      click(button(container, 'Next'));
      await settle();
    }
    expect(container.querySelector('nav[aria-label="Your list"]')!.textContent).toContain('601–650 of 650');
    expect(rows(container)).toHaveLength(50);
    expect(rows(container).at(-1)).toBe('person-649@example.nl');
    expect(container.querySelector('button[aria-label="Remove person-649@example.nl from the list"]')).not.toBeNull();
    expect(button(container, 'Next').disabled).toBe(true);
    click(button(container, 'Previous'));
    await settle();
    expect(rows(container)[0]).toBe('person-400@example.nl');
    unmount();
  });

  test('removing the only entry of the last page shows the page before it', async () => {
    TOTAL = 601;
    const { container, unmount } = mount(<DncPage />);
    await settle();
    for (let i = 0; i < 3; i++) {
      click(button(container, 'Next'));
      await settle();
    }
    expect(rows(container)).toEqual(['person-600@example.nl']);
    click(container.querySelector('button[aria-label="Remove person-600@example.nl from the list"]'));
    await settle();
    click(button(container, 'Remove entry'));
    await settle();
    await settle();
    expect(ask).toHaveBeenCalledWith({ type: 'suppressions/remove', id: 's600' });
    expect(container.querySelector('nav[aria-label="Your list"]')!.textContent).toContain('401–600 of 600');
    expect(rows(container)[0]).toBe('person-400@example.nl');
    unmount();
  });

  test('an entry without a label (an erased person) is named by the kind of identifier, for screen readers too', async () => {
    TOTAL = 1;
    ask.mockImplementation(async (req: { type: string }) => {
      if (req.type === 'suppressions/list') return { total: 1, items: [{ ...entry(0), label: undefined, erased: true }] };
      if (req.type === 'team/status') return notInTeam;
      throw new Error(`unexpected ${req.type}`);
    });
    const { container, unmount } = mount(<DncPage />);
    await settle();
    expect(rows(container)[0]).toContain('E-mail address');
    click(container.querySelector('button[aria-label="Remove E-mail address from the list"]'));
    await settle();
    expect(container.querySelector('[role="alertdialog"] h2')!.textContent).toBe('Remove “E-mail address” from the do-not-contact list?');
    unmount();
  });

  test('removing asks first in the page, naming the entry; Cancel and Esc keep it, with focus on Cancel', async () => {
    TOTAL = 3;
    const { container, unmount } = mount(<DncPage />);
    await settle();
    const remove = () => click(container.querySelector('button[aria-label="Remove person-2@example.nl from the list"]'));
    remove();
    await settle();
    const dialog = container.querySelector('[role="alertdialog"]')!;
    expect(dialog.textContent).toContain('Remove “person-2@example.nl” from the do-not-contact list?');
    expect(dialog.textContent).toContain('Whoever this entry covers may then be contacted again.');
    expect(document.activeElement?.textContent).toBe('Cancel');
    click(button(container, 'Cancel'));
    await settle();
    expect(container.querySelector('[role="alertdialog"]')).toBeNull();
    remove();
    await settle();
    act(() => void container.querySelector('[role="alertdialog"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    await settle();
    expect(container.querySelector('[role="alertdialog"]')).toBeNull();
    expect(ask.mock.calls.filter(([r]) => r.type === 'suppressions/remove')).toHaveLength(0);
    expect(rows(container)).toHaveLength(3);
    unmount();
  });

  test('outside a team the page shows no team section and no error', async () => {
    const { container, unmount } = mount(<DncPage />);
    await settle();
    expect(container.querySelector('#dnc-team-title')).toBeNull();
    expect(container.querySelector('.notice-error')).toBeNull();
    unmount();
  });

  test('a failed team status is shown, not taken for "not in a team"', async () => {
    teamStatus = () => Promise.reject(new Error('storage unavailable'));
    const { container, unmount } = mount(<DncPage />);
    await settle();
    expect(container.querySelector('.notice-error')?.textContent).toBe('Could not read the team status, so the team list is not shown: storage unavailable');
    unmount();
  });
});
