import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { recomputeCustomers } from '../../src/main/domain/insights/rollups/customers';
import { recomputeBucket } from '../../src/main/domain/insights/rollups/daily';
import { DAILY_SOURCES } from '../../src/main/domain/insights/rollups/daily-sources';
import { memoryDb } from '../helpers/db';
import { capturePlans } from '../helpers/plans';

/**
 * A marked bucket is recomputed from one day of raw rows: every read of a raw
 * table must be an index search (a SCAN would read every order of a 1M-order
 * store on each refresh). Rollup tables and the marks themselves are small.
 */
let connection: Connection | null = null;
afterEach(() => {
  connection?.sqlite.close();
  connection = null;
});

/** The index each day's recompute must search (the time of its day). */
const DAY_INDEX: Record<string, RegExp> = {
  orders: /SEARCH orders USING COVERING INDEX orders_rollup_day \(placed_at>\? AND placed_at<\?\)/,
  payments: /SEARCH payments USING COVERING INDEX payments_rollup_day \(processed_at>\? AND processed_at<\?\)/,
  refunds: /SEARCH refunds USING INDEX refunds_refunded \(refunded_at>\? AND refunded_at<\?\)/,
  shipments: /SEARCH shipments USING INDEX shipments_rollup_day \(<expr>=\? AND carrier=\? AND <expr>=\? AND <expr>=\?\)/,
  delivery: /SEARCH s USING INDEX shipments_rollup_delivered \(<expr>=\? AND carrier=\? AND <expr>=\? AND <expr>=\?\)/,
  tickets: /SEARCH tickets USING INDEX tickets_created \(created_at>\? AND created_at<\?\)/,
  returns: /SEARCH r USING INDEX returns_requested \(requested_at>\? AND requested_at<\?\)/,
};

const RAW = /SCAN (orders|payments|refunds|shipments|tickets|returns|return_lines|o|s|r|l)\b/;

describe('rollup refresh query plans', () => {
  for (const source of DAILY_SOURCES) {
    it(`recomputes a ${source.kind} bucket through indexes`, async () => {
      connection = await memoryDb();
      const { sqlite } = connection;
      const key = { 'store-day': '1|2026-01-10', day: '2026-01-10', slice: '[1,"2026-01-10","UPS","US","CA"]' }[source.key];
      const plans = capturePlans(sqlite, (spied) => recomputeBucket(spied, source.kind, key));
      expect(plans.length).toBe(2);
      for (const plan of plans) expect(plan).not.toMatch(RAW);
      expect(plans[1]).toMatch(DAY_INDEX[source.kind]!);
      expect(plans[1]).not.toMatch(/autoindex|shipments_status/);
    });
  }

  it('recomputes marked customers through their orders index', async () => {
    connection = await memoryDb();
    const plans = capturePlans(connection.sqlite, (spied) => recomputeCustomers(spied, ['1|2026-01', '2|2026-02']));
    for (const plan of plans) expect(plan).not.toMatch(RAW);
    expect(plans.join('\n')).toMatch(/SEARCH o USING (COVERING )?INDEX orders_customer \(customer_id=\? AND placed_at>\? AND placed_at<\?\)/);
  });
});
