import type { Finding } from '@/lib/rules/verdict';
import { pick, useI18n } from '../i18n';
import { DecisionBadge } from '../ui/basics';

/** The engine's findings in the user's language, worst first, with the rule code and citations. */
export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  const { lang, t } = useI18n();
  if (findings.length === 0) return <p class="muted">{t('verdictNoFindings')}</p>;
  const order = { block: 0, warn: 1, info: 2 } as const;
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <ul class="findings">
      {sorted.map((f) => (
        <li key={f.code} class={`finding finding-${f.severity}`}>
          <strong>{pick(lang, f.title)}</strong> <code class="code">{f.code}</code>
          <p>{pick(lang, f.explanation)}</p>
          {f.fixes.length > 0 ? (
            <p class="fixes">
              {t('verdictFixes')} {f.fixes.map((x) => pick(lang, x.label)).join(' · ')}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function VerdictSummary({
  decision,
  label,
  known,
  findings,
}: {
  decision: 'block' | 'warn' | 'allow';
  label: string;
  known: boolean;
  findings: readonly Finding[];
}) {
  const { t } = useI18n();
  return (
    <section class="verdict" aria-live="polite" data-decision={decision}>
      <p class="verdict-head">
        <DecisionBadge decision={decision} /> <span class="verdict-label">{label}</span>
      </p>
      {!known ? <p class="muted">{t('verdictUnknownPerson')}</p> : null}
      <FindingsList findings={findings} />
    </section>
  );
}
