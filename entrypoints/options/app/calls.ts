import type { CallOutcome, ContactOption } from '@/components/popup/CallCheck';
import { ask } from './api';

// Call-check and contact-search helpers shared by the popup, the side panel and the options page.

export interface CallOutcomeInput {
  phone?: string | undefined;
  contactId?: string | undefined;
  outcome: CallOutcome;
  note: string;
}

export async function logCallOutcome(input: CallOutcomeInput) {
  if (!input.phone) throw new Error('No phone number for this call.');
  return ask({
    type: 'call/log-outcome',
    phone: input.phone,
    ...(input.contactId ? { contactId: input.contactId } : {}),
    outcome: input.outcome,
    note: input.note,
    // The outcome is logged from the screen that showed the opening to read out.
    openingRead: true,
  });
}

/** Contacts matching a search, as "Name · company · e-mail" options. */
export async function searchContactOptions(q: string, limit = 10): Promise<ContactOption[]> {
  const result = await ask({ type: 'contacts/list', query: q, filters: {}, offset: 0, limit });
  return result.items.map((c) => ({ id: c.id, label: [c.name, c.company, c.email ?? c.phone].filter(Boolean).join(' · ') }));
}
