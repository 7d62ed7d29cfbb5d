import { useI18n } from '@/components/i18n';
import { CallCheckPanel } from '../app/CallCheckPanel';

export function CallPage() {
  const { t } = useI18n();
  return (
    <>
      <h1 tabIndex={-1}>{t('navCall')}</h1>
      <p class="muted">{t('callIntro')}</p>
      <div style={{ maxWidth: '40rem' }}>
        <CallCheckPanel />
      </div>
    </>
  );
}
