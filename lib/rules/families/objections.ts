import { ROLE_ADDRESS, type Ctx } from '../context';
import { Findings, L } from '../findings';
import { day, groupOf, isLinkedIn } from '../helpers';
import type { ConsentBasis, ParsedOutreachInput } from '../input';

// Objections and erasure (docs/research/legal-rules.md §3-D GD-10..12, §3-F OB-01/02): checked first, they bind the whole
// organisation on every channel (GDPR Art. 21(3)) and no business reason overrides them.

const nameOf = (r: ParsedOutreachInput['recipient']) => {
  const name = r.displayName?.trim();
  return name ? L(`"${name}"`, `"${name}"`) : undefined;
};

/**
 * What the page could not show: nobody could be checked, so the send is held and nothing else is said
 * (issue 16: these are the engine's findings, in the catalogue's words). Undefined when the page showed someone.
 */
export function pageHold(inp: ParsedOutreachInput): Findings | undefined {
  const r = inp.recipient;
  if (!r.pageStatus) return undefined;
  const f = new Findings();
  if (r.pageStatus === 'none') f.add('MISSING-RECIPIENT', 'block');
  else f.add('MISSING-ADDRESS', 'block', undefined, nameOf(r));
  return f;
}

export function objections(c: Ctx): void {
  const { f, inp, contact, channel, marketing, addressKind, kind } = c;
  const { ledger, recipient } = inp;
  if (recipient.nameOnly) f.add('OB-01', 'warn', 'name-only', nameOf(recipient));
  if (ledger.erased) f.add('GD-12', 'block');
  const group = channel ? groupOf(channel) : undefined;
  if (marketing) {
    for (const s of ledger.suppressions) {
      if (!(s.scope === 'all' || (contact && s.scope === group))) continue;
      if (s.level === 'person') {
        if (s.matchedOn === 'strong') {
          f.add('GD-10', 'block');
          f.add('OB-01', 'block');
        } else f.add('OB-01', 'warn');
      } else if (contact) {
        const companyLine = (addressKind !== undefined && ROLE_ADDRESS.has(addressKind)) || (kind === 'legal_person' && addressKind === undefined);
        f.add('OB-02', companyLine ? 'block' : 'warn');
      }
    }
    // "Not interested" on an InMail is an objection on LinkedIn
    if (contact && channel && isLinkedIn(channel) && recipient.linkedin?.declinedInMail) f.add('GD-10', 'block');
  }
}

/** Consents withdrawn on or before the send date (GD-11): they cover nothing, and other bases cannot replace them. */
export function withdrawnConsents(c: Ctx, consents: readonly ConsentBasis[]): ConsentBasis[] {
  const withdrawn = consents.filter((x) => x.withdrawnAt !== undefined && day(x.withdrawnAt) <= c.send);
  if (withdrawn.length > 0 && c.marketing && c.contact) c.f.add('GD-11', 'block');
  return withdrawn;
}
