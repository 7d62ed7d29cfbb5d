import { useEffect, useRef, useState } from 'preact/hooks';
import type { GuardVerdict, RecipientVerdict } from '../../lib/messaging/guard';
import type { Finding, FixKind } from '../../lib/rules/verdict';
import { strings, type Lang } from './strings';

// The hold dialog (issue #4 "The hold"): props in, callbacks out. Mounted by lib/guard/hold-ui.ts inside
// a shadow root. Everything from the page (names, addresses) is rendered as text, never as markup.

export type HoldView =
  | { kind: 'checking' }
  | { kind: 'verdict'; verdict: GuardVerdict }
  | { kind: 'failed'; message: string };

export type HoldAction =
  | { kind: 'cancel' }
  | { kind: 'insert-disclosure' }
  | { kind: 'record-basis' }
  | { kind: 'do-not-contact' }
  | { kind: 'send-anyway'; reason: string }
  | { kind: 'remove-recipient'; key: string }
  | { kind: 'recheck' }
  | { kind: 'send' };

export interface HoldDialogProps {
  lang: Lang;
  view: HoldView;
  /** the composer can remove a recipient (webmail) */
  canRemoveRecipient: boolean;
  /** an action is running; buttons are disabled */
  busy?: boolean;
  error?: string;
  hint?: string;
  /** false: no "send anyway" (a send the guard cannot re-issue or record, e.g. its composer is unknown) */
  canOverride?: boolean;
  onAction(action: HoldAction): void;
}

/** What the dialog shows as its decision: a failed check holds like a block. */
export function decisionOfView(view: HoldView): 'block' | 'warn' | 'allow' | null {
  if (view.kind === 'failed') return 'block';
  if (view.kind === 'checking') return null;
  return view.verdict.decision;
}

function fixKindsOf(verdict: GuardVerdict): Set<FixKind> {
  const kinds = new Set<FixKind>();
  const all = [...verdict.findings, ...verdict.recipients.flatMap((r) => r.findings)];
  for (const finding of all) for (const fix of finding.fixes) kinds.add(fix.kind);
  return kinds;
}

function FindingItem({ finding, lang }: { finding: Finding; lang: Lang }) {
  return (
    <li class={`finding finding--${finding.severity}`} data-code={finding.code}>
      <strong>{finding.title[lang]}</strong>
      <p>{finding.explanation[lang]}</p>
      {finding.citations.length > 0 && <p class="cite">{finding.citations.join(' · ')}</p>}
      {finding.fixes.some((f) => !actionable.has(f.kind)) && (
        <p class="hint">{finding.fixes.filter((f) => !actionable.has(f.kind)).map((f) => f.label[lang]).join(' · ')}</p>
      )}
    </li>
  );
}

const actionable = new Set<FixKind>(['insert-disclosure', 'record-basis', 'do-not-contact', 'remove-recipient']);

function RecipientBlock(props: { r: RecipientVerdict; lang: Lang; canRemove: boolean; busy: boolean; onAction: HoldDialogProps['onAction'] }) {
  const { r, lang } = props;
  const t = strings[lang];
  const offersRemove = props.canRemove && r.findings.some((f) => f.fixes.some((x) => x.kind === 'remove-recipient'));
  return (
    <section class={`recipient recipient--${r.decision}`} data-recipient={r.key}>
      <h3>
        {r.label}
        {!r.known && <span class="tag"> ({t.unknownContact})</span>}
      </h3>
      {r.weakMatch && <p class="hint">{t.weakMatch}</p>}
      <ul>
        {r.findings.map((f) => (
          <FindingItem key={f.code} finding={f} lang={lang} />
        ))}
      </ul>
      {offersRemove && (
        <button type="button" data-action="remove-recipient" data-recipient={r.key} disabled={props.busy} onClick={() => props.onAction({ kind: 'remove-recipient', key: r.key })}>
          {t.removeRecipient}
        </button>
      )}
    </section>
  );
}

