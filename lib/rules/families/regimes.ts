import type { Ctx } from '../context';
import { addMonths, day, isCallChannel, isLinkedIn } from '../helpers';
import type { RuleChannel } from '../input';
import type { BasisState } from './basis';
import type { Cover } from './cover';

// Channel law per country (docs/research/legal-rules.md §3-B/C NL-EM and NL-TM, §3-G DE, UK, BE, §3-H XB-01): may this message
// go through this channel to this recipient. The strict policy applies both the sender's and the recipient's regime.

const ENCODED = new Set(['NL', 'DE', 'GB', 'BE']);

/** The regime whose rules are encoded for this channel; other countries and channels fall back to NL. */
function regimeOf(country: string, channel: RuleChannel): string {
  if (!ENCODED.has(country)) return 'NL';
  if (country === 'DE') return isLinkedIn(channel) ? 'NL' : 'DE';
  if (country === 'GB' || country === 'BE') return isLinkedIn(channel) || channel === 'automated_call' ? 'NL' : country;
  return country;
}

/** PECR: sole traders and partnerships (other than LLPs and Scottish partnerships) are individual subscribers. */
export function ukIndividual(kind: string | undefined, legalForm: string | undefined): boolean {
  const form = (legalForm ?? '').toLowerCase();
  if (/\bllp\b|limited liability|scottish/.test(form)) return false;
  if (/partnership|sole trader|sole proprietor/.test(form)) return true;
  return kind !== 'legal_person';
}

