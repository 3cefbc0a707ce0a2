import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Sqlite } from '../../db/connection';
import { runJob, type JobProgress, type JobRequest, type JobResult } from './job';

/**
 * Runs a training or evaluation job off the core's thread: in a worker thread
 * with its own read-only connection for a profile file, or (':memory:' in unit
 * tests, which another connection cannot see) on this thread after the handler
 * has answered, through the very same runJob.
 */
export interface WorkerSetup {
  dbPath: string;
  nativeBinding?: string | undefined;
  request: JobRequest;
}

export type WorkerReply =
  | { type: 'progress'; phase: string; done: number; total: number | null }
  | { type: 'result'; result: JobResult }
  | { type: 'error'; message: string };

export interface RunningJob {
  /** Settles with the result, or rejects with the reason it failed or was cancelled. */
  result: Promise<JobResult>;
  /** Stops the job (core close); its promise rejects with JobCancelled. */
  cancel(): Promise<void>;
}

export class JobCancelled extends Error {
  override name = 'JobCancelled';
}

export interface JobSource {
  sqlite: Sqlite;
  dbPath: string;
  nativeBinding?: string | undefined;
}

export function startJob(source: JobSource, request: JobRequest, progress: JobProgress): RunningJob {
  if (source.dbPath === ':memory:' || source.dbPath === '') return startInThread(source.sqlite, request, progress);
  return startInWorker({ dbPath: source.dbPath, nativeBinding: source.nativeBinding, request }, progress);
}

function startInThread(sqlite: Sqlite, request: JobRequest, progress: JobProgress): RunningJob {
  let cancelled = false;
  let rejectEarly: ((error: Error) => void) | null = null;
  const result = new Promise<JobResult>((resolve, reject) => {
    rejectEarly = reject;
    setImmediate(() => {
      if (cancelled) return;
      try {
        resolve(runJob(sqlite, request, progress));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
  return {
    result,
    cancel: async () => {
      cancelled = true;
      rejectEarly?.(new JobCancelled('Backroom is closing.'));
    },
  };
}

function startInWorker(setup: WorkerSetup, progress: JobProgress): RunningJob {
  const { path, execArgv } = workerEntry();
  const worker = new Worker(path, { workerData: setup, execArgv });
  let settled = false;
  let cancelling = false;
  const result = new Promise<JobResult>((resolve, reject) => {
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    worker.on('message', (message: WorkerReply) => {
      if (message.type === 'progress') progress(message.phase, message.done, message.total);
      else if (message.type === 'result') settle(() => resolve(message.result));
      else settle(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(cancelling ? new JobCancelled('Backroom is closing.') : new Error(`The recommendation worker stopped (exit code ${code}).`))),
    );
  });
  return {
    result,
    cancel: async () => {
      cancelling = true;
      await worker.terminate();
    },
  };
}

/**
 * Where the worker's code is: worker.ts beside this file under tsx or vitest
 * (with tsx's loader), or recsWorker.js, the build's own entry (see
 * electron.vite.config.ts), next to coreWorker.js in the built app.
 */
function workerEntry(): { path: string; execArgv?: string[] } {
  if (__filename.endsWith('.ts')) {
    return { path: join(__dirname, 'worker.ts'), execArgv: ['--require', createRequire(__filename).resolve('tsx/cjs')] };
  }
  // Bundled code may sit in a shared chunk one folder below the entries.
  const candidates = [join(__dirname, 'recsWorker.js'), join(__dirname, '..', 'recsWorker.js')];
  return { path: candidates.find((candidate) => existsSync(candidate)) ?? candidates[0]! };
}
