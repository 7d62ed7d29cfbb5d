// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { startGuard } from '@/lib/guard/guard';
import type { SentOutcome, SiteAdapter } from '@/lib/guard/adapter';
import { createEventRecorder, memoryPendingStore, type LedgerEvent, type PendingEntry } from '@/lib/guard/pending-events';
import { createFakeAsk, deferred, dialogButton, finding, pickJustification, settle, verdictOf, guardPage } from './fake-site';

// Pop-out compose windows (Gmail ?view=cm, Outlook's popped-out form) close themselves once Send is accepted,
// taking our content script with them before waitForSent can answer. The guard stores a provisional
// "outbound-sent" record before the send goes; the page confirms or drops it; a page that went first leaves
// it standing, and the app window records it.

const env = guardPage();

/** the fake site as a pop-out window: closesOnSend, and waitForSent answers only when the test says so */
function popout(outcome: Promise<SentOutcome>, closes = true): SiteAdapter {
  return {
    ...env.site.adapter,
    composerFor(root) {
      const handle = env.site.adapter.composerFor(root);
      return { ...handle, root: handle.root, closesOnSend: () => closes, waitForSent: () => outcome };
    },
  };
}

const outbound = (calls: { type: string; event?: unknown }[]) => calls.filter((c) => (c.event as LedgerEvent | undefined)?.kind === 'outbound-sent');

function setup(adapter: SiteAdapter, decision: 'allow' | 'block' = 'block') {
  const bg = createFakeAsk(() =>
    decision === 'allow' ? verdictOf('allow', [{ key: 'anna@example.nl' }]) : verdictOf('block', [{ key: 'anna@example.nl', findings: [finding('TW-01', 'warn')] }]),
  );
  const store = memoryPendingStore();
  const page = new AbortController(); // this window's content script
  env.signal.addEventListener('abort', () => page.abort());
  const recorder = createEventRecorder({ ask: bg.ask, signal: page.signal, store, backoffMs: [60_000] });
  startGuard({ adapter, ask: bg.ask, signal: page.signal, debounceMs: 5, checkingDialogAfterMs: 5, recorder });
  return { bg, store, recorder, page };
}

/** what storage held at the moment the site's own Send handler ran */
function storeAtSend(form: HTMLFormElement, store: { value: unknown }) {
  const seen: PendingEntry[][] = [];
  form.querySelector('button.send')!.addEventListener('click', () => seen.push(structuredClone(store.value as PendingEntry[])));
  return seen;
}

