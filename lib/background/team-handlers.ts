import { browser } from 'wxt/browser';
import { identityKeysOf, keysForTeamEntry } from '../identity/keys';
import type { LedgerDb } from '../ledger/db';
import { dexieTeamStore, ledgerConfigStorage } from '../sync/team-store';
import { setDefaultTeamService } from '../sync/default-service';
import { createTeamService, TEAM_SYNC_ALARM, type TeamService } from '../sync/engine';
import { TeamSyncError } from '../sync/errors';
import type { RequestType } from '../messaging/protocol';
import { UserFacingError, type Handlers } from './router';

// The background side of team sync (issue #7): the handlers for the team/* requests, and the start-up
// wiring (alarm every minute, a sync at start-up). Wire both in lib/background/main.ts:
//   const team = startTeamSync({ db });            // db: the ledger's LedgerDb
//   const handlers = { ...teamHandlers({ team }), ... };

export const TEAM_SYNC_PERIOD_MINUTES = 0.5;

export type TeamRequestType = Extract<RequestType, `team/${string}`>;
export type TeamHandlers = Pick<Handlers, TeamRequestType>;

export interface TeamHandlerDeps {
  team: TeamService;
}

/** TeamSyncError → an error the page can show as is: Dutch first, English in brackets. */
function userFacing(error: unknown): never {
  if (error instanceof TeamSyncError) {
    throw new UserFacingError(error.code, `${error.localized.nl} (${error.localized.en})`);
  }
  throw error;
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    return userFacing(error);
  }
}

/** The team tests' name for keysForTeamEntry (derived in lib/identity/keys.ts). */
export const keysForEntry = keysForTeamEntry;

function syncSoon(team: TeamService) {
  void team.syncNow().catch(() => undefined); // the status records the error in plain words
}

export function teamHandlers({ team }: TeamHandlerDeps): TeamHandlers {
  return {
    'team/join': (req) =>
      guarded(async () => {
        await team.join({ inviteCode: req.inviteCode, username: req.username, password: req.password });
        syncSoon(team); // the first pull of a large list may take a while: the status shows its progress
        return { joined: true };
      }),
    'team/sync-now': () => guarded(() => team.syncNow()),
    'team/create': (req) =>
      guarded(async () => {
        const inviteCode = await team.create({ serverUrl: req.serverUrl, username: req.username, password: req.password, db: req.db });
        return { inviteCode };
      }),
    'team/status': () => guarded(() => team.status()),
    'team/leave': () =>
      guarded(async () => {
        await team.leave();
        return { left: true };
      }),
    'team/invite': () => guarded(async () => ({ inviteCode: await team.invite() })),
    'team/add-entry': (req) =>
      guarded(async () => {
        const keys = keysForTeamEntry(req.identity, req.level);
        if (keys.length === 0) {
          throw new UserFacingError('invalid-identity', 'Geen bruikbaar e-mailadres, telefoonnummer, LinkedIn-profiel of domein. (No usable e-mail address, phone number, LinkedIn profile or domain.)', 'identity');
        }
        const queued = await team.addEntry(keys, { reason: req.reason, scope: req.scope, level: req.level, ...(req.label ? { label: req.label } : {}) });
        if (queued) syncSoon(team);
        return { queued };
      }),
    'team/retract': (req) =>
      guarded(async () => {
        if (!req.identity && !req.ids) {
          throw new UserFacingError('invalid-identity', 'Zeg welke vermelding ingetrokken moet worden. (Say which entry to retract.)', 'identity');
        }
        let retracted = 0;
        if (req.identity) {
          const keys = [...keysForTeamEntry(req.identity, 'person'), ...identityKeysOf({ domains: req.identity.domains })];
          retracted += await team.retract(keys);
        }
        if (req.ids) retracted += await team.retractIds(req.ids);
        return { retracted };
      }),
    // Extension pages only: the router refuses every non-content request type from content scripts.
    'team/list-entries': (req) => guarded(() => team.listEntries(req.offset, req.limit)),
    'team/create-rep': (req) =>
      guarded(async () => {
        await team.createRep({ username: req.username, password: req.password });
        return { created: true };
      }),
  };
}

/**
 * Starts team sync in the background: one service over the ledger database, registered as the default
 * for teamSuppressionsFor/queueTeamEntry, synced at start-up and by the `team-sync` alarm every 30 s
 * (with back-off after errors). Call it synchronously in the background's main so the alarm listener
 * exists when an alarm wakes the worker.
 */
export function startTeamSync(options: { db: LedgerDb } | { team: TeamService }): TeamService {
  const team =
    'team' in options
      ? options.team
      : createTeamService({
          store: dexieTeamStore(options.db),
          config: ledgerConfigStorage(options.db),
          hasHostPermission: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
        });
  setDefaultTeamService(team);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TEAM_SYNC_ALARM) void team.syncIfDue();
  });
  // Twice a minute (Chrome's minimum period is 30 s) so an objection reaches every rep within 60 s.
  void browser.alarms.create(TEAM_SYNC_ALARM, { periodInMinutes: TEAM_SYNC_PERIOD_MINUTES });
  void team.syncIfDue();
  return team;
}
