import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite } from '../../db/connection';
import { runJob, type JobRequest } from './job';
import type { WorkerReply, WorkerSetup } from './jobHost';

/**
 * Entry of a recs worker thread (one per training or evaluation): its own
 * read-only connection to the profile, so the core's thread keeps answering
 * while the engine reads millions of order lines and trains.
 */
const port = parentPort;
if (!port) throw new Error('recommend/worker.ts must run in a worker thread');

const setup = workerData as WorkerSetup;
// The model is copied, not transferred: a small Buffer may share its memory with Node's pool.
const send = (message: WorkerReply): void => port.postMessage(message);

let lastProgress = 0;
try {
  const sqlite = openSqlite(setup.dbPath, { readonly: true, nativeBinding: setup.nativeBinding });
  try {
    const result = runJob(sqlite, setup.request as JobRequest, (phase, done, total) => {
      // At most a few messages a second: progress is for a bar, not a log.
      const now = Date.now();
      if (now - lastProgress < 200 && done !== total) return;
      lastProgress = now;
      send({ type: 'progress', phase, done, total });
    });
    send({ type: 'result', result });
  } finally {
    sqlite.close();
  }
} catch (error) {
  send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
