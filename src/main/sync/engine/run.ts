import type { SyncRunSummary } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { ConnectorError, type Connector } from '../connector';
import type { SyncResource } from '../model';
import { pushOutbox } from '../outbox/push';
import { markResource } from './cursor';
import { RateLimiter } from './rateLimiter';
import { syncResource } from './resource';
import { createRun, finishRun, logRun } from './runLog';
import { connectorForStore, readStore, type SyncDeps } from './runtime';

export type { SyncDeps } from './runtime';

export const OFFLINE_MESSAGE = 'The store could not be reached; changes wait in the outbox.';

/**
 * Starts a sync of one store and returns at once; the run goes on
 * asynchronously (one page's transaction at a time, so other operations are
 * never blocked for longer), reporting sync.progress and sync.finished. A
 * store already syncing returns the run under way.
 */
export function startSync(
  deps: SyncDeps,
  storeId: number,
  options: { trigger: 'manual' | 'schedule' | 'startup'; resources?: SyncResource[] },
): SyncRunSummary {
  const { runtime } = deps;
  const running = runtime.active.get(storeId);
  if (running) return { ...running.summary, counts: { ...running.summary.counts } };
  if (runtime.closed) throw new AppError('INTERNAL', 'Backroom is shutting down.');
  const store = readStore(deps.sqlite, storeId);
  const connector = connectorForStore(deps, store);
  const wanted = options.resources ?? store.resources;
  // The platform's order (products before the orders that sell them), limited to what the merchant chose.
  const resources = connector.resources.filter((resource) => wanted.includes(resource));
  const summary = createRun(deps.sqlite, storeId, options.trigger, resources, deps.now().toISOString());
  const controller = new AbortController();
  const done = execute(deps, connector, summary, controller, resources);
  runtime.active.set(storeId, { summary, controller, done });
  return { ...summary, counts: { ...summary.counts } };
}

/** Stops a store's run after its current page; false when none was running. */
export function cancelSync(deps: SyncDeps, storeId: number): boolean {
  const running = deps.runtime.active.get(storeId);
  if (!running) return false;
  running.controller.abort(new Error('Cancelled.'));
  return true;
}

async function execute(
  deps: SyncDeps,
  connector: Connector,
  run: SyncRunSummary,
  controller: AbortController,
  resources: SyncResource[],
): Promise<void> {
  const { sqlite } = deps;
  const at = () => deps.now().toISOString();
  // Let startSync return (and the caller register the run) before the first page.
  await Promise.resolve();
  logRun(sqlite, run.id, at(), 'info', null, `Sync started (${run.trigger}): ${resources.join(', ')}.`);
  const limiter = new RateLimiter(deps.runtime.timing);
  let current: SyncResource | null = null;
  try {
    for (const resource of resources) {
      current = resource;
      await syncResource({ deps, connector, limiter, run, signal: controller.signal }, resource);
    }
    run.status = 'succeeded';
  } catch (error) {
    if (controller.signal.aborted) {
      run.status = 'cancelled';
      logRun(sqlite, run.id, at(), 'info', current, 'Sync cancelled; everything fetched so far is kept.');
    } else {
      run.status = 'failed';
      run.error = describeFailure(error);
      if (error instanceof ConnectorError && (error.kind === 'offline' || error.kind === 'timeout')) {
        deps.runtime.online.set(run.storeId, false);
      }
      logRun(sqlite, run.id, at(), 'error', current, run.error, error instanceof ConnectorError
        ? { kind: error.kind, status: error.status ?? null } : {});
      if (current) markResource(sqlite, run.storeId, current, { error: run.error, runId: run.id });
    }
  } finally {
    run.finishedAt = at();
    finishRun(sqlite, run);
    deps.runtime.active.delete(run.storeId);
    const changed = run.counts.created + run.counts.updated > 0;
    deps.emit('data.changed', { areas: changed ? ['sync', 'orders', 'customers'] : ['sync'] });
    deps.emit('sync.finished', {
      storeId: run.storeId, runId: run.id, status: run.status as 'succeeded' | 'failed' | 'cancelled',
      ...(run.error ? { message: run.error } : {}),
    });
  }
  if (run.status === 'succeeded' && !deps.runtime.closed) await pushOutbox(deps, run.storeId, connector, run.id);
}

function describeFailure(error: unknown): string {
  if (error instanceof ConnectorError) {
    if (error.kind === 'offline' || error.kind === 'timeout') return OFFLINE_MESSAGE;
    return error.message;
  }
  if (error instanceof AppError) return error.message;
  return `The sync stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}
