import type { Sqlite } from '../../db/connection';
import type { RemoteOrderLine, RemoteProduct } from '../model';
import { utcInstant } from './validate';
import { outcomeFor, prepared, tagsJson, type Outcome, type StoredRow } from './statements';

/**
 * Products by (store_id, external_id). The catalogue has no local-only columns:
 * everything but the row's own created_at is the platform's.
 */
const FIND = `SELECT id, remote_updated_at AS remoteUpdatedAt FROM products WHERE store_id = ? AND external_id = ?`;
const INSERT = `INSERT INTO products (store_id, external_id, title, sku, category, brand, tags, price_minor, currency,
    inventory_quantity, status, remote_created_at, remote_updated_at, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const UPDATE = `UPDATE products SET title = ?, sku = ?, category = ?, brand = ?, tags = ?, price_minor = ?, currency = ?,
    inventory_quantity = ?, status = ?, remote_created_at = ?, remote_updated_at = ?, updated_at = ?
  WHERE id = ?`;

export function findProduct(sqlite: Sqlite, storeId: number, externalId: string): StoredRow | undefined {
  return prepared(sqlite, FIND).get(storeId, externalId) as StoredRow | undefined;
}

export function applyProduct(sqlite: Sqlite, storeId: number, p: RemoteProduct, nowIso: string): Outcome {
  const stored = findProduct(sqlite, storeId, p.externalId);
  const updatedAt = utcInstant(p.updatedAt)!;
  const outcome = outcomeFor(stored, updatedAt);
  if (outcome === 'unchanged') return outcome;
  const values = [p.title, p.sku ?? null, p.category ?? null, p.brand ?? null, tagsJson(p.tags ?? []), p.priceMinor,
    p.currency, p.inventoryQuantity ?? null, p.status, p.createdAt ? utcInstant(p.createdAt) : null, updatedAt, nowIso];
  if (stored) prepared(sqlite, UPDATE).run(...values, stored.id);
  else prepared(sqlite, INSERT).run(storeId, p.externalId, ...values.slice(0, -1), nowIso, nowIso);
  return outcome;
}

/**
 * The product a line sells, by its external id. One the catalogue sync has not
 * brought yet gets a placeholder from the line (no remote time, so the product's
 * own record fills it in when it comes), so the line keeps its link.
 */
export function productIdForLine(sqlite: Sqlite, storeId: number, line: RemoteOrderLine, currency: string,
  nowIso: string, cache: Map<string, number>): number | null {
  const externalId = line.productExternalId;
  if (externalId === null || externalId === undefined || externalId === '') return null;
  const cached = cache.get(externalId);
  if (cached !== undefined) return cached;
  let id = findProduct(sqlite, storeId, externalId)?.id;
  if (id === undefined) {
    id = Number(prepared(sqlite, INSERT).run(storeId, externalId, line.title, line.sku ?? null, null, null, '[]',
      line.unitPriceMinor, currency, null, 'active', null, null, nowIso, nowIso).lastInsertRowid);
  }
  cache.set(externalId, id);
  return id;
}
