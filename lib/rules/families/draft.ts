import { BULK_THRESHOLD, type Ctx } from '../context';
import { L, type Loc } from '../findings';
import { isCallChannel, isLinkedIn } from '../helpers';
import type { RuleChannel } from '../input';
import type { Severity } from '../verdict';
import type { BasisState } from './basis';

// The platform and the draft itself (docs/research/legal-rules.md §3-E LI-01/04, §3-B NL-EM-05, §3-C NL-TM-04, §3-D GD-06..09):
// what every marketing message must carry — who sends it, an opt-out, the Art. 21 line, and at first contact
// the Art. 13/14 information. Drafts can be checked, so a gap blocks until it is fixed; a call script warns.

export function platform(c: Ctx, channel: RuleChannel): void {
  if (!isLinkedIn(channel)) return;
  const { f, inp } = c;
  const msg = inp.message;
  f.add('LI-01', 'info');
  const bulk =
    msg?.automated === true ||
    (msg?.recipientCount ?? 1) > 1 ||
    (inp.ledger.recentSimilarSends ?? 0) >= BULK_THRESHOLD ||
    (channel === 'linkedin_connect_note' && inp.recipient.linkedin?.degree !== 1);
  if (bulk) f.add('LI-04', 'warn');
}

export function draft(c: Ctx, b: BasisState, channel: RuleChannel): void {
  const { f, inp, analysis: a, personalData, disclosureGiven, art14Case, natural, strict } = c;
  const electronic = !isCallChannel(channel);
  const callCh = isCallChannel(channel);
  const draftSev: Severity = electronic ? 'block' : 'warn';
  if (electronic) {
    const missing: Loc[] = [];
    if (!a?.identity) missing.push(L('afzender (bedrijfsnaam en contactgegevens)', 'sender identity (company name and contact details)'));
    if (!a?.optOut) missing.push(L('afmeldmogelijkheid', 'opt-out'));
    if (missing.length === 0) f.add('NL-EM-05', 'info', 'ok');
    for (const m of missing) f.add('NL-EM-05', 'block', undefined, m);
  } else if (channel === 'call') {
    const missing: Loc[] = [];
    if (!a?.identity) missing.push(L('wie belt er namens welk bedrijf', 'who is calling for which company'));
    if (!a?.purpose) missing.push(L('het doel van het gesprek', 'the purpose of the call'));
    if (!(a?.optOut || a?.art21Mentioned)) missing.push(L('het recht van verzet', 'the right to object'));
    if (natural && !a?.source) missing.push(L('waar het nummer vandaan komt', 'where the number came from'));
    if (missing.length === 0) f.add('NL-TM-04', 'info');
    else for (const m of missing) f.add('NL-TM-04', 'warn', undefined, m);
  }
  if (!personalData) return;
  if (disclosureGiven) {
    f.add('GD-07', 'info', 'earlier');
    return;
  }
  if (a?.art21Separate) f.add('GD-07', 'info', 'ok');
  else f.add('GD-07', draftSev);
  // a claimed consent basis (demonstrable or not) needs the withdraw line: evidence must never add a demand
  const consentBased = b.liveConsents.length > 0 && b.customers.length === 0 && !b.hasLI;
  if (art14Case) {
    const missing: Loc[] = [];
    if (!a?.purpose) missing.push(L('doel', 'purpose'));
    // a call cannot carry a link: offering to send the notice is the oral first layer (WP260)
    if (!(a?.privacyLink || (callCh && a?.privacyOffered))) missing.push(L('link naar de privacyverklaring', 'privacy-notice link'));
    if (electronic && consentBased && !a?.withdrawConsent) missing.push(L('toestemming intrekken', 'withdrawing consent'));
    if (missing.length === 0) f.add('GD-06', 'info', 'ok');
    for (const m of missing) f.add('GD-06', draftSev, undefined, m);
    if (a?.source) f.add('GD-08', 'info', 'ok');
    else f.add('GD-08', draftSev);
  } else if (!(a?.purpose && (a?.privacyLink || (callCh && a?.privacyOffered)))) {
    const followUps = inp.ledger.priorOutbound?.followUpsWithoutArt13 ?? 0;
    f.add('GD-09', followUps > 1 && strict ? 'warn' : 'info');
  } else f.add('GD-09', 'info', 'ok');
}
