import { expect, test } from 'vitest';
import { channelSchema } from '@/lib/model/vocabulary';
import { ruleChannelSchema } from '@/lib/rules/input';

// The protocol's channel list is a copy of the engine's (kept out of content scripts for size): a channel
// the engine knows but a page cannot send, or the reverse, would be refused or unchecked.
test('the protocol and the rules engine know the same channels', () => {
  expect([...channelSchema.options].sort()).toEqual([...ruleChannelSchema.options].sort());
});
