import { describe, expect, test } from 'vitest';
import { Ledger } from '@/lib/ledger/repository';
import { createVerdictService } from '@/lib/background/verdict-service';
import { guardHandlers } from '@/lib/background/guard-handlers';
import { recheckTab } from '@/lib/background/tab-state';
import { createRouter, type Handlers } from '@/lib/background/router';

// What the composer's records do beyond the verdict: objections reach the team; the site recorded is the
// one the request came from.

function background() {
  const ledger = new Ledger({ name: `guard-handlers-${crypto.randomUUID()}` });
  const verdicts = createVerdictService({ ledger, teamSuppressionsFor: async () => [], now: () => new Date() });
  const shared: { keys: string[]; entry: { scope: string } }[] = [];
  const handlers = guardHandlers({ ledger, verdicts, queueTeamEntry: async (keys, entry) => (shared.push({ keys, entry }), true) }) as unknown as Handlers;
  return { ledger, shared, route: createRouter(handlers, { extensionId: 'ext', extensionBaseUrl: 'chrome-extension://ext/' }) };
}
const linkedInTab = { id: 'ext', url: 'https://www.linkedin.com/messaging/thread/1/', tab: { id: 7, url: 'https://www.linkedin.com/messaging/thread/1/' }, frameId: 0 };

