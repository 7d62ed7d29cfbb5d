import { browser } from 'wxt/browser';
import type { RecipientFacts } from '../ledger/repository';
import type { RecipientVerdict } from '../messaging/guard';
import { TAB_PEOPLE_CHANGED_KEY, type PanelPerson } from '../messaging/verdict';
import type { RequestOf } from '../messaging/protocol';

// Who is in each tab: the last draft a tab's guard asked a verdict for (a LinkedIn profile or thread, a Gmail
// or Outlook compose). Kept in memory only: the side panel asks again for the live status, and after a
// service-worker restart the guard's next verdict request fills it back in.

type Draft = RequestOf<'verdict/for-recipients'>;
const lastDraft = new Map<number, Draft>();

export function rememberTabPeople(tabId: number, draft: Draft): void {
  const before = lastDraft.get(tabId);
  lastDraft.set(tabId, draft);
  // Only a change of who is in the tab is signalled, not every keystroke's verdict request. The panel may
  // have asked before the page's guard spoke (a profile reports after the tab finished loading).
  if (before && JSON.stringify(before.recipients) === JSON.stringify(draft.recipients)) return;
  const session = (browser.storage as { session?: typeof browser.storage.local }).session;
  // storage.session: Chrome 102+, Firefox 115+; without it the panel still asks on every tab switch and load.
  void session?.set({ [TAB_PEOPLE_CHANGED_KEY]: { tabId, at: Date.now() } }).catch(() => undefined);
}

export function tabPeople(tabId: number): Draft | undefined {
  return lastDraft.get(tabId);
}

export function forgetTabPeople(tabId: number): void {
  lastDraft.delete(tabId);
}

/**
 * A person of the tab as the panel shows them: the verdict and the ledger's basis, evidence and objections
 * (kinds and dates only). `recordAt` is where a basis is recorded: the contact page when known.
 */
export function panelPersonOf(verdict: RecipientVerdict, facts: RecipientFacts | undefined, recordAt: (contactId: string | undefined) => string): PanelPerson {
  const contactId = facts?.contact?.id;
  return {
    ...verdict,
    ...(contactId ? { contactId } : {}),
    bases: [...(facts?.bases ?? [])].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt)).map((b) => ({ type: b.type, recordedAt: b.recordedAt })),
    evidenceCount: facts?.evidence.length ?? 0,
    objections: (facts?.suppressions ?? []).map((s) => ({ level: s.level, scope: s.scope, recordedAt: s.recordedAt })),
    erased: facts?.erased ?? false,
    recordBasisUrl: recordAt(contactId),
  };
}