describe('a send from a window that closes itself', () => {
  test('held then released: the provisional record is in storage before the send leaves; the window closes; the app window records it at once', async () => {
    const outcome = deferred<SentOutcome>();
    const { store, recorder, page } = setup(popout(outcome.promise), 'block');
    const form = env.site.addComposer();
    const atSend = storeAtSend(form, store);
    await vi.waitFor(() => expect(form.getAttribute('data-outreach-guard-state')).toBe('held'));
    form.querySelector<HTMLButtonElement>('button.send')!.click();
    await vi.waitFor(() => expect(dialogButton('send-anyway')).not.toBeNull());
    // a warning: the rep sends anyway with a reason (the background takes the override)
    dialogButton('send-anyway')!.click();
    await settle();
    await pickJustification();
    const reason = document.querySelector('[data-outreach-guard="hold"]')!.shadowRoot!.querySelector<HTMLTextAreaElement>('[data-field="reason"]')!;
    reason.value = 'Bestaande klant, afspraak bevestigd';
    reason.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    dialogButton('confirm-send-anyway')!.click();
    await vi.waitFor(() => expect(env.site.sent).toHaveLength(1));
    expect(atSend[0]!.map((e) => [e.event.kind, e.provisional])).toEqual([['outbound-sent', true]]);
    expect(atSend[0]![0]!.event).toMatchObject({ recipients: [{ key: 'anna@example.nl' }] });

    // the Gmail app window that opened the pop-out, watching the shared queue
    const app = createFakeAsk(() => verdictOf('allow', []));
    const appRecorder = createEventRecorder({ ask: app.ask, signal: env.signal, store, adoptReleased: true, orphanAfterMs: 120_000 });
    await appRecorder.flush();
    expect(outbound(app.calls), "the pop-out's record is still its own").toHaveLength(0);
    // Gmail closes the pop-out: pagehide, then the content script is gone before waitForSent answers
    recorder.releaseProvisional();
    page.abort();
    // taken over at once, not after the orphan timeout
    await vi.waitFor(() => expect(outbound(app.calls)).toHaveLength(1));
    await vi.waitFor(() => expect(store.value).toEqual([]));
  });

  test('a clean send is not delayed; when waitForSent says "sent" the record is confirmed and written once', async () => {
    const outcome = deferred<SentOutcome>();
    const { bg, store } = setup(popout(outcome.promise), 'allow');
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(form.getAttribute('data-outreach-guard-state')).toBe('clean'));
    form.querySelector<HTMLButtonElement>('button.send')!.click();
    expect(env.site.sent, 'clean: goes at once').toHaveLength(1);
    await vi.waitFor(() => expect((store.value as PendingEntry[]).map((e) => e.provisional)).toEqual([true]));
    expect(outbound(bg.calls), 'not recorded before it is known').toHaveLength(0);
    outcome.resolve('sent');
    await vi.waitFor(() => expect(outbound(bg.calls)).toHaveLength(1));
    expect(store.value).toEqual([]);
    await settle(20);
    expect(outbound(bg.calls)).toHaveLength(1);
  });

  test('when waitForSent says "not sent" (Undo) the provisional record is dropped', async () => {
    const outcome = deferred<SentOutcome>();
    const { bg, store } = setup(popout(outcome.promise), 'allow');
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(form.getAttribute('data-outreach-guard-state')).toBe('clean'));
    form.querySelector<HTMLButtonElement>('button.send')!.click();
    await vi.waitFor(() => expect(store.value).toHaveLength(1));
    outcome.resolve('not-sent');
    await vi.waitFor(() => expect(store.value).toEqual([]));
    await settle(20);
    expect(outbound(bg.calls)).toHaveLength(0);
  });

  test('a window that does not close itself writes nothing provisional (the record follows waitForSent)', async () => {
    const outcome = deferred<SentOutcome>();
    const { bg, store } = setup(popout(outcome.promise, false), 'allow');
    const form = env.site.addComposer();
    const atSend = storeAtSend(form, store);
    await vi.waitFor(() => expect(form.getAttribute('data-outreach-guard-state')).toBe('clean'));
    form.querySelector<HTMLButtonElement>('button.send')!.click();
    await settle(20);
    expect(atSend).toEqual([[]]);
    expect(store.value).toEqual([]);
    outcome.resolve('sent');
    await vi.waitFor(() => expect(outbound(bg.calls)).toHaveLength(1));
  });
});

