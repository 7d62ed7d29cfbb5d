import type { Localized } from '../model/localized';

// Every team-sync failure a user can meet, in plain words (Dutch first). The status shows `message`,
// handlers turn it into a UserFacingError with the same code.

export type TeamErrorCode =
  | 'wrong-password'
  | 'unreachable'
  | 'permission-missing'
  | 'forbidden'
  | 'key-mismatch'
  | 'invalid-invite'
  | 'not-in-team'
  | 'not-found'
  | 'db-exists'
  | 'user-exists'
  | 'not-server-admin'
  | 'not-team-admin'
  | 'not-queued'
  | 'server-error';

const messages: Record<TeamErrorCode, Localized> = {
  'wrong-password': {
    nl: 'Verkeerde gebruikersnaam of wachtwoord voor de teamserver.',
    en: 'Wrong user name or password for the team server.',
  },
  unreachable: {
    nl: 'De teamserver is niet bereikbaar. Nieuwe items blijven bewaard en worden later verstuurd.',
    en: 'The team server cannot be reached. New entries are kept and sent later.',
  },
  'permission-missing': {
    nl: 'Outreach Guard heeft geen toegang tot de teamserver. Sta de toegang toe wanneer daarom gevraagd wordt.',
    en: 'Outreach Guard has no access to the team server. Allow access when asked.',
  },
  forbidden: {
    nl: 'De teamserver weigert dit voor uw account.',
    en: 'The team server refuses this for your account.',
  },
  'key-mismatch': {
    nl: 'De teamsleutel past niet bij deze teamdatabase. Vraag uw teamleider om een nieuwe uitnodigingscode.',
    en: 'The team key does not match this team database. Ask your team lead for a new invite code.',
  },
  'invalid-invite': { nl: 'Ongeldige uitnodigingscode.', en: 'invalid invite code' },
  'not-in-team': { nl: 'U bent nog geen lid van een team.', en: 'You are not in a team yet.' },
  'not-found': {
    nl: 'De teamdatabase bestaat niet op deze server.',
    en: 'The team database does not exist on this server.',
  },
  'db-exists': {
    nl: 'Er bestaat al een andere database met deze naam op de server. Kies een andere naam.',
    en: 'Another database with this name already exists on the server. Choose another name.',
  },
  'user-exists': { nl: 'Er bestaat al een account met deze naam.', en: 'An account with this name already exists.' },
  'not-server-admin': {
    nl: 'Dit account is geen beheerder van de server en kan geen teams of accounts aanmaken.',
    en: 'This account is not a server administrator and cannot create teams or accounts.',
  },
  'not-team-admin': {
    nl: 'Alleen een teamleider kan items intrekken.',
    en: 'Only a team lead can retract entries.',
  },
  'not-queued': {
    nl: 'Een niet-benaderen-melding is wel persoonlijk bewaard, maar kon niet voor het team klaargezet worden.',
    en: 'A do-not-contact entry was stored for you, but could not be queued for the team.',
  },
  'server-error': { nl: 'De teamserver gaf een fout.', en: 'The team server returned an error.' },
};

export class TeamSyncError extends Error {
  readonly localized: Localized;
  constructor(
    readonly code: TeamErrorCode,
    /** technical detail for logs; never shown instead of the plain words */
    readonly detail?: string,
  ) {
    super(messages[code].en);
    this.name = 'TeamSyncError';
    this.localized = messages[code];
  }
}

export function plainWords(code: TeamErrorCode): Localized {
  return messages[code];
}
