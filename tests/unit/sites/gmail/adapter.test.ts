// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { AdapterError, type ComposerHandle, type SendTrigger } from '../../../../lib/guard/adapter';
import { composeKindOf, createGmailAdapter, gmailAdapter, replyTypeOf } from '../../../../lib/sites/gmail/adapter';
import { pageRecipientSchema } from '../../../../lib/messaging/common';
import { verdictForRecipientsRequest } from '../../../../lib/messaging/guard';
import { gmailFixtures, loadFixture, type Fixture } from './load-fixture';

// What a rep would notice: the right people are checked, the held mail does not leave, the released one
// does, the disclosure lands above the quoted text, "remove" removes, and Undo is not counted as sent.

const fast = createGmailAdapter({ closeTimeoutMs: 300, noticeTimeoutMs: 300, undoWindowMs: 2000 });

function composes(fx: Fixture, adapter = gmailAdapter): ComposerHandle[] {
  return adapter.composerRootSelectors.flatMap((s) => Array.from(fx.document.querySelectorAll(s))).map((root) => adapter.composerFor(root));
}

function only(fx: Fixture, adapter = gmailAdapter): ComposerHandle {
  const all = composes(fx, adapter);
  expect(all, 'exactly one compose in this fixture').toHaveLength(1);
  return all[0]!;
}

/** field:address for readable recipients, field:?name for unreadable ones */
const shortList = (h: ComposerHandle) =>
  h.read().recipients.map((r) => (r.email ? `${r.field}:${r.email}` : `${r.field}:?${r.displayName ?? ''}`));

