import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore } from '../../src/main/core';
import { openConnection } from '../../src/main/db/connection';
import { migrate } from '../../src/main/db/migrate';
import { generateDemoStoreInParallel } from '../../src/main/demo';
import { median, round, timeRuns, type Figures, type Suite } from '../harness';

/**
 * The core over a large (1M orders) demo store: how fast it is made, how fast
 * it opens, how fast the dashboard answers, and raw better-sqlite3 inserts in
 * one transaction as the ceiling any bulk load can reach on this machine.
 */
const RUNS = 5;
const NOW = new Date('2026-11-23T12:00:00Z');
const RAW_ROWS = 1_000_000;

async function makeLargeStore(dbPath: string, log: (line: string) => void): Promise<Figures> {
  const connection = openConnection(dbPath);
  await migrate(connection);
  let lastShown = 0;
  // Timed from the call to the closed file: commit, clean-up and close included.
  const started = performance.now();
  const summary = await generateDemoStoreInParallel(connection.sqlite, {
    size: 'large',
    seed: 1,
    now: NOW,
    onProgress: (done, total) => {
      if (done - lastShown >= total / 10 || done === total) {
        lastShown = done;
        log(`generating: ${Math.round((100 * done) / total)}%`);
      }
    },
  });
  connection.close();
  const orders = summary.counts['orders'] ?? 0;
  const seconds = (performance.now() - started) / 1000;
  log(`large demo store: ${orders.toLocaleString('en-US')} orders in ${seconds.toFixed(1)} s`);
  return {
    demo_orders: orders,
    demo_generate_s: round(seconds, 2),
    demo_generate_orders_per_s: Math.round(orders / seconds),
  };
}

async function timeDashboard(dbPath: string, log: (line: string) => void): Promise<Figures> {
  const openStarted = performance.now();
  const core = await openCore({ dbPath, now: () => NOW });
  const openMs = performance.now() - openStarted;
  const call = (name: Parameters<typeof core.invokeByName>[0], input: unknown) => async () => {
    const result = await core.invokeByName(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
  };
  const last90 = { range: { from: '2026-08-26', to: '2026-11-23' } };
  const figures: Figures = { open_ms: round(openMs) };
  const timed: [string, () => Promise<void>][] = [
    ['dashboard_summary', call('dashboard.summary', {})],
    ['dashboard_summary_90d', call('dashboard.summary', last90)],
    ['dashboard_revenue_series', call('dashboard.revenueSeries', {})],
    ['dashboard_revenue_series_90d', call('dashboard.revenueSeries', last90)],
    ['dashboard_customer_mix', call('dashboard.customerMix', {})],
    ['dashboard_customer_mix_90d', call('dashboard.customerMix', last90)],
  ];
  for (const [figure, fn] of timed) {
    const runs = await timeRuns(RUNS, fn);
    figures[`${figure}_ms_median`] = round(median(runs));
    figures[`${figure}_ms_min`] = round(Math.min(...runs));
    figures[`${figure}_ms_max`] = round(Math.max(...runs));
    log(`${figure}: ${runs.map((r) => r.toFixed(0)).join(', ')} ms`);
  }
  await core.close();
  return figures;
}

function rawInsertRowsPerSecond(dir: string): number {
  const connection = openConnection(join(dir, 'raw.sqlite'));
  const sqlite = connection.sqlite;
  sqlite.exec('CREATE TABLE raw (id INTEGER PRIMARY KEY, a INTEGER NOT NULL, b TEXT NOT NULL, c INTEGER NOT NULL)');
  const insert = sqlite.prepare('INSERT INTO raw (id, a, b, c) VALUES (?, ?, ?, ?)');
  const started = performance.now();
  sqlite.transaction(() => {
    for (let i = 1; i <= RAW_ROWS; i++) insert.run(i, i * 7, 'row', i % 100);
  })();
  const seconds = (performance.now() - started) / 1000;
  connection.close();
  return Math.round(RAW_ROWS / seconds);
}

const suite: Suite = {
  description: 'a 1M-order demo store: generation, open, dashboard queries; raw inserts as the ceiling',
  async run(log) {
    const dir = mkdtempSync(join(tmpdir(), 'backroom-bench-'));
    try {
      const dbPath = join(dir, 'backroom.sqlite');
      const generation = await makeLargeStore(dbPath, log);
      const dashboard = await timeDashboard(dbPath, log);
      const raw = rawInsertRowsPerSecond(dir);
      log(`raw inserts: ${raw.toLocaleString('en-US')} rows/s`);
      return { ...generation, ...dashboard, raw_insert_rows_per_s: raw };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default suite;
