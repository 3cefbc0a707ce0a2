import type { Sqlite } from '../../db/connection';
import { identityMatch } from '../customers/search';

/**
 * Who an imported list names. Each entry is one of:
 *   - an email (any case, spaces around ignored),
 *   - a phone number written any way ("+1 (416) 555-0101": its digits are compared),
 *   - a customer id, written "#123" or as bare digits.
 * Bare digits are tried as a customer id first, then as a phone's digits, so
 * a short id and a long phone number both work without a prefix.
 * Email and phone matches use the normalized indexes of duplicate detection,
 * which only hold customers not merged away. Contact details found only on a
 * merged-away customer (an old email) are looked up among the merges, a small
 * table read once, and land on the customer it was merged into, as an id of a
 * merged customer does. An email shared by customers of two stores adds both.
 */
export interface ResolvedEntries {
  customerIds: number[];
  unmatched: string[];
  unmatchedCount: number;
}

const UNMATCHED_LISTED = 50;
const CUSTOMER_ID = /^#?(\d{1,15})$/;

export function createResolver(sqlite: Sqlite): (customerId: number) => number | null {
  // Follows merge chains (A into B, B into C gives C); null when there is no such customer.
  const lookup = sqlite.prepare<[number], { id: number }>(
    `WITH RECURSIVE chain(id, next, depth) AS (
       SELECT id, merged_into_id, 0 FROM customers WHERE id = ?
       UNION ALL
       SELECT c.id, c.merged_into_id, chain.depth + 1 FROM customers c JOIN chain ON c.id = chain.next WHERE chain.depth < 100)
     SELECT id FROM chain WHERE next IS NULL LIMIT 1`,
  );
  return (customerId) => lookup.get(customerId)?.id ?? null;
}

function identityLookup(sqlite: Sqlite): (entry: string) => number[] {
  const cache = new Map<string, ReturnType<Sqlite['prepare']>>();
  return (entry) => {
    const condition = identityMatch(entry);
    if (!condition) return [];
    let statement = cache.get(condition.where);
    if (!statement) cache.set(condition.where, (statement = sqlite.prepare(`SELECT id FROM customers WHERE ${condition.where}`)));
    return (statement.all(condition.values) as { id: number }[]).map((row) => row.id);
  };
}

/** Normalized email and phone digits of every merged-away customer, to the customer standing for each now. */
function mergedIdentities(sqlite: Sqlite, resolve: (id: number) => number | null): Map<string, number> {
  const rows = sqlite
    .prepare<[], { id: number; email: string | null; phone: string | null }>(
      `SELECT c.id, c.email, c.phone FROM customer_merges m JOIN customers c ON c.id = m.source_customer_id`,
    )
    .all();
  const identities = new Map<string, number>();
  for (const row of rows) {
    const current = resolve(row.id);
    if (current === null) continue;
    if (row.email) identities.set(`email:${row.email.trim().toLowerCase()}`, current);
    const digits = row.phone?.replace(/\D/g, '');
    if (digits) identities.set(`phone:${digits}`, current);
  }
  return identities;
}

function identityKey(entry: string): string | null {
  if (entry.includes('@')) return `email:${entry.trim().toLowerCase()}`;
  const digits = entry.replace(/\D/g, '');
  return /^\+?[\d\s().-]{7,}$/.test(entry) && digits ? `phone:${digits}` : null;
}

export function resolveEntries(sqlite: Sqlite, entries: readonly string[]): ResolvedEntries {
  const resolve = createResolver(sqlite);
  const byIdentity = identityLookup(sqlite);
  const found = new Set<number>();
  const unmatched: string[] = [];
  let unmatchedCount = 0;
  let merged: Map<string, number> | undefined;
  for (const raw of entries) {
    const entry = raw.trim();
    const idMatch = CUSTOMER_ID.exec(entry);
    const asId = idMatch ? resolve(Number(idMatch[1])) : null;
    let ids = asId !== null ? [asId] : entry.startsWith('#') ? [] : byIdentity(entry);
    if (ids.length === 0 && !entry.startsWith('#')) {
      const key = identityKey(entry);
      merged ??= mergedIdentities(sqlite, resolve);
      const viaMerge = key === null ? undefined : merged.get(key);
      if (viaMerge !== undefined) ids = [viaMerge];
    }
    if (ids.length === 0) {
      unmatchedCount += 1;
      if (unmatched.length < UNMATCHED_LISTED) unmatched.push(entry);
      continue;
    }
    for (const id of ids) found.add(id);
  }
  return { customerIds: [...found], unmatched, unmatchedCount };
}
