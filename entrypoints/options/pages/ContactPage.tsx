import { useState } from 'preact/hooks';
import { formatDate, formatDateTime, useI18n, type Translate } from '@/components/i18n';
import { FileForm, NoteForm } from '@/components/contacts/EvidenceForms';
import { BasisFields, consentChannelChoices, prefilledBasis, toBasisInput, validateBasis, type BasisValues } from '@/components/contacts/BasisFields';
import { sourceKinds } from '@/components/contacts/ContactsList';
import { collect, dateCheck, hasErrors, isoDay, required, type Errors } from '@/components/forms/validate';
import { ConfirmDialog, Loading, Notice, SelectField, TextField } from '@/components/ui/basics';
import type { BasisRecord } from '@/lib/model/basis';
import { ask, base64ToBlob, fileToBase64, ledgerChanged } from '../app/api';
import { today, useAction, useLoad } from '../app/hooks';
import { href } from '../app/routes';
import { basisDefaultsOf, newBasisId, productSuggestionsOf, saveEvidenceWithBasis } from '../app/basis';

/** Short facts of a basis record for the list ("consent — Jan, 2026-03-01, web form, e-mail"), in words. */
function basisFacts(b: BasisRecord, titles: ReadonlyMap<string, string>, t: Translate): string {
  switch (b.type) {
    case 'consent': {
      const channel = (c: string) => t((consentChannelChoices as readonly string[]).includes(c) ? `consentChannel_${c}` : `channel_${c}`);
      const withdrawn = b.withdrawnAt ? t('basisWithdrawnOn', b.withdrawnAt.slice(0, 10)) : '';
      return [b.who, b.when.slice(0, 10), t(`consentHow_${b.how}`), b.what.entity, b.what.channels.map(channel).join('/'), withdrawn].filter(Boolean).join(' · ');
    }
    case 'customer':
      return [b.entity, b.product, b.saleDate.slice(0, 10), b.endDate ? `→ ${b.endDate.slice(0, 10)}` : ''].filter(Boolean).join(' · ');
    case 'legitimate_interest':
      return `${titles.get(b.assessmentId) ?? b.assessmentId}${b.assessmentVersion ? ` v${b.assessmentVersion}` : ''}`;
    case 'contract_request':
      return [b.ref, b.date?.slice(0, 10), b.note].filter(Boolean).join(' · ');
    case 'inbound_request':
      return [b.subject, b.date?.slice(0, 10), b.note].filter(Boolean).join(' · ');
    case 'met_in_person':
      return [b.date?.slice(0, 10), b.event, b.agreed, b.note].filter(Boolean).join(' · ');
    case 'introduced':
      return [b.threadRef, b.date?.slice(0, 10), b.note].filter(Boolean).join(' · ');
    default:
      return b.note ?? '';
  }
}

