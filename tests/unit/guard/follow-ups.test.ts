// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { startGuard, type GuardOptions } from '@/lib/guard/guard';
import { isolateOurKeystrokes } from '@/lib/guard/isolate-keys';
import { mountHoldDialog } from '@/lib/guard/hold-ui';
import { GuardRequestFailed } from '@/lib/guard/ask';
import { createEventRecorder, memoryPendingStore, type LedgerEvent, type PendingEntry } from '@/lib/guard/pending-events';
import { createFakeAsk, dialogButton, dialogHost, pickJustification, settle, verdictOf, guardPage } from './fake-site';

// Follow-ups of issues #4/#5 on the shared guard: our dialog's keystrokes stay away from the site's
// shortcuts, a plain Enter in an unreadable LinkedIn composer is held, and a "send anyway" made while the
// background is down is queued and recorded later instead of being lost.

const env = guardPage();

const key = (target: EventTarget, k: string, init: KeyboardEventInit = {}) => {
  const event = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, composed: true, ...init });
  target.dispatchEvent(event);
  return event;
};

describe("keystrokes in our dialog never reach the site's shortcuts", () => {
  test("a page's capture listener on document does not see keys typed in the reason field; Esc still cancels", async () => {
    isolateOurKeystrokes(window, env.signal); // the content script runs at document_start: first
    const pageSaw: string[] = [];
    for (const type of ['keydown', 'keyup', 'keypress']) {
      document.addEventListener(type, (e) => pageSaw.push(`${type}:${(e as KeyboardEvent).key}`), { capture: true, signal: env.signal });
      window.addEventListener(type, (e) => pageSaw.push(`window-${type}:${(e as KeyboardEvent).key}`), { capture: true, signal: env.signal });
    }
    const actions: string[] = [];
    const ui = mountHoldDialog(document, { lang: 'en', view: { kind: 'failed', message: 'no answer' }, canRemoveRecipient: false, onAction: (a) => void actions.push(a.kind) });
    dialogButton('send-anyway')!.click();
    await settle();
    const reason = dialogHost()!.shadowRoot!.querySelector<HTMLTextAreaElement>('[data-field="reason"]')!;
    expect(reason).not.toBeNull();
    const typed = key(reason, 'c');
    reason.dispatchEvent(new KeyboardEvent('keyup', { key: 'c', bubbles: true, composed: true }));
    reason.dispatchEvent(new KeyboardEvent('keypress', { key: 'c', bubbles: true, composed: true }));
    expect(pageSaw).toEqual([]);
    expect(typed.defaultPrevented).toBe(false); // the letter is still typed
    // A key outside our UI still reaches the page as before.
    key(document.body, 'j');
    expect(pageSaw).toContain('keydown:j');
    // Our own handlers below window still work: Esc on the reason field cancels.
    const esc = key(reason, 'Escape');
    expect(actions).toEqual(['cancel']);
    expect(esc.defaultPrevented).toBe(true);
    expect(pageSaw.filter((s) => s.includes('Escape'))).toEqual([]);
    ui.close();
  });

  test('a host of ours without a visible shadow root: the page sees neither the key nor a copy of it', () => {
    isolateOurKeystrokes(window, env.signal);
    const pageSaw: boolean[] = [];
    document.addEventListener('keydown', (e) => pageSaw.push(e.isTrusted), { capture: true, signal: env.signal });
    const host = document.createElement('div');
    host.setAttribute('data-outreach-guard', 'save-profile');
    const input = document.createElement('input');
    host.append(input);
    document.body.append(host);
    key(input, 'c');
    expect(pageSaw).toEqual([]);
  });

  test('without the isolation the same page listener would see them (the test can fail)', () => {
    const pageSaw: string[] = [];
    document.addEventListener('keydown', (e) => pageSaw.push(e.key), { capture: true, signal: env.signal });
    mountHoldDialog(document, { lang: 'en', view: { kind: 'failed', message: 'x' }, canRemoveRecipient: false, onAction: () => undefined });
    key(dialogButton('cancel')!, 'c');
    expect(pageSaw).toEqual(['c']);
  });
});

