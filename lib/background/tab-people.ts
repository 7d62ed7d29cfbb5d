import type { RecipientFacts } from '../ledger/repository';
import type { RecipientVerdict } from '../messaging/guard';
import type { PanelPerson } from '../messaging/verdict';
import type { RequestOf } from '../messaging/protocol';

// Who is in each tab: the last draft a tab's guard asked a verdict for (a LinkedIn profile or thread, a Gmail
// or Outlook compose). Kept in memory only: the side panel asks again for the live status, and after a
// service-worker restart the guard's next verdict request fills it back in.

type Draft = RequestOf<'verdict/for-recipients'>;
const lastDraft = new Map<number, Draft>();

export function rememberTabPeople(tabId: number, draft: Draft): void {
  lastDraft.set(tabId, draft);
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
