// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { startGuard, type GuardOptions } from '@/lib/guard/guard';
import { createFakeAsk, deferred, dialogActions, dialogButton, dialogHost, finding, pickJustification, sendAnyway, settle, verdictOf, guardPage } from './fake-site';
import type { GuardVerdict } from '@/lib/messaging/guard';

const env = guardPage();

function start(ask: GuardOptions['ask'], extra: Partial<GuardOptions> = {}) {
  return startGuard({ adapter: env.site.adapter, ask, signal: env.signal, debounceMs: 10, checkingDialogAfterMs: 5, ...extra });
}

const clickSend = (form: HTMLFormElement) => form.querySelector<HTMLButtonElement>('button.send')!.click();
const state = (form: Element) => form.getAttribute('data-outreach-guard-state');
const blocked = (key = 'anna@example.nl', fixes: Parameters<typeof finding>[2] = ['record-basis', 'do-not-contact']) =>
  verdictOf('block', [{ key, findings: [finding('TW-01', 'block', fixes)] }]);

describe('a clean send', () => {
  test('goes through untouched when the verdict was ready, and is recorded as sent', async () => {
    const bg = createFakeAsk(() => verdictOf('allow', [{ key: 'anna@example.nl' }]));
    start(bg.ask);
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(state(form)).toBe('clean'));
    clickSend(form);
    expect(env.site.sent).toHaveLength(1); // synchronously: no hold, no delay
    expect(env.site.resends).toHaveLength(0);
    expect(dialogHost()).toBeNull();
    await vi.waitFor(() => expect(bg.of('ledger/record-event')).toHaveLength(1));
    const event = bg.of('ledger/record-event')[0]!.event as Record<string, unknown>;
    expect(event).toMatchObject({ kind: 'outbound-sent', site: 'gmail', channel: 'email', disclosureIncluded: false });
    expect(event.bodyFingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  test('typed after the last check is held, checked, and re-sent exactly once', async () => {
    const pending: ReturnType<typeof deferred<GuardVerdict>>[] = [];
    const bg = createFakeAsk(() => {
      const d = deferred<GuardVerdict>();
      pending.push(d);
      return d.promise;
    });
    start(bg.ask);
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    clickSend(form);
    clickSend(form); // an impatient second click while held must not send twice
    expect(env.site.sent).toHaveLength(0);
    expect(state(form)).toBe('held');
    for (const d of pending) d.resolve(verdictOf('allow', [{ key: 'anna@example.nl' }]));
    await vi.waitFor(() => expect(env.site.sent).toHaveLength(1));
    await settle(20);
    expect(env.site.sent).toHaveLength(1);
    expect(env.site.resends).toEqual(['button']);
    expect(dialogHost()).toBeNull();
    expect(state(form)).toBe('clean');
  });

  test('text typed while the send is held is checked too before anything leaves', async () => {
    const pending: { body: string; d: ReturnType<typeof deferred<GuardVerdict>> }[] = [];
    const bg = createFakeAsk((req) => {
      const d = deferred<GuardVerdict>();
      pending.push({ body: String((req.message as { body: string }).body), d });
      return d.promise;
    });
    start(bg.ask, { debounceMs: 10_000 });
    const form = env.site.addComposer({ body: 'Hallo' });
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    clickSend(form);
    form.querySelector('textarea')!.value = 'Hallo, nu met 50% korting';
    for (const p of pending) p.d.resolve(verdictOf('allow', [{ key: 'anna@example.nl' }]));
    await vi.waitFor(() => expect(pending.map((p) => p.body)).toContain('Hallo, nu met 50% korting'));
    expect(env.site.sent).toHaveLength(0);
    pending.at(-1)!.d.resolve(blocked());
    await vi.waitFor(() => expect(dialogHost()?.getAttribute('data-decision')).toBe('block'));
    expect(env.site.sent).toHaveLength(0);
  });

  test('a draft changed after a clean verdict is checked again before it leaves', async () => {
    const bg = createFakeAsk((req) =>
      String((req.message as { body: string }).body).includes('korting') ? blocked() : verdictOf('allow', [{ key: 'anna@example.nl' }]),
    );
    start(bg.ask);
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(state(form)).toBe('clean'));
    form.querySelector('textarea')!.value = 'Nu 50% korting!';
    clickSend(form); // before the debounce ran
    expect(env.site.sent).toHaveLength(0);
    await vi.waitFor(() => expect(dialogHost()?.getAttribute('data-decision')).toBe('block'));
    expect(env.site.sent).toHaveLength(0);
  });
});

describe('a held send', () => {
  test('is stopped and the dialog lists findings with their legal references and offered fixes', async () => {
    const bg = createFakeAsk(() => blocked());
    start(bg.ask);
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(state(form)).toBe('held'));
    clickSend(form);
    await vi.waitFor(() => expect(dialogHost()).not.toBeNull());
    expect(env.site.sent).toHaveLength(0);
    const host = dialogHost()!;
    expect(host.getAttribute('data-decision')).toBe('block');
    const dialog = host.shadowRoot!.querySelector('[role="alertdialog"]')!;
    expect(dialog.textContent).toContain('Title TW-01');
    expect(dialog.textContent).toContain('art. 11.7');
    expect(dialogActions()).toEqual(expect.arrayContaining(['record-basis', 'do-not-contact', 'send-anyway', 'cancel']));
    expect(dialogActions()).not.toContain('insert-disclosure'); // not offered by this verdict
  });

  test('Esc cancels: the dialog closes and nothing is sent', async () => {
    const bg = createFakeAsk(() => blocked());
    start(bg.ask);
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(state(form)).toBe('held'));
    clickSend(form);
    await vi.waitFor(() => expect(dialogHost()).not.toBeNull());
    const dialog = dialogHost()!.shadowRoot!.querySelector('[role="alertdialog"]')!;
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(dialogHost()).toBeNull();
    await settle(20);
    expect(env.site.sent).toHaveLength(0);
  });

  test('focus moves into the dialog and Tab stays inside it', async () => {
    const bg = createFakeAsk(() => blocked());
    start(bg.ask);
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(state(form)).toBe('held'));
    clickSend(form);
    await vi.waitFor(() => expect(dialogHost()?.shadowRoot?.activeElement?.getAttribute('data-action')).toBe('cancel'));
    const shadow = dialogHost()!.shadowRoot!;
    const buttons = Array.from(shadow.querySelectorAll<HTMLButtonElement>('button'));
    buttons.at(-1)!.focus();
    shadow.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
    expect(shadow.activeElement).toBe(buttons[0]);
  });

  test('insert disclosure puts the text in the draft, re-checks, and then offers to send', async () => {
    const disclosure = { nl: 'Je gegevens komen van LinkedIn.', en: 'Your details come from LinkedIn.' };
    const bg = createFakeAsk((req) =>
      String((req.message as { body: string }).body).includes(disclosure.en)
        ? verdictOf('allow', [{ key: 'anna@example.nl' }])
        : verdictOf('block', [{ key: 'anna@example.nl', findings: [finding('AVG-14', 'block', ['insert-disclosure'])] }], { disclosure }),
    );
    start(bg.ask);
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(state(form)).toBe('held'));
    clickSend(form);
    await vi.waitFor(() => expect(dialogButton('insert-disclosure')).not.toBeNull());
    dialogButton('insert-disclosure')!.click();
    expect(form.querySelector('textarea')!.value).toContain(disclosure.en);
    await vi.waitFor(() => expect(dialogButton('send')).not.toBeNull());
    expect(dialogHost()!.getAttribute('data-decision')).toBe('allow');
    expect(env.site.sent).toHaveLength(0); // the rep sees the changed draft before it leaves
    dialogButton('send')!.click();
    expect(env.site.sent).toHaveLength(1);
    expect(env.site.sent[0]!.body).toContain(disclosure.en);
    await vi.waitFor(() => expect(bg.of('ledger/record-event')).toHaveLength(1));
    expect(bg.of('ledger/record-event')[0]!.event).toMatchObject({ kind: 'outbound-sent', disclosureIncluded: true });
  });

  test('remove recipient drops only that one and re-checks', async () => {
    const bg = createFakeAsk((req) => {
      const keys = (req.recipients as { key: string }[]).map((r) => r.key);
      return keys.includes('piet@gmail.com')
        ? verdictOf('block', [{ key: 'anna@example.nl' }, { key: 'piet@gmail.com', findings: [finding('TW-02', 'block', ['remove-recipient'])] }])
        : verdictOf('allow', keys.map((key) => ({ key })));
    });
    start(bg.ask);
    const form = env.site.addComposer({ recipients: [{ key: 'anna@example.nl' }, { key: 'piet@gmail.com' }] });
    await vi.waitFor(() => expect(state(form)).toBe('held'));
    clickSend(form);
    await vi.waitFor(() => expect(dialogButton('remove-recipient')).not.toBeNull());
    expect(dialogButton('remove-recipient')!.dataset.recipient).toBe('piet@gmail.com');
    dialogButton('remove-recipient')!.click();
    await vi.waitFor(() => expect(dialogButton('send')).not.toBeNull());
    dialogButton('send')!.click();
    expect(env.site.sent).toEqual([{ to: ['anna@example.nl'], body: 'Hallo, zullen we bellen?' }]);
  });

  test('do-not-contact writes a suppression for the recipient and re-checks', async () => {
    const bg = createFakeAsk(() => blocked());
    start(bg.ask);
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(state(form)).toBe('held'));
    clickSend(form);
    await vi.waitFor(() => expect(dialogButton('do-not-contact')).not.toBeNull());
    const verdictCalls = bg.of('verdict/for-recipients').length;
    dialogButton('do-not-contact')!.click();
    // the hold asks for scope (all channels unless narrowed) and a reason before anything is stored
    await vi.waitFor(() => expect(dialogButton('confirm-do-not-contact')).not.toBeNull());
    expect(bg.of('suppression/add-for-recipients')).toEqual([]);
    dialogButton('confirm-do-not-contact')!.click();
    await vi.waitFor(() => expect(bg.of('verdict/for-recipients').length).toBeGreaterThan(verdictCalls));
    expect(bg.of('suppression/add-for-recipients')).toEqual([
      expect.objectContaining({ scope: 'all', reason: 'Asked not to be contacted again', recipients: [expect.objectContaining({ key: 'anna@example.nl' })] }),
    ]);
    expect(env.site.sent).toHaveLength(0);
  });

  test('record basis opens the record page for the recipient and keeps holding', async () => {
    const bg = createFakeAsk(() => blocked());
    start(bg.ask);
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(state(form)).toBe('held'));
    clickSend(form);
    await vi.waitFor(() => expect(dialogButton('record-basis')).not.toBeNull());
    dialogButton('record-basis')!.click();
    await vi.waitFor(() => expect(bg.of('ui/open-record-basis')).toHaveLength(1));
    expect(dialogHost()).not.toBeNull();
    expect(env.site.sent).toHaveLength(0);
  });

  test('send anyway needs a reason, writes it to the ledger, then sends once', async () => {
    const bg = createFakeAsk(() => blocked());
    start(bg.ask);
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(state(form)).toBe('held'));
    clickSend(form);
    await vi.waitFor(() => expect(dialogButton('send-anyway')).not.toBeNull());
    dialogButton('send-anyway')!.click();
    await settle();
    await pickJustification();
    const reason = dialogHost()!.shadowRoot!.querySelector<HTMLTextAreaElement>('[data-field="reason"]')!;
    dialogButton('confirm-send-anyway')!.click(); // no reason yet
    await settle();
    expect(env.site.sent).toHaveLength(0);
    reason.value = 'Klant belde zelf, vroeg om offerte';
    reason.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    dialogButton('confirm-send-anyway')!.click();
    await vi.waitFor(() => expect(env.site.sent).toHaveLength(1));
    expect(bg.of('ledger/record-event')[0]!.event).toMatchObject({
      kind: 'send-anyway',
      reason: 'Klant belde zelf, vroeg om offerte',
      justification: 'recipient-asked',
      codes: ['TW-01'],
      decision: 'block',
    });
    expect(dialogHost()).toBeNull();
  });

  test('a send whose recipients the guard cannot see is held, and sending anyway still logs the reason', async () => {
    const bg = createFakeAsk(() => ({ ...verdictOf('block', []), findings: [finding('MISSING-RECIPIENT', 'block')] }));
    start(bg.ask);
    const form = env.site.addComposer({ recipients: [] });
    await vi.waitFor(() => expect(state(form)).toBe('held'));
    clickSend(form);
    await sendAnyway('Adres staat in BCC, klant vroeg erom');
    await vi.waitFor(() => expect(env.site.sent).toHaveLength(1));
    expect(bg.of('ledger/record-event')[0]!.event).toMatchObject({ kind: 'send-anyway', recipients: [], reason: 'Adres staat in BCC, klant vroeg erom', codes: ['MISSING-RECIPIENT'] });
  });

  test('send anyway is not offered when the policy forbids overrides', async () => {
    const bg = createFakeAsk(() => ({ ...blocked(), overridesAllowed: false }));
    start(bg.ask);
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(state(form)).toBe('held'));
    clickSend(form);
    await vi.waitFor(() => expect(dialogHost()).not.toBeNull());
    expect(dialogActions()).not.toContain('send-anyway');
  });

  test('a warning without a required reason sends after one click, and is recorded', async () => {
    const bg = createFakeAsk(() => ({ ...verdictOf('warn', [{ key: 'anna@example.nl', findings: [finding('LI-02', 'warn')] }]), overrideNeedsReason: false }));
    start(bg.ask);
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(state(form)).toBe('held'));
    clickSend(form);
    await vi.waitFor(() => expect(dialogHost()?.getAttribute('data-decision')).toBe('warn'));
    dialogButton('send-anyway')!.click();
    await vi.waitFor(() => expect(env.site.sent).toHaveLength(1));
    expect(bg.of('ledger/record-event')[0]!.event).toMatchObject({ kind: 'send-anyway', decision: 'warn' });
  });

  test('names containing markup are shown as text', async () => {
    const label = '<img src=x onerror="alert(1)">Eve';
    const bg = createFakeAsk(() => verdictOf('block', [{ key: 'eve@example.nl', label, findings: [finding('TW-01', 'block')] }]));
    start(bg.ask);
    const form = env.site.addComposer({ recipients: [{ key: 'eve@example.nl' }] });
    await vi.waitFor(() => expect(state(form)).toBe('held'));
    clickSend(form);
    await vi.waitFor(() => expect(dialogHost()).not.toBeNull());
    const shadow = dialogHost()!.shadowRoot!;
    expect(shadow.querySelector('img')).toBeNull();
    expect(shadow.textContent).toContain(label);
  });

  test('Dutch browsers get a Dutch dialog', async () => {
    const bg = createFakeAsk(() => blocked());
    start(bg.ask, { lang: 'nl' });
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(state(form)).toBe('held'));
    clickSend(form);
    await vi.waitFor(() => expect(dialogHost()).not.toBeNull());
    const text = dialogHost()!.shadowRoot!.textContent!;
    expect(text).toContain('Dit bericht wordt tegengehouden');
    expect(text).toContain('Titel TW-01');
    expect(dialogButton('cancel')!.textContent).toBe('Annuleren');
  });
});