describe('Gmail: reading a compose', () => {
  test.each([
    ['gmail-new-compose.html', 'floating', 'new', ['to:jan.jansen@acme.nl', 'to:info@bakkerij-devries.nl'], 'Kennismaking: duurzame verpakkingen voor Bakkerij De Vries'],
    ['popout-compose.html', 'popout', 'new', ['to:jan.jansen@acme.nl', 'cc:karin.deboer@example.org'], 'Kennismaking'],
    ['fullscreen-compose.html', 'fullscreen', 'new', ['to:jan.jansen@acme.nl', 'bcc:karin.deboer@example.org'], 'Kennismaking'],
    ['inline-reply.html', 'inline', 'reply', ['to:jan.jansen@acme.nl'], 'Re: Offerte verpakkingsmateriaal Q3'],
    ['reply-all.html', 'inline', 'reply-all', ['to:jan.jansen@acme.nl', 'to:info@bakkerij-devries.nl', 'cc:karin.deboer@example.org'], 'Re: Planning Q4'],
    ['forward.html', 'inline', 'forward', ['to:piet@gmail.com'], 'Fwd: Offerte verpakkingsmateriaal Q3'],
    ['dutch-ui.html', 'floating', 'new', ['to:jan.jansen@acme.nl', 'cc:karin.deboer@example.org'], 'Kennismaking'],
    ['bcc-only.html', 'floating', 'new', ['bcc:jan.jansen@acme.nl', 'bcc:karin.deboer@example.org', 'bcc:info@bakkerij-devries.nl'], 'Nieuwsbrief'],
    ['typed-not-chipped.html', 'floating', 'new', ['to:jan.jansen@acme.nl', 'to:piet@voorbeeld-bv.nl', 'to:karin.deboer@example.org'], 'Kennismaking'],
    ['idn.html', 'floating', 'new', ['to:info@bäckerei-müller.de', 'to:jan@xn--mller-kva.nl', 'cc:ïnfo@voorbeeld.nl'], 'Kennismaking'],
  ])('%s: %s %s compose, recipients and subject', (file, kind, replyType, recipients, subject) => {
    const fx = loadFixture('gmail', file);
    const h = only(fx);
    expect(composeKindOf(h.root)).toBe(kind);
    expect(replyTypeOf(h.root)).toBe(replyType);
    expect(shortList(h)).toEqual(recipients);
    const snap = h.read();
    expect(snap.channel).toBe('email');
    expect(snap.subject).toBe(subject);
  });

  test('names come from the chip, the address from data-hovercard-id', () => {
    const h = only(loadFixture('gmail', 'gmail-new-compose.html'));
    expect(h.read().recipients[0]).toMatchObject({ key: 'to:jan.jansen@acme.nl', email: 'jan.jansen@acme.nl', displayName: 'Jan Jansen', field: 'to' });
    expect(h.read().recipients[1]!.displayName, 'an address-only chip has no separate name').toBeUndefined();
  });

  test('never reads the From alias, PeopleKit suggestions or the thread header as recipients', () => {
    const dutch = shortList(only(loadFixture('gmail', 'dutch-ui.html'))).join(' ');
    expect(dutch).not.toContain('verkoop@voorbeeld.nl');
    expect(dutch).not.toContain('suggestie@voorbeeld.nl');
    const reply = shortList(only(loadFixture('gmail', 'inline-reply.html'))).join(' ');
    expect(reply).not.toContain('sanne.devries@voorbeeld.nl');
  });

  test('two composes open at once are two separate handles with their own recipients', () => {
    const [a, b] = composes(loadFixture('gmail', 'two-composes.html'));
    expect(shortList(a!)).toEqual(['to:jan.jansen@acme.nl']);
    expect(shortList(b!)).toEqual(['to:karin.deboer@example.org', 'cc:info@bakkerij-devries.nl']);
    expect(a!.read().subject).toBe('Eerste bericht');
    expect(b!.read().subject).toBe('Tweede bericht');
  });

  test('typed addresses keep their name and are marked as typed', () => {
    const r = only(loadFixture('gmail', 'typed-not-chipped.html')).read().recipients;
    expect(r[1]).toMatchObject({ key: 'to:typed:piet@voorbeeld-bv.nl', email: 'piet@voorbeeld-bv.nl' });
    expect(r[2]).toMatchObject({ email: 'karin.deboer@example.org', displayName: 'Karin de Boer' });
  });

  test('an address typed into the box at send time is read even though no chip exists yet', () => {
    const fx = loadFixture('gmail', 'gmail-new-compose.html');
    const h = only(fx);
    fx.document.querySelector<HTMLInputElement>('.anm[name=to] input[role=combobox]')!.value = 'nieuw@klant.nl';
    expect(shortList(h)).toContain('to:nieuw@klant.nl');
  });

  test.each([
    ['gmail-new-compose.html', 'Zullen we volgende week een kwartiertje bellen', null],
    ['inline-reply.html', 'Hierbij de offerte.', 'Bel me gerust op 06-12345678'],
    ['reply-all.html', 'Dinsdag past mij goed.', 'Zullen we de planning doornemen?'],
    ['forward.html', 'Piet, zie hieronder.', 'Forwarded message'],
  ])('%s: the body is what the rep wrote, without quoted text', (file, written, quoted) => {
    const body = only(loadFixture('gmail', file)).read().body;
    expect(body).toContain(written);
    if (quoted) expect(body).not.toContain(quoted);
  });

  test('the signature stays in the body (it carries the identity lines the engine checks)', () => {
    const body = only(loadFixture('gmail', 'inline-reply.html')).read().body;
    expect(body).toContain('Voorbeeld Verpakkingen B.V.');
  });
});

