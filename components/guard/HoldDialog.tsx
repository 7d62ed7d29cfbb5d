import { useEffect, useRef, useState } from 'preact/hooks';
import type { GuardVerdict } from '../../lib/messaging/guard';
import type { Finding } from '../../lib/rules/verdict';
import { citationText, plural, strings, type Channel, type Lang } from './strings';
import { setupNeededOf, summarize, type HoldSummary, type PrimaryAction, type RecipientLine } from './summary';
import { DoNotContactForm, type DncScope } from './DoNotContactForm';
import { ProductChoice } from '../hold/ProductChoice';
import { holdDialogCss } from './hold-css';
import { OVERRIDE_JUSTIFICATIONS, OVERRIDE_JUSTIFICATION_LABELS, type OverrideJustificationKind } from '../../lib/rules/policy';

// The hold dialog: props in, callbacks out, every prop serialisable (it may be rendered inside a frame of
// its own). It opens with one line per recipient that needs attention and the action that resolves it;
// the reasons and what was checked fold away. Everything from the page is rendered as text, never markup.

export { holdDialogCss };

export type HoldView =
  | { kind: 'checking' }
  | { kind: 'verdict'; verdict: GuardVerdict }
  | { kind: 'failed'; message: string };

export type HoldAction =
  | { kind: 'cancel' }
  | { kind: 'insert-disclosure' }
  /** the organisation is not set up: open the first-run setup instead of inserting a notice with gaps */
  | { kind: 'open-setup' }
  /** `key`: for this recipient only (all that need one, when absent) */
  | { kind: 'record-basis'; key?: string }
  | { kind: 'do-not-contact'; key?: string; scope?: DncScope; reason?: string }
  /** `reason`: the rep's own words; `justification`: picked from the policy's list (when the policy asks for one) */
  | { kind: 'send-anyway'; reason: string; justification?: OverrideJustificationKind }
  | { kind: 'remove-recipient'; key: string }
  | { kind: 'recheck' }
  /** the rep picked what the draft is about from the catalogue (an empty list: none of these); check again */
  | { kind: 'choose-products'; products: string[] }
  | { kind: 'send' };

export interface HoldDialogProps {
  /** the language until the verdict brings the rep's own setting */
  lang: Lang;
  view: HoldView;
  /** the composer can remove a recipient (webmail) */
  canRemoveRecipient: boolean;
  /** the draft's channel, for the rep's words ("per e-mail") */
  channel?: Channel;
  /** an action is running; buttons are disabled */
  busy?: boolean;
  error?: string;
  hint?: string;
  /** false: no "send anyway" (a send the guard cannot re-issue or record, e.g. its composer is unknown) */
  canOverride?: boolean;
  /** false: no Send for a clean draft either (the explanation opened from the marker; the rep sends in the composer) */
  canSend?: boolean;
  onAction(action: HoldAction): void;
}

/** What the dialog shows as its decision: a failed check holds like a block. */
export function decisionOfView(view: HoldView): 'block' | 'warn' | 'allow' | null {
  if (view.kind === 'failed') return 'block';
  if (view.kind === 'checking') return null;
  return view.verdict.decision;
}

/** The rep's language setting travels with the verdict; before one arrives, the guard's guess. */
export function langOfView(view: HoldView, fallback: Lang): Lang {
  return (view.kind === 'verdict' ? view.verdict.lang : undefined) ?? fallback;
}

function FindingWhy({ finding, lang }: { finding: Finding; lang: Lang }) {
  const t = strings[lang];
  const citations = (finding.citations as Array<string | { nl: string; en: string }>).map((c) => citationText(c, lang)).filter((c): c is string => !!c);
  return (
    <li class={`finding finding--${finding.severity}`} data-code={finding.code}>
      <strong>{finding.title[lang]}</strong>
      <p>{finding.explanation[lang]}</p>
      {citations.length > 0 && <p class="cite">{citations.join(' · ')}</p>}
      <p class="code">
        {t.ruleLine}: {finding.code}
      </p>
    </li>
  );
}

interface LineProps {
  line: RecipientLine;
  lang: Lang;
  channel?: Channel;
  setupNeeded: boolean;
  busy: boolean;
  /** this line's primary button is the dialog's main one */
  main: boolean;
  /** the notice button is shown once, on the first line that needs it */
  showInsert: boolean;
  /** only a name could be read: the register match may be another person */
  weakMatch: boolean;
  dncOpen: boolean;
  dncDone: { scope: DncScope } | null;
  onAction: HoldDialogProps['onAction'];
  onDnc(open: boolean): void;
  onDncConfirm(scope: DncScope, reason: string): void;
}

