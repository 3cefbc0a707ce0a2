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
 * ORDER BY" would mean sorting every matching order first. Migration 0003's
 * sort indexes put the id right after the sort key, so ties need no sort either.
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

const WALKS_PLACED = /(SCAN|SEARCH) o USING (COVERING )?INDEX orders_placed_filters/;
const FULL_SORT = /USE TEMP B-TREE FOR ORDER BY/;
const BARE_SCAN = /\bSCAN (o|orders|c|customers|tickets|return_lines)\b(?! USING)/;
const CUSTOMER_BY_KEY = /SEARCH c USING INTEGER PRIMARY KEY/;

describe('orders.list query plans', () => {
  it('walks orders_placed_filters for the default first page, without sorting the table', () => {
    const [plan] = plansOf({});
    expect(plan).toMatch(WALKS_PLACED);
    expect(plan).toMatch(CUSTOMER_BY_KEY);
    expect(plan).not.toMatch(FULL_SORT);
    expect(plan).not.toMatch(BARE_SCAN);
  });

  it('starts the next page inside orders_placed_filters, after the cursor', () => {
    const [plan] = plansOf({ limit: 1, cursor: secondPageCursor({}) });
    expect(plan).toMatch(/SEARCH o USING (COVERING )?INDEX orders_placed_filters \(placed_at<\?\)/);
    expect(plan).not.toMatch(FULL_SORT);
  });

  it('filters status on the index it walks (status sits in orders_placed_filters)', () => {
    for (const direction of ['asc', 'desc'] as const) {
      const [plan] = plansOf({ filter: { status: ['open', 'cancelled'] }, sort: { by: 'placedAt', direction } });
      expect(plan).toMatch(WALKS_PLACED);
      expect(plan).not.toMatch(FULL_SORT);
      expect(plan).not.toMatch(BARE_SCAN);
    }
  });

  it('walks orders_placed_filters under filters on the columns it carries, instead of sorting the table', () => {
    const filters: OrderFilter[] = [{ fulfillmentStatus: ['unfulfilled'] }, { paymentMethod: ['cash'] }, { storeId: 1 }, { financialStatus: ['failed'] }];
    for (const filter of filters) {
      const [plan] = plansOf({ filter });
      expect(plan).toMatch(WALKS_PLACED);
      expect(plan).not.toMatch(FULL_SORT);
      expect(plan).not.toMatch(BARE_SCAN);
    }
  });

  it('narrows a date range to a range of orders_placed_filters', () => {
    const [plan] = plansOf({ filter: { status: ['open'], range: { from: '2026-03-01', to: '2026-03-31' } } });
    expect(plan).toMatch(/SEARCH o USING (COVERING )?INDEX orders_placed_filters \(placed_at>\? AND placed_at<\?\)/);
    expect(plan).not.toMatch(FULL_SORT);
  });

  it('finds an order number through orders_number', () => {
    const [plan] = plansOf({ filter: { search: '#1002' } });
    expect(plan).toMatch(/SEARCH o USING INDEX orders_number \(order_number>\? AND order_number<\?\)/);
    expect(plan).not.toMatch(BARE_SCAN);
  });

  it('finds a customer by email through customers_email_normalized, then their orders through orders_customer', () => {
    const [customers, orders] = plansOf({ filter: { search: 'C1@Example.com' } });
    expect(customers).toMatch(/SEARCH customers USING INDEX customers_email_normalized \(<expr>=\?\)/);
    expect(orders).toMatch(/SEARCH o USING (COVERING )?INDEX orders_customer \(customer_id=\?\)/);
  });

  it('finds a customer by phone through customers_phone_digits', () => {
    const [customers] = plansOf({ filter: { search: '+1 555 0000001' } });
    expect(customers).toMatch(/SEARCH customers USING INDEX customers_phone_digits \(<expr>=\?\)/);
  });

  it('reads each part of orders.get by key or index', () => {
    const plans = plansOfRun((sqlite) => getOrder(sqlite, 1));
    expect(plans.length).toBeGreaterThanOrEqual(10);
    for (const plan of plans) {
      expect(plan).toMatch(/^SEARCH/);
      expect(plan).not.toMatch(BARE_SCAN);
    }
  });
});

