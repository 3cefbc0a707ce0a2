import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore } from '../../src/main/core';
import { openConnection } from '../../src/main/db/connection';
import { migrate } from '../../src/main/db/migrate';
import { generateDemoStoreInParallel } from '../../src/main/demo';
import { pageStatement } from '../../src/main/domain/orders/list';
import { orderListQuery, type OrderListQuery } from '../../src/shared/contract';
import { round, timeRuns, type Figures, type Suite } from '../harness';

/**
 * The orders workspace on the 1M-order demo store, through the contract as the
 * window calls it: first pages with filters and sorts, the next page, searches,
 * and the detail drawer. Issue 3's target: `orders_page_p95_ms` under 25 ms.
 */
const RUNS = 200;
const NOW = new Date('2026-11-23T12:00:00Z');

function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
}

/**
 * The headline figure: a status filter and a date sort. Cancelled is the
 * rarest status (about 2.5% of orders), so the index walk is longest for it:
 * the conservative choice. "Open" and the other filters are timed beside it.
 */
const HEADLINE: OrderListQuery = { filter: { status: ['cancelled'] }, sort: { by: 'placedAt', direction: 'desc' } };

async function makeLargeStore(dbPath: string, log: (line: string) => void): Promise<void> {
  const connection = openConnection(dbPath);
  await migrate(connection);
  const started = performance.now();
  await generateDemoStoreInParallel(connection.sqlite, { size: 'large', seed: 1, now: NOW });
  connection.close();
  log(`large demo store generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The query plans of the page statements, so the figures can be read beside them. */
function logPlans(dbPath: string, queries: [string, OrderListQuery][], log: (line: string) => void): void {
  const connection = openConnection(dbPath, { readonly: true });
  for (const [name, query] of queries) {
    const statement = pageStatement(connection.sqlite, orderListQuery.parse(query));
    if (!statement) continue;
    const plan = (connection.sqlite.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(statement.params.values) as { detail: string }[])
      .map((r) => r.detail).join(' | ');
    log(`plan ${name}: ${plan}`);
  }
  connection.close();
}

async function timeOrders(dbPath: string, log: (line: string) => void): Promise<Figures> {
  const core = await openCore({ dbPath, now: () => NOW });
  const call = async (name: 'orders.list' | 'orders.get', input: unknown) => {
    const result = await core.invokeByName(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
    return result.data;
  };
  const first = (await call('orders.list', { limit: 50 })) as { rows: { id: number; customer: { email: string | null } | null }[]; nextCursor: string };
  const email = first.rows.find((r) => r.customer?.email)?.customer?.email ?? 'nobody@example.com';
  const pages: [string, OrderListQuery, number][] = [
    ['orders_page', HEADLINE, RUNS],
    ['orders_page_open', { filter: { status: ['open'] }, sort: { by: 'placedAt', direction: 'asc' } }, RUNS],
    // Financial status is not in orders_placed: each row walked costs a table lookup.
    ['orders_page_failed_payment', { filter: { financialStatus: ['failed'] } }, RUNS],
    ['orders_page_unfulfilled', { filter: { fulfillmentStatus: ['unfulfilled'] } }, RUNS],
    ['orders_page_store', { filter: { storeId: 1 }, sort: { by: 'placedAt', direction: 'asc' } }, RUNS],
    // The walk's worst case: nothing matches, so it reads orders_placed to the end.
    ['orders_page_nothing_matches', { filter: { channel: ['nowhere'] } }, 20],
    ['orders_page_default', {}, RUNS],
    ['orders_page_next', { limit: 50, cursor: first.nextCursor }, RUNS],
    ['orders_page_cash_90d', { filter: { paymentMethod: ['cash'], range: { from: '2026-08-26', to: '2026-11-23' } } }, RUNS],
    ['orders_page_search_number', { filter: { search: '#123456' } }, RUNS],
    ['orders_page_search_email', { filter: { search: email } }, RUNS],
    ['orders_page_search_name', { filter: { search: 'smith' } }, 20],
    // No index for these sorts yet (see the report): measured so the gap is visible.
    ['orders_page_total_sort', { sort: { by: 'total', direction: 'desc' } }, 5],
    ['orders_page_number_sort', { sort: { by: 'orderNumber', direction: 'desc' } }, 5],
  ];
  logPlans(dbPath, pages.map(([name, query]) => [name, query]), log);
  const figures: Figures = {};
  for (const [figure, query, runs] of pages) {
    const times = await timeRuns(runs, () => call('orders.list', { limit: 50, ...query }));
    figures[`${figure}_p95_ms`] = round(p95(times), 2);
    log(`${figure}: p95 ${p95(times).toFixed(2)} ms over ${runs} runs`);
  }
  const ids = first.rows.map((r) => r.id);
  let next = 0;
  const detail = await timeRuns(RUNS, () => call('orders.get', { id: ids[next++ % ids.length] }));
  figures['orders_get_p95_ms'] = round(p95(detail), 2);
  log(`orders_get: p95 ${p95(detail).toFixed(2)} ms`);
  await core.close();
  return figures;
}

const suite: Suite = {
  description: 'orders.list and orders.get on a 1M-order demo store (p95 over repeated calls)',
  async run(log) {
    const dir = mkdtempSync(join(tmpdir(), 'backroom-bench-'));
    try {
      const dbPath = join(dir, 'backroom.sqlite');
      await makeLargeStore(dbPath, log);
      return await timeOrders(dbPath, log);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default suite;