function Line(props: LineProps) {
  const { line, lang } = props;
  const t = strings[lang];
  const name = line.label;
  const channel = props.channel ? t.channelPhrase[props.channel] : undefined;
  const primary = line.primary;
  const buttons: preact.JSX.Element[] = [];
  const cls = (action: PrimaryAction) => (action === primary && props.main ? 'primary' : undefined);
  const insertLike = primary === 'insert-disclosure' || primary === 'open-setup';
  if (insertLike && props.showInsert) {
    buttons.push(
      <button
        key="insert"
        type="button"
        class={cls(primary)}
        data-action="insert-disclosure"
        disabled={props.busy}
        onClick={() => props.onAction(primary === 'open-setup' ? { kind: 'open-setup' } : { kind: 'insert-disclosure' })}
      >
        {primary === 'open-setup' ? t.setupFirst : t.insertDisclosure}
      </button>,
    );
  }
  const record = (
    <button key="record" type="button" class={cls('record-basis')} data-action="record-basis" data-recipient={line.key} disabled={props.busy} onClick={() => props.onAction({ kind: 'record-basis', key: line.key })}>
      {t.recordBasisFor(name)}
    </button>
  );
  const remove = (
    <button key="remove" type="button" class={cls('remove-recipient')} data-action="remove-recipient" data-recipient={line.key} disabled={props.busy} onClick={() => props.onAction({ kind: 'remove-recipient', key: line.key })}>
      {t.removeName(name)}
    </button>
  );
  const dnc = (
    <button key="dnc" type="button" data-action="do-not-contact" data-recipient={line.key} aria-expanded={props.dncOpen} disabled={props.busy} onClick={() => props.onDnc(!props.dncOpen)}>
      {t.dncFor(name)}
    </button>
  );
  // The resolving action first, then the other things the rep may do for this person.
  if (primary === 'remove-recipient' && line.offers.remove) buttons.push(remove);
  if (primary === 'record-basis' && line.offers.recordBasis) buttons.push(record);
  if (primary !== 'record-basis' && line.offers.recordBasis) buttons.push(record);
  if (line.offers.doNotContact && !props.dncDone) buttons.push(dnc);
  if (primary !== 'remove-recipient' && line.offers.remove) buttons.push(remove);
  return (
    <section class={`line line--${line.decision}`} data-recipient={line.key} data-problem={line.problem}>
      <p class="sentence">
        <span class="mark" aria-hidden="true">
          {line.decision === 'block' ? '×' : '!'}
        </span>{' '}
        {t.line(line.problem, name, channel, line.finding.title[lang], props.setupNeeded)}
      </p>
      {props.weakMatch && <p class="hint">{t.weakMatch}</p>}
      <div class="line-actions">{buttons}</div>
      {props.dncOpen && !props.dncDone && (
        <DoNotContactForm lang={lang} name={name} recipientKey={line.key} busy={props.busy} onClose={() => props.onDnc(false)} onConfirm={(c) => props.onDncConfirm(c.scope, c.reason)} />
      )}
      {props.dncDone && (
        <p class="done" role="status">
          ✓ {t.dncDone(name, t.dncScopes[props.dncDone.scope])}
        </p>
      )}
    </section>
  );
}

function MessageSection(props: { summary: HoldSummary; lang: Lang; setupNeeded: boolean; busy: boolean; main: boolean; showInsert: boolean; onAction: HoldDialogProps['onAction'] }) {
  const { summary, lang } = props;
  const t = strings[lang];
  if (summary.messageFindings.length === 0) return null;
  const primary = summary.messagePrimary;
  const cls = props.main ? 'primary' : undefined;
  return (
    <section class="message-findings">
      <h3>{t.aboutMessage}</h3>
      <ul>
        {summary.messageFindings.map((f) => (
          <li key={f.code} class={`finding--${f.severity}`}>
            {f.title[lang]}
          </li>
        ))}
      </ul>
      <div class="line-actions">
        {(primary === 'insert-disclosure' || primary === 'open-setup') && props.showInsert && (
          <button type="button" class={cls} data-action="insert-disclosure" disabled={props.busy} onClick={() => props.onAction(primary === 'open-setup' ? { kind: 'open-setup' } : { kind: 'insert-disclosure' })}>
            {primary === 'open-setup' ? t.setupFirst : t.insertDisclosure}
          </button>
        )}
        {primary === 'edit-message' && (
          <button type="button" class={cls} data-action="edit-message" onClick={() => props.onAction({ kind: 'cancel' })}>
            {t.editMessage}
          </button>
        )}
      </div>
    </section>
  );
}