describe('provisional records in the pending-events queue', () => {
  const sentEvent: LedgerEvent = {
    kind: 'outbound-sent',
    site: 'gmail',
    channel: 'email',
    recipients: [{ key: 'anna@example.nl', email: 'anna@example.nl', field: 'to' }],
    disclosureIncluded: false,
    bodyFingerprint: 'sha256:00',
  };

  test("the page's own flush leaves its unsettled record alone; a page that vanished without pagehide is adopted once its lease lapses", async () => {
    const store = memoryPendingStore();
    let t = 5_000_000;
    const bg = createFakeAsk(() => verdictOf('allow', []));
    const popPage = new AbortController();
    const pop = createEventRecorder({ ask: bg.ask, signal: popPage.signal, store, now: () => t, backoffMs: [60_000] });
    await pop.provisional(sentEvent);
    await pop.flush();
    expect(outbound(bg.calls), 'not sent before its outcome is known').toHaveLength(0);
    popPage.abort(); // crashed: no pagehide

    const app = createFakeAsk(() => verdictOf('allow', []));
    const appRecorder = createEventRecorder({ ask: app.ask, signal: env.signal, store, now: () => t, orphanAfterMs: 120_000 });
    await appRecorder.flush();
    expect(outbound(app.calls)).toHaveLength(0);
    t += 9_000; // past the 8 s lease, long before the 120 s orphan time
    await appRecorder.flush();
    expect(outbound(app.calls)).toHaveLength(1);
    expect(store.value).toEqual([]);
  });

  test('confirming a record another page already took over does not record it twice', async () => {
    const store = memoryPendingStore();
    let t = 5_000_000;
    const bg = createFakeAsk(() => verdictOf('allow', []));
    const pop = createEventRecorder({ ask: bg.ask, signal: env.signal, store, now: () => t });
    const record = await pop.provisional(sentEvent);
    t += 121_000;
    const app = createFakeAsk(() => verdictOf('allow', []));
    await createEventRecorder({ ask: app.ask, signal: env.signal, store, now: () => t, orphanAfterMs: 120_000 }).flush();
    await record.confirm();
    expect(outbound(app.calls).length + outbound(bg.calls).length).toBe(1);
  });

  test("a record left by a closed Gmail pop-out is taken over by a Gmail tab, never by a LinkedIn tab (the ledger would file it under LinkedIn)", async () => {
    const store = memoryPendingStore();
    let t = 7_000_000;
    const bg = createFakeAsk(() => verdictOf('allow', []));
    const pop = createEventRecorder({ ask: bg.ask, signal: env.signal, store, now: () => t, site: 'gmail' });
    await pop.provisional(sentEvent);
    pop.releaseProvisional();
    await settle();
    t += 121_000;
    const linkedin = createFakeAsk(() => verdictOf('allow', []));
    await createEventRecorder({ ask: linkedin.ask, signal: env.signal, store, now: () => t, orphanAfterMs: 120_000, site: 'linkedin' }).flush();
    expect(outbound(linkedin.calls)).toHaveLength(0);
    const gmail = createFakeAsk(() => verdictOf('allow', []));
    await createEventRecorder({ ask: gmail.ask, signal: env.signal, store, now: () => t, orphanAfterMs: 120_000, site: 'gmail' }).flush();
    expect(outbound(gmail.calls)).toHaveLength(1);
  });

  test('a record left unknown while the page lives on (the watch timed out) stands and is recorded', async () => {
    const store = memoryPendingStore();
    const bg = createFakeAsk(() => verdictOf('allow', []));
    const pop = createEventRecorder({ ask: bg.ask, signal: env.signal, store });
    const record = await pop.provisional(sentEvent);
    await record.stand();
    await vi.waitFor(() => expect(outbound(bg.calls)).toHaveLength(1));
    await vi.waitFor(() => expect(store.value).toEqual([]));
  });

  test('a live page keeps renewing its lease, so the app window leaves the record alone until the page is gone', async () => {
    const store = memoryPendingStore();
    const bg = createFakeAsk(() => verdictOf('allow', []));
    const popPage = new AbortController();
    const pop = createEventRecorder({ ask: bg.ask, signal: popPage.signal, store, leaseMs: 60 });
    await pop.provisional(sentEvent);
    const app = createFakeAsk(() => verdictOf('allow', []));
    const appRecorder = createEventRecorder({ ask: app.ask, signal: env.signal, store, leaseMs: 60, adoptReleased: true });
    await appRecorder.flush();
    await settle(200); // three lease periods, renewed by the live page
    await appRecorder.flush();
    expect(outbound(app.calls)).toHaveLength(0);
    popPage.abort(); // the pop-out vanished without pagehide: no more renewals
    // the app window looks again by itself once the lease would lapse
    await vi.waitFor(() => expect(outbound(app.calls)).toHaveLength(1), { timeout: 2000 });
    expect(store.value).toEqual([]);
  });
});
