import { describe, expect, test } from 'vitest';
import { encodeInvite, InvalidInviteError, inviteOriginPattern, parseInvite } from '@/lib/sync/invite';
import { generateTeamKey, toBase64Url } from '@/lib/sync/crypto';

const teamKey = generateTeamKey();
const b64 = (value: unknown) => toBase64Url(new TextEncoder().encode(JSON.stringify(value)));

describe('invite codes', () => {
  test('round-trip server, database and team key', () => {
    const code = encodeInvite({ serverUrl: 'https://couch.acme.nl/', db: 'team-sales', teamKey });
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(parseInvite(code)).toEqual({ v: 1, serverUrl: 'https://couch.acme.nl', db: 'team-sales', teamKey });
  });

  test('survive line breaks and spaces a mail client adds', () => {
    const code = encodeInvite({ serverUrl: 'http://127.0.0.1:5984', db: 'dnc', teamKey });
    const wrapped = `  ${code.slice(0, 20)}\n${code.slice(20, 50)}\r\n ${code.slice(50)} `;
    expect(parseInvite(wrapped).teamKey).toBe(teamKey);
  });

  test.each([
    ['empty', ''],
    ['random text', 'hallo collega, hier is de code'],
    ['JSON that is not base64url', '{"v":1}'],
    ['a future version', b64({ v: 2, serverUrl: 'https://x.nl', db: 'dnc', teamKey })],
    ['no team key', b64({ v: 1, serverUrl: 'https://x.nl', db: 'dnc' })],
    ['a short team key', b64({ v: 1, serverUrl: 'https://x.nl', db: 'dnc', teamKey: 'abc' })],
    ['a javascript: server', b64({ v: 1, serverUrl: 'javascript:alert(1)', db: 'dnc', teamKey })],
    ['credentials in the URL', b64({ v: 1, serverUrl: 'https://admin:pw@x.nl', db: 'dnc', teamKey })],
    ['an invalid database name', b64({ v: 1, serverUrl: 'https://x.nl', db: 'Team Sales', teamKey })],
    ['a truncated code', encodeInvite({ serverUrl: 'https://x.nl', db: 'dnc', teamKey }).slice(0, -10)],
  ])('refuses %s with "invalid invite code"', (_name, code) => {
    expect(() => parseInvite(code)).toThrow(InvalidInviteError);
    expect(() => parseInvite(code)).toThrow('invalid invite code');
  });
});

describe('the permission a join needs', () => {
  test('is exactly the server origin of the invite', () => {
    const code = encodeInvite({ serverUrl: 'https://couch.acme.nl:6984/teams/', db: 'dnc', teamKey });
    expect(inviteOriginPattern(code)).toBe('https://couch.acme.nl:6984/*');
    expect(inviteOriginPattern('rubbish')).toBeNull();
  });
});
