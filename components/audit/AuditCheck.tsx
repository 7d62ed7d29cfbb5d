import { useState } from 'preact/hooks';
import type { AuditHeadView, AuditVerifyView } from '@/lib/messaging/audit-anchors';
import { formatDateTime, formatNumber, useI18n, type I18n } from '../i18n';
import { Notice, TextField } from '../ui/basics';
import { actionKey, auditActions } from './auditWords';

// The audit log's check and its head (issue 14.7): what verify found, named as the rep would say it, and
// the head to keep elsewhere. Props in, callbacks out; the page asks the background.

/** The line the copy button puts on the clipboard; `parseKeptHead` reads it back. */
export function headLine(head: AuditHeadView): string {
  return `Outreach Guard audit log: entry ${head.seq}, ${head.at}, SHA-256 ${head.hash}`;
}

/** A head the rep kept: the copied line, or the number and the hash in any order. */
export function parseKeptHead(text: string): { seq: number; hash: string } | null {
  const hash = /\b[0-9a-f]{64}\b/i.exec(text)?.[0];
  if (!hash) return null;
  // What is left without the hash, the time and "SHA-256": the entry number.
  const rest = text.replace(hash, ' ').replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z?/g, ' ').replace(/sha-?256/gi, ' ');
  const seq = /(?:entry|regel)\s+(\d+)/i.exec(rest)?.[1] ?? /\b(\d+)\b/.exec(rest)?.[1];
  if (!seq || Number(seq) < 1) return null;
  return { seq: Number(seq), hash: hash.toLowerCase() };
}

function actionWords(i18n: I18n, action: string): string {
  return (auditActions as readonly string[]).includes(action) ? i18n.t(`${actionKey(action)}_name`) : i18n.t('auditDoUnknown', action);
}

function whereWords(i18n: I18n, where: 'server' | 'local' | 'kept'): string {
  return i18n.t(`auditAnchorWhere_${where}`);
}

/** What verify found: the first entry that no longer matches, with its number, time and action in words. */
export function VerifyResult({ result }: { result: AuditVerifyView }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const anchored = result.anchors ? (
    <p data-testid="verify-anchors">{t('auditAnchorsChecked', formatNumber(lang, result.anchors.checked), result.anchors.coveredToSeq, formatDateTime(lang, result.anchors.lastAnchoredAt))}</p>
  ) : null;
  const server =
    result.server?.reachable === false ? (
      <Notice kind="warn">
        <span data-testid="verify-server">{t('auditServerUnreachable')}</span>
      </Notice>
    ) : null;
  if (result.ok) {
    return (
      <>
        <Notice kind="success">
          <strong data-testid="verify-result">{t('auditChainOk', formatNumber(lang, result.count))}</strong>
          {anchored}
          {result.server?.reachable === null ? <p class="muted">{t('auditNoTeamAnchors')}</p> : null}
        </Notice>
        {server}
      </>
    );
  }
  const seq = result.brokenAtSeq ?? 0;
  const code = result.code ?? 'changed';
  return (
    <>
      <Notice kind="error">
        <strong data-testid="verify-result">{t('auditChainBroken', result.brokenAtSeq ?? '?')}</strong>
        <p data-testid="verify-problem">
          {t(`auditProblem_${code.replace(/-/g, '_')}`, seq, result.afterSeq ?? 0, result.anchor ? formatDateTime(lang, result.anchor.anchoredAt) : '')}
        </p>
        {result.entry ? (
          <p data-testid="verify-entry">
            {t('auditFirstMismatch', result.entry.seq, formatDateTime(lang, result.entry.at), actionWords(i18n, result.entry.action))}
          </p>
        ) : null}
        {result.anchor ? <p>{t('auditCaughtBy', whereWords(i18n, result.anchor.where))}</p> : null}
        {anchored}
      </Notice>
      {server}
    </>
  );
}

export interface AnchoringView {
  inTeam: boolean;
  lastAnchoredAt: string | null;
  anchoredToSeq: number;
  pending: number;
  refused: number;
  lastError: { code: string; at: string } | null;
}

/** The head to keep elsewhere (with a copy button), where anchoring stands, and a check against a kept head. */
export function AuditHeadPanel({
  head,
  anchoring,
  busy,
  onCopy,
  onCheckKept,
}: {
  head: AuditHeadView | null;
  anchoring: AnchoringView;
  busy: boolean;
  onCopy: (text: string) => void;
  onCheckKept: (kept: { seq: number; hash: string }) => void;
}) {
  const { t, lang } = useI18n();
  const [copied, setCopied] = useState(false);
  const [kept, setKept] = useState('');
  const [keptError, setKeptError] = useState<string | undefined>();
  return (
    <section class="card" aria-labelledby="audit-head-h" data-testid="audit-head">
      <h2 id="audit-head-h">{t('auditHeadTitle')}</h2>
      <p class="muted">{anchoring.inTeam ? t('auditHeadIntroTeam') : t('auditHeadIntro')}</p>
      {head ? (
        <dl class="dl">
          <dt>{t('auditEntryNumber')}</dt>
          <dd data-testid="head-seq">{head.seq}</dd>
          <dt>{t('colDate')}</dt>
          <dd>{formatDateTime(lang, head.at)}</dd>
          <dt>SHA-256</dt>
          <dd>
            <code class="code" data-testid="head-hash">
              {head.hash}
            </code>
          </dd>
        </dl>
      ) : (
        <p>{t('auditHeadEmpty')}</p>
      )}
      {head ? (
        <button
          type="button"
          onClick={() => {
            onCopy(headLine(head));
            setCopied(true);
          }}
        >
          {copied ? t('teamCopied') : t('auditHeadCopy')}
        </button>
      ) : null}
      {anchoring.inTeam ? (
        <p data-testid="anchoring">
          {anchoring.lastAnchoredAt ? t('auditAnchoredUpTo', anchoring.anchoredToSeq, formatDateTime(lang, anchoring.lastAnchoredAt)) : t('auditNotAnchoredYet')}
          {anchoring.pending ? ` ${t('auditAnchorsPending', anchoring.pending)}` : ''}
          {anchoring.refused ? ` ${t('auditAnchorsRefused', anchoring.refused)}` : ''}
        </p>
      ) : null}
      {anchoring.inTeam && anchoring.lastError ? (
        <Notice kind="warn">
          <span data-testid="anchoring-error">{t('auditAnchorFailed', formatDateTime(lang, anchoring.lastError.at))}</span>
        </Notice>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = parseKeptHead(kept);
          setKeptError(parsed ? undefined : t('auditKeptInvalid'));
          if (parsed) onCheckKept(parsed);
        }}
      >
        <TextField label={t('auditKeptLabel')} hint={t('auditKeptHint')} value={kept} onValue={setKept} error={keptError} name="kept-head" />
        <button type="submit" disabled={busy}>
          {t('auditKeptCheck')}
        </button>
      </form>
    </section>
  );
}
