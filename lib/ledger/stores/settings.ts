import { LedgerError } from '../errors';
import { settingsSchema, type Settings, type SettingsInput } from '../../model/settings';
import { readSettingsRow, type LedgerCore } from './core';

/** The settings: one row, validated and repaired on read; every save is audited with its policy. */
export class SettingsStore {
  constructor(private readonly core: LedgerCore) {}

  /** The settings, validated and repaired on read: an invalid field falls back to its default. */
  get(): Promise<Settings> {
    return this.core.read(['settings'], (db) => readSettingsRow(db));
  }

  async save(input: SettingsInput): Promise<Settings> {
    const parsed = settingsSchema.safeParse(input);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new LedgerError('invalid-settings', i.message, i.path.join('.'));
    }
    return this.core.write(async (db) => {
      await db.settings.put({ key: 'settings', value: parsed.data });
      await this.core.audit(db, { actor: await this.core.actor(db), action: 'settings-saved', detail: { policy: parsed.data.policy } });
      return parsed.data;
    });
  }
}
