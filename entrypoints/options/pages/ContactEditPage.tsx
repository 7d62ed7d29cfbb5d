import { useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { ContactForm, emptyContact, toContactInput, valuesOf } from '@/components/contacts/ContactForm';
import { Loading, Notice } from '@/components/ui/basics';
import { ask, RequestFailed } from '../app/api';
import { today, useLoad } from '../app/hooks';
import { href } from '../app/routes';
import { basisDefaultsOf, newBasisId, productSuggestionsOf, saveEvidenceWithBasis } from '../app/basis';

export function ContactEditPage({ id, prefill }: { id?: string; prefill?: { name?: string; email?: string; linkedin?: string } }) {
  const { t } = useI18n();
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<{ message: string; where?: string | undefined } | undefined>();
  // Set when the ledger refused the person as erased; the next save confirms with the basis the form then requires.
  const [erasedAt, setErasedAt] = useState<string | undefined>();
  const loaded = useLoad(async () => {
    const [assessments, page, settings] = await Promise.all([
      ask({ type: 'assessments/list' }),
      id ? ask({ type: 'contacts/get', id }) : Promise.resolve(null),
      ask({ type: 'settings/get' }).then((r) => r.settings),
    ]);
    return { assessments: assessments.items, page, settings };
  }, [id]);

  if (loaded.error) return <Notice kind="error">{loaded.error}</Notice>;
  if (!loaded.data) return <Loading />;
  const { assessments, page, settings } = loaded.data;

  return (
    <>
      <h1 tabIndex={-1}>{id ? t('contactEditTitle', page?.contact.name ?? '') : t('contactsAdd')}</h1>
      <ContactForm
        key={id ?? 'new'}
        initial={
          page
            ? valuesOf(page.contact)
            : { ...emptyContact, name: prefill?.name ?? '', emails: prefill?.email ?? '', linkedin: prefill?.linkedin ?? '' }
        }
        isNew={!id}
        today={today()}
        assessments={assessments}
        basisDefaults={basisDefaultsOf(settings)}
        products={productSuggestionsOf(settings)}
        serverError={serverError}
        erasedAt={erasedAt}
        saving={saving}
        onCancel={() => (location.hash = id ? href('contacts', id) : href('contacts'))}
        onSave={async (values, basis) => {
          setSaving(true);
          setServerError(undefined);
          try {
            const input = toContactInput(values, basis, id);
            // The basis gets its id here, so the evidence typed in with it can be linked to it (EV-01).
            const basisId = input.basis ? newBasisId() : undefined;
            if (input.basis && basisId) input.basis = { ...input.basis, id: basisId };
            if (erasedAt && input.basis) input.confirmErased = true;
            const saved = await ask({ type: 'contacts/save', contact: input });
            const contactId = saved.mergedInto ?? saved.id;
            const evidenceError = basisId ? await saveEvidenceWithBasis(contactId, basisId, basis, today()) : undefined;
            if (evidenceError) sessionStorage.setItem('og-flash-error', t('evidenceSavedPartly', evidenceError));
            location.hash = href('contacts', contactId);
          } catch (e) {
            if (e instanceof RequestFailed && e.code === 'erased-identity' && e.erasedAt) {
              setErasedAt(e.erasedAt);
              requestAnimationFrame(() => document.querySelector<HTMLElement>('.contact-form .notice-warn')?.scrollIntoView?.({ block: 'center' }));
              return;
            }
            setServerError(e instanceof RequestFailed ? { message: e.message, where: e.where } : { message: String(e) });
          } finally {
            setSaving(false);
          }
        }}
      />
    </>
  );
}
