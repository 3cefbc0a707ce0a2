import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { recomputeAllRfm } from '../../src/main/domain/customers/rfm';
import { clv, overview, retention } from '../../src/main/domain/insights/operations';
import { refreshOrderGaps } from '../../src/main/domain/insights/order-gaps';
import { memoryDb } from '../helpers/db';
import { handlerContext } from '../helpers/context';
import { capturePlans } from '../helpers/plans';
import { NOW, insertRetentionStore, parsed } from './insights-fixture';

/**
 * At a million orders the insights must read rollups and indexes, never walk
 * a raw table: no bare SCAN of orders, customers, customer_rfm or tickets (a
 * scan of a small rollup is fine). The loyalty area's liability report walks
 * the whole ledger by its own design; the tile keeps it for an hour (overview.ts).
 */
const BARE_SCAN = /\bSCAN (orders|o|customers|c|customer_rfm|r|tickets|rollup_customer_orders|f)\b(?! USING)/;
const range = { from: '2026-03-01', to: '2026-03-31' };
let connection: Connection;

beforeAll(async () => {
  connection = await memoryDb();
  insertRetentionStore(connection.sqlite);
  recomputeAllRfm(connection.sqlite, NOW);
  retention(parsed('insights.retention', {}), handlerContext(connection, NOW)); // first build of the rollups
});
afterAll(() => connection.close());

const plansOf = (run: (ctx: ReturnType<typeof handlerContext>) => unknown) =>
  capturePlans(connection.sqlite, (spied) => run({ ...handlerContext(connection, NOW), sqlite: spied }), { selectsOnly: true });

describe('insights query plans', () => {
  it('read the retention figures through indexes', () => {
    const plans = plansOf((ctx) => retention(parsed('insights.retention', { range }), ctx));
    expect(plans.filter((p) => BARE_SCAN.test(p))).toEqual([]);
    expect(plans.join('\n')).toMatch(/rollup_customer_orders USING COVERING INDEX rollup_customer_orders_first/);
  });

  it('read the tiles and CLV through indexes', () => {
    const plans = [
      ...plansOf((ctx) => overview(parsed('insights.overview', { range }), ctx)),
      ...plansOf((ctx) => clv(parsed('insights.clv', { by: 'segment' }), ctx)),
      ...plansOf((ctx) => clv(parsed('insights.clv', { by: 'segment', range }), ctx)),
      ...plansOf((ctx) => clv(parsed('insights.clv', {}), ctx)),
    ];
    expect(plans.filter((p) => BARE_SCAN.test(p))).toEqual([]);
    expect(plans.join('\n')).toMatch(/tickets USING INDEX tickets_created/);
  });

  it('find a marked customer’s orders through orders_customer', () => {
    connection.sqlite.prepare(`UPDATE orders SET status = 'cancelled' WHERE id = 2`).run();
    const plans = capturePlans(connection.sqlite, (spied) => refreshOrderGaps(spied, NOW));
    expect(plans.join('\n')).toMatch(/SEARCH o USING INDEX orders_customer \(customer_id=\?\)/);
    expect(plans.filter((p) => BARE_SCAN.test(p))).toEqual([]);
  });
});
