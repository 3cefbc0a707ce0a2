import { ConnectorError, type Connector } from '../connector';
import type { PushOutcome } from '../connectors/race';
import type { SyncDeps } from '../engine/runtime';
import { backoffMs } from '../engine/timing';
import { dueHeads, markDone, markDoneOverRace, markFailed, markLostRace, markRetryLater, markSending, requeueInterrupted, toItem, type OutboxRow } from './queue';
import { logRace } from './raceLog';

/** Entities sent in parallel; one entity's messages always go one at a time, oldest first. */
const PARALLEL_ENTITIES = 2;

class Offline extends Error {}

/**
 * Sends a store's pending outbox through its connector: per entity in id
 * order, one message at a time, two entities at once. Retryable failures are
 * retried with backoff; a message still failing waits for the next push. A
 * permanent refusal (4xx) marks it failed with the platform's message and
 * holds back that entity's later messages until it is retried or discarded.
 * Offline stops the push; everything stays queued. One push per store at a time.
 * A push that meets a later change on the shop (connectors/race.ts) is settled
 * as the connector reports: lost (failed, with the sentence) or sent over it
 * (done, with the sentence kept), and logged under `runId` (the run whose push
 * this is; otherwise the store's latest run).
 */
export function pushOutbox(deps: SyncDeps, storeId: number, connector: Connector, runId?: number): Promise<void> {
  const running = deps.runtime.pushing.get(storeId);
  if (running) return running;
  const push = pushAll(deps, storeId, connector, runId).finally(() => deps.runtime.pushing.delete(storeId));
  deps.runtime.pushing.set(storeId, push);
  return push;
}

async function pushAll(deps: SyncDeps, storeId: number, connector: Connector, runId: number | undefined): Promise<void> {
  const { sqlite } = deps;
  requeueInterrupted(sqlite, storeId);
  const controller = new AbortController();
  let sent = 0;
  try {
    for (;;) {
      const heads = dueHeads(sqlite, storeId, deps.now().toISOString());
      if (heads.length === 0 || deps.runtime.closed) break;
      const queue = [...heads];
      const worker = async (): Promise<void> => {
        for (let head = queue.shift(); head; head = queue.shift()) {
          if (controller.signal.aborted) return;
          sent += await sendEntity(deps, connector, head, controller, runId);
        }
      };
      const before = sent;
      // allSettled: an entity still sending finishes its message before an offline error ends the push.
      const outcomes = await Promise.allSettled(Array.from({ length: PARALLEL_ENTITIES }, worker));
      const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      if (failure) throw failure.reason;
      if (sent === before) break;
    }
  } catch (error) {
    if (!(error instanceof Offline)) throw error;
  }
  if (sent > 0) deps.emit('data.changed', { areas: ['sync'] });
}

/** Sends one entity's messages in order until one is not done; returns how many went out. */
async function sendEntity(deps: SyncDeps, connector: Connector, head: OutboxRow, controller: AbortController, runId: number | undefined): Promise<number> {
  let sent = 0;
  for (let row: OutboxRow | undefined = head; row && !controller.signal.aborted; row = nextOf(deps, row)) {
    const outcome = await sendOne(deps, connector, row, controller, runId);
    if (outcome !== 'done') return sent;
    sent += 1;
  }
  return sent;
}

function nextOf(deps: SyncDeps, row: OutboxRow): OutboxRow | undefined {
  return dueHeads(deps.sqlite, row.store_id, deps.now().toISOString()).find((next) => next.entity_key === row.entity_key);
}

async function sendOne(
  deps: SyncDeps,
  connector: Connector,
  row: OutboxRow,
  controller: AbortController,
  runId: number | undefined,
): Promise<'done' | 'failed' | 'later'> {
  const { sqlite, runtime } = deps;
  const timing = runtime.timing;
  const item = toItem(sqlite, row);
  markSending(sqlite, row.id);
  let lastMessage = '';
  for (let attempt = 0; attempt < timing.attempts; attempt++) {
    if (attempt > 0) await timing.sleep(backoffMs(timing, attempt - 1), controller.signal).catch(() => undefined);
    if (controller.signal.aborted) break;
    let result: PushOutcome;
    try {
      result = await connector.push(item, controller.signal);
    } catch (error) {
      if (error instanceof ConnectorError && (error.kind === 'offline' || error.kind === 'timeout')) {
        runtime.online.set(row.store_id, false);
        markRetryLater(sqlite, row.id, error.message, deps.now().toISOString());
        controller.abort(error);
        throw new Offline(error.message);
      }
      if (error instanceof ConnectorError && error.retryable) {
        lastMessage = error.message;
        continue;
      }
      const message = error instanceof Error ? error.message : String(error);
      markFailed(sqlite, row.id, message, error instanceof ConnectorError ? error.status ?? null : null);
      return 'failed';
    }
    runtime.online.set(row.store_id, true);
    if (result.race) {
      // A race is settled either way: the outbox row and the run log say who kept what.
      const { race } = result;
      deps.sqlite.transaction(() => {
        if (race.kept === 'ours') markDoneOverRace(sqlite, row.id, deps.now().toISOString(), race.message, race.remoteUpdatedAt);
        else markLostRace(sqlite, row.id, race.message, race.remoteUpdatedAt);
        logRace(sqlite, { storeId: row.store_id, runId, at: deps.now().toISOString(), outboxId: row.id, operation: row.operation, race });
      })();
      return race.kept === 'ours' ? 'done' : 'failed';
    }
    if (result.ok) {
      markDone(sqlite, row.id, deps.now().toISOString());
      return 'done';
    }
    if (result.permanent) {
      markFailed(sqlite, row.id, result.message, result.status ?? null);
      return 'failed';
    }
    lastMessage = result.message;
  }
  const later = new Date(deps.now().getTime() + timing.backoffMaxMs).toISOString();
  markRetryLater(sqlite, row.id, lastMessage || 'Not sent yet.', later);
  return 'later';
}