describe('Gmail: bad input', () => {
  test.each(gmailFixtures)('%s: what the adapter reads passes the verdict request schema (the trust boundary)', (file) => {
    for (const h of composes(loadFixture('gmail', file))) {
      const snap = h.read();
      const parsed = verdictForRecipientsRequest.safeParse({ type: 'verdict/for-recipients', site: 'gmail', channel: snap.channel, recipients: snap.recipients, message: { subject: snap.subject, body: snap.body } });
      expect(parsed.success, JSON.stringify(parsed.error?.issues?.slice(0, 3))).toBe(true);
    }
  });

  test('a very long typed entry is capped to what the schema allows, and still held as unreadable', () => {
    const fx = loadFixture('gmail', 'gmail-new-compose.html');
    fx.document.querySelector<HTMLInputElement>('.anm[name=to] input[role=combobox]')!.value = 'x'.repeat(5000);
    const r = only(fx).read().recipients.at(-1)!;
    expect(pageRecipientSchema.safeParse(r).success).toBe(true);
    expect(r.unreadable).toBeTruthy();
  });

  test('200 recipients are all read, each with a distinct key and the right field', () => {
    const r = only(loadFixture('gmail', 'many-recipients.html')).read().recipients;
    expect(r).toHaveLength(200);
    expect(new Set(r.map((x) => x.key)).size).toBe(200);
    expect(r.filter((x) => x.field === 'to')).toHaveLength(120);
    expect(r.filter((x) => x.field === 'cc')).toHaveLength(50);
    expect(r.filter((x) => x.field === 'bcc')).toHaveLength(30);
    expect(r.every((x) => x.email && !x.unreadable)).toBe(true);
  });

  test('a chip without an address and a malformed address are reported unreadable, never dropped', () => {
    const r = only(loadFixture('gmail', 'chip-without-address.html')).read().recipients;
    expect(r).toHaveLength(3);
    expect(r[1]).toMatchObject({ field: 'to', displayName: 'Onbekende ontvanger', unreadable: 'chip without an address' });
    expect(r[1]!.email).toBeUndefined();
    expect(r[2]).toMatchObject({ field: 'cc' });
    expect(r[2]!.unreadable).toMatch(/malformed/);
    expect(r[2]!.email).toBeUndefined();
  });

  test.each(['jan.jansen@@acme.nl', 'jan jansen@acme.nl', 'jan.jansen', '@acme.nl'])('typed "%s" is unreadable, not an address', (typed) => {
    const fx = loadFixture('gmail', 'gmail-new-compose.html');
    fx.document.querySelector<HTMLInputElement>('.anm[name=to] input[role=combobox]')!.value = typed;
    const r = only(fx).read().recipients.at(-1)!;
    expect(r.email).toBeUndefined();
    expect(r.unreadable).toBeTruthy();
  });

  test('internationalised domains are reported as shown, not mangled', () => {
    const r = only(loadFixture('gmail', 'idn.html')).read().recipients;
    expect(r.map((x) => x.email)).toEqual(['info@bäckerei-müller.de', 'jan@xn--mller-kva.nl', 'ïnfo@voorbeeld.nl']);
  });

  test('a compose without its editor is refused with an error naming Gmail and the selector', () => {
    const fx = loadFixture('gmail', 'gmail-new-compose.html');
    const root = fx.document.querySelector('.M9')!;
    root.querySelector('[g_editable]')!.remove();
    expect(() => gmailAdapter.composerFor(root)).toThrow(AdapterError);
    expect(() => gmailAdapter.composerFor(root)).toThrow(/\[gmail\].*message body.*g_editable/);
  });

  test('a compose whose recipient rows are gone throws instead of reporting no recipients', () => {
    const fx = loadFixture('gmail', 'gmail-new-compose.html');
    const h = only(fx);
    fx.document.querySelector('.GS')!.remove();
    expect(() => h.read()).toThrow(/recipient fields/);
  });

  test('a compose closed during the check cannot be re-sent silently', () => {
    const fx = loadFixture('gmail', 'gmail-new-compose.html', { harness: true });
    const h = only(fx);
    const send = fx.document.querySelector('.aoO[role=button]')!;
    const held = new fx.window.MouseEvent('click', { bubbles: true });
    send.dispatchEvent(held); // reaches the harness: it sends and closes
    fx.sent().length = 0;
    expect(() => h.resend('button', held)).toThrow(/closed during the check/);
    expect(fx.sent()).toHaveLength(0);
  });
});

/** A stand-in for the guard's capture-phase listener: cancels sends and remembers them. */
function holdSends(fx: Fixture, h: ComposerHandle) {
  const held: Array<{ trigger: SendTrigger; event: Event }> = [];
  let letThrough = false;
  for (const type of ['click', 'keydown', 'mouseup']) {
    fx.window.addEventListener(
      type,
      (e) => {
        if (letThrough) return;
        const trigger = h.sendTriggerOf(e);
        if (!trigger) return;
        e.preventDefault();
        e.stopImmediatePropagation();
        held.push({ trigger, event: e });
      },
      true,
    );
  }
  return {
    held,
    release(i = held.length - 1) {
      letThrough = true;
      try {
        h.resend(held[i]!.trigger, held[i]!.event);
      } finally {
        letThrough = false;
      }
    },
  };
}

const click = (fx: Fixture, el: Element) => el.dispatchEvent(new fx.window.MouseEvent('click', { bubbles: true, cancelable: true }));
const key = (fx: Fixture, el: Element, init: KeyboardEventInit) =>
  el.dispatchEvent(new fx.window.KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));

