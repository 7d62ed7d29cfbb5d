import { legacyTeamConfig } from './config';
import type { NewTeamEntry, TeamService, TeamSuppression } from './engine';

// The background registers its one service here (startTeamSync in lib/background/team-handlers.ts), so
// the verdict service and the ledger can reach the team list without knowing how it is stored.
let defaultService: TeamService | null = null;

export function setDefaultTeamService(service: TeamService | null) {
  defaultService = service;
}

/**
 * Team suppressions for a recipient's identity keys (`email:…`, `li-member:…`, `domain:…`). A hit fires
 * the same rule codes as a personal objection. Empty when team sync was never started and no team
 * configuration of an older version waits to be moved; throws when one does (a silent miss would let a
 * send through).
 */
export async function teamSuppressionsFor(identityKeys: string[]): Promise<TeamSuppression[]> {
  if (defaultService) return defaultService.suppressionsFor(identityKeys);
  if (!(await legacyTeamConfig())) return [];
  throw new Error('Team sync is not started: call startTeamSync() in the background first.');
}

/**
 * Queues a personal do-not-contact entry for the team too (no-op, false, when not in a team). The upload
 * happens at the next sync; call it after the personal objection is stored.
 */
export async function queueTeamEntry(identityKeys: string[], payload: NewTeamEntry): Promise<boolean> {
  if (defaultService) {
    const queued = await defaultService.queueIfInTeam(identityKeys, payload);
    if (queued) void defaultService.syncNow().catch(() => undefined); // errors land in the status
    return queued;
  }
  if (!(await legacyTeamConfig())) return false;
  throw new Error('Team sync is not started: call startTeamSync() in the background first.');
}
