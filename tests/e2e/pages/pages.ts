import type { Locator, Page } from 'playwright-core';
import { ask, launchExtension, type Extension } from '../harness';

// Page objects for the management pages: open a screen as a user would, and read the ledger through
// the protocol to check what the screen did.

export { ask };

export async function launch(locale = 'en-US'): Promise<Extension> {
  return launchExtension({ locale });
}

/** Opens the options page on a hash route and waits for its heading. */
export async function openOptions(ext: Extension, route = '#/contacts'): Promise<Page> {
  const page = await ext.extensionPage(`/options.html${route}`);
  await page.locator('main h1').first().waitFor();
  return page;
}

export async function go(page: Page, route: string): Promise<void> {
  await page.evaluate((r) => (location.hash = r), route);
  await page.locator('main h1').first().waitFor();
}

export interface ContactSeed {
  name: string;
  emails?: string[];
  phones?: string[];
  source?: string;
  obtainedAt?: string;
  basis?: Record<string, unknown>;
  legacy?: boolean;
  company?: Record<string, unknown>;
  recipientKind?: string;
}

/** Adds a contact through the protocol (set-up for tests of other screens). */
export async function seedContact(page: Page, c: ContactSeed): Promise<string> {
  const result = await ask<{ id: string }>(page, {
    type: 'contacts/save',
    contact: {
      name: c.name,
      emails: c.emails ?? [],
      phones: c.phones ?? [],
      linkedin: [],
      ...(c.company ? { company: c.company } : {}),
      ...(c.recipientKind ? { recipientKind: c.recipientKind } : {}),
      ...(c.legacy ? { legacy: true } : {}),
      provenance: { source: c.source ?? 'company_website', obtainedAt: c.obtainedAt ?? '2026-11-01' },
      ...(c.basis ? { basis: c.basis } : {}),
    },
  });
  return result.id;
}

export async function listContacts(page: Page, query = ''): Promise<{ total: number; items: Array<{ id: string; name: string; email?: string }> }> {
  return ask(page, { type: 'contacts/list', query, filters: {}, offset: 0, limit: 50 });
}

/** The control labelled exactly `text` (a required field's label ends in a visual " *"). */
export function byLabel(page: Page | Locator, text: string) {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
}