describe('an inactive composer in "Press Enter to Send" mode', () => {
  function brokenWithEditor() {
    const form = env.site.addComposer({ broken: true });
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    editor.textContent = 'Hallo, zullen we bellen?';
    const reached: string[] = [];
    // LinkedIn's own editor, in the bubble phase: what it gets, it acts on (send, or a new line with Shift).
    editor.addEventListener('keydown', (e) => reached.push(`${e.shiftKey ? 'Shift+' : ''}${e.key}`));
    form.prepend(editor);
    return { form, editor, reached };
  }

  test('a plain Enter in its editor is held; Shift+Enter (a new line) is not', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bg = createFakeAsk(() => verdictOf('allow', []));
    startGuard({ adapter: env.site.adapter, ask: bg.ask, signal: env.signal, debounceMs: 10, checkingDialogAfterMs: 5 });
    const { form, editor, reached } = brokenWithEditor();
    await vi.waitFor(() => expect(form.getAttribute('data-outreach-guard-state')).toBe('inactive'));
    key(editor, 'Enter', { shiftKey: true });
    expect(reached).toEqual(['Shift+Enter']);
    expect(dialogHost()).toBeNull();
    const enter = key(editor, 'Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(reached).toEqual(['Shift+Enter']); // the site never saw the Enter: nothing left
    await vi.waitFor(() => expect(dialogHost()).not.toBeNull());
    expect(dialogHost()!.shadowRoot!.textContent).toContain('Could not check');
    expect(form.getAttribute('data-outreach-guard-state')).toBe('held');
    // Enter that ends an IME composition is not a send.
    dialogButton('cancel')!.click();
    await settle();
    key(editor, 'Enter', { isComposing: true });
    expect(reached).toEqual(['Shift+Enter', 'Enter']);
  });

  test('a site whose Enter only starts a new line (webmail) can say so', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bg = createFakeAsk(() => verdictOf('allow', []));
    startGuard({ adapter: { ...env.site.adapter, plainEnterMaySend: false }, ask: bg.ask, signal: env.signal, debounceMs: 10 });
    const { form, editor, reached } = brokenWithEditor();
    await vi.waitFor(() => expect(form.getAttribute('data-outreach-guard-state')).toBe('inactive'));
    key(editor, 'Enter');
    expect(reached).toEqual(['Enter']);
    await settle(20);
    expect(dialogHost()).toBeNull();
  });
});

const override: LedgerEvent = {
  kind: 'send-anyway',
  site: 'gmail',
  channel: 'email',
  recipients: [{ key: 'anna@example.nl', email: 'anna@example.nl' }],
  codes: ['GUARD-UNCHECKED'],
  reason: 'Guard down, urgent reply',
  decision: 'block',
};

describe('"send anyway" while the background is down', () => {
  function guardWithQueue(opts: Partial<GuardOptions> = {}) {
    const bg = createFakeAsk(() => verdictOf('allow', []));
    bg.fail(new GuardRequestFailed('unreachable', 'The background did not answer'));
    const store = memoryPendingStore();
    const counts: number[] = [];
    const recorder = createEventRecorder({ ask: bg.ask, signal: env.signal, store, backoffMs: [30], onPending: (n) => counts.push(n) });
    startGuard({ adapter: env.site.adapter, ask: bg.ask, signal: env.signal, debounceMs: 10, checkingDialogAfterMs: 5, recorder, ...opts });
    return { bg, store, counts };
  }

  async function sendAnyway(form: HTMLFormElement) {
    form.querySelector<HTMLButtonElement>('button.send')!.click();
    await vi.waitFor(() => expect(dialogButton('send-anyway')).not.toBeNull());
    dialogButton('send-anyway')!.click();
    await settle();
    await pickJustification();
    const reason = dialogHost()!.shadowRoot!.querySelector<HTMLTextAreaElement>('[data-field="reason"]')!;
    reason.value = 'Guard down, urgent reply to customer';
    reason.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    dialogButton('confirm-send-anyway')!.click();
  }

  test('the override is queued in storage, the send goes once, and the record is written when the background is back', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { bg, store, counts } = guardWithQueue();
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(form.getAttribute('data-outreach-guard-state')).toBe('held'));
    await sendAnyway(form);
    await vi.waitFor(() => expect(env.site.sent).toHaveLength(1));
    // The send really left, so "this message left" is queued too.
    await vi.waitFor(() => expect(store.value).toHaveLength(2));
    const queued = (store.value as PendingEntry[]).filter((e) => e.event.kind === 'send-anyway');
    expect(queued).toHaveLength(1);
    expect(queued[0]!.event).toMatchObject({ kind: 'send-anyway', reason: 'Guard down, urgent reply to customer', codes: ['GUARD-UNCHECKED'] });
    expect(counts.at(-1)).toBe(2);
    const triesWhileDown = bg.of('ledger/record-event').length;
    await settle(80);
    expect(bg.of('ledger/record-event').length).toBeGreaterThan(triesWhileDown); // it keeps trying
    bg.fail(null);
    await vi.waitFor(() => expect(store.value).toEqual([]));
    expect(counts.at(-1)).toBe(0);
    const kinds = bg.of('ledger/record-event').map((c) => (c.event as LedgerEvent).kind);
    expect(kinds).toContain('outbound-sent');
    const delivered = bg.of('ledger/record-event').filter((c) => (c.event as LedgerEvent).kind === 'send-anyway');
    expect(delivered.at(-1)!.event).toMatchObject({ kind: 'send-anyway', reason: 'Guard down, urgent reply to customer' });
    expect(env.site.sent).toHaveLength(1);
  });

  test('a background that stops answering while the dialog is open: the override is queued after the timeout and the send goes', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bg = createFakeAsk(() => verdictOf('block', [{ key: 'anna@example.nl' }]));
    const hanging = ((req: { type: string }) => (req.type === 'ledger/record-event' ? new Promise(() => undefined) : bg.ask(req as never))) as unknown as GuardOptions['ask'];
    const store = memoryPendingStore();
    const recorder = createEventRecorder({ ask: hanging, signal: env.signal, store, backoffMs: [60_000], timeoutMs: 50 });
    startGuard({ adapter: env.site.adapter, ask: hanging, signal: env.signal, debounceMs: 10, checkingDialogAfterMs: 5, checkTimeoutMs: 100, recorder });
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(form.getAttribute('data-outreach-guard-state')).toBe('held'));
    await sendAnyway(form);
    await vi.waitFor(() => expect(env.site.sent).toHaveLength(1));
    expect((store.value as PendingEntry[]).map((e) => e.event.kind)).toContain('send-anyway');
    expect(recorder.pending()).toBeGreaterThanOrEqual(1);
  });

  test('a background that answers "no" (policy) keeps the send held with the message', async () => {
    const bg = createFakeAsk(() => verdictOf('block', [{ key: 'anna@example.nl' }]));
    startGuard({ adapter: env.site.adapter, ask: bg.ask, signal: env.signal, debounceMs: 10, checkingDialogAfterMs: 5 });
    const form = env.site.addComposer();
    await vi.waitFor(() => expect(form.getAttribute('data-outreach-guard-state')).toBe('held'));
    bg.fail(new GuardRequestFailed('override-forbidden', 'Team policy does not allow sending against the advice.'));
    await sendAnyway(form);
    await vi.waitFor(() => expect(dialogHost()!.shadowRoot!.textContent).toContain('Team policy does not allow'));
    expect(env.site.sent).toHaveLength(0);
  });
});

