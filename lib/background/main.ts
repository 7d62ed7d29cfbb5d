import { browser } from 'wxt/browser';
import { benchHooks } from '../../bench/ledger-hooks';
import { Ledger } from '../ledger/repository';
import { queueTeamEntry, teamSuppressionsFor } from '../sync/default-service';
import { guardHandlers, setupUrl } from './guard-handlers';
import { missingForNotice } from '../rules/disclosure';
import { resumeBackupRestore } from './backup-handlers';
import { managementHandlers } from './management-handlers';
import { createRouter, type Handlers } from './router';
import { forgetTab, recheckTab } from './tab-state';
import { startTeamSync, teamHandlers } from './team-handlers';
import { auditAnchorHandlers, startAuditAnchors } from './audit-anchors';
import { createVerdictService } from './verdict-service';

// The background: owns the ledger (IndexedDB in the extension's own origin), the verdict service and team
// sync, and answers runtime messages through one router. Listeners are registered synchronously so a
// message or alarm that wakes the service worker finds them.

/** Opens the first-run setup, unless the organisation is set up already (a restored profile, a managed install). */
async function openSetupAfterInstall(ledger: Ledger, optionsUrl: string): Promise<void> {
  try {
    const settings = await ledger.getSettings();
    if (missingForNotice(settings.organisation).length === 0) return;
    await browser.tabs.create({ url: setupUrl(optionsUrl) });
  } catch (error) {
    console.error('[outreach-guard] could not open the setup page', error);
  }
}

export function startBackground() {
  const ledger = new Ledger();
  const team = startTeamSync({ db: ledger.db });
  const anchors = startAuditAnchors(ledger);
  const verdicts = createVerdictService({ ledger, teamSuppressionsFor, now: () => new Date() });
  // One way to tell the team of a personal objection, for the composer and the management pages alike. The
  // personal entry is stored first; a failure to queue it lands in the team status (the engine writes it).
  const shareWithTeam = (keys: string[], entry: Parameters<typeof queueTeamEntry>[1]) =>
    queueTeamEntry(keys, entry).catch((error: unknown) => {
      console.error('[outreach-guard] a do-not-contact entry could not be queued for the team', error);
      return false;
    });
  // One handler per request type: a missing one is a type error.
  const handlers: Handlers = {
    ...guardHandlers({ ledger, verdicts, queueTeamEntry: shareWithTeam }),
    // Do-not-contact entries from the management pages (and call objections) reach the team too.
    ...managementHandlers(ledger, undefined, { onSuppressionAdded: shareWithTeam, beforeExport: () => anchors.anchorNow() }),
    ...auditAnchorHandlers(ledger, anchors),
    ...teamHandlers({ team }),
  };
  const route = createRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionBaseUrl: browser.runtime.getURL('/'),
    onError: (type, error) => console.error(`[outreach-guard] ${type} failed`, error),
  });
  browser.runtime.onMessage.addListener((message: unknown, sender) => route(message, sender));
  browser.tabs.onRemoved.addListener((tabId) => forgetTab(tabId));
  // A fresh install opens the short setup: until it is done the hold inserts no privacy notice.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void openSetupAfterInstall(ledger, browser.runtime.getURL('/options.html'));
  });
  // A full page load (not an in-page navigation) may have left the sites we guard: the toolbar checks.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'complete') void recheckTab(tabId, (id) => browser.tabs.sendMessage(id, { type: 'guard/ping' }, { frameId: 0 }));
  });
  // A restore the browser stopped half-way continues from its last committed chunk (never left half-done).
  void resumeBackupRestore(ledger).catch((error) => console.error('[outreach-guard] the interrupted restore could not continue', error));
  // Build the contacts search index now, so the first search does not wait for it.
  void ledger.warmUp().catch((error) => console.error('[outreach-guard] warm-up failed', error));

  if (import.meta.env.VITE_OG_BENCH === '1') {
    // Benchmark builds only: Playwright reaches the real ledger through serviceWorker.evaluate. (A static
    // import: service workers refuse import(); other builds drop this branch and the module with it.)
    (globalThis as { __ogBench?: unknown }).__ogBench = benchHooks(ledger, { teamSuppressionsFor });
  }
}
