// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { startGuard } from '@/lib/guard/guard';
import { AdapterError, type SentOutcome, type SiteAdapter } from '@/lib/guard/adapter';
import { createEventRecorder, memoryPendingStore, type LedgerEvent } from '@/lib/guard/pending-events';
import { createFakeAsk, deferred, dialogButton, dialogHost, finding, sendAnyway, settle, verdictOf, guardPage } from './fake-site';
import type { GuardVerdict } from '@/lib/messaging/guard';

// The held send is re-sent through the adapter. When that throws (LinkedIn's quick-reply button is gone,
// Gmail's compose was closed), the hold stays with a visible error: a closed dialog would tell the rep the
// message left. The rep's next Send of the same draft passes, and nothing is recorded twice.

const env = guardPage();

/** the fake site whose resend throws while `broken.now` is true */
function breakingResend(extra: { closesOnSend?: boolean; waitForSent?: Promise<SentOutcome> } = {}) {
  const broken = { now: true, tries: 0 };
  const adapter: SiteAdapter = {
    ...env.site.adapter,
    composerFor(root) {
      const handle = env.site.adapter.composerFor(root);
      return {
        ...handle,
        root: handle.root,
        resend(trigger, event) {
          broken.tries += 1;
          if (broken.now) throw new AdapterError('gmail', 'the quick-reply button', 'button.quick-reply');
          handle.resend(trigger, event);
        },
        ...(extra.closesOnSend !== undefined ? { closesOnSend: () => extra.closesOnSend! } : {}),
        ...(extra.waitForSent ? { waitForSent: () => extra.waitForSent! } : {}),
      };
    },
  };
  return { adapter, broken };
}

const clickSend = (form: HTMLFormElement) => form.querySelector<HTMLButtonElement>('button.send')!.click();
const state = (form: Element) => form.getAttribute('data-outreach-guard-state');
const kinds = (calls: { type: string; event?: unknown }[]) => calls.map((c) => (c.event as LedgerEvent).kind);

