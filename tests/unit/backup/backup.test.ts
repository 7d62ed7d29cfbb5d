import { describe, expect, test } from 'vitest';
import { managementBackground } from '../management/setup';

async function populated() {
  const bg = managementBackground('2026-03-01T10:00:00.000Z');
  const { id } = await bg.ok({
    type: 'contacts/save',
    contact: {
      name: 'Jan Jansen',
      emails: ['jan@acme.nl'],
      phones: ['0612345678'],
      linkedin: ['https://www.linkedin.com/in/jan-jansen/'],
      provenance: { source: 'data_subject', obtainedAt: '2026-01-01' },
      basis: {
        type: 'consent',
        who: 'Jan Jansen',
        when: '2026-01-01',
        how: 'form',
        what: { entity: 'Acme B.V.', products: ['software'], channels: ['email'] },
        shownText: 'Ja, mail mij',
        capturedBy: 'webform',
      },
    },
  });
  const file = await bg.ok({ type: 'evidence/add-file', contactId: id, date: '2026-01-01', fileName: 'form.pdf', mime: 'application/pdf', base64: Buffer.from('%PDF-1.4 consent form').toString('base64') });
  await bg.ok({ type: 'evidence/add-note', contactId: id, date: '2026-01-01', text: 'Filled in at the fair' });
  await bg.ok({ type: 'suppressions/add', by: 'domain', value: 'beta.nl', scope: 'all', reason: 'asked' });
  await bg.ok({ type: 'assessments/save', assessment: { title: 'LIA', interest: 'i', necessity: 'n', balancing: 'b', retentionMonths: 12, reviewDate: '2027-01-01' } });
  await bg.ledger.recordOutbound({ channel: 'email', recipients: [{ keys: ['email:jan@acme.nl'] }], disclosureIncluded: true, bodyFingerprint: 'fp' });
  const { settings } = await bg.ok({ type: 'settings/get' });
  await bg.ok({ type: 'settings/save', settings: { ...settings, organisation: { ...settings.organisation, legalName: 'Acme B.V.' } } });
  return { bg, id, fileId: file.id as string };
}

