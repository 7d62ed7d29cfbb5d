import { browser } from 'wxt/browser';
import { identityKeysOf, keysOfPageRecipient } from '../identity/keys';
import type { Ledger } from '../ledger/repository';
import { LedgerError } from '../ledger/errors';
import type { PageRecipient } from '../messaging/common';
import type { RequestType } from '../messaging/protocol';
import { UserFacingError, type Caller, type Handlers } from './router';
import { getTabState, leaveTabFrame, setTabState } from './tab-state';
import { panelPersonOf, rememberTabPeople, tabPeople } from './tab-people';
import { LookupInputError, type VerdictService } from './verdict-service';

// Handlers for what content scripts ask (a verdict, record this event, do-not-contact, save a profile)
// and for the pages' verdict look-ups. Narrow on purpose: nothing here returns ledger records to a page.

type GuardRequestType = Extract<
  RequestType,
  | 'verdict/for-recipients'
  | 'ledger/record-event'
  | 'suppression/add-for-recipients'
  | 'profile/save'
  | 'profile/status'
  | 'guard/status'
  | 'ui/open-record-basis'
  | 'ui/open-setup'
  | 'lookup/verdict'
  | 'call/check'
  | 'guard/tab-state'
  | 'panel/tab-people'
>;
export type GuardHandlers = Pick<Handlers, GuardRequestType>;

export interface GuardHandlerDeps {
  ledger: Pick<
    Ledger,
    'recordOutbound' | 'recordOverride' | 'recordEvent' | 'addSuppressionForKeys' | 'saveProfileWithChoice' | 'profileStatus' | 'listAssessments' | 'getSettings'
  >;
  verdicts: VerdictService;
  /**
   * Shares a personal objection with the team, when in one (no-op otherwise). Never throws: the personal entry
   * is stored by then, and a queue failure shows in the team status (main.ts wraps queueTeamEntry).
   */
  queueTeamEntry: (keys: string[], payload: { reason: string; scope: 'all' | 'email' | 'phone' | 'linkedin'; level: 'person' | 'company'; label?: string }) => Promise<boolean>;
}

function recipientsWithKeys(recipients: readonly PageRecipient[]) {
  return recipients.map((r) => ({ keys: keysOfPageRecipient(r) })).filter((r) => r.keys.length > 0);
}

function translated(error: unknown): never {
  if (error instanceof LedgerError) throw new UserFacingError(error.code, error.message, error.where);
  if (error instanceof LookupInputError) throw new UserFacingError('invalid-input', error.message);
  throw error;
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    return translated(error);
  }
}

function tabOf(caller: Caller): number {
  if (caller.kind !== 'content-script' || caller.tabId === undefined) throw new UserFacingError('forbidden-request', 'Only a page tab can report its guard state.');
  return caller.tabId;
}

/** Where the rep records a basis: the options page's contact form, prefilled with what the page showed. */
export function recordBasisUrl(baseUrl: string, recipients: readonly PageRecipient[]): string {
  const first = recipients[0];
  const params = new URLSearchParams();
  if (first?.email) params.set('email', first.email);
  if (first?.displayName) params.set('name', first.displayName);
  const li = first?.linkedin;
  const liUrl = li?.profileUrl ?? (li?.vanity ? `https://www.linkedin.com/in/${li.vanity}/` : li?.memberId ? `https://www.linkedin.com/in/${li.memberId}/` : undefined);
  if (liUrl) params.set('linkedin', liUrl);
  return `${baseUrl}#/contacts/new?${params.toString()}`;
}

/** The first-run setup page of the options app. */
export function setupUrl(baseUrl: string): string {
  return `${baseUrl}#/setup`;
}

