// The hold dialog's words, Dutch first. Findings bring their own nl/en text from the rules engine.

export type Lang = 'nl' | 'en';

const nl = {
  titleBlock: 'Dit bericht wordt tegengehouden',
  titleWarn: 'Controleer dit bericht voor verzending',
  titleFailed: 'Kon niet controleren',
  titleChecking: 'Bezig met controleren…',
  titleClear: 'Alles in orde',
  failedBody: 'Outreach Guard kon dit bericht niet controleren. Toch versturen, met een reden?',
  failedBodyNotSent: 'Outreach Guard kon dit bericht niet controleren en heeft het niet verstuurd.',
  ownerUnknownHint: 'Het was niet te zien bij welk concept deze verzendoptie hoort. Open de verzendopties opnieuw vanuit het concept zelf.',
  resendFailed: 'het bericht is niet verstuurd — druk nogmaals op Verzenden.',
  clearBody: 'Na je aanpassing is er geen bezwaar meer. Je kunt nu versturen.',
  aboutMessage: 'Over het bericht zelf',
  unknownContact: 'niet in je register',
  weakMatch: 'alleen op naam herkend — controleer of dit dezelfde persoon is',
  legalBasis: 'Grondslag',
  cancel: 'Annuleren',
  insertDisclosure: 'Kennisgeving invoegen',
  recordBasis: 'Grondslag vastleggen',
  doNotContact: 'Niet meer benaderen',
  sendAnyway: 'Toch versturen',
  confirmSendAnyway: 'Versturen en vastleggen',
  removeRecipient: 'Deze ontvanger verwijderen',
  recheck: 'Opnieuw controleren',
  send: 'Versturen',
  reasonLabel: 'Waarom verstuur je dit toch? (komt in het auditlogboek)',
  reasonTooShort: 'Geef een reden van minstens 3 tekens.',
  recordBasisHint: 'Leg de grondslag vast in het venster dat is geopend en kies dan "Opnieuw controleren".',
  actionFailed: 'Dat lukte niet:',
  dialogLabel: 'Outreach Guard',
};

const en: typeof nl = {
  titleBlock: 'This message is held',
  titleWarn: 'Check this message before sending',
  titleFailed: 'Could not check',
  titleChecking: 'Checking…',
  titleClear: 'All clear',
  failedBody: 'Outreach Guard could not check this message. Send anyway, with a reason?',
  failedBodyNotSent: 'Outreach Guard could not check this message and did not send it.',
  ownerUnknownHint: 'It was not clear which draft this send option belongs to. Open the send options again from the draft itself.',
  resendFailed: 'the message was not sent — press Send again.',
  clearBody: 'After your change nothing stands in the way. You can send now.',
  aboutMessage: 'About the message itself',
  unknownContact: 'not in your ledger',
  weakMatch: 'matched by name only — check that this is the same person',
  legalBasis: 'Legal basis',
  cancel: 'Cancel',
  insertDisclosure: 'Insert disclosure',
  recordBasis: 'Record a basis',
  doNotContact: 'Do not contact',
  sendAnyway: 'Send anyway',
  confirmSendAnyway: 'Send and record',
  removeRecipient: 'Remove this recipient',
  recheck: 'Check again',
  send: 'Send',
  reasonLabel: 'Why are you sending this anyway? (goes into the audit log)',
  reasonTooShort: 'Give a reason of at least 3 characters.',
  recordBasisHint: 'Record the basis in the window that opened, then choose "Check again".',
  actionFailed: 'That did not work:',
  dialogLabel: 'Outreach Guard',
};

export const strings: Record<Lang, typeof nl> = { nl, en };

/** Dutch for a Dutch browser, English otherwise. */
export function langOf(language: string | undefined): Lang {
  return (language ?? '').toLowerCase().startsWith('nl') ? 'nl' : 'en';
}
