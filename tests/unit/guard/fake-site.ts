import { AdapterError, type ComposerHandle, type SendTrigger, type SiteAdapter } from '@/lib/guard/adapter';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import type { GuardVerdict } from '@/lib/messaging/guard';
import type { GuardAsk } from '@/lib/guard/ask';
import type { Finding } from '@/lib/rules/verdict';
import { mountHoldDialog, showComposerMarker, showInactiveBadge, showPendingNotice, showRefusedNotice } from '@/lib/guard/hold-ui';
import type { GuardUi } from '@/lib/guard/frame-ui';

// A tiny site for the guard's unit tests: a form with recipient chips, a textarea and a Send button whose
// own click handler "sends" (records what left). The guard knows it only through the adapter contract.

export interface FakeSite {
  adapter: SiteAdapter;
  /** what the site really sent, in order */
  sent: { to: string[]; body: string }[];
  resends: SendTrigger[];
  addComposer(opts?: { recipients?: { key: string; name?: string }[]; body?: string; broken?: boolean }): HTMLFormElement;
}

export function createFakeSite(doc: Document = document): FakeSite {
  const sent: FakeSite['sent'] = [];
  const resends: SendTrigger[] = [];
  let listeners: (() => void)[] = [];

  const adapter: SiteAdapter = {
    site: 'gmail',
    defaultChannel: 'email',
    isGuardedPage: () => true,
    composerRootSelectors: ['form.composer'],
    expectedComposerSelectors: ['div.composer-shell'],
    composerFor(root: Element): ComposerHandle {
      const form = root as HTMLFormElement;
      if (!form.querySelector('textarea')) throw new AdapterError('gmail', 'message body', 'form.composer textarea');
      const button = () => form.querySelector<HTMLButtonElement>('button.send')!;
      return {
        root: form,
        read() {
          const body = form.querySelector('textarea');
          if (!body) throw new AdapterError('gmail', 'message body', 'form.composer textarea');
          return {
            channel: 'email',
            recipients: Array.from(form.querySelectorAll<HTMLElement>('.chip')).map((chip) => ({
              key: chip.dataset.key!,
              email: chip.dataset.key!,
              ...(chip.dataset.name ? { displayName: chip.dataset.name } : {}),
              field: 'to' as const,
            })),
            body: body.value,
          };
        },
        sendTriggerOf(event: Event) {
          if (event.type === 'click' && (event.target as Element).closest?.('button.send')) return 'button';
          if (event.type === 'keydown' && (event as KeyboardEvent).key === 'Enter' && (event as KeyboardEvent).ctrlKey) return 'ctrl-enter';
          return null;
        },
        resend(trigger: SendTrigger) {
          resends.push(trigger);
          button().click();
        },
        insertText(text: string) {
          const body = form.querySelector('textarea')!;
          body.value = `${body.value}\n\n${text}`;
          body.dispatchEvent(new Event('input', { bubbles: true }));
        },
        removeRecipient(key: string) {
          const chip = form.querySelector(`.chip[data-key="${key}"]`);
          chip?.remove();
          return !!chip;
        },
        waitForSent(signal: AbortSignal) {
          const before = sent.length;
          return new Promise((resolve) => {
            const check = () => {
              if (sent.length > before) resolve('sent');
            };
            listeners.push(check);
            signal.addEventListener('abort', () => resolve('not-sent'));
            check();
          });
        },
      };
    },
  };

  return {
    adapter,
    sent,
    resends,
    addComposer(opts = {}) {
      const form = doc.createElement('form');
      form.className = 'composer';
      for (const r of opts.recipients ?? [{ key: 'anna@example.nl', name: 'Anna de Vries' }]) {
        const chip = doc.createElement('span');
        chip.className = 'chip';
        chip.dataset.key = r.key;
        if (r.name) chip.dataset.name = r.name;
        chip.textContent = r.name ?? r.key;
        form.append(chip);
      }
      if (!opts.broken) {
        const body = doc.createElement('textarea');
        body.value = opts.body ?? 'Hallo, zullen we bellen?';
        form.append(body);
      }
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'send';
      button.textContent = 'Send';
      // The site's own send: runs only if the guard lets the click through.
      button.addEventListener('click', () => {
        sent.push({ to: Array.from(form.querySelectorAll<HTMLElement>('.chip')).map((c) => c.dataset.key!), body: form.querySelector('textarea')?.value ?? '' });
        const current = listeners;
        listeners = [];
        for (const l of current) l();
      });
      form.append(button);
      doc.body.append(form);
      return form;
    },
  };
}

