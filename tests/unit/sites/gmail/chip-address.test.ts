// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createGmailAdapter } from '../../../../lib/sites/gmail/adapter';
import { startGuard } from '../../../../lib/guard/guard';
import { createFakeAsk, settle, verdictOf } from '../../guard/fake-site';
import { loadFixture } from './load-fixture';

// Gmail can put a chip on screen first and fill in its address (data-hovercard-id) a moment later, or change
// it when the rep picks another suggestion. The guard must check the address the mail will go to.

let restore = () => undefined as void;
let ac: AbortController | undefined;
afterEach(() => {
  ac?.abort();
  restore();
});

describe('Gmail: a chip whose address changes', () => {
  test('is checked again with the new address, with nothing else on the chip changing', async () => {
    const fx = loadFixture('gmail', 'gmail-new-compose.html');
    const RealController = globalThis.AbortController;
    globalThis.AbortController = fx.window.AbortController;
    restore = () => void (globalThis.AbortController = RealController);
    const bg = createFakeAsk(() => verdictOf('allow', [{ key: 'to:jan.jansen@acme.nl' }]));
    ac = new AbortController();
    startGuard({ adapter: createGmailAdapter(), ask: bg.ask, signal: ac.signal, doc: fx.document, debounceMs: 5, checkingDialogAfterMs: 5, mountHold: () => ({ update: () => undefined, close: () => undefined }) });
    const asked = () => (bg.of('verdict/for-recipients') as unknown as Array<{ recipients: Array<{ email?: string }> }>).map((r) => r.recipients.map((x) => x.email));
    await vi.waitFor(() => expect(asked().at(-1)).toContain('jan.jansen@acme.nl'));
    const chip = fx.document.querySelector('div.M9 div[name=to] [data-hovercard-id="jan.jansen@acme.nl"]')!;
    chip.setAttribute('data-hovercard-id', 'j.jansen@concurrent.nl');
    await vi.waitFor(() => expect(asked().at(-1)).toContain('j.jansen@concurrent.nl'));
    await settle(10);
  });
});
