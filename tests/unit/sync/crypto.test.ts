import { describe, expect, test } from 'vitest';
import {
  blindId,
  deriveTeamKeys,
  fromBase64Url,
  generateTeamKey,
  openEntry,
  sealEntry,
  UndecryptableEntryError,
  type TeamPayload,
} from '@/lib/sync/crypto';

const payload: TeamPayload = {
  keyKind: 'email',
  reason: 'Wil niet meer benaderd worden (telefonisch bezwaar)',
  scope: 'all',
  level: 'person',
  recordedBy: 'rep-anna',
  recordedAt: '2026-11-29T20:00:00.000Z',
  label: 'J. Jansen, Acme',
};

describe('team key', () => {
  test('is 256 random bits in base64url, different every time', () => {
    const a = generateTeamKey();
    const b = generateTeamKey();
    expect(fromBase64Url(a)).toHaveLength(32);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  test('a malformed team key is refused', async () => {
    await expect(deriveTeamKeys('too-short')).rejects.toThrow();
  });
});

describe('blinded ids', () => {
  test('are 64 hex digits, stable per team key and identity key', async () => {
    const key = generateTeamKey();
    const k1 = await deriveTeamKeys(key);
    const k2 = await deriveTeamKeys(key);
    const id = await blindId(k1, 'email:jan@acme.nl');
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(await blindId(k2, 'email:jan@acme.nl')).toBe(id);
    expect(id).not.toContain('jan');
  });

  test('differ between identity keys and between teams', async () => {
    const a = await deriveTeamKeys(generateTeamKey());
    const b = await deriveTeamKeys(generateTeamKey());
    expect(await blindId(a, 'email:jan@acme.nl')).not.toBe(await blindId(a, 'email:piet@acme.nl'));
    expect(await blindId(a, 'email:jan@acme.nl')).not.toBe(await blindId(b, 'email:jan@acme.nl'));
  });

  test('are not a plain SHA-256 of the key (the server cannot run a dictionary attack without the team key)', async () => {
    const keys = await deriveTeamKeys(generateTeamKey());
    const sha = await crypto.subtle.digest('SHA-256', new TextEncoder().encode('email:jan@acme.nl'));
    const shaHex = [...new Uint8Array(sha)].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(await blindId(keys, 'email:jan@acme.nl')).not.toBe(shaHex);
  });
});

describe('key check', () => {
  test('is equal for the same team key and differs for another', async () => {
    const key = generateTeamKey();
    expect((await deriveTeamKeys(key)).keyCheck).toBe((await deriveTeamKeys(key)).keyCheck);
    expect((await deriveTeamKeys(key)).keyCheck).not.toBe((await deriveTeamKeys(generateTeamKey())).keyCheck);
  });
});

describe('sealed entries', () => {
  test('round-trip and carry no plaintext', async () => {
    const keys = await deriveTeamKeys(generateTeamKey());
    const id = await blindId(keys, 'email:jan@acme.nl');
    const doc = await sealEntry(keys, id, payload);
    expect(fromBase64Url(doc.iv)).toHaveLength(12);
    const json = JSON.stringify(doc);
    for (const word of ['Jansen', 'Acme', 'rep-anna', 'bezwaar', 'email']) expect(json).not.toContain(word);
    expect(await openEntry(keys, doc)).toEqual({ id, payload });
  });

  test('use a fresh IV each time', async () => {
    const keys = await deriveTeamKeys(generateTeamKey());
    const a = await sealEntry(keys, 'a'.repeat(64), payload);
    const b = await sealEntry(keys, 'a'.repeat(64), payload);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
  });

  test('one changed ciphertext byte is detected', async () => {
    const keys = await deriveTeamKeys(generateTeamKey());
    const doc = await sealEntry(keys, 'b'.repeat(64), payload);
    const bytes = fromBase64Url(doc.ct);
    bytes[5] = bytes[5]! ^ 1;
    let bin = '';
    for (const x of bytes) bin += String.fromCharCode(x);
    const tampered = { ...doc, ct: btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') };
    await expect(openEntry(keys, tampered)).rejects.toBeInstanceOf(UndecryptableEntryError);
  });

  test('a ciphertext moved to another id is detected', async () => {
    const keys = await deriveTeamKeys(generateTeamKey());
    const doc = await sealEntry(keys, 'c'.repeat(64), payload);
    await expect(openEntry(keys, { ...doc, _id: 'd'.repeat(64) })).rejects.toBeInstanceOf(UndecryptableEntryError);
  });

  test('another team key cannot open it', async () => {
    const keys = await deriveTeamKeys(generateTeamKey());
    const other = await deriveTeamKeys(generateTeamKey());
    const doc = await sealEntry(keys, 'e'.repeat(64), payload);
    await expect(openEntry(other, doc)).rejects.toBeInstanceOf(UndecryptableEntryError);
  });

  test('a document without ciphertext is refused', async () => {
    const keys = await deriveTeamKeys(generateTeamKey());
    await expect(openEntry(keys, { _id: 'f'.repeat(64), v: 1, reason: 'plain' })).rejects.toBeInstanceOf(UndecryptableEntryError);
  });
});