/** Applies every regime; returns whether any blocked the send. */
export function regimes(c: Ctx, b: BasisState, cv: Cover, channel: RuleChannel): boolean {
  const { f, inp, strict, uSev, country, senderCountry, kind, natural, addressKind, personalData, send } = c;
  const { recipient, sender, policy } = inp;
  const { consentUsable, customerInScope } = b;
  const { solicited } = cv;
  const electronic = !isCallChannel(channel);
  const set = new Set<string>();
  if (country) {
    set.add(regimeOf(country, channel));
    if (strict) set.add(regimeOf(senderCountry, channel));
    if (country !== senderCountry) f.add('XB-01', 'info', ENCODED.has(country) ? undefined : 'unencoded');
  } else set.add(regimeOf(senderCountry, channel));

  const commonCover = cv.solicited || cv.publicCover || cv.signalCover || cv.priorContactCover;
  let blocked = false;
  const block = (code: string, variant?: string) => {
    f.add(code, 'block', variant);
    blocked = true;
  };

  for (const regime of [...set].sort()) {
    let covered = commonCover || consentUsable;
    if (regime === 'NL') {
      if (electronic) {
        if (customerInScope) {
          covered = true;
          f.add('NL-EM-03', 'info');
        }
        if (channel === 'email' && kind !== 'natural_consumer') {
          const ev = recipient.address.designationEvidence;
          if (addressKind === 'role_designated' && ev && (ev.url || ev.quote)) {
            covered = true;
            f.add('NL-EM-04', 'info');
          } else if (addressKind === 'role_designated' || addressKind === 'role_generic') {
            if (addressKind === 'role_designated') f.add('MISSING-DESIGNATION-EVIDENCE', 'info');
            // [U] only where nothing else covers the send: with consent or a customer relationship it is moot
            if (!covered) f.add('NL-EM-04U', uSev);
            covered = true;
          }
        }
        if (consentUsable) f.add('NL-EM-01', 'info', 'consent');
        if (!covered) {
          block('NL-EM-01');
          if (c.analysis?.asksPermission) f.add('NL-EM-07', 'block');
        }
      } else if (channel === 'automated_call') {
        if (!consentUsable) block('NL-TM-06');
      } else if (!natural) f.add('NL-TM-03', 'info');
      else if (consentUsable) {
        if (b.consentNeedsPhoneVerification) f.add('NL-TM-05', 'warn');
      } else if (b.callCustomers.length > 0) {
        // Code Telemarketing: up to 3 years after the relationship ended; the 2026 change ends the exception for consumers
        const inWindow = b.callCustomers.some((x) => !x.endedAt || addMonths(x.endedAt, 36) >= send);
        const afterCutover = send >= day(policy.telemarketingCutover);
        // [U][V] whether the 2026 change covers sole traders: strict says yes
        const consumerLike = kind === 'natural_consumer' || kind === undefined || strict;
        if (!inWindow) block('NL-TM-02', 'window');
        else if (afterCutover && !sender.exempt2026 && consumerLike) block('NL-TM-02', 'after');
        else f.add('NL-TM-02', 'info');
      } else if (
        (addressKind === 'role_designated' || recipient.address.designationEvidence !== undefined) &&
        (recipient.address.designationEvidence?.url || recipient.address.designationEvidence?.quote)
      ) {
        f.add('NL-TM-07', 'info');
      } else if (!solicited) block('NL-TM-01');
    } else if (regime === 'DE') {
      if (electronic || channel === 'automated_call') {
        if (!(consentUsable || customerInScope || solicited)) block('DE-EM-01');
      } else if (kind === 'natural_consumer' || kind === undefined) {
        // UWG §7a: consent to phone advertising must be documented; a consent without evidence does not count
        if (!b.consentDocumented && !solicited) block('DE-TM-01', consentUsable ? 'undocumented' : undefined);
      } else if (!consentUsable && !solicited) {
        const presumed = c.rels.some((r) => r.type === 'presumed_interest' && r.reason !== undefined && r.reason.trim().length > 0);
        if (presumed) f.add('DE-TM-02', uSev);
        else block('DE-TM-02');
      }
    } else if (regime === 'GB') {
      const individual = ukIndividual(kind, recipient.legalForm);
      if (electronic) {
        if (individual) {
          if (!(consentUsable || customerInScope || solicited)) block('UK-EM-01');
        } else f.add('UK-EM-02', 'info');
      } else if (!consentUsable) {
        const regs = recipient.phoneRegisters;
        const listed = (individual && regs?.tps === true) || (kind !== 'natural_consumer' && regs?.ctps === true) || regs?.tps === true;
        if (listed) block('UK-TM-01');
        else if ((individual && regs?.tps === undefined) || (!individual && regs?.ctps === undefined)) f.add('MISSING-REGISTER-SCREENING', 'warn');
      }
    } else if (regime === 'BE') {
      if (electronic) {
        const impersonalLegal = kind === 'legal_person' && (addressKind === 'role_generic' || addressKind === 'role_designated');
        if (customerInScope || impersonalLegal) f.add('BE-EM-01', 'info', 'allowed');
        else if (!(consentUsable || solicited)) block('BE-EM-01');
      } else if (!consentUsable) {
        const dncm = recipient.phoneRegisters?.beDncm;
        if (dncm === true) block('BE-TM-01');
        else if (dncm === undefined) f.add('MISSING-REGISTER-SCREENING', 'warn');
      }
      if (personalData && country === 'BE') f.add('BE-GD-01', 'info');
    }
  }

  const linkedIn = isLinkedIn(channel);
  const referralBasis = inp.ledger.bases.some((x) => x.type === 'referral');
  const referred = referralBasis || c.relTypes.has('referral') || c.source === 'referral';
  if (blocked) {
    for (const [code, sev, variant, detail] of b.coverFailures) f.add(code, sev, variant, detail);
    if (linkedIn && (recipient.linkedin?.degree === 1 || c.relTypes.has('linkedin_connection'))) f.add('LI-05', 'block');
    if (cv.signalMismatch) f.add('LI-02x', 'block');
  }
  // GD-14 blocks only where the referral is claimed as the basis; otherwise it says how to disclose the
  // referrer and ask for a warm introduction, and the block (if any) comes from the channel rule.
  if (referred) f.add('GD-14', blocked && referralBasis ? 'block' : 'info', blocked && referralBasis ? undefined : 'source');
  if (!country) {
    // the country matters only when an NL-specific exception carried the send (other regimes lack it)
    const regimeSpecific = !blocked && !linkedIn && !consentUsable && !customerInScope && !solicited;
    f.add('MISSING-COUNTRY', regimeSpecific ? 'warn' : 'info');
  }
  if (kind === undefined && (isCallChannel(channel) || (country !== undefined && country !== 'NL'))) f.add('MISSING-KIND', 'info');
  return blocked;
}
