import { describe, expect, test } from 'vitest';
import { splitList, toContactInput, valuesOf } from '../../../components/contacts/ContactForm';
import { emptyBasis } from '../../../components/contacts/BasisFields';
import { linkedInCheck } from '../../../components/forms/validate';
import { normalizeIdentities } from '../../../lib/ledger/contact-input';
import type { ContactView } from '../../../lib/messaging/management-contacts';

// Editing a contact sends the form's LinkedIn field back as the contact's identities: nothing stored may fall out.

const saved = {
  id: 'c1',
  name: 'Jan Jansen',
  emails: ['jan@acme.nl'],
  phones: [],
  linkedin: {
    vanities: ['jan-jansen'],
    memberIds: ['ACoAAB1234567890'],
    // saved from a Sales Navigator lead page
    leadIds: ['ACwAAC9876543210'],
  },
  recipientKind: 'natural_professional',
  addresses: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
} as unknown as ContactView;

describe('editing a contact keeps its LinkedIn identities', () => {
  test('vanity, member id and Sales Navigator lead id all survive valuesOf → toContactInput', () => {
    const input = toContactInput(valuesOf(saved), emptyBasis, saved.id);
    const ids = normalizeIdentities({ emails: input.emails, phones: input.phones, linkedin: input.linkedin });
    expect(ids.linkedin.vanities).toEqual(['jan-jansen']);
    expect(ids.linkedin.memberIds).toEqual(['ACoAAB1234567890']);
    expect(ids.linkedin.leadIds).toEqual(['ACwAAC9876543210']);
  });

  test('every item the form shows passes the form’s own LinkedIn check (the save is not refused)', () => {
    const items = splitList(valuesOf(saved).linkedin);
    expect(items).toHaveLength(3);
    for (const item of items) expect(linkedInCheck(item), item).toBeNull();
  });
});
