import { Worker } from 'node:worker_threads';
import type { OperationName, OutputOf, PushMessage } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { Core, CoreOptions } from './types';
import type { HostToWorker, WorkerToHost } from './workerProtocol';

export interface WorkerCoreOptions extends CoreOptions {
  /** The built `coreWorker.js`, or `worker.ts` when running under tsx. */
  workerPath: string | URL;
  /** Node flags for the worker, e.g. tsx's loader when workerPath is TypeScript. */
  execArgv?: string[];
}

/** Thrown when the worker cannot open the profile (e.g. a database from a newer version). */
export class CoreStartError extends Error {
  override name = 'CoreStartError';
}

const lost = (why: string): Result<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message: `Backroom's data service stopped (${why}). Restart Backroom.` },
});

/** Starts the core in a worker thread and speaks the contract to it. */
export function startCoreWorker(options: WorkerCoreOptions): Promise<Core> {
  const { workerPath, execArgv, ...coreOptions } = options;
  const worker = new Worker(workerPath, { workerData: coreOptions, execArgv });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Set<(message: PushMessage) => void>();
  let nextId = 1;
  let exited = false;
  let closing: Promise<void> | null = null;

  const post = (message: HostToWorker): void => worker.postMessage(message);
  const failAll = (why: string): void => {
    for (const resolve of pending.values()) resolve(lost(why));
    pending.clear();
  };

  return new Promise<Core>((resolveStart, rejectStart) => {
    let started = false;
    worker.on('message', (message: WorkerToHost) => {
      switch (message.type) {
        case 'ready':
          started = true;
          resolveStart(core);
          break;
        case 'failed':
          rejectStart(new CoreStartError(message.message));
          void worker.terminate();
          break;
        case 'result':
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
          break;
        case 'event':
          for (const listener of listeners) listener(message.message);
          break;
        case 'closed':
          break;
      }
    });
    worker.on('error', (error) => {
      if (!started) rejectStart(error);
      else console.error('[backroom] core worker error', error);
    });
    worker.on('exit', (code) => {
      exited = true;
      failAll(`exit code ${code}`);
      if (!started) rejectStart(new CoreStartError(`the core worker exited with code ${code}`));
    });

    const invokeByName = (name: string, input: unknown): Promise<Result<unknown>> => {
      if (exited || closing) return Promise.resolve(lost('it was closed'));
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        post({ type: 'invoke', id, name, input });
      });
    };

    const core: Core = {
      invoke: <N extends OperationName>(name: N, input: unknown) =>
        invokeByName(name, input) as Promise<Result<OutputOf<N>>>,
      invokeByName,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      close: () => {
        closing ??= new Promise<void>((resolve) => {
          if (exited) return resolve();
          worker.once('exit', () => resolve());
          post({ type: 'close' });
          // A worker stuck in a long query must not keep the app from quitting.
          setTimeout(() => void worker.terminate(), 5000).unref();
        });
        return closing;
      },
    };
  });
}
