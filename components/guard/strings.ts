import type { Problem } from './summary';

// The hold's words, Dutch first, in one voice: the rep is "je", the ledger is "je register". Findings bring
// their own nl/en text from the rules engine; these are the lines and buttons around them.

export type Lang = 'nl' | 'en';

export type Channel = 'email' | 'linkedin_dm' | 'linkedin_inmail' | 'linkedin_connect_note' | 'sms' | 'whatsapp' | 'call' | 'automated_call';

/** "1 ontvanger" / "2 ontvangers": the language's own plural rule picks the form. */
export function plural(lang: Lang, count: number, forms: { one: string; other: string }): string {
  const rule = new Intl.PluralRules(lang === 'nl' ? 'nl-NL' : 'en-GB').select(count);
  return (rule === 'one' ? forms.one : forms.other).replace('{n}', String(count));
}

const nl = {
  titleBlock: 'Dit bericht wordt tegengehouden',
  titleWarn: 'Controleer dit bericht voor verzending',
  titleFailed: 'Kon niet controleren',
  titleChecking: 'Bezig met controleren…',
  titleClear: 'Alles in orde',
  needAttention: { one: '{n} ontvanger vraagt aandacht', other: '{n} ontvangers vragen aandacht' },
  failedBody: 'Outreach Guard kon dit bericht niet controleren. Toch versturen, met een reden?',
  failedBodyNotSent: 'Outreach Guard kon dit bericht niet controleren en heeft het niet verstuurd.',
  ownerUnknownHint: 'Het was niet te zien bij welk concept deze verzendoptie hoort. Open de verzendopties opnieuw vanuit het concept zelf.',
  resendFailed: 'het bericht is niet verstuurd — druk nogmaals op Verzenden.',
  clearBody: 'Na je aanpassing is er geen bezwaar meer. Je kunt nu versturen.',
  aboutMessage: 'Over het bericht zelf',
  why: 'Waarom?',
  checked: 'Wat is gecontroleerd',
  ruleLine: 'Regel',
  unknownContact: 'niet in je register',
  weakMatch: 'alleen op naam herkend — controleer of dit dezelfde persoon is',
  setupNeeded: 'Outreach Guard is nog niet ingesteld: zonder je bedrijfsnaam, contactgegevens en privacylink kan er geen privacytekst in je bericht.',
  openSetup: 'Nu instellen',
  setupFirst: 'Eerst je organisatie instellen',
  cancel: 'Annuleren',
  editMessage: 'Bericht aanpassen',
  insertDisclosure: 'Privacytekst invoegen',
  sendAnyway: 'Toch versturen',
  confirmSendAnyway: 'Versturen en vastleggen',
  noOverride: 'Versturen kan niet: een bezwaar of een wisverzoek gaat altijd voor.',
  recheck: 'Opnieuw controleren',
  send: 'Versturen',
  justificationLabel: 'Waarom verstuur je dit toch?',
  justificationPick: 'Kies een reden…',
  reasonLabel: 'Toelichting (komt in het auditlogboek)',
  reasonPickFirst: 'Kies eerst een reden uit de lijst.',
  reasonTooShort: 'Schrijf een toelichting van minstens 3 tekens (alleen spaties telt niet).',
  recordBasisHint: 'Leg de grondslag vast in het venster dat is geopend en kies dan "Opnieuw controleren".',
  setupHint: 'Vul de instellingen in het venster dat is geopend in en kies dan "Opnieuw controleren".',
  actionFailed: 'Dat lukte niet:',
  dialogLabel: 'Outreach Guard',
  dncTitle: (name: string) => `${name} niet meer benaderen`,
  dncScope: 'Voor',
  dncScopes: { all: 'alle kanalen', email: 'alleen e-mail', phone: 'alleen telefoon', linkedin: 'alleen LinkedIn' },
  dncReason: 'Reden',
  dncReasons: ['Vroeg om niet meer benaderd te worden', 'Geen interesse', 'Werkt daar niet meer', 'Concurrent', 'Anders'],
  dncOther: 'Andere reden',
  dncConfirm: 'Op de lijst zetten',
  dncDone: (name: string, scope: string) => `${name} staat nu op je niet-benaderenlijst (${scope}).`,
  recordBasisFor: (name: string) => `Grondslag voor ${name} vastleggen`,
  removeName: (name: string) => `${name} verwijderen`,
  dncFor: (name: string) => `${name} niet meer benaderen`,
  channelPhrase: {
    email: 'per e-mail',
    linkedin_dm: 'via LinkedIn',
    linkedin_inmail: 'via LinkedIn',
    linkedin_connect_note: 'via LinkedIn',
    sms: 'per sms',
    whatsapp: 'via WhatsApp',
    call: 'per telefoon',
    automated_call: 'met een belcomputer',
  } as Record<Channel, string>,
  line: (problem: Problem, name: string, channel: string | undefined, title: string, setupNeeded: boolean): string => {
    switch (problem) {
      case 'objection':
        return `${name} heeft bezwaar gemaakt — niet versturen`;
      case 'withdrawn':
        return `${name} heeft de toestemming ingetrokken — niet versturen`;
      case 'erased':
        return `De gegevens van ${name} zijn gewist — niet versturen`;
      case 'company-objection':
        return `Het bedrijf van ${name} wil niet benaderd worden — niet versturen`;
      case 'register':
        return `${name} staat in een bel-me-niet-register — niet versturen`;
      case 'looks-like-objection':
        return `${name} lijkt op iemand die bezwaar maakte — niet versturen`;
      case 'unreadable':
        return `Het adres van ${name} is niet te lezen — haal de ontvanger weg en voeg hem opnieuw toe`;
      case 'unusable-data':
        return `De gegevens van ${name} mag je niet meer gebruiken`;
      case 'no-consent':
        return `Geen toestemming voor een aanbieding ${channel ?? 'in dit bericht'} aan ${name}`;
      case 'consent-proof':
        return `De toestemming van ${name} is niet aantoonbaar — leg het bewijs vast`;
      case 'no-basis':
        return `Nog geen grondslag voor ${name} in je register — leg die eerst vast`;
      case 'notice':
        return setupNeeded ? `${name} moet een privacytekst krijgen — stel eerst je organisatie in` : `${name} moet een privacytekst krijgen — voeg die in`;
      default:
        return `${name}: ${title}`;
    }
  },
};

