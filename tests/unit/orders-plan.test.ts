import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, Sqlite } from '../../src/main/db/connection';
import { orderListQuery, type OrderFilter, type OrderListQuery } from '../../src/shared/contract';
import { getOrder } from '../../src/main/domain/orders/detail';
import { listOrders } from '../../src/main/domain/orders/list';
import { memoryDb } from '../helpers/db';
import { capturePlans } from '../helpers/plans';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';

/**
 * The orders workspace pages through up to a million orders: each page must
 * walk an index in sort order and stop after `limit` rows. "USE TEMP B-TREE FOR
 * ORDER BY" would mean sorting every matching order first; "FOR LAST TERM OF
 * ORDER BY" only orders rows that tie on placed_at, inside the walk.
 */
let connection: Connection;
beforeAll(async () => {
  connection = await memoryDb();
  const s = connection.sqlite;
  insertStore(s);
  insertCustomer(s, 1);
  for (const id of [1, 2, 3]) {
    insertOrder(s, { id, customerId: 1, seq: id, placedAt: `2026-03-0${id}T10:00:00.000Z`, totalMinor: 1000 * id });
  }
});
afterAll(() => connection.close());

/** The query plan of every statement `listOrders` prepares, in order. */
function plansOf(input: OrderListQuery, sqlite: Sqlite = connection.sqlite): string[] {
  return plansOfRun((spied) => listOrders(spied, orderListQuery.parse(input)), sqlite);
}

function plansOfRun(run: (sqlite: Sqlite) => unknown, sqlite: Sqlite = connection.sqlite): string[] {
  return capturePlans(sqlite, run);
}

function secondPageCursor(input: OrderListQuery): string {
  const first = listOrders(connection.sqlite, orderListQuery.parse({ ...input, limit: 1 }));
  expect(first.nextCursor).not.toBeNull();
  return first.nextCursor!;
}

const WALKS_PLACED = /(SCAN|SEARCH) o USING (COVERING )?INDEX orders_placed/;
const FULL_SORT = /USE TEMP B-TREE FOR ORDER BY/;
const BARE_SCAN = /SCAN (o|orders|c|customers|tickets|return_lines)(?! USING)/;
const CUSTOMER_BY_KEY = /SEARCH c USING INTEGER PRIMARY KEY/;

describe('orders.list query plans', () => {
  it('walks orders_placed for the default first page, without sorting the table', () => {
    const [plan] = plansOf({});
    expect(plan).toMatch(WALKS_PLACED);
    expect(plan).toMatch(CUSTOMER_BY_KEY);
    expect(plan).not.toMatch(FULL_SORT);
    expect(plan).not.toMatch(BARE_SCAN);
  });

  it('starts the next page inside orders_placed, after the cursor', () => {
    const [plan] = plansOf({ limit: 1, cursor: secondPageCursor({}) });
    expect(plan).toMatch(/SEARCH o USING (COVERING )?INDEX orders_placed \(placed_at<\?\)/);
    expect(plan).not.toMatch(FULL_SORT);
  });

  it('filters status on the index it walks (status sits in orders_placed)', () => {
    for (const direction of ['asc', 'desc'] as const) {
      const [plan] = plansOf({ filter: { status: ['open', 'cancelled'] }, sort: { by: 'placedAt', direction } });
      expect(plan).toMatch(WALKS_PLACED);
      expect(plan).not.toMatch(FULL_SORT);
      expect(plan).not.toMatch(BARE_SCAN);
    }
  });

  it('walks orders_placed under filters on columns it lacks, instead of sorting the table', () => {
    const filters: OrderFilter[] = [{ fulfillmentStatus: ['unfulfilled'] }, { paymentMethod: ['cash'] }, { storeId: 1 }, { financialStatus: ['failed'] }];
    for (const filter of filters) {
      const [plan] = plansOf({ filter });
      expect(plan).toMatch(WALKS_PLACED);
      expect(plan).not.toMatch(FULL_SORT);
      expect(plan).not.toMatch(BARE_SCAN);
    }
  });

  it('narrows a date range to a range of orders_placed', () => {
    const [plan] = plansOf({ filter: { status: ['open'], range: { from: '2026-03-01', to: '2026-03-31' } } });
    expect(plan).toMatch(/SEARCH o USING (COVERING )?INDEX orders_placed \(placed_at>\? AND placed_at<\?\)/);
    expect(plan).not.toMatch(FULL_SORT);
  });

  it('finds an order number through orders_number', () => {
    const [plan] = plansOf({ filter: { search: '#1002' } });
    expect(plan).toMatch(/SEARCH o USING INDEX orders_number \(order_number>\? AND order_number<\?\)/);
    expect(plan).not.toMatch(BARE_SCAN);
  });

  it('finds a customer by email through customers_email, then their orders through orders_customer', () => {
    const [customers, orders] = plansOf({ filter: { search: 'c1@example.com' } });
    expect(customers).toMatch(/SEARCH customers USING COVERING INDEX customers_email \(email=\?\)/);
    expect(orders).toMatch(/SEARCH o USING (COVERING )?INDEX orders_customer \(customer_id=\?\)/);
  });

  it('finds a customer by phone through customers_phone', () => {
    const [customers] = plansOf({ filter: { search: '+1 555 0000001' } });
    expect(customers).toMatch(/SEARCH customers USING (COVERING )?INDEX customers_phone \(phone=\?\)/);
  });

  it('reads each part of orders.get by key or index (tickets and return lines aside, see below)', () => {
    const plans = plansOfRun((sqlite) => getOrder(sqlite, 1));
    expect(plans.length).toBeGreaterThanOrEqual(9);
    for (const plan of plans.filter((p) => !/tickets|return_lines/.test(p))) {
      expect(plan).toMatch(/^SEARCH/);
      expect(plan).not.toMatch(BARE_SCAN);
    }
  });
});

