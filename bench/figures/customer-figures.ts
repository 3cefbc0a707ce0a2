import type { HandlerContext } from '../../src/main/core/handler';
import { openConnection } from '../../src/main/db/connection';
import { customerHandlers } from '../../src/main/domain/customers/handlers';
import { customerPageStatement } from '../../src/main/domain/customers/list';
import { refreshCustomerRfm } from '../../src/main/domain/customers/rfm';
import { customerListQuery, customerIdInput, type CustomerListQuery } from '../../src/shared/contract';
import { capturePlans } from '../../tests/helpers/plans';
import { p95, round } from '../harness';

/**
 * Customer figures on a big demo store, for the orders bench (issue 3):
 * the 360° profile (target p95 < 30 ms), a first page of customers with a
 * filter and a sort, and recomputing every customer's RFM row (< 20 s).
 * Called with the path of an already generated and migrated store; it writes
 * customer_rfm (that is what a recompute does) and nothing else.
 */
const PROFILE_RUNS = 300;
const PAGE_RUNS = 40;
const REFRESH_RUNS = 100;

/** First pages a merchant asks for: each with a sort, most with a filter. */
const PAGES: [string, CustomerListQuery][] = [
  ['default_last_order', {}],
  ['champions_by_spend', { filter: { segments: ['champions'] }, sort: { by: 'spend', direction: 'desc' } }],
  ['at_risk_consent_by_last_order', { filter: { segments: ['atRisk', 'cantLose'], marketingConsent: true }, sort: { by: 'lastOrderAt', direction: 'desc' } }],
  ['min_orders_by_orders', { filter: { minOrders: 5 }, sort: { by: 'orders', direction: 'desc' } }],
  ['by_name', { sort: { by: 'name', direction: 'asc' } }],
  ['consent_by_name_desc', { filter: { marketingConsent: true }, sort: { by: 'name', direction: 'desc' } }],
  ['search_name_by_spend', { filter: { search: 'mar' }, sort: { by: 'spend', direction: 'desc' } }],
  ['lost_min_spend_by_spend', { filter: { segments: ['lost'], minSpendMinor: 10_000 }, sort: { by: 'spend', direction: 'desc' } }],
];

export async function measureCustomerFigures(dbPath: string): Promise<{
  customer_profile_p95_ms: number;
  rfm_recompute_s: number;
  customers_page_p95_ms: number;
  rfm_customer_refresh_p95_ms: number;
  plans: Record<string, string[]>;
}> {
  const connection = openConnection(dbPath);
  const now = new Date();
  const ctx: HandlerContext = {
    sqlite: connection.sqlite, db: connection.db, dbPath, now: () => now, emit: () => undefined,
  };
  try {
    const recompute = customerHandlers['customers.rfm.recompute']({}, ctx);
    const rfmSeconds = recompute.durationMs / 1000;

    // Profiles: a deterministic spread over all customers, plus the heaviest ones (longest histories).
    const { sqlite } = connection;
    const maxId = (sqlite.prepare('SELECT max(id) AS n FROM customers').get() as { n: number }).n;
    const heavy = sqlite
      .prepare('SELECT customer_id AS id FROM customer_rfm ORDER BY orders_count DESC LIMIT 30')
      .all() as { id: number }[];
    const ids = [...heavy.map((h) => h.id), ...Array.from({ length: PROFILE_RUNS - heavy.length }, (_, i) => 1 + ((i * 7919) % maxId))];
    const get = customerHandlers['customers.get'];
    get(customerIdInput.parse({ id: ids[0] }), ctx); // warm-up
    const profileMs = ids.map((id) => {
      const started = performance.now();
      get({ id }, ctx);
      return performance.now() - started;
    });

    const list = customerHandlers['customers.list'];
    const pageMs: number[] = [];
    for (const [, query] of PAGES) {
      const parsed = customerListQuery.parse(query);
      list(parsed, ctx);
      for (let i = 0; i < PAGE_RUNS; i++) {
        const started = performance.now();
        list(parsed, ctx);
        pageMs.push(performance.now() - started);
      }
    }

    // One customer's row after a merge or a refund, against the stored population; rolled back,
    // so the figures above and the stored scores stay those of the full recompute.
    const refreshMs: number[] = [];
    const plans: Record<string, string[]> = {};
    sqlite.exec('BEGIN');
    try {
      for (let i = 0; i < REFRESH_RUNS; i++) {
        const started = performance.now();
        refreshCustomerRfm(sqlite, ids[i % ids.length]!, now);
        refreshMs.push(performance.now() - started);
      }
      plans.rfm_customer_refresh = capturePlans(sqlite, (spied) => refreshCustomerRfm(spied, heavy[0]!.id, now), {
        selectsOnly: true,
      });
    } finally {
      sqlite.exec('ROLLBACK');
    }

    for (const [name, query] of PAGES) {
      plans[`customers_page_${name}`] = capturePlans(sqlite, (spied) => {
        const statement = customerPageStatement(spied, customerListQuery.parse(query));
        if (statement) spied.prepare(statement.sql);
      });
    }
    plans.customer_profile = capturePlans(sqlite, (spied) => get({ id: heavy[0]!.id }, { ...ctx, sqlite: spied }), {
      selectsOnly: true,
    });
    return {
      customer_profile_p95_ms: round(p95(profileMs), 2),
      rfm_recompute_s: round(rfmSeconds, 2),
      customers_page_p95_ms: round(p95(pageMs), 2),
      rfm_customer_refresh_p95_ms: round(p95(refreshMs), 2),
      plans,
    };
  } finally {
    connection.close();
  }
}
