// @vitest-environment jsdom
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing';
import { mount } from './render';

const ask = vi.hoisted(() => vi.fn());
vi.mock('../../../entrypoints/options/app/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../entrypoints/options/app/api')>()),
  ask,
}));
const { PopupApp } = await import('../../../entrypoints/popup/PopupApp');

async function settle() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

beforeEach(() => {
  ask.mockReset();
  fakeBrowser.reset();
  // fakeBrowser leaves these out; the popup asks for the UI language and the active tab.
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  fakeBrowser.i18n.getMessage = () => ''; // the page then uses its own message tables
  fakeBrowser.tabs.query = async () => [];
});

describe('the popup’s team line', () => {
  test('a team status that cannot be read says so, instead of looking like "not in a team"', async () => {
    ask.mockImplementation(async (req: { type: string }) => {
      if (req.type === 'team/status') throw new Error('The background did not answer');
      if (req.type === 'guard/tab-state') return { state: 'none' };
      if (req.type === 'settings/get') throw new Error('not needed here');
      throw new Error(`unexpected ${req.type}`);
    });
    const { container, unmount } = mount(<PopupApp />);
    await settle();
    await settle();
    expect(container.textContent).toContain('Could not read the team status: The background did not answer');
    // (The popup has no team list, so it does not speak of one.)
    expect(container.textContent).not.toContain('team list');
    unmount();
  });
});

describe('the popup’s side-panel button', () => {
  test('a panel that cannot open says so in the header, and the page’s guard state stays shown', async () => {
    ask.mockImplementation(async (req: { type: string }) => {
      if (req.type === 'team/status') return { inTeam: false };
      if (req.type === 'guard/tab-state') return { state: 'active', site: 'gmail' };
      if (req.type === 'settings/get') throw new Error('not needed here');
      throw new Error(`unexpected ${req.type}`);
    });
    fakeBrowser.tabs.query = async () => [{ id: 5, index: 0, highlighted: true, active: true, pinned: false, incognito: false, windowId: 1 }] as never;
    fakeBrowser.windows.getCurrent = async () => ({ id: 1 }) as never;
    const { container, unmount } = mount(<PopupApp />);
    await settle();
    await settle();
    const before = container.textContent;
    [...container.querySelectorAll('button')].find((b) => b.textContent === 'Side panel')!.click();
    await settle();
    await settle();
    // (The fake browser's sidebarAction.open throws at once, as an API may: that is caught too.)
    expect(container.textContent).toContain('The side panel could not be opened: Browser.sidebarAction.open not implemented');
    // What the "This page" tab said before is still there.
    expect(container.querySelector('.popup-head')!.nextElementSibling!.textContent).toContain('could not be opened');
    expect(container.textContent!.length).toBeGreaterThan(before!.length);
    unmount();
  });
});
