import type { ParsedInputOf, SavedView, ViewArea } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';

/**
 * Saved views (migration 0003): a name and the JSON of a filter and sort, per
 * workspace area. The contract has already checked the query for its area.
 */
interface ViewRow { id: number; area: ViewArea; name: string; query: string; createdAt: string; updatedAt: string }

const COLUMNS = 'id, area, name, query, created_at AS createdAt, updated_at AS updatedAt';

function toView(row: ViewRow): SavedView {
  return { ...row, query: JSON.parse(row.query) as Record<string, unknown> };
}

/** An area's views by name, case-insensitively as a person reads a list. */
export function listViews(sqlite: Sqlite, area: ViewArea): SavedView[] {
  return sqlite
    .prepare<[string], ViewRow>(`SELECT ${COLUMNS} FROM saved_views WHERE area = ? ORDER BY name COLLATE NOCASE, id`)
    .all(area)
    .map(toView);
}

/** Saves a view; a name the area already has keeps its id and creation time and takes the new query. */
export function saveView(sqlite: Sqlite, input: ParsedInputOf<'views.save'>, now: Date): SavedView {
  const at = now.toISOString();
  const row = sqlite
    .prepare<[string, string, string, string, string], ViewRow>(
      `INSERT INTO saved_views (area, name, query, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (area, name) DO UPDATE SET query = excluded.query, updated_at = excluded.updated_at
       RETURNING ${COLUMNS}`,
    )
    .get(input.area, input.name, JSON.stringify(input.query), at, at);
  if (!row) throw new Error('saving a view returned no row');
  return toView(row);
}

export function deleteView(sqlite: Sqlite, id: number): { id: number } {
  const { changes } = sqlite.prepare('DELETE FROM saved_views WHERE id = ?').run(id);
  if (changes === 0) throw new AppError('NOT_FOUND', `There is no saved view with id ${id}; it may have been deleted already.`);
  return { id };
}
