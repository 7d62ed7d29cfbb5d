// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { startGuard, type GuardOptions } from '@/lib/guard/guard';
import { createFakeAsk, dialogActions, dialogButton, dialogHost, finding, settle, verdictOf, guardPage, pageUi } from './fake-site';

// The quiet marker beside a watched composer: it says what the guard already worked out while the rep
// typed, and opens the same explanation as a hold, without sending.

const env = guardPage();

function start(ask: GuardOptions['ask']) {
  return startGuard({ adapter: env.site.adapter, ask, signal: env.signal, debounceMs: 10, checkingDialogAfterMs: 5, showMarker: pageUi.showMarker, lang: 'nl' });
}

const markerHost = () => document.querySelector<HTMLElement>('[data-outreach-guard="marker"]');
const markerButton = () => markerHost()?.shadowRoot?.querySelector<HTMLButtonElement>('button') ?? null;
const markerState = () => markerButton()?.getAttribute('data-marker-state');

describe('the composer marker', () => {
  test('says "all clear" for a draft that would pass, out of the page flow', async () => {
    const bg = createFakeAsk(() => verdictOf('allow', [{ key: 'anna@example.nl' }]));
    start(bg.ask);
    env.site.addComposer();
    await vi.waitFor(() => expect(markerState()).toBe('ok'));
    expect(markerButton()!.getAttribute('aria-label')).toContain('Outreach Guard: in orde');
    expect(markerHost()!.style.position).toBe('absolute');
  });

  test('counts the recipients that need attention, and opens the reasons without sending', async () => {
    const bg = createFakeAsk(() =>
      verdictOf('block', [
        { key: 'anna@example.nl', findings: [finding('TW-01', 'block', ['record-basis'])] },
        { key: 'bob@example.nl' },
      ]),
    );
    start(bg.ask);
    const form = env.site.addComposer({ recipients: [{ key: 'anna@example.nl' }, { key: 'bob@example.nl' }] });
    await vi.waitFor(() => expect(markerState()).toBe('attention'));
    expect(form.getAttribute('data-outreach-guard-state')).toBe('held');
    expect(markerButton()!.getAttribute('aria-label')).toContain('1 ontvanger vraagt aandacht');
    markerButton()!.click();
    await settle();
    expect(dialogHost()?.getAttribute('data-decision')).toBe('block');
    expect(dialogHost()!.shadowRoot!.textContent).toContain('anna@example.nl');
    expect(dialogActions()).not.toContain('send-anyway');
    expect(env.site.sent).toHaveLength(0);
    dialogButton('cancel')!.click();
    await settle();
    expect(dialogHost()).toBeNull();
    expect(env.site.sent).toHaveLength(0);
    expect(env.site.resends).toHaveLength(0);
  });

  test('its fixes work as in the hold: "remove" takes the person out and the verdict follows, yet nothing is sent', async () => {
    const bg = createFakeAsk((req) => {
      const keys = (req.recipients as { key: string }[]).map((r) => r.key);
      return keys.includes('piet@gmail.com')
        ? verdictOf('block', [{ key: 'anna@example.nl' }, { key: 'piet@gmail.com', findings: [finding('TW-02', 'block', ['remove-recipient', 'record-basis'])] }])
        : verdictOf('allow', keys.map((key) => ({ key })));
    });
    start(bg.ask);
    const form = env.site.addComposer({ recipients: [{ key: 'anna@example.nl' }, { key: 'piet@gmail.com' }] });
    await vi.waitFor(() => expect(markerState()).toBe('attention'));
    markerButton()!.click();
    await vi.waitFor(() => expect(dialogButton('record-basis')).not.toBeNull());
    // record a basis: the background opens the form for this person
    dialogButton('record-basis')!.click();
    await vi.waitFor(() => expect(bg.of('ui/open-record-basis')).toHaveLength(1));
    expect(bg.of('ui/open-record-basis')[0]!.recipients).toEqual([expect.objectContaining({ key: 'piet@gmail.com' })]);
    // remove the recipient: gone from the draft, and the explanation now says the draft is fine
    await vi.waitFor(() => expect(dialogButton('remove-recipient')!.disabled).toBe(false));
    dialogButton('remove-recipient')!.click();
    await vi.waitFor(() => expect(dialogHost()?.getAttribute('data-decision')).toBe('allow'));
    expect(form.querySelector('.chip[data-key="piet@gmail.com"]')).toBeNull();
    expect(dialogActions(), 'the explanation never sends').not.toContain('send');
    expect(dialogActions()).not.toContain('send-anyway');
    dialogButton('cancel')!.click();
    await vi.waitFor(() => expect(markerState()).toBe('ok'));
    expect(env.site.sent).toHaveLength(0);
    expect(env.site.resends).toHaveLength(0);
  });

  test('a send pressed while the explanation is open is held, not sent', async () => {
    const bg = createFakeAsk(() => verdictOf('block', [{ key: 'anna@example.nl', findings: [finding('TW-01', 'block', ['record-basis'])] }]));
    start(bg.ask);
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(markerState()).toBe('attention'));
    markerButton()!.click();
    await vi.waitFor(() => expect(dialogHost()).not.toBeNull());
    form.querySelector<HTMLButtonElement>('button.send')!.click();
    await settle();
    expect(env.site.sent).toHaveLength(0);
  });

  test('says "cannot check" when the background does not answer', async () => {
    const bg = createFakeAsk(() => Promise.reject(new Error('no background')));
    start(bg.ask);
    env.site.addComposer();
    await vi.waitFor(() => expect(markerState()).toBe('unchecked'));
  });

  test('goes with its composer', async () => {
    const bg = createFakeAsk(() => verdictOf('allow', [{ key: 'anna@example.nl' }]));
    start(bg.ask);
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(markerState()).toBe('ok'));
    form.remove();
    await vi.waitFor(() => expect(markerHost()).toBeNull());
  });
});