export function ContactPage({ id, addBasis }: { id: string; addBasis?: true | undefined }) {
  const { t, lang } = useI18n();
  const { data, error, reload } = useLoad(async () => {
    const [page, assessments, settings] = await Promise.all([
      ask({ type: 'contacts/get', id }),
      ask({ type: 'assessments/list' }),
      // Only to pre-fill the basis form: a page that cannot read Settings still shows the contact.
      ask({ type: 'settings/get' }).then((r) => r.settings, () => undefined),
    ]);
    return { page, assessments: assessments.items, settings };
  }, [id]);
  const action = useAction();
  const [status, setStatus] = useState<string | undefined>();
  // Evidence that could not be stored right after a new contact's basis (see ContactEditPage).
  const [flashError, setFlashError] = useState<string | null>(() => {
    const m = sessionStorage.getItem('og-flash-error');
    sessionStorage.removeItem('og-flash-error');
    return m;
  });
  const [basis, setBasis] = useState<BasisValues | undefined>();
  const [basisErrors, setBasisErrors] = useState<Errors<keyof BasisValues>>({});
  const [prov, setProv] = useState({ source: '', obtainedAt: '', detail: '' });
  const [provErrors, setProvErrors] = useState<Errors<'source' | 'obtainedAt'>>({});
  const [deleting, setDeleting] = useState<BasisRecord | null>(null);

  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <Loading />;
  const { page, assessments, settings } = data;
  const c = page.contact;
  const now = today();
  const titles = new Map(assessments.map((a) => [a.id, a.title]));
  const freshBasis = () => prefilledBasis({ ...basisDefaultsOf(settings), personName: c.name, today: now, assessments }, 'consent');
  const basisValues = basis ?? freshBasis();
  // Evidence proves a basis: offer the contact's bases, newest first, the newest consent pre-chosen (EV-01).
  const basisOptions = [...page.bases]
    .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))
    .map((b) => ({ value: b.id, label: `${t(`basis_${b.type}`)} — ${basisFacts(b, titles, t) || formatDate(lang, b.recordedAt)}` }));
  const defaultProves = [...page.bases].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt)).find((b) => b.type === 'consent')?.id ?? page.bases[0]?.id ?? '';
  const basisLabel = new Map(basisOptions.map((o) => [o.value, o.label]));

  async function done<T>(work: () => Promise<T>, message: string): Promise<boolean> {
    setStatus(undefined);
    const result = await action.run(work);
    if (result === undefined) return false;
    setStatus(message);
    await reload();
    ledgerChanged();
    return true;
  }

  async function openEvidence(evidenceId: string) {
    const file = await action.run(() => ask({ type: 'evidence/get-file', id: evidenceId }));
    if (!file) return;
    const url = URL.createObjectURL(base64ToBlob(file.base64, file.mime));
    window.open(url, '_blank', 'noopener');
    setTimeout(() => URL.revokeObjectURL(url), 120_000);
  }

  const objections = page.events.filter((e) => e.kind === 'objection');
  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>{c.name}</h1>
        <div class="button-row no-print">
          <a class="button" href={href('contacts', id, 'edit')}>
            {t('actionEdit')}
          </a>
          <a class="button" href={href('rights', id)}>
            {t('rightsTitle')}
          </a>
        </div>
      </div>
      <p>
        {page.summary.basisTypes.length === 0 ? <span class="tag tag-warn">{t('basisNoProvable')}</span> : null}
        {page.summary.objection ? <span class="tag tag-block">{t('tagObjected')}</span> : null}
        {page.summary.art14Passed ? <span class="tag tag-warn">{t('tagArt14Passed')}</span> : null}
        {page.summary.firstContactPending ? <span class="tag">{t('tagFirstContactPending')}</span> : null}
      </p>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      {flashError ? <Notice kind="error">{flashError}</Notice> : null}
      {status ? <Notice kind="success">{status}</Notice> : null}

      <section class="section" aria-labelledby="h-identities">
        <h2 id="h-identities">{t('contactIdentities')}</h2>
        <dl class="dl">
          <dt>{t('contactEmails')}</dt>
          <dd>{c.emails.join(', ') || '—'}</dd>
          <dt>{t('contactPhones')}</dt>
          <dd>{c.phones.join(', ') || '—'}</dd>
          <dt>{t('contactLinkedIn')}</dt>
          <dd>{[...c.linkedin.vanities, ...c.linkedin.memberIds, ...c.linkedin.leadIds].join(', ') || '—'}</dd>
          <dt>{t('contactCompany')}</dt>
          <dd>{[c.company?.name, c.company?.legalForm, c.company?.domain, c.company?.kvk ? `KvK ${c.company.kvk}` : ''].filter(Boolean).join(' · ') || '—'}</dd>
          <dt>{t('recipientKind')}</dt>
          <dd>{t(`recipientKind_${c.recipientKind}`)}</dd>
          <dt>{t('contactArt14Sent')}</dt>
          <dd>{formatDate(lang, c.art14SentAt ?? c.art13SentAt)}</dd>
          <dt>{t('contactFirstContact')}</dt>
          <dd>{formatDate(lang, c.firstContactAt)}</dd>
        </dl>
      </section>

      <section class="section" aria-labelledby="h-bases">
        <h2 id="h-bases">{t('contactBases')}</h2>
        {page.bases.length === 0 ? <p class="muted">{t('contactNoBases')}</p> : null}
        <ul>
          {page.bases.map((b) => (
            <li key={b.id}>
              <strong>{t(`basis_${b.type}`)}</strong> — {basisFacts(b, titles, t)} <span class="muted">({formatDate(lang, b.recordedAt)}, {b.recordedBy})</span>{' '}
              {/* Deleting a basis removes the proof (of consent, say) in one step: ask first, naming what goes. */}
              <button type="button" class="link" aria-label={t('basisDeleteLabel', t(`basis_${b.type}`))} onClick={() => setDeleting(b)}>
                {t('actionDelete')}
              </button>
            </li>
          ))}
        </ul>
        {deleting ? (
          <ConfirmDialog
            title={t('basisDeleteTitle')}
            body={<p>{t('basisDeleteBody', t(`basis_${deleting.type}`), basisFacts(deleting, titles, t) || '—')}</p>}
            confirmLabel={t('basisDeleteConfirm')}
            danger
            onCancel={() => setDeleting(null)}
            onConfirm={() => {
              const basisId = deleting.id;
              setDeleting(null);
              void done(() => ask({ type: 'bases/delete', id: basisId }), t('basisDeleted'));
            }}
          />
        ) : null}
        <details class="adder" open={addBasis} ref={(el) => (addBasis ? el?.scrollIntoView?.({ block: 'start' }) : undefined)}>
        <summary>{t('basisAdd')}</summary>
        <form
          class="subform"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const found = validateBasis(basisValues, now);
            setBasisErrors(found);
            const input = toBasisInput(basisValues);
            if (hasErrors(found) || !input) return;
            setFlashError(null);
            const basisId = newBasisId();
            void done(async () => {
              await ask({ type: 'bases/save', contactId: id, basis: { ...input, id: basisId } });
              // The evidence typed in with the basis is stored linked to it; a failure is said, not hidden.
              const evidenceError = await saveEvidenceWithBasis(id, basisId, basisValues, now);
              if (evidenceError) setFlashError(t('evidenceSavedPartly', evidenceError));
              return true;
            }, t('basisSaved')).then((ok) => ok && setBasis(undefined));
          }}
        >
          <BasisFields values={basisValues} onChange={setBasis} errors={basisErrors} assessments={assessments} products={productSuggestionsOf(settings)} />
          <button type="submit" disabled={action.busy}>
            {t('basisAdd')}
          </button>
        </form>
        </details>
      </section>

      <section class="section" aria-labelledby="h-evidence">
        <h2 id="h-evidence">{t('contactEvidence')}</h2>
        {page.evidence.length === 0 ? <p class="muted">{t('contactNoEvidence')}</p> : null}
        <ul>
          {page.evidence.map((ev) => (
            <li key={ev.id}>
              {formatDate(lang, ev.date)} — <strong>{ev.title || ev.fileName || t('evidenceNote')}</strong>{' '}
              {ev.basisId && basisLabel.has(ev.basisId) ? <span class="tag">{`${t('evidenceForBasis')}: ${basisLabel.get(ev.basisId)}`}</span> : null}{' '}
              {ev.kind === 'note' ? <span class="pre">{ev.text}</span> : null}
              {ev.kind === 'file' ? (
                <>
                  <button type="button" class="link" onClick={() => void openEvidence(ev.id)}>
                    {t('evidenceOpen', ev.fileName ?? '')}
                  </button>{' '}
                  <span class="muted">
                    SHA-256 <code>{ev.sha256}</code>
                  </span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        <div class="row-2">
          {/* keyed by the default, so a basis added meanwhile is pre-chosen */}
          <NoteForm
            key={`note-${defaultProves}`}
            today={now}
            busy={action.busy}
            bases={basisOptions}
            defaultBasisId={defaultProves}
            onSave={(n) =>
              done(
                () => ask({ type: 'evidence/add-note', contactId: id, ...(n.basisId ? { basisId: n.basisId } : {}), date: n.date, title: n.title, text: n.text }),
                t('evidenceSaved'),
              )
            }
          />
          <FileForm
            key={`file-${defaultProves}`}
            today={now}
            busy={action.busy}
            bases={basisOptions}
            defaultBasisId={defaultProves}
            onSave={(f) =>
              done(
                async () =>
                  ask({
                    type: 'evidence/add-file',
                    contactId: id,
                    ...(f.basisId ? { basisId: f.basisId } : {}),
                    date: f.date,
                    title: f.title,
                    fileName: f.file.name,
                    mime: f.file.type || 'application/octet-stream',
                    base64: await fileToBase64(f.file),
                  }),
                t('evidenceSaved'),
              )
            }
          />
        </div>
      </section>

      <section class="section" aria-labelledby="h-provenance">
        <h2 id="h-provenance">{t('contactProvenance')}</h2>
        <ul>
          {page.provenance.map((p) => (
            <li key={p.id}>
              <strong>{t(`source_${p.source}`)}</strong> — {formatDate(lang, p.obtainedAt)}
              {p.detail ? ` · ${p.detail}` : ''}
              {p.url ? ` · ${p.url}` : ''}
            </li>
          ))}
        </ul>
        <details class="adder">
        <summary>{t('provenanceAdd')}</summary>
        <form
          class="subform"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const found = collect({ source: [required(prov.source)], obtainedAt: [required(prov.obtainedAt), dateCheck(prov.obtainedAt, now)] });
            setProvErrors(found);
            if (hasErrors(found)) return;
            void done(
              () =>
                ask({
                  type: 'provenance/add',
                  contactId: id,
                  provenance: { source: prov.source as never, obtainedAt: prov.obtainedAt, ...(prov.detail.trim() ? { detail: prov.detail.trim() } : {}) },
                }),
              t('provenanceSaved'),
            ).then((ok) => ok && setProv({ source: '', obtainedAt: '', detail: '' }));
          }}
        >
          <div class="row-3">
            <SelectField<string>
              label={t('provenanceSource')}
              value={prov.source}
              onValue={(source) => setProv({ ...prov, source })}
              error={provErrors.source && t(provErrors.source)}
              required
              options={[{ value: '', label: t('pickOne') }, ...sourceKinds.map((s) => ({ value: s, label: t(`source_${s}`) }))]}
            />
            <TextField
              label={t('provenanceObtainedAt')}
              type="date"
              max={isoDay(now)}
              value={prov.obtainedAt}
              onValue={(obtainedAt) => setProv({ ...prov, obtainedAt })}
              error={provErrors.obtainedAt && t(provErrors.obtainedAt)}
              required
            />
            <TextField label={t('provenanceDetail')} value={prov.detail} onValue={(detail) => setProv({ ...prov, detail })} />
          </div>
          <button type="submit" disabled={action.busy}>
            {t('provenanceAdd')}
          </button>
        </form>
        </details>
      </section>

      <section class="section" aria-labelledby="h-history">
        <h2 id="h-history">{t('contactHistory')}</h2>
        {page.events.length === 0 ? (
          <p class="muted">{t('contactNoHistory')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('colDate')}</th>
                  <th scope="col">{t('colKind')}</th>
                  <th scope="col">{t('channel')}</th>
                  <th scope="col">{t('colDetail')}</th>
                </tr>
              </thead>
              <tbody>
                {page.events.map((ev) => (
                  <tr key={ev.id}>
                    <td>{formatDateTime(lang, ev.at)}</td>
                    <td>{t(`event_${ev.kind}`)}</td>
                    <td>{ev.channel ? t(`channel_${ev.channel}`) : '—'}</td>
                    <td>
                      {[
                        ev.outcome,
                        ev.disclosureIncluded === undefined ? '' : ev.disclosureIncluded ? t('eventDisclosureYes') : t('eventDisclosureNo'),
                        ev.reason,
                        ev.note,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section class="section" aria-labelledby="h-objections">
        <h2 id="h-objections">{t('contactObjections')}</h2>
        {objections.length === 0 && page.suppressions.length === 0 ? <p class="muted">{t('contactNoObjections')}</p> : null}
        <ul>
          {objections.map((o) => (
            <li key={o.id}>
              {formatDateTime(lang, o.at)} — {o.reason || o.note || t('event_objection')}
            </li>
          ))}
          {page.suppressions.map((s) => (
            <li key={s.id}>
              {t('dncEntry')}: {s.label ?? s.keyKind} · {t(`scope_${s.scope}`)} · {s.reason || '—'} <span class="muted">({formatDate(lang, s.recordedAt)})</span>
            </li>
          ))}
        </ul>
      </section>

      {page.assessments.length > 0 ? (
        <section class="section" aria-labelledby="h-lia">
          <h2 id="h-lia">{t('navAssessments')}</h2>
          <ul>
            {page.assessments.map((a) => (
              <li key={`${a.id}-${a.version}`}>
                <a href={href('assessments', a.id)}>
                  {a.title} — {t('liaVersion', a.version)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