describe('a re-send the adapter cannot do', () => {
  test('after "send anyway": the dialog stays with the error; Cancel, then Send passes once; the override is recorded once', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { adapter, broken } = breakingResend();
    const bg = createFakeAsk(() => verdictOf('block', [{ key: 'anna@example.nl', findings: [finding('TW-01', 'block')] }]));
    startGuard({ adapter, ask: bg.ask, signal: env.signal, debounceMs: 10, checkingDialogAfterMs: 5 });
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(state(form)).toBe('held'));
    clickSend(form);
    await sendAnyway();
    await vi.waitFor(() => expect(broken.tries).toBe(1));
    await settle(20);
    expect(env.site.sent).toHaveLength(0);
    expect(dialogHost(), 'the dialog must not vanish as if the message left').not.toBeNull();
    expect(dialogHost()!.shadowRoot!.querySelector('[role=alert]')!.textContent).toContain('the message was not sent — press Send again');
    expect(state(form)).toBe('held');
    expect(kinds(bg.of('ledger/record-event'))).toEqual(['send-anyway']);

    // The rep closes the dialog and presses the site's Send: it passes, and is recorded as sent.
    dialogButton('cancel')!.click();
    await settle();
    clickSend(form);
    expect(env.site.sent).toHaveLength(1);
    expect(dialogHost()).toBeNull();
    await vi.waitFor(() => expect(kinds(bg.of('ledger/record-event'))).toEqual(['send-anyway', 'outbound-sent']));
  });

  test('after "send anyway": pressing it again retries the re-send without a second override record', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { adapter, broken } = breakingResend();
    const bg = createFakeAsk(() => verdictOf('block', [{ key: 'anna@example.nl', findings: [finding('TW-01', 'block')] }]));
    startGuard({ adapter, ask: bg.ask, signal: env.signal, debounceMs: 10, checkingDialogAfterMs: 5 });
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(state(form)).toBe('held'));
    clickSend(form);
    await sendAnyway();
    await vi.waitFor(() => expect(dialogHost()?.shadowRoot?.textContent).toContain('press Send again'));
    broken.now = false;
    await sendAnyway();
    await vi.waitFor(() => expect(env.site.sent).toHaveLength(1));
    expect(dialogHost()).toBeNull();
    await vi.waitFor(() => expect(kinds(bg.of('ledger/record-event'))).toEqual(['send-anyway', 'outbound-sent']));
  });

  test('after a clean check: the dialog comes up with the error and its Send tries again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { adapter, broken } = breakingResend();
    const pending: ReturnType<typeof deferred<GuardVerdict>>[] = [];
    const bg = createFakeAsk(() => {
      const d = deferred<GuardVerdict>();
      pending.push(d);
      return d.promise;
    });
    startGuard({ adapter, ask: bg.ask, signal: env.signal, debounceMs: 10, checkingDialogAfterMs: 1000 });
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    clickSend(form); // held: the verdict is still coming
    for (const d of pending) d.resolve(verdictOf('allow', [{ key: 'anna@example.nl' }]));
    await vi.waitFor(() => expect(broken.tries).toBe(1));
    await vi.waitFor(() => expect(dialogButton('send')).not.toBeNull());
    expect(dialogHost()!.getAttribute('data-decision')).toBe('allow');
    expect(dialogHost()!.shadowRoot!.textContent).toContain('press Send again');
    expect(env.site.sent).toHaveLength(0);
    broken.now = false;
    dialogButton('send')!.click();
    await vi.waitFor(() => expect(env.site.sent).toHaveLength(1));
    expect(dialogHost()).toBeNull();
    expect(state(form)).toBe('clean');
    await vi.waitFor(() => expect(kinds(bg.of('ledger/record-event'))).toEqual(['outbound-sent']));
    await settle(20);
    expect(kinds(bg.of('ledger/record-event'))).toEqual(['outbound-sent']);
  });

  test('Dutch: the error is in Dutch', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { adapter } = breakingResend();
    const bg = createFakeAsk(() => ({ ...verdictOf('warn', [{ key: 'anna@example.nl', findings: [finding('LI-02', 'warn')] }]), overrideNeedsReason: false }));
    startGuard({ adapter, ask: bg.ask, signal: env.signal, debounceMs: 10, checkingDialogAfterMs: 5, lang: 'nl' });
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(state(form)).toBe('held'));
    clickSend(form);
    await vi.waitFor(() => expect(dialogButton('send-anyway')).not.toBeNull());
    dialogButton('send-anyway')!.click();
    await vi.waitFor(() => expect(dialogHost()?.shadowRoot?.textContent).toContain('het bericht is niet verstuurd — druk nogmaals op Verzenden'));
  });

  test('from a window that closes itself: the provisional "sent" record is dropped, not left standing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { adapter, broken } = breakingResend({ closesOnSend: true, waitForSent: new Promise<SentOutcome>(() => undefined) });
    const bg = createFakeAsk(() => verdictOf('block', [{ key: 'anna@example.nl', findings: [finding('TW-01', 'block')] }]));
    const store = memoryPendingStore();
    const recorder = createEventRecorder({ ask: bg.ask, signal: env.signal, store, backoffMs: [60_000] });
    startGuard({ adapter, ask: bg.ask, signal: env.signal, debounceMs: 10, checkingDialogAfterMs: 5, recorder });
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(state(form)).toBe('held'));
    clickSend(form);
    await sendAnyway();
    await vi.waitFor(() => expect(broken.tries).toBe(1));
    await vi.waitFor(() => expect(store.value).toEqual([]));
    recorder.releaseProvisional(); // the window closes now: nothing of this send may stand as sent
    await settle(20);
    expect(store.value).toEqual([]);
    expect(kinds(bg.of('ledger/record-event'))).toEqual(['send-anyway']);
    expect(dialogHost()).not.toBeNull();
  });
});
