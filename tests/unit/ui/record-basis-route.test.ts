import { describe, expect, test } from 'vitest';
import { recordBasisUrl } from '@/lib/background/guard-handlers';
import { parseRoute } from '@/entrypoints/options/app/routes';

// "Record a basis" in the hold dialog opens the contact form prefilled with what the composer showed.
describe('record-a-basis link from the hold dialog', () => {
  test('the contact form opens with the recipient filled in', () => {
    const url = recordBasisUrl('chrome-extension://x/options.html', [
      { key: 'k', email: 'jan@klant.nl', displayName: 'Jan de Vries & Zn' },
    ]);
    const route = parseRoute(new URL(url).hash);
    expect(route).toEqual({ name: 'contact-new', prefill: { name: 'Jan de Vries & Zn', email: 'jan@klant.nl', linkedin: undefined } });
  });

  test('a LinkedIn recipient arrives as a profile URL', () => {
    const url = recordBasisUrl('chrome-extension://x/options.html', [{ key: 'k', linkedin: { vanity: 'jan-de-vries' } }]);
    const route = parseRoute(new URL(url).hash);
    expect(route).toMatchObject({ name: 'contact-new', prefill: { linkedin: 'https://www.linkedin.com/in/jan-de-vries/' } });
  });

  test('a plain new-contact link still works', () => {
    expect(parseRoute('#/contacts/new')).toEqual({ name: 'contact-new' });
    expect(parseRoute('#/contacts/abc/edit')).toEqual({ name: 'contact-edit', id: 'abc' });
  });

  test('the side panel opens a known contact with the add-basis form open', () => {
    expect(parseRoute('#/contacts/abc/basis')).toEqual({ name: 'contact', id: 'abc', addBasis: true });
    expect(parseRoute('#/contacts/abc')).toEqual({ name: 'contact', id: 'abc' });
  });
});
