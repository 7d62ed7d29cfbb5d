import type { CsvField } from '../model/csv';

// Guesses which contact field a column header means, in Dutch and English, so that most files import
// without the user mapping anything.

const synonyms: [CsvField, RegExp][] = [
  ['firstName', /^(voornaam|first ?name|given ?name|roepnaam)$/],
  ['lastName', /^(achternaam|last ?name|surname|family ?name)$/],
  ['name', /^(naam|name|full ?name|volledige ?naam|contact|contactpersoon|contact ?name)$/],
  ['email', /^(e-?mail|e-?mail ?adres|email ?address|mail|e-?mailadres)$/],
  ['phone', /^(telefoon|telefoonnummer|tel\.?|phone|phone ?number|mobiel|mobile|gsm)$/],
  ['linkedin', /^(linkedin|linkedin ?url|linkedin ?profiel|linkedin ?profile|profiel)$/],
  ['company', /^(bedrijf|bedrijfsnaam|organisatie|company|company ?name|organisation|organization|firma)$/],
  ['domain', /^(domein|domain|website|web ?site|url)$/],
  ['legalForm', /^(rechtsvorm|legal ?form)$/],
  ['kvk', /^(kvk|kvk-?nummer|kvk ?nummer|coc|chamber of commerce)$/],
  ['country', /^(land|country|landcode|country ?code)$/],
  ['recipientKind', /^(soort|type ontvanger|recipient ?kind|kind)$/],
  ['source', /^(bron|herkomst|source)$/],
  ['obtainedAt', /^(verkregen ?op|datum verkregen|obtained|obtained ?at|datum|date)$/],
  ['basis', /^(grondslag|basis|lawful ?basis|rechtsgrond)$/],
  ['consentDate', /^(toestemming ?datum|datum ?toestemming|consent ?date)$/],
  ['notes', /^(notitie|notities|opmerking|opmerkingen|notes?|remarks?)$/],
];

export function guessField(header: string): CsvField {
  const h = header.trim().toLowerCase().replace(/[_]+/g, ' ').replace(/\s+/g, ' ');
  for (const [field, re] of synonyms) if (re.test(h)) return field;
  return 'ignore';
}

export function guessMapping(headers: readonly string[]): Record<string, CsvField> {
  return Object.fromEntries(headers.map((h) => [h, guessField(h)]));
}
