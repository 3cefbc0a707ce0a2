import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { recomputeAllRfm, refreshCustomerRfm } from '../../src/main/domain/customers/rfm';
import { retention } from '../../src/main/domain/insights/operations';
import { memoryDb } from '../helpers/db';
import { handlerContext } from '../helpers/context';
import { NOW, insertRetentionStore, parsed } from './insights-fixture';

let connection: Connection;
beforeEach(async () => {
  connection = await memoryDb();
  insertRetentionStore(connection.sqlite);
});
afterEach(() => connection.close());

const movement = (range?: { from?: string; to?: string }) => {
  const result = retention(parsed('insights.retention', range ? { range } : {}), handlerContext(connection, NOW));
  return { window: result.segmentMovementWindow, rows: result.segmentMovement };
};

/** Writes customer_rfm as a full computation does: every row rewritten, then the setting saying when. */
function computation(at: string, segments: Record<number, string>): void {
  const sqlite = connection.sqlite;
  sqlite.prepare('DELETE FROM customer_rfm').run();
  for (const [customerId, segment] of Object.entries(segments)) {
    sqlite.prepare('INSERT INTO customer_rfm (customer_id, store_id, segment, computed_at) VALUES (?, 1, ?, ?)')
      .run(Number(customerId), segment, at);
  }
  sqlite.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('customers.rfmComputedAt', ?, ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`).run(JSON.stringify(at), at);
}

const FEB = '2026-02-01T00:00:00.000Z';
const APR = '2026-04-01T00:00:00.000Z';

describe('insights.retention: RFM segment movement', () => {
  it('is empty, with no window, before any computation', () => {
    expect(movement()).toEqual({ window: { from: null, to: null }, rows: [] });
  });

  it('compares the computation before the range with the last one by its end', () => {
    computation(FEB, { 1: 'champions', 2: 'new', 3: 'new' });
    computation(APR, { 1: 'champions', 2: 'atRisk', 3: 'loyal', 4: 'new' });
    const expected = [
      { from: 'champions', to: 'champions', customers: 1 },
      { from: 'new', to: 'atRisk', customers: 1 },
      { from: 'new', to: 'loyal', customers: 1 },
      { from: 'none', to: 'new', customers: 1 },
    ];
    const sorted = <T extends { from: string; to: string }>(rows: T[]): T[] => [...rows].sort((a, b) => `${a.from}${a.to}`.localeCompare(`${b.from}${b.to}`));
    const march = movement({ from: '2026-03-01', to: '2026-04-30' });
    expect(march.window).toEqual({ from: FEB, to: APR });
    expect(sorted(march.rows)).toEqual(sorted(expected));
    // Without a range start: the last two computations, the same pair here.
    expect(sorted(movement().rows)).toEqual(sorted(expected));
    // A range ending before the second computation has only the first: everyone arrives from 'none'.
    const early = movement({ from: '2026-02-10', to: '2026-03-15' });
    expect(early.window).toEqual({ from: null, to: FEB });
    expect(sorted(early.rows)).toEqual(sorted([
      { from: 'none', to: 'champions', customers: 1 }, { from: 'none', to: 'new', customers: 2 },
    ]));
  });

  it('leaves out a re-score of one customer after the later computation, and merged customers', () => {
    computation(FEB, { 1: 'champions', 2: 'new' });
    computation(APR, { 1: 'loyal', 2: 'new' });
    connection.sqlite.prepare(`UPDATE customer_rfm SET segment = 'lost', computed_at = '2026-04-20T00:00:00.000Z' WHERE customer_id = 2`).run();
    expect(movement({ from: '2026-03-01', to: '2026-05-15' }).rows).toEqual(expect.arrayContaining([
      { from: 'new', to: 'new', customers: 1 }, { from: 'champions', to: 'loyal', customers: 1 },
    ]));
    connection.sqlite.prepare('UPDATE customers SET merged_into_id = 2 WHERE id = 1').run();
    connection.sqlite.prepare(`INSERT INTO customer_merges (source_customer_id, target_customer_id, idempotency_key, merged_at)
      VALUES (1, 2, 'm1', '2026-05-01T00:00:00.000Z')`).run();
    expect(movement({ from: '2026-03-01', to: '2026-05-15' }).rows).toEqual([{ from: 'new', to: 'new', customers: 1 }]);
  });

  it('records the customers area’s own computations and per-customer re-scores', () => {
    recomputeAllRfm(connection.sqlite, new Date(FEB));
    const scored = connection.sqlite.prepare('SELECT count(*) AS n FROM customer_rfm WHERE segment IS NOT NULL').get() as { n: number };
    expect(scored.n).toBe(6);
    recomputeAllRfm(connection.sqlite, new Date(APR));
    const result = movement({ from: '2026-03-01', to: '2026-04-30' });
    expect(result.window).toEqual({ from: FEB, to: APR });
    // Nothing changed between the two: everyone stayed where they were.
    expect(result.rows.every((r) => r.from === r.to)).toBe(true);
    expect(result.rows.reduce((sum, r) => sum + r.customers, 0)).toBe(6);
    // A refund re-scores one customer at once; the change is kept with its own time.
    connection.sqlite.prepare('UPDATE orders SET refunded_minor = total_minor WHERE customer_id = 2').run();
    refreshCustomerRfm(connection.sqlite, 2, new Date('2026-04-10T00:00:00.000Z'));
    const latest = connection.sqlite.prepare(
      'SELECT segment FROM rfm_segment_history WHERE customer_id = 2 ORDER BY since DESC LIMIT 1').get();
    expect(latest).toEqual(connection.sqlite.prepare('SELECT segment FROM customer_rfm WHERE customer_id = 2').get());
    const computations = connection.sqlite.prepare('SELECT computed_at FROM rfm_computations ORDER BY 1').all();
    expect(computations).toEqual([{ computed_at: FEB }, { computed_at: APR }]);
  });
});
