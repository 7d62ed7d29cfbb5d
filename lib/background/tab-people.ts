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
