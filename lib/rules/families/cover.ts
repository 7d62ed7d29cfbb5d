import { BULK_THRESHOLD, type Ctx } from '../context';
import { day, topicOverlaps } from '../helpers';
import type { BasisState } from './basis';

// Cover that does not depend on the country's regime (docs/research/legal-rules.md §3-A NC-03, §3-B NL-EM-06, §3-E LI-02/06):
// the Telecommunicatiewet covers unsolicited messages only, so contact the person asked for is not spam; a
// platform signal or public request covers what it asked for; earlier personal contact covers a 1:1 message.

export interface Cover {
  solicited: boolean;
  publicCover: boolean;
  signalCover: boolean;
  /** an Open to Work (or other) signal met with a message of another kind, e.g. a sales pitch (LI-02x) */
  signalMismatch: boolean;
  priorContactCover: boolean;
}

const OPEN_TO = new Map<string, 'work' | 'hiring' | 'services' | 'proposals'>([
  ['open to work', 'work'],
  ['opentowork', 'work'],
  ['hiring', 'hiring'],
  ['providing services', 'services'],
  ['services', 'services'],
  ['proposals', 'proposals'],
]);

/** The person asked for this contact (an introduction, their own request on this topic): NC-03. */
export function solicitedContact(c: Ctx, b: BasisState): boolean {
  let solicited = c.relTypes.has('introduced') || b.contractReq.some((x) => x.requestedBy === 'data_subject');
  for (const r of c.rels) {
    if (r.type !== 'inbound_request') continue;
    if (!r.subject || topicOverlaps(r.subject, c.fullText)) solicited = true;
  }
  if (solicited) c.f.add('NC-03', 'info');
  return solicited;
}

export function cover(c: Ctx, b: BasisState): Cover {
  const { f, inp, channel, rels, fullText, purposeKind, send } = c;
  const { recipient, ledger } = inp;
  const msg = inp.message;
  const linkedIn = channel !== undefined && channel.startsWith('linkedin');
  const solicited = solicitedContact(c, b);

  const publicTopics: string[] = [];
  for (const r of rels) if (r.type === 'public_request' && r.topic) publicTopics.push(r.topic);
  if (recipient.linkedin?.publicRequestTopic) publicTopics.push(recipient.linkedin.publicRequestTopic);
  let publicCover = false;
  if (!solicited && publicTopics.length > 0) {
    if (publicTopics.some((t) => topicOverlaps(t, fullText))) {
      publicCover = true;
      if (linkedIn) f.add('LI-06', c.uSev);
      else f.add('NC-03', c.uSev, 'public');
    } else if (linkedIn) f.add('LI-06', 'info', 'offtopic');
  }

  // the member's signal as the page showed it, or as the register noted it
  const openTo = new Set<string>(recipient.linkedin?.openTo ?? []);
  for (const r of rels) {
    if (r.type !== 'linkedin_signal' || !r.signal) continue;
    const kind = OPEN_TO.get(r.signal.trim().toLowerCase().replace(/[#_-]+/g, ' ').replace(/\s+/g, ' '));
    if (kind) openTo.add(kind);
  }
  let signalCover = false;
  let signalMismatch = false;
  if (linkedIn && openTo.size > 0) {
    const matches = [...openTo].some(
      (o) =>
        ((o === 'work' || o === 'hiring') && purposeKind === 'recruitment') ||
        (o === 'services' && purposeKind === 'buy_services') ||
        (o === 'proposals' && (purposeKind === 'sales' || purposeKind === 'partnership' || purposeKind === 'buy_services')),
    );
    if (matches) {
      signalCover = true;
      f.add('LI-02', c.uSev);
    } else signalMismatch = true;
  }

  // prior personal contact (ACM tolerance), only for personal one-to-one messages
  const personal1to1 = (msg?.recipientCount ?? 1) <= 1 && msg?.automated !== true && (ledger.recentSimilarSends ?? 0) < BULK_THRESHOLD;
  let priorContactCover = false;
  const priorRels = rels.filter((r) => r.type === 'met_in_person' || r.type === 'prior_contact');
  if ((channel === 'email' || channel === 'linkedin_dm' || channel === 'linkedin_inmail' || channel === 'whatsapp') && priorRels.length > 0) {
    const dated = priorRels.filter((r) => (r.type === 'met_in_person' || r.type === 'prior_contact') && r.date !== undefined && day(r.date) <= send);
    if (dated.length === 0) f.add('MISSING-CONTACT-DATE', 'info');
    else if (personal1to1) {
      priorContactCover = true;
      f.add('NL-EM-06', 'info');
      if (dated.every((r) => r.type === 'met_in_person' && r.event === undefined)) f.add('EV-02', 'warn');
    }
  }
  return { solicited, publicCover, signalCover, signalMismatch, priorContactCover };
}
