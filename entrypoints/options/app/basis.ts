import { evidenceWithBasis, type BasisValues, type ProductSuggestions } from '@/components/contacts/BasisFields';
import type { Settings } from '@/lib/model/settings';
import { ask, errorText, fileToBase64 } from './api';

// What the basis forms need from the ledger, and the evidence typed in with a basis, stored linked to it
// (the basis id is known before the save, so EV-01 sees the evidence on the consent it proves).

/** The rep and the organisation's legal entity, to pre-fill a basis. */
export function basisDefaultsOf(settings: Settings | undefined): { repName?: string; entity?: string } {
  return { repName: settings?.rep.name ?? '', entity: settings?.organisation.legalName ?? '' };
}

/** The product catalogue's names and categories, when Settings has one. */
export function productSuggestionsOf(settings: Settings | undefined): ProductSuggestions {
  const catalogue = settings?.products ?? [];
  const uniq = (xs: Array<string | undefined>) => [...new Set(xs.map((x) => x?.trim()).filter((x): x is string => !!x))];
  return { names: uniq(catalogue.map((p) => p.name)), categories: uniq(catalogue.map((p) => p.category)) };
}

/** A fresh id for a basis, so its evidence can name it in the same step. */
export function newBasisId(): string {
  return crypto.randomUUID();
}

/**
 * Stores the note and file typed in with a basis, linked to it. Returns an error text when one could not be
 * stored (the basis itself is already saved: the page says so instead of pretending all went well).
 */
export async function saveEvidenceWithBasis(contactId: string, basisId: string, values: BasisValues, today: Date): Promise<string | undefined> {
  const ev = evidenceWithBasis(values, today);
  try {
    if (ev.note) await ask({ type: 'evidence/add-note', contactId, basisId, date: ev.note.date, title: ev.note.title, text: ev.note.text });
    if (ev.file) {
      const f = ev.file.file;
      await ask({
        type: 'evidence/add-file',
        contactId,
        basisId,
        date: ev.file.date,
        title: ev.file.title,
        fileName: f.name,
        mime: f.type || 'application/octet-stream',
        base64: await fileToBase64(f),
      });
    }
    return undefined;
  } catch (e) {
    return errorText(e);
  }
}
