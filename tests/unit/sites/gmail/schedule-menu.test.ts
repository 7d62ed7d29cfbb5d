// @vitest-environment jsdom
import { afterEach, describe, expect, test } from 'vitest';
import { createGmailAdapter } from '../../../../lib/sites/gmail/adapter';
import { startGuard } from '../../../../lib/guard/guard';
import type { HoldDialogProps } from '../../../../components/guard/HoldDialog';
import { createFakeAsk, finding, settle, verdictOf } from '../../guard/fake-site';
import { loadFixture, type Fixture } from './load-fixture';

// Gmail may render a compose's "More send options" menu outside the compose (.M9), at the end of the page
// like its other popup menus. Schedule send from such a menu must still be held, checked against the
// recipients of the compose that opened it, and re-sent there.

/** The fixture with each compose's send-options menu moved out of its .M9 to the end of body. */
function menusOutside(fx: Fixture): Element[] {
  return Array.from(fx.document.querySelectorAll('div.M9 [role=menu]')).map((menu) => {
    fx.document.body.append(menu);
    return menu;
  });
}

const scheduleItemOf = (menu: Element) => menu.querySelector('[role=menuitem][selector=scheduledSend]')!;

function press(fx: Fixture, el: Element, types = ['mousedown', 'mouseup', 'click']) {
  for (const type of types) el.dispatchEvent(new fx.window.MouseEvent(type, { bubbles: true, cancelable: true }));
}

/** what reached the page's own (bubble-phase) listeners on the Schedule send items */
function pageSees(fx: Fixture) {
  const seen: string[] = [];
  for (const type of ['mouseup', 'click']) {
    fx.document.addEventListener(type, (e) => {
      if ((e.target as Element).closest?.('[selector=scheduledSend]')) seen.push(type);
    });
  }
  return seen;
}

let ac = new AbortController();
let restore = () => undefined as unknown;
afterEach(() => {
  ac.abort();
  restore();
});

describe('Gmail: Schedule send menu outside the compose', () => {
  test('composerOfEvent names the compose whose menu it is, and nothing for other clicks', () => {
    const fx = loadFixture('gmail', 'gmail-new-compose.html');
    const adapter = createGmailAdapter();
    const [menu] = menusOutside(fx);
    const compose = fx.document.querySelector('div.M9')!;
    let owner: Element | null | undefined;
    fx.document.addEventListener('mouseup', (e) => (owner = adapter.composerOfEvent!(e)), true);
    press(fx, scheduleItemOf(menu!), ['mouseup']);
    expect(owner).toBe(compose);
    press(fx, fx.document.querySelector('.zA') ?? fx.document.body, ['mouseup']);
    expect(owner).toBeNull();
  });

  test('with two composes: the one whose ▾ is open, else the one whose ▾ was pressed last', () => {
    const fx = loadFixture('gmail', 'two-composes.html');
    const adapter = createGmailAdapter();
    const menus = menusOutside(fx);
    const [a, b] = Array.from(fx.document.querySelectorAll('div.M9'));
    const [ha, hb] = [adapter.composerFor(a!), adapter.composerFor(b!)];
    const owners: Array<Element | null> = [];
    const triggers: unknown[] = [];
    fx.window.addEventListener('click', (e) => {
      // the guard asks every watched compose about clicks inside it; that is how the adapter sees the ▾
      if (a!.contains(e.target as Node)) triggers.push(ha.sendTriggerOf(e));
      if (b!.contains(e.target as Node)) triggers.push(hb.sendTriggerOf(e));
    }, true);
    fx.window.addEventListener('mouseup', (e) => {
      owners.push(adapter.composerOfEvent!(e));
      triggers.push(ha.sendTriggerOf(e), hb.sendTriggerOf(e));
    }, true);

    press(fx, b!.querySelector('.hG[role=button]')!, ['click']); // the rep opens B's menu
    press(fx, scheduleItemOf(menus[0]!), ['mouseup']);
    expect(owners.at(-1)).toBe(b);
    expect(triggers.slice(-2), "only B's handle calls it a send").toEqual([null, 'schedule']);

    a!.querySelector('.hG[role=button]')!.setAttribute('aria-expanded', 'true'); // Gmail marks the open one
    press(fx, scheduleItemOf(menus[0]!), ['mouseup']);
    expect(owners.at(-1)).toBe(a);
    expect(triggers.slice(-2)).toEqual(['schedule', null]);
  });

  test('with two composes and no sign of whose menu it is, the Schedule send is named a send of unknown owner', () => {
    const fx = loadFixture('gmail', 'two-composes.html');
    const adapter = createGmailAdapter();
    const menus = menusOutside(fx);
    let thrown: unknown;
    fx.window.addEventListener('mouseup', (e) => {
      try {
        adapter.composerOfEvent!(e);
      } catch (error) {
        thrown = error;
      }
    }, true);
    press(fx, scheduleItemOf(menus[0]!), ['mouseup']);
    // The guard holds such a send and says it could not check it (tests/unit/guard/ownerless-send.test.ts).
    expect(thrown).toMatchObject({ name: 'AdapterError' });
  });

  test('the guard holds a Schedule send from the outside menu, checks that compose, and re-sends it once', async () => {
    const fx = loadFixture('gmail', 'gmail-new-compose.html');
    // the guard's AbortSignals must come from the realm of the DOM it watches (a browser has only one)
    const RealController = globalThis.AbortController;
    globalThis.AbortController = fx.window.AbortController;
    restore = () => (globalThis.AbortController = RealController);
    const [menu] = menusOutside(fx);
    const seen = pageSees(fx);
    let decision: 'block' | 'allow' = 'block';
    const bg = createFakeAsk(() => verdictOf(decision, [{ key: 'to:jan.jansen@acme.nl', findings: decision === 'block' ? [finding('TW-01', 'block')] : [] }]));
    const dialogs: HoldDialogProps[] = [];
    ac = new AbortController();
    startGuard({
      adapter: createGmailAdapter(),
      ask: bg.ask,
      signal: ac.signal,
      doc: fx.document,
      debounceMs: 5,
      checkingDialogAfterMs: 5,
      mountHold: (_doc, props) => {
        dialogs.push(props);
        return { update: (p) => dialogs.push(p), close: () => undefined };
      },
    });
    await settle(30);
    press(fx, scheduleItemOf(menu!));
    expect(seen, 'a held schedule must not reach Gmail').toEqual([]);
    await settle(30);
    const last = dialogs.at(-1)!;
    expect(last.view.kind).toBe('verdict');
    const asked = bg.of('verdict/for-recipients').at(-1) as unknown as { recipients: Array<{ key: string }> };
    expect(asked.recipients.map((r) => r.key)).toContain('to:jan.jansen@acme.nl');

    // the rep fixes it; a recheck finds it clean and Send lets the schedule go, once, on the same item
    decision = 'allow';
    last.onAction({ kind: 'recheck' });
    await settle(30);
    dialogs.at(-1)!.onAction({ kind: 'send' });
    await settle(10);
    expect(seen).toEqual(['mouseup', 'click']);
  });
});

describe('Gmail: which composes close themselves on Send', () => {
  test.each([
    ['popout-compose.html', true],
    ['gmail-new-compose.html', false],
    ['fullscreen-compose.html', false],
    ['inline-reply.html', false],
  ])('%s → %s', (file, closes) => {
    const fx = loadFixture('gmail', file);
    const adapter = createGmailAdapter();
    const root = fx.document.querySelector('div.M9')!;
    expect(adapter.composerFor(root).closesOnSend?.()).toBe(closes);
  });
});
