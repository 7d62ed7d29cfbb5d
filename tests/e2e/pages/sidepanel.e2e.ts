import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Extension } from '../harness';
import { ask, byLabel, launch, seedContact } from './pages';

// The side panel shows the same screens as the options tab in a narrow column.

describe('side panel', () => {
  let ext: Extension;
  let panel: Page;
  beforeAll(async () => {
    ext = await launch('nl');
    panel = await ext.extensionPage('/sidepanel.html#/contacts');
    await panel.setViewportSize({ width: 360, height: 800 });
    await panel.locator('main h1').waitFor();
  });
  afterAll(async () => ext?.close());

  test('follows a Dutch browser, fits 360 px, and shows contact names in the narrow list', async () => {
    expect(await panel.locator('main h1').textContent()).toBe('Contacten');
    await seedContact(panel, { name: 'Fatima El Amrani', emails: ['fatima@logistiekplus.nl'] });
    await panel.reload();
    const row = panel.locator('.vrow').first();
    await row.waitFor();
    expect(await row.locator('.crow-name').isVisible()).toBe(true);
    expect((await row.locator('.crow-name').boundingBox())!.width).toBeGreaterThan(150);
    const [scroll, client] = await panel.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
  });

  test('a do-not-contact entry can be added from the panel', async () => {
    await panel.getByRole('link', { name: 'Niet benaderen' }).click();
    await panel.locator('main h1', { hasText: 'Niet benaderen' }).waitFor();
    await byLabel(panel, 'Blokkeren op').selectOption('phone');
    await byLabel(panel, 'Telefoonnummer').fill('020 123 4567');
    await panel.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await panel.getByText(/^Toegevoegd/).waitFor();
    expect((await ask<{ suppressed: boolean }>(panel, { type: 'lookup/person', query: '+31201234567' })).suppressed).toBe(true);
  });

  test('keyboard: the skip link comes first, every focused control shows a focus ring', async () => {
    await panel.goto(panel.url().replace(/#.*$/, '#/contacts'));
    await panel.reload(); // a fresh document: focus starts at the top
    await panel.locator('main h1').waitFor();
    await panel.keyboard.press('Tab');
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
    for (let i = 0; i < 6; i++) {
      await panel.keyboard.press('Tab');
      const outline = await panel.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return { tag: el.tagName, width: parseFloat(style.outlineWidth), style: style.outlineStyle };
      });
      expect(outline.style, outline.tag).not.toBe('none');
      expect(outline.width, outline.tag).toBeGreaterThanOrEqual(2);
    }
  });
});