describe('a composer that was still rendering when it appeared', () => {
  test('a send right after it finished rendering is checked for real, not "could not check"', async () => {
    const bg = createFakeAsk(() => blocked());
    // a long debounce: the composer's own re-check has not run yet when the rep presses Send
    start(bg.ask, { debounceMs: 60_000 });
    const form = env.site.addComposer({ broken: true });
    await vi.waitFor(() => expect(state(form)).toBe('inactive'));
    const body = document.createElement('textarea');
    body.value = 'Hallo, zullen we bellen?';
    form.prepend(body);
    clickSend(form);
    expect(env.site.sent).toHaveLength(0);
    await vi.waitFor(() => expect(dialogHost()?.getAttribute('data-decision')).toBe('block'));
    expect(bg.of('verdict/for-recipients').length).toBeGreaterThan(0);
  });
});

describe('when the background fails', () => {
  test('the send is held with "could not check" and can go only with a reason', async () => {
    const bg = createFakeAsk(() => verdictOf('allow', []));
    bg.fail(new Error('The background did not answer'));
    start(bg.ask);
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(state(form)).toBe('held'));
    clickSend(form);
    await vi.waitFor(() => expect(dialogHost()).not.toBeNull());
    expect(env.site.sent).toHaveLength(0);
    expect(dialogHost()!.shadowRoot!.textContent).toContain('could not check this message');
    expect(dialogActions()).toEqual(expect.arrayContaining(['send-anyway', 'cancel']));
    dialogButton('send-anyway')!.click();
    await settle();
    expect(env.site.sent).toHaveLength(0);
    const reason = dialogHost()!.shadowRoot!.querySelector<HTMLTextAreaElement>('[data-field="reason"]')!;
    reason.value = 'Guard down, urgent reply to customer';
    reason.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    dialogButton('confirm-send-anyway')!.click();
    await vi.waitFor(() => expect(env.site.sent).toHaveLength(1));
  });

  test('a background that never answers counts as failed after the timeout', async () => {
    const bg = createFakeAsk(() => new Promise<GuardVerdict>(() => undefined));
    start(bg.ask, { checkTimeoutMs: 50 });
    const form = env.site.addComposer();
    clickSend(form);
    await vi.waitFor(() => expect(dialogHost()?.getAttribute('data-decision')).toBe('block'));
    expect(dialogHost()!.shadowRoot!.textContent).toContain('Could not check');
    expect(env.site.sent).toHaveLength(0);
  });
});

