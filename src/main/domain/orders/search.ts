import type { Sqlite } from '../../db/connection';
import { identityMatch } from '../customers/search';
import type { SqlParams } from './sql-params';

/**
 * Turns the search box into a condition on `orders o`. Customers are found
 * first (email and phone on their normalized forms, see customers/search.ts;
 * names by prefix), then their
 * orders through `orders_customer`; order numbers through `orders_number`.
 */

/** Up to this many matching customers travel as a literal id list (one index probe each). */
const MAX_LISTED_CUSTOMERS = 1000;

const ORDER_NUMBER = /^#?\s*(\d+)$/;

/** The smallest string after every string that starts with `prefix`. */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

function orderNumberCondition(digits: string, params: SqlParams): string {
  // Platforms store "#1234" (Shopify, demo) or "1234" (WooCommerce): search both, as prefixes.
  const ranges = [`#${digits}`, digits].map((prefix) => {
    const from = params.add('numberFrom', prefix);
    const to = params.add('numberTo', prefixEnd(prefix));
    return `(o.order_number >= ${from} AND o.order_number < ${to})`;
  });
  return `(${ranges.join(' OR ')})`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** The customer condition (on `customers`) and its parameters, by what the text looks like. */
function customerMatch(search: string): { where: string; values: Record<string, string> } {
  return identityMatch(search) ?? nameMatch(search);
}

/**
 * A name prefix: "smi" on the first or last name, "ava sm" on a first name
 * then a last-name prefix. Each term is a plain LIKE on one column so that
 * NOCASE name indexes, once they exist, serve it (a LIKE over first || last
 * never could). LIKE is case-insensitive for ASCII, as a name search should be.
 */
function nameMatch(search: string): { where: string; values: Record<string, string> } {
  const like = (param: string, column: string) => `${column} LIKE @${param} ESCAPE '\\'`;
  const prefix = `${escapeLike(search)}%`;
  const space = search.indexOf(' ');
  if (space < 0) return { where: `(${like('prefix', 'first_name')} OR ${like('prefix', 'last_name')})`, values: { prefix } };
  return {
    where: `(${like('prefix', 'first_name')} OR (${like('first', 'first_name')} AND ${like('rest', 'last_name')}))`,
    values: { prefix, first: escapeLike(search.slice(0, space)), rest: `${escapeLike(search.slice(space + 1).trim())}%` },
  };
}

/** A condition on `orders o`, or null when nothing can match (the caller returns an empty page). */
export function searchCondition(sqlite: Sqlite, search: string, params: SqlParams): string | null {
  const number = ORDER_NUMBER.exec(search);
  if (number) return orderNumberCondition(number[1]!, params);

  const match = customerMatch(search);
  const ids = sqlite
    .prepare<Record<string, string>, { id: number }>(
      `SELECT id FROM customers WHERE ${match.where} LIMIT ${MAX_LISTED_CUSTOMERS + 1}`,
    )
    .all(match.values)
    .map((r) => r.id);
  if (ids.length === 0) return null;
  if (ids.length <= MAX_LISTED_CUSTOMERS) return `o.customer_id IN (${ids.join(', ')})`;
  // A very broad name prefix: let SQLite join instead of shipping thousands of ids.
  let where = match.where;
  for (const [name, value] of Object.entries(match.values)) where = where.replaceAll(`@${name}`, params.add(name, value));
  return `o.customer_id IN (SELECT id FROM customers WHERE ${where})`;
}