export function HoldDialog(props: HoldDialogProps) {
  const { view, busy = false } = props;
  const lang = langOfView(view, props.lang);
  const t = strings[lang];
  const dialog = useRef<HTMLDivElement>(null);
  const [askingReason, setAskingReason] = useState(false);
  const [justification, setJustification] = useState<OverrideJustificationKind | ''>('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [dncOpen, setDncOpen] = useState<string | null>(null);
  const [dncDone, setDncDone] = useState<Record<string, DncScope>>({});

  const verdict = view.kind === 'verdict' ? view.verdict : null;
  const clear = verdict?.decision === 'allow';
  const summary = verdict && !clear ? summarize(verdict, { canRemove: props.canRemoveRecipient }) : null;
  const setupNeeded = verdict ? setupNeededOf(verdict) : false;
  const canOverride = props.canOverride !== false;
  const overridesAllowed = canOverride && (view.kind === 'failed' || (summary !== null && summary.overridable));
  const hardHold = summary?.hardHold ?? false;
  // Without a verdict nobody knows the policy: a reason is always asked for.
  const needsReason = view.kind === 'failed' || (verdict?.overrideNeedsReason ?? true);
  // Against a rule the policy asks which justification applies; a failed check names no rule to justify against.
  const withJustification = verdict !== null && (verdict.justificationRequired ?? needsReason);

  useEffect(() => {
    // Keyboard users land in the dialog, on the least harmful control (Enter then cancels, never sends).
    const target = askingReason ? dialog.current?.querySelector<HTMLElement>('[data-field="justification"], [data-field="reason"]') : dialog.current?.querySelector<HTMLElement>('[data-action="cancel"]');
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
    const focusable = Array.from(dialog.current.querySelectorAll<HTMLElement>('button:not([disabled]), textarea, select, input, summary, [tabindex="0"]'));
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
    if (withJustification && !justification) return setReasonError(t.reasonPickFirst);
    const text = reason.trim();
    if (text.length < 3) return setReasonError(t.reasonTooShort);
    props.onAction({ kind: 'send-anyway', reason: text, ...(withJustification && justification ? { justification } : {}) });
  };

  const title =
    view.kind === 'checking' ? t.titleChecking : view.kind === 'failed' ? t.titleFailed : clear ? t.titleClear : verdict?.decision === 'block' ? t.titleBlock : t.titleWarn;

  // The dialog's one main button: the first line's resolving action, else the message's.
  const firstLine = summary?.lines[0];
  const lineIsMain = !!firstLine && firstLine.primary !== 'cancel' && firstLine.primary !== 'edit-message';
  const noticeOnMessage = summary?.messagePrimary === 'insert-disclosure' || summary?.messagePrimary === 'open-setup';
  const firstNoticeLine = noticeOnMessage ? null : summary?.lines.find((l) => l.primary === 'insert-disclosure' || l.primary === 'open-setup');
  const cancelIsMain = !!summary && !lineIsMain && !(summary.messagePrimary && summary.messagePrimary !== 'cancel');

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
        lang={lang}
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
          {summary && summary.lines.length > 0 && <p class="count">{plural(lang, summary.lines.length, t.needAttention)}</p>}
          {summary && setupNeeded && (
            <p class="setup" data-setup-needed="">
              {t.setupNeeded}{' '}
              {!summary.lines.some((l) => l.primary === 'open-setup') && summary.messagePrimary !== 'open-setup' && (
                <button type="button" data-action="open-setup" disabled={busy} onClick={() => props.onAction({ kind: 'open-setup' })}>
                  {t.openSetup}
                </button>
              )}
            </p>
          )}
          {summary?.lines.map((line, i) => (
            <Line
              key={line.key}
              line={line}
              lang={lang}
              channel={props.channel}
              setupNeeded={setupNeeded}
              busy={busy}
              main={i === 0 && lineIsMain}
              showInsert={firstNoticeLine === line}
              weakMatch={verdict?.recipients.find((r) => r.key === line.key)?.weakMatch === true}
              dncOpen={dncOpen === line.key}
              dncDone={dncDone[line.key] ? { scope: dncDone[line.key]! } : null}
              onAction={props.onAction}
              onDnc={(open) => setDncOpen(open ? line.key : null)}
              onDncConfirm={(scope, why) => {
                setDncOpen(null);
                setDncDone({ ...dncDone, [line.key]: scope });
                props.onAction({ kind: 'do-not-contact', key: line.key, scope, reason: why });
              }}
            />
          ))}
          {verdict && <ProductChoice verdict={verdict} lang={lang} busy={busy} onChoose={(products) => props.onAction({ kind: 'choose-products', products })} />}
          {summary && (
            <MessageSection summary={summary} lang={lang} setupNeeded={setupNeeded} busy={busy} main={!lineIsMain} showInsert={noticeOnMessage} onAction={props.onAction} />
          )}
          {summary && (summary.lines.length > 0 || summary.messageFindings.length > 0) && (
            <details class="why">
              <summary>{t.why}</summary>
              {summary.lines.map((line) => (
                <div key={line.key} class="why-person" data-why={line.key}>
                  <h4>
                    {line.label}
                    {verdict?.recipients.find((r) => r.key === line.key)?.known === false && <span class="tag"> ({t.unknownContact})</span>}
                  </h4>
                  {verdict?.recipients.find((r) => r.key === line.key)?.weakMatch && <p class="hint">{t.weakMatch}</p>}
                  <ul>
                    {line.findings
                      .filter((f) => summary.messageFindings.every((m) => m !== f))
                      .map((f) => (
                        <FindingWhy key={f.code} finding={f} lang={lang} />
                      ))}
                  </ul>
                </div>
              ))}
              {summary.messageFindings.length > 0 && (
                <div class="why-message">
                  <h4>{t.aboutMessage}</h4>
                  <ul>
                    {summary.messageFindings.map((f) => (
                      <FindingWhy key={f.code} finding={f} lang={lang} />
                    ))}
                  </ul>
                </div>
              )}
            </details>
          )}
          {summary && summary.checked.length > 0 && (
            <details class="checked">
              <summary>{t.checked}</summary>
              <ul>
                {summary.checked.map((f) => (
                  <li key={`${f.code}|${f.title.en}`} class="finding finding--info" data-code={f.code}>
                    ✓ {f.title[lang]}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {hardHold && <p class="hard">{t.noOverride}</p>}
          {props.hint && (
            <p class="hint" role="status">
              {props.hint}
            </p>
          )}
          {props.error && (
            <p class="error" role="alert">
              {t.actionFailed} {props.error}
            </p>
          )}
        </div>
        {askingReason && overridesAllowed && (
          <div class="reason">
            {withJustification && <label for="og-justification">{t.justificationLabel}</label>}
            {withJustification && <select
              id="og-justification"
              data-field="justification"
              value={justification}
              onChange={(e) => {
                setJustification((e.currentTarget as HTMLSelectElement).value as OverrideJustificationKind | '');
                setReasonError(null);
              }}
            >
              <option value="">{t.justificationPick}</option>
              {OVERRIDE_JUSTIFICATIONS.map((j) => (
                <option key={j} value={j}>
                  {OVERRIDE_JUSTIFICATION_LABELS[j][lang]}
                </option>
              ))}
            </select>}
            <label for="og-reason">{withJustification ? t.reasonLabel : t.justificationLabel}</label>
            <textarea
              id="og-reason"
              data-field="reason"
              value={reason}
              maxLength={1800}
              aria-invalid={!!reasonError}
              onInput={(e) => {
                setReason((e.currentTarget as HTMLTextAreaElement).value);
                setReasonError(null);
              }}
            />
            {reasonError && (
              <span class="error" role="alert">
                {reasonError}
              </span>
            )}
          </div>
        )}
        <div class="actions">
          {clear && props.canSend !== false && (
            <button type="button" class="primary" data-action="send" disabled={busy} onClick={() => props.onAction({ kind: 'send' })}>
              {t.send}
            </button>
          )}
          {verdict && !clear && (
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
          <button type="button" class={cancelIsMain ? 'primary' : undefined} data-action="cancel" onClick={() => props.onAction({ kind: 'cancel' })}>
            {t.cancel}
          </button>
        </div>
      </div>
    </div>
  );
}
