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
