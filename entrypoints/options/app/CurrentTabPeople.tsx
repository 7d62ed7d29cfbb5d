import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { TabPeople } from '@/components/panel/TabPeople';
import type { RecipientVerdict } from '@/lib/messaging/guard';
import { ask, errorText } from './api';

// The side panel's "who is in this tab": asked of the background when the panel opens, when the rep switches
// tabs or a tab finishes loading, and when the panel's own screen changes (a basis was just saved).

export function CurrentTabPeople() {
  const [people, setPeople] = useState<readonly RecipientVerdict[] | undefined>();
  const [recordAt, setRecordAt] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const reload = useCallback(async () => {
    try {
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      if (active?.id === undefined) {
        setPeople([]);
        setRecordAt(undefined);
        return;
      }
      const answer = await ask({ type: 'panel/tab-people', tabId: active.id });
      setPeople(answer.people);
      setRecordAt(answer.recordBasisUrl);
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
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      window.removeEventListener('hashchange', onActivated);
    };
  }, [reload]);
  // The contact form with its basis fields opens here in the panel, prefilled with what the page showed.
  const hash = recordAt?.split('#')[1];
  return <TabPeople people={people} error={error} onRecordBasis={hash ? () => (location.hash = hash) : undefined} />;
}
