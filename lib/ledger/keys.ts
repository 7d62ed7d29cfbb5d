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
