import { useEffect, useState } from 'preact/hooks';
import { I18nContext } from '@/components/i18n';
import { parseRoute, sectionOf, sections, type Route, type Section } from './routes';
import { usePageI18n } from './i18n';
import { ContactsPage } from '../pages/ContactsPage';
import { lazyPage } from './lazy';
import { CurrentTabPeople } from './CurrentTabPeople';

// The contacts list is the first screen and loads with the page; the others load when first opened.
const ContactPage = lazyPage(() => import('../pages/ContactPage').then((m) => m.ContactPage));
const ContactEditPage = lazyPage(() => import('../pages/ContactEditPage').then((m) => m.ContactEditPage));
const MyListPage = lazyPage(() => import('../pages/MyListPage').then((m) => m.MyListPage));
const AssessmentsPage = lazyPage(() => import('../pages/AssessmentsPage').then((m) => m.AssessmentsPage));
const AssessmentPage = lazyPage(() => import('../pages/AssessmentsPage').then((m) => m.AssessmentPage));
const DncPage = lazyPage(() => import('../pages/DncPage').then((m) => m.DncPage));
const RightsPage = lazyPage(() => import('../pages/RightsPage').then((m) => m.RightsPage));
const CleanupPage = lazyPage(() => import('../pages/CleanupPage').then((m) => m.CleanupPage));
const AuditPage = lazyPage(() => import('../pages/AuditPage').then((m) => m.AuditPage));
const SettingsPage = lazyPage(() => import('../pages/SettingsPage').then((m) => m.SettingsPage));
const ImportExportPage = lazyPage(() => import('../pages/ImportExportPage').then((m) => m.ImportExportPage));
const TeamPage = lazyPage(() => import('../pages/TeamPage').then((m) => m.TeamPage));
const CallPage = lazyPage(() => import('../pages/CallPage').then((m) => m.CallPage));
const SetupPage = lazyPage(() => import('../pages/SetupPage').then((m) => m.SetupPage));

const navKey: Record<Section, string> = {
  contacts: 'navContacts',
  'my-list': 'navMyList',
  assessments: 'navAssessments',
  dnc: 'navDnc',
  rights: 'navRights',
  cleanup: 'navCleanup',
  audit: 'navAudit',
  settings: 'navSettings',
  'import-export': 'navImportExport',
  team: 'navTeam',
  call: 'navCall',
};

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => {
      setRoute(parseRoute(location.hash));
      // Move focus to the new screen's heading so keyboard and screen-reader users land on it.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'contacts':
      return <ContactsPage />;
    case 'contact-new':
      return <ContactEditPage prefill={route.prefill} />;
    case 'contact':
      return <ContactPage id={route.id} addBasis={route.addBasis} />;
    case 'contact-edit':
      return <ContactEditPage id={route.id} />;
    case 'my-list':
      return <MyListPage />;
    case 'assessments':
      return <AssessmentsPage />;
    case 'assessment-new':
      return <AssessmentPage />;
    case 'assessment':
      return <AssessmentPage id={route.id} />;
    case 'dnc':
      return <DncPage />;
    case 'rights':
      return <RightsPage id={route.id} />;
    case 'cleanup':
      return <CleanupPage />;
    case 'audit':
      return <AuditPage />;
    case 'settings':
      return <SettingsPage />;
    case 'import-export':
      return <ImportExportPage />;
    case 'team':
      return <TeamPage />;
    case 'call':
      return <CallPage />;
    case 'setup':
      return <SetupPage />;
  }
}

export function OptionsApp({ variant }: { variant: 'tab' | 'panel' }) {
  const { i18n } = usePageI18n();
  const route = useRoute();
  const current = sectionOf(route);
  const { t } = i18n;
  useEffect(() => {
    document.title = `${t(navKey[current])} — ${t('extName')}`;
  }, [current, t]);
  return (
    <I18nContext.Provider value={i18n}>
      <a href="#main" class="skip-link">
        {t('skipToContent')}
      </a>
      <div class={`shell shell-${variant}`}>
        <nav aria-label={t('navLabel')}>
          <div class="brand">{t('extName')}</div>
          <ul>
            {sections.map((s) => (
              <li key={s}>
                <a href={`#/${s}`} aria-current={s === current ? 'page' : undefined}>
                  {t(navKey[s])}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main">
          {/* The side panel sits beside a LinkedIn, Gmail or Outlook tab: the people there come first. */}
          {variant === 'panel' ? <CurrentTabPeople /> : null}
          {/* Keyed by the route: a page for person B must not keep person A's state (report, erased, forms). */}
          <Screen key={JSON.stringify(route)} route={route} />
        </main>
      </div>
    </I18nContext.Provider>
  );
}