const en: typeof nl = {
  titleBlock: 'This message is held',
  titleWarn: 'Check this message before sending',
  titleFailed: 'Could not check',
  titleChecking: 'Checking…',
  titleClear: 'All clear',
  needAttention: { one: '{n} recipient needs attention', other: '{n} recipients need attention' },
  failedBody: 'Outreach Guard could not check this message. Send anyway, with a reason?',
  failedBodyNotSent: 'Outreach Guard could not check this message and did not send it.',
  ownerUnknownHint: 'It was not clear which draft this send option belongs to. Open the send options again from the draft itself.',
  resendFailed: 'the message was not sent — press Send again.',
  clearBody: 'After your change nothing stands in the way. You can send now.',
  aboutMessage: 'About the message itself',
  why: 'Why?',
  checked: 'What was checked',
  ruleLine: 'Rule',
  unknownContact: 'not in your register',
  weakMatch: 'matched by name only — check that this is the same person',
  setupNeeded: 'Outreach Guard is not set up yet: without your company name, contact details and privacy link no privacy notice can go into your message.',
  openSetup: 'Set up now',
  setupFirst: 'Set up your organisation first',
  cancel: 'Cancel',
  editMessage: 'Edit the message',
  insertDisclosure: 'Insert the privacy notice',
  sendAnyway: 'Send anyway',
  confirmSendAnyway: 'Send and record',
  noOverride: 'Sending is not possible: an objection or an erasure request always comes first.',
  recheck: 'Check again',
  send: 'Send',
  justificationLabel: 'Why are you sending this anyway?',
  justificationPick: 'Pick a reason…',
  reasonLabel: 'Explanation (goes into the audit log)',
  reasonPickFirst: 'Pick a reason from the list first.',
  reasonTooShort: 'Write an explanation of at least 3 characters (spaces alone do not count).',
  recordBasisHint: 'Record the basis in the window that opened, then choose "Check again".',
  setupHint: 'Fill in the settings in the window that opened, then choose "Check again".',
  actionFailed: 'That did not work:',
  dialogLabel: 'Outreach Guard',
  dncTitle: (name) => `Do not contact ${name}`,
  dncScope: 'For',
  dncScopes: { all: 'all channels', email: 'e-mail only', phone: 'phone only', linkedin: 'LinkedIn only' },
  dncReason: 'Reason',
  dncReasons: ['Asked not to be contacted again', 'Not interested', 'No longer works there', 'Competitor', 'Other'],
  dncOther: 'Other reason',
  dncConfirm: 'Add to the list',
  dncDone: (name, scope) => `${name} is now on your do-not-contact list (${scope}).`,
  recordBasisFor: (name) => `Record a basis for ${name}`,
  removeName: (name) => `Remove ${name}`,
  dncFor: (name) => `Do not contact ${name}`,
  channelPhrase: {
    email: 'by e-mail',
    linkedin_dm: 'on LinkedIn',
    linkedin_inmail: 'on LinkedIn',
    linkedin_connect_note: 'on LinkedIn',
    sms: 'by text message',
    whatsapp: 'on WhatsApp',
    call: 'by phone',
    automated_call: 'by automated call',
  },
  line: (problem, name, channel, title, setupNeeded) => {
    switch (problem) {
      case 'objection':
        return `${name} objected — do not send`;
      case 'withdrawn':
        return `${name} withdrew their consent — do not send`;
      case 'erased':
        return `${name}'s details were erased — do not send`;
      case 'company-objection':
        return `${name}'s company does not want to be contacted — do not send`;
      case 'register':
        return `${name} is on a do-not-call register — do not send`;
      case 'looks-like-objection':
        return `${name} looks like someone who objected — do not send`;
      case 'unreadable':
        return `${name}'s address cannot be read — remove the recipient and add them again`;
      case 'unusable-data':
        return `You may no longer use ${name}'s details`;
      case 'no-consent':
        return `No consent for an offer ${channel ?? 'in this message'} to ${name}`;
      case 'consent-proof':
        return `${name}'s consent cannot be shown — record the evidence`;
      case 'no-basis':
        return `No legal basis for ${name} in your register yet — record one first`;
      case 'notice':
        return setupNeeded ? `${name} must get a privacy notice — set up your organisation first` : `${name} must get a privacy notice — insert it`;
      default:
        return `${name}: ${title}`;
    }
  },
};

