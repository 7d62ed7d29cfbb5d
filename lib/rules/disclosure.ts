// First-contact texts of docs/research/legal-rules.md §4.4, generated from the organisation's settings and the contact's
// source. The generated text must pass the engine's own draft checks (tests/unit/rules/disclosure.test.ts).

export interface DisclosureSettings {
  /** the controller's legal name, e.g. "Acme B.V." */
  legalName: string;
  /** an e-mail address or phone number where people can reach the controller */
  contact: string;
  privacyUrl: string;
  /** how to opt out: reply "stop", or a link, or an e-mail address */
  optOut: { method: 'reply' } | { method: 'link'; url: string } | { method: 'email'; address: string };
  /** the DPO's contact, when one is appointed (Art. 14(1)(b)) */
  dpo?: string;
  /** what the message is about, e.g. "onze planningssoftware" / "our planning software" */
  product: string;
}

export interface DisclosureSource {
  kind: 'company_website' | 'linkedin' | 'referral' | 'kvk' | 'event' | 'data_subject' | 'other';
  /** the company (website), the referrer, the event, or a free description */
  detail?: string;
}

export type DisclosureBasis = 'legitimate_interest' | 'consent' | 'customer';

/** What the organisation must have filled in before any notice can be written. */
export type NoticeSetting = 'legalName' | 'contact' | 'privacyUrl';

/**
 * The organisation details a notice cannot do without. Until all are there the guard inserts nothing (a notice
 * with "[company name]" in it would go to the recipient as is) and offers the first-run setup instead.
 */
export function missingForNotice(organisation: { legalName?: string; contact?: string; privacyUrl?: string }): NoticeSetting[] {
  return (['legalName', 'contact', 'privacyUrl'] as const).filter((k) => !organisation[k]?.trim());
}

/**
 * Where the contact's details came from (Art. 14(2)(f)), as a noun phrase that reads after "van"/"via" and
 * "from"/"via": the one wording of the source for the written notice, the call opening and the {source}
 * placeholder of a rep's own template, so the three cannot say different things.
 */
export function sourceNoun(source: DisclosureSource, lang: 'nl' | 'en'): string {
  const d = source.detail?.trim();
  const nl = lang === 'nl';
  switch (source.kind) {
    case 'company_website':
      return nl ? `de website van ${d || 'uw bedrijf'}` : `the website of ${d || 'your company'}`;
    case 'linkedin':
      return nl ? 'uw LinkedIn-profiel' : 'your LinkedIn profile';
    case 'referral':
      return d || (nl ? 'een relatie' : 'a contact');
    case 'kvk':
      // read aloud in a call too: no "(KvK)" in brackets
      return nl ? 'het Handelsregister van de KvK' : 'the Dutch Chamber of Commerce register';
    case 'event':
    case 'data_subject':
      // the person handed the details over themselves (Art. 13): say so, and where
      return nl ? `uzelf${d ? `, bij ${d}` : ''}` : `you${d ? `, at ${d}` : ''}`;
    default:
      return d || (nl ? 'een openbare bron' : 'a public source');
  }
}

/** The notice's source sentence: the verb and preposition that fit each kind around sourceNoun. */
function sourceSentence(source: DisclosureSource, lang: 'nl' | 'en'): string {
  const noun = sourceNoun(source, lang);
  if (lang === 'nl') {
    switch (source.kind) {
      case 'company_website':
      case 'linkedin':
      case 'kvk':
        return `Ik vond uw gegevens op ${noun}.`;
      case 'referral':
        return `Ik kreeg uw gegevens via ${noun}, die u aan mij voorstelde.`;
      case 'event':
      case 'data_subject':
        return `Ik kreeg uw gegevens van ${noun}.`;
      default:
        return `Ik vond uw gegevens via ${noun}.`;
    }
  }
  switch (source.kind) {
    case 'company_website':
    case 'linkedin':
    case 'kvk':
      return `I found your details on ${noun}.`;
    case 'referral':
      return `I got your details through ${noun}, who introduced you to me.`;
    case 'event':
    case 'data_subject':
      return `I got your details from ${noun}.`;
    default:
      return `I found your details via ${noun}.`;
  }
}

