// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { startGuard } from '@/lib/guard/guard';
import type { SentOutcome, SiteAdapter } from '@/lib/guard/adapter';
import type { LedgerEvent } from '@/lib/guard/pending-events';
import { createFakeAsk, settle, verdictOf, guardPage } from './fake-site';

// LinkedIn's message composer stays open after Send, and quick successive messages are normal: each send
// gets its own "did it leave" watch with its own snapshot, also while an earlier one is still waiting.

const env = guardPage();

/** the fake site whose "sent" proof takes `ms` after each send */
function slowProof(ms: number): SiteAdapter {
  return {
    ...env.site.adapter,
    composerFor(root) {
      const handle = env.site.adapter.composerFor(root);
      return {
        ...handle,
        root: handle.root,
        waitForSent: (signal) =>
          new Promise<SentOutcome>((resolve) => {
            const t = setTimeout(() => resolve('sent'), ms);
            signal.addEventListener('abort', () => {
              clearTimeout(t);
              resolve('not-sent');
            });
          }),
      };
    },
  };
}

const sentRecords = (calls: { type: string; event?: unknown }[]) => calls.map((c) => c.event as LedgerEvent).filter((e) => e.kind === 'outbound-sent');
const clickSend = (form: HTMLFormElement) => form.querySelector<HTMLButtonElement>('button.send')!.click();
const type = (form: HTMLFormElement, text: string) => {
  const body = form.querySelector('textarea')!;
  body.value = text;
  body.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('two sends from one composer while the first is still being watched', () => {
  test('150 ms apart, with a "sent" proof taking 300 ms: two outbound records, each with its own text', async () => {
    const bg = createFakeAsk(() => verdictOf('allow', [{ key: 'anna@example.nl' }]));
    startGuard({ adapter: slowProof(300), ask: bg.ask, signal: env.signal, debounceMs: 5, checkingDialogAfterMs: 5 });
    const form = env.site.addComposer({ body: 'Hallo Anna' });
    await vi.waitFor(() => expect(form.getAttribute('data-outreach-guard-state')).toBe('clean'));
    clickSend(form);
    type(form, 'Nog een vraag: past dinsdag?');
    await settle(150); // the second draft is checked meanwhile; the first proof is still 150 ms away
    clickSend(form);
    expect(env.site.sent.map((s) => s.body)).toEqual(['Hallo Anna', 'Nog een vraag: past dinsdag?']);
    await vi.waitFor(() => expect(sentRecords(bg.of('ledger/record-event'))).toHaveLength(2), { timeout: 2000 });
    const [first, second] = sentRecords(bg.of('ledger/record-event')) as Extract<LedgerEvent, { kind: 'outbound-sent' }>[];
    expect(first!.bodyFingerprint).not.toBe(second!.bodyFingerprint);
  });

  test('a double click on Send of the same draft is one message: one record', async () => {
    const bg = createFakeAsk(() => verdictOf('allow', [{ key: 'anna@example.nl' }]));
    startGuard({ adapter: slowProof(100), ask: bg.ask, signal: env.signal, debounceMs: 5, checkingDialogAfterMs: 5 });
    const form = env.site.addComposer({ body: 'Hallo Anna' });
    await vi.waitFor(() => expect(form.getAttribute('data-outreach-guard-state')).toBe('clean'));
    clickSend(form);
    clickSend(form);
    await settle(250);
    expect(sentRecords(bg.of('ledger/record-event'))).toHaveLength(1);
  });
});