export function HoldDialog(props: HoldDialogProps) {
  const { lang, view, busy = false } = props;
  const t = strings[lang];
  const dialog = useRef<HTMLDivElement>(null);
  const [askingReason, setAskingReason] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);

  const verdict = view.kind === 'verdict' ? view.verdict : null;
  const kinds = verdict ? fixKindsOf(verdict) : new Set<FixKind>();
  const clear = verdict?.decision === 'allow';
  const canOverride = props.canOverride !== false;
  const overridesAllowed = canOverride && (view.kind === 'failed' || (verdict !== null && !clear && verdict.overridesAllowed));
  // Without a verdict nobody knows the policy: a reason is always asked for.
  const needsReason = view.kind === 'failed' || (verdict?.overrideNeedsReason ?? true);

  useEffect(() => {
    // Keyboard users land in the dialog, on the least harmful control (Enter then cancels, never sends).
    const target = askingReason ? dialog.current?.querySelector<HTMLElement>('textarea') : dialog.current?.querySelector<HTMLElement>('[data-action="cancel"]');
    // Marked so its focus ring shows even after a mouse click on Send: the rep sees where Enter goes.
    target?.setAttribute('data-initial-focus', '');
    target?.focus();
  }, [view.kind, askingReason]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onAction({ kind: 'cancel' });
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    // Keep focus inside the dialog (role=alertdialog is modal).
    const focusable = Array.from(dialog.current.querySelectorAll<HTMLElement>('button:not([disabled]), textarea, [tabindex="0"]'));
    if (focusable.length === 0) return;
    const root = dialog.current.getRootNode() as Document | ShadowRoot;
    const active = root.activeElement as HTMLElement | null;
    const index = active ? focusable.indexOf(active) : -1;
    const next = event.shiftKey ? (index <= 0 ? focusable.length - 1 : index - 1) : index === focusable.length - 1 ? 0 : index + 1;
    event.preventDefault();
    focusable[next]?.focus();
  };

  const sendAnyway = () => {
    if (!needsReason) return props.onAction({ kind: 'send-anyway', reason: '' });
    if (!askingReason) return setAskingReason(true);
    if (reason.trim().length < 3) return setReasonError(true);
    props.onAction({ kind: 'send-anyway', reason: reason.trim() });
  };

  const title =
    view.kind === 'checking' ? t.titleChecking : view.kind === 'failed' ? t.titleFailed : clear ? t.titleClear : verdict?.decision === 'block' ? t.titleBlock : t.titleWarn;

  return (
    <div
      class="backdrop"
      // A click beside the dialog must not move focus out of it (the page behind is not usable now).
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) e.preventDefault();
      }}
    >
      <div
        ref={dialog}
        class="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="og-hold-title"
        aria-describedby="og-hold-body"
        aria-busy={busy || view.kind === 'checking'}
        onKeyDown={onKeyDown}
      >
        <h2 id="og-hold-title">{title}</h2>
        <div id="og-hold-body" class="body">
          {view.kind === 'failed' && (
            <p>
              {canOverride ? t.failedBody : t.failedBodyNotSent} <span class="detail">({view.message})</span>
            </p>
          )}
          {clear && <p>{t.clearBody}</p>}
          {verdict && !clear && (
            <>
              {verdict.recipients
                .filter((r) => r.decision !== 'allow' || r.findings.length > 0)
                .map((r) => (
                  <RecipientBlock key={r.key} r={r} lang={lang} canRemove={props.canRemoveRecipient} busy={busy} onAction={props.onAction} />
                ))}
              {verdict.findings.length > 0 && (
                <section class="message-findings">
                  <h3>{t.aboutMessage}</h3>
                  <ul>
                    {verdict.findings.map((f) => (
                      <FindingItem key={f.code} finding={f} lang={lang} />
                    ))}
                  </ul>
                </section>
              )}
            </>
          )}
          {props.hint && <p class="hint" role="status">{props.hint}</p>}
          {props.error && (
            <p class="error" role="alert">
              {t.actionFailed} {props.error}
            </p>
          )}
        </div>
        {askingReason && (
          <label class="reason">
            {t.reasonLabel}
            <textarea
              data-field="reason"
              value={reason}
              maxLength={2000}
              onInput={(e) => {
                setReason((e.currentTarget as HTMLTextAreaElement).value);
                setReasonError(false);
              }}
            />
            {reasonError && <span class="error">{t.reasonTooShort}</span>}
          </label>
        )}
        <div class="actions">
          {clear && (
            <button type="button" class="primary" data-action="send" disabled={busy} onClick={() => props.onAction({ kind: 'send' })}>
              {t.send}
            </button>
          )}
          {verdict && !clear && kinds.has('insert-disclosure') && verdict.disclosure && (
            <button type="button" class="primary" data-action="insert-disclosure" disabled={busy} onClick={() => props.onAction({ kind: 'insert-disclosure' })}>
              {t.insertDisclosure}
            </button>
          )}
          {verdict && !clear && kinds.has('record-basis') && (
            <button type="button" data-action="record-basis" disabled={busy} onClick={() => props.onAction({ kind: 'record-basis' })}>
              {t.recordBasis}
            </button>
          )}
          {verdict && !clear && kinds.has('do-not-contact') && (
            <button type="button" data-action="do-not-contact" disabled={busy} onClick={() => props.onAction({ kind: 'do-not-contact' })}>
              {t.doNotContact}
            </button>
          )}
          {verdict && !clear && (kinds.has('record-basis') || props.hint) && (
            <button type="button" data-action="recheck" disabled={busy} onClick={() => props.onAction({ kind: 'recheck' })}>
              {t.recheck}
            </button>
          )}
          {overridesAllowed && !askingReason && (
            <button type="button" class="danger" data-action="send-anyway" disabled={busy} onClick={sendAnyway}>
              {t.sendAnyway}
            </button>
          )}
          {overridesAllowed && askingReason && (
            <button type="button" class="danger" data-action="confirm-send-anyway" disabled={busy} onClick={sendAnyway}>
              {t.confirmSendAnyway}
            </button>
          )}
          <button type="button" data-action="cancel" onClick={() => props.onAction({ kind: 'cancel' })}>
            {t.cancel}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Styles for the dialog's shadow root (the page's CSS cannot reach in, ours cannot leak out). */
