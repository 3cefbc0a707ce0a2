import type BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { applyLoadPragmas } from './bulk-load';
import { writeChunk, type ChunkResult } from './chunk';
import { createInserters, ORDER_TABLES, type OrderTableName } from './context';
import { StoreLoad, assertNoTransaction, ordersForSize, type DemoStoreOptions, type DemoStoreSummary } from './load';
import { planBuffers } from './plan';
import { generateDemoStore, LOAD_CACHE_MIB } from './sequential';

export interface ParallelOptions extends DemoStoreOptions {
  /** Worker threads writing orders; default: one per core. */
  workers?: number;
  /** Orders per chunk, roughly (default MIN_CHUNK_ORDERS, at most MAX_CHUNKS + 1 chunks). Does not change the content. */
  chunkOrders?: number;
}

/** Scratch databases stay attached until commit, and SQLite attaches at most 10. */
const MAX_CHUNKS = 10;
/** Below this, threads cost more than they save. */
const MIN_CHUNK_ORDERS = 25_000;

export interface ChunkJob {
  lo: number;
  hi: number;
  file: string;
}

/** What a worker needs: the store, the plan, and the scratch tables' DDL. */
export interface WorkerSetup {
  store: StoreLoad['store'];
  plan: Record<string, unknown>;
  scratchDdl: string[];
}

export type WorkerMessage = { type: 'chunk'; index: number; job: ChunkJob };

/**
 * The same store as generateDemoStore (same seed and `now`, same rows), made
 * faster with worker threads. Binding values into statements is most of a
 * load's cost, so workers write chunks of orders into scratch databases in
 * parallel; this thread writes the first chunk itself, then copies each finished
 * chunk into the profile with one INSERT ... SELECT per table (native code, no
 * binding), posts the loyalty ledger in order, and rebuilds the dropped indexes
 * at the end, all in one transaction. Falls back to generateDemoStore for small
 * stores and in-memory databases. Measured on the large store: see bench/.
 */
export async function generateDemoStoreInParallel(
  sqlite: BetterSqlite3.Database, options: ParallelOptions,
): Promise<DemoStoreSummary> {
  const orderCount = ordersForSize(options.size);
  // The first chunk is written by this thread, not attached: one more than the attach limit.
  const chunkCount = Math.min(MAX_CHUNKS + 1, Math.ceil(orderCount / (options.chunkOrders ?? MIN_CHUNK_ORDERS)));
  const workerCount = Math.min(options.workers ?? availableParallelism(), chunkCount - 1);
  if (sqlite.memory || workerCount < 1) return generateDemoStore(sqlite, options);
  assertNoTransaction(sqlite);

  const started = performance.now();
  const scratchDir = mkdtempSync(join(tmpdir(), 'backroom-demo-'));
  const restorePragmas = applyLoadPragmas(sqlite, LOAD_CACHE_MIB);
  const workers: Worker[] = [];
  const attached: string[] = [];
  const attach = (file: string): string => {
    const alias = `scratch${attached.length}`;
    sqlite.prepare(`ATTACH DATABASE ? AS ${alias}`).run(file);
    attached.push(alias);
    return alias;
  };
  const timing = new LoadTiming();
  let summary: Omit<DemoStoreSummary, 'elapsedMs'>;
  sqlite.exec('BEGIN');
  try {
    const load = new StoreLoad(sqlite, options);
    const copy = scratchCopier(sqlite, load);
    const setup: WorkerSetup = { store: load.store, plan: planBuffers(load.plan), scratchDdl: copy.ddl };
    for (let w = 0; w < workerCount; w++) workers.push(startWorker(setup));
    timing.mark('setup');
    // The ledger is posted here, in chunk order: balances depend on every earlier order.
    const chunkDone = (result: ChunkResult, orders: number) => {
      load.ledger.postChunk(result.facts);
      timing.mark('ledger');
      load.addCounts(result.counts);
      load.reportProgress(orders);
    };

    const [first, ...jobs] = chunkJobs(orderCount, chunkCount, scratchDir) as [ChunkJob, ...ChunkJob[]];
    const workersDone = runInOrder(workers, jobs, (job, result) => {
      timing.mark('wait');
      copy.tables(attach(job.file));
      // Its pages are read; where the OS allows deleting an open file, free the disk now.
      rmSync(job.file, { force: true, maxRetries: 0 });
      timing.mark('copy');
      chunkDone(result, job.hi - job.lo);
    });
    workersDone.catch(() => {}); // awaited below; if this thread fails first, the finally block ends the workers
    // While the workers start and write their first chunks, this thread writes the first one itself.
    const tables = createInserters(sqlite, ORDER_TABLES, load.store.storeId, load.store.currency);
    const firstResult = writeChunk(load.store, load.plan, load.catalogue, tables, first.lo, first.hi);
    timing.mark('first chunk');
    chunkDone(firstResult, first.hi - first.lo);
    await workersDone;
    summary = load.finish();
    timing.mark('indexes');
    sqlite.exec('COMMIT');
    timing.mark('commit');
    timing.report();
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    // A scratch database can only be detached once the transaction that read it is over.
    for (const alias of attached) {
      try {
        sqlite.exec(`DETACH DATABASE ${alias}`);
      } catch {
        // Still in use after a failed rollback; closing the connection releases it.
      }
    }
    restorePragmas();
    rmSync(scratchDir, { recursive: true, force: true });
  }
  // Elapsed time includes the commit and the clean-up.
  return { ...summary, elapsedMs: Math.round(performance.now() - started) };
}

