// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { startGuard } from '@/lib/guard/guard';
import { GuardRequestFailed, type GuardAsk } from '@/lib/guard/ask';
import { createEventRecorder, isRefusal, memoryPendingStore, type LedgerEvent, type PendingEntry } from '@/lib/guard/pending-events';
import { createFakeAsk, dialogButton, dialogHost, settle, verdictOf, guardPage } from './fake-site';

// A ledger event the background refuses (policy, invalid) cannot be recorded by retrying: it is dropped and
// reported, and never blocks the records queued behind it. Only a background that did not answer (or
// crashed) is retried.

const env = guardPage();

const override: LedgerEvent = {
  kind: 'send-anyway',
  site: 'gmail',
  channel: 'email',
  recipients: [{ key: 'anna@example.nl', email: 'anna@example.nl' }],
  codes: ['TW-01'],
  reason: 'Klant vroeg erom',
  decision: 'block',
};
const sent: LedgerEvent = {
  kind: 'outbound-sent',
  site: 'gmail',
  channel: 'email',
  recipients: [{ key: 'bert@example.nl', email: 'bert@example.nl' }],
  disclosureIncluded: false,
  bodyFingerprint: `sha256:${'0'.repeat(64)}`,
};

/** a background that answers every record-event with what `answer` says for its kind */
function background(answer: (event: LedgerEvent) => Error | null) {
  const recorded: LedgerEvent[] = [];
  const asked: LedgerEvent[] = [];
  const ask = (async (request: { type: string; event: LedgerEvent }) => {
    asked.push(request.event);
    const error = answer(request.event);
    if (error) throw error;
    recorded.push(request.event);
    return { recorded: 1 };
  }) as unknown as GuardAsk;
  return { ask, recorded, asked };
}

const entry = (id: string, event: LedgerEvent): PendingEntry => ({ id, owner: '', claimedAt: 0, queuedAt: 0, event });
const forbidden = () => new GuardRequestFailed('override-forbidden', 'Team policy does not allow sending against the advice.');

describe('the pending-events queue and refusals', () => {
  test('a queued refused event followed by a queued outbound-sent: the second is recorded, the first dropped', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const store = memoryPendingStore([entry('a', override), entry('b', sent)]);
    const bg = background((e) => (e.kind === 'send-anyway' ? forbidden() : null));
    const refusals: string[] = [];
    const counts: number[] = [];
    const recorder = createEventRecorder({
      ask: bg.ask,
      signal: env.signal,
      store,
      backoffMs: [20],
      onPending: (n) => counts.push(n),
      onRefused: (event, message) => refusals.push(`${event.kind}: ${message}`),
    });
    await recorder.flush();
    expect(bg.recorded.map((e) => e.kind)).toEqual(['outbound-sent']);
    expect(store.value).toEqual([]);
    expect(recorder.pending()).toBe(0);
    expect(counts.at(-1)).toBe(0); // the "records waiting" notice goes
    expect(refusals).toEqual(['send-anyway: Team policy does not allow sending against the advice.']);
    // and it is not tried again
    await settle(60);
    expect(bg.asked.filter((e) => e.kind === 'send-anyway')).toHaveLength(1);
  });

  test('record(): a refusal is reported and not queued', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const store = memoryPendingStore();
    const bg = background(() => new GuardRequestFailed('invalid-request', 'Invalid request "ledger/record-event"'));
    const refusals: LedgerEvent[] = [];
    const recorder = createEventRecorder({ ask: bg.ask, signal: env.signal, store, onRefused: (e) => refusals.push(e) });
    expect(await recorder.record(sent)).toBe('refused');
    expect(recorder.pending()).toBe(0);
    expect(store.value).toEqual([]);
    expect(refusals).toEqual([sent]);
  });

  test('a background that crashed on one event retries it, but lets the events behind it through', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const store = memoryPendingStore([entry('a', override), entry('b', sent)]);
    let crashing = true;
    const bg = background((e) => (crashing && e.kind === 'send-anyway' ? new GuardRequestFailed('internal', 'database closed') : null));
    const recorder = createEventRecorder({ ask: bg.ask, signal: env.signal, store, backoffMs: [20] });
    await recorder.flush();
    expect(bg.recorded.map((e) => e.kind)).toEqual(['outbound-sent']);
    expect((store.value as PendingEntry[]).map((e) => e.id)).toEqual(['a']); // kept for the retry
    crashing = false;
    await vi.waitFor(() => expect(store.value).toEqual([]));
    expect(bg.recorded.map((e) => e.kind)).toEqual(['outbound-sent', 'send-anyway']);
  });

  test('a background that does not answer keeps everything queued, in order', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const store = memoryPendingStore([entry('a', override), entry('b', sent)]);
    const bg = background(() => new GuardRequestFailed('unreachable', 'The background did not answer'));
    const recorder = createEventRecorder({ ask: bg.ask, signal: env.signal, store, backoffMs: [60_000] });
    await recorder.flush();
    expect(bg.asked.map((e) => e.kind)).toEqual(['send-anyway']); // the rest would fail too
    expect(recorder.pending()).toBe(2);
  });

  test.each([
    ['override-forbidden', true],
    ['reason-required', true],
    ['invalid-request', true],
    ['unreachable', false],
    ['bad-response', false],
    ['internal', false],
  ])('isRefusal(%s) is %s', (code, refusal) => {
    expect(isRefusal(new GuardRequestFailed(code, 'x'))).toBe(refusal);
  });

  test('a timeout is not a refusal', () => {
    expect(isRefusal(new Error('no answer within 10 s'))).toBe(false);
  });
});

describe('"send anyway" refused by the background', () => {
  test('is honoured also when the check itself had failed: the send stays held with the message', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bg = createFakeAsk(() => verdictOf('allow', []));
    bg.fail(new GuardRequestFailed('unreachable', 'The background did not answer'));
    const store = memoryPendingStore();
    const recorder = createEventRecorder({ ask: bg.ask, signal: env.signal, store, backoffMs: [60_000] });
    startGuard({ adapter: env.site.adapter, ask: bg.ask, signal: env.signal, debounceMs: 10, checkingDialogAfterMs: 5, recorder });
    const form = env.site.addComposer();
    form.querySelector<HTMLButtonElement>('button.send')!.click();
    await vi.waitFor(() => expect(dialogButton('send-anyway')).not.toBeNull());
    expect(dialogHost()!.shadowRoot!.textContent).toContain('Could not check');
    // the background is back, and its policy forbids overrides
    bg.fail(new GuardRequestFailed('override-forbidden', 'Team policy does not allow sending against the advice.'));
    dialogButton('send-anyway')!.click();
    await settle();
    const reason = dialogHost()!.shadowRoot!.querySelector<HTMLTextAreaElement>('[data-field="reason"]')!;
    reason.value = 'Guard down, urgent reply';
    reason.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    dialogButton('confirm-send-anyway')!.click();
    await vi.waitFor(() => expect(dialogHost()!.shadowRoot!.textContent).toContain('Team policy does not allow'));
    await settle(20);
    expect(env.site.sent).toHaveLength(0);
    expect(store.value).toEqual([]); // not queued either
  });
});
