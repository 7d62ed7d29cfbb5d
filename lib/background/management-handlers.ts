import { base64Size, base64ToBytes, bytesToBase64 } from '../backup/base64';
import { CsvError } from '../csv/parse';
import { companyKey, keysOfQuery } from '../identity/keys';
import { normalizeDomain, normalizePhone } from '../identity/normalize';
import { ErasedIdentityError, LedgerError } from '../ledger/errors';
import { JobRegistry } from '../ledger/jobs';
import type { BasisDraft, Ledger } from '../ledger/repository';
import { type AuditEntry } from '../model/audit';
import { EVIDENCE_MAX_BYTES } from '../model/evidence';
import { managementRequests, type AuditPeople } from '../messaging/management';
import { backupHandlers } from './backup-handlers';
import { csvHandlers } from './csv-handlers';
import { UserFacingError, type Handler } from './router';

// The background's handlers for every management request (extension pages only; the router checks the
// sender). Errors the user should see become UserFacingError with the field or row they concern.

export type ManagementRequestType = (typeof managementRequests)[number]['shape']['type']['value'];
export type ManagementHandlers = { [T in ManagementRequestType]: Handler<T> };

function userFacing(error: unknown): never {
  if (error instanceof ErasedIdentityError) throw new UserFacingError(error.code, error.message, error.where, error.erasedAt);
  if (error instanceof LedgerError) throw new UserFacingError(error.code, error.message, error.where);
  if (error instanceof CsvError) throw new UserFacingError('invalid-csv', error.message, error.row ? `row ${error.row}` : error.field);
  throw error;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

/**
 * Names for the people a page of the audit log is about: a contact's name while the contact exists, and for a
 * do-not-contact key its masked label ("j…@acme.nl") and kind. An erased person is named by neither.
 */
async function auditPeople(ledger: Ledger, entries: readonly AuditEntry[]): Promise<AuditPeople> {
  const contactIds = new Set<string>();
  const keyHashes = new Set<string>();
  for (const e of entries) {
    if (e.contactId) contactIds.add(e.contactId);
    for (const id of strings(e.detail.contactIds)) contactIds.add(id);
    for (const h of [...strings(e.detail.keyHashes), ...strings(e.detail.keyHash)]) keyHashes.add(h);
  }
  const contacts: AuditPeople['contacts'] = {};
  for (const id of contactIds) {
    const c = await ledger.getContact(id);
    if (c) contacts[id] = c.name;
  }
  const keys: AuditPeople['keys'] = {};
  if (keyHashes.size > 0) {
    // IndexedDB counts must fit 32 bits; a million entries is more than any list the page could show.
    const all = await ledger.listSuppressions(0, 1_000_000);
    for (const s of all.items) {
      if (keyHashes.has(s.keyHash)) keys[s.keyHash] = { kind: s.keyKind, ...(s.label ? { label: s.label } : {}), ...(s.erased ? { erased: true } : {}) };
    }
  }
  return { contacts, keys };
}

/** Wraps each handler so ledger and CSV errors reach the page as user-facing messages. */
function guarded<H extends Record<string, (...args: never[]) => Promise<unknown>>>(handlers: H): H {
  const out: Record<string, unknown> = {};
  for (const [type, fn] of Object.entries(handlers)) {
    out[type] = async (...args: never[]) => {
      try {
        return await fn(...args);
      } catch (e) {
        return userFacing(e);
      }
    };
  }
  return out as H;
}

export interface ManagementHooks {
  /**
   * Called after a do-not-contact entry was stored from a management page (do-not-contact form, a call
   * objection). main.ts passes the team-sync queue here (queueTeamEntry) so the team learns of it too.
   */
  onSuppressionAdded?: (keys: string[], entry: { reason: string; scope: 'all' | 'email' | 'phone' | 'linkedin'; level: 'person' | 'company' }) => Promise<unknown>;
  /** Called before a backup or audit export: main.ts anchors the audit chain on the team server (lib/sync/anchors.ts). */
  beforeExport?: () => Promise<unknown>;
}

export function managementHandlers(ledger: Ledger, jobs = new JobRegistry(), hooks: ManagementHooks = {}): ManagementHandlers {
  // The local entry is already stored when this runs; the hook (main.ts) never throws and a team queue
  // failure shows in the team status.
  const shareSuppression: NonNullable<ManagementHooks['onSuppressionAdded']> = (keys, entry) =>
    hooks.onSuppressionAdded ? hooks.onSuppressionAdded(keys, entry) : Promise.resolve();
  const today = () => new Date().toISOString().slice(0, 10);
  // An export never fails for want of a team server: the anchor then waits on the device (anchors.ts).
  const anchorExport = async (): Promise<void> => {
    await hooks.beforeExport?.().catch(() => undefined);
  };
  const handlers: ManagementHandlers = {
    ...backupHandlers(ledger, anchorExport),

    'contacts/list': (req) => ledger.listContacts({ query: req.query, filters: req.filters, offset: req.offset, limit: req.limit }),
    'contacts/get': (req) => ledger.contactPage(req.id),
    'contacts/save': async (req) => {
      const { provenance, basis, linkedin, confirmErased, ...draft } = req.contact;
      if (!draft.id && !provenance) {
        throw new UserFacingError('invalid-contact', 'Say where this contact’s data came from (legal-rules §5).', 'contact.provenance.source');
      }
      try {
        return await ledger.saveContact(
          { ...draft, linkedin },
          { ...(provenance ? { provenance } : {}), ...(basis ? { basis: basis as BasisDraft } : {}), ...(confirmErased ? { confirmErased } : {}) },
        );
      } catch (e) {
        // Field paths as in the request (`contact.emails.1`), like the schema's own errors.
        if (e instanceof ErasedIdentityError && !e.where?.startsWith('contact.')) throw new ErasedIdentityError(e.erasedAt, `contact.${e.where}`, e.basisMissing);
        if (e instanceof LedgerError && e.where && !e.where.startsWith('contact.')) throw new LedgerError(e.code, e.message, `contact.${e.where}`);
        throw e;
      }
    },
    'contacts/delete': async (req) => ({ deleted: await ledger.deleteContact(req.id) }),
    'bases/save': async (req) => ({ id: await ledger.saveBasis(req.contactId, req.basis as BasisDraft) }),
    'bases/delete': async (req) => ({ deleted: await ledger.deleteBasis(req.id) }),
    'provenance/add': async (req) => ({ id: await ledger.addProvenance(req.contactId, req.provenance) }),

    'evidence/add-note': async (req) => ({
      id: await ledger.addEvidenceNote({ contactId: req.contactId, date: req.date, title: req.title, text: req.text, ...(req.basisId ? { basisId: req.basisId } : {}) }),
    }),
    'evidence/add-file': async (req) => {
      if (base64Size(req.base64) > EVIDENCE_MAX_BYTES) {
        throw new UserFacingError('too-large', `The file is larger than ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB, the limit for evidence files.`, 'file');
      }
      let bytes: Uint8Array;
      try {
        bytes = base64ToBytes(req.base64);
      } catch {
        throw new UserFacingError('invalid-file', 'The file could not be read (invalid base64).', 'file');
      }
      return ledger.addEvidenceFile({
        contactId: req.contactId,
        date: req.date,
        title: req.title,
        fileName: req.fileName,
        mime: req.mime,
        bytes,
        ...(req.basisId ? { basisId: req.basisId } : {}),
      });
    },
    'evidence/get-file': async (req) => {
      const { meta, bytes } = await ledger.getEvidenceFile(req.id);
      return { fileName: meta.fileName ?? 'evidence', mime: meta.mime ?? 'application/octet-stream', base64: bytesToBase64(bytes), sha256: meta.sha256 ?? '', size: bytes.byteLength };
    },
    'evidence/delete': async (req) => ({ deleted: await ledger.deleteEvidence(req.id) }),

    'assessments/list': async () => ({ items: await ledger.listAssessments() }),
    'assessments/get': (req) => ledger.getAssessment(req.id, req.version),
    'assessments/save': (req) => ledger.saveAssessment(req.assessment as Parameters<Ledger['saveAssessment']>[0]),

    'suppressions/list': (req) => ledger.listSuppressions(req.offset, req.limit),
    'suppressions/add': async (req) => {
      let keys: string[];
      let level: 'person' | 'company' = 'person';
      switch (req.by) {
        case 'email':
        case 'phone':
        case 'linkedin':
          keys = keysOfQuery(req.by === 'linkedin' && !/linkedin|\/|:/i.test(req.value) ? `https://www.linkedin.com/in/${req.value}` : req.value);
          if (req.by === 'email' && !keys[0]?.startsWith('email:')) keys = [];
          if (req.by === 'phone' && !keys[0]?.startsWith('phone:')) keys = [];
          if (req.by === 'linkedin' && !keys[0]?.startsWith('li-')) keys = [];
          break;
        case 'domain': {
          const d = normalizeDomain(req.value);
          keys = d ? [`domain:${d}`] : [];
          level = 'company';
          break;
        }
        case 'company': {
          // A company by its domain, an address at it, or its name.
          const d = /[.@]/.test(req.value) ? normalizeDomain(req.value) : null;
          keys = d ? [`domain:${d}`] : req.value.trim() ? [companyKey(req.value)] : [];
          level = 'company';
          break;
        }
      }
      if (keys.length === 0) {
        const what = { email: 'e-mail address', phone: 'phone number', linkedin: 'LinkedIn profile URL', domain: 'domain', company: 'company' }[req.by];
        throw new UserFacingError('invalid-value', `"${req.value}" is not a valid ${what}.`, 'value');
      }
      const added = await ledger.addSuppressionForKeys(keys, { scope: req.scope, reason: req.reason, level });
      await shareSuppression(keys, { reason: req.reason, scope: req.scope, level });
      return { added, keys: keys.map((k) => k.slice(0, k.indexOf(':'))) };
    },
    'suppressions/remove': async (req) => ({ removed: await ledger.removeSuppression(req.id) }),

    'rights/access-export': async (req) => {
      const x = await ledger.accessExport(req.contactId);
      const c = x.contact;
      const json = JSON.parse(JSON.stringify(x)) as Record<string, unknown>;
      const sections = [
        {
          heading: 'Identiteit / Identity',
          rows: [
            { label: 'Naam / Name', value: c.name },
            ...c.emails.map((e) => ({ label: 'E-mail', value: e })),
            ...c.phones.map((p) => ({ label: 'Telefoon / Phone', value: p })),
            ...c.linkedin.vanities.map((v) => ({ label: 'LinkedIn', value: `https://www.linkedin.com/in/${v}/` })),
            ...(c.company?.name ? [{ label: 'Bedrijf / Company', value: c.company.name }] : []),
          ],
        },
        {
          heading: 'Herkomst / Where the data came from',
          rows: x.provenance.map((p) => ({ label: p.obtainedAt.slice(0, 10), value: [p.source, p.detail, p.url].filter(Boolean).join(' — ') })),
        },
        {
          heading: 'Grondslag / Lawful basis',
          rows: x.bases.map((b) => ({ label: b.type, value: `${b.recordedAt.slice(0, 10)}${b.note ? ` — ${b.note}` : ''}` })),
        },
        {
          heading: 'Bewijs / Evidence',
          rows: x.evidence.map((e) => ({ label: e.date.slice(0, 10), value: e.kind === 'file' ? `${e.fileName} (${e.size} bytes, SHA-256 ${e.sha256})` : (e.text ?? '') })),
        },
        {
          heading: 'Verzonden en contact / Sent and contact history',
          rows: x.events.map((e) => ({ label: e.at.slice(0, 16).replace('T', ' '), value: [e.kind, e.channel, e.outcome].filter(Boolean).join(' · ') })),
        },
        {
          heading: 'Bezwaar / Objections',
          rows: x.suppressions.map((s) => ({ label: s.recordedAt.slice(0, 10), value: `${s.level}, ${s.scope}: ${s.reason}` })),
        },
        // The audit log's head when this report was made: kept with the report, it shows later whether the log changed.
        {
          heading: 'Auditlog / Audit log',
          rows: x.auditHead
            ? [
                { label: 'Laatste regel / Last entry', value: String(x.auditHead.seq) },
                { label: 'Tijd / Time', value: x.auditHead.at },
                { label: 'Hash (SHA-256)', value: x.auditHead.hash },
              ]
            : [],
        },
      ];
      return { json, title: `Inzageverzoek / Access request — ${c.name}`, sections };
    },
    'rights/erase': (req) => ledger.erase(req.contactId, req.reason),

    'cleanup/scan': () => ledger.cleanupScan(),
    'cleanup/erase': async (req) => {
      const job = jobs.start('cleanup-erase', req.ids.length, async (progress) => ({
        result: await ledger.eraseMany(req.ids, req.reason, (done, total) => progress(done, total)),
      }));
      return { jobId: job.id };
    },
    'jobs/status': async (req) => {
      const j = jobs.get(req.jobId);
      if (!j) throw new UserFacingError('not-found', 'This job is unknown (the background may have restarted).', 'jobId');
      const { startedAt: _s, ...status } = j;
      return status;
    },

    'audit/list': async (req) => {
      const page = await ledger.listAudit(req);
      return { ...page, people: await auditPeople(ledger, page.items) };
    },
    'audit/export': async () => {
      await anchorExport();
      return { entries: await ledger.exportAudit(), verify: await ledger.verifyAudit(), head: await ledger.auditLog.auditHead() };
    },

    'settings/get': async () => ({ settings: await ledger.getSettings() }),
    'settings/save': async (req) => ({ settings: await ledger.saveSettings(req.settings) }),

    ...csvHandlers(ledger, jobs, today),

    'mylist/list': (req) => ledger.myList(req.offset, req.limit),
    'lookup/person': async (req) => {
      const keys = keysOfQuery(req.query);
      if (keys.length === 0) return { keys, found: false, suppressed: false, erased: false };
      const facts = await ledger.factsForRecipient(keys);
      return {
        keys,
        found: facts.known,
        ...(facts.contact ? { contact: ledger.summaryOf(facts.contact) } : {}),
        suppressed: facts.suppressions.length > 0,
        erased: facts.erased,
      };
    },
    'call/log-outcome': async (req) => {
      const phone = normalizePhone(req.phone);
      if (!phone) throw new UserFacingError('invalid-phone', `"${req.phone}" is not a valid phone number.`, 'phone');
      const { blockedKeys, ...r } = await ledger.logCallOutcome({ ...(req.contactId ? { contactId: req.contactId } : {}), phoneKey: `phone:${phone}`, outcome: req.outcome, note: req.note, openingRead: req.openingRead });
      // The team gets every identity the objection blocked (the contact's e-mail and LinkedIn too), not only the number.
      if (blockedKeys.length) await shareSuppression(blockedKeys, { reason: 'objected during a call', scope: 'all', level: 'person' });
      return r;
    },
  };
  return guarded(handlers);
}
