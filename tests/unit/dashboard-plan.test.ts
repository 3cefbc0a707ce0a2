import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, Sqlite } from '../../src/main/db/connection';
import { kpis, revenueByPeriod, customerMixByPeriod } from '../../src/main/domain/dashboard/queries';
import { ALL_TIME, periodSql } from '../../src/main/domain/dashboard/range';
import { memoryDb } from '../helpers/db';

/**
 * The dashboard aggregates up to millions of orders: each statement must read a
 * covering index, never the orders table itself.
 */
let connection: Connection;
beforeAll(async () => {
  connection = await memoryDb();
});
afterAll(() => connection.close());

function capturePlans(run: (sqlite: Sqlite) => void): string[] {
  const statements: string[] = [];
  const sqlite = connection.sqlite;
  const prepare = sqlite.prepare.bind(sqlite);
  const spy = ((sql: string) => {
    statements.push(sql);
    return prepare(sql);
  }) as Sqlite['prepare'];
  run(Object.assign(Object.create(sqlite) as Sqlite, { prepare: spy }));
  return statements.map((sql) => {
    const params: Record<string, string | number> = {};
    for (const name of sql.match(/@\w+/g) ?? []) params[name.slice(1)] = name === '@storeId' ? 1 : 'x';
    return (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[])
      .map((row) => row.detail)
      .join(' | ');
  });
}

const scopes = {
  allTime: { bounds: ALL_TIME, currency: 'USD', storeId: null },
  range: { bounds: { lower: '2026-03-01', upperExclusive: '2026-04-01' }, currency: 'USD', storeId: null },
};

describe('dashboard query plans', () => {
  for (const [label, scope] of Object.entries(scopes)) {
    it(`reads KPIs from covering indexes (${label})`, () => {
      const plans = capturePlans((sqlite) => kpis(sqlite, scope));
      // Without a start, the sequence numbers replace the grouping by customer.
      expect(plans).toHaveLength(label === 'allTime' ? 1 : 2);
      for (const plan of plans) {
        expect(plan).toMatch(/COVERING INDEX orders_(placed|customer)/);
        expect(plan).not.toMatch(/SCAN orders(?! USING COVERING)/);
      }
    });

    it(`reads series from the covering index (${label})`, () => {
      const plans = capturePlans((sqlite) => {
        revenueByPeriod(sqlite, scope, periodSql('day'));
        customerMixByPeriod(sqlite, scope, periodSql('week'));
      });
      for (const plan of plans) expect(plan).toMatch(/COVERING INDEX orders_placed/);
    });
  }
});
