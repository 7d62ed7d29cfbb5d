import type { CallOutcome, ContactOption } from '@/components/popup/CallCheck';
import { RequestFailed } from './api';

// Call-check helpers the popup and side panel share. Wired to the management protocol as it lands.

export interface CallOutcomeInput {
  phone?: string;
  contactId?: string;
  outcome: CallOutcome;
  note: string;
}

export async function logCallOutcome(_input: CallOutcomeInput): Promise<void> {
  // NEEDS management request `call/log-outcome` (see report).
  throw new RequestFailed('not-implemented', 'call/log-outcome is not available yet.');
}

export async function searchContactOptions(_q: string): Promise<ContactOption[]> {
  return [];
}
