import { describe, expect, test } from 'vitest';
import { AUDIT_HEAD_KEY, GENESIS_HASH, hashOfEntry } from '@/lib/ledger/audit';
import { managementHandlers } from '@/lib/background/management-handlers';
import { JobRegistry } from '@/lib/ledger/jobs';
import { freshLedger } from '../ledger/helpers';
import { managementBackground } from './setup';

// Without a team the rep keeps the audit log's head elsewhere: exports and the access report print it, and
// verify checks the log against a head typed back in (issue 14.7).

const jan = { name: 'Jan Jansen', emails: ['jan@acme.nl'], phones: [], linkedin: [], provenance: { source: 'data_subject', obtainedAt: '2026-02-01' } };

describe('the audit head outside a team', () => {
  test('the audit export and the access report print the current head', async () => {
    const bg = managementBackground();
    const { id } = await bg.ok({ type: 'contacts/save', contact: jan });
    await bg.ok({ type: 'contacts/save', contact: { ...jan, name: 'Piet', emails: ['piet@acme.nl'] } });
    const { head, anchoring } = await bg.ok({ type: 'audit/head' });
    expect(anchoring).toMatchObject({ inTeam: false, pending: 0 });
    const last = (await bg.ledger.db.audit.orderBy('seq').last())!;
    expect(head).toEqual({ seq: last.seq, hash: last.hash, at: last.at });
    expect((await bg.ok({ type: 'audit/export' })).head).toEqual(head);
    const report = await bg.ok({ type: 'rights/access-export', contactId: id });
    const section = report.sections.find((s: { heading: string }) => s.heading.includes('Audit log'));
    expect(section.rows.map((r: { value: string }) => r.value)).toEqual([String(head.seq), head.at, head.hash]);
  });

  test('a kept head catches a log rewritten after it was printed, and narrows down where', async () => {
    const bg = managementBackground();
    for (const name of ['Een', 'Twee', 'Drie']) await bg.ok({ type: 'contacts/save', contact: { ...jan, name, emails: [`${name}@acme.nl`] } });
    const { head: kept1 } = await bg.ok({ type: 'audit/head' });
    for (const name of ['Vier', 'Vijf']) await bg.ok({ type: 'contacts/save', contact: { ...jan, name, emails: [`${name}@acme.nl`] } });
    const { head: kept2 } = await bg.ok({ type: 'audit/head' });
    expect(await bg.ok({ type: 'audit/verify', kept: { seq: kept2.seq, hash: kept2.hash } })).toMatchObject({ ok: true, server: { reachable: null } });

    // Entry 5 edited, every later hash and the head recomputed: the chain alone verifies.
    const entries = await bg.ledger.db.audit.orderBy('seq').toArray();
    let prev = GENESIS_HASH;
    for (const e of entries) {
      const base = { ...e, ...(e.seq === kept1.seq + 1 ? { actor: 'iemand anders' } : {}), prevHash: prev };
      const { hash: _h, ...rest } = base;
      prev = hashOfEntry(rest);
      await bg.ledger.db.audit.put({ ...base, hash: prev });
    }
    await bg.ledger.db.kv.put({ key: AUDIT_HEAD_KEY, value: { seq: entries.at(-1)!.seq, hash: prev } });
    expect((await bg.ok({ type: 'audit/verify' })).ok).toBe(true);

    expect(await bg.ok({ type: 'audit/verify', kept: { seq: kept1.seq, hash: kept1.hash } })).toMatchObject({ ok: true });
    expect(await bg.ok({ type: 'audit/verify', kept: { seq: kept2.seq, hash: kept2.hash } })).toMatchObject({
      ok: false,
      code: 'anchor-range',
      brokenAtSeq: kept2.seq,
      anchor: { where: 'kept' },
    });
  });

  test('every export anchors first, and a failing anchor never fails the export', async () => {
    const ledger = freshLedger();
    await ledger.saveContact({ name: 'Jan', emails: ['jan@acme.nl'] });
    let anchored = 0;
    const handlers = managementHandlers(ledger, new JobRegistry(), {
      beforeExport: async () => {
        anchored++;
        throw new Error('team server down');
      },
    });
    const caller = { kind: 'page' } as never;
    expect((await handlers['audit/export']({ type: 'audit/export' }, caller)).entries).toHaveLength(1);
    expect((await handlers['backup/export']({ type: 'backup/export' }, caller)).backup).toBeTruthy();
    expect((await handlers['backup/export-part']({ type: 'backup/export-part' }, caller)).part).toBe(1);
    expect(anchored).toBe(3);
  });
});
