import type { Sqlite } from '../../db/connection';

/**
 * `INDEXED BY name` when the index is there, else nothing. A hint pins the
 * plan a hot query was tested with; but a first sync of a large shop drops
 * these indexes until it ends (sync/apply/deferred-indexes.ts), and a list
 * must still answer then, only slower.
 */
export function indexHint(sqlite: Sqlite, index: string): string {
  const present = sqlite
    .prepare<[string], number>("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?")
    .pluck()
    .get(index);
  return present === undefined ? '' : `INDEXED BY ${index}`;
}
