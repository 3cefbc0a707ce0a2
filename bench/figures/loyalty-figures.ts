import type { HandlerContext } from '../../src/main/core/handler';
import { openConnection, type Sqlite } from '../../src/main/db/connection';
import { expiringCustomers } from '../../src/main/domain/loyalty/expiring';
import { loyaltyBalance } from '../../src/main/domain/loyalty/handlers';
import { liabilityReport } from '../../src/main/domain/loyalty/liability';
import { median, p95, round, timeRuns } from '../harness';

/**
 * Loyalty figures on a (1M-order) demo store, for the orders bench: a
 * customer's balance through the operation's handler (budget: 1 ms p95), the
 * whole-program liability report (one set-based pass over the ledger), and the
 * query plans of the statements behind them.
 */
const BALANCE_RUNS = 500;

/** Customers with a ledger, spread over the id range, chosen deterministically. */
function sampleCustomers(sqlite: Sqlite, count: number): number[] {
  const { lo, hi } = sqlite.prepare('SELECT min(customer_id) AS lo, max(customer_id) AS hi FROM points_ledger')
    .get() as { lo: number; hi: number };
  const next = sqlite.prepare('SELECT customer_id FROM points_ledger WHERE customer_id >= ? ORDER BY customer_id LIMIT 1')
    .pluck();
  let seed = 12345;
  return Array.from({ length: count }, () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return (next.get(lo + (seed % (hi - lo + 1))) as number | undefined) ?? lo;
  });
}

/** EXPLAIN QUERY PLAN of every statement `run` prepares, with placeholder parameters. */
function plansOf(sqlite: Sqlite, run: (spied: Sqlite) => unknown): string[] {
  const statements: string[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  const spied = Object.assign(Object.create(sqlite) as Sqlite, {
    prepare: ((sql: string) => {
      statements.push(sql);
      return prepare(sql);
    }) as Sqlite['prepare'],
  });
  run(spied);
  return [...new Set(statements)].filter((sql) => /^\s*(SELECT|WITH)/i.test(sql)).map((sql) => {
    const named: Record<string, string | number> = {};
    for (const name of sql.match(/@\w+/g) ?? []) named[name.slice(1)] = /take|afterId/.test(name) ? 1 : '2026-01-01';
    const positional = (sql.match(/\?/g) ?? []).map(() => 1);
    const explain = prepare(`EXPLAIN QUERY PLAN ${sql}`);
    const rows = (Object.keys(named).length > 0 ? explain.all(named) : explain.all(...positional)) as
      { detail: string }[];
    return `${sql.replace(/\s+/g, ' ').trim().slice(0, 90)}… => ${rows.map((r) => r.detail).join(' | ')}`;
  });
}

export async function measureLoyaltyFigures(dbPath: string): Promise<{
  balance_p95_ms: number;
  liability_ms: number;
  plans: Record<string, string[]>;
}> {
  const connection = openConnection(dbPath);
  try {
    const { sqlite } = connection;
    const now = new Date();
    const ctx = { sqlite, db: connection.db, dbPath, now: () => now, emit: () => undefined } as HandlerContext;
    const customers = sampleCustomers(sqlite, BALANCE_RUNS);
    let i = 0;
    const balanceRuns = await timeRuns(BALANCE_RUNS, () => loyaltyBalance({ customerId: customers[i++ % customers.length]! }, ctx));
    const liabilityRuns = await timeRuns(2, () => liabilityReport(sqlite, now));
    const customerId = customers[0]!;
    const plans = {
      balance: plansOf(sqlite, (spied) => loyaltyBalance({ customerId }, { ...ctx, sqlite: spied })),
      liability: plansOf(sqlite, (spied) => liabilityReport(spied, now)),
      expiring: plansOf(sqlite, (spied) => expiringCustomers(spied, now, 30, 50)),
    };
    return { balance_p95_ms: round(p95(balanceRuns), 3), liability_ms: round(median(liabilityRuns), 0), plans };
  } finally {
    connection.close();
  }
}
