import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { guardFrame, launchExtension, protocolPage, type Extension } from '../harness';
import { holdOn, serveSites, setUp } from './hold-screens';

// The hold's accessibility on each site, in a real Chromium with the built extension: an alertdialog with a
// name, focus inside it on the least harmful control, Tab kept inside, every control named, and text
// contrast at least WCAG AA (4.5:1) against what is really behind it.

describe('the hold is accessible on LinkedIn, Gmail and Outlook', () => {
  let ext: Extension;
  beforeAll(async () => {
    ext = await launchExtension();
    await setUp(await protocolPage(ext), 'en');
    await serveSites(ext.context);
  });
  afterAll(async () => ext?.close());

  test.each(['linkedin', 'gmail', 'outlook'] as const)('%s: alertdialog, focus, names, contrast', async (site) => {
    const page = await holdOn(ext, site);
    const frame = guardFrame(page, 'hold');
    expect(frame).not.toBeNull();
    const report = await frame!.evaluate(() => {
      const root = document.querySelector('[data-outreach-guard="hold"]')!.shadowRoot!;
      const dialog = root.querySelector<HTMLElement>('[role="alertdialog"]')!;
      const nameOf = (el: Element): string => {
        const labelled = el.getAttribute('aria-labelledby');
        if (labelled) return labelled.split(/\s+/).map((id) => root.getElementById(id)?.textContent ?? '').join(' ').trim();
        if (el.getAttribute('aria-label')) return el.getAttribute('aria-label')!.trim();
        const id = el.getAttribute('id');
        const label = id ? root.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
        return (label?.textContent ?? el.closest('label')?.textContent ?? (el as HTMLElement).innerText ?? '').trim();
      };
      const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
      };
      const backgroundOf = (el: Element | null): number[] => {
        for (let n: Element | null = el; n; n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host ?? null)) {
          const c = parse(getComputedStyle(n).backgroundColor);
          if (c.length >= 3 && (c.length < 4 || c[3]! > 0.5)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const lowContrast: string[] = [];
      for (const el of dialog.querySelectorAll<HTMLElement>('h2, h3, h4, p, li, button, label, summary, span')) {
        if (!el.innerText?.trim() || el.getClientRects().length === 0) continue;
        const fg = parse(getComputedStyle(el).color);
        const bg = backgroundOf(el);
        const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
        const ratio = (a! + 0.05) / (b! + 0.05);
        if (ratio < 4.5) lowContrast.push(`${el.tagName} "${el.innerText.trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
      }
      const unnamed = Array.from(dialog.querySelectorAll('button, select, textarea, input, [role="button"]'))
        .filter((el) => (el as HTMLElement).getClientRects().length > 0 && !nameOf(el))
        .map((el) => el.outerHTML.slice(0, 80));
      const focused = root.activeElement;
      return {
        name: nameOf(dialog),
        modal: dialog.getAttribute('aria-modal'),
        focusInside: !!focused && dialog.contains(focused),
        focusedAction: focused?.getAttribute('data-action') ?? focused?.tagName ?? null,
        lowContrast,
        unnamed,
      };
    });
    expect(report.name, 'the dialog has a name').not.toBe('');
    expect(report.focusInside, 'focus starts inside the dialog').toBe(true);
    expect(report.focusedAction, 'on the least harmful control').toBe('cancel');
    expect(report.unnamed, 'every control has a name').toEqual([]);
    expect(report.lowContrast, 'text contrast ≥ 4.5:1').toEqual([]);

    // Tab and Shift+Tab stay in the dialog (the page behind is not reachable while the send is held).
    for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      const inside = await frame!.evaluate(() => {
        const root = document.querySelector('[data-outreach-guard="hold"]')!.shadowRoot!;
        return document.hasFocus() && !!root.activeElement && !!root.querySelector('[role="alertdialog"]')!.contains(root.activeElement);
      });
      expect(inside, `focus still in the dialog after ${key}`).toBe(true);
    }
    await page.close();
  });
});