export function finding(code: string, severity: Finding['severity'], fixes: Finding['fixes'][number]['kind'][] = []): Finding {
  return {
    code,
    severity,
    title: { nl: `Titel ${code}`, en: `Title ${code}` },
    explanation: { nl: `Uitleg ${code}`, en: `Explanation ${code}` },
    citations: [`art. 11.7 Tw (${code})`],
    fixes: fixes.map((kind) => ({ kind, label: { nl: kind, en: kind } })),
  };
}

export function verdictOf(decision: GuardVerdict['decision'], recipients: { key: string; findings?: Finding[]; label?: string }[], extra: Partial<GuardVerdict> = {}): GuardVerdict {
  return {
    decision,
    recipients: recipients.map((r) => ({
      key: r.key,
      decision: r.findings?.some((f) => f.severity === 'block') ? 'block' : r.findings?.some((f) => f.severity === 'warn') ? 'warn' : 'allow',
      findings: r.findings ?? [],
      label: r.label ?? r.key,
      known: true,
      weakMatch: false,
    })),
    findings: [],
    overridesAllowed: true,
    overrideNeedsReason: true,
    ...extra,
  };
}

type Call = { type: string } & Record<string, unknown>;

/** A fake background: `verdict` decides per request; every call is recorded. */
export function createFakeAsk(verdict: (request: Call) => GuardVerdict | Promise<GuardVerdict>) {
  const calls: Call[] = [];
  let failing: Error | null = null;
  const ask = (async (request: Call) => {
    calls.push(request);
    if (failing) throw failing;
    switch (request.type) {
      case 'verdict/for-recipients':
        return verdict(request);
      case 'ledger/record-event':
        return { recorded: 1 };
      case 'suppression/add-for-recipients':
        return { added: (request.recipients as unknown[]).length };
      default:
        return {};
    }
  }) as unknown as GuardAsk;
  return {
    ask,
    calls,
    of: (type: string) => calls.filter((c) => c.type === type),
    fail(error: Error | null) {
      failing = error;
    },
  };
}

export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets microtasks, timers of 0 ms and Preact's render run. */
export async function settle(ms = 0) {
  await new Promise((r) => setTimeout(r, ms));
  await Promise.resolve();
}

export function dialogHost(doc: Document = document) {
  return doc.querySelector<HTMLElement>('[data-outreach-guard="hold"]');
}

export function dialogButton(action: string, doc: Document = document) {
  return dialogHost(doc)?.shadowRoot?.querySelector<HTMLButtonElement>(`[data-action="${action}"]`) ?? null;
}

/** In the hold dialog: "send anyway", the reason typed, then the confirming button. */
export async function sendAnyway(reasonText = 'Klant belde zelf, vroeg om offerte') {
  await vi.waitFor(() => expect(dialogButton('send-anyway')).not.toBeNull());
  dialogButton('send-anyway')!.click();
  await settle();
  await pickJustification();
  const reason = dialogHost()!.shadowRoot!.querySelector<HTMLTextAreaElement>('[data-field="reason"]')!;
  reason.value = reasonText;
  reason.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
  dialogButton('confirm-send-anyway')!.click();
}

/** Against a verdict the hold asks which justification applies (a list) besides the text: picks the first. */
export async function pickJustification() {
  const pick = dialogHost()?.shadowRoot?.querySelector<HTMLSelectElement>('[data-field="justification"]');
  if (!pick) return;
  pick.selectedIndex = 1;
  pick.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}

export function dialogActions(doc: Document = document) {
  return Array.from(dialogHost(doc)?.shadowRoot?.querySelectorAll('[data-action]') ?? []).map((b) => b.getAttribute('data-action'));
}

/**
 * Per test: an empty page, a fresh fake site and an AbortController for the guard (registers the hooks in
 * the calling test file). `abort()` stops the guard early; it is aborted after each test anyway.
 */
export function guardPage(): { readonly site: FakeSite; readonly signal: AbortSignal; abort(): void } {
  let ac = new AbortController();
  let site: FakeSite | undefined;
  beforeEach(() => {
    document.body.innerHTML = '';
    ac = new AbortController();
    site = createFakeSite();
  });
  afterEach(() => {
    ac.abort();
    vi.restoreAllMocks();
  });
  return {
    get site() {
      if (!site) throw new Error('guardPage(): the site exists inside a test only');
      return site;
    },
    get signal() {
      return ac.signal;
    },
    abort: () => ac.abort(),
  };
}

/** What runSite shows, rendered in this document (the content script uses its frames, which jsdom cannot load). */
export const pageUi: GuardUi = { mountHold: mountHoldDialog, showBadge: showInactiveBadge, showMarker: showComposerMarker, preloadHold: () => undefined, showPending: showPendingNotice, showRefused: showRefusedNotice };
