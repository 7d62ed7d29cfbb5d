// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { AdapterError, type ComposerHandle, type SendTrigger } from '../../../../lib/guard/adapter';
import { createOutlookAdapter, outlookAdapter } from '../../../../lib/sites/outlook/adapter';
import { verdictForRecipientsRequest } from '../../../../lib/messaging/guard';
import { loadFixture, outlookFixtures, type Fixture } from '../gmail/load-fixture';

const fast = createOutlookAdapter({ closeTimeoutMs: 300, undoWindowMs: 600 });

function only(fx: Fixture, adapter = outlookAdapter): ComposerHandle {
  const roots = adapter.composerRootSelectors.flatMap((s) => Array.from(fx.document.querySelectorAll(s)));
  expect(roots, 'exactly one compose in this fixture').toHaveLength(1);
  return adapter.composerFor(roots[0]!);
}

const shortList = (h: ComposerHandle) =>
  h.read().recipients.map((r) => (r.email ? `${r.field}:${r.email}` : r.weakMatch ? `${r.field}:~${r.displayName}` : `${r.field}:?${r.displayName ?? ''}`));

const click = (fx: Fixture, el: Element) => el.dispatchEvent(new fx.window.MouseEvent('click', { bubbles: true, cancelable: true }));
const sendButton = (fx: Fixture) => fx.document.querySelector('[data-testid="ComposeSendButton"] button[id$="__primaryActionButton"]')!;

describe('Outlook: reading a compose', () => {
  test.each([
    ['outlook-compose.html', ['to:jan.jansen@acme.nl', 'to:info@bakkerij-devries.nl'], 'Kennismaking: duurzame verpakkingen voor Bakkerij De Vries'],
    ['popout-compose.html', ['to:jan.jansen@acme.nl', 'cc:karin.deboer@example.org', 'bcc:info@bakkerij-devries.nl'], 'Kennismaking'],
    ['inline-reply.html', ['to:jan.jansen@acme.nl'], undefined],
  ])('%s: recipients and subject', (file, recipients, subject) => {
    const h = only(loadFixture('outlook', file));
    expect(shortList(h)).toEqual(recipients);
    expect(h.read().subject).toBe(subject);
    expect(h.read().channel).toBe('email');
  });

  test('the address comes from the chip label; the name from its text', () => {
    const r = only(loadFixture('outlook', 'outlook-compose.html')).read().recipients[0];
    expect(r).toEqual({ key: 'to:jan.jansen@acme.nl', email: 'jan.jansen@acme.nl', field: 'to', displayName: 'Jan Jansen' });
  });

  test('fallback order: label → title → display text; name only → weak match; nothing → unreadable', () => {
    const h = only(loadFixture('outlook', 'name-only.html'));
    expect(shortList(h)).toEqual([
      'to:~Jan Jansen',
      'to:karin.deboer@example.org',
      'to:info@bakkerij-devries.nl',
      'cc:?',
      'bcc:piet@voorbeeld-bv.nl',
      'bcc:~Henk de Vries',
    ]);
    const r = h.read().recipients;
    expect(r[0]).toMatchObject({ weakMatch: true, displayName: 'Jan Jansen' });
    expect(r[0]!.email).toBeUndefined();
    expect(r[1]).toMatchObject({ displayName: 'Karin de Boer' });
    expect(r[3]!.unreadable).toBeTruthy();
    expect(r.filter((x) => x.unreadable)).toHaveLength(1);
  });

  test("an inline reply reads only the compose, not the read message's own To/From", () => {
    const list = shortList(only(loadFixture('outlook', 'inline-reply.html'))).join(' ');
    expect(list).not.toContain('sanne.devries@voorbeeld.nl');
  });

  test.each([
    ['outlook-compose.html', 'Zullen we volgende week een kwartiertje bellen?', null],
    ['inline-reply.html', 'Hierbij de offerte.', 'Bel me op 06-12345678'],
  ])('%s: the body is what the rep wrote, without the quoted message', (file, written, quoted) => {
    const body = only(loadFixture('outlook', file)).read().body;
    expect(body).toContain(written);
    expect(body).toContain('Voorbeeld Verpakkingen B.V.'); // signature kept
    if (quoted) {
      expect(body).not.toContain(quoted);
      expect(body).not.toContain('Onderwerp:');
    }
  });

  test('older Outlook labels still find subject and body', () => {
    const fx = loadFixture('outlook', 'outlook-compose.html');
    const subject = fx.document.querySelector('input[id$="_SUBJECT"]')!;
    subject.removeAttribute('id');
    subject.setAttribute('aria-label', 'Add a subject');
    const h = only(fx);
    expect(h.read().subject).toBe('Kennismaking: duurzame verpakkingen voor Bakkerij De Vries');
  });
});

