import { createRouter, type Handlers } from '../../../lib/background/router';
import { managementHandlers } from '../../../lib/background/management-handlers';
import { auditAnchorHandlers } from '../../../lib/background/audit-anchors';
import { createAnchorService } from '../../../lib/sync/anchors';
import { memoryTeamStore } from '../../../lib/sync/store';
import { JobRegistry } from '../../../lib/ledger/jobs';
import { responseSchemas, type RequestType } from '../../../lib/messaging/protocol';
import { freshLedger } from '../ledger/helpers';

const EXT = 'test-extension-id';
const page = { id: EXT, url: `chrome-extension://${EXT}/options.html` };

/** The background's router over the management handlers, called as the options page would. */
export function managementBackground(now?: string) {
  const ledger = freshLedger(now);
  const jobs = new JobRegistry();
  const shared: { keys: string[]; entry: unknown }[] = [];
  const hooks = { onSuppressionAdded: async (keys: string[], entry: unknown) => void shared.push({ keys, entry }) };
  // Not in a team: verify checks the chain and the device's own anchor copies.
  const noTeam = { get: async () => null, set: async () => undefined, clear: async () => undefined };
  const anchors = createAnchorService({ config: noTeam, ledger: ledger.auditLog, kv: memoryTeamStore() });
  const handlers = new Proxy({ ...managementHandlers(ledger, jobs, hooks), ...auditAnchorHandlers(ledger, anchors) } as unknown as Handlers, {
    get: (target, type: string) => (type in target ? target[type as RequestType] : async () => ({})),
  });
  const route = createRouter(handlers, { extensionId: EXT, extensionBaseUrl: `chrome-extension://${EXT}/` });
  /** Sends a request and checks the answer against its response schema, as the client does. */
  async function ask(request: { type: string } & Record<string, unknown>, sender: object = page) {
    const raw = await route(request, sender);
    const schema = responseSchemas[request.type as RequestType];
    if (schema) {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw new Error(`response to ${request.type} does not match its schema: ${parsed.error.message}`);
    }
    return raw as { ok: true; result: any } | { ok: false; error: { code: string; message: string; where?: string } }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }
  async function ok(request: { type: string } & Record<string, unknown>) {
    const r = await ask(request);
    if (!r.ok) throw new Error(`${request.type} failed: ${r.error.code} ${r.error.message} (${r.error.where ?? ''})`);
    return r.result;
  }
  /** What the import page does: the file goes to csv/preview once; the import names the preview's check. */
  async function importCsv(csv: string, choices: Record<string, unknown> = {}) {
    const preview = await ok({ type: 'csv/preview', csv });
    return ok({ type: 'csv/import', planId: preview.planId, ...choices });
  }
  return { ledger, jobs, ask, ok, importCsv, shared };
}

export const contentScriptSender = { id: EXT, url: 'https://www.linkedin.com/in/someone/', tab: { id: 4, url: 'https://www.linkedin.com/in/someone/' }, frameId: 0 };