/**
 * Sorting by total or by order number has no index in 0001, so today those
 * sorts order every matching row (documented for migration 0002). These tests
 * prove the proposed indexes would turn them into index walks.
 */
describe('orders.list with the indexes proposed for 0002', () => {
  let proposed: Connection;
  beforeAll(async () => {
    proposed = await memoryDb();
    proposed.sqlite.exec(`CREATE INDEX orders_total ON orders (total_minor);
      CREATE INDEX orders_number_natural ON orders (length(order_number), order_number);
      CREATE INDEX customers_first_name ON customers (first_name COLLATE NOCASE);
      CREATE INDEX customers_last_name ON customers (last_name COLLATE NOCASE);
      CREATE INDEX tickets_order ON tickets (order_id);
      CREATE INDEX return_lines_return ON return_lines (return_id)`);
    insertStore(proposed.sqlite);
    insertCustomer(proposed.sqlite, 1);
    insertOrder(proposed.sqlite, { id: 1, customerId: 1, seq: 1, placedAt: '2026-03-01T10:00:00.000Z', totalMinor: 1000 });
  });
  afterAll(() => proposed.close());

  it('sorts by total today with a full sort (the gap 0002 closes)', () => {
    expect(plansOf({ sort: { by: 'total', direction: 'desc' } })[0]).toMatch(FULL_SORT);
  });

  it('walks orders_total for a total sort', () => {
    const [plan] = plansOf({ sort: { by: 'total', direction: 'desc' } }, proposed.sqlite);
    expect(plan).toMatch(/SCAN o USING INDEX orders_total/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('walks orders_number_natural for an order number sort', () => {
    const [plan] = plansOf({ sort: { by: 'orderNumber', direction: 'asc' } }, proposed.sqlite);
    expect(plan).toMatch(/SCAN o USING INDEX orders_number_natural/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('scans customers for a name today, and would search the NOCASE name indexes', () => {
    expect(plansOf({ filter: { search: 'smi' } })[0]).toMatch(/SCAN customers/);
    for (const search of ['smi', 'ava sm']) {
      const [customers] = plansOf({ filter: { search } }, proposed.sqlite);
      expect(customers).toMatch(/SEARCH customers USING INDEX customers_first_name/);
      expect(customers).not.toMatch(BARE_SCAN);
    }
    expect(plansOf({ filter: { search: 'smi' } }, proposed.sqlite)[0]).toMatch(/INDEX customers_last_name/);
  });

  it('reads tickets and return lines of an order through the proposed indexes', () => {
    const today = plansOfRun((sqlite) => getOrder(sqlite, 1)).filter((p) => /tickets|return_lines/.test(p));
    expect(today.join(' ; ')).toMatch(/SCAN (tickets|return_lines)/);
    const plans = plansOfRun((sqlite) => getOrder(sqlite, 1), proposed.sqlite);
    expect(plans.join(' ; ')).not.toMatch(BARE_SCAN);
    expect(plans.join(' ; ')).toMatch(/tickets_order.*return_lines_return|return_lines_return.*tickets_order/);
  });
});