describe('composer records', () => {
  test('a declined InMail is an objection the team hears of, for LinkedIn', async () => {
    const { route, shared } = background();
    const res = await route({ type: 'ledger/record-event', event: { kind: 'declined-inmail', recipient: { key: 'a', linkedin: { vanity: 'jan-jansen' } } } }, linkedInTab);
    expect(res).toMatchObject({ ok: true });
    expect(shared).toEqual([{ keys: ['li-vanity:jan-jansen'], entry: expect.objectContaining({ scope: 'linkedin', level: 'person' }) }]);
  });

  test('a sent message is recorded for the site the request came from, whatever the message claims', async () => {
    const { route, ledger } = background();
    const res = await route(
      {
        type: 'ledger/record-event',
        event: { kind: 'outbound-sent', site: 'gmail', channel: 'linkedin_dm', recipients: [{ key: 'a', linkedin: { vanity: 'jan-jansen' } }], disclosureIncluded: false, bodyFingerprint: 'fp' },
      },
      linkedInTab,
    );
    expect(res).toMatchObject({ ok: true });
    const events = await ledger.db.events.toArray();
    expect(events.map((e) => e.site)).toEqual(['linkedin']);
  });

  test('the toolbar shows the worst frame: a fine LinkedIn iframe does not hide an inactive top frame', async () => {
    const { route } = background();
    const tab = { ...linkedInTab, tab: { id: 31, url: linkedInTab.url } };
    const preloadFrame = { id: 'ext', url: 'about:blank', origin: 'https://www.linkedin.com', tab: tab.tab, frameId: 5 };
    const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
    await route({ type: 'guard/status', state: 'inactive', detail: 'composer not found' }, tab);
    await route({ type: 'guard/status', state: 'active' }, preloadFrame);
    expect(await route({ type: 'guard/tab-state', tabId: 31 }, popup)).toMatchObject({ ok: true, result: { state: 'inactive' } });
    await route({ type: 'guard/status', state: 'held' }, preloadFrame);
    expect(await route({ type: 'guard/tab-state', tabId: 31 }, popup)).toMatchObject({ ok: true, result: { state: 'held' } });
    await route({ type: 'guard/status', state: 'active' }, preloadFrame);
    await route({ type: 'guard/status', state: 'active' }, tab);
    expect(await route({ type: 'guard/tab-state', tabId: 31 }, popup)).toMatchObject({ ok: true, result: { state: 'active' } });
  });

  test('after a full page load the toolbar keeps a state only if the top frame says its guard reports one', async () => {
    const { route } = background();
    const tab = { ...linkedInTab, tab: { id: 33, url: linkedInTab.url } };
    const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
    const state = async () => ((await route({ type: 'guard/tab-state', tabId: 33 }, popup)) as { result: { state: string } }).result.state;
    await route({ type: 'guard/status', state: 'inactive', detail: 'composer not found' }, tab);
    await recheckTab(33, async () => ({ reported: true }));
    expect(await state()).toBe('inactive');
    await recheckTab(33, async () => ({ reported: 'yes' })); // not an answer the guard gives
    expect(await state()).toBe('none');
    await route({ type: 'guard/status', state: 'active' }, tab);
    await recheckTab(33, () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    expect(await state()).toBe('none');
    // Nothing shown: nobody is asked.
    let asked = 0;
    await recheckTab(33, async () => void asked++);
    expect(asked).toBe(0);
  });

  test('a page that is left is forgotten, unless the next page already reported; a frame that goes stops counting', async () => {
    const { route } = background();
    const tab = { ...linkedInTab, tab: { id: 32, url: linkedInTab.url } };
    const frame = { id: 'ext', url: 'about:blank', origin: 'https://www.linkedin.com', tab: tab.tab, frameId: 6 };
    const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
    const state = async () => ((await route({ type: 'guard/tab-state', tabId: 32 }, popup)) as { result: { state: string } }).result.state;
    await route({ type: 'guard/status', state: 'active', doc: 'page-1' }, tab);
    await route({ type: 'guard/status', state: 'held', doc: 'frame-1' }, frame);
    expect(await state()).toBe('held');
    await route({ type: 'guard/status', state: 'gone', doc: 'frame-1' }, frame);
    expect(await state()).toBe('active');
    await route({ type: 'guard/status', state: 'gone', doc: 'page-1' }, tab);
    expect(await state()).toBe('none');
    // A "gone" that arrives after the next page reported (another document) changes nothing.
    await route({ type: 'guard/status', state: 'inactive', doc: 'page-2' }, tab);
    await route({ type: 'guard/status', state: 'gone', doc: 'page-1' }, tab);
    expect(await state()).toBe('inactive');
  });

  test('a frame of an earlier page that never said "gone" stops counting once a new top page reports', async () => {
    const { route } = background();
    const tab = { ...linkedInTab, tab: { id: 34, url: linkedInTab.url } };
    const frame = { id: 'ext', url: 'about:blank', origin: 'https://www.linkedin.com', tab: tab.tab, frameId: 7 };
    const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
    const state = async () => ((await route({ type: 'guard/tab-state', tabId: 34 }, popup)) as { result: { state: string } }).result.state;
    await route({ type: 'guard/status', state: 'active', doc: 'page-1' }, tab);
    await route({ type: 'guard/status', state: 'held', doc: 'frame-1' }, frame);
    expect(await state()).toBe('held');
    await route({ type: 'guard/status', state: 'active', doc: 'page-1' }, tab); // the same page: the frame still counts
    expect(await state()).toBe('held');
    await route({ type: 'guard/status', state: 'active', doc: 'page-2' }, tab);
    expect(await state()).toBe('active');
  });
});

describe('send anyway past a hard hold', () => {
  const gmailTab = { id: 'ext', url: 'https://mail.google.com/mail/u/0/', tab: { id: 9, url: 'https://mail.google.com/mail/u/0/' }, frameId: 0 };
  const anyway = (email: string) => ({
    type: 'ledger/record-event',
    event: { kind: 'send-anyway', site: 'gmail', channel: 'email', recipients: [{ key: 'a', email }], codes: ['NL-EM-01'], decision: 'block', reason: 'He asked by phone' },
  });

  test('is refused for a recipient who objected, and nothing is audited as an override', async () => {
    const { route, ledger } = background();
    await ledger.addSuppressionForKeys(['email:jan@klant.nl'], { scope: 'all', level: 'person', reason: 'bezwaar' });
    expect(await route(anyway('jan@klant.nl'), gmailTab)).toMatchObject({ ok: false, error: { code: 'override-forbidden' } });
    expect((await ledger.listAudit({ action: 'override' })).items).toHaveLength(0);
  });

  test('is refused for an erased person', async () => {
    const { route, ledger } = background();
    const c = await ledger.saveContact({ name: 'Els', emails: ['els@ander.nl'] });
    await ledger.erase(c.id, 'verzoek');
    expect(await route(anyway('els@ander.nl'), gmailTab)).toMatchObject({ ok: false, error: { code: 'override-forbidden' } });
    expect((await ledger.listAudit({ action: 'override' })).items).toHaveLength(0);
  });

  test('still passes, audited, when the objection covers another channel only', async () => {
    const { route, ledger } = background();
    await ledger.addSuppressionForKeys(['email:piet@klant.nl'], { scope: 'phone', level: 'person', reason: 'no calls' });
    expect(await route(anyway('piet@klant.nl'), gmailTab)).toMatchObject({ ok: true });
    expect(JSON.stringify(await ledger.listAudit({ action: 'override' }))).toContain('He asked by phone');
  });
});