describe('the pending-events queue', () => {
  test("a closed page's entry is taken over by the next page once it is old enough, and recorded once", async () => {
    const store = memoryPendingStore();
    let t = 1_000_000;
    const down = createFakeAsk(() => verdictOf('allow', []));
    down.fail(new Error('no answer'));
    const closedPage = new AbortController();
    const first = createEventRecorder({ ask: down.ask, signal: closedPage.signal, store, now: () => t, backoffMs: [60_000] });
    expect(await first.record(override)).toBe('queued');
    closedPage.abort(); // the tab was closed

    const up = createFakeAsk(() => verdictOf('allow', []));
    const second = createEventRecorder({ ask: up.ask, signal: env.signal, store, now: () => t, orphanAfterMs: 120_000 });
    await second.flush();
    expect(up.of('ledger/record-event')).toHaveLength(0); // still the first page's to retry
    t += 121_000;
    await second.flush();
    expect(up.of('ledger/record-event')).toHaveLength(1);
    expect(store.value).toEqual([]);
    await second.flush();
    expect(up.of('ledger/record-event')).toHaveLength(1);
  });

  test('unreadable entries in storage are dropped, valid ones kept', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const good: PendingEntry = { id: 'a', owner: 'gone', claimedAt: 0, queuedAt: 0, event: override };
    const store = memoryPendingStore([{ id: 'b', owner: 'x', event: { kind: 'rm -rf' } }, good]);
    const up = createFakeAsk(() => verdictOf('allow', []));
    await createEventRecorder({ ask: up.ask, signal: env.signal, store, now: () => 10_000_000 }).flush();
    expect(up.of('ledger/record-event').map((c) => (c.event as LedgerEvent).kind)).toEqual(['send-anyway']);
    expect(store.value).toEqual([]);
  });

  test('when storage cannot be written the event is still retried from memory', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bg = createFakeAsk(() => verdictOf('allow', []));
    bg.fail(new Error('no answer'));
    const store = { read: async () => [], write: async () => Promise.reject(new Error('quota')) };
    const recorder = createEventRecorder({ ask: bg.ask, signal: env.signal, store, backoffMs: [20] });
    expect(await recorder.record(override)).toBe('queued-in-memory');
    expect(recorder.pending()).toBe(1);
    bg.fail(null);
    await vi.waitFor(() => expect(recorder.pending()).toBe(0));
    expect(bg.of('ledger/record-event').length).toBeGreaterThanOrEqual(2);
  });
});
