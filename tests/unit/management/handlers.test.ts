import { describe, expect, test } from 'vitest';
import { contentScriptSender, managementBackground } from './setup';

const newContact = {
  name: 'Jan Jansen',
  emails: ['jan@acme.nl'],
  phones: ['06 12345678'],
  linkedin: ['https://www.linkedin.com/in/jan-jansen/'],
  company: { name: 'Acme', domain: 'acme.nl', legalForm: 'B.V.', kvk: '12345678', country: 'NL' },
  recipientKind: 'natural_professional',
  provenance: { source: 'event_list', detail: 'Beurs Utrecht', obtainedAt: '2026-02-01' },
  basis: { type: 'met_in_person', date: '2026-02-01', event: 'Beurs Utrecht', agreed: 'follow-up mail', evidenceIds: [] },
};

describe('management requests through the router', () => {
  test('a web page may not ask management questions', async () => {
    const bg = managementBackground();
    const r = await bg.ask({ type: 'contacts/list' }, contentScriptSender);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden-request' } });
  });

  test('contacts: add, list, get, edit, delete', async () => {
    const bg = managementBackground();
    const saved = await bg.ok({ type: 'contacts/save', contact: newContact });
    expect(saved.created).toBe(true);
    const list = await bg.ok({ type: 'contacts/list', query: 'acme' });
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ name: 'Jan Jansen', company: 'Acme', basisTypes: ['met_in_person'], source: 'event_list' });
    const page = await bg.ok({ type: 'contacts/get', id: saved.id });
    expect(page.contact.company.kvk).toBe('12345678');
    expect(page.provenance[0].detail).toBe('Beurs Utrecht');
    await bg.ok({ type: 'contacts/save', contact: { ...newContact, id: saved.id, name: 'Jan de Jansen', provenance: undefined, basis: undefined } });
    expect((await bg.ok({ type: 'contacts/get', id: saved.id })).contact.name).toBe('Jan de Jansen');
    expect(await bg.ok({ type: 'contacts/delete', id: saved.id })).toEqual({ deleted: true });
    expect((await bg.ok({ type: 'contacts/list' })).total).toBe(0);
  });

  test.each([
    [{ ...newContact, emails: ['jan@'] }, 'contact.emails.0', /not a valid e-mail/],
    [{ ...newContact, phones: ['0612'] }, 'contact.phones.0', /not a valid phone/],
    [{ ...newContact, name: '' }, 'contact.name', /name is required/],
    [{ ...newContact, provenance: { source: 'event_list', obtainedAt: '31-02-2026' } }, 'contact.provenance.obtainedAt', /date/],
    [{ ...newContact, provenance: undefined }, 'contact.provenance.source', /came from/],
    [{ ...newContact, company: { kvk: '123' } }, 'contact.company.kvk', /8 digits/],
    [{ ...newContact, basis: { type: 'consent', who: 'Jan' } }, 'contact.basis.when', /./],
  ])('an invalid contact is refused naming the field (%#) and nothing is saved', async (contact, where, message) => {
    const bg = managementBackground();
    const r = await bg.ask({ type: 'contacts/save', contact });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.where).toBe(where);
    expect(r.error.message).toMatch(message);
    expect((await bg.ok({ type: 'contacts/list' })).total).toBe(0);
  });

  test('evidence: a note, a file that comes back identical, and a file over the limit refused', async () => {
    const bg = managementBackground();
    const { id } = await bg.ok({ type: 'contacts/save', contact: newContact });
    await bg.ok({ type: 'evidence/add-note', contactId: id, date: '2026-02-01', text: 'Agreed at the stand to send details' });
    const bytes = new Uint8Array(3000).map((_, i) => i % 251);
    const b64 = Buffer.from(bytes).toString('base64');
    const added = await bg.ok({ type: 'evidence/add-file', contactId: id, date: '2026-02-01', fileName: 'call.mp3', mime: 'audio/mpeg', base64: b64 });
    expect(added.size).toBe(3000);
    const back = await bg.ok({ type: 'evidence/get-file', id: added.id });
    expect(back.base64).toBe(b64);
    expect(back.sha256).toBe(added.sha256);
    const big = await bg.ask({ type: 'evidence/add-file', contactId: id, date: '2026-02-01', fileName: 'big.wav', base64: 'A'.repeat(36 * 1024 * 1024) });
    expect(big).toMatchObject({ ok: false, error: { message: expect.stringMatching(/larger than 25 MB/) } });
    expect((await bg.ok({ type: 'contacts/get', id })).evidence).toHaveLength(2);
  });

  test('do-not-contact by e-mail, domain and company; listed masked; removable', async () => {
    const bg = managementBackground();
    await bg.ok({ type: 'suppressions/add', by: 'email', value: 'Jan@Acme.nl', scope: 'all', reason: 'asked by mail' });
    await bg.ok({ type: 'suppressions/add', by: 'domain', value: 'https://www.beta.nl', scope: 'email', reason: 'company policy' });
    const bad = await bg.ask({ type: 'suppressions/add', by: 'phone', value: 'call me', scope: 'all', reason: '' });
    expect(bad).toMatchObject({ ok: false, error: { where: 'value' } });
    const list = await bg.ok({ type: 'suppressions/list' });
    expect(list.total).toBe(2);
    // Each new entry is offered to team sync with its identity key (team sync blinds it).
    expect(bg.shared).toEqual([
      { keys: ['email:jan@acme.nl'], entry: { reason: 'asked by mail', scope: 'all', level: 'person' } },
      { keys: ['domain:beta.nl'], entry: { reason: 'company policy', scope: 'email', level: 'company' } },
    ]);
    expect(list.items.map((s: { label: string }) => s.label).sort()).toEqual(['beta.nl', 'j…@acme.nl']);
    const lookup = await bg.ok({ type: 'lookup/person', query: 'someone@beta.nl' });
    expect(lookup).toMatchObject({ found: false, suppressed: true });
    const jan = list.items.find((s: { label: string }) => s.label === 'j…@acme.nl');
    expect(await bg.ok({ type: 'suppressions/remove', id: jan.id })).toEqual({ removed: true });
    expect((await bg.ok({ type: 'lookup/person', query: 'jan@acme.nl' })).suppressed).toBe(false);
  });

  test('popup lookup by phone or LinkedIn URL finds the contact', async () => {
    const bg = managementBackground();
    await bg.ok({ type: 'contacts/save', contact: newContact });
    expect((await bg.ok({ type: 'lookup/person', query: '+31 6 1234 5678' })).contact.name).toBe('Jan Jansen');
    expect((await bg.ok({ type: 'lookup/person', query: 'https://www.linkedin.com/in/Jan-Jansen' })).contact.name).toBe('Jan Jansen');
    expect(await bg.ok({ type: 'lookup/person', query: 'hello' })).toMatchObject({ keys: [], found: false });
  });

  test('call check: "objected" creates a suppression and the contact shows the objection', async () => {
    const bg = managementBackground();
    const { id } = await bg.ok({ type: 'contacts/save', contact: newContact });
    const r = await bg.ok({ type: 'call/log-outcome', phone: '0612345678', outcome: 'objected', openingRead: true });
    expect(r.suppressionAdded).toBe(true);
    const page = await bg.ok({ type: 'contacts/get', id });
    expect(page.summary.objection).toBe(true);
    expect(page.events.map((e: { kind: string }) => e.kind).sort()).toEqual(['call', 'objection']);
    expect((await bg.ok({ type: 'audit/list', action: 'call-logged' })).total).toBe(1);
    // The team hears of every identity the objection blocked, so colleagues cannot e-mail or InMail Jan either.
    expect(bg.shared).toHaveLength(1);
    expect([...bg.shared[0]!.keys].sort()).toEqual(['email:jan@acme.nl', 'li-vanity:jan-jansen', 'phone:+31612345678']);
  });

  test('rights: access export has every section; erasure leaves only a hashed key', async () => {
    const bg = managementBackground();
    const { id } = await bg.ok({ type: 'contacts/save', contact: newContact });
    const x = await bg.ok({ type: 'rights/access-export', contactId: id });
    expect(x.sections.map((s: { heading: string }) => s.heading)).toHaveLength(7);
    expect(JSON.stringify(x.json)).toContain('Beurs Utrecht');
    expect(await bg.ok({ type: 'rights/erase', contactId: id, reason: 'Art. 17' })).toEqual({ erased: true, suppressionKeys: 3 });
    expect(await bg.ok({ type: 'lookup/person', query: 'jan@acme.nl' })).toMatchObject({ found: false, suppressed: true, erased: true });
    expect((await bg.ok({ type: 'audit/verify' })).ok).toBe(true);
  });

  test('clean-up: scan, then bulk erase as a job with progress', async () => {
    const bg = managementBackground('2026-03-01T00:00:00.000Z');
    for (let i = 0; i < 5; i++) {
      await bg.ok({ type: 'contacts/save', contact: { ...newContact, emails: [`old${i}@legacy.nl`], phones: [], linkedin: [], basis: undefined, provenance: { source: 'legacy_import', obtainedAt: '2020-01-01' } } });
    }
    await bg.ok({ type: 'contacts/save', contact: newContact });
    const scan = await bg.ok({ type: 'cleanup/scan' });
    expect(scan.categories.no_provable_basis.count).toBe(6);
    const { jobId } = await bg.ok({ type: 'cleanup/erase', ids: scan.categories.art14_passed.ids, reason: 'no basis' });
    const job = await bg.jobs.settled(jobId);
    expect(job).toMatchObject({ state: 'done', result: { erased: 5 } });
    expect((await bg.ok({ type: 'jobs/status', jobId })).done).toBe(5);
    expect((await bg.ok({ type: 'contacts/list' })).total).toBe(1);
  });

  test('assessments: save, new version on edit, list, basis links to it', async () => {
    const bg = managementBackground();
    const lia = { title: 'Prospecting', interest: 'Sell', necessity: 'Needed', balancing: 'Fine', retentionMonths: 12, reviewDate: '2027-01-01' };
    const a = await bg.ok({ type: 'assessments/save', assessment: lia });
    await bg.ok({ type: 'assessments/save', assessment: { ...lia, id: a.id, safeguards: ['opt-out in every mail'] } });
    expect((await bg.ok({ type: 'assessments/list' })).items).toMatchObject([{ id: a.id, version: 2 }]);
    const { id } = await bg.ok({ type: 'contacts/save', contact: newContact });
    await bg.ok({ type: 'bases/save', contactId: id, basis: { type: 'legitimate_interest', assessmentId: a.id, assessmentVersion: 2 } });
    const missing = await bg.ask({ type: 'bases/save', contactId: id, basis: { type: 'legitimate_interest', assessmentId: 'nope' } });
    expect(missing).toMatchObject({ ok: false, error: { where: 'basis.assessmentId' } });
    expect((await bg.ok({ type: 'assessments/get', id: a.id })).contactCount).toBe(1);
  });

  test('settings: get defaults, save, invalid refused', async () => {
    const bg = managementBackground();
    const { settings } = await bg.ok({ type: 'settings/get' });
    settings.organisation.legalName = 'Acme B.V.';
    settings.policy.mode = 'lenient';
    await bg.ok({ type: 'settings/save', settings });
    expect((await bg.ok({ type: 'settings/get' })).settings.policy.mode).toBe('lenient');
    const bad = await bg.ask({ type: 'settings/save', settings: { ...settings, policy: { ...settings.policy, retentionMonths: 0 } } });
    expect(bad).toMatchObject({ ok: false, error: { where: 'settings.policy.retentionMonths' } });
  });

  test('audit: list with filter, export with verification', async () => {
    const bg = managementBackground();
    await bg.ok({ type: 'contacts/save', contact: newContact });
    await bg.ok({ type: 'suppressions/add', by: 'email', value: 'x@y.nl', scope: 'all', reason: '' });
    expect((await bg.ok({ type: 'audit/list' })).total).toBe(2);
    expect((await bg.ok({ type: 'audit/list', action: 'suppression-added' })).items).toHaveLength(1);
    const exp = await bg.ok({ type: 'audit/export' });
    expect(exp.entries).toHaveLength(2);
    expect(exp.verify.ok).toBe(true);
  });

  test('my list shows profiles saved from LinkedIn', async () => {
    const bg = managementBackground();
    await bg.ledger.saveProfileToMyList({
      name: 'Piet',
      headline: 'CTO',
      profileUrl: 'https://www.linkedin.com/in/piet/',
      linkedin: { vanity: 'piet' },
      restrictedVisibility: false,
      basis: { type: 'legitimate_interest', assessmentId: 'x' } as never,
    }).catch(() => undefined);
    // The LIA does not exist: nothing was saved.
    expect((await bg.ok({ type: 'mylist/list' })).total).toBe(0);
    await bg.ledger.saveProfileToMyList({
      name: 'Piet',
      headline: 'CTO',
      profileUrl: 'https://www.linkedin.com/in/piet/',
      linkedin: { vanity: 'piet', memberId: 'ACoAAPiet12345' },
      restrictedVisibility: false,
      basis: { type: 'contract_request', ref: 'asked for a quote' },
    });
    const list = await bg.ok({ type: 'mylist/list' });
    expect(list.items).toMatchObject([{ name: 'Piet', headline: 'CTO', basisTypes: ['contract_request'] }]);
    expect((await bg.ledger.profileStatus(['li-member:ACoAAPiet12345'])).saved).toBe(true);
  });
});
