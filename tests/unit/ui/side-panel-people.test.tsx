// @vitest-environment jsdom
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing';
import { TabPeople } from '../../../components/panel/TabPeople';
import type { PanelPerson } from '../../../lib/messaging/verdict';
import { button, click, mount } from './render';

const ask = vi.hoisted(() => vi.fn());
vi.mock('../../../entrypoints/options/app/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../entrypoints/options/app/api')>()),
  ask,
}));
const { CurrentTabPeople } = await import('../../../entrypoints/options/app/CurrentTabPeople');

const objected: PanelPerson = {
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
  contactId: 'c1',
  bases: [{ type: 'consent', recordedAt: '2026-11-02T10:00:00.000Z' }],
  evidenceCount: 2,
  objections: [{ level: 'person', scope: 'all', recordedAt: '2026-11-20T09:00:00.000Z' }],
  erased: false,
  recordBasisUrl: 'chrome-extension://ext/options.html#/contacts/c1/basis',
};
const unknown: PanelPerson = {
  key: 'b',
  decision: 'block',
  label: 'piet@acme.nl',
  known: false,
  weakMatch: false,
  findings: [],
  bases: [],
  evidenceCount: 0,
  objections: [],
  erased: false,
  recordBasisUrl: 'chrome-extension://ext/options.html#/contacts/new?email=piet%40acme.nl',
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
  test('Dutch: each person with the verdict, basis, evidence and objection; why is folded; a basis only where it can help', () => {
    const onRecordBasis = vi.fn();
    const { container, unmount } = mount(<TabPeople people={[objected, unknown]} onRecordBasis={onRecordBasis} />, 'nl');
    expect(container.textContent).toContain('In dit tabblad');
    const jan = container.querySelector('[aria-label="Jan Jansen"]')!;
    expect(jan.getAttribute('data-decision')).toBe('block');
    expect(jan.querySelector('[data-fact=basis]')?.textContent).toBe('Grondslag: Toestemming (vastgelegd op 2 nov 2026)');
    expect(jan.querySelector('[data-fact=evidence]')?.textContent).toBe('Bewijs: 2 stukken');
    expect(jan.querySelector('[data-fact=objection]')?.textContent).toBe('Bezwaar: ja, sinds 20 nov 2026 (Alle kanalen)');
    expect(jan.querySelector('details')?.textContent).toContain('Jan wil geen berichten meer.');
    // An objection is final: recording a basis would change nothing, so it is not offered for Jan.
    expect(jan.querySelector('button')).toBeNull();
    const piet = container.querySelector('[aria-label="piet@acme.nl"]')!;
    expect(piet.querySelector('[data-fact=basis]')?.textContent).toBe('Grondslag: geen vastgelegd');
    click(button(piet as HTMLElement, 'Grondslag vastleggen'));
    expect(onRecordBasis).toHaveBeenCalledWith(unknown);
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
      ask.mockResolvedValue({ site: 'gmail', people: [objected, unknown], recordBasisUrl: unknown.recordBasisUrl });
      const { container, unmount } = mount(<CurrentTabPeople />, 'en');
      await settle();
      expect(ask).toHaveBeenCalledWith({ type: 'panel/tab-people', tabId: tab.id });
      expect(container.textContent).toContain('Jan Jansen');
      click(button(container, 'Record a lawful basis'));
      expect(location.hash).toBe('#/contacts/new?email=piet%40acme.nl');
      // A basis saved on the contact page (no route change) asks again.
      ask.mockClear();
      await act(async () => {
        window.dispatchEvent(new Event('og:ledger-changed'));
        await new Promise((r) => setTimeout(r, 0));
      });
      expect(ask).toHaveBeenCalledWith({ type: 'panel/tab-people', tabId: tab.id });
      // The tab's guard named other people (the background notes it in session storage): asked again.
      ask.mockClear();
      await act(async () => {
        await fakeBrowser.storage.session.set({ 'tab-people-changed': { tabId: tab.id, at: 1 } });
        await new Promise((r) => setTimeout(r, 0));
      });
      expect(ask).toHaveBeenCalledWith({ type: 'panel/tab-people', tabId: tab.id });
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
