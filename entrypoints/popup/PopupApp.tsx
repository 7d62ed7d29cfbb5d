import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { I18nContext } from '@/components/i18n';
import { TabState, type TabGuardView } from '@/components/popup/TabState';
import { LookupForm, type LookupQuery } from '@/components/popup/Lookup';
import { VerdictSummary } from '@/components/verdict/FindingsList';
import { Notice } from '@/components/ui/basics';
import { Tabs } from '@/components/ui/Tabs';
import { TeamStatusLine } from '@/components/team/TeamStatus';
import { usePageI18n } from '../options/app/i18n';
import { ask, errorText, type ResultOf } from '../options/app/api';
import { CallCheckPanel } from '../options/app/CallCheckPanel';

type PopupTab = 'tab' | 'lookup' | 'call';

type PanelApis = {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
};

/** Chrome's side panel or Firefox's sidebar; must run in the click handler (a user gesture). */
function hasSidePanel(): boolean {
  const apis = browser as unknown as PanelApis;
  return !!(apis.sidebarAction ?? apis.sidePanel ?? (globalThis as unknown as { chrome?: PanelApis }).chrome?.sidePanel);
}

function openSidePanel(): Promise<void> | null {
  const apis = browser as unknown as PanelApis;
  if (apis.sidebarAction) return apis.sidebarAction.open();
  const sidePanel = apis.sidePanel ?? (globalThis as unknown as { chrome?: PanelApis }).chrome?.sidePanel;
  if (!sidePanel) return null;
  return browser.windows.getCurrent().then((w) => sidePanel.open({ windowId: w.id! }));
}

export function PopupApp() {
  const { i18n } = usePageI18n();
  const { t } = i18n;
  const [tab, setTab] = useState<PopupTab>('tab');
  const [tabView, setTabView] = useState<TabGuardView | null>(null);
  const [tabError, setTabError] = useState<string | undefined>();
  // Its own message, in the header with the button: on the "This page" tab it hid the page's guard state,
  // on the other tabs it was not shown at all.
  const [panelError, setPanelError] = useState<string | undefined>();
  const [team, setTeam] = useState<ResultOf<'team/status'> | null>(null);
  const [teamError, setTeamError] = useState<string | undefined>();
  const [lookup, setLookup] = useState<ResultOf<'lookup/verdict'> | null>(null);
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
    // A failure must show: hiding the team line would look like "not in a team".
    void ask({ type: 'team/status' }).then(setTeam, (e: unknown) => setTeamError(errorText(e)));
  }, []);

  async function onLookup(q: LookupQuery) {
    setBusy(true);
    setError(undefined);
    try {
      setLookup(await ask({ type: 'lookup/verdict', ...q }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <I18nContext.Provider value={i18n}>
      <header class="popup-head">
        <h1>{t('extName')}</h1>
        <span class="button-row">
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('popupOpenManagement')}
          </button>
          {hasSidePanel() ? (
            <button type="button" class="link" onClick={() => void Promise.resolve().then(openSidePanel).then(() => window.close(), (e: unknown) => setPanelError(errorText(e)))}>
              {t('popupOpenPanel')}
            </button>
          ) : null}
        </span>
      </header>
      {panelError ? <Notice kind="error">{t('popupPanelFailed', panelError)}</Notice> : null}
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
          {tab === 'tab' ? (
            <>
              <TabState view={tabView} error={tabError} />
              {team?.inTeam ? <TeamStatusLine status={team} /> : null}
              {teamError ? <Notice kind="error">{t('popupTeamStatusFailed', teamError)}</Notice> : null}
            </>
          ) : null}
          {tab === 'lookup' ? (
            <>
              {error ? <Notice kind="error">{error}</Notice> : null}
              <LookupForm onLookup={(q) => void onLookup(q)} busy={busy} />
              {lookup ? <VerdictSummary {...lookup} /> : null}
            </>
          ) : null}
          {tab === 'call' ? <CallCheckPanel /> : null}
        </div>
      </main>
    </I18nContext.Provider>
  );
}
