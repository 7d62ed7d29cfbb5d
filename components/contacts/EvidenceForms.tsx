import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { Field, SelectField, TextArea, TextField } from '../ui/basics';
import { collect, dateCheck, fileSizeCheck, formatBytes, hasErrors, isoDay, MAX_EVIDENCE_BYTES, required, type Errors } from '../forms/validate';

type BasisOption = { value: string; label: string };

/** Which basis the evidence proves: linked to it, a consent's record is complete (EV-01). */
function ProvesField({ bases, value, onValue }: { bases: readonly BasisOption[] | undefined; value: string; onValue: (v: string) => void }) {
  const { t } = useI18n();
  if (!bases?.length) return null;
  return <SelectField<string> label={t('evidenceForBasis')} value={value} onValue={onValue} options={[{ value: '', label: t('evidenceForBasisNone') }, ...bases]} />;
}

/** The basis id to hand on: only when the form offers a choice and one was made. */
const provesOf = (bases: readonly BasisOption[] | undefined, basisId: string) => (bases?.length && basisId ? { basisId } : {});

/** A dated note as evidence (e.g. "consent given by phone on 3 March, call with …"). */
export function NoteForm({
  today,
  onSave,
  busy,
  bases,
  defaultBasisId = '',
}: {
  today: Date;
  onSave: (n: { date: string; title: string; text: string; basisId?: string }) => Promise<boolean>;
  busy?: boolean;
  /** the contact's bases; when given, the rep picks the one this note proves */
  bases?: readonly BasisOption[];
  defaultBasisId?: string;
}) {
  const { t } = useI18n();
  const [basisId, setBasisId] = useState(defaultBasisId);
  const [date, setDate] = useState(isoDay(today));
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Errors<'date' | 'text'>>({});
  async function submit(e: Event) {
    e.preventDefault();
    const found = collect({ date: [required(date), dateCheck(date, today)], text: [required(text)] });
    setErrors(found);
    if (hasErrors(found)) return;
    if (await onSave({ date, title: title.trim(), text: text.trim(), ...provesOf(bases, basisId) })) {
      setTitle('');
      setText('');
    }
  }
  return (
    <form onSubmit={submit} noValidate class="subform" aria-label={t('evidenceAddNote')}>
      <h3>{t('evidenceAddNote')}</h3>
      <div class="row-2">
        <TextField label={t('evidenceDate')} type="date" max={isoDay(today)} value={date} onValue={setDate} error={errors.date && t(errors.date)} required name="note-date" />
        <TextField label={t('evidenceTitle')} value={title} onValue={setTitle} name="note-title" />
      </div>
      <TextArea label={t('evidenceNote')} value={text} onValue={setText} error={errors.text && t(errors.text)} required rows={3} />
      <ProvesField bases={bases} value={basisId} onValue={setBasisId} />
      <button type="submit" disabled={busy}>
        {t('evidenceAddNote')}
      </button>
    </form>
  );
}

/** A file as evidence (a call recording, a signed form). Too large a file is refused before it is read. */
export function FileForm({
  today,
  onSave,
  busy,
  maxBytes = MAX_EVIDENCE_BYTES,
  bases,
  defaultBasisId = '',
}: {
  today: Date;
  onSave: (f: { file: File; date: string; title: string; basisId?: string }) => Promise<boolean>;
  busy?: boolean;
  maxBytes?: number;
  bases?: readonly BasisOption[];
  defaultBasisId?: string;
}) {
  const { t } = useI18n();
  const [basisId, setBasisId] = useState(defaultBasisId);
  const [date, setDate] = useState(isoDay(today));
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Errors<'date' | 'file'>>({});
  const [formKey, setFormKey] = useState(0);

  function fileError(f: File | null): string | null {
    if (!f) return 'errPickFile';
    return fileSizeCheck(f.size, maxBytes);
  }
  function describe(code: string | undefined): string | undefined {
    if (!code) return undefined;
    return code === 'errFileTooLarge' && file ? t('errFileTooLarge', formatBytes(file.size), formatBytes(maxBytes)) : t(code);
  }
  async function submit(e: Event) {
    e.preventDefault();
    const found = collect({ date: [required(date), dateCheck(date, today)], file: [fileError(file)] });
    setErrors(found);
    if (hasErrors(found) || !file) return;
    if (await onSave({ file, date, title: title.trim(), ...provesOf(bases, basisId) })) {
      setFile(null);
      setTitle('');
      setFormKey((k) => k + 1);
    }
  }
  return (
    <form onSubmit={submit} noValidate class="subform" aria-label={t('evidenceAddFile')} key={formKey}>
      <h3>{t('evidenceAddFile')}</h3>
      <Field label={t('evidenceFile')} error={describe(errors.file)} hint={t('evidenceFileHint', formatBytes(maxBytes))} required>
        {(id, describedBy) => (
          <input
            id={id}
            type="file"
            name="evidence-file"
            aria-describedby={describedBy}
            aria-invalid={errors.file ? true : undefined}
            onChange={(e) => {
              const f = (e.currentTarget as HTMLInputElement).files?.[0] ?? null;
              setFile(f);
              // Say at once that a file is too large, before the user presses the button.
              setErrors((prev) => {
                const next = { ...prev };
                const code = f ? fileSizeCheck(f.size, maxBytes) : null;
                if (code) next.file = code;
                else delete next.file;
                return next;
              });
            }}
          />
        )}
      </Field>
      <div class="row-2">
        <TextField label={t('evidenceDate')} type="date" max={isoDay(today)} value={date} onValue={setDate} error={errors.date && t(errors.date)} required name="file-date" />
        <TextField label={t('evidenceTitle')} value={title} onValue={setTitle} name="file-title" />
      </div>
      <ProvesField bases={bases} value={basisId} onValue={setBasisId} />
      <button type="submit" disabled={busy}>
        {t('evidenceAddFile')}
      </button>
    </form>
  );
}