describe('Outlook: bad input', () => {
  test.each(outlookFixtures)('%s: what the adapter reads passes the verdict request schema (the trust boundary)', (file) => {
    const snap = only(loadFixture('outlook', file)).read();
    const parsed = verdictForRecipientsRequest.safeParse({ type: 'verdict/for-recipients', site: 'outlook', channel: snap.channel, recipients: snap.recipients, message: { subject: snap.subject, body: snap.body } });
    expect(parsed.success, JSON.stringify(parsed.error?.issues?.slice(0, 3))).toBe(true);
  });

  test('200 recipients, malformed and internationalised addresses', () => {
    const fx = loadFixture('outlook', 'outlook-compose.html');
    const editor = fx.document.querySelector('[id$="_TO"] [contenteditable="true"]')!;
    const chip = (label: string, text: string) =>
      `<span class="_Entity _EType_RECIPIENT_ENTITY _EReadonly_1" contenteditable="false" aria-label="${label}"><span class="textContainer-1">${text}</span></span>&#8203;`;
    editor.innerHTML =
      Array.from({ length: 197 }, (_, i) => chip(`p${i}@klant${i % 9}.nl`, `Persoon ${i}`)).join('') +
      chip('jan.jansen@acme', 'jan.jansen@acme') +
      chip('info@bäckerei-müller.de', 'Bäckerei Müller') +
      chip('jan@xn--mller-kva.nl', 'jan@xn--mller-kva.nl');
    const r = only(fx).read().recipients;
    expect(r).toHaveLength(200);
    expect(new Set(r.map((x) => x.key)).size).toBe(200);
    expect(r[197]!.unreadable).toMatch(/malformed/);
    expect(r[198]!.email).toBe('info@bäckerei-müller.de');
    expect(r[199]!.email).toBe('jan@xn--mller-kva.nl');
  });

  test('only Bcc recipients', () => {
    const fx = loadFixture('outlook', 'popout-compose.html');
    fx.document.querySelectorAll('[id$="_TO"] ._EType_RECIPIENT_ENTITY, [id$="_CC"] ._EType_RECIPIENT_ENTITY').forEach((c) => c.remove());
    expect(shortList(only(fx))).toEqual(['bcc:info@bakkerij-devries.nl']);
  });

  test('a compose without To is refused with an error naming Outlook and the selector', () => {
    const fx = loadFixture('outlook', 'outlook-compose.html');
    fx.document.querySelector('[id$="_TO"]')!.remove();
    expect(() => only(fx).read()).toThrow(AdapterError);
    expect(() => only(fx).read()).toThrow(/\[outlook\].*To field.*MSG_/);
  });

  test('a compose without its body editor is refused', () => {
    const fx = loadFixture('outlook', 'outlook-compose.html');
    fx.document.querySelector('[aria-multiline="true"][contenteditable="true"]')!.remove();
    const root = fx.document.querySelector('[id^="docking_InitVisiblePart"]')!;
    expect(() => outlookAdapter.composerFor(root)).toThrow(/message body/);
  });

  test('a compose closed during the check is not re-sent silently', () => {
    const fx = loadFixture('outlook', 'outlook-compose.html', { harness: true });
    const h = only(fx);
    const held = new fx.window.MouseEvent('click', { bubbles: true });
    sendButton(fx).dispatchEvent(held);
    expect(() => h.resend('button', held)).toThrow(/closed during the check/);
    expect(fx.sent()).toHaveLength(1);
  });
});

