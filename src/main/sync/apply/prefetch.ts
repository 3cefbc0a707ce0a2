import type { Sqlite } from '../../db/connection';
import type { RemoteRecord } from '../model';
import type { StoredShipment } from './order-children';
import type { PageState, StoredOrder } from './orders';
import { prepared } from './statements';

/**
 * A page's lookups in one query per table instead of one per record: the
 * catalogue products its lines sell, the customers its orders belong to, and
 * the orders themselves and their shipments (a first sync of 250 orders asked ~1,000 single-row
 * questions per page before). Only what is certain is cached: a customer merged
 * here into another is left to the per-order lookup, which follows the merge.
 * Records the page writes after this keep the caches current (orders.ts,
 * products.ts, customers.ts), and a record rolled back in its own savepoint
 * clears them (index.ts).
 */
// CROSS JOIN keeps json_each outside: one key seek per id (an IN list first builds a temporary index of them).
const PRODUCTS = `SELECT p.external_id AS externalId, p.id FROM json_each(?) CROSS JOIN products p
  WHERE p.store_id = ? AND p.external_id = json_each.value`;
const CUSTOMERS = `SELECT c.external_id AS externalId, c.id FROM json_each(?) CROSS JOIN customers c
  WHERE c.store_id = ? AND c.external_id = json_each.value AND c.merged_into_id IS NULL`;
const ORDERS = `SELECT o.external_id AS externalId, o.id, o.remote_updated_at AS remoteUpdatedAt,
    o.customer_id AS customerId, o.placed_at AS placedAt
  FROM json_each(?) CROSS JOIN orders o WHERE o.store_id = ? AND o.external_id = json_each.value`;
const SHIPMENTS = `SELECT s.external_id AS externalId, s.id, s.remote_updated_at AS remoteUpdatedAt,
    s.removed_remotely_at AS removedAt
  FROM json_each(?) CROSS JOIN shipments s WHERE s.store_id = ? AND s.external_id = json_each.value`;

const text = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** Fills the page's ids from what the backfill knows, and asks the database for the rest (one query). */
function lookUp(sqlite: Sqlite, page: PageState, sql: string, externalIds: Set<string>, ids: Map<string, number>,
  known: Map<string, number> | undefined): void {
  const unknown = known ? [...externalIds].filter((externalId) => {
    const id = known.get(externalId);
    if (id !== undefined) ids.set(externalId, id);
    return id === undefined;
  }) : [...externalIds];
  if (unknown.length === 0) return;
  for (const row of prepared(sqlite, sql).all(JSON.stringify(unknown), page.storeId) as
    { externalId: string; id: number }[]) {
    ids.set(row.externalId, row.id);
    known?.set(row.externalId, row.id);
  }
}

export function prefetchPage(sqlite: Sqlite, page: PageState, records: readonly RemoteRecord[]): void {
  const products = new Set<string>();
  const customers = new Set<string>();
  const orders: string[] = [];
  const shipments = new Set<string>();
  for (const item of records) {
    if (item?.resource !== 'orders' || item.record === null || typeof item.record !== 'object') continue;
    const order = item.record;
    if (text(order.externalId)) orders.push(order.externalId);
    const customer = order.customerExternalId ?? order.customer?.externalId;
    if (text(customer)) customers.add(customer);
    if (Array.isArray(order.shipments)) {
      for (const shipment of order.shipments) if (text(shipment?.externalId)) shipments.add(shipment.externalId);
    }
    if (!Array.isArray(order.lines)) continue;
    for (const line of order.lines) if (text(line?.productExternalId)) products.add(line.productExternalId);
  }
  if (orders.length === 0) return;
  // In a first backfill, the products and customers earlier pages found are not asked for again (bulk-ids.ts).
  lookUp(sqlite, page, PRODUCTS, products, page.productIds, page.knownIds?.products);
  lookUp(sqlite, page, CUSTOMERS, customers, page.customerIds, page.knownIds?.customers);
  const stored = new Map<string, StoredOrder>();
  for (const row of prepared(sqlite, ORDERS).all(JSON.stringify([...new Set(orders)]), page.storeId) as
    (StoredOrder & { externalId: string })[]) {
    stored.set(row.externalId, { id: row.id, remoteUpdatedAt: row.remoteUpdatedAt, customerId: row.customerId,
      placedAt: row.placedAt });
  }
  page.storedOrders = stored;
  // None of the page's orders stored yet (a first sync's pages): in its first attempt the page inserts their
  // shipments without looking them up (pending-rows.ts), and an order it brings twice looks its own up then.
  if (stored.size === 0 && page.pendingRows !== null) {
    page.storedShipments = null;
    return;
  }
  const storedShipments = new Map<string, StoredShipment>();
  for (const row of prepared(sqlite, SHIPMENTS).all(JSON.stringify([...shipments]), page.storeId) as
    (StoredShipment & { externalId: string })[]) {
    storedShipments.set(row.externalId, { id: row.id, remoteUpdatedAt: row.remoteUpdatedAt, removedAt: row.removedAt });
  }
  page.storedShipments = storedShipments;
}
