import { buildContext } from './context';
import type { Findings } from './findings';
import { basisAndEvidence, gdprBasis } from './families/basis';
import { cover, solicitedContact } from './families/cover';
import { draft, platform } from './families/draft';
import { objections, pageHold } from './families/objections';
import { regimes } from './families/regimes';
import type { ParsedOutreachInput } from './input';
import { policyFor } from './policy';
import { decisionOf, overridableOf, type Verdict } from './verdict';

// The evaluation order follows docs/research/legal-rules.md §3: objections and erasure, provenance and basis, scope,
// channel law per country, evidence, disclosure, platform. Every rule that applies fires; the decision is
// the highest severity. Each family lives in lib/rules/families/ with its table tests beside it.

export { BULK_THRESHOLD } from './context';

export function evaluateParsed(inp: ParsedOutreachInput): Verdict {
  const held = pageHold(inp);
  if (held) return finish(held, inp);
  const c = buildContext(inp);
  const { f, contact, channel } = c;

  // 1. objections and erasure
  objections(c);
  // 2. basis and evidence (consent and customer checks are shared by the channel rules)
  const b = basisAndEvidence(c);
  gdprBasis(c, b);

  // save / import: LinkedIn copying, bulk
  if (!contact) {
    const { source, addressKind, inp: i } = c;
    const fromLinkedIn = source === 'linkedin_manual' || source === 'linkedin_tool' || i.recipient.linkedin !== undefined || addressKind === 'linkedin_member';
    if (fromLinkedIn) {
      const automated = source === 'linkedin_tool' || source === 'scraping' || i.recipient.linkedin?.restrictedVisibility === true || i.action === 'import_contacts';
      f.add('LI-03', automated ? 'block' : 'warn');
      if (i.action === 'import_contacts') f.add('LI-04', 'warn');
    }
    return finish(f, inp);
  }
  if (!channel) return finish(f, inp);

  // 3. scope: Tw 11.7 covers commercial messages only
  if (c.classification === 'non_commercial') {
    f.add('NC-01', 'info');
    solicitedContact(c, b); // what was checked: a reply the person asked for says so too
    return finish(f, inp);
  }
  if (c.classification === 'mixed') f.add('NC-02', 'warn');

  // 4. channel law, per regime, with the cover that does not depend on it
  const cv = cover(c, b);
  regimes(c, b, cv, channel);

  // 7. platform (before the draft checks, which a look-up skips)
  platform(c, channel);

  // 5/6. hygiene and disclosure in the draft
  if (c.lookupOnly) return finish(f, inp);
  draft(c, b, channel);
  return finish(f, inp);
}

function finish(f: Findings, inp: ParsedOutreachInput): Verdict {
  const findings = f.toFindings();
  for (const x of findings) {
    const p = policyFor(x.code, x.severity, inp.policy.rules);
    if (p) x.policy = p;
  }
  return {
    decision: decisionOf(findings),
    findings,
    overridable: inp.policy.overridesAllowed && overridableOf(findings),
    ...(f.products ? { products: f.products } : {}),
  };
}
