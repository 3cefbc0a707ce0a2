import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { kpis, revenueByPeriod, customerMixByPeriod } from '../../src/main/domain/dashboard/queries';
import { ALL_TIME, periodSql } from '../../src/main/domain/dashboard/range';
import { memoryDb } from '../helpers/db';
import { capturePlans as plansOf } from '../helpers/plans';

/**
 * The dashboard aggregates up to millions of orders: each statement must read a
 * covering index, never the orders table itself.
 */
let connection: Connection;
beforeAll(async () => {
  connection = await memoryDb();
});
afterAll(() => connection.close());

const scopes = {
  allTime: { bounds: ALL_TIME, currency: 'USD', storeId: null },
  range: { bounds: { lower: '2026-03-01', upperExclusive: '2026-04-01' }, currency: 'USD', storeId: null },
};

describe('dashboard query plans', () => {
  for (const [label, scope] of Object.entries(scopes)) {
    it(`reads KPIs from covering indexes (${label})`, () => {
      const plans = plansOf(connection.sqlite, (sqlite) => kpis(sqlite, scope));
      // Without a start, the sequence numbers replace the grouping by customer.
      expect(plans).toHaveLength(label === 'allTime' ? 1 : 2);
      for (const plan of plans) {
        expect(plan).toMatch(/COVERING INDEX orders_(placed|customer)/);
        expect(plan).not.toMatch(/SCAN orders(?! USING COVERING)/);
      }
    });

    it(`reads series from the covering index (${label})`, () => {
      const plans = plansOf(connection.sqlite, (sqlite) => {
        revenueByPeriod(sqlite, scope, periodSql('day'));
        customerMixByPeriod(sqlite, scope, periodSql('week'));
      });
      for (const plan of plans) expect(plan).toMatch(/COVERING INDEX orders_placed/);
    });
  }
});
