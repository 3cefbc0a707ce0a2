import type { Sqlite } from '../../db/connection';
import type { RemoteCustomer } from '../model';
import { utcInstant } from './validate';
import { outcomeFor, prepared, tagsJson, type Outcome, type StoredRow } from './statements';

/**
 * Customers by (store_id, external_id). Only the platform's fields are written:
 * local_tags, local_note, merged_into_id, personalization_consent and birthday
 * belong to Backroom, as do everything other areas keep about a customer in
 * their own tables (RFM, tiers, the ledger, tickets, returns).
 */
const FIND = `SELECT id, remote_updated_at AS remoteUpdatedAt, merged_into_id AS mergedIntoId
  FROM customers WHERE store_id = ? AND external_id = ?`;
const INSERT = `INSERT INTO customers (store_id, external_id, email, phone, first_name, last_name, country, region, city,
    marketing_consent, remote_tags, remote_created_at, remote_updated_at, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const UPDATE = `UPDATE customers SET email = ?, phone = ?, first_name = ?, last_name = ?, country = ?, region = ?, city = ?,
    marketing_consent = ?, remote_tags = ?, remote_created_at = ?, remote_updated_at = ?, updated_at = ?
  WHERE id = ?`;
const INSERT_PLACEHOLDER = `INSERT INTO customers (store_id, external_id, created_at, updated_at) VALUES (?, ?, ?, ?)`;
const CURRENT = `WITH RECURSIVE chain(id, next, depth) AS (
    SELECT id, merged_into_id, 0 FROM customers WHERE id = ?
    UNION ALL
    SELECT c.id, c.merged_into_id, chain.depth + 1 FROM customers c JOIN chain ON c.id = chain.next WHERE chain.depth < 100)
  SELECT id FROM chain WHERE next IS NULL LIMIT 1`;

interface StoredCustomer extends StoredRow {
  mergedIntoId: number | null;
}

export function applyCustomer(sqlite: Sqlite, storeId: number, c: RemoteCustomer, nowIso: string): Outcome {
  const stored = prepared(sqlite, FIND).get(storeId, c.externalId) as StoredCustomer | undefined;
  const updatedAt = utcInstant(c.updatedAt)!;
  const outcome = outcomeFor(stored, updatedAt);
  if (outcome === 'unchanged') return outcome;
  const values = [c.email ?? null, c.phone ?? null, c.firstName ?? null, c.lastName ?? null, c.country ?? null,
    c.region ?? null, c.city ?? null, c.marketingConsent ? 1 : 0, tagsJson(c.tags ?? []),
    c.createdAt ? utcInstant(c.createdAt) : null, updatedAt, nowIso];
  if (stored) prepared(sqlite, UPDATE).run(...values, stored.id);
  else prepared(sqlite, INSERT).run(storeId, c.externalId, ...values.slice(0, -1), nowIso, nowIso);
  return outcome;
}

/**
 * The customer an order belongs to, by external id: a placeholder row when the
 * customers resource has not brought them yet (its remote time stays null, so
 * their record fills it in whenever it arrives), and the surviving customer
 * when this one was merged into another here.
 */
export function customerIdForOrder(sqlite: Sqlite, storeId: number, externalId: string, nowIso: string,
  cache: Map<string, number>): number {
  const cached = cache.get(externalId);
  if (cached !== undefined) return cached;
  const stored = prepared(sqlite, FIND).get(storeId, externalId) as StoredCustomer | undefined;
  let id: number;
  if (!stored) {
    id = Number(prepared(sqlite, INSERT_PLACEHOLDER).run(storeId, externalId, nowIso, nowIso).lastInsertRowid);
  } else if (stored.mergedIntoId !== null) {
    id = (prepared(sqlite, CURRENT).get(stored.id) as { id: number } | undefined)?.id ?? stored.id;
  } else {
    id = stored.id;
  }
  cache.set(externalId, id);
  return id;
}
