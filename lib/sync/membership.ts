import { DESIGN_DOC_ID, teamRoles, teamSecurityObject, VALIDATE_DOC_UPDATE } from './couch';
import { generateTeamKey } from './crypto';
import { TeamSyncError } from './errors';
import type { TeamConfigStorage } from './config';
import type { TeamContext } from './context';
import { canonicalServerUrl, couchDbNameSchema, encodeInvite, InvalidInviteError, parseInvite } from './invite';
import type { StatusRecords } from './status';
import type { TeamStore } from './store';

// Joining and making a team: a rep joins with an invite and their own account, a lead creates the team's
// database and invites reps. Each checks the server's answer before anything local changes.

export function createMembership(
  { keysFor, clientFor, requireConfig, explainUnreachable, checkKey }: TeamContext,
  { config, store, status }: { config: TeamConfigStorage; store: TeamStore; status: StatusRecords },
) {
  const { writeStatus } = status;
  return {
    /** A rep joins with an invite code and their own account. Checks password, access and team key first. */
    async join(input: { inviteCode: string; username: string; password: string }): Promise<void> {
      let invite;
      try {
        invite = parseInvite(input.inviteCode);
      } catch (error) {
        if (error instanceof InvalidInviteError) throw new TeamSyncError('invalid-invite', error.detail);
        throw error;
      }
      const client = clientFor({ serverUrl: invite.serverUrl, username: input.username, password: input.password });
      try {
        await client.session();
        await checkKey(client, invite.db, await keysFor(invite.teamKey));
      } catch (error) {
        await explainUnreachable(error, invite.serverUrl);
      }
      const previous = await config.get();
      if (previous && (previous.serverUrl !== invite.serverUrl || previous.db !== invite.db || previous.teamKey !== invite.teamKey)) {
        await store.clear(); // another team: its entries and outbox must not leak into this one
      }
      await config.set({ ...invite, v: 1, username: input.username, password: input.password, role: 'rep' });
      await writeStatus({ nextAttemptAt: null, consecutiveFailures: 0, lastError: null });
    },

    /**
     * The lead creates a team with server-admin credentials: database, security object (lead = admin,
     * reps = members by role), design doc with the validation function and key check, and a new team key.
     * Returns the invite code.
     */
    async create(input: { serverUrl: string; username: string; password: string; db: string }): Promise<string> {
      const serverUrl = canonicalServerUrl(input.serverUrl);
      const db = couchDbNameSchema.parse(input.db);
      const client = clientFor({ serverUrl, username: input.username, password: input.password });
      const teamKey = generateTeamKey();
      const keys = await keysFor(teamKey);
      try {
        const session = await client.session();
        if (!session.roles.includes('_admin')) throw new TeamSyncError('not-server-admin');
        if (!(await client.createDb(db))) {
          const ddoc = await client.getDoc(db, DESIGN_DOC_ID);
          const firstChange = await client.changes(db, { limit: 1, includeDocs: false });
          // Reuse only an empty database; a team's existing list is never overwritten with a new key.
          if (ddoc || firstChange.results.length > 0) throw new TeamSyncError('db-exists', db);
        }
        await client.putSecurity(db, teamSecurityObject(db, input.username));
        await client.putDoc(db, { _id: DESIGN_DOC_ID, language: 'javascript', validate_doc_update: VALIDATE_DOC_UPDATE, keyCheck: keys.keyCheck, outreachGuard: { v: 1 } });
      } catch (error) {
        await explainUnreachable(error, serverUrl);
      }
      const previous = await config.get();
      if (previous) await store.clear();
      await config.set({ v: 1, serverUrl, db, teamKey, username: input.username, password: input.password, role: 'lead' });
      await writeStatus({ nextAttemptAt: null, consecutiveFailures: 0, lastError: null });
      return encodeInvite({ serverUrl, db, teamKey });
    },

    /** The invite code of the current team (for the lead to show again). */
    async invite(): Promise<string> {
      const c = await requireConfig();
      if (c.role !== 'lead') throw new TeamSyncError('not-team-admin');
      return encodeInvite({ serverUrl: c.serverUrl, db: c.db, teamKey: c.teamKey });
    },

    /** The lead (a server admin) creates a rep account with the team's rep role. */
    async createRep(input: { username: string; password: string }): Promise<void> {
      const c = await requireConfig();
      if (c.role !== 'lead') throw new TeamSyncError('not-team-admin');
      const client = clientFor(c);
      const session = await client.session().catch((e: unknown) => explainUnreachable(e, c.serverUrl));
      if (!session.roles.includes('_admin')) throw new TeamSyncError('not-server-admin');
      await client.createUser(input.username, input.password, [teamRoles(c.db).rep]);
    },
  };
}
