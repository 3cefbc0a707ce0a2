import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { rebuildOrderGaps, refreshOrderGaps } from '../../src/main/domain/insights/order-gaps';
import { retention } from '../../src/main/domain/insights/operations';
import { dropRollupMarks, rebuildRollups, restoreRollupMarks } from '../../src/main/domain/insights/rollups';
import { insertOrder } from '../helpers/fixtures';
import { memoryDb } from '../helpers/db';
import { handlerContext } from '../helpers/context';
import { NOW, insertRetentionStore, parsed } from './insights-fixture';

let connection: Connection;
beforeEach(async () => {
  connection = await memoryDb();
  insertRetentionStore(connection.sqlite);
});
afterEach(() => connection.close());

const ctx = () => handlerContext(connection, NOW);
const read = (range?: { from?: string; to?: string }) => retention(parsed('insights.retention', range ? { range } : {}), ctx());

describe('insights.retention: repeat purchase and time between orders', () => {
  it('counts the customers first ordering in the range who ordered again, at any time', () => {
    // First orders (not cancelled) Jan–Mar: c1, c2, c3 (Feb 15), c4, c5, c6; again: c1, c3, c5, c6.
    expect(read({ from: '2026-01-01', to: '2026-03-31' }).repeatPurchaseRate).toBeCloseTo(4 / 6);
    // February: c3 (again in March) and c4 (never again).
    expect(read({ from: '2026-02-01', to: '2026-02-28' }).repeatPurchaseRate).toBe(0.5);
    // Nobody first ordered in May.
    expect(read({ from: '2026-05-01', to: '2026-05-31' }).repeatPurchaseRate).toBeNull();
  });

  it('gives p50 and p90 of the days between consecutive orders by nearest rank, and a histogram', () => {
    // Gaps: c1 36, 50; c3 14 (its cancelled order does not count); c5 10, 43; c6 20.
    const all = read();
    expect(all.timeBetweenOrdersP50).toBe(20);
    expect(all.timeBetweenOrdersP90).toBe(50);
    expect(Object.fromEntries(all.timeBetweenOrders.map((b) => [b.bucket, b.count]))).toEqual({
      '0-7': 0, '8-14': 2, '15-30': 1, '31-60': 3, '61-90': 0, '91-180': 0, '181-365': 0, '366+': 0,
    });
    // 12 orders of known customers, 6 of them repeats (the guest's is not counted).
    expect(all.returningOrderShare).toBe(0.5);

    const march = read({ from: '2026-03-01', to: '2026-03-31' });
    // March orders: c3 (14 days after Feb 15), c5 first, c5 (10 days), c6 first.
    expect([march.timeBetweenOrdersP50, march.timeBetweenOrdersP90]).toEqual([10, 14]);
    expect(march.returningOrderShare).toBe(0.5);
    expect(read({ from: '2025-01-01', to: '2025-12-31' }).timeBetweenOrdersP50).toBeNull();
  });

  it('keeps the gap rollups equal to a full rebuild through inserts, cancellations, moves and deletions', () => {
    const snapshot = () => ({
      customers: connection.sqlite.prepare('SELECT * FROM rollup_customer_orders ORDER BY customer_id').all(),
      gaps: connection.sqlite.prepare('SELECT * FROM rollup_order_gaps ORDER BY store_id, day, gap_days').all(),
    });
    read();
    const sqlite = connection.sqlite;
    insertOrder(sqlite, { id: 20, customerId: 2, seq: 2, placedAt: '2026-05-10T09:00:00.000Z', totalMinor: 100 });
    sqlite.prepare(`UPDATE orders SET status = 'cancelled' WHERE id = 6`).run();
    sqlite.prepare('UPDATE orders SET customer_id = 4 WHERE id = 10').run();
    sqlite.prepare(`UPDATE orders SET placed_at = '2026-01-01T08:00:00.000Z' WHERE id = 13`).run();
    sqlite.prepare('DELETE FROM orders WHERE id = 9').run();
    sqlite.prepare(`UPDATE orders SET status = 'completed' WHERE id = 15`).run();
    const after = read();
    const incremental = snapshot();
    rebuildOrderGaps(sqlite, NOW);
    expect(incremental).toEqual(snapshot());
    // Gaps now: c1 36, 50; c2 110 (Jan 20 to May 10); c4 20; c6 89: p90 of five is the largest.
    expect(after.timeBetweenOrdersP90).toBe(110);
    expect(sqlite.prepare('SELECT count(*) AS n FROM rollup_gap_marks').get()).toEqual({ n: 0 });
  });

  it('equals a full rebuild after a random sequence of order changes, refreshed now and then', () => {
    const sqlite = connection.sqlite;
    let seed = 7;
    const random = (n: number) => { // mulberry32: deterministic, good low bits
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    const day = () => `2026-0${1 + random(5)}-${String(1 + random(28)).padStart(2, '0')}T${String(random(24)).padStart(2, '0')}:00:00.000Z`;
    const snapshot = () => [
      sqlite.prepare('SELECT * FROM rollup_customer_orders ORDER BY customer_id').all(),
      sqlite.prepare('SELECT * FROM rollup_order_gaps ORDER BY store_id, day, gap_days').all(),
    ];
    refreshOrderGaps(sqlite, NOW);
    let nextId = 100;
    for (let step = 0; step < 300; step++) {
      const ids = (sqlite.prepare('SELECT id FROM orders').all() as { id: number }[]).map((r) => r.id);
      const id = ids[random(ids.length)]!;
      const customer = random(8) === 0 ? null : 1 + random(7);
      switch (random(5)) {
        case 0: insertOrder(sqlite, { id: nextId++, customerId: customer, seq: null, placedAt: day(), totalMinor: 100 }); break;
        case 1: sqlite.prepare(`UPDATE orders SET status = CASE status WHEN 'cancelled' THEN 'completed' ELSE 'cancelled' END WHERE id = ?`).run(id); break;
        case 2: sqlite.prepare('UPDATE orders SET customer_id = ? WHERE id = ?').run(customer, id); break;
        case 3: sqlite.prepare('UPDATE orders SET placed_at = ? WHERE id = ?').run(day(), id); break;
        default: if (ids.length > 30) sqlite.prepare('DELETE FROM orders WHERE id = ?').run(id);
      }
      if (random(15) === 0) refreshOrderGaps(sqlite, NOW);
    }
    refreshOrderGaps(sqlite, NOW);
    const incremental = snapshot();
    rebuildOrderGaps(sqlite, NOW);
    expect(incremental).toEqual(snapshot());
    expect((incremental[1] as unknown[]).length).toBeGreaterThan(5);
  });

  it('rebuilds after a bulk load that dropped the marks and rebuilt the other rollups', () => {
    const sqlite = connection.sqlite;
    expect(read().timeBetweenOrdersP90).toBe(50);
    sqlite.transaction(() => {
      const marks = dropRollupMarks(sqlite);
      insertOrder(sqlite, { id: 30, customerId: 2, seq: 2, placedAt: '2026-05-10T09:00:00.000Z', totalMinor: 100 });
      restoreRollupMarks(sqlite, marks);
      rebuildRollups(sqlite, new Date('2026-05-14T00:00:00.000Z'));
    })();
    expect(sqlite.prepare('SELECT count(*) FROM rollup_gap_marks').pluck().get()).toBe(0);
    // c2's new order (110 days after the first) was never marked, yet counts.
    expect(read().timeBetweenOrdersP90).toBe(110);
  });
});
