import { browser } from 'wxt/browser';
import type { AuditAnchor } from '../ledger/audit';
import type { Ledger } from '../ledger/repository';
import { AUDIT_ANCHOR_ALARM, createAnchorService, type AnchorService } from '../sync/anchors';
import { dexieTeamStore, ledgerConfigStorage } from '../sync/team-store';
import type { Handlers } from './router';

// The background side of audit anchors (issue 14.7, lib/sync/anchors.ts): the hourly alarm that anchors
// once a day, the catch-up at start-up (a stopped worker misses alarms), and the audit/verify and
// audit/head handlers. Exports anchor too: management-handlers calls `anchorNow` through its hooks.

/** Hourly: an anchor is due once a day, and an hourly look catches a day missed while the browser was closed. */
export const AUDIT_ANCHOR_PERIOD_MINUTES = 60;

export function startAuditAnchors(ledger: Ledger): AnchorService {
  const anchors = createAnchorService({ config: ledgerConfigStorage(ledger.db), ledger: ledger.auditLog, kv: dexieTeamStore(ledger.db) });
  const log = (error: unknown) => console.error('[outreach-guard] audit anchoring failed', error);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === AUDIT_ANCHOR_ALARM) void anchors.anchorIfDue().catch(log);
  });
  void browser.alarms.create(AUDIT_ANCHOR_ALARM, { periodInMinutes: AUDIT_ANCHOR_PERIOD_MINUTES });
  void anchors.anchorIfDue().catch(log);
  return anchors;
}

export function auditAnchorHandlers(ledger: Ledger, anchors: AnchorService): Pick<Handlers, 'audit/verify' | 'audit/head'> {
  return {
    'audit/verify': async (req) => {
      const server = await anchors.serverAnchors();
      const kept: AuditAnchor[] = req.kept ? [{ from: req.kept.seq, seq: req.kept.seq, hash: req.kept.hash, at: '', anchoredAt: '', fingerprints: [], where: 'kept' }] : [];
      const result = await ledger.verifyAudit([...server.anchors, ...kept]);
      return { ...result, server: { reachable: server.reachable, count: server.anchors.length } };
    },
    'audit/head': async () => {
      const { head, inTeam, lastAnchoredAt, anchoredToSeq, pending, refused, lastError } = await anchors.status();
      return { head, anchoring: { inTeam, lastAnchoredAt, anchoredToSeq, pending, refused, lastError } };
    },
  };
}
