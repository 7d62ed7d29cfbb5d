import type { Contact } from './schema';

/** Every identity key a contact answers to (the shared convention of lib/identity/normalize.ts). */
export function keysOfContact(c: Pick<Contact, 'emails' | 'phones' | 'linkedin'>): string[] {
  return [
    ...c.emails.map((e) => `email:${e}`),
    ...c.phones.map((p) => `phone:${p}`),
    ...c.linkedin.memberIds.map((m) => `li-member:${m}`),
    ...c.linkedin.vanities.map((v) => `li-vanity:${v}`),
    ...c.linkedin.leadIds.map((l) => `li-lead:${l}`),
  ];
}

/** The contact without the identities whose keys are in `drop` (the other fields as they were). */
export function withoutKeys<T extends Pick<Contact, 'emails' | 'phones' | 'linkedin'>>(c: T, drop: ReadonlySet<string>): T {
  return {
    ...c,
    emails: c.emails.filter((e) => !drop.has(`email:${e}`)),
    phones: c.phones.filter((p) => !drop.has(`phone:${p}`)),
    linkedin: {
      ...c.linkedin,
      memberIds: c.linkedin.memberIds.filter((m) => !drop.has(`li-member:${m}`)),
      vanities: c.linkedin.vanities.filter((v) => !drop.has(`li-vanity:${v}`)),
      leadIds: c.linkedin.leadIds.filter((l) => !drop.has(`li-lead:${l}`)),
    },
  };
}
