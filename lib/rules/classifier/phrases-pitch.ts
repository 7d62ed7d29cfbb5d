import type { PhraseFamily } from './phrase-family';

// The pitch side of the message model's phrase families (lib/rules/classifier/phrases.ts joins both sides, in
// this order: a family's place is part of the weights file).

const AMOUNT = '(?:€|eur|euro|\\$|£)\\s?\\d';

export const PITCH_FAMILIES: readonly PhraseFamily[] = [
  // ---- what a pitch is made of
  {
    id: 'nl.offer',
    label: 'aanbieding',
    side: 'pitch',
    patterns: [
      '\\bgratis\\b', '\\baanbod\\b',
      'aanbieding', 'korting', '\\bactie(s|prijs)?\\b', '\\bpromotie', 'voordeel\\b',
      'vroegboek', 'introductiekorting', 'geld terug', 'halve (prijs|tarief)', 'maanden gratis', 'maand gratis',
      'gratis (check|scan|dakscan|proef|account|installatie|werkplek|toegang|jaarabonnement|adviesgesprek|rapport|webinar)', 'profiteer',
      'exclusieve?', 'tijdelijk', 'alleen deze (maand|week)', 'eindejaarskorting', 'zomerkorting', 'scherpe offerte',
    ],
  },
  {
    id: 'en.offer',
    label: 'offer',
    side: 'pitch',
    patterns: [
      '\\boffers?\\b', 'discount', '\\bdeals?\\b', '\\bpromo\\b', '(special|current|our|this) promotion', '\\d+ ?% off', 'months? (free|on us)', 'first month on us',
      'free (trial|pilot|assessment|audit|samples?|month|copy|guide|seo|spend)', 'for free\\b', 'free for (the first|your first|\\d|one|two|three|six)', 'months? free', '\\bcode [a-z]+\\d+', 'early[- ]bird',
      'special (offer|upgrade|price|deal)', 'exclusive', 'giving away', 'no minimum order', 'lock in', 'save €',
    ],
  },
  {
    id: 'nl.price',
    label: 'prijs',
    side: 'pitch',
    patterns: [
      '(al )?vanaf ' + AMOUNT, 'per (maand|gebruiker|monteur|werkplek|jaar)\\b', '\\btarie(f|ven)\\b', '\\bprijs\\b', 'prijzen', 'prijslijst',
      'uurprijs', 'scherp(e)? (prijs|tarief|prijzen)', 'goedkoper', 'vast bedrag', 'all-in', 'voor een vast',
    ],
  },
  {
    id: 'en.price',
    label: 'price',
    side: 'pitch',
    patterns: ['from ' + AMOUNT, 'per (user|seat|month|cup|meeting)\\b', '\\bpric(e|es|ing)\\b', '\\brates\\b', 'fee(s)?\\b', 'flat (monthly )?fee'],
  },
  {
    id: 'nl.savings',
    label: 'besparen',
    side: 'pitch',
    patterns: [
      'bespa(ar|ren|ring)', 'kosten (flink )?(verlagen|omlaag)', '\\d+% (minder|meer|sneller|goedkoper|extra)',
      'meer (klanten|leads|omzet|resultaat)', 'gevulde agenda', 'efficiënter', 'uur per week',
    ],
  },
  {
    id: 'en.savings',
    label: 'save',
    side: 'pitch',
    patterns: [
      '\\bsav(e|es|ing|ings)\\b', 'cut (costs|admin|hiring|your|onboarding)', 'reduc(e|es|ing) (your|fuel|costs|downtime|warehouse)', 'lower costs', '\\broi\\b',
      'double(d)? (their|your)', 'halve', 'in half', '\\d+x\\b', 'hours (a|per) (week|month)', 'do more with less',
    ],
  },
  {
    id: 'nl.meet_cta',
    label: 'kennismaken',
    side: 'pitch',
    patterns: [
      'zal ik (een|de) demo', 'demo inplannen',
      '\\bdemo\\b', 'kennismak', 'kennismakingsgesprek', 'vrijblijvend', 'even bellen', 'kort gesprek', 'sparren',
      'mag ik (u|je|jou) (volgende week |deze week |donderdag |een keer )?(even )?bellen', 'zullen we (eens|een|even)', 'inspiratie(sessie|call|dag)',
      'adviesgesprek', 'een rondleiding', 'langs (te )?komen om', 'laat (het )?(u|je|jou) (graag )?(zien|kennismaken)', 'in \\d+ minuten',
      'half uurtje', 'kennismakingscall', 'bijpraten over wat', 'voor (jullie|u|je) (kunnen|kan) doen',
    ],
  },
  {
    id: 'en.meet_cta',
    label: 'book a call',
    side: 'pitch',
    patterns: [
      '\\bdemo\\b', '(quick|short|brief|intro|15[- ]minute|20[- ]minute) call', '\\d+ ?min(ute)?s\\b', 'hop on', 'book (a|you|your)', 'set up a (call|chat)',
      'worth a (quick )?(chat|look|call)', 'a (quick )?chat\\b', 'grab (a )?coffee', 'explore (synergies|the value|a partnership)?', 'show you how',
      'see (it|how|if) .{0,30}(work|fit|action|help)', 'let\'s (sync|talk|chat)', 'quick sync', 'drop by',
    ],
  },
  {
    id: 'nl.we_help',
    label: 'wij helpen',
    side: 'pitch',
    patterns: [
      'hulp (zoeken|nodig)', 'weet (u|je) (mij|me|ons) te vinden', '\\bmodule\\b', 'hebben we (nu )?ook', 'wij hebben (een|nu)',
      '(wij|we|ik) help(en)? ', 'helpt (bedrijven|ondernemers|organisaties)', 'onze klanten (zien|besparen|zijn)', 'kunnen betekenen', 'oplossing(en)?\\b',
      'gespecialiseerd in', 'specialist in', 'wij (leveren|bieden|verzorgen|organiseren|maken|regelen|nemen|zijn een|doen)', 'ik (leg|help|werk met|ben freelance)',
      'ons (aanbod|assortiment|pakket|beheerpakket)', 'onze (aanpak|diensten|dienst|software|tool|app|cursus|trainingen|producten)', 'ons (product|platform|bureau)',
      'onze [a-z]+(app|tool|software|dienst)\\b', 'we doen (de|het|ook|al)', 'wij (drukken|installeren|plaatsen|bouwen|doen)', 'zzp-?[a-z]+', 'freelance',
      'artikel dat (we|wij|ik)', 'whitepaper', 'e-?book', 'kom (gerust |eens )?langs', 'open (dag|huis)', 'showroom', 'collectie', 'wij werken met', 'ik werk (voor|met)', 'aan de slag voor',
    ],
  },
  {
    id: 'en.we_help',
    label: 'we help',
    side: 'pitch',
    patterns: [
      'love to (help|show)', 'our [a-z]+ (make|makes|help|helps|cut|cuts|save|saves)',
      '(we|i) help ', 'helps? (b2b|companies|teams|firms|finance|hr|new|agencies)', 'we\'ve (helped|built|been working)', 'we (offer|provide|supply|build|make|install|run|translate|specialise|buy|bring|are a|\'re a|can beat|can start|can have|can do)',
      'i (run|lead|work with|\'m a freelance|am a freelance|have (two|an?|something))', 'our (product|platform|software|tool|solution|service|services|team can|clients|consultants|training|expense|analytics|invoicing|compliance|telematics|fin|treasury|pension)',
      'our [a-z]+ (app|tool|platform|software|service)\\b', 'i place', 'freelance', '(we\'re|we are) the (team|people|company) behind', 'open day', 'showroom',
      'in stores', '(salary|buyer\'?s?|pricing) guide', 'whitepaper', 'e-?book', 'forward this to', 'whoever (handles|is in charge)', 'proposal for', 'move to (pro|premium|business)', 'solutions?\\b', 'could help', 'can help', 'empower', 'we (just )?(launched|published)',
    ],
  },
  {
    id: 'nl.available',
    label: 'als je iets nodig hebt',
    side: 'pitch',
    patterns: [
      'mocht(en)? (je|jij|u|jullie) .{0,50}nodig hebben', 'extra handen', 'heb(ben)? (in [a-z]+ )?nog (tijd|ruimte|plek)', 'bel (me|mij|ons) gerust', 'neem gerust contact',
      'laat (het )?(maar )?weten als (je|u|jullie) .{0,30}(nodig|zoekt)', 'even binnenlopen', 'langskomen',
    ],
  },
  {
    id: 'en.available',
    label: 'if you ever need',
    side: 'pitch',
    patterns: [
      'if you (ever )?need', 'let me know if you (ever )?(need|want|are looking)', 'need a hand', 'happy to (swing|drop|pop) by', 'feel free to (call|reach|get in touch)',
      'give (me|us) a (call|shout|ring)', 'sorry to bother', 'thinking about (new|a new|switching|changing)',
    ],
  },
  {
    id: 'nl.interest',
    label: 'interesse?',
    side: 'pitch',
    patterns: ['interesse\\b', 'zin (in|om)', 'benieuwd of', 'openstaan voor', 'open (staan|staat) voor', 'open voor', 'geïnteresseerd', 'past dat bij', 'interessant (is|voor)', 'wat vind je ervan'],
  },
  {
    id: 'en.interest',
    label: 'interested?',
    side: 'pitch',
    patterns: ['interested', 'open to', 'keen', 'would it make sense', 'would you (like|be up for)', 'worth it', 'thoughts\\?', 'make sense to', 'fancy', 'want (me to|one|to see)', 'resonates'],
  },
  {
    id: 'nl.send_info',
    label: 'informatie sturen',
    side: 'pitch',
    patterns: [
      'treft u onze', 'ons volledige',
      '(zal|mag) ik (u|je|jou) .{0,40}(sturen|toesturen|mailen)', 'stuur (ik )?(u|je) (graag|vrijblijvend)', 'brochure', 'voorstel (op maat|maken|sturen)',
      'offerte op maat', 'profielen', 'proefaccount', 'proefperiode', 'vraag (vandaag|nu|direct)? ?(een|uw)', 'plan (vandaag|direct|nu)', 'meld (u|je) (nu )?aan',
      'bekijk (de|onze|ons)', 'start direct',
    ],
  },
  {
    id: 'en.send_info',
    label: 'send you details',
    side: 'pitch',
    patterns: [
      'sign you up', 'want me to', 'glad to show', 'here\'s my portfolio',
      '(shall|can|could|may) i (send|share|show|set you up|book|reserve|put)', 'happy to (share|show|walk)', 'send (over|you) (the|our|a)', 'catalogue', 'brochure', 'portfolio',
      'try it', 'start (a|your) (free )?trial', 'sign up', 'get (a|your) (free )?(quote|copy|month)', 'download (it|the|our) (free|guide|e-?book|whitepaper|report|app|checklist)', 'early access', 'reply (to (this email )?)?(to book|with your)', 'book your',
    ],
  },
  {
    id: 'nl.launch',
    label: 'nieuw product',
    side: 'pitch',
    patterns: ['gelanceerd', 'nieuwe? (product|module|app|versie van|locatie|cursus|aanpak|producten)', 'nu (ook|beschikbaar)', 'nieuwste', 'binnenkort'],
  },
  {
    id: 'en.launch',
    label: 'new product',
    side: 'pitch',
    patterns: ['launch', 'introducing', 'now (available|offer)', 'new (feature|module|reporting|product|range|annual plan|supplier)', 'just (launched|published|built)', 'upgrade (to|your|now|today)', '(an|free) upgrade'],
  },
  {
    id: 'nl.upsell',
    label: 'overstappen',
    side: 'pitch',
    patterns: ['overstap', 'stap (nu )?over', 'upgrade (naar|nu)', 'upgraden', 'uitbreiden met', 'verlengt u', 'als (klant|abonnee)', 'bestaande klanten'],
  },
  {
    id: 'en.upsell',
    label: 'switch',
    side: 'pitch',
    patterns: ['switch(ing)? (to|from|over)', 'existing customers', 'as a (loyal )?customer', 'for (crm )?customers', 'renewal discount', 'move (you|to)', 'extend for'],
  },
  {
    id: 'nl.urgency',
    label: 'tot eind van de maand',
    side: 'pitch',
    patterns: ['(tot|voor) (1|31|eind|het eind)\\b.{0,12}(juni|juli|mei|maart|april|augustus|van de maand|maand)', 'nog (maar )?(een paar|\\d) (data|plekken)', 'laatste kans', 'op = op', 'nu vastleggen', 'vandaag nog', 'deze maand'],
  },
  {
    id: 'en.urgency',
    label: 'limited time',
    side: 'pitch',
    patterns: ['limited', 'last chance', 'ends (on )?(friday|soon|this)', 'before (the end|friday|june|31|1 )', 'valid until', 'this (month|quarter|spring)', 'until (30|31) '],
  },
  {
    id: 'buzzwords',
    label: 'buzzwords',
    side: 'pitch',
    patterns: [
      'ai-(powered|driven)', 'data-(driven|gedreven)', 'seamless', 'best-in-class', 'end-to-end', 'synerg', 'next[- ](level|gen)', 'game-changing', 'future-proof', 'schaalba',
      'scalable', 'holisti', 'omnichannel', 'leverage', 'unlock', 'hyper-', '\\bagile', 'go-to-market', 'enablement', 'pipeline', 'funnel', 'growth',
      'frictionless', 'cloud-native', 'fast-paced', 'forward-thinking', 'at scale', 'customer journey', 'conversion',
    ],
  },
  // ---- the disguises of a pitch
  {
    id: 'nl.bump',
    label: 'even checken',
    side: 'pitch',
    patterns: [
      'even checken', 'mijn (vorige|laatste) (mail|bericht)', '(mijn|ons) bericht van', 'vorige week stuurde ik', 'laatste poging',
      'laatste bericht', 'al nagedacht', 'al (tijd|naar) .{0,20}kijken', 'nog steeds benieuwd', 'hoe staat het ervoor', 'nog even over', 'heb je .{0,20}gezien', 'paar keer gemaild',
    ],
  },
  {
    id: 'en.bump',
    label: 'following up',
    side: 'pitch',
    patterns: [
      'right time', 'later this year',
      'circling back', 'bump', 'checking in', 'my (last|previous) (email|note|message)', 'my note', 'didn\'t get lost', 'haven\'t heard back',
      'did you get a chance', 'any thoughts', 'still (worth|keen)', 'top of your inbox', 'reconnect',
    ],
  },
  {
    id: 'nl.cold_question',
    label: 'korte vraag',
    side: 'pitch',
    patterns: [
      'korte vraag', 'snelle vraag', 'vraagje', 'wie (is|gaat) (er )?bij jullie', 'verantwoordelijk voor (de )?inkoop', 'juiste persoon', 'hoe regelen jullie',
      'gebruiken jullie (al|nog)', 'plannen jullie', 'hoeveel (tijd|uur)', 'wist u dat', 'bent u tevreden', 'weet u zeker', 'loopt uw',
    ],
  },
  {
    id: 'en.cold_question',
    label: 'quick question',
    side: 'pitch',
    patterns: [
      'quick (question|q)\\b', 'one question', 'who (handles|looks after|on your team)', 'right person', 'how are you handling', 'still (using|running)',
      'curious', 'if you could', 'are you the', 'what\'s your biggest',
    ],
  },
  {
    id: 'nl.referral',
    label: 'via een bekende',
    side: 'pitch',
    patterns: ['gaf aan dat jullie', 'raadde (me|mij|ons) aan', 'kreeg (je|uw) naam', 'aanbevolen door', 'doorverwezen door', 'dacht dat (het|wij)'],
  },
  {
    id: 'en.referral',
    label: 'referral',
    side: 'pitch',
    patterns: ['suggested i', 'mentioned you', 'mentioned you\'re', 'recommended (i|me|that)', 'referred (me|by)', 'thought (our|you|it)'],
  },
  {
    id: 'nl.survey',
    label: 'enquête',
    side: 'pitch',
    patterns: ['enquête', 'onderzoek (onder|naar)', 'benchmark', 'vragen beantwoorden', '\\d vragen', 'maakt (u |je )?kans', 'uw mening'],
  },
  {
    id: 'en.survey',
    label: 'survey',
    side: 'pitch',
    patterns: ['survey', '\\bpoll\\b', 'benchmark', 'value your input', 'in return', 'collecting answers'],
  },
  {
    id: 'nl.event',
    label: 'webinar',
    side: 'pitch',
    patterns: ['webinar', 'masterclass', 'klantendag', 'evenement'],
  },
  {
    id: 'en.event',
    label: 'webinar',
    side: 'pitch',
    patterns: ['webinar', 'masterclass', 'summit', 'tickets?\\b', 'dinner for', 'sponsored by'],
  },
];