describe('composers that go away or cannot be read', () => {
  test('a composer removed during the check: no dialog, nothing sent', async () => {
    const d = deferred<GuardVerdict>();
    const bg = createFakeAsk(() => d.promise);
    start(bg.ask);
    const form = env.site.addComposer();
    clickSend(form);
    form.remove();
    await settle(20);
    d.resolve(blocked());
    await settle(20);
    expect(dialogHost()).toBeNull();
    expect(env.site.sent).toHaveLength(0);
  });

  test('a composer the adapter cannot read is inactive, shows the badge, and its sends are held', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const states: string[] = [];
    const bg = createFakeAsk(() => verdictOf('allow', []));
    start(bg.ask, { onTabState: (s) => states.push(s) });
    const form = env.site.addComposer({ broken: true });
    await vi.waitFor(() => expect(state(form)).toBe('inactive'));
    expect(document.querySelector('[data-outreach-guard="inactive-badge"]')).not.toBeNull();
    expect(warn.mock.calls.flat().join(' ')).toContain('form.composer textarea');
    expect(states).toContain('inactive');
    clickSend(form);
    expect(env.site.sent).toHaveLength(0);
    await vi.waitFor(() => expect(dialogHost()).not.toBeNull());
    expect(dialogHost()!.shadowRoot!.textContent).toContain('Could not check');
    expect(states.at(-1)).toBe('held');
    warn.mockRestore();
  });

  test('sending anyway from a composer the adapter cannot read logs the override with its reason (site channel, no recipients)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bg = createFakeAsk(() => verdictOf('allow', []));
    start(bg.ask);
    const form = env.site.addComposer({ broken: true });
    await vi.waitFor(() => expect(state(form)).toBe('inactive'));
    clickSend(form);
    await sendAnyway('Guard ziet dit venster niet, klant wacht');
    await vi.waitFor(() => expect(dialogHost()).toBeNull());
    // Without a composer handle the held click is re-issued as it was; should the site ignore it, the
    // rep's next Send passes.
    if (env.site.sent.length === 0) clickSend(form);
    expect(env.site.sent).toHaveLength(1);
    expect(bg.of('ledger/record-event')[0]!.event).toMatchObject({
      kind: 'send-anyway',
      channel: 'email',
      recipients: [],
      codes: ['GUARD-UNCHECKED'],
      reason: 'Guard ziet dit venster niet, klant wacht',
    });
  });

  test('where a composer is expected but none can be found, the badge says so (and not where one is guarded)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bg = createFakeAsk(() => verdictOf('allow', [{ key: 'anna@example.nl' }]));
    start(bg.ask);
    const lost = document.createElement('div');
    lost.className = 'composer-shell';
    document.body.append(lost);
    const fine = document.createElement('div');
    fine.className = 'composer-shell';
    document.body.append(fine);
    const form = env.site.addComposer();
    fine.append(form);
    await vi.waitFor(() => expect(lost.getAttribute('data-outreach-guard-state')).toBe('inactive'), { timeout: 3000 });
    expect(document.querySelectorAll('[data-outreach-guard="inactive-badge"]')).toHaveLength(1);
    expect(fine.hasAttribute('data-outreach-guard-state')).toBe(false);
    expect(form.getAttribute('data-outreach-guard-state')).toBe('clean');
  });

  test('a composer that becomes readable recovers: badge gone, state clean', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bg = createFakeAsk(() => verdictOf('allow', [{ key: 'anna@example.nl' }]));
    start(bg.ask);
    const form = env.site.addComposer({ broken: true });
    await vi.waitFor(() => expect(state(form)).toBe('inactive'));
    form.prepend(document.createElement('textarea'));
    await vi.waitFor(() => expect(state(form)).toBe('clean'));
    expect(document.querySelector('[data-outreach-guard="inactive-badge"]')).toBeNull();
  });

  test('stopping the guard removes its listeners and marks', async () => {
    const bg = createFakeAsk(() => blocked());
    start(bg.ask);
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(state(form)).toBe('held'));
    env.abort();
    expect(form.hasAttribute('data-outreach-guard-state')).toBe(false);
    clickSend(form);
    expect(env.site.sent).toHaveLength(1); // the extension is gone: the site behaves as without it
  });
});
