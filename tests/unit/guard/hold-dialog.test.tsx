// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { HoldDialog, type HoldAction, type HoldDialogProps } from '@/components/guard/HoldDialog';
import { summarize } from '@/components/guard/summary';
import { strings, plural } from '@/components/guard/strings';
import { contrastPairs, palette } from '@/components/guard/hold-css';
import { CATALOGUE, FIX_LABELS } from '@/lib/rules/catalogue';
import type { GuardVerdict, RecipientVerdict } from '@/lib/messaging/guard';
import type { Finding } from '@/lib/rules/verdict';

// The hold as a rep meets it: one line per person first, the action that resolves it, every fix a button.

/** A finding as the engine words it (the real catalogue entry for the code). */
function f(code: string, severity: Finding['severity'] = 'block'): Finding {
  const entry = CATALOGUE[code];
  if (!entry) throw new Error(`no catalogue entry ${code}`);
  return { code, severity, title: entry.title, explanation: entry.explanation, citations: entry.citations, fixes: entry.fixes.map((kind) => ({ kind, label: FIX_LABELS[kind] })) };
}

function person(key: string, label: string, findings: Finding[]): RecipientVerdict {
  const decision = findings.some((x) => x.severity === 'block') ? 'block' : findings.some((x) => x.severity === 'warn') ? 'warn' : 'allow';
  return { key, label, decision, findings, known: false, weakMatch: false };
}

function verdict(recipients: RecipientVerdict[], extra: Partial<GuardVerdict> = {}): GuardVerdict {
  const all = [...recipients.flatMap((r) => r.findings), ...(extra.findings ?? [])];
  const decision = all.some((x) => x.severity === 'block') ? 'block' : all.some((x) => x.severity === 'warn') ? 'warn' : 'allow';
  return { decision, recipients, findings: [], overridesAllowed: true, overrideNeedsReason: true, ...extra };
}

const JAN = 'jan@bouw.nl';
const PIET = 'piet@zorg.nl';

let container: HTMLElement | null = null;
afterEach(() => {
  if (container) act(() => render(null, container!));
  container?.remove();
  container = null;
});

