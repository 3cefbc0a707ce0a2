import type { Sqlite } from '../../db/connection';
import type { SqlParams } from '../orders/sql-params';
import { NORMALIZED_EMAIL, PHONE_DIGITS } from './duplicates';

/**
 * The customer search box: an email (any case, spaces around ignored), a
 * phone (its digits, however it is written), or a name prefix on the first or last
 * name ("ava sm": first name "ava", last name starting "sm"). Each term is a
 * LIKE on one column so the NOCASE name indexes of migration 0004 serve it.
 */
const PHONE = /^\+?[\d\s().-]{7,}$/;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

export interface CustomerCondition {
  where: string;
  values: Record<string, string>;
}

/**
 * An email or phone as typed, matched on its normalized form through the
 * indexes of duplicate detection (0004): "Ava@Example.com " finds ava@example.com,
 * "(416) 555-0101" finds +1 416 555 0101's digits. Null when the text is neither.
 * Merged customers are left out: their orders and points live with the survivor.
 */
export function identityMatch(search: string): CustomerCondition | null {
  const known = 'merged_into_id IS NULL AND';
  if (search.includes('@')) {
    return { where: `email IS NOT NULL AND ${known} ${NORMALIZED_EMAIL} = @email`, values: { email: search.trim().toLowerCase() } };
  }
  if (PHONE.test(search)) {
    return { where: `phone IS NOT NULL AND ${known} ${PHONE_DIGITS} = @digits`, values: { digits: search.replace(/\D/g, '') } };
  }
  return null;
}

function match(search: string): CustomerCondition {
  const identity = identityMatch(search);
  if (identity) return identity;
  const like = (param: string, column: string) => `${column} LIKE @${param} ESCAPE '\\'`;
  const space = search.indexOf(' ');
  if (space < 0) {
    return { where: `(${like('prefix', 'first_name')} OR ${like('prefix', 'last_name')})`, values: { prefix: `${escapeLike(search)}%` } };
  }
  return {
    where: `(${like('first', 'first_name')} AND ${like('rest', 'last_name')})`,
    values: { first: escapeLike(search.slice(0, space)), rest: `${escapeLike(search.slice(space + 1).trim())}%` },
  };
}

const MAX_LISTED = 1000;

/** Who the search finds: a short list of ids, or (when broad) a SELECT of their ids; null: nobody. */
export type SearchHits = { ids: number[] } | { select: string } | null;

export function customerSearch(sqlite: Sqlite, search: string, params: SqlParams): SearchHits {
  const m = match(search);
  const ids = sqlite
    .prepare<Record<string, string>, { id: number }>(`SELECT id FROM customers WHERE ${m.where} LIMIT ${MAX_LISTED + 1}`)
    .all(m.values)
    .map((r) => r.id);
  if (ids.length === 0) return null;
  if (ids.length <= MAX_LISTED) return { ids };
  // A broad name prefix: let SQLite collect them once rather than ship thousands of ids.
  let where = m.where;
  for (const [name, value] of Object.entries(m.values)) where = where.replaceAll(`@${name}`, params.add(name, value));
  return { select: `SELECT id FROM customers WHERE ${where}` };
}
