import { AppError } from '../../../../shared/errors';
import type { Sqlite } from '../../../db/connection';

/**
 * Macros and knowledge-base articles (../kb.ts) are small content rows that
 * an editor saves whole: a new one is inserted; an existing one is updated
 * only at the version the editor opened, so a save over someone else's change
 * is refused with the current row instead of overwriting it unseen.
 */
export function writeContentRow<T extends { id: number; version: number }>(
  sqlite: Sqlite,
  row: {
    table: 'macros' | 'kb_articles';
    /** The columns written, in the order of `values`; fixed names from the caller, never input. */
    columns: readonly string[];
    values: readonly unknown[];
    id: number | undefined;
    expectedVersion: number | undefined;
    at: string;
    /** The saved row (throws NOT_FOUND for an unknown id). */
    current: (id: number) => T;
    /** The sentence of the refusal when the row changed since it was opened. */
    staleMessage: (current: T) => string;
  },
): number {
  const { table, columns, values, at } = row;
  if (row.id === undefined) {
    const placeholders = [...columns, 'created_at', 'updated_at'].map(() => '?').join(', ');
    return Number(
      sqlite
        .prepare(`INSERT INTO ${table} (${columns.join(', ')}, created_at, updated_at) VALUES (${placeholders})`)
        .run(...values, at, at).lastInsertRowid,
    );
  }
  const current = row.current(row.id);
  if (row.expectedVersion !== current.version) {
    throw new AppError('CONFLICT', row.staleMessage(current), { current });
  }
  sqlite
    .prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ? WHERE id = ?`)
    .run(...values, at, current.id);
  return current.id;
}

/** A LIKE pattern (with ESCAPE '\') matching `term` anywhere, its wildcards taken literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