function optOutPhrase(s: DisclosureSettings, lang: 'nl' | 'en'): string {
  const o = s.optOut;
  if (lang === 'nl') {
    if (o.method === 'link') return `Geen berichten meer? Antwoord "stop" of klik ${o.url}.`;
    if (o.method === 'email') return `Geen berichten meer? Antwoord "stop" of mail naar ${o.address}.`;
    return 'Geen berichten meer? Antwoord "stop".';
  }
  if (o.method === 'link') return `Don't want messages from us? Reply "stop" or unsubscribe at ${o.url}.`;
  if (o.method === 'email') return `Don't want messages from us? Reply "stop" or e-mail ${o.address}.`;
  return `Don't want messages from us? Reply "stop".`;
}

/**
 * The §4.4 first-layer notice (Art. 13/14 essentials plus the separate Art. 21 paragraph). `basis`: the one
 * the register holds; null when it holds none — the notice then names no basis rather than claim one.
 */
export function generateDisclosure(
  settings: DisclosureSettings,
  source: DisclosureSource,
  lang: 'nl' | 'en',
  basis: DisclosureBasis | null = 'legitimate_interest',
): string {
  const { legalName, contact, privacyUrl, product, dpo } = settings;
  if (lang === 'nl') {
    const basisText =
      basis === 'consent'
        ? ', op basis van uw toestemming'
        : basis === 'customer'
          ? ', omdat u klant bij ons bent'
          : basis === 'legitimate_interest'
            ? ', op basis van ons gerechtvaardigd belang'
            : '';
    const lines = [
      `Waarom u dit bericht krijgt: ${sourceSentence(source, 'nl')} ${legalName}, ${contact}, gebruikt uw naam en zakelijke contactgegevens om u te informeren over ${product}${basisText}.`,
      `Meer informatie en uw rechten (o.a. inzage, verwijdering, klacht bij de Autoriteit Persoonsgegevens): ${privacyUrl}.` +
        (dpo ? ` Functionaris gegevensbescherming: ${dpo}.` : '') +
        (basis === 'consent' ? ' U kunt uw toestemming altijd intrekken.' : ''),
      '',
      `${optOutPhrase(settings, 'nl')} U kunt altijd en kosteloos bezwaar maken tegen direct marketing; wij stoppen dan direct.`,
    ];
    return lines.join('\n');
  }
  const basisText =
    basis === 'consent'
      ? ', based on your consent'
      : basis === 'customer'
        ? ', because you are our customer'
        : basis === 'legitimate_interest'
          ? ', based on our legitimate interest'
          : '';
  const lines = [
    `Why you're receiving this: ${sourceSentence(source, 'en')} ${legalName}, ${contact}, uses your name and business contact details to tell you about ${product}${basisText}.`,
    `Details and your rights (access, erasure, complaint to your data protection authority): ${privacyUrl}.` +
      (dpo ? ` Data protection officer: ${dpo}.` : '') +
      (basis === 'consent' ? ' You can withdraw your consent at any time.' : ''),
    '',
    `${optOutPhrase(settings, 'en')} You can object to direct marketing at any time, free of charge, and we will stop.`,
  ];
  return lines.join('\n');
}

export interface CallOpeningInput {
  callerName: string;
  legalName: string;
  /** what the call is about */
  purpose: string;
  source: DisclosureSource;
  lang: 'nl' | 'en';
}

/** The §4.4 phone opening: who calls for which company, the purpose, where the number came from, the right to object. */
export function generateCallOpening({ callerName, legalName: name, purpose, source, lang }: CallOpeningInput): string {
  const legalName = name.replace(/\.+$/u, ''); // "Acme B.V." + "." must not read "B.V.."

  if (lang === 'nl') {
    return [
      `Goedemiddag, u spreekt ${callerName} van ${legalName}.`,
      `Ik bel over ${purpose}.`,
      `Uw nummer heb ik van ${sourceNoun(source, 'nl')}.`,
      'Als u niet meer door ons gebeld wilt worden, zegt u het gerust, dan noteren we dat direct.',
      'U kunt altijd bezwaar maken tegen direct marketing.',
      'Wilt u dat ik de privacy-informatie even mail?',
    ].join(' ');
  }
  return [
    `Good afternoon, this is ${callerName} from ${legalName}.`,
    `I'm calling about ${purpose}.`,
    `I got your number from ${sourceNoun(source, 'en')}.`,
    "If you'd rather not be called by us again, just say so and we'll note it straight away.",
    'You can object to direct marketing at any time.',
    'Shall I e-mail you our privacy information?',
  ].join(' ');
}
