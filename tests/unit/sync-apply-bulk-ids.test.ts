import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection, Sqlite } from '../../src/main/db/connection';
import { applyRecords } from '../../src/main/sync/apply';
import { beginBulkApply, finishBulkApply } from '../../src/main/sync/apply/deferred-indexes';
import type { RemoteOrder } from '../../src/main/sync/model';
import { memoryDb } from '../helpers/db';
import { mergeCustomers } from '../../src/main/domain/customers/merge';
import { asOrders, insertConnectedStore, NOW, remoteCustomer, remoteLine, remoteOrder, remoteProduct } from './sync-apply-fixtures';

/**
 * A first backfill remembers the product and customer ids its pages' prefetch
 * found (bulk-ids.ts) instead of asking for them again each page: every line
 * must still name its product, placeholders included, and none twice, and every
 * order its customer, the one they were merged into once they are.
 */
let connection: Connection;
beforeEach(async () => {
  connection = await memoryDb();
  insertConnectedStore(connection.sqlite);
});
afterEach(() => connection.close());

const linesWithTheirProducts = (sqlite: Sqlite) => sqlite.prepare(`SELECT l.external_id AS line, p.external_id AS product
  FROM order_lines l LEFT JOIN products p ON p.id = l.product_id ORDER BY l.external_id`).all();

function orderSelling(id: string, products: string[]): RemoteOrder {
  const lines = products.map((product, i) => remoteLine(`${id}-l${i}`, { productExternalId: product, quantity: 1,
    unitPriceMinor: 1000, discountMinor: 0, totalMinor: 1000 }));
  return remoteOrder(id, { lines, subtotalMinor: 1000 * lines.length, discountMinor: 0, shippingMinor: 0, taxMinor: 0,
    totalMinor: 1000 * lines.length });
}

describe('product ids in a first backfill', () => {
  it('link every later page\'s lines to the products earlier pages found or made', () => {
    const { sqlite } = connection;
    applyRecords(sqlite, 1, [{ resource: 'products', record: remoteProduct('p1') }, { resource: 'products',
      record: remoteProduct('p2') }], [], { runId: null, now: NOW });
    expect(beginBulkApply(sqlite, 1, 'orders', { now: NOW, expectedRecords: 5000 })).toBe(true);
    // p9 is not in the catalogue yet: the first page makes its placeholder, the later ones find it.
    applyRecords(sqlite, 1, asOrders(orderSelling('a', ['p1', 'p9'])), [], { runId: null, now: NOW });
    applyRecords(sqlite, 1, asOrders(orderSelling('b', ['p1', 'p2', 'p9'])), [], { runId: null, now: NOW });
    applyRecords(sqlite, 1, asOrders(orderSelling('c', ['p2', 'p9'])), [], { runId: null, now: NOW });
    finishBulkApply(sqlite, NOW);
    expect(linesWithTheirProducts(sqlite)).toEqual([
      { line: 'a-l0', product: 'p1' }, { line: 'a-l1', product: 'p9' },
      { line: 'b-l0', product: 'p1' }, { line: 'b-l1', product: 'p2' }, { line: 'b-l2', product: 'p9' },
      { line: 'c-l0', product: 'p2' }, { line: 'c-l1', product: 'p9' },
    ]);
    expect(sqlite.prepare('SELECT external_id AS id FROM products ORDER BY id').all()).toEqual([{ id: 'p1' }, { id: 'p2' }, { id: 'p9' }]);
  });
});

describe('customer ids in a first backfill', () => {
  const ownerOf = (sqlite: Sqlite, order: string) => (sqlite.prepare(`SELECT c.external_id AS customer FROM orders o
    JOIN customers c ON c.id = o.customer_id WHERE o.external_id = ?`).get(order) as { customer: string }).customer;

  it('give later pages the customers earlier ones found, and the surviving one after a merge between pages', () => {
    const { sqlite } = connection;
    applyRecords(sqlite, 1, [{ resource: 'customers', record: remoteCustomer('c1') }, { resource: 'customers',
      record: remoteCustomer('c2') }], [], { runId: null, now: NOW });
    sqlite.prepare("INSERT INTO staff (id, name, active, created_at) VALUES (1, 'Ana', 1, '2026-01-01T00:00:00.000Z')").run();
    expect(beginBulkApply(sqlite, 1, 'orders', { now: NOW, expectedRecords: 5000 })).toBe(true);
    applyRecords(sqlite, 1, asOrders(remoteOrder('a', { customerExternalId: 'c1' }), remoteOrder('b', { customerExternalId: 'c2' }),
      remoteOrder('n', { customerExternalId: 'c9' })), [], { runId: null, now: NOW });
    applyRecords(sqlite, 1, asOrders(remoteOrder('c', { customerExternalId: 'c1' }), remoteOrder('o', { customerExternalId: 'c9' })),
      [], { runId: null, now: NOW });
    const [c1, c2] = ['c1', 'c2'].map((id) => (sqlite.prepare('SELECT id FROM customers WHERE external_id = ?').get(id) as
      { id: number }).id);
    // Staff merge c1 into c2 while the backfill runs: c1's later orders are c2's from then on.
    mergeCustomers(sqlite, { sourceId: c1!, targetId: c2!, staffId: 1, idempotencyKey: 'merge-1' }, NOW);
    applyRecords(sqlite, 1, asOrders(remoteOrder('d', { customerExternalId: 'c1' })), [], { runId: null, now: NOW });
    finishBulkApply(sqlite, NOW);
    expect(['a', 'b', 'c', 'd', 'n', 'o'].map((order) => ownerOf(sqlite, order))).toEqual(['c2', 'c2', 'c2', 'c2', 'c9', 'c9']);
    expect(sqlite.prepare("SELECT count(*) AS n FROM customers WHERE external_id = 'c9'").get()).toEqual({ n: 1 });
  });
});
