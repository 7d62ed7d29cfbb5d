import { LedgerError } from '../errors';
import type { ContactStore } from './contacts';
import type { LedgerCore } from './core';
import type { SettingsStore } from './settings';
import type { BasisDraft } from './types';

// "My list": LinkedIn profiles the rep saved with the save button, each with the basis chosen there.

export interface ProfileToSave {
  name: string;
  headline?: string;
  company?: string;
  profileUrl: string;
  linkedin: { vanity?: string; memberId?: string; salesNavLeadId?: string; profileUrl?: string };
  restrictedVisibility: boolean;
  basis: BasisDraft;
}

export class MyListStore {
  constructor(
    private readonly core: LedgerCore,
    private readonly settings: SettingsStore,
    private readonly contacts: ContactStore,
  ) {}

  /**
   * Saves a LinkedIn profile to "My list" with the basis the rep chose. Refuses profiles whose visibility is
   * restricted (the member limited who may see it; Kaspr, CNIL 2024).
   */
  async saveProfileToMyList(input: ProfileToSave): Promise<{ contactId: string }> {
    if (input.restrictedVisibility) {
      throw new LedgerError('restricted-profile', 'This member limits who may see their profile; it may not be saved.');
    }
    const refs = [input.profileUrl, input.linkedin.memberId, input.linkedin.vanity, input.linkedin.salesNavLeadId ? `https://www.linkedin.com/sales/lead/${input.linkedin.salesNavLeadId}` : undefined].filter(
      (x): x is string => !!x,
    );
    const at = this.core.nowIso();
    const { id } = await this.contacts.saveContact(
      {
        name: input.name,
        linkedin: refs,
        ...(input.headline ? { headline: input.headline } : {}),
        ...(input.company ? { company: { name: input.company } } : {}),
        savedFromLinkedIn: { at, restrictedVisibility: false },
      },
      { provenance: { source: 'linkedin_manual', url: input.profileUrl, obtainedAt: at }, basis: input.basis },
    );
    return { contactId: id };
  }
  /**
   * `profile/save` from the LinkedIn save button: the rep's basis choice (lib/messaging/guard.ts
   * profileBasisChoiceSchema) becomes a basis record; what the button cannot know is left for the contact page.
   */
  async saveProfileWithChoice(
    profile: Omit<ProfileToSave, 'basis'>,
    choice: { kind: 'legitimate_interest' | 'consent' | 'customer' | 'contract_request'; assessmentId?: string; note: string },
  ): Promise<{ contactId: string }> {
    const settings = await this.settings.get();
    const today = this.core.nowIso().slice(0, 10);
    const entity = settings.organisation.legalName || 'unknown';
    const rep = settings.rep.name || settings.rep.email || 'local user';
    let basis: BasisDraft;
    switch (choice.kind) {
      case 'legitimate_interest':
        if (!choice.assessmentId) throw new LedgerError('invalid-basis', 'Choose the legitimate-interest assessment that covers this person.', 'basis.assessmentId');
        basis = { type: 'legitimate_interest', assessmentId: choice.assessmentId, note: choice.note };
        break;
      case 'consent':
        basis = {
          type: 'consent',
          who: profile.name,
          when: today,
          how: 'written_note',
          what: { entity, products: [], channels: ['linkedin'] },
          shownText: '',
          capturedBy: rep,
          note: choice.note,
        };
        break;
      case 'customer':
        basis = { type: 'customer', entity, saleDate: today, informedAtCollection: false, optOutOfferedAtCollection: false, note: choice.note };
        break;
      case 'contract_request':
        basis = { type: 'contract_request', date: today, requestedBy: 'data_subject', note: choice.note };
        break;
    }
    return this.saveProfileToMyList({ ...profile, basis });
  }
  /** Whether a LinkedIn member is already in the ledger (for the save-profile button). */
  async profileStatus(keys: readonly string[]): Promise<{ saved: boolean; contactId?: string }> {
    const c = await this.contacts.findContactByIdentityKeys(keys);
    return c ? { saved: true, contactId: c.id } : { saved: false };
  }
}
