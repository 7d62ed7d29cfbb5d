import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n';

// Small building blocks every screen uses: labelled fields with inline errors, notices, progress, confirm.

let nextId = 0;
/** A stable id per mounted field, so every label points at its control. */
export function useFieldId(prefix: string): string {
  const id = useRef<string | null>(null);
  if (id.current === null) id.current = `${prefix}-${++nextId}`;
  return id.current;
}

export interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  children: (id: string, describedBy: string | undefined) => ComponentChildren;
}

/** A label, the control, a hint and an inline error wired with aria-describedby / aria-invalid. */
export function Field({ label, error, hint, required, children }: FieldProps) {
  const id = useFieldId('f');
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {children(id, describedBy)}
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={`${id}-err`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type InputProps = {
  name?: string;
  min?: string;
  max?: string;
  placeholder?: string;
  autoComplete?: string;
  accept?: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  type?: string;
};

export function TextField({ label, value, onValue, error, hint, required, type = 'text', name, min, max, placeholder, autoComplete }: InputProps) {
  return (
    <Field label={label} error={error} hint={hint} required={required}>
      {(id, describedBy) => (
        <input
          id={id}
          name={name}
          min={min}
          max={max}
          placeholder={placeholder}
          autoComplete={autoComplete}
          type={type as 'text'}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          aria-required={required ? true : undefined}
          onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)}
        />
      )}
    </Field>
  );
}

export function TextArea({
  label,
  value,
  onValue,
  error,
  hint,
  required,
  rows = 4,
}: {
  label: string;
  value: string;
  onValue: (v: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  rows?: number;
}) {
  return (
    <Field label={label} error={error} hint={hint} required={required}>
      {(id, describedBy) => (
        <textarea
          id={id}
          rows={rows}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          aria-required={required ? true : undefined}
          onInput={(e) => onValue((e.currentTarget as HTMLTextAreaElement).value)}
        />
      )}
    </Field>
  );
}

export function SelectField<V extends string>({
  label,
  value,
  onValue,
  options,
  error,
  hint,
  required,
}: {
  label: string;
  value: V;
  onValue: (v: V) => void;
  options: ReadonlyArray<{ value: V; label: string }>;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
}) {
  return (
    <Field label={label} error={error} hint={hint} required={required}>
      {(id, describedBy) => (
        <select
          id={id}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onValue((e.currentTarget as HTMLSelectElement).value as V)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function Checkbox({ label, checked, onChecked, hint }: { label: string; checked: boolean; onChecked: (v: boolean) => void; hint?: string }) {
  const id = useFieldId('c');
  return (
    <div class="checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChecked((e.currentTarget as HTMLInputElement).checked)} />
      <label for={id}>{label}</label>
      {hint ? <p class="hint">{hint}</p> : null}
    </div>
  );
}

export function Notice({ kind, children }: { kind: 'error' | 'info' | 'success' | 'warn'; children: ComponentChildren }) {
  return (
    <div class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** A progress bar that screen readers announce; `value` null means "working, size unknown". */
export function Progress({ label, value, max }: { label: string; value: number | null; max: number }) {
  const pct = value === null || max <= 0 ? null : Math.round((Math.min(value, max) / max) * 100);
  return (
    <div class="progress-wrap">
      <span class="progress-label">
        {label}
        {pct === null ? '' : ` — ${pct}%`}
      </span>
      <progress aria-label={label} value={value ?? undefined} max={max} />
    </div>
  );
}

/** A modal confirmation; focus starts on Cancel so that Enter never erases by accident. */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  danger,
  onConfirm,
  onCancel,
}: {
  title: string;
  body: ComponentChildren;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const cancelRef = useRef<HTMLButtonElement>(null);
  // Before the dialog paints: with a passive effect, focus stayed on the button that opened it for a frame,
  // and a quick second Enter went there.
  useLayoutEffect(() => cancelRef.current?.focus(), []);
  return (
    <div class="modal-backdrop">
      <div
        class="modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
        }}
      >
        <h2 id="confirm-title">{title}</h2>
        <div class="modal-body">{body}</div>
        <div class="actions">
          <button type="button" ref={cancelRef} onClick={onCancel}>
            {t('actionCancel')}
          </button>
          <button type="button" class={danger ? 'danger' : 'primary'} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}

export function DecisionBadge({ decision }: { decision: 'block' | 'warn' | 'allow' }) {
  const { t } = useI18n();
  const text = { block: t('decisionBlock'), warn: t('decisionWarn'), allow: t('decisionAllow') }[decision];
  return <span class={`badge badge-${decision}`}>{text}</span>;
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="loading" role="status">
      {t('loading')}
    </p>
  );
}
