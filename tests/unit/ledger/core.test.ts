import { describe, expect, test } from 'vitest';
import { freshLedger } from './helpers';

const jan = { name: 'Jan Jansen', emails: ['Jan@Acme.nl'], phones: ['06 12345678'], linkedin: ['https://www.linkedin.com/in/jan-jansen/'] };

describe('service-worker wake-up', () => {
  test('a closed connection is reopened and the call retried', async () => {
    const ledger = freshLedger();
    await ledger.saveContact(jan);
    ledger.db.close();
    expect((await ledger.listContacts({})).total).toBe(1);
  });
});