export const strings: Record<Lang, typeof nl> = { nl, en };

/** Dutch for a Dutch browser, English otherwise (only until the rep's language setting is known). */
export function langOf(language: string | undefined): Lang {
  return (language ?? '').toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/**
 * A citation as a rep reads it: no research notes ("[V]"), no internal documents, and in English the
 * statutes' English names.
 */
export function citationText(citation: string | { nl: string; en: string }, lang: Lang): string | null {
  let text = typeof citation === 'string' ? citation : citation[lang];
  if (/\.md\b/i.test(text)) return null;
  text = text.replace(/\s*\[[^\]]*\]/g, '').trim();
  if (!text) return null;
  if (lang === 'en' && typeof citation === 'string') {
    text = text
      .replace(/\bAVG art\.\s*/g, 'GDPR Art. ')
      .replace(/\bAVG\b/g, 'GDPR')
      .replace(/\bTelecommunicatiewet art\.\s*/g, 'Dutch Telecommunications Act Art. ')
      .replace(/\bTw\b/g, 'Dutch Telecommunications Act')
      .replace(/\blid (\d+)-(\d+)/g, 'paras. $1–$2')
      .replace(/\blid (\d+)/g, 'para. $1')
      .replace(/\ben\b/g, 'and')
      .replace(/\bRichtsnoeren\b/g, 'Guidelines')
      .replace(/\bHvJ EU\b/g, 'CJEU');
  }
  return text;
}