describe('backup', () => {
  test('round-trips the whole ledger: contacts, records, evidence files, suppressions, settings and the audit chain', async () => {
    const { bg, id, fileId } = await populated();
    const { backup } = await bg.ok({ type: 'backup/export' });
    expect(backup).toMatchObject({ format: 'outreach-guard-backup', version: 1 });
    // Through JSON, as a file would.
    const text = JSON.stringify(backup);
    const other = managementBackground();
    await other.ok({ type: 'contacts/save', contact: { name: 'Will be replaced', emails: ['x@x.nl'], provenance: { source: 'unknown', obtainedAt: '2026-01-01' } } });
    const r = await other.ok({ type: 'backup/import', backup: JSON.parse(text), mode: 'replace' });
    expect(r.imported).toMatchObject({ contacts: 1, evidence: 2, suppressions: 1, assessments: 1 });
    const page = await other.ok({ type: 'contacts/get', id });
    expect(page.contact.emails).toEqual(['jan@acme.nl']);
    expect(page.bases[0].what.entity).toBe('Acme B.V.');
    expect(page.summary.firstContactPending).toBe(false);
    const file = await other.ok({ type: 'evidence/get-file', id: fileId });
    expect(Buffer.from(file.base64, 'base64').toString()).toBe('%PDF-1.4 consent form');
    expect((await other.ok({ type: 'lookup/person', query: 'x@x.nl' })).found).toBe(false);
    expect((await other.ok({ type: 'lookup/person', query: 'someone@beta.nl' })).suppressed).toBe(true);
    expect((await other.ok({ type: 'settings/get' })).settings.organisation.legalName).toBe('Acme B.V.');
    // The imported chain is kept and continues with the import entry.
    const audit = await other.ok({ type: 'audit/export' });
    expect(audit.verify.ok).toBe(true);
    expect(audit.entries.slice(0, backup.data.audit.length)).toEqual(backup.data.audit);
    expect(audit.entries[audit.entries.length - 1].action).toBe('backup-imported');
    // And exporting again gives the same data.
    const again = (await other.ok({ type: 'backup/export' })).backup;
    for (const t of ['contacts', 'bases', 'evidence', 'provenance', 'events', 'suppressions', 'assessments', 'settings'] as const) {
      expect(again.data[t], t).toEqual(backup.data[t]);
    }
  });

  test('merge: a contact already present with the same e-mail is merged, not duplicated', async () => {
    const { bg } = await populated();
    const { backup } = await bg.ok({ type: 'backup/export' });
    const other = managementBackground();
    const mine = await other.ok({ type: 'contacts/save', contact: { name: 'Jan J.', emails: ['jan@acme.nl'], phones: ['0201234567'], provenance: { source: 'colleague', obtainedAt: '2026-02-01' } } });
    const r = await other.ok({ type: 'backup/import', backup, mode: 'merge' });
    expect(r.imported.mergedContacts).toBe(1);
    const list = await other.ok({ type: 'contacts/list' });
    expect(list.total).toBe(1);
    const page = await other.ok({ type: 'contacts/get', id: mine.id });
    expect(page.contact.phones.sort()).toEqual(['+31201234567', '+31612345678']);
    expect(page.bases.map((b: { type: string }) => b.type)).toEqual(['consent']);
    expect(page.provenance.map((p: { source: string }) => p.source).sort()).toEqual(['colleague', 'data_subject']);
    expect(page.evidence).toHaveLength(2);
    expect((await other.ok({ type: 'audit/verify' })).ok).toBe(true);
  });

  describe('bad input is refused with a clear message and nothing already stored is lost', () => {
    const cases: [string, (b: Record<string, unknown>) => unknown, RegExp][] = [
      ['malformed JSON', () => '{"format": "outreach-guard-backup", "version": 1, "data": {', /JSON cannot be read/],
      ['not a backup', () => ({ hello: 'world' }), /not an Outreach Guard backup/],
      ['an unknown version', (b) => ({ ...b, version: 99 }), /version 99.*reads version 1.*Update/],
      ['a 100 MB file', () => `{"format":"outreach-guard-backup","version":1,"pad":"${'x'.repeat(100 * 1024 * 1024)}"}`, /^Het bestand is 101 MB; Outreach Guard leest bestanden tot 50 MB\. \(The file is 101 MB; Outreach Guard reads files up to 50 MB\.\)$/],
      // As the options page sends it: parsed. 300 000 rows in one table (the size check once overflowed the stack at 65 000).
      ['a parsed backup of 300 000 contacts over the limit', (b) => ({ ...b, data: { ...(b.data as object), contacts: Array.from({ length: 300_000 }, (_, i) => ({ id: `c${i}`, name: 'x'.repeat(200) })) } }), /Outreach Guard leest bestanden tot 50 MB/],
      ['a damaged record', (b) => ({ ...b, data: { ...(b.data as object), contacts: [{ id: 'x' }] } }), /damaged at data\.contacts\.0/],
      ['an invalid e-mail in a contact', (b) => {
        const data = b.data as { contacts: { emails: string[] }[] };
        return { ...b, data: { ...data, contacts: [{ ...data.contacts[0], emails: [123] }] } };
      }, /damaged at data\.contacts\.0\.emails\.0/],
      ['an edited audit entry', (b) => {
        const data = b.data as { audit: { actor: string }[] };
        return { ...b, data: { ...data, audit: data.audit.map((e, i) => (i === 1 ? { ...e, actor: 'mallory' } : e)) } };
      }, /audit log does not verify: Entry 2 was changed/],
      ['an evidence file that does not match its hash', (b) => {
        const data = b.data as { evidence: { data?: string }[] };
        return { ...b, data: { ...data, evidence: data.evidence.map((e) => (e.data ? { ...e, data: Buffer.from('forged').toString('base64') } : e)) } };
      }, /does not match its recorded SHA-256/],
    ];
    test.each(cases)('%s', async (_name, mutate, message) => {
      const { bg } = await populated();
      const { backup } = await bg.ok({ type: 'backup/export' });
      const before = await bg.ok({ type: 'backup/export' });
      const auditBefore = (await bg.ok({ type: 'audit/export' })).entries.length;
      for (const mode of ['replace', 'merge'] as const) {
        const r = await bg.ask({ type: 'backup/import', backup: mutate(structuredClone(backup)), mode });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.message).toMatch(message);
      }
      const after = await bg.ok({ type: 'backup/export' });
      expect(after.data).toEqual(before.data);
      expect((await bg.ok({ type: 'audit/export' })).entries.length).toBe(auditBefore);
    });
  });
});