/**
 * Migration 0003's indexes: sorting by total or by order number walks
 * orders_total / orders_number_natural and stops after a page; the drawer reads
 * tickets and return lines by key. Customer-name NOCASE indexes are proposed
 * (customers-core owns them): the test proves the name search would use them.
 */
describe('orders.list with the indexes of migration 0003', () => {
  let proposed: Connection;
  beforeAll(async () => {
    proposed = await memoryDb();
    proposed.sqlite.exec(`CREATE INDEX IF NOT EXISTS customers_first_name ON customers (first_name COLLATE NOCASE);
      CREATE INDEX IF NOT EXISTS customers_last_name ON customers (last_name COLLATE NOCASE)`);
    insertStore(proposed.sqlite);
    insertCustomer(proposed.sqlite, 1);
    insertOrder(proposed.sqlite, { id: 1, customerId: 1, seq: 1, placedAt: '2026-03-01T10:00:00.000Z', totalMinor: 1000 });
  });
  afterAll(() => proposed.close());

  it('walks orders_total for a total sort, in both directions and after a cursor', () => {
    for (const direction of ['asc', 'desc'] as const) {
      const [plan] = plansOf({ sort: { by: 'total', direction } });
      expect(plan).toMatch(/SCAN o USING INDEX orders_total/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
    const cursor = secondPageCursor({ sort: { by: 'total', direction: 'desc' } });
    const [next] = plansOf({ sort: { by: 'total', direction: 'desc' }, limit: 1, cursor });
    expect(next).toMatch(/SEARCH o USING INDEX orders_total \(total_minor<\?\)/);
  });

  it('walks orders_number_natural for an order number sort', () => {
    const [plan] = plansOf({ sort: { by: 'orderNumber', direction: 'asc' } });
    expect(plan).toMatch(/SCAN o USING INDEX orders_number_natural/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('keeps walking the sort index under filters (status, payment, amount), never sorting the table', () => {
    const filters: OrderFilter[] = [{ status: ['cancelled'] }, { paymentMethod: ['cash'] }, { minTotalMinor: 100, maxTotalMinor: 5000 }];
    for (const filter of filters) {
      for (const by of ['total', 'orderNumber'] as const) {
        const [plan] = plansOf({ filter, sort: { by, direction: 'desc' } });
        expect(plan).toMatch(by === 'total' ? /USING INDEX orders_total/ : /USING INDEX orders_number_natural/);
        expect(plan).not.toMatch(FULL_SORT);
        expect(plan).not.toMatch(BARE_SCAN);
      }
    }
  });

  it('reads a date range holding few orders from orders_placed_filters, then sorts just those', () => {
    const [probe, plan] = plansOf({ filter: { status: ['completed'], range: { from: '2026-03-01', to: '2026-03-02' } }, sort: { by: 'total', direction: 'desc' } });
    expect(probe).toMatch(/SEARCH orders USING COVERING INDEX orders_placed/);
    expect(plan).toMatch(/SEARCH o USING (COVERING )?INDEX orders_placed_filters \(placed_at>\? AND placed_at<\?\)/);
    expect(plan).not.toMatch(BARE_SCAN);
  });

  it('searches the NOCASE name indexes for a name', () => {
    for (const search of ['smi', 'ava sm']) {
      const [customers] = plansOf({ filter: { search } }, proposed.sqlite);
      expect(customers).toMatch(/SEARCH customers USING INDEX customers_first_name/);
      expect(customers).not.toMatch(BARE_SCAN);
    }
    expect(plansOf({ filter: { search: 'smi' } }, proposed.sqlite)[0]).toMatch(/INDEX customers_last_name/);
  });

  it('reads tickets and return lines of an order through tickets_order and return_lines_return', () => {
    const plans = plansOfRun((sqlite) => getOrder(sqlite, 1));
    expect(plans.join(' ; ')).not.toMatch(BARE_SCAN);
    expect(plans.join(' ; ')).toMatch(/tickets_order.*return_lines_return|return_lines_return.*tickets_order/);
  });
});