function show(v: GuardVerdict, props: Partial<HoldDialogProps> = {}) {
  const actions: HoldAction[] = [];
  container = document.createElement('div');
  document.body.append(container);
  const all: HoldDialogProps = { lang: 'nl', view: { kind: 'verdict', verdict: v }, canRemoveRecipient: true, channel: 'email', onAction: (a) => actions.push(a), ...props };
  act(() => render(<HoldDialog {...all} />, container!));
  const q = <T extends Element = HTMLElement>(sel: string) => container!.querySelector<T & Element>(sel) as T | null;
  const qa = (sel: string) => Array.from(container!.querySelectorAll<HTMLElement>(sel));
  const click = (el: Element | null) => {
    if (!el) throw new Error('nothing to click');
    act(() => (el as HTMLElement).click());
  };
  const choose = (el: Element | null, value: string) => {
    if (!el) throw new Error('no select');
    act(() => {
      (el as HTMLSelectElement).value = value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
  };
  const type = (el: Element | null, value: string) => {
    if (!el) throw new Error('no field');
    act(() => {
      (el as HTMLInputElement).value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
  };
  const sentences = () => qa('section.line .sentence').map((p) => p.textContent!.replace(/^[×!]\s*/u, '').trim());
  return { actions, q, qa, click, choose, type, sentences, text: () => container!.textContent ?? '' };
}

describe('one line per recipient first, in a rep\'s words', () => {
  test.each([
    ['an objection', [f('GD-10')], 'Jan heeft bezwaar gemaakt — niet versturen', 'remove-recipient'],
    ['an erasure', [f('GD-12')], 'De gegevens van Jan zijn gewist — niet versturen', 'remove-recipient'],
    ['no consent for e-mail marketing', [f('NL-EM-01')], 'Geen toestemming voor een aanbieding per e-mail aan Jan', 'record-basis'],
    ['no basis at all', [f('MISSING-BASIS')], 'Nog geen grondslag voor Jan in je register — leg die eerst vast', 'record-basis'],
    ['consent without proof', [f('EV-01', 'warn')], 'De toestemming van Jan is niet aantoonbaar — leg het bewijs vast', 'record-basis'],
    ['only the notice missing', [f('GD-06')], 'Jan moet een privacytekst krijgen — voeg die in', 'insert-disclosure'],
  ])('%s', (_name, findings, sentence, primary) => {
    const d = show(verdict([person(JAN, 'Jan', findings)], { disclosure: { nl: 'Waarom je dit krijgt …', en: 'Why …' } }));
    expect(d.sentences()).toEqual([sentence]);
    const main = d.qa('button.primary');
    expect(main).toHaveLength(1);
    expect(main[0]!.getAttribute('data-action')).toBe(primary);
  });

  test('the objection decides even when it is the 7th finding of 9', () => {
    const many = ['MISSING-SOURCE', 'GD-06', 'GD-07', 'GD-08', 'NL-EM-05', 'GD-02', 'GD-10', 'EV-01', 'NL-EM-01'].map((c) => f(c));
    const d = show(verdict([person(JAN, 'Jan', many)]));
    expect(d.sentences()).toEqual(['Jan heeft bezwaar gemaakt — niet versturen']);
    expect(d.q('button.primary')!.getAttribute('data-action')).toBe('remove-recipient');
  });

  test('"insert notice" is never the main button when a notice cannot fix it', () => {
    const d = show(verdict([person(JAN, 'Jan', [f('GD-06'), f('NL-EM-01')])], { disclosure: { nl: 'x', en: 'x' } }));
    expect(d.q('button.primary')!.getAttribute('data-action')).toBe('record-basis');
  });

  test('where no recipient can be removed (LinkedIn), an objection leaves Cancel as the main button', () => {
    const d = show(verdict([person(JAN, 'Jan', [f('GD-10')])]), { canRemoveRecipient: false, channel: 'linkedin_dm' });
    expect(d.q('button.primary')!.getAttribute('data-action')).toBe('cancel');
    expect(d.q('[data-action="remove-recipient"]')).toBeNull();
  });

  test('a finding every recipient shares stays with each person, never under "about the message"', () => {
    // The verdict service lists findings all recipients share once, at message level.
    const v = verdict([person(JAN, 'Jan', []), person(PIET, 'Piet', [])], { decision: 'block', findings: [f('NL-EM-01'), f('NL-EM-05')] });
    const s = summarize(v, { canRemove: true });
    expect(s.lines.map((l) => [l.key, l.finding.code])).toEqual([
      [JAN, 'NL-EM-01'],
      [PIET, 'NL-EM-01'],
    ]);
    expect(s.messageFindings.map((x) => x.code)).toEqual(['NL-EM-05']);
    const d = show(v);
    expect(d.q('.message-findings')!.textContent).not.toContain(CATALOGUE['NL-EM-01']!.title.nl);
  });

  test('recipients that are fine get no line; the count says how many need attention, in the right plural', () => {
    const d = show(verdict([person(JAN, 'Jan', [f('GD-10')]), person(PIET, 'Piet', [f('NL-EM-01')]), person('a@b.nl', 'Anna', [])]));
    expect(d.sentences()).toHaveLength(2);
    expect(d.q('.count')!.textContent).toBe('2 ontvangers vragen aandacht');
    expect(plural('nl', 1, strings.nl.needAttention)).toBe('1 ontvanger vraagt aandacht');
    expect(plural('en', 1, strings.en.needAttention)).toBe('1 recipient needs attention');
    expect(plural('en', 3, strings.en.needAttention)).toBe('3 recipients need attention');
  });

  test('the reasons fold under "Waarom?" with the rule code only in a details line; info findings under "Wat is gecontroleerd"', () => {
    const info: Finding = { ...f('NL-EM-04', 'info') };
    const d = show(verdict([person(JAN, 'Jan', [f('NL-EM-01'), info])]));
    const why = d.q('details.why')!;
    expect(why.querySelector('summary')!.textContent).toBe('Waarom?');
    expect(why.textContent).toContain(CATALOGUE['NL-EM-01']!.explanation.nl);
    expect(why.querySelector('.code')!.textContent).toBe('Regel: NL-EM-01');
    // outside the details line no rule code shows
    const outside = d.text().replace(why.textContent!, '');
    expect(outside).not.toMatch(/NL-EM-01/);
    const checked = d.q('details.checked')!;
    expect(checked.querySelector('summary')!.textContent).toBe('Wat is gecontroleerd');
    expect(checked.textContent).toContain(CATALOGUE['NL-EM-04']!.title.nl);
  });
});

describe('per-recipient actions', () => {
  const two = () => verdict([person(JAN, 'Jan', [f('NL-EM-01')]), person(PIET, 'Piet', [f('NL-EM-01')])]);

  test('each recipient has its own record-basis, do-not-contact and remove buttons, real <button>s', () => {
    const d = show(two());
    for (const action of ['record-basis', 'do-not-contact', 'remove-recipient']) {
      const buttons = d.qa(`[data-action="${action}"]`);
      expect(buttons.map((b) => b.getAttribute('data-recipient'))).toEqual([JAN, PIET]);
      for (const b of buttons) expect(b.tagName).toBe('BUTTON');
    }
    d.click(d.q(`[data-action="record-basis"][data-recipient="${PIET}"]`));
    expect(d.actions).toEqual([{ kind: 'record-basis', key: PIET }]);
    d.click(d.q(`[data-action="remove-recipient"][data-recipient="${JAN}"]`));
    expect(d.actions.at(-1)).toEqual({ kind: 'remove-recipient', key: JAN });
  });

  test('every fix in the dialog is a button, none is text made to look like a link', () => {
    const d = show(two());
    expect(d.qa('a')).toHaveLength(0);
    for (const el of d.qa('[data-action]')) expect(el.tagName).toBe('BUTTON');
  });

  test('do-not-contact: a proper entry — all channels by default, a reason from the list, confirmed', () => {
    const d = show(two());
    d.click(d.q(`[data-action="do-not-contact"][data-recipient="${PIET}"]`));
    expect(d.actions).toEqual([]); // nothing stored before the rep confirms
    const form = d.q('[data-form="do-not-contact"]')!;
    expect(form.querySelector('legend')!.textContent).toBe('Piet niet meer benaderen');
    expect((form.querySelector('[data-field="dnc-scope"]') as HTMLSelectElement).value).toBe('all');
    d.click(form.querySelector('[data-action="confirm-do-not-contact"]'));
    expect(d.actions).toEqual([{ kind: 'do-not-contact', key: PIET, scope: 'all', reason: 'Vroeg om niet meer benaderd te worden' }]);
    expect(d.q('.done')!.textContent).toContain('Piet staat nu op je niet-benaderenlijst (alle kanalen).');
  });

  test('do-not-contact with a typed reason: only spaces are refused', () => {
    const d = show(two());
    d.click(d.q(`[data-action="do-not-contact"][data-recipient="${JAN}"]`));
    d.choose(d.q('[data-field="dnc-scope"]'), 'email');
    d.choose(d.q('[data-field="dnc-reason"]'), String(strings.nl.dncReasons.length - 1));
    d.type(d.q('[data-field="dnc-other"]'), '    ');
    d.click(d.q('[data-action="confirm-do-not-contact"]'));
    expect(d.actions).toEqual([]);
    expect(d.q('[data-form="do-not-contact"] [role="alert"]')).not.toBeNull();
    d.type(d.q('[data-field="dnc-other"]'), 'Belde boos op');
    d.click(d.q('[data-action="confirm-do-not-contact"]'));
    expect(d.actions).toEqual([{ kind: 'do-not-contact', key: JAN, scope: 'email', reason: 'Belde boos op' }]);
  });

  test('someone who objected gets no "record a basis" and no second do-not-contact entry', () => {
    const d = show(verdict([person(JAN, 'Jan', [f('GD-10')])]));
    expect(d.q('[data-action="record-basis"]')).toBeNull();
    expect(d.q('[data-action="do-not-contact"]')).toBeNull();
  });
});

describe('override as the policy says', () => {
  test.each(['GD-10', 'OB-01', 'GD-12'])('no "Send anyway" past %s, whatever the settings say', (code) => {
    const d = show(verdict([person(JAN, 'Jan', [f(code), f('NL-EM-01')])], { overridesAllowed: true, overridable: true }));
    expect(d.q('[data-action="send-anyway"]')).toBeNull();
    expect(d.q('.hard')!.textContent).toBe(strings.nl.noOverride);
  });

  test('a weak name-only match (OB-01 as a warning) does not take "Send anyway" away', () => {
    const d = show(verdict([person(JAN, 'Jan', [f('OB-01', 'warn')])]));
    expect(d.q('[data-action="send-anyway"]')).not.toBeNull();
  });

  test('a rule the policy blocks: no "Send anyway"', () => {
    const d = show(verdict([person(JAN, 'Jan', [f('NL-EM-01')])], { overridable: false }));
    expect(d.q('[data-action="send-anyway"]')).toBeNull();
  });

  test('elsewhere: a justification from the list plus the rep\'s own words; spaces alone refused', () => {
    const d = show(verdict([person(JAN, 'Jan', [f('NL-EM-01')])], { justificationRequired: true }));
    d.click(d.q('[data-action="send-anyway"]'));
    const confirm = () => d.click(d.q('[data-action="confirm-send-anyway"]'));
    d.type(d.q('[data-field="reason"]'), 'Jan vroeg er zelf om');
    confirm();
    expect(d.actions).toEqual([]); // no justification picked
    expect(d.text()).toContain(strings.nl.reasonPickFirst);
    d.choose(d.q('[data-field="justification"]'), 'recipient-asked');
    d.type(d.q('[data-field="reason"]'), '     ');
    confirm();
    expect(d.actions).toEqual([]);
    expect(d.text()).toContain(strings.nl.reasonTooShort);
    d.type(d.q('[data-field="reason"]'), '  Jan vroeg er zelf om  ');
    confirm();
    expect(d.actions).toEqual([{ kind: 'send-anyway', reason: 'Jan vroeg er zelf om', justification: 'recipient-asked' }]);
  });
});

describe('before setup is done', () => {
  test('the hold says so, and "insert notice" opens the setup instead of inserting anything', () => {
    const d = show(verdict([person(JAN, 'Jan', [f('GD-06')])], { setupNeeded: true }));
    expect(d.q('[data-setup-needed]')!.textContent).toContain('nog niet ingesteld');
    expect(d.sentences()).toEqual(['Jan moet een privacytekst krijgen — stel eerst je organisatie in']);
    d.click(d.q('[data-action="insert-disclosure"]'));
    expect(d.actions).toEqual([{ kind: 'open-setup' }]);
  });

  test('with no notice finding, the setup can still be opened from the notice line', () => {
    const d = show(verdict([person(JAN, 'Jan', [f('NL-EM-01')])], { setupNeeded: true }));
    d.click(d.q('[data-action="open-setup"]'));
    expect(d.actions).toEqual([{ kind: 'open-setup' }]);
  });
});

describe('words', () => {
  test('the language setting (carried by the verdict) drives the hold, not the browser', () => {
    const d = show(verdict([person(JAN, 'Jan', [f('GD-10')])], { lang: 'en' }), { lang: 'nl' });
    expect(d.q('h2')!.textContent).toBe('This message is held');
    expect(d.sentences()).toEqual(['Jan objected — do not send']);
    expect(d.q('[role="alertdialog"]')!.getAttribute('lang')).toBe('en');
  });

  test('English citations are in English; no research notes or internal documents reach the rep', () => {
    const d = show(verdict([person(JAN, 'Jan', [f('NL-EM-04U', 'warn'), f('GD-10')])]), { lang: 'en' });
    const why = d.q('details.why')!.textContent!;
    expect(why).not.toMatch(/\[V|\.md|AVG art|§/);
    expect(why).toContain('Dutch Telecommunications Act');
  });

  test('Dutch in one voice: the rep is "je", the ledger is "register"', () => {
    const texts: string[] = [];
    const collect = (v: unknown) => {
      if (typeof v === 'string') texts.push(v);
      else if (typeof v === 'function') texts.push(String((v as (...a: string[]) => string)('Jan', 'e-mail', 'x', '')));
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    collect(strings.nl);
    for (const problem of ['objection', 'no-consent', 'no-basis', 'notice', 'consent-proof'] as const) texts.push(strings.nl.line(problem, 'Jan', 'per e-mail', 't', false));
    const all = texts.join('\n');
    expect(all).not.toMatch(/\b(u|uw|U|Uw)\b/);
    expect(all).not.toMatch(/administratie|ledger/i);
  });
});

describe('accessibility', () => {
  test('an alertdialog, labelled by its title and described by its body; focus starts on Cancel', () => {
    const d = show(verdict([person(JAN, 'Jan', [f('NL-EM-01')])]));
    const dialog = d.q('[role="alertdialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe(strings.nl.titleBlock);
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)).not.toBeNull();
    expect(document.activeElement?.getAttribute('data-action')).toBe('cancel');
  });

  test('every control has a name; Tab goes through the lines first, then the footer, and wraps', () => {
    const d = show(verdict([person(JAN, 'Jan', [f('NL-EM-01')]), person(PIET, 'Piet', [f('EV-01', 'warn')])]));
    for (const b of d.qa('button, summary')) expect(b.textContent!.trim().length).toBeGreaterThan(0);
    d.click(d.q('[data-action="send-anyway"]'));
    for (const field of d.qa('select, textarea')) expect(container!.querySelector(`label[for="${field.id}"]`)).not.toBeNull();
    const order = d.qa('button:not([disabled]), textarea, select, input, summary').map((e) => e.getAttribute('data-action') ?? e.tagName.toLowerCase());
    expect(order.indexOf('remove-recipient')).toBeLessThan(order.indexOf('cancel'));
    const last = d.qa('button:not([disabled]), textarea, select, input, summary').at(-1)!;
    last.focus();
    act(() => {
      last.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
    });
    expect(document.activeElement).toBe(d.qa('button:not([disabled]), textarea, select, input, summary')[0]);
  });

  test.each(contrastPairs.map(([fg, bg]) => [fg, bg, palette[fg], palette[bg]]))('%s on %s (%s on %s) reaches WCAG AA 4.5:1', (_f, _b, fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  test('Esc cancels', () => {
    const d = show(verdict([person(JAN, 'Jan', [f('NL-EM-01')])]));
    act(() => {
      d.q('[role="alertdialog"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    });
    expect(d.actions).toEqual([{ kind: 'cancel' }]);
  });
});

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

vi.setConfig({ testTimeout: 20_000 });
