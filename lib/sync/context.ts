import { CouchClient, DESIGN_DOC_ID, VALIDATE_DOC_UPDATE } from './couch';
import { deriveTeamKeys, type TeamKeys } from './crypto';
import { TeamSyncError } from './errors';
import type { TeamConfig, TeamConfigStorage } from './config';

// What every part of the team service needs: the team keys (derived once per team key), a CouchDB client
// for a configuration, and the checks that turn a server's answer into the error a person can act on.

export interface TeamContextDeps {
  /** the team's secrets: trusted contexts only (ledgerConfigStorage in the background) */
  config: TeamConfigStorage;
  fetch?: typeof fetch;
  /** whether the extension holds the host permission for an origin (the page asks for it) */
  hasHostPermission?: (origin: string) => Promise<boolean>;
}

export function createTeamContext(deps: TeamContextDeps) {
  const config = deps.config;
  const keyCache = new Map<string, Promise<TeamKeys>>();

  function keysFor(teamKey: string): Promise<TeamKeys> {
    let keys = keyCache.get(teamKey);
    if (!keys) {
      keys = deriveTeamKeys(teamKey);
      keyCache.set(teamKey, keys);
    }
    return keys;
  }

  function clientFor(c: Pick<TeamConfig, 'serverUrl' | 'username' | 'password'>) {
    return new CouchClient({ serverUrl: c.serverUrl, auth: { username: c.username, password: c.password }, fetch: deps.fetch });
  }

  async function requireConfig(): Promise<TeamConfig> {
    const c = await config.get();
    if (!c) throw new TeamSyncError('not-in-team');
    return c;
  }

  /** A network failure without the host permission is most likely the missing permission (CORS). */
  async function explainUnreachable(error: unknown, serverUrl: string): Promise<never> {
    if (error instanceof TeamSyncError && error.code === 'unreachable' && deps.hasHostPermission) {
      const granted = await deps.hasHostPermission(new URL(serverUrl).origin).catch(() => true);
      if (!granted) throw new TeamSyncError('permission-missing', error.detail);
    }
    throw error;
  }

  /** The design doc names the team key it was made for; a different key means a wrong invite. */
  async function checkKey(client: CouchClient, db: string, keys: TeamKeys) {
    const ddoc = await client.getDoc(db, DESIGN_DOC_ID).catch((e: unknown) => {
      if (e instanceof TeamSyncError && e.code === 'not-found') return null;
      throw e;
    });
    if (!ddoc) throw new TeamSyncError('not-found', `${db}/${DESIGN_DOC_ID} missing: not an Outreach Guard team database`);
    if (ddoc.keyCheck !== keys.keyCheck) throw new TeamSyncError('key-mismatch');
    return ddoc;
  }

  /**
   * A team made by an older version has the older validation function (which deleted entries and so let
   * a retraction be undone). The lead, a database admin, installs the current one before retracting.
   */
  async function upgradeValidation(c: TeamConfig, client: CouchClient, keys: TeamKeys) {
    const ddoc = await checkKey(client, c.db, keys);
    if (ddoc.validate_doc_update === VALIDATE_DOC_UPDATE) return;
    await client.putDoc(c.db, { ...ddoc, _id: DESIGN_DOC_ID, validate_doc_update: VALIDATE_DOC_UPDATE });
  }

  return { keysFor, clientFor, requireConfig, explainUnreachable, checkKey, upgradeValidation };
}

export type TeamContext = ReturnType<typeof createTeamContext>;
