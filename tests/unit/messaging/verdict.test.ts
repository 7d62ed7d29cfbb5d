import { expect, test } from 'vitest';
import { channelSchema } from '@/lib/model/vocabulary';
import { lookupVerdictRequest } from '@/lib/messaging/verdict';

// The look-up's channels derive from the protocol's channel list (so they cannot drift from it); the values
// it accepts are the same as when they were written out by hand: every channel but automated calls.
const request = (channel: string) => ({ type: 'lookup/verdict', email: 'jan@klant.nl', channel });

test('the look-up accepts exactly the protocol channels except automated calls', () => {
  expect([...lookupVerdictRequest.shape.channel.options].sort()).toEqual(
    ['call', 'email', 'linkedin_connect_note', 'linkedin_dm', 'linkedin_inmail', 'sms', 'whatsapp'].sort(),
  );
  for (const channel of channelSchema.options) {
    expect(lookupVerdictRequest.safeParse(request(channel)).success, channel).toBe(channel !== 'automated_call');
  }
  expect(lookupVerdictRequest.safeParse(request('fax')).success).toBe(false);
});
