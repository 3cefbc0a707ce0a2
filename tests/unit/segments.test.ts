import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import type { HandlerContext } from '../../src/main/core/handler';
import { handlerContext } from '../helpers/context';
import { memoryDb } from '../helpers/db';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';
import { call, setPerson } from './customers-fixtures';

/**
 * Segments over a store whose RFM scores are easy to see: 20 customers, the
 * i-th with i orders of 1000, the last on day i (so recency, frequency and
 * spend all rise with i), and a customer in a EUR store.
 */
const NOW = new Date('2026-03-01T00:00:00.000Z');
let connection: Connection;
let ctx: HandlerContext;

beforeEach(async () => {
  connection = await memoryDb();
  ctx = handlerContext(connection, NOW);
  const { sqlite } = connection;
  insertStore(sqlite, 1, 'USD');
  insertStore(sqlite, 2, 'EUR');
  let orderId = 1;
  for (let i = 1; i <= 20; i++) {
    insertCustomer(sqlite, i);
    setPerson(sqlite, i, { first: `First${i}`, last: i === 20 ? '=HYPERLINK("x")' : `Last${i}`, marketing: i % 2 === 0 });
    for (let k = 0; k < i; k++) {
      const day = String(i).padStart(2, '0');
      insertOrder(sqlite, { id: orderId++, customerId: i, seq: k + 1, placedAt: `2026-01-${day}T0${k % 10}:00:00.000Z`, totalMinor: 1000 });
    }
  }
  insertCustomer(sqlite, 21, 2);
  insertOrder(sqlite, { id: orderId++, customerId: 21, seq: 1, placedAt: '2026-01-25T00:00:00.000Z', totalMinor: 99999, currency: 'EUR', storeId: 2 });
  insertCustomer(sqlite, 22); // never ordered
});

describe('segments.list', () => {
  it('counts customers, orders and revenue per segment, with shares that add up', () => {
    const list = call(ctx, 'segments.list', {});
    expect(list.currency).toBe('USD');
    expect(list.totalCustomers).toBe(22);
    expect(list.withoutOrders).toBe(1);
    // 1000 × (1 + 2 + … + 20) in USD; the EUR customer is counted, not summed.
    expect(list.totalRevenueMinor).toBe(210_000);
    const champions = list.segments.find((s) => s.segment === 'champions')!;
    expect(champions.customers).toBeGreaterThan(0);
    expect(champions.averageOrderValueMinor).toBe(1000);
    expect(list.segments.reduce((sum, s) => sum + s.customers, 0)).toBe(21);
    expect(list.segments.reduce((sum, s) => sum + s.revenueShare, 0)).toBeCloseTo(1, 10);
    expect(list.segments.map((s) => s.segment)).toEqual(
      ['champions', 'loyal', 'potential', 'new', 'atRisk', 'cantLose', 'hibernating', 'lost']);
    const rows = connection.sqlite.prepare('SELECT segment, count(*) AS n FROM customer_rfm WHERE segment IS NOT NULL GROUP BY segment').all() as { segment: string; n: number }[];
    for (const row of rows) expect(list.segments.find((s) => s.segment === row.segment)!.customers).toBe(row.n);
  });

  it('narrows to one store, in its currency', () => {
    const list = call(ctx, 'segments.list', { storeId: 2 });
    expect(list).toMatchObject({ currency: 'EUR', totalCustomers: 1, totalRevenueMinor: 99999 });
    expect(() => call(ctx, 'segments.list', { storeId: 9 })).toThrow(/no store with id 9/);
  });
});

describe('segments.export', () => {
  function exportAll(input: { segment: 'champions' | 'lost'; onlyMarketingConsent?: boolean; pageSize?: number }) {
    let csv = '';
    let cursor: string | undefined;
    let chunks = 0;
    let total = -1;
    do {
      const chunk = call(ctx, 'segments.export', { ...input, cursor });
      csv += chunk.csv;
      total = chunk.total;
      cursor = chunk.nextCursor ?? undefined;
      chunks++;
    } while (cursor);
    return { lines: csv.split('\r\n').filter(Boolean), chunks, total };
  }

  it('keeps how long the last recompute took, for the next progress bar', () => {
    expect(call(ctx, 'segments.list', {}).lastRecomputeMs).toEqual(expect.any(Number)); // the first open computed it
    connection.sqlite.prepare(`DELETE FROM settings WHERE key = 'customers.rfmRecomputeMs'`).run();
    expect(call(ctx, 'segments.list', {}).lastRecomputeMs).toBeNull();
    const result = call(ctx, 'customers.rfm.recompute', {});
    const kept = call(ctx, 'segments.list', {}).lastRecomputeMs!;
    expect(kept).toBeGreaterThanOrEqual(0);
    expect(kept).toBeLessThanOrEqual(result.durationMs);
  });

  it('exports only consenting customers by default, best first, in chunks with a total', () => {
    const segment = connection.sqlite.prepare(`SELECT customer_id AS id, marketing_consent AS c FROM customer_rfm WHERE segment = 'champions'`);
    call(ctx, 'customers.rfm.recompute', {});
    const champions = segment.all() as { id: number; c: number }[];
    const consenting = champions.filter((c) => c.c === 1).map((c) => c.id).sort((a, b) => b - a);
    const { lines, chunks, total } = exportAll({ segment: 'champions', pageSize: 1 });
    expect(lines[0]).toBe('customer_id,first_name,last_name,name,email,phone,country,store,segment,recency_score,'
      + 'frequency_score,monetary_score,orders,spend,currency,last_order_at,marketing_consent,personalization_consent');
    expect(total).toBe(consenting.length);
    expect(chunks).toBe(consenting.length);
    // Spend rises with the id here, so best first is highest id first.
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(consenting);
    expect(lines.slice(1).every((l) => l.includes(',champions,') && l.includes(',yes,no'))).toBe(true);
    const all = exportAll({ segment: 'champions', onlyMarketingConsent: false });
    expect(all.total).toBe(champions.length);
    // A formula in a name stays text in a spreadsheet.
    expect(all.lines.find((l) => l.startsWith('20,'))).toContain(`"'=HYPERLINK(""x"")"`);
    expect(all.lines.find((l) => l.startsWith('20,'))).toContain(',20,200.00,USD,');
  });

  it('refuses a cursor from another export', () => {
    const first = call(ctx, 'segments.export', { segment: 'champions', onlyMarketingConsent: false, pageSize: 1 });
    expect(() => call(ctx, 'segments.export', { segment: 'lost', pageSize: 1, cursor: first.nextCursor! })).toThrow(/different filter/);
    expect(() => call(ctx, 'segments.export', { segment: 'lost', cursor: 'x' })).toThrow(/not one this export gave out/);
  });
});
