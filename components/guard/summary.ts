import type { GuardVerdict, RecipientVerdict } from '../../lib/messaging/guard';
import type { Finding } from '../../lib/rules/verdict';
import { isHardHold } from '../../lib/rules/policy';

// What the hold says first: one line per recipient that needs attention, in a rep's words, and the one
// action that resolves it. Pure: the same verdict always gives the same lines, so it is tested as a table.

export type Lang = 'nl' | 'en';

/** What kind of problem decides a recipient's line (the worst finding, by the order below). */
export type Problem =
  | 'objection'
  | 'withdrawn'
  | 'erased'
  | 'company-objection'
  | 'looks-like-objection'
  | 'register'
  | 'unreadable'
  | 'unusable-data'
  | 'no-consent'
  | 'consent-proof'
  | 'no-basis'
  | 'notice'
  | 'message'
  | 'other';

/** The action a line's primary button takes. */
export type PrimaryAction = 'remove-recipient' | 'record-basis' | 'insert-disclosure' | 'open-setup' | 'edit-message' | 'cancel';

export interface RecipientLine {
  key: string;
  label: string;
  decision: 'block' | 'warn';
  problem: Problem;
  /** the deciding finding (its title and rule code go in the "why" fold) */
  finding: Finding;
  primary: PrimaryAction;
  /** every finding about this person that needs attention, including ones the verdict listed for all */
  findings: Finding[];
  /** what else the rep may do for this person */
  offers: { recordBasis: boolean; doNotContact: boolean; remove: boolean };
}

export interface HoldSummary {
  lines: RecipientLine[];
  /** findings about the message itself (no person in them), worst first */
  messageFindings: Finding[];
  /** the message-level primary action, when the message itself needs fixing */
  messagePrimary: PrimaryAction | null;
  /** "what was checked": rules that applied and were met */
  checked: Finding[];
  /** an objection or erasure decides: no "send anyway", whatever the settings say */
  hardHold: boolean;
  overridable: boolean;
}

const problemOfCode: Record<string, Problem> = {
  'GD-10': 'objection',
  'GD-11': 'withdrawn',
  'GD-12': 'erased',
  'OB-01': 'looks-like-objection',
  'OB-02': 'company-objection',
  'UK-TM-01': 'register',
  'BE-TM-01': 'register',
  'MISSING-ADDRESS': 'unreadable',
  'GD-05': 'unusable-data',
  'GD-15': 'unusable-data',
  'NL-EM-01': 'no-consent',
  'NL-EM-04U': 'no-consent',
  'NL-EM-07': 'no-consent',
  'LI-05': 'no-consent',
  'GD-14': 'no-consent',
  'DE-EM-01': 'no-consent',
  'UK-EM-01': 'no-consent',
  'BE-EM-01': 'no-consent',
  'NL-TM-01': 'no-consent',
  'DE-TM-01': 'no-consent',
  'NL-TM-06': 'no-consent',
  'NL-EM-02': 'consent-proof',
  'NL-EM-08': 'consent-proof',
  'NL-EM-09': 'consent-proof',
  'EV-01': 'consent-proof',
  'EV-02': 'consent-proof',
  'GD-13': 'consent-proof',
  'NL-TM-05': 'consent-proof',
  'GD-01': 'no-basis',
  'GD-02': 'no-basis',
  'GD-03': 'no-basis',
  'GD-04': 'no-basis',
  'LI-03': 'no-basis',
  'MISSING-BASIS': 'no-basis',
  'GD-06': 'notice',
  'GD-06a': 'notice',
  'GD-07': 'notice',
  'GD-08': 'notice',
  'GD-09': 'notice',
  'NL-EM-05': 'notice',
  'NL-TM-04': 'notice',
};

/** Findings that concern the text of the message, not a person: shown once, under "about the message". */
const messageCodes = new Set(['NL-EM-05', 'GD-06', 'GD-06a', 'GD-07', 'GD-08', 'GD-09', 'NC-02', 'NC-03/public', 'LI-04', 'LI-06', 'LI-06/offtopic', 'MISSING-MESSAGE', 'MISSING-RECIPIENT', 'MISSING-PRODUCT']);

const order: Problem[] = [
  'objection',
  'erased',
  'withdrawn',
  'company-objection',
  'register',
  'looks-like-objection',
  'unreadable',
  'unusable-data',
  'no-consent',
  'consent-proof',
  'no-basis',
  'notice',
  'message',
  'other',
];

/** The rule family a code belongs to ("NL-TM-02/after" is NL-TM-02's outcome). */
export function problemOf(finding: Finding): Problem {
  const code = finding.code;
  const direct = problemOfCode[code] ?? problemOfCode[code.split('/')[0]!];
  if (direct) {
    // The weak-match warning carries OB-01's code but is only a request to look: not an objection.
    if (direct === 'looks-like-objection' && finding.severity !== 'block') return 'other';
    return direct;
  }
  if (messageCodes.has(code)) return 'message';
  // a rule this table does not know yet, that the notice resolves
  if (finding.fixes[0]?.kind === 'insert-disclosure') return 'notice';
  if (code.startsWith('MISSING-') && finding.fixes.some((f) => f.kind === 'record-basis')) return 'no-basis';
  return 'other';
}

