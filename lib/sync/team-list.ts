import type { TeamListItem } from '../model/team';
import type { TeamEntryRow } from './store';

/**
 * The team's entries for the list page, newest first: entries recorded together (same payload apart from
 * the identifier kind) are one item, so a person's e-mail and LinkedIn entries are shown and retracted as one.
 */
export function groupTeamEntries(rows: readonly TeamEntryRow[]): TeamListItem[] {
  const groups = new Map<string, TeamListItem>();
  for (const row of rows) {
    const p = row.payload;
    const key = JSON.stringify([p.recordedAt, p.recordedBy, p.reason, p.scope, p.level, p.label ?? null]);
    const group = groups.get(key);
    if (group) {
      group.ids.push(row.id);
      if (!group.keyKinds.includes(p.keyKind)) group.keyKinds.push(p.keyKind);
      group.synced &&= Boolean(row.rev);
    } else {
      groups.set(key, {
        id: row.id,
        ids: [row.id],
        keyKinds: [p.keyKind],
        ...(p.label ? { label: p.label } : {}),
        reason: p.reason,
        scope: p.scope,
        level: p.level,
        recordedBy: p.recordedBy,
        recordedAt: p.recordedAt,
        synced: Boolean(row.rev),
      });
    }
  }
  const items = [...groups.values()];
  for (const item of items) {
    item.ids.sort();
    item.id = item.ids[0]!; // stable whatever order the store returned them in
  }
  items.sort((a, b) => (a.recordedAt === b.recordedAt ? (a.id < b.id ? -1 : 1) : a.recordedAt < b.recordedAt ? 1 : -1));
  return items;
}
