import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { TabPeople } from '@/components/panel/TabPeople';
import { TAB_PEOPLE_CHANGED_KEY, type PanelPerson } from '@/lib/messaging/verdict';
import { ask, errorText, LEDGER_CHANGED } from './api';

// The side panel's "who is in this tab": asked of the background when the panel opens, when the rep switches
// tabs or a tab finishes loading, when the panel's own screen changes, and when a page here changed the ledger
// (a basis just recorded on the contact page leaves the hash as it was).

export function CurrentTabPeople() {
  const [people, setPeople] = useState<readonly PanelPerson[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const reload = useCallback(async () => {
    try {
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      if (active?.id === undefined) {
        setPeople([]);
        return;
      }
      const answer = await ask({ type: 'panel/tab-people', tabId: active.id });
      setPeople(answer.people);
      setError(undefined);
    } catch (e) {
      setError(errorText(e));
    }
  }, []);
  useEffect(() => {
    void reload();
    const onActivated = () => void reload();
    const onUpdated = (_id: number, change: { status?: string }) => {
      if (change.status === 'complete') void reload();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    window.addEventListener('hashchange', onActivated);
    window.addEventListener(LEDGER_CHANGED, onActivated);
    // The background notes in session storage when a tab's guard names other people (tab-people.ts).
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && TAB_PEOPLE_CHANGED_KEY in changes) void reload();
    };
    browser.storage.onChanged.addListener(onStorage);
    return () => {
      browser.storage.onChanged.removeListener(onStorage);
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      window.removeEventListener('hashchange', onActivated);
      window.removeEventListener(LEDGER_CHANGED, onActivated);
    };
  }, [reload]);
  // The contact page (known person) or the prefilled contact form opens here in the panel.
  const openRecord = (p: PanelPerson) => {
    const hash = p.recordBasisUrl.split('#')[1];
    if (hash) location.hash = hash;
  };
  return <TabPeople people={people} error={error} onRecordBasis={openRecord} />;
}