const isPersonFinding = (f: Finding) => !messageCodes.has(f.code);
const rank = { block: 0, warn: 1, info: 2 } as const;
const worstFirst = (a: Finding, b: Finding) => rank[a.severity] - rank[b.severity] || order.indexOf(problemOf(a)) - order.indexOf(problemOf(b));

const stopsThePerson = (p: Problem) => p === 'objection' || p === 'erased' || p === 'withdrawn' || p === 'company-objection' || p === 'register' || p === 'looks-like-objection' || p === 'unusable-data';

function primaryFor(problem: Problem, finding: Finding, ctx: { canRemove: boolean; setupNeeded: boolean; disclosure: boolean }): PrimaryAction {
  const offers = (kind: string) => finding.fixes.some((f) => f.kind === kind);
  switch (problem) {
    case 'objection':
    case 'erased':
    case 'withdrawn':
    case 'company-objection':
    case 'register':
    case 'looks-like-objection':
    case 'unusable-data':
    case 'unreadable':
      return ctx.canRemove ? 'remove-recipient' : 'cancel';
    case 'no-consent':
    case 'consent-proof':
    case 'no-basis':
      return 'record-basis';
    case 'notice':
      if (ctx.setupNeeded) return 'open-setup';
      return ctx.disclosure ? 'insert-disclosure' : 'edit-message';
    case 'message':
      return 'edit-message';
    default:
      if (offers('record-basis') || offers('verify-consent')) return 'record-basis';
      if (offers('remove-recipient') && ctx.canRemove) return 'remove-recipient';
      return 'edit-message';
  }
}

export interface SummaryContext {
  /** the composer can take one recipient out */
  canRemove: boolean;
}

/** The lines, folds and override rule of one verdict. */
export function summarize(verdict: GuardVerdict, ctx: SummaryContext): HoldSummary {
  const setupNeeded = setupNeededOf(verdict);
  const pctx = { canRemove: ctx.canRemove, setupNeeded, disclosure: !!verdict.disclosure };
  const common = verdict.findings.filter((f) => f.severity !== 'info');
  // A finding every recipient shares comes as one for the message; a finding about a person goes back to each.
  const sharedAboutPeople = common.filter(isPersonFinding);
  const lines: RecipientLine[] = [];
  for (const r of verdict.recipients) {
    const findings = [...r.findings.filter((f) => f.severity !== 'info'), ...sharedAboutPeople].sort(worstFirst);
    const personal = findings.filter(isPersonFinding);
    const deciding = personal[0] ?? findings[0];
    if (!deciding || decisionOfRecipient(r, findings) === 'allow') continue;
    const problem = problemOf(deciding);
    const stopped = personal.some((f) => stopsThePerson(problemOf(f)));
    lines.push({
      key: r.key,
      label: r.label,
      decision: decisionOfRecipient(r, findings) as 'block' | 'warn',
      problem,
      finding: deciding,
      primary: primaryFor(problem, deciding, pctx),
      findings,
      offers: {
        // a basis cannot undo an objection or an erasure
        recordBasis: !stopped && problem !== 'unreadable',
        // already on the list (or a company entry): a second, narrower entry helps nobody
        doNotContact: !personal.some((f) => ['objection', 'withdrawn', 'erased', 'company-objection', 'register'].includes(problemOf(f))) && problem !== 'unreadable',
        remove: ctx.canRemove,
      },
    });
  }
  lines.sort((a, b) => rank[a.decision] - rank[b.decision] || order.indexOf(a.problem) - order.indexOf(b.problem));
  const messageFindings = common.filter((f) => !isPersonFinding(f)).sort(worstFirst);
  const firstMessage = messageFindings[0];
  const checked = [...verdict.findings, ...verdict.recipients.flatMap((r) => r.findings)].filter((f) => f.severity === 'info');
  const hardHold = hasHardHold(verdict);
  return {
    lines,
    messageFindings,
    messagePrimary: firstMessage ? primaryFor(problemOf(firstMessage) === 'other' ? 'message' : problemOf(firstMessage), firstMessage, pctx) : null,
    checked: dedupe(checked),
    hardHold,
    overridable: overridableOf(verdict),
  };
}

function decisionOfRecipient(r: RecipientVerdict, findings: Finding[]): 'block' | 'warn' | 'allow' {
  if (r.decision !== 'allow') return r.decision;
  return findings.some((f) => f.severity === 'block') ? 'block' : findings.some((f) => f.severity === 'warn') ? 'warn' : 'allow';
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.code}|${f.title.en}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** An objection or erasure decides: GDPR Art. 21(3) and 17 leave no "send anyway". */
export function hasHardHold(verdict: GuardVerdict): boolean {
  return [...verdict.findings, ...verdict.recipients.flatMap((r) => r.findings)].some((f) => isHardHold(f.code, f.severity));
}

/** May the rep send anyway? The verdict's own word (policy per rule), never past an objection or erasure. */
export function overridableOf(verdict: GuardVerdict): boolean {
  if (hasHardHold(verdict) || !verdict.overridesAllowed) return false;
  return verdict.overridable ?? true;
}

/** The organisation is not set up yet: no notice can be written (no name, contact or privacy link). */
export function setupNeededOf(verdict: GuardVerdict): boolean {
  return verdict.setupNeeded === true;
}
