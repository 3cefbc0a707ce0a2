import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Connection, type Sqlite } from '../../src/main/db/connection';
import { applyRecords } from '../../src/main/sync/apply';
import { beginBulkApply, finishBulkApply } from '../../src/main/sync/apply/deferred-indexes';
import type { RemoteOrder } from '../../src/main/sync/model';
import { memoryDb } from '../helpers/db';
import { asOrders, insertConnectedStore, NOW, remoteCustomer, remoteOrder } from './sync-apply-fixtures';

// The loyalty area refusing the order whose external id is "refused" (tests/helpers/loyalty-refusal.ts).
vi.mock('../../src/main/domain/loyalty/orders', async (importOriginal) =>
  (await import('../helpers/loyalty-refusal')).refusingOrders(await importOriginal()));
vi.mock('../../src/main/domain/loyalty/earn-many', async (importOriginal) =>
  (await import('../helpers/loyalty-refusal')).refusingEarnMany(await importOriginal()));

/**
 * customer_order_seq in a first backfill (bulk-sequence.ts): numbered as the
 * orders are written from running counts, the customers those cannot number
 * renumbered at the end, and every number checked before the indexes return.
 */
let connection: Connection;
beforeEach(async () => {
  connection = await memoryDb();
  insertConnectedStore(connection.sqlite);
  insertConnectedStore(connection.sqlite, 2);
});
afterEach(() => connection.close());

const apply = (sqlite: Sqlite, orders: RemoteOrder[], storeId = 1) =>
  applyRecords(sqlite, storeId, asOrders(...orders), [], { runId: null, now: NOW });
const sequences = (sqlite: Sqlite) => sqlite
  .prepare('SELECT external_id AS id, customer_order_seq AS seq FROM orders ORDER BY id').all();
function expectedSequences(sqlite: Sqlite) {
  return sqlite.prepare(`SELECT external_id AS id, CASE WHEN customer_id IS NULL THEN NULL ELSE
      row_number() OVER (PARTITION BY customer_id ORDER BY placed_at, id) END AS seq FROM orders ORDER BY id`).all();
}

/** Orders in time order, spread over four customers and some guests. */
function inOrder(count: number, from = 0): RemoteOrder[] {
  return Array.from({ length: count }, (_, n) => {
    const i = from + n;
    const at = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
    return remoteOrder(`o${String(i).padStart(3, '0')}`, { customerExternalId: i % 9 === 0 ? null : `c${i % 4}`,
      placedAt: at, updatedAt: '2026-02-28T10:00:00Z' });
  });
}

const begin = (sqlite: Sqlite) => expect(beginBulkApply(sqlite, 1, 'orders', { now: NOW, expectedRecords: 5000 })).toBe(true);

describe('order sequences in a first backfill', () => {
  it('numbers orders that come in time order as they are written', () => {
    const { sqlite } = connection;
    begin(sqlite);
    apply(sqlite, inOrder(30));
    apply(sqlite, inOrder(30, 30));
    expect(sequences(sqlite)).toEqual(expectedSequences(sqlite));
    expect(sequences(sqlite).some((row) => (row as { seq: number | null }).seq === 3)).toBe(true);
    finishBulkApply(sqlite, NOW);
    expect(sequences(sqlite)).toEqual(expectedSequences(sqlite));
  });

  it('renumbers at the end a customer whose older order came late, or whose order moved to another customer', () => {
    const { sqlite } = connection;
    begin(sqlite);
    const orders = inOrder(40);
    apply(sqlite, orders.slice(10));
    // Older orders of the same customers after newer ones; then an order moved from c1 to c2.
    apply(sqlite, orders.slice(0, 10));
    apply(sqlite, [{ ...orders[13]!, customerExternalId: 'c2', updatedAt: '2026-02-28T11:00:00Z' }]);
    expect(sequences(sqlite)).not.toEqual(expectedSequences(sqlite));
    finishBulkApply(sqlite, NOW);
    expect(sequences(sqlite)).toEqual(expectedSequences(sqlite));
  });

  it('renumbers the store when its counts could not know a customer\'s earlier orders', () => {
    const { sqlite } = connection;
    apply(sqlite, [remoteOrder('elsewhere', { customerExternalId: 'c1', placedAt: '2025-12-01T10:00:00Z' })], 2);
    // The other store's customer was merged into this store's c1 (customers/merge.ts moves its orders too).
    applyRecords(sqlite, 1, [{ resource: 'customers', record: remoteCustomer('c1') }], [], { runId: null, now: NOW });
    const c1 = (sqlite.prepare("SELECT id FROM customers WHERE store_id = 1 AND external_id = 'c1'").get() as { id: number }).id;
    sqlite.prepare("UPDATE orders SET customer_id = ? WHERE external_id = 'elsewhere'").run(c1);
    begin(sqlite);
    apply(sqlite, inOrder(20));
    finishBulkApply(sqlite, NOW);
    expect(sequences(sqlite)).toEqual(expectedSequences(sqlite));
    expect(sqlite.prepare("SELECT customer_order_seq AS seq FROM orders WHERE external_id = 'elsewhere'").get()).toEqual({ seq: 1 });
  });

  it('counts the orders of a page applied again record by record once', () => {
    const { sqlite } = connection;
    begin(sqlite);
    const orders = inOrder(20);
    const counts = apply(sqlite, [...orders.slice(0, 10), remoteOrder('refused', { customerExternalId: 'c1',
      placedAt: '2026-01-01T09:30:00Z' }), ...orders.slice(10)]);
    expect(counts).toEqual({ created: 20, updated: 0, unchanged: 0, quarantined: 1 });
    apply(sqlite, inOrder(10, 20));
    expect(sequences(sqlite)).toEqual(expectedSequences(sqlite));
    finishBulkApply(sqlite, NOW);
    expect(sequences(sqlite)).toEqual(expectedSequences(sqlite));
  });
});
