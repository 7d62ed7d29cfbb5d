import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Extension } from '../harness';
import { ask, byLabel, launch } from './pages';

// The toolbar popup at its narrowest (320 px): the tab's guard state, a look-up, and the call check.

describe('popup', () => {
  let ext: Extension;
  let popup: Page;
  beforeAll(async () => {
    ext = await launch('en-US');
    popup = await ext.extensionPage('/popup.html');
    await popup.setViewportSize({ width: 320, height: 600 });
    await popup.getByRole('tab', { name: 'This page' }).waitFor();
  });
  afterAll(async () => ext?.close());

  async function noHorizontalOverflow() {
    const [scroll, client] = await popup.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
  }

  test('shows the guard state of the current tab and fits 320 px', async () => {
    // The popup was opened as a tab of its own, so the "current tab" is an extension page: nothing to guard.
    await expect.poll(() => popup.locator('.tabstate').textContent()).toContain('Nothing to guard on this page.');
    await noHorizontalOverflow();
  });

  test('a look-up by e-mail shows a verdict; a bad address gets an inline message', async () => {
    await popup.getByRole('tab', { name: 'Look up' }).click();
    const input = byLabel(popup, 'E-mail address');
    await input.fill('jan@');
    await popup.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => popup.locator('.error').first().textContent()).toBe('Not a valid e-mail address');
    await input.fill('jan.jansen@example.nl');
    await popup.getByRole('button', { name: 'Check' }).click();
    const verdict = popup.locator('.verdict');
    await verdict.waitFor();
    expect(['block', 'warn', 'allow']).toContain(await verdict.getAttribute('data-decision'));
    expect(await verdict.textContent()).toContain('jan.jansen@example.nl');
    await noHorizontalOverflow();
  });

  test('the call check shows the opening to read out, and "objected" puts the number on the do-not-contact list', async () => {
    await popup.getByRole('tab', { name: 'Call check' }).click();
    await byLabel(popup, 'Phone number').fill('06 12345678');
    await byLabel(popup, 'Purpose of the call').fill('our planning software');
    await byLabel(popup, 'Your name').fill('Sanne');
    await popup.getByRole('button', { name: 'Check the call' }).click();
    const opening = popup.locator('.opening blockquote');
    await opening.waitFor();
    const text = (await opening.textContent()) ?? '';
    expect(text).toContain('Sanne');
    expect(text.length).toBeGreaterThan(60);
    await noHorizontalOverflow();

    await popup.getByRole('button', { name: 'Objected (do not call again)' }).click();
    await popup.getByText('Objection logged').waitFor();
    const found = await ask<{ suppressed: boolean }>(popup, { type: 'lookup/person', query: '+31612345678' });
    expect(found.suppressed).toBe(true);
  });
});
