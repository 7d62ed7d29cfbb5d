// @vitest-environment jsdom
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { button, click, mount } from './render';

const ask = vi.hoisted(() => vi.fn());
vi.mock('../../../entrypoints/options/app/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../entrypoints/options/app/api')>()),
  ask,
}));
const { TeamPage } = await import('../../../entrypoints/options/pages/TeamPage');

let inTeam = true;
const status = (pendingUploads: number) => ({
  inTeam,
  role: inTeam ? 'rep' : null,
  serverUrl: inTeam ? 'https://couch.example.nl' : null,
  db: inTeam ? 'og-team' : null,
  username: inTeam ? 'sanne' : null,
  lastSyncAt: null,
  entries: 12,
  pendingUploads,
  ignoredEntries: 0,
  rejectedUploads: 0,
  lastError: null,
  nextAttemptAt: null,
});

async function settle() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

let pending = 0;
beforeEach(() => {
  inTeam = true;
  pending = 0;
  ask.mockReset();
  ask.mockImplementation(async (req: { type: string }) => {
    if (req.type === 'team/status') return status(pending);
    if (req.type === 'team/leave') {
      inTeam = false;
      return { left: true };
    }
    throw new Error(`unexpected ${req.type}`);
  });
});

const leaveCalls = () => ask.mock.calls.filter(([r]) => r.type === 'team/leave');

describe('leaving a team', () => {
  test('asks in the page, saying how many entries have not reached the team (counted when asked); Cancel keeps the team', async () => {
    const { container, unmount } = mount(<TeamPage />);
    await settle();
    pending = 3; // queued after the page opened (an objection recorded while offline)
    click(button(container, 'Leave the team'));
    await settle();
    await settle();
    const dialog = container.querySelector('[role="alertdialog"]')!;
    expect(dialog.querySelector('h2')!.textContent).toBe('Leave the team?');
    expect(dialog.textContent).toContain('3 do-not-contact entries have not reached the team yet');
    expect(document.activeElement?.textContent).toBe('Cancel');
    click(button(container, 'Cancel'));
    await settle();
    expect(container.querySelector('[role="alertdialog"]')).toBeNull();
    expect(leaveCalls()).toHaveLength(0);
    unmount();
  });

  test('confirming leaves the team and says so', async () => {
    const { container, unmount } = mount(<TeamPage />);
    await settle();
    click(button(container, 'Leave the team'));
    await settle();
    expect(container.querySelector('[role="alertdialog"]')!.textContent).toContain("The team's list is no longer checked on this computer.");
    click([...container.querySelectorAll<HTMLButtonElement>('[role="alertdialog"] button')].find((b) => b.textContent === 'Leave the team')!);
    await settle();
    await settle();
    expect(leaveCalls()).toHaveLength(1);
    expect(container.textContent).toContain('You left the team.');
    unmount();
  });
});
