// @vitest-environment jsdom
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing';
import { TabPeople } from '../../../components/panel/TabPeople';
import type { RecipientVerdict } from '../../../lib/messaging/guard';
import { button, click, mount } from './render';

const ask = vi.hoisted(() => vi.fn());
vi.mock('../../../entrypoints/options/app/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../entrypoints/options/app/api')>()),
  ask,
}));
const { CurrentTabPeople } = await import('../../../entrypoints/options/app/CurrentTabPeople');

const objected: RecipientVerdict = {
  key: 'a',
  decision: 'block',
  label: 'Jan Jansen',
  known: true,
  weakMatch: false,
  findings: [
    {
      code: 'NL-OBJ-01',
      severity: 'block',
      title: { nl: 'Bezwaar gemaakt', en: 'Objected' },
      explanation: { nl: 'Jan wil geen berichten meer.', en: 'Jan wants no more messages.' },
      citations: [],
      fixes: [],
    },
  ],
};

// fakeBrowser keeps no windows, so "the active tab of this window" is given here.
function activeTab(id: number) {
  const tab = { id, index: 0, highlighted: true, active: true, pinned: false, incognito: false, windowId: 1 };
  fakeBrowser.tabs.query = async () => [tab] as never;
  return tab;
}

async function settle() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('the side panel’s people of the current tab', () => {
  test('Dutch: each person with the verdict and why, and a way to record a basis', () => {
    const onRecordBasis = vi.fn();
    const { container, unmount } = mount(<TabPeople people={[objected]} onRecordBasis={onRecordBasis} />, 'nl');
    expect(container.textContent).toContain('In dit tabblad');
    expect(container.querySelector('[data-decision="block"]')?.textContent).toContain('Jan Jansen');
    expect(container.textContent).toContain('Jan wil geen berichten meer.');
    click(button(container, 'Grondslag vastleggen'));
    expect(onRecordBasis).toHaveBeenCalledOnce();
    unmount();
  });

  test('English: a tab without a person says what to open', () => {
    const { container, unmount } = mount(<TabPeople people={[]} />, 'en');
    expect(container.textContent).toContain('Nobody here yet: open a LinkedIn profile, or write an e-mail in Gmail or Outlook.');
    expect(container.querySelector('button')).toBeNull();
    unmount();
  });

  describe('asking the background', () => {
    beforeEach(() => {
      fakeBrowser.reset();
      ask.mockReset();
      location.hash = '';
    });

    test('asks for the active tab, shows its people, and opens the prefilled contact form in the panel', async () => {
      const tab = activeTab(5);
      ask.mockResolvedValue({ site: 'gmail', people: [objected], recordBasisUrl: 'chrome-extension://ext/options.html#/contacts/new?email=jan%40acme.nl' });
      const { container, unmount } = mount(<CurrentTabPeople />, 'en');
      await settle();
      expect(ask).toHaveBeenCalledWith({ type: 'panel/tab-people', tabId: tab.id });
      expect(container.textContent).toContain('Jan Jansen');
      click(button(container, 'Record a lawful basis'));
      expect(location.hash).toBe('#/contacts/new?email=jan%40acme.nl');
      unmount();
    });

    test('a background that does not answer is said, not hidden', async () => {
      activeTab(6);
      ask.mockRejectedValue(new Error('The background did not answer.'));
      const { container, unmount } = mount(<CurrentTabPeople />, 'en');
      await settle();
      expect(container.querySelector('[role=alert]')?.textContent).toContain('The background did not answer.');
      unmount();
    });
  });
});
