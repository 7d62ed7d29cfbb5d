import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { I18nContext } from '@/components/i18n';
import { TabState, type TabGuardView } from '@/components/popup/TabState';
import { LookupForm, type LookupQuery } from '@/components/popup/Lookup';
import { CallCheck, type CallCheckInput, type CallCheckResult, type CallOutcome, type ContactOption } from '@/components/popup/CallCheck';
import { VerdictSummary } from '@/components/verdict/FindingsList';
import { Notice } from '@/components/ui/basics';
import { Tabs } from '@/components/ui/Tabs';
import { usePageI18n } from '../options/app/i18n';
import { ask, errorText, type ResultOf } from '../options/app/api';
import { logCallOutcome, searchContactOptions } from '../options/app/calls';

type PopupTab = 'tab' | 'lookup' | 'call';

export function PopupApp() {
  const { i18n } = usePageI18n();
  const { t } = i18n;
  const [tab, setTab] = useState<PopupTab>('tab');
  const [tabView, setTabView] = useState<TabGuardView | null>(null);
  const [tabError, setTabError] = useState<string | undefined>();
  const [lookup, setLookup] = useState<ResultOf<'lookup/verdict'> | null>(null);
  const [call, setCall] = useState<CallCheckResult | null>(null);
  const [callInput, setCallInput] = useState<CallCheckInput | null>(null);
  const [logged, setLogged] = useState<CallOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    void (async () => {
      try {
        const [active] = await browser.tabs.query({ active: true, currentWindow: true });
        if (active?.id === undefined) return setTabView({ state: 'none' });
        setTabView(await ask({ type: 'guard/tab-state', tabId: active.id }));
      } catch (e) {
        setTabError(errorText(e));
      }
    })();
  }, []);

  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(undefined);
    try {
      return await work();
    } catch (e) {
      setError(errorText(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  const onLookup = (q: LookupQuery) => void run(async () => setLookup(await ask({ type: 'lookup/verdict', ...q })));
  const onCall = (input: CallCheckInput) =>
    void run(async () => {
      setLogged(null);
      setCallInput(input);
      setCall(await ask({ type: 'call/check', ...input }));
    });
  const onOutcome = (outcome: CallOutcome, note: string) =>
    void run(async () => {
      if (!callInput) return;
      await logCallOutcome({ ...callInput, ...(call?.contactId ? { contactId: call.contactId } : {}), outcome, note });
      setLogged(outcome);
    });
  const onSearch = async (q: string): Promise<ContactOption[]> => {
    try {
      return await searchContactOptions(q);
    } catch {
      return [];
    }
  };

  return (
    <I18nContext.Provider value={i18n}>
      <header class="popup-head">
        <h1>{t('extName')}</h1>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOpenManagement')}
        </button>
      </header>
      <Tabs<PopupTab>
        label={t('extName')}
        value={tab}
        onChange={setTab}
        tabs={[
          { value: 'tab', label: t('popupTabThisPage') },
          { value: 'lookup', label: t('popupTabLookup') },
          { value: 'call', label: t('popupTabCall') },
        ]}
      />
      <main class="popup-body">
        <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {error ? <Notice kind="error">{error}</Notice> : null}
        {tab === 'tab' ? <TabState view={tabView} error={tabError} /> : null}
        {tab === 'lookup' ? (
          <>
            <LookupForm onLookup={onLookup} busy={busy} />
            {lookup ? <VerdictSummary {...lookup} /> : null}
          </>
        ) : null}
        {tab === 'call' ? (
          <CallCheck onCheck={onCall} onSearchContacts={onSearch} onLogOutcome={onOutcome} result={call} busy={busy} outcomeLogged={logged} />
        ) : null}
        </div>
      </main>
    </I18nContext.Provider>
  );
}