describe('Outlook: send triggers, hold and re-send', () => {
  test.each<[string, (fx: Fixture) => Event, SendTrigger | null]>([
    ['click on Send', (fx) => new fx.window.MouseEvent('click', { bubbles: true }), 'button'],
    ['Enter on Send', (fx) => new fx.window.KeyboardEvent('keydown', { key: 'Enter', bubbles: true }), 'button'],
  ])('%s', (_w, make, expected) => {
    const fx = loadFixture('outlook', 'outlook-compose.html');
    const h = only(fx);
    let seen: SendTrigger | null = null;
    fx.window.addEventListener('click', (e) => (seen = h.sendTriggerOf(e)), true);
    fx.window.addEventListener('keydown', (e) => (seen = h.sendTriggerOf(e)), true);
    sendButton(fx).dispatchEvent(make(fx));
    expect(seen).toBe(expected);
  });

  test.each<[string, string, KeyboardEventInit | null, SendTrigger | null]>([
    ['Ctrl+Enter in the body', '[aria-multiline="true"]', { key: 'Enter', ctrlKey: true }, 'ctrl-enter'],
    ['Cmd+Enter in To', '[id$="_TO"] [contenteditable="true"]', { key: 'Enter', metaKey: true }, 'ctrl-enter'],
    ['Enter in the body', '[aria-multiline="true"]', { key: 'Enter' }, null],
    ['click on Discard', '#discardCompose', null, null],
    ['click on More send options', '.fui-SplitButton__menuButton', null, null],
    ['click on the ribbon "New mail" split button (outside the compose)', '#innerRibbonContainer button', null, null],
  ])('%s → %s', (_w, selector, keyInit, expected) => {
    const fx = loadFixture('outlook', 'outlook-compose.html');
    const h = only(fx);
    let seen: SendTrigger | null | undefined;
    const type = keyInit ? 'keydown' : 'click';
    fx.window.addEventListener(type, (e) => (seen = h.sendTriggerOf(e)), true);
    const el = fx.document.querySelector(selector)!;
    el.dispatchEvent(keyInit ? new fx.window.KeyboardEvent('keydown', { bubbles: true, ...keyInit }) : new fx.window.MouseEvent('click', { bubbles: true }));
    expect(seen).toBe(expected);
  });

  test.each(['outlook-compose.html', 'popout-compose.html', 'inline-reply.html'])('%s: held → not sent; released → sent once', (file) => {
    const fx = loadFixture('outlook', file, { harness: true });
    const h = only(fx);
    let letThrough = false;
    const held: Array<[SendTrigger, Event]> = [];
    fx.window.addEventListener(
      'keydown',
      (e) => {
        const t = letThrough ? null : h.sendTriggerOf(e);
        if (t) {
          e.preventDefault();
          e.stopImmediatePropagation();
          held.push([t, e]);
        }
      },
      true,
    );
    fx.window.addEventListener(
      'click',
      (e) => {
        const t = letThrough ? null : h.sendTriggerOf(e);
        if (t) {
          e.preventDefault();
          e.stopImmediatePropagation();
          held.push([t, e]);
        }
      },
      true,
    );
    fx.document.querySelector('[aria-multiline="true"]')!.dispatchEvent(new fx.window.KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    expect(held.map((x) => x[0])).toEqual(['ctrl-enter']);
    expect(fx.sent()).toHaveLength(0);
    letThrough = true;
    h.resend(held[0]![0], held[0]![1]);
    expect(fx.sent()).toHaveLength(1);
    expect((fx.sent()[0]!.to as string[])[0]).toBe('jan.jansen@acme.nl');
  });
});

describe('Outlook: disclosure and removal', () => {
  const disclosure = 'U ontvangt dit bericht omdat … Afmelden: antwoord met STOP.';

  test('the disclosure goes above the reply separator and the signature, as an Outlook paragraph', () => {
    const fx = loadFixture('outlook', 'inline-reply.html');
    const h = only(fx);
    const body = fx.document.querySelector('[aria-multiline="true"]')!;
    let inputs = 0;
    body.addEventListener('input', () => inputs++);
    h.insertText(disclosure);
    const html = body.innerHTML;
    expect(html.indexOf(disclosure)).toBeGreaterThan(html.indexOf('Hierbij de offerte.'));
    expect(html.indexOf(disclosure)).toBeLessThan(html.indexOf('id="Signature"'));
    expect(html.indexOf(disclosure)).toBeLessThan(html.indexOf('appendonsend'));
    expect(Array.from(body.children).find((c) => c.textContent === disclosure)!.className).toBe('elementToProof');
    expect(inputs).toBeGreaterThanOrEqual(1);
    expect(h.read().body).toContain(disclosure);
  });

  test('a chip is removed and the others stay', () => {
    const fx = loadFixture('outlook', 'outlook-compose.html');
    const h = only(fx);
    expect(h.removeRecipient!('to:info@bakkerij-devries.nl')).toBe(true);
    expect(shortList(h)).toEqual(['to:jan.jansen@acme.nl']);
  });

  test('a name-only chip, an unreadable chip and typed text can be removed by key', () => {
    const fx = loadFixture('outlook', 'name-only.html');
    const h = only(fx);
    const keys = h.read().recipients.filter((r) => !r.email || r.key.includes(':typed:')).map((r) => r.key);
    for (const key of keys) expect(h.removeRecipient!(key), key).toBe(true);
    expect(shortList(h)).toEqual(['to:karin.deboer@example.org', 'to:info@bakkerij-devries.nl']);
  });

  test('an unknown key removes nothing', () => {
    const h = only(loadFixture('outlook', 'outlook-compose.html'));
    expect(h.removeRecipient!('to:niemand@example.org')).toBe(false);
    expect(h.read().recipients).toHaveLength(2);
  });
});

describe('Outlook: did the mail really leave?', () => {
  test('compose closed after Send and not brought back within the undo period → sent', async () => {
    const fx = loadFixture('outlook', 'outlook-compose.html', { harness: true });
    const outcome = only(fx, fast).waitForSent(new AbortController().signal);
    click(fx, sendButton(fx));
    expect(await outcome).toBe('sent');
  });

  test('Undo send brings the same draft back → not sent', async () => {
    const fx = loadFixture('outlook', 'outlook-compose.html', { harness: true });
    const h = only(fx, fast);
    const outcome = h.waitForSent(new AbortController().signal);
    click(fx, sendButton(fx));
    await new Promise((r) => setTimeout(r, 20));
    click(fx, fx.document.querySelector('#fixture-undo')!);
    expect(await outcome).toBe('not-sent');
    expect(h.root.isConnected).toBe(true);
  });

  test('the compose stays open → not sent', async () => {
    const fx = loadFixture('outlook', 'outlook-compose.html', { harness: true });
    expect(await only(fx, fast).waitForSent(new AbortController().signal)).toBe('not-sent');
  });

  test('an error dialog after Send → not sent', async () => {
    const fx = loadFixture('outlook', 'outlook-compose.html');
    const outcome = only(fx, createOutlookAdapter({ closeTimeoutMs: 5000 })).waitForSent(new AbortController().signal);
    const d = fx.document.createElement('div');
    d.setAttribute('role', 'alertdialog');
    fx.document.body.appendChild(d);
    expect(await outcome).toBe('not-sent');
  });
});

describe('Outlook: a popped-out compose closes its own window after Send', () => {
  test.each([
    ['popout-compose.html', true],
    ['outlook-compose.html', false],
    ['inline-reply.html', false],
  ])('%s: closes on send = %s (the guard then records the send before it goes)', (file, closes) => {
    expect(only(loadFixture('outlook', file)).closesOnSend?.()).toBe(closes);
  });
});