describe('Gmail: send triggers', () => {
  const fx = loadFixture('gmail', 'gmail-new-compose.html');
  const h = only(fx);
  const $ = (s: string) => fx.document.querySelector(s)!;
  const triggerOf = (el: Element, type: string, init: Record<string, unknown> = {}) => {
    const ev = type === 'keydown' ? new fx.window.KeyboardEvent(type, { bubbles: true, ...init }) : new fx.window.MouseEvent(type, { bubbles: true });
    let seen: SendTrigger | null | undefined;
    const listener = (e: Event) => (seen = h.sendTriggerOf(e));
    fx.window.addEventListener(type, listener, true);
    el.dispatchEvent(ev);
    fx.window.removeEventListener(type, listener, true);
    return seen;
  };

  test.each<[string, string, string, Record<string, unknown>, SendTrigger | null]>([
    ['click on Send', '.aoO[role=button]', 'click', {}, 'button'],
    ['Enter on the focused Send button', '.aoO[role=button]', 'keydown', { key: 'Enter' }, 'button'],
    ['Space on the focused Send button', '.aoO[role=button]', 'keydown', { key: ' ' }, 'button'],
    ['Ctrl+Enter in the body', '[g_editable]', 'keydown', { key: 'Enter', ctrlKey: true }, 'ctrl-enter'],
    ['Cmd+Enter in the subject', 'input[name=subjectbox]', 'keydown', { key: 'Enter', metaKey: true }, 'ctrl-enter'],
    ['click on Schedule send', '[selector=scheduledSend] .J-N-Jz', 'click', {}, 'schedule'],
    ['mouseup on Schedule send', '[selector=scheduledSend]', 'mouseup', {}, 'schedule'],
    ['Enter in the body', '[g_editable]', 'keydown', { key: 'Enter' }, null],
    ['click on the ▾ menu', '.hG', 'click', {}, null],
    ['click on Discard', '.oh', 'click', {}, null],
    ['click on a chip', '.afV', 'click', {}, null],
    ['mouseup on Send (Gmail sends on click)', '.aoO[role=button]', 'mouseup', {}, null],
    ['click in the inbox list', '.zA', 'click', {}, null],
  ])('%s → %s', (_what, selector, type, init, expected) => {
    expect(triggerOf($(selector), type, init)).toBe(expected);
  });

  test('in a Dutch interface Send is recognised without its label', () => {
    const nl = loadFixture('gmail', 'dutch-ui.html');
    const hn = only(nl);
    const btn = nl.document.querySelector('[aria-label^="Verzenden"]')!;
    let seen: SendTrigger | null = null;
    nl.window.addEventListener('click', (e) => (seen = hn.sendTriggerOf(e)), true);
    click(nl, btn);
    expect(seen).toBe('button');
  });

  test('Send & archive in an inline reply is a send', () => {
    const r = loadFixture('gmail', 'inline-reply.html');
    const hr = only(r);
    let seen: SendTrigger | null = null;
    r.window.addEventListener('click', (e) => (seen = hr.sendTriggerOf(e)), true);
    click(r, r.document.querySelector('.Uo')!);
    expect(seen).toBe('button');
  });

  test("with two composes, one compose's Send is not the other's", () => {
    const two = loadFixture('gmail', 'two-composes.html');
    const [a, b] = composes(two);
    const sendB = b!.root.querySelector('.aoO[role=button]')!;
    const seen: Array<SendTrigger | null> = [];
    two.window.addEventListener('click', (e) => seen.push(a!.sendTriggerOf(e), b!.sendTriggerOf(e)), true);
    click(two, sendB);
    expect(seen).toEqual([null, 'button']);
  });
});

