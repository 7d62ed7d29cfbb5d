import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { Ledger } from '@/lib/ledger/repository';
import { createVerdictService } from '@/lib/background/verdict-service';
import { guardHandlers } from '@/lib/background/guard-handlers';
import { forgetTab } from '@/lib/background/tab-state';
import { createRouter, type Handlers } from '@/lib/background/router';

// The side panel asks the background who is in the active tab and what their status is now.

function background() {
  const ledger = new Ledger({ name: `tab-people-${crypto.randomUUID()}` });
  const verdicts = createVerdictService({ ledger, teamSuppressionsFor: async () => [], now: () => new Date() });
  const handlers = guardHandlers({ ledger, verdicts, queueTeamEntry: async () => true }) as unknown as Handlers;
  return { ledger, route: createRouter(handlers, { extensionId: 'ext', extensionBaseUrl: 'chrome-extension://ext/' }) };
}
const gmailTab = (id: number) => ({ id: 'ext', url: 'https://mail.google.com/mail/u/0/', tab: { id, url: 'https://mail.google.com/mail/u/0/' }, frameId: 0 });
const sidePanel = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };
const jan = { key: 'a', email: 'jan@acme.nl', displayName: 'Jan Jansen' };
const compose = { type: 'verdict/for-recipients', site: 'gmail', channel: 'email', recipients: [jan], message: { body: '' } } as const;

describe('the side panel’s current people', () => {
  test('names the recipients of the tab’s compose with their verdict, and a link to record a basis', async () => {
    fakeBrowser.reset();
    const { route } = background();
    await route(compose, gmailTab(41));
    const res = await route({ type: 'panel/tab-people', tabId: 41 }, sidePanel);
    expect(res).toMatchObject({ ok: true, result: { site: 'gmail', people: [{ label: expect.stringContaining('Jan'), known: false }] } });
    const result = (res as { result: { people: { decision: string }[]; recordBasisUrl: string } }).result;
    expect(result.people[0]!.decision).not.toBe('allow');
    expect(result.recordBasisUrl).toContain('#/contacts/new?email=jan%40acme.nl');
  });

  test('shows the status as it is now: an objection recorded after the compose opened blocks', async () => {
    fakeBrowser.reset();
    const { route } = background();
    await route(compose, gmailTab(42));
    await route({ type: 'suppression/add-for-recipients', recipients: [jan], scope: 'all', reason: 'Wil niet meer gemaild worden' }, gmailTab(42));
    const res = await route({ type: 'panel/tab-people', tabId: 42 }, sidePanel);
    expect(res).toMatchObject({ ok: true, result: { people: [{ decision: 'block' }] } });
  });

  test('a known person comes with the basis, evidence and objections the ledger holds, and the way to their contact page', async () => {
    fakeBrowser.reset();
    const { ledger, route } = background();
    const { id } = await ledger.saveContact({
      name: 'Jan Jansen',
      emails: ['jan@acme.nl'],
      phones: [],
      linkedin: [],
      provenance: { source: 'data_subject', obtainedAt: '2026-11-01' },
    } as never);
    await route(compose, gmailTab(48));
    const before = await route({ type: 'panel/tab-people', tabId: 48 }, sidePanel);
    expect(before).toMatchObject({ ok: true, result: { people: [{ contactId: id, known: true, bases: [], evidenceCount: 0, objections: [], erased: false }] } });
    expect((before as { result: { people: { recordBasisUrl: string }[] } }).result.people[0]!.recordBasisUrl).toMatch(new RegExp(`/options\\.html#/contacts/${id}/basis$`));
    await route({ type: 'suppression/add-for-recipients', recipients: [jan], scope: 'email', reason: 'Wil niet meer gemaild worden' }, gmailTab(48));
    const after = await route({ type: 'panel/tab-people', tabId: 48 }, sidePanel);
    expect(after).toMatchObject({ ok: true, result: { people: [{ decision: 'block', objections: [{ level: 'person', scope: 'email' }] }] } });
  });

  test('an empty compose is judged on the person, not on text nobody has written yet', async () => {
    fakeBrowser.reset();
    const { route } = background();
    await route(compose, gmailTab(49));
    const res = (await route({ type: 'panel/tab-people', tabId: 49 }, sidePanel)) as { result: { people: { findings: { code: string }[] }[] } };
    const codes = res.result.people[0]!.findings.map((f) => f.code);
    expect(codes).not.toContain('NL-EM-05');
    expect(codes).not.toContain('MISSING-CONTEXT');
  });

  test('a tab whose people change is noted in session storage for the panel; the same people again are not', async () => {
    fakeBrowser.reset();
    const { route } = background();
    const changed = async () => (await fakeBrowser.storage.session.get('tab-people-changed'))['tab-people-changed'] as { tabId: number; at: number } | undefined;
    await route(compose, gmailTab(50));
    await expect.poll(changed).toMatchObject({ tabId: 50 });
    await fakeBrowser.storage.session.remove('tab-people-changed');
    await route({ ...compose, message: { body: 'Hallo Jan' } }, gmailTab(50));
    await new Promise((r) => setTimeout(r, 0));
    expect(await changed()).toBeUndefined();
    await route({ ...compose, recipients: [jan, { key: 'b', email: 'piet@acme.nl' }] }, gmailTab(50));
    await expect.poll(changed).toMatchObject({ tabId: 50 });
  });

  test('a tab without a guarded compose or profile has nobody; a closed tab forgets its people', async () => {
    fakeBrowser.reset();
    const { route } = background();
    expect(await route({ type: 'panel/tab-people', tabId: 43 }, sidePanel)).toMatchObject({ ok: true, result: { people: [] } });
    await route(compose, gmailTab(44));
    forgetTab(44);
    expect(await route({ type: 'panel/tab-people', tabId: 44 }, sidePanel)).toMatchObject({ ok: true, result: { people: [] } });
  });

  test('a LinkedIn profile without a message open names its person', async () => {
    fakeBrowser.reset();
    const { route } = background();
    const profileTab = { id: 'ext', url: 'https://www.linkedin.com/in/jan-jansen/', tab: { id: 47, url: 'https://www.linkedin.com/in/jan-jansen/' }, frameId: 0 };
    await route({ type: 'profile/status', linkedin: { vanity: 'jan-jansen' } }, profileTab);
    const res = await route({ type: 'panel/tab-people', tabId: 47 }, sidePanel);
    expect(res).toMatchObject({ ok: true, result: { site: 'linkedin', people: [{ known: false }] } });
    expect((res as { result: { recordBasisUrl: string } }).result.recordBasisUrl).toContain('linkedin=');
  });

  test('a content script may not ask who is in a tab (its own or another)', async () => {
    fakeBrowser.reset();
    const { route } = background();
    await route(compose, gmailTab(45));
    const res = await route({ type: 'panel/tab-people', tabId: 45 }, gmailTab(46));
    expect(res).toMatchObject({ ok: false });
  });
});