export function guardHandlers({ ledger, verdicts, queueTeamEntry }: GuardHandlerDeps): GuardHandlers {
  return {
    'verdict/for-recipients': (req, caller) =>
      guarded(() => {
        // The side panel shows these people for the tab; only a tab's own guard can say who is in it.
        if (caller.kind === 'content-script' && caller.tabId !== undefined) rememberTabPeople(caller.tabId, req);
        return verdicts.forDraft(req);
      }),

    'ledger/record-event': (req, caller) =>
      guarded(async () => {
        const event = req.event;
        switch (event.kind) {
          case 'outbound-sent': {
            const recipients = recipientsWithKeys(event.recipients);
            if (recipients.length === 0) return { recorded: 0 };
            const recorded = await ledger.recordOutbound({
              // the site the router saw the request come from, not the one the message claims
              site: caller.kind === 'content-script' ? caller.site : event.site,
              channel: event.channel,
              recipients,
              disclosureIncluded: event.disclosureIncluded,
              bodyFingerprint: event.bodyFingerprint,
            });
            return { recorded };
          }
          case 'send-anyway': {
            const settings = await ledger.getSettings();
            if (!settings.policy.overridesAllowed) {
              throw new UserFacingError('override-forbidden', 'Team policy does not allow sending against the advice.');
            }
            if (settings.policy.overrideNeedsReason && event.reason.trim().length < 3) {
              throw new UserFacingError('reason-required', 'Give a reason for sending anyway.', 'reason');
            }
            const held = await verdicts.hardHolds(event.channel, event.recipients);
            if (held.length > 0) {
              // Not logged as an override: nothing was overridden, the send must not happen.
              throw new UserFacingError('override-forbidden', `An objection or erasure binds ${held.join(', ')}: this message cannot be sent anyway.`);
            }
            const recorded = await ledger.recordOverride({
              // the site the router saw the request come from, not the one the message claims
              site: caller.kind === 'content-script' ? caller.site : event.site,
              channel: event.channel,
              recipients: event.recipients.map((r) => ({ keys: keysOfPageRecipient(r) })),
              codes: event.codes,
              reason: event.reason.trim(),
              decision: event.decision,
            });
            return { recorded };
          }
          case 'declined-inmail': {
            // LinkedIn shows that this member declined an earlier InMail: an objection on LinkedIn.
            const keys = keysOfPageRecipient(event.recipient);
            if (keys.length === 0) return { recorded: 0 };
            await ledger.recordEvent('declined_inmail', keys, { channel: 'linkedin_inmail', site: caller.kind === 'content-script' ? caller.site : undefined });
            await ledger.addSuppressionForKeys(keys, { scope: 'linkedin', level: 'person', reason: 'declined an InMail on LinkedIn' });
            // An objection binds the whole organisation (Art. 21(3)): the team hears of it like any other.
            await queueTeamEntry(keys, { reason: 'declined an InMail on LinkedIn', scope: 'linkedin', level: 'person' });
            return { recorded: 1 };
          }
        }
      }),

    'suppression/add-for-recipients': (req) =>
      guarded(async () => {
        let added = 0;
        for (const r of req.recipients) {
          const keys = keysOfPageRecipient(r);
          if (keys.length === 0) continue;
          const reason = req.reason.trim() || 'marked do-not-contact in the composer';
          added += await ledger.addSuppressionForKeys(keys, { scope: req.scope, level: 'person', reason });
          await queueTeamEntry(keys, { reason, scope: req.scope, level: 'person' });
        }
        return { added };
      }),

    'profile/save': (req) => guarded(() => ledger.saveProfileWithChoice(req.profile, req.basis)),

    'profile/status': (req, caller) =>
      guarded(async () => {
        // A LinkedIn profile with no message open yet: the person shown is who the side panel names.
        if (caller.kind === 'content-script' && caller.tabId !== undefined)
          rememberTabPeople(caller.tabId, { type: 'verdict/for-recipients', site: 'linkedin', channel: 'linkedin_dm', recipients: [{ key: 'profile', linkedin: req.linkedin }], message: { body: '' } });
        const keys = identityKeysOf({ linkedin: req.linkedin });
        const [status, assessments] = await Promise.all([
          keys.length ? ledger.profileStatus(keys) : Promise.resolve({ saved: false }),
          ledger.listAssessments(),
        ]);
        return { ...status, assessments: assessments.map((a) => ({ id: a.id, title: a.title })) };
      }),

    'guard/status': async (req, caller) => {
      if (caller.kind !== 'content-script') throw new UserFacingError('forbidden-request', 'Only a page tab can report its guard state.');
      if (req.state === 'gone') await leaveTabFrame(tabOf(caller), caller.frameId ?? 0, req.doc);
      else await setTabState(tabOf(caller), { state: req.state, site: caller.site, ...(req.detail ? { detail: req.detail } : {}), ...(req.doc ? { doc: req.doc } : {}) }, caller.frameId ?? 0);
      return {};
    },

    'ui/open-record-basis': async (req) => {
      await browser.tabs.create({ url: recordBasisUrl(browser.runtime.getURL('/options.html'), req.recipients) });
      return {};
    },

    'ui/open-setup': async () => {
      await browser.tabs.create({ url: setupUrl(browser.runtime.getURL('/options.html')) });
      return {};
    },

    'lookup/verdict': (req) =>
      guarded(async () => {
        const { keys: _keys, ...result } = await verdicts.lookup(req);
        return result;
      }),

    'call/check': (req) => guarded(() => verdicts.callCheck(req)),

    'guard/tab-state': async (req) => {
      const state = await getTabState(req.tabId);
      return state ? { state: state.state, site: state.site, ...(state.detail ? { detail: state.detail } : {}) } : { state: 'none' as const };
    },

    // Asked again rather than cached: a basis the rep just recorded in the panel shows at once.
    'panel/tab-people': (req) =>
      guarded(async () => {
        const draft = tabPeople(req.tabId);
        if (!draft || draft.recipients.length === 0) return { people: [] };
        const base = browser.runtime.getURL('/options.html');
        const standing = await verdicts.forPeople(draft.channel, draft.recipients);
        const people = standing.map(({ verdict, facts }, i) =>
          panelPersonOf(verdict, facts, (contactId) => (contactId ? `${base}#/contacts/${encodeURIComponent(contactId)}/basis` : recordBasisUrl(base, [draft.recipients[i]!]))),
        );
        return { site: draft.site, people, recordBasisUrl: recordBasisUrl(base, draft.recipients) };
      }),
  };
}