describe('Gmail: hold and re-send (with the fixture harness)', () => {
  test.each<[string, (fx: Fixture) => void, SendTrigger, string]>([
    ['Send button', (fx) => click(fx, fx.document.querySelector('.aoO[role=button]')!), 'button', 'click'],
    ['Ctrl+Enter', (fx) => key(fx, fx.document.querySelector('[g_editable]')!, { key: 'Enter', ctrlKey: true }), 'ctrl-enter', 'click'],
    ['Schedule send', (fx) => click(fx, fx.document.querySelector('[selector=scheduledSend]')!), 'schedule', 'schedule'],
  ])('%s: held → nothing sent; released → sent once', (_what, act, trigger, how) => {
    const fx = loadFixture('gmail', 'gmail-new-compose.html', { harness: true });
    const h = only(fx);
    const guard = holdSends(fx, h);
    act(fx);
    expect(guard.held.map((x) => x.trigger)).toEqual([trigger]);
    expect(fx.sent(), 'a held mail must not leave').toHaveLength(0);
    expect(h.root.isConnected).toBe(true);
    guard.release();
    expect(fx.sent()).toHaveLength(1);
    expect(fx.sent()[0]).toMatchObject({ how, to: ['jan.jansen@acme.nl', 'info@bakkerij-devries.nl'] });
  });

  test('the second of two composes is re-sent, the first stays open', () => {
    const fx = loadFixture('gmail', 'two-composes.html', { harness: true });
    const [a, b] = composes(fx);
    const guard = holdSends(fx, b!);
    click(fx, b!.root.querySelector('.aoO[role=button]')!);
    guard.release();
    expect(fx.sent()).toHaveLength(1);
    expect(fx.sent()[0]!.to).toEqual(['karin.deboer@example.org']);
    expect(a!.root.isConnected).toBe(true);
  });
});

