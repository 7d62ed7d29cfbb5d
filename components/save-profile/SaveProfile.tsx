import { useEffect, useRef, useState } from 'preact/hooks';
import { saveStrings, type SaveLang } from './strings';

// "Save to my list" next to a LinkedIn profile's top card (issue #4). Props in, callbacks out: the caller
// talks to the background. Everything from the page is rendered as text (Preact escapes it).

export type BasisKind = 'legitimate_interest' | 'consent' | 'customer' | 'contract_request';

export interface SaveProfileBasis {
  kind: BasisKind;
  assessmentId?: string;
  note: string;
}

export interface SaveProfileStatus {
  saved: boolean;
  assessments: { id: string; title: string }[];
}

export interface SaveProfileProps {
  lang: SaveLang;
  person: { name: string; headline?: string; company?: string; restrictedVisibility: boolean } | null;
  /** why the page could not be read (person is null then) */
  problem?: string;
  loadStatus: () => Promise<SaveProfileStatus>;
  onSave: (basis: SaveProfileBasis) => Promise<void>;
}

const kinds: BasisKind[] = ['legitimate_interest', 'consent', 'customer', 'contract_request'];

const css = `
:host { all: initial; }
.og { font: 14px/1.4 system-ui, sans-serif; color: #1d2226; background: #fff; border: 1px solid #c7d1db; border-radius: 8px; padding: 8px 12px; margin: 8px 0; max-width: 560px; }
.og button { font: inherit; border-radius: 16px; padding: 4px 12px; border: 1px solid #0a66c2; background: #fff; color: #0a66c2; cursor: pointer; }
.og button.primary { background: #0a66c2; color: #fff; }
.og button:disabled { opacity: .5; cursor: default; }
.og button:focus-visible, .og input:focus-visible, .og select:focus-visible, .og textarea:focus-visible { outline: 2px solid #0a66c2; outline-offset: 2px; }
.og fieldset { border: 0; padding: 0; margin: 8px 0; }
.og label { display: block; margin: 2px 0; }
.og textarea { width: 100%; min-height: 48px; box-sizing: border-box; }
.og .who { font-weight: 600; }
.og .muted { color: #56687a; font-size: 12px; }
.og .warn { color: #8f5849; }
.og .row { display: flex; gap: 8px; margin-top: 8px; }
`;

type Phase = 'loading' | 'idle' | 'open' | 'saving' | 'saved' | 'already' | 'status-error';

export function SaveProfile({ lang, person, problem, loadStatus, onSave }: SaveProfileProps) {
  const s = saveStrings[lang];
  const [phase, setPhase] = useState<Phase>('loading');
  const [status, setStatus] = useState<SaveProfileStatus | null>(null);
  const [message, setMessage] = useState('');
  const [kind, setKind] = useState<BasisKind | null>(null);
  const [assessmentId, setAssessmentId] = useState('');
  const [note, setNote] = useState('');
  const firstField = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!person || person.restrictedVisibility) return;
    let live = true;
    loadStatus().then(
      (st) => {
        if (!live) return;
        setStatus(st);
        setPhase(st.saved ? 'already' : 'idle');
      },
      (error: unknown) => {
        if (!live) return;
        setMessage(s.statusFailed + (error instanceof Error ? error.message : String(error)));
        setPhase('status-error');
      },
    );
    return () => {
      live = false;
    };
  }, [person]);

  useEffect(() => {
    if (phase === 'open') firstField.current?.focus();
  }, [phase]);

  const header = (
    <div>
      <span class="who" data-field="name">{person?.name ? person.name : s.noName}</span>
      {person?.headline ? <div class="muted" data-field="headline">{person.headline}</div> : null}
    </div>
  );

  if (!person) {
    return (
      <div class="og" role="status"><style>{css}</style>{s.unavailable}{problem ?? ''}</div>
    );
  }
  if (person.restrictedVisibility) {
    return (
      <div class="og" data-state="restricted"><style>{css}</style>{header}<p class="warn" role="status">{s.restricted}</p></div>
    );
  }

  const close = () => {
    setPhase('idle');
    setKind(null);
    setAssessmentId('');
    setNote('');
    setMessage('');
    queueMicrotask(() => opener.current?.focus());
  };
  const assessments = status?.assessments ?? [];
  const ready = kind !== null && (kind !== 'legitimate_interest' || assessmentId !== '') && phase === 'open';

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!ready || !kind) return;
    setPhase('saving');
    setMessage('');
    try {
      await onSave({ kind, ...(kind === 'legitimate_interest' ? { assessmentId } : {}), note: note.trim() });
      setPhase('saved');
      setMessage(s.saved);
    } catch (error) {
      setPhase('open');
      setMessage(s.failed + (error instanceof Error ? error.message : String(error)));
    }
  };

  return (
    <div class="og" data-state={phase} onKeyDown={(e) => e.key === 'Escape' && (phase === 'open' || phase === 'saving') && (e.stopPropagation(), close())}>
      <style>{css}</style>
      {header}
      {phase === 'loading' ? <p class="muted" role="status">{s.loading}</p> : null}
      {phase === 'already' ? <p role="status">{s.alreadySaved}</p> : null}
      {phase === 'idle' || phase === 'status-error' ? (
        <div class="row">
          <button type="button" ref={opener} data-action="open-save" aria-expanded="false" onClick={() => { setMessage(''); setPhase('open'); }}>
            {s.open}
          </button>
        </div>
      ) : null}
      {phase === 'open' || phase === 'saving' ? (
        <form onSubmit={submit} aria-label={s.title}>
          <fieldset>
            <legend>{s.basisLegend}</legend>
            {kinds.map((k, i) => (
              <label key={k}>
                <input ref={i === 0 ? firstField : undefined} type="radio" name="og-basis" value={k} checked={kind === k} onChange={() => setKind(k)} data-basis={k} />{' '}
                {s[k]}
              </label>
            ))}
          </fieldset>
          {kind === 'legitimate_interest' ? (
            assessments.length ? (
              <label>
                {s.assessment}{' '}
                <select data-field="assessment" required value={assessmentId} onChange={(e) => setAssessmentId((e.currentTarget as HTMLSelectElement).value)}>
                  <option value="">{s.chooseAssessment}</option>
                  {assessments.map((a) => (
                    <option key={a.id} value={a.id}>{a.title}</option>
                  ))}
                </select>
              </label>
            ) : (
              <p class="warn" role="status" data-field="no-assessments">{s.noAssessments}</p>
            )
          ) : null}
          <label>
            {s.note}
            <textarea data-field="note" maxLength={5000} value={note} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
          </label>
          <p class="muted">{s.minimal}</p>
          <div class="row">
            <button type="submit" class="primary" data-action="save" disabled={!ready}>{phase === 'saving' ? s.saving : s.save}</button>
            <button type="button" data-action="cancel" onClick={close}>{s.cancel}</button>
          </div>
        </form>
      ) : null}
      {message ? <p role="status" aria-live="polite" data-field="message" class={phase === 'saved' ? '' : 'warn'}>{message}</p> : null}
    </div>
  );
}
