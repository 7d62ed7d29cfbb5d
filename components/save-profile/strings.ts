// Dutch first, English second (the browser's language decides; issue #4).
export type SaveLang = 'nl' | 'en';

export const saveStrings = {
  nl: {
    open: 'Opslaan in mijn lijst',
    title: 'Opslaan in mijn lijst',
    noName: '(naam niet zichtbaar)',
    loading: 'Even kijken…',
    alreadySaved: 'Staat al in je lijst.',
    restricted:
      'Dit profiel beperkt wie het mag zien. Outreach Guard slaat het niet op: gegevens van afgeschermde profielen verzamelen mag niet (CNIL tegen Kaspr, 2024).',
    basisLegend: 'Grondslag',
    legitimate_interest: 'Gerechtvaardigd belang',
    consent: 'Toestemming',
    customer: 'Bestaande klant',
    contract_request: 'Offerteaanvraag',
    assessment: 'Belangenafweging',
    chooseAssessment: 'Kies een belangenafweging…',
    noAssessments: 'Er is nog geen belangenafweging. Maak er eerst een aan in de instellingen van Outreach Guard.',
    note: 'Notitie (waarom, waar vandaan)',
    minimal: 'We bewaren alleen naam, functie, bedrijf en profiel-URL, met herkomst "LinkedIn, met de hand" en de datum. Nooit contactgegevens.',
    save: 'Opslaan',
    saving: 'Opslaan…',
    cancel: 'Annuleren',
    saved: 'Opgeslagen in je lijst.',
    failed: 'Opslaan is niet gelukt: ',
    statusFailed: 'Outreach Guard kon niet controleren of dit profiel al in je lijst staat: ',
    unavailable: 'Opslaan werkt niet op deze pagina: ',
  },
  en: {
    open: 'Save to my list',
    title: 'Save to my list',
    noName: '(name not shown)',
    loading: 'Checking…',
    alreadySaved: 'Already in your list.',
    restricted:
      'This profile limits who may see it. Outreach Guard will not save it: collecting restricted profiles is not allowed (CNIL v. Kaspr, 2024).',
    basisLegend: 'Lawful basis',
    legitimate_interest: 'Legitimate interest',
    consent: 'Consent',
    customer: 'Existing customer',
    contract_request: 'Quote request',
    assessment: 'Legitimate-interest assessment',
    chooseAssessment: 'Choose an assessment…',
    noAssessments: 'There is no assessment yet. Create one in Outreach Guard\u2019s settings first.',
    note: 'Note (why, where from)',
    minimal: 'Only name, headline, company and profile URL are kept, with the source "LinkedIn, by hand" and the date. Never contact details.',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    saved: 'Saved to your list.',
    failed: 'Could not save: ',
    statusFailed: 'Outreach Guard could not check whether this profile is already in your list: ',
    unavailable: 'Saving does not work on this page: ',
  },
} as const satisfies Record<SaveLang, Record<string, string>>;

export function saveLangOf(locale: string | undefined): SaveLang {
  return locale?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}
