/**
 * Worker thread of generateDemoStoreInParallel: writes chunks of orders into
 * scratch databases and sends back each chunk's counts and loyalty facts.
 */
import BetterSqlite3 from 'better-sqlite3';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { buildCatalogue } from './catalogue';
import { writeChunk } from './chunk';
import { createInserters, ORDER_TABLES } from './context';
import { loyaltyFactBuffers } from './loyalty';
import type { WorkerMessage, WorkerSetup } from './parallel';
import { planFromBuffers } from './plan';

const setup = workerData as WorkerSetup;
// The main thread copies finished chunks and is the critical path: let it go first. On Linux
// a nice value is per thread; elsewhere it would slow the whole process, so leave it.
if (process.platform === 'linux') setPriority(5);
const plan = planFromBuffers(setup.plan);
const catalogue = buildCatalogue(setup.store);

/**
 * A throwaway file read once by the main thread: no journal, no syncing, and
 * big pages (fewer to read back). The profile's page size is left alone.
 */
function openScratch(file: string): BetterSqlite3.Database {
  const scratch = new BetterSqlite3(file);
  scratch.pragma('page_size = 65536');
  scratch.pragma('journal_mode = OFF');
  scratch.pragma('synchronous = OFF');
  scratch.pragma('locking_mode = EXCLUSIVE');
  scratch.pragma('cache_size = -262144');
  for (const ddl of setup.scratchDdl) scratch.exec(ddl);
  return scratch;
}

parentPort?.on('message', (message: WorkerMessage) => {
  const { store } = setup;
  const { lo, hi, file } = message.job;
  const scratch = openScratch(file);
  try {
    const tables = createInserters(scratch, ORDER_TABLES, store.storeId, store.currency);
    const result = scratch.transaction(() => writeChunk(store, plan, catalogue, tables, lo, hi))();
    parentPort?.postMessage({ type: 'chunk', index: message.index, result }, loyaltyFactBuffers(result.facts));
  } finally {
    scratch.close();
  }
});
