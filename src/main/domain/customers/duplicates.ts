import type { DuplicateCustomer, DuplicateGroup, DuplicatePage, ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { customerName } from '../orders/list';
import { QUALIFYING_ORDER } from './rfm';

/**
 * `customers.duplicates`: customers not merged away who share a normalized
 * email (lower case, trimmed) or phone (digits only: spaces, dashes, dots,
 * brackets and "+" dropped), across stores. Email groups come first, then
 * phone groups, each in key order; both keys are indexed expressions
 * (migration 0004), so a page walks an index and never sorts the table.
 */
export const NORMALIZED_EMAIL = 'lower(trim(email))';
export const PHONE_DIGITS =
  "replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', '')";

type MatchKind = DuplicateGroup['matchedBy'];

const KEY_SQL: Record<MatchKind, { key: string; present: string }> = {
  email: { key: NORMALIZED_EMAIL, present: 'email IS NOT NULL' },
  phone: { key: PHONE_DIGITS, present: 'phone IS NOT NULL' },
};

interface Position {
  kind: MatchKind;
  after: string;
}

function encode(position: Position): string {
  return Buffer.from(JSON.stringify([position.kind, position.after]), 'utf8').toString('base64url');
}

function decode(cursor: string): Position {
  try {
    const [kind, after] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if ((kind === 'email' || kind === 'phone') && typeof after === 'string') return { kind, after };
  } catch {
    // falls through
  }
  throw new AppError('VALIDATION', 'The request is not valid: cursor is not one this list gave out; start again from the first page.');
}

function groupKeys(sqlite: Sqlite, kind: MatchKind, after: string | null, limit: number): string[] {
  const { key, present } = KEY_SQL[kind];
  return sqlite
    .prepare<Record<string, string>, { key: string }>(
      `SELECT ${key} AS key FROM customers
        WHERE ${present} AND merged_into_id IS NULL AND ${key} <> '' ${after === null ? '' : `AND ${key} > @after`}
        GROUP BY ${key} HAVING count(*) > 1 ORDER BY ${key} LIMIT ${limit}`,
    )
    .all(after === null ? {} : { after })
    .map((r) => r.key);
}

interface MemberRow {
  id: number;
  storeId: number;
  storeName: string;
  currency: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  ordersCount: number;
  spendMinor: number;
  pointsNet: number;
  createdAt: string;
}

/*
 * Spend and points per listed customer, so the tab needs no profile per card.
 * Both are live sums over one customer's rows (orders_customer and
 * points_ledger_customer indexes), not customer_rfm: that table lags behind
 * refunds until the next recompute, and what the card says moves must match
 * what the merge then moves and what the profile then shows. Spend counts the
 * qualifying orders in the store's currency, as the profile's lifetime spend.
 */
const STORE_CURRENCY = '(SELECT s.currency FROM stores s WHERE s.id = customers.store_id)';
const MEMBER_COLUMNS = `id, store_id AS storeId, (SELECT s.name FROM stores s WHERE s.id = customers.store_id) AS storeName,
  ${STORE_CURRENCY} AS currency, first_name AS firstName, last_name AS lastName, email, phone, created_at AS createdAt,
  (SELECT count(*) FROM orders o WHERE o.customer_id = customers.id) AS ordersCount,
  (SELECT coalesce(sum(o.total_minor - o.refunded_minor), 0) FROM orders o
    WHERE o.customer_id = customers.id AND o.currency = ${STORE_CURRENCY} AND ${QUALIFYING_ORDER}) AS spendMinor,
  (SELECT coalesce(sum(p.points), 0) FROM points_ledger p WHERE p.customer_id = customers.id) AS pointsNet`;

function members(sqlite: Sqlite, kind: MatchKind, key: string): DuplicateCustomer[] {
  const { key: expression, present } = KEY_SQL[kind];
  return sqlite
    .prepare<[string], MemberRow>(
      `SELECT ${MEMBER_COLUMNS} FROM customers
        WHERE ${present} AND merged_into_id IS NULL AND ${expression} = ?
        ORDER BY id`,
    )
    .all(key)
    .map((r) => ({
      id: r.id, storeId: r.storeId, storeName: r.storeName, name: customerName(r.firstName, r.lastName),
      email: r.email, phone: r.phone, ordersCount: r.ordersCount, spendMinor: r.spendMinor, currency: r.currency,
      pointsNet: r.pointsNet, createdAt: r.createdAt,
    }));
}

export function findDuplicates(sqlite: Sqlite, input: ParsedInputOf<'customers.duplicates'>): DuplicatePage {
  let position: Position | null = input.cursor === undefined ? null : decode(input.cursor);
  const groups: DuplicateGroup[] = [];
  const kinds: MatchKind[] = position?.kind === 'phone' ? ['phone'] : ['email', 'phone'];
  for (const kind of kinds) {
    const after = position?.kind === kind ? position.after : null;
    // One more than needed tells whether another page exists.
    const keys = groupKeys(sqlite, kind, after, input.limit - groups.length + 1);
    for (const key of keys) {
      if (groups.length === input.limit) return { groups, nextCursor: encode(position!) };
      groups.push({ matchedBy: kind, key, customers: members(sqlite, kind, key) });
      position = { kind, after: key };
    }
  }
  return { groups, nextCursor: null };
}
