import type { PhraseFamily } from './phrase-family';

// The service side of the message model's phrase families: logistics, invoices, support and personal messages
// (lib/rules/classifier/phrases.ts joins both sides after the pitch side).

export const SERVICE_FAMILIES: readonly PhraseFamily[] = [
  // ---- what service, logistics and personal messages are made of
  {
    id: 'nl.invoice',
    label: 'factuur',
    side: 'service',
    patterns: [
      '(uw|je|jullie) bestelling', 'verzonden',
      'factu(u|r)r', 'betaling', 'herinnering', 'openstaand', 'staat nog open', 'creditnota', 'incasso', 'overmaken', 'vervaldatum', 'debiteur', 'aanmaning',
      'btw', 'o\\.v\\.v\\.', 'betaalrun', 'teruggestort', 'bankrekening', '\\bnl\\d\\d ?[a-z]{4}', 'administratie', 'jaaroverzicht',
    ],
  },
  {
    id: 'en.invoice',
    label: 'invoice',
    side: 'service',
    patterns: [
      '(your|the) order', 'shipped', 'delivered','invoice', 'payment', 'overdue', 'receipt', 'refund', 'direct debit', 'bank (details|account)', 'vat number', 'outstanding', 'billing', 'payable', 'charged?'],
  },
  {
    id: 'nl.logistics',
    label: 'afspraak',
    side: 'service',
    patterns: [
      'parkeer', 'parkeren', 'receptie', '\\broute\\b', 'verdieping', '\\bzaal\\b', 'vergaderruimte', 'vertraging', 'later\\b', 'verzetten', 'afzeggen', 'afspraak',
      'agenda', 'teams-?(uitnodiging|link)', '\\btrein\\b', 'lunch', 'tot (morgen|dinsdag|maandag|woensdag|donderdag|vrijdag|dan|zo)', 'kenteken', 'locatie',
      'om \\d{1,2}(:\\d\\d| uur)', 'schikken', 'past dat', 'datum',
    ],
  },
  {
    id: 'en.logistics',
    label: 'meeting',
    side: 'service',
    patterns: [
      'parking', 'reception', 'directions', '\\bfloor\\b', '\\broom\\b', 'late\\b', 'resched', 'move (it|our)', 'cancel', 'dial-in', 'zoom', 'teams link', 'passcode', 'badge', 'photo id',
      '\\btram\\b', 'lunch', 'dietary', 'see you (then|soon|there|monday|tomorrow)', 'speak (monday|tomorrow|then)', 'same (time|link)', '\\d{1,2}(:\\d\\d)? ?(am|pm)\\b', 'our (catch-up|session|call|meeting)',
      'works for me',
    ],
  },
  {
    id: 'nl.as_agreed',
    label: 'zoals afgesproken',
    side: 'service',
    patterns: [
      'zoals (afgesproken|besproken|beloofd|gevraagd)', 'op (uw|je) verzoek', 'naar aanleiding van (uw|je|ons)', '(je|u) vroeg', 'waar (je|u) (om|naar) vroeg', '(uw|je) (aanvraag|vraag)',
      'dank voor (je|uw) (aanvraag|reactie|mail|bericht|vraag)', 'die we .{0,20}afspraken', 'afgesproken', 'ons (gesprek|overleg|telefoongesprek)', 'gesproken', 'spraken',
    ],
  },
  {
    id: 'en.as_agreed',
    label: 'as agreed',
    side: 'service',
    patterns: [
      'as (agreed|discussed|promised|requested|you asked)', 'you asked', 'asked (for|about)', 'your (request|enquiry|question)', 'thanks for (your|the) (request|enquiry|call|time|message|reaching)',
      'following (your|our) (call|meeting)', 'we (agreed|discussed)', 'good question', 'for the \\d+ (licences|units|seats)', 'on the phone',
    ],
  },
  {
    id: 'nl.support',
    label: 'opgelost',
    side: 'service',
    patterns: [
      'gepland onderhoud', 'onderhoud (uit|aan onze)',
      'opgelost', 'verholpen', '\\bfix\\b', '\\bbug\\b', 'ticket', 'storing', 'probleem', 'wachtwoord', 'inlog', 'instellingen', 'handleiding', 'excuses',
      'ongemak', 'bijwerkt', 'ververst', 'niet (bereikbaar|beschikbaar)', 'noodnummer', 'toegevoegd', 'verlengd', 'beheerdersrol',
    ],
  },
  {
    id: 'en.support',
    label: 'fixed',
    side: 'service',
    patterns: [
      'scheduled (maintenance|downtime)',
      'fixed', 'resolved', '\\bissue\\b', '\\bbug\\b', 'password', 'reset', 'log ?in\\b', 'screenshot', 'the docs', 'error', 'root cause', 'outage', 'unavailable', 'downtime',
      'apologi[sz]e', 'inconvenience', 'sorry (for|about)', 'no (other )?action (is )?(needed|required)', 'certificate', 'record',
    ],
  },
  {
    id: 'nl.notice',
    label: 'wijziging',
    side: 'service',
    patterns: [
      'dringende zaken', 'terecht bij', 'bereikbaar op', 'intern','voorwaarden', 'opzeg', 'wijzig', 'gesloten', 'afwezig', 'vakantie', 'neemt .{0,30}over', 'indexatie', 'contract'],
  },
  {
    id: 'en.notice',
    label: 'notice',
    side: 'service',
    patterns: ['terms', 'notice', 'renews automatically', 'indexed', 'clause', 'removed', 'closed your account', 'request for access', 'personal data'],
  },
  {
    id: 'nl.condolence',
    label: 'gecondoleerd',
    side: 'service',
    patterns: ['gecondoleerd', 'condoleance', 'overlijden', 'overleden', 'verlies', 'sterkte', 'verdriet', 'verslagen', 'herstel', 'ongeluk', 'in gedachten',
      'deelneming', 'beterschap', 'ziekenhuis', 'heengaan', 'rust zacht', 'denken aan (je|jou|u|jullie)', 'nare (val|tijd|periode)'],
  },
  {
    id: 'en.condolence',
    label: 'condolences',
    side: 'service',
    patterns: ['condolence', 'sorry (to hear|for your loss)', 'so sorry', 'loss of', 'passed away', 'thoughts are with', 'thinking of you', 'recovery', 'sad news',
      'sympath', '(father|mother|husband|wife|dad|mum|mom|son|daughter|brother|sister|partner)\'s passing', 'sorry to learn', 'get well', 'saddened', 'sorry for your', 'rest in peace', '(will|is) (be )?(sorely |greatly )?missed', 'deepest'],
  },
  {
    id: 'nl.congrats',
    label: 'gefeliciteerd',
    side: 'service',
    patterns: [
      '(heel )?veel (succes|plezier)', 'succes (met|daar|gewenst)', 'mijlpaal', 'mooi(e)? nieuws', 'geniet', 'fijne samenwerking', 'trots',
      'dank voor (je|jullie|uw)','gefeliciteerd', 'felicit', 'van harte', 'proficiat', 'jubileum', 'verjaardag', 'hartelijk dank', 'bedankt voor', 'dank (je wel|voor de)',
      'nog bedankt', 'veel geluk', 'knap (gedaan|hoor)', 'goed gedaan', 'afscheid', 'laatste werkdag', 'met pensioen', 'fijne (feestdagen|vakantie|dag)',
      'gezond (nieuwjaar|\\d{4})', 'leuk (je|jou|u) (weer )?te (zien|spreken)', 'wat attent', 'nieuwe (baan|uitdaging)', 'welkom terug', 'gastvrijheid', 'meedenken', 'wat aan gehad', 'fijn samenwerken', 'prettige samenwerking'],
  },
  {
    id: 'en.congrats',
    label: 'congratulations',
    side: 'service',
    patterns: [
      'exciting times', 'fantastic', 'achievement', 'great news', 'proud', 'wow', 'feedback from','congrat', 'well done', 'well deserved', 'happy (birthday|work anniversary)', 'thank you for', 'thanks for (speaking|recommending)', 'wishing you', 'best wishes',
      'much appreciated', 'thanks (so much|a lot|again)', 'retirement', 'welcome back', 'impressive', '(the|your) promotion', 'new (job|role|position)',
      'great (talk|post|presentation|speech)', 'enjoyed (meeting|your|the)', 'pleasure working', 'happy (new year|holidays)', 'season\'s greetings', 'award'],
  },
  {
    id: 'nl.jobs',
    label: 'sollicitatie',
    side: 'service',
    patterns: ['sollicit', 'vacature', '\\bcv\\b', 'stage', 'kandidaten', 'recruitment', 'werkenbij'],
  },
  {
    id: 'en.jobs',
    label: 'application',
    side: 'service',
    patterns: ['appl(y|ied|ying|ication)', 'interview', '\\bcv\\b', 'careers page', 'internship', 'hiring manager', 'the role has'],
  },
  {
    id: 'nl.minutes',
    label: 'verslag',
    side: 'service',
    patterns: ['verslag', 'notulen', 'actiepunten', 'slides', 'vervolgstappen', 'bijlage', 'bijgaand', 'hierbij', 'getekend'],
  },
  {
    id: 'en.minutes',
    label: 'minutes',
    side: 'service',
    patterns: ['minutes', 'notes from', 'action points', 'next steps', 'slides', 'attached', 'specs', 'signed', 'dpa\\b', 'nda\\b'],
  },
  {
    id: 'nl.ack',
    label: 'prima, dank',
    side: 'service',
    patterns: ['^(prima|top|ok|oké|helder|klopt|ja|ontvangen|getekend|geen probleem|helemaal goed|haha)\\b', 'dank je', 'goed weekend', 'alles goed'],
  },
  {
    id: 'en.ack',
    label: 'thanks, got it',
    side: 'service',
    patterns: ['^(thanks|ok|sure|perfect|sounds good|will do|got (it|them)|yes|no worries|signed|ha)\\b', 'have a good', 'good luck', 'take care'],
  },
  {
    id: 'personal',
    label: 'persoonlijk',
    side: 'service',
    patterns: [
      'teamuitje', 'opruimen', 'class of', 'schools', 'moving to', 'collega\'s','dochter', 'zoon', 'alumni', 'scriptie', 'foto\'s van', 'beer', 'neighbourhood', 'hospital', 'ziek',
      'baby', 'bruiloft', 'marathon', 'little one', 'wedding', 'groetjes', 'cheers', 'koffie gedronken', 'owe you a'],
  },
];
