import { browser } from 'wxt/browser';
import type { Site } from '../messaging/common';
import { guardPingAnswer } from '../messaging/guard';
import { forgetTabPeople } from './tab-people';

// The guard state per tab, shown on the toolbar icon and in the popup. Kept in storage.session where the
// browser has it, so a service worker that went to sleep still knows it.

export type TabGuardState = { state: 'active' | 'inactive' | 'held'; site: Site; detail?: string; /** the reporting document */ doc?: string };

const memory = new Map<number, TabGuardState>();
const storageKey = (tabId: number) => `tab-state:${tabId}`;

function sessionArea() {
  // storage.session: Chrome 102+, Firefox 115+; without it the memory map is all there is.
  return (browser.storage as { session?: typeof browser.storage.local }).session;
}

const badge: Record<TabGuardState['state'], { text: string; color: string; title: { nl: string; en: string } }> = {
  active: { text: '', color: '#1a7f37', title: { nl: 'Outreach Guard: actief op deze pagina', en: 'Outreach Guard: active on this page' } },
  inactive: { text: '!', color: '#9a6700', title: { nl: 'Outreach Guard: niet actief hier — de pagina is veranderd', en: 'Outreach Guard: not active here — the page changed' } },
  held: { text: '⏸', color: '#cf222e', title: { nl: 'Outreach Guard: een bericht wordt tegengehouden', en: 'Outreach Guard: a message is being held' } },
};

function actionApi() {
  // MV3 has `action`; Firefox MV2 has `browserAction`.
  const b = browser as unknown as { action?: typeof browser.action; browserAction?: typeof browser.action };
  return b.action ?? b.browserAction;
}

// (The fake browser of the unit tests has no i18n.getMessage.)
function extensionName(): string {
  try {
    return browser.i18n.getMessage('extName') || 'Outreach Guard';
  } catch {
    return 'Outreach Guard';
  }
}

function uiLanguage(): 'nl' | 'en' {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** Per tab: the top frame's latest report, and the frames (LinkedIn's /preload/ iframe) that need attention. */
const framesOf = new Map<number, Map<number, TabGuardState>>();
const rank: Record<TabGuardState['state'], number> = { active: 0, inactive: 1, held: 2 };

/**
 * Records a frame's report and shows the tab's combined state: the worst of its frames (held > inactive >
 * active), so an iframe that is fine cannot hide a top frame whose guard is not active. A sub-frame that
 * reports active stops counting; the top frame always counts with its latest report.
 */
export async function setTabState(tabId: number, next: TabGuardState, frameId = 0): Promise<void> {
  const frames = framesOf.get(tabId) ?? new Map<number, TabGuardState>();
  framesOf.set(tabId, frames);
  // A new top document: the frames of the one before are gone with it, whether or not they said so.
  const top = frames.get(0);
  if (frameId === 0 && next.doc && top?.doc && top.doc !== next.doc) frames.clear();
  if (frameId !== 0 && next.state === 'active') frames.delete(frameId);
  else frames.set(frameId, next);
  await show(tabId, frames.get(0) ?? next);
}

/** Shows the worst state of the tab's frames (starting from `start`), or the extension's own look when none is left. */
async function show(tabId: number, start?: TabGuardState): Promise<void> {
  const frames = [...(framesOf.get(tabId)?.values() ?? [])];
  const first = start ?? frames[0];
  if (!first) {
    forgetTab(tabId);
    await paintBadge(tabId, null);
    return;
  }
  const merged = frames.reduce<TabGuardState>((worst, s) => (rank[s.state] > rank[worst.state] ? s : worst), first);
  memory.set(tabId, merged);
  await sessionArea()?.set({ [storageKey(tabId)]: merged });
  await paintBadge(tabId, merged);
}

async function paintBadge(tabId: number, merged: TabGuardState | null): Promise<void> {
  const action = actionApi();
  if (!action) return;
  if (!merged) {
    // The extension's own look: no badge, its name as the title.
    await Promise.all([action.setBadgeText({ tabId, text: '' }), action.setTitle({ tabId, title: extensionName() })]);
    return;
  }
  const look = badge[merged.state];
  await Promise.all([
    action.setBadgeText({ tabId, text: look.text }),
    action.setBadgeBackgroundColor({ tabId, color: look.color }),
    action.setTitle({ tabId, title: look.title[uiLanguage()] + (merged.detail ? ` (${merged.detail})` : '') }),
  ]);
}

export async function getTabState(tabId: number): Promise<TabGuardState | null> {
  const known = memory.get(tabId);
  if (known) return known;
  const stored = await sessionArea()?.get(storageKey(tabId));
  const value = stored?.[storageKey(tabId)] as TabGuardState | undefined;
  return value ?? null;
}

/**
 * A document left (pagehide). The top frame's page going clears the tab, unless a newer page already
 * reported (its `doc` differs); a sub-frame going stops counting.
 */
export async function leaveTabFrame(tabId: number, frameId: number, doc?: string): Promise<void> {
  const frames = framesOf.get(tabId);
  // After a service-worker restart only the stored tab state is left: it stands for the top frame.
  const current = frames?.get(frameId) ?? (frameId === 0 ? await getTabState(tabId) : null);
  if (!current || (doc && current.doc && current.doc !== doc)) return;
  if (frameId === 0) {
    forgetTab(tabId);
    await paintBadge(tabId, null);
    return;
  }
  frames!.delete(frameId);
  await show(tabId, frames!.get(0));
}

/**
 * A tab finished loading: if the toolbar shows a state for it, ask its top frame whether a guard there still
 * reports one. No content script answers on a page of another site (or an unguarded page), and then the
 * toolbar must not keep claiming the guard is active.
 */
export async function recheckTab(tabId: number, askTopFrame: (tabId: number) => Promise<unknown>): Promise<void> {
  if (!(await getTabState(tabId))) return;
  const answer = await askTopFrame(tabId).catch(() => undefined);
  if (guardPingAnswer.safeParse(answer).data?.reported) return;
  forgetTab(tabId);
  await paintBadge(tabId, null);
}

export function forgetTab(tabId: number): void {
  // The page that showed these people is gone: the side panel must not keep naming them.
  forgetTabPeople(tabId);
  memory.delete(tabId);
  framesOf.delete(tabId);
  void sessionArea()?.remove(storageKey(tabId));
}