export const holdDialogCss = `
:host { all: initial; }
.backdrop { position: fixed; inset: 0; z-index: 2147483647; background: rgba(0,0,0,.35); display: flex; align-items: center; justify-content: center; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; }
.dialog { background: #fff; border-radius: 10px; box-shadow: 0 10px 40px rgba(0,0,0,.3); max-width: 560px; width: calc(100vw - 32px); max-height: calc(100vh - 48px); display: flex; flex-direction: column; }
h2 { margin: 0; padding: 16px 20px 8px; font-size: 18px; }
h3 { margin: 8px 0 4px; font-size: 15px; }
.body { padding: 0 20px; overflow: auto; }
ul { margin: 0; padding-left: 18px; }
.finding { margin: 6px 0; }
.finding p { margin: 2px 0; }
.finding--block strong { color: #cf222e; }
.finding--warn strong { color: #9a6700; }
.cite { color: #59636e; font-size: 12px; }
.hint, .tag, .detail { color: #59636e; }
.error { color: #cf222e; }
.reason { display: block; padding: 8px 20px 0; }
.reason textarea { display: block; width: 100%; box-sizing: border-box; min-height: 60px; margin-top: 4px; font: inherit; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; padding: 12px 20px 16px; justify-content: flex-end; border-top: 1px solid #d1d9e0; }
button { font: inherit; padding: 6px 12px; border-radius: 6px; border: 1px solid #d1d9e0; background: #f6f8fa; cursor: pointer; }
button.primary { background: #1f883d; color: #fff; border-color: #1a7f37; }
button.danger { color: #cf222e; }
button:focus-visible, [data-initial-focus]:focus { outline: 2px solid #0969da; outline-offset: 2px; }
button[disabled] { opacity: .6; cursor: default; }
.recipient { border-top: 1px solid #d1d9e0; padding: 6px 0; }
`;