/** Where this thread's time goes, on stderr when BACKROOM_DEMO_TIMING is set (for tuning the pipeline). */
class LoadTiming {
  private last = performance.now();
  private readonly spent = new Map<string, number>();

  mark(phase: string): void {
    const now = performance.now();
    this.spent.set(phase, (this.spent.get(phase) ?? 0) + now - this.last);
    this.last = now;
  }

  report(): void {
    if (!process.env.BACKROOM_DEMO_TIMING) return;
    const parts = [...this.spent].map(([phase, ms]) => `${phase} ${Math.round(ms)} ms`);
    process.stderr.write(`demo store load: ${parts.join(', ')}\n`);
  }
}

/**
 * Splits the orders into `count` chunks; the first is written by this thread.
 * The early ones are smaller so this thread gets work soon, the last one too
 * because its copy is on the critical path at the end. Chunking never changes
 * the content (every order has its own random stream).
 */
function chunkJobs(orderCount: number, count: number, dir: string): ChunkJob[] {
  const weights = Array.from({ length: count }, (_, k) =>
    k === 0 ? 0.5 : k === 1 ? 0.5 : k === 2 ? 0.8 : k === count - 1 && count > 4 ? 0.5 : 1,
  );
  const total = weights.reduce((a, b) => a + b, 0);
  const jobs: ChunkJob[] = [];
  let lo = 0;
  let cumulative = 0;
  for (const weight of weights) {
    cumulative += weight;
    const hi = Math.round((cumulative / total) * orderCount);
    jobs.push({ lo, hi, file: join(dir, `chunk-${jobs.length}.sqlite`) });
    lo = hi;
  }
  return jobs;
}

/**
 * Scratch tables have the generator's columns with the profile's column types,
 * and no constraints or indexes: cheap to fill. `tables` copies them into the
 * profile in id order.
 */
function scratchCopier(sqlite: BetterSqlite3.Database, load: StoreLoad) {
  const inserters = createInserters(sqlite, ORDER_TABLES, load.store.storeId, load.store.currency);
  const columnsOf = (table: OrderTableName) => inserters[table].columnNames;
  const ddl = ORDER_TABLES.map((table) => {
    const types = new Map(
      (sqlite.pragma(`table_info(${table})`) as { name: string; type: string }[]).map((c) => [c.name, c.type]),
    );
    const columns = columnsOf(table).map((name) => (name === 'id' ? 'id INTEGER PRIMARY KEY' : `${name} ${types.get(name) ?? ''}`));
    return `CREATE TABLE ${table} (${columns.join(', ')})`;
  });
  return {
    ddl,
    tables(alias: string): void {
      for (const table of ORDER_TABLES) {
        const columns = columnsOf(table).join(', ');
        sqlite.exec(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM ${alias}.${table} ORDER BY id`);
      }
    },
  };
}

function startWorker(setup: WorkerSetup): Worker {
  const source = __filename.endsWith('.ts');
  const entry = join(__dirname, source ? 'chunk-worker.ts' : 'chunk-worker.js');
  // Running from TypeScript (tsx, vitest): the worker needs tsx's loader to read chunk-worker.ts.
  const execArgv = source ? ['--require', createRequire(__filename).resolve('tsx/cjs')] : undefined;
  return new Worker(entry, { workerData: setup, execArgv });
}

function failures(worker: Worker, fail: (error: Error) => void): void {
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (code !== 0) fail(new Error(`A demo store worker stopped with code ${code}.`));
  });
}

/**
 * Hands jobs to idle workers in order and calls `done` for each finished job in
 * job order (a chunk finished early waits for the ones before it), so the
 * profile's tables grow in id order.
 */
function runInOrder(workers: Worker[], jobs: ChunkJob[], done: (job: ChunkJob, result: ChunkResult) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const results = new Map<number, ChunkResult>();
    let nextJob = 0;
    let nextDone = 0;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed || nextDone === jobs.length) return;
      failed = true;
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const dispatch = (worker: Worker) => {
      if (nextJob < jobs.length) {
        worker.postMessage({ type: 'chunk', index: nextJob, job: jobs[nextJob++] as ChunkJob } satisfies WorkerMessage);
      }
    };
    for (const worker of workers) {
      worker.on('message', (message: { type: string; index: number; result: ChunkResult }) => {
        if (failed || message.type !== 'chunk') return;
        results.set(message.index, message.result);
        dispatch(worker);
        try {
          while (results.has(nextDone)) {
            done(jobs[nextDone] as ChunkJob, results.get(nextDone) as ChunkResult);
            results.delete(nextDone++);
          }
        } catch (error) {
          fail(error);
          return;
        }
        if (nextDone === jobs.length) resolve();
      });
      failures(worker, fail);
      dispatch(worker);
    }
  });
}