describe('Gmail: inserting the disclosure', () => {
  const disclosure = 'U ontvangt dit bericht omdat … Geen berichten meer? Antwoord met STOP.';

  test('in a reply it goes above the quoted text and the signature, and an input event saves the draft', () => {
    const fx = loadFixture('gmail', 'inline-reply.html');
    const h = only(fx);
    const body = fx.document.querySelector('[g_editable]')!;
    let inputs = 0;
    body.addEventListener('input', () => inputs++);
    h.insertText(disclosure);
    const html = body.innerHTML;
    expect(html.indexOf(disclosure)).toBeGreaterThan(html.indexOf('Hierbij de offerte.'));
    expect(html.indexOf(disclosure)).toBeLessThan(html.indexOf('gmail_quote'));
    expect(html.indexOf(disclosure)).toBeLessThan(html.indexOf('gmail_signature_prefix'));
    expect(inputs).toBeGreaterThanOrEqual(1);
    expect(h.read().body).toContain(disclosure);
  });

  test('uses execCommand("insertText") at a caret placed above the quote when the browser has it', () => {
    const fx = loadFixture('gmail', 'reply-all.html');
    const h = only(fx);
    const calls: string[] = [];
    // Chrome's insertText puts the text at the selection; this stand-in does the same
    (fx.document as unknown as { execCommand: (c: string, u: boolean, v: string) => boolean }).execCommand = (cmd, _ui, value) => {
      calls.push(cmd);
      const range = fx.window.getSelection()!.getRangeAt(0);
      range.insertNode(fx.document.createTextNode(value));
      return true;
    };
    h.insertText(disclosure);
    expect(calls).toEqual(['insertText']);
    const body = fx.document.querySelector('[g_editable]')!;
    const quote = body.querySelector('.gmail_quote')!;
    const para = Array.from(body.children).find((c) => c.textContent === disclosure)!;
    expect(para, 'the text is its own paragraph').toBeTruthy();
    expect(para.compareDocumentPosition(quote) & fx.window.Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(body.textContent!.split(disclosure)).toHaveLength(2); // inserted once
  });

  test('in a new mail without quoted text it goes above the signature', () => {
    const fx = loadFixture('gmail', 'gmail-new-compose.html');
    only(fx).insertText(disclosure);
    const html = fx.document.querySelector('[g_editable]')!.innerHTML;
    expect(html.indexOf(disclosure)).toBeGreaterThan(html.indexOf('Met vriendelijke groet,'));
    expect(html.indexOf(disclosure)).toBeLessThan(html.indexOf('gmail_signature_prefix'));
  });

  test('in a forward it goes above the forwarded message', () => {
    const fx = loadFixture('gmail', 'forward.html');
    only(fx).insertText(disclosure);
    const html = fx.document.querySelector('[g_editable]')!.innerHTML;
    expect(html.indexOf(disclosure)).toBeLessThan(html.indexOf('Forwarded message'));
  });
});

describe('Gmail: removing a recipient', () => {
  test('the chip is removed through its ✕ (rows opened first) and the others stay', () => {
    const fx = loadFixture('gmail', 'gmail-new-compose.html', { harness: true });
    const h = only(fx);
    expect(h.removeRecipient!('to:info@bakkerij-devries.nl')).toBe(true);
    expect(fx.document.querySelector<HTMLElement>('.fX.aiL')!.style.display, 'the collapsed rows were opened').toBe('');
    expect(shortList(h)).toEqual(['to:jan.jansen@acme.nl']);
  });

  test('removes from the right field when the same person is in another compose', () => {
    const fx = loadFixture('gmail', 'reply-all.html', { harness: true });
    const h = only(fx);
    expect(h.removeRecipient!('cc:karin.deboer@example.org')).toBe(true);
    expect(shortList(h)).toEqual(['to:jan.jansen@acme.nl', 'to:info@bakkerij-devries.nl']);
  });

  test('a typed address is taken out of the typing box', () => {
    const fx = loadFixture('gmail', 'typed-not-chipped.html', { harness: true });
    const h = only(fx);
    expect(h.removeRecipient!('to:typed:piet@voorbeeld-bv.nl')).toBe(true);
    expect(shortList(h)).toEqual(['to:jan.jansen@acme.nl', 'to:karin.deboer@example.org']);
  });

  test('a chip without an address can be removed by its key', () => {
    const fx = loadFixture('gmail', 'chip-without-address.html', { harness: true });
    const h = only(fx);
    const key = h.read().recipients.find((r) => r.unreadable && r.field === 'to')!.key;
    expect(h.removeRecipient!(key)).toBe(true);
    expect(h.read().recipients.some((r) => r.displayName === 'Onbekende ontvanger')).toBe(false);
  });

  test('an unknown key removes nothing and says so', () => {
    const fx = loadFixture('gmail', 'gmail-new-compose.html', { harness: true });
    const h = only(fx);
    expect(h.removeRecipient!('to:niemand@example.org')).toBe(false);
    expect(h.removeRecipient!('from:jan.jansen@acme.nl')).toBe(false);
    expect(h.read().recipients).toHaveLength(2);
  });
});

describe('Gmail: did the mail really leave?', () => {
  test('compose closed after Send + "Message sent" notice + undo period over → sent', async () => {
    const fx = loadFixture('gmail', 'gmail-new-compose.html', { harness: true });
    const h = only(fx, fast);
    const outcome = h.waitForSent(new AbortController().signal);
    click(fx, fx.document.querySelector('.aoO[role=button]')!);
    expect(await outcome).toBe('sent');
  });

  test('Undo in the notice → not sent, and the compose is back', async () => {
    const fx = loadFixture('gmail', 'gmail-new-compose.html', { harness: true });
    const h = only(fx, fast);
    const outcome = h.waitForSent(new AbortController().signal);
    click(fx, fx.document.querySelector('.aoO[role=button]')!);
    await new Promise((r) => setTimeout(r, 20));
    click(fx, fx.document.querySelector('#link_undo')!);
    expect(await outcome).toBe('not-sent');
    expect(h.root.isConnected).toBe(true);
    expect(fx.sent()[0]!.undone).toBe(true);
  });

  test('the compose stays open (Gmail refused, or nothing happened) → not sent', async () => {
    const fx = loadFixture('gmail', 'gmail-new-compose.html', { harness: true });
    expect(await only(fx, fast).waitForSent(new AbortController().signal)).toBe('not-sent');
  });

  test('Gmail shows an error dialog after Send → not sent', async () => {
    const fx = loadFixture('gmail', 'gmail-new-compose.html');
    const outcome = only(fx, createGmailAdapter({ closeTimeoutMs: 5000 })).waitForSent(new AbortController().signal);
    const alert = fx.document.createElement('div');
    alert.setAttribute('role', 'alertdialog');
    fx.document.body.appendChild(alert);
    expect(await outcome).toBe('not-sent');
  });

  test('the compose closed without a sent notice (closed during the check, or discarded) → not sent', async () => {
    const fx = loadFixture('gmail', 'gmail-new-compose.html');
    const h = only(fx, fast);
    const outcome = h.waitForSent(new AbortController().signal);
    fx.document.querySelector('[role=dialog]')!.remove();
    expect(await outcome).toBe('not-sent');
  });

  test('aborting the wait (page left) → not sent, promptly', async () => {
    const fx = loadFixture('gmail', 'gmail-new-compose.html', { harness: true });
    const ac = new AbortController();
    const outcome = only(fx).waitForSent(ac.signal);
    ac.abort();
    expect(await outcome).toBe('not-sent');
  });
});
