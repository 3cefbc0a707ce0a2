import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { OperationName, OutputOf } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { openConnection } from '../db/connection';
import { migrate } from '../db/migrate';
import { generateDemoStore } from '../demo';
import { dispatch, type Logger } from './dispatch';
import { EventHub } from './events';
import type { HandlerContext } from './handler';
import { handlers } from './handlers';
import { scheduleLoyaltyMaintenance } from '../domain/loyalty/maintenance-schedule';
import type { Core, CoreOptions } from './types';
import { installSync, stopSync } from '../sync/engine/runtime';
import { scheduleSyncs } from '../sync/engine/scheduler';
import { installRecs, stopRecs } from '../domain/recommend/runtime';
import { installTracking, stopTracking } from '../domain/logistics/tracking/runtime'; // tracking (issue 7)
import { scheduleTracking } from '../domain/logistics/tracking/schedule'; // tracking (issue 7)

export type { Core, CoreOptions } from './types';

const defaultLogger: Logger = (message, error) => console.error(`[backroom] ${message}`, error);

export interface InProcessOptions extends CoreOptions {
  now?: () => Date;
  log?: Logger;
  // `maintenance` (CoreOptions) is off unless asked here, so tests and benchmarks that
  // open a core see only what they post; the worker (app and serve CLI) turns it on.
}

/**
 * The composition root: opens (creating and migrating) the profile database and
 * wires the handlers behind the contract. Runs in whatever thread calls it; the
 * app and browser mode call it inside a worker (see workerHost.ts).
 */
export async function openCore(options: InProcessOptions): Promise<Core> {
  if (options.dbPath !== ':memory:') mkdirSync(dirname(options.dbPath), { recursive: true });
  const connection = openConnection(options.dbPath, { nativeBinding: options.nativeBinding });
  try {
    await migrate(connection);
    if (options.seedDemoIfEmpty && !hasStore(connection.sqlite)) {
      generateDemoStore(connection.sqlite, { size: 'small' });
    }
  } catch (error) {
    connection.close();
    throw error;
  }

  const hub = new EventHub();
  const log = options.log ?? defaultLogger;
  const ctx: HandlerContext = {
    sqlite: connection.sqlite,
    db: connection.db,
    dbPath: connection.path,
    now: options.now ?? (() => new Date()),
    emit: (event, payload) => hub.emit(event, payload),
  };
  let closed = false;
  const maintenance = options.maintenance ? scheduleLoyaltyMaintenance(ctx, { log }) : null;
  const sync = installSync(ctx, { vaultKey: options.vaultKey });
  const syncSchedule = options.syncScheduler ? scheduleSyncs(sync, { log }) : null;
  installTracking(ctx);
  const trackingSchedule = options.trackingScheduler ? scheduleTracking(ctx, { log }) : null;
  const recs = installRecs(ctx, { nativeBinding: options.nativeBinding, subscribe: (listener) => hub.subscribe(listener) });

  const invokeByName = (name: string, input: unknown): Promise<Result<unknown>> =>
    closed
      ? Promise.resolve({
          ok: false,
          error: { code: 'INTERNAL', message: 'Backroom is shutting down.' },
        })
      : dispatch(handlers, ctx, name, input, log);

  return {
    invoke: <N extends OperationName>(name: N, input: unknown) =>
      invokeByName(name, input) as Promise<Result<OutputOf<N>>>,
    invokeByName,
    subscribe: (listener) => hub.subscribe(listener),
    close: async () => {
      if (closed) return;
      closed = true;
      maintenance?.stop();
      syncSchedule?.stop();
      trackingSchedule?.stop();
      await stopSync(sync);
      await stopTracking(ctx);
      // Training and evaluation workers are stopped and their rows written before the connection closes.
      await stopRecs(recs);
      connection.close();
    },
  };
}

function hasStore(sqlite: import('../db/connection').Sqlite): boolean {
  return sqlite.prepare('SELECT 1 FROM stores LIMIT 1').get() !== undefined;
}
