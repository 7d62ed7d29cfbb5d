import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ask, type Extension } from '../harness';
import { BAKKERIJ, composerOf, decisionOf, hold, holdOn, JAN, launchExtension, protocolPage, recordObjection, serveSites, setUp } from './hold-screens';

// The hold a rep understands in three seconds, in a real Chromium with the built extension and its real
// background: first run, one line per recipient, per-recipient fixes that change the verdict, override policy,
// and the language setting. One browser (a fresh install) for the whole file, in order.

const bodyOf = (page: Page) => composerOf(page, 'gmail').locator('[g_editable="true"]').innerText();
const lines = async (page: Page) => (await hold(page).locator('section.line .sentence').allInnerTexts()).map((t) => t.replace(/^[×!]\s*/u, '').trim());
const suppressions = async (protocol: Page) => JSON.stringify(await ask(protocol, { type: 'suppressions/list' }));

describe('the hold, from a fresh install on', () => {
  let ext: Extension;
  let protocol: Page;
  beforeAll(async () => {
    ext = await launchExtension({ locale: 'nl' });
    await serveSites(ext.context);
  });
  afterAll(async () => ext?.close());

  test('install opens the setup; until it is done "insert notice" opens it again and never puts a bracketed placeholder in the message', async () => {
    await expect.poll(() => ext.context.pages().some((p) => p.url().includes('/options.html#/setup')), { timeout: 10_000 }).toBe(true);
    const page = await holdOn(ext, 'gmail');
    expect(await hold(page).locator('[data-setup-needed]').innerText()).toContain('nog niet ingesteld');
    const before = await bodyOf(page);
    const tabs = ext.context.pages().length;
    await hold(page).locator('[data-action="insert-disclosure"]').click();
    await expect.poll(() => ext.context.pages().length, { timeout: 10_000 }).toBe(tabs + 1);
    expect(ext.context.pages().at(-1)!.url()).toContain('#/setup');
    const after = await bodyOf(page);
    expect(after).toBe(before);
    expect(after).not.toMatch(/\[[^\]]*(naam|name|link|contact)[^\]]*\]/i);
    await page.close();
  });

  test('the setup page saves the organisation as a rep fills it in; then the notice is complete, with no brackets', async () => {
    const setup = ext.context.pages().find((p) => p.url().includes('#/setup'))!;
    await setup.locator('input[name="setup-name"]').fill('Voorbeeld Verpakkingen');
    await setup.locator('select').first().selectOption('B.V.');
    await setup.locator('input[name="setup-contact"]').fill('Keizersgracht 1, Amsterdam, 020 123 4567');
    await setup.locator('input[name="setup-privacy"]').fill('https://voorbeeld.nl/privacy');
    await setup.locator('[data-action="save-setup"]').click();
    await setup.locator('[data-setup="done"]').waitFor();
    protocol = await protocolPage(ext);
    const { settings } = await ask<{ settings: { organisation: { legalName: string } } }>(protocol, { type: 'settings/get' });
    expect(settings.organisation.legalName).toBe('Voorbeeld Verpakkingen B.V.');

    const page = await holdOn(ext, 'gmail');
    expect(await hold(page).locator('[data-setup-needed]').count()).toBe(0);
    const before = await bodyOf(page);
    await hold(page).locator('[data-action="insert-disclosure"]').click();
    await expect.poll(() => bodyOf(page), { timeout: 10_000 }).not.toBe(before);
    const after = await bodyOf(page);
    expect(after).toContain('Voorbeeld Verpakkingen B.V.');
    expect(after).toContain('https://voorbeeld.nl/privacy');
    expect(after).not.toMatch(/[[\]]/);
    // nobody here is in the register: the notice claims no basis
    expect(after).not.toMatch(/gerechtvaardigd belang|op basis van uw toestemming/);
    await page.close();
  });

  test('one line per recipient first; each person has their own buttons; "record a basis" opens the form for that person', async () => {
    const page = await holdOn(ext, 'gmail');
    expect(await decisionOf(page)).toBe('block');
    const said = await lines(page);
    expect(said).toHaveLength(2);
    expect(said[0]).toContain('Geen toestemming voor een aanbieding per e-mail aan Jan Jansen');
    for (const key of [`to:${JAN}`, `to:${BAKKERIJ}`]) {
      for (const action of ['record-basis', 'do-not-contact', 'remove-recipient']) {
        expect(await hold(page).locator(`button[data-action="${action}"][data-recipient="${key}"]`).count(), `${action} for ${key}`).toBe(1);
      }
    }
    // the details fold away; their rule codes are there only in a details line
    expect(await hold(page).locator('details.why').getAttribute('open')).toBeNull();
    const tabs = ext.context.pages().length;
    await hold(page).locator(`[data-action="record-basis"][data-recipient="to:${BAKKERIJ}"]`).click();
    await expect.poll(() => ext.context.pages().length, { timeout: 10_000 }).toBe(tabs + 1);
    const form = ext.context.pages().at(-1)!;
    expect(decodeURIComponent(form.url())).toContain(`email=${BAKKERIJ}`);
    await form.close();
    // a hint says what to do next; "check again" takes it away with the old verdict
    await expect.poll(() => hold(page).locator('.hint[role="status"]').count()).toBe(1);
    await hold(page).locator('[data-action="recheck"]').click();
    await expect.poll(() => hold(page).locator('.hint[role="status"]').count()).toBe(0);
    await page.close();
  });

  test('do-not-contact from the hold: a proper entry (all channels, a reason), confirmed, and the verdict changes as it says', async () => {
    const page = await holdOn(ext, 'gmail');
    await hold(page).locator(`[data-action="do-not-contact"][data-recipient="to:${BAKKERIJ}"]`).click();
    const form = hold(page).locator('[data-form="do-not-contact"]');
    expect(await form.locator('[data-field="dnc-scope"]').inputValue()).toBe('all');
    await form.locator('[data-action="confirm-do-not-contact"]').click();
    await expect.poll(async () => (await lines(page)).join('\n'), { timeout: 10_000 }).toContain(`${BAKKERIJ} heeft bezwaar gemaakt — niet versturen`);
    expect(await hold(page).locator('.done[role="status"]').innerText()).toContain('alle kanalen');
    // an objection is a hard hold: no "send anyway"
    expect(await hold(page).locator('[data-action="send-anyway"]').count()).toBe(0);
    expect(await suppressions(protocol)).toContain('Vroeg om niet meer benaderd te worden');
    await page.close();
  });

  test('remove this recipient takes only that person out; the rest is checked again', async () => {
    const page = await holdOn(ext, 'gmail');
    await hold(page).locator(`[data-action="remove-recipient"][data-recipient="to:${BAKKERIJ}"]`).click();
    await expect.poll(async () => (await lines(page)).length, { timeout: 10_000 }).toBe(1);
    expect((await lines(page))[0]).toContain('Jan Jansen');
    // Jan is a stranger: sending anyway asks for a justification from the list plus words (spaces refused)
    await hold(page).locator('[data-action="send-anyway"]').click();
    await hold(page).locator('[data-field="justification"]').selectOption('recipient-asked');
    await hold(page).locator('[data-field="reason"]').fill('    ');
    await hold(page).locator('[data-action="confirm-send-anyway"]').click();
    expect(await hold(page).locator('.reason [role="alert"]').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __fixture: { sent: unknown[] } }).__fixture.sent.length)).toBe(0);
    await page.close();
  });

  test('an objection on Outlook: "remove Jan" is the main button, no "send anyway"', async () => {
    await recordObjection(protocol, JAN);
    const page = await holdOn(ext, 'outlook');
    expect((await lines(page))[0]).toBe('Jan Jansen heeft bezwaar gemaakt — niet versturen');
    const main = hold(page).locator('button.primary');
    expect(await main.count()).toBe(1);
    expect(await main.getAttribute('data-action')).toBe('remove-recipient');
    expect(await main.getAttribute('data-recipient')).toBe(`to:${JAN}`);
    expect(await hold(page).locator('[data-action="send-anyway"]').count()).toBe(0);
    await page.close();
  });

  test('the language setting drives the hold, not the browser (a Dutch browser, English chosen)', async () => {
    await setUp(protocol, 'en');
    const page = await holdOn(ext, 'linkedin');
    expect(await hold(page).locator('h2').innerText()).toBe('This message is held');
    expect((await lines(page))[0]).toContain('No consent for an offer on LinkedIn to Dana Whitfield');
    // keyboard: focus starts on Cancel inside the alertdialog, Tab stays inside
    expect(await hold(page).locator('[data-action="cancel"]').evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    await page.close();
  });
});
