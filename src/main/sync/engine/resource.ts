import type { SyncCounts, SyncRunSummary } from '../../../shared/contract';
import { applyRecords } from '../apply';
import { beginBulkApply, finishBulkApply } from '../apply/deferred-indexes';
import type { Connector, Page, SyncCursor } from '../connector';
import type { SyncResource } from '../model';
import {
  ensureStateRow, finishListing, markResource, newerOf, newestInPage, readResourceState, savePageProgress,
} from './cursor';
import type { RateLimiter } from './rateLimiter';
import { withRetry } from './retry';
import { addCounts, emptyCounts, logRun, saveRunCounts } from './runLog';
import type { SyncDeps } from './runtime';

export interface RunContext {
  deps: SyncDeps;
  connector: Connector;
  limiter: RateLimiter;
  run: SyncRunSummary;
  signal: AbortSignal;
  /** The last sync_quarantine row already logged for this run. */
  quarantineSeen?: number;
}

/** At most this many quarantine reasons per page in the log; the rest are counted (all are in sync_quarantine). */
const LOGGED_REASONS_PER_PAGE = 20;
/** Pacing waits longer than this are shown, so a paused sync does not look stuck. */
const PACING_NOTICE_MS = 1000;

/** The reasons the page's quarantined records were skipped, from sync_quarantine (malformed and refused alike). */
function logQuarantined(context: RunContext, resource: SyncResource, page: number): void {
  const { deps, run } = context;
  const rows = deps.sqlite
    .prepare<[number, number, string], { id: number; external_id: string | null; reason: string }>(
      `SELECT id, external_id, reason FROM sync_quarantine WHERE run_id = ? AND id > ? AND resource = ? ORDER BY id`,
    )
    .all(run.id, context.quarantineSeen ?? 0, resource);
  const at = deps.now().toISOString();
  for (const row of rows.slice(0, LOGGED_REASONS_PER_PAGE)) {
    logRun(deps.sqlite, run.id, at, 'warning', resource, `Skipped ${row.external_id ?? 'a record'}: ${row.reason}`, {
      externalId: row.external_id, quarantineId: row.id,
    });
  }
  if (rows.length > LOGGED_REASONS_PER_PAGE) {
    logRun(deps.sqlite, run.id, at, 'warning', resource,
      `Skipped ${rows.length - LOGGED_REASONS_PER_PAGE} more records on page ${page}; all are in quarantine with their reasons.`);
  }
  if (rows.length > 0) context.quarantineSeen = rows[rows.length - 1]!.id;
}

/**
 * Syncs one resource: reads from the stored cursor less the overlap window
 * (or resumes an unfinished listing), fetches page after page, and applies
 * each in one transaction together with the listing's progress. The cursor
 * only moves when the listing is complete, so a crash never skips a record.
 */
export async function syncResource(context: RunContext, resource: SyncResource): Promise<SyncCounts> {
  const { deps, connector, limiter, run, signal } = context;
  const { sqlite, runtime } = deps;
  const timing = runtime.timing;
  const at = () => deps.now().toISOString();
  ensureStateRow(sqlite, run.storeId, resource);
  markResource(sqlite, run.storeId, resource, { startedAt: at(), runId: run.id });

  const state = readResourceState(sqlite, run.storeId, resource);
  const resumed = state.listing !== null;
  const since = state.listing
    ? state.listing.since
    : state.cursor ? new Date(Date.parse(state.cursor.updatedAt) - timing.overlapMs).toISOString() : null;
  const listingStartedAt = state.listing?.startedAt ?? at();
  let pageToken = state.listing?.pageToken ?? null;
  let page = state.listing?.page ?? 0;
  let newest: SyncCursor | null = state.listing?.newest ?? null;
  logRun(sqlite, run.id, at(), 'info', resource, resumed
    ? `Resuming ${resource} at page ${page + 1}, where an interrupted sync stopped.`
    : since ? `Fetching ${resource} changed since ${since}.` : `Fetching all ${resource}.`, { since });

  const counts = emptyCounts();
  limiter.startListing();
  const started = timing.clock();
  let listed = 0;
  // A first full listing into a store with none of this resource applies in bulk mode: the indexes the apply never
  // reads are deferred until the listing ends, however it ends (a crash is repaired when the database next opens).
  let bulk = false;
  try {
    for (;;) {
      signal.throwIfAborted();
      const waitMs = limiter.waitBeforeNextMs();
      if (waitMs > PACING_NOTICE_MS) {
        deps.emit('sync.progress', {
          storeId: run.storeId, runId: run.id, resource, page: page + 1, fetched: counts.fetched, total: null,
          etaSeconds: null, waitingMs: waitMs, message: 'Waiting for the platform\'s rate limit.',
        });
      }
      if (waitMs > 0) await timing.sleep(waitMs, signal);
      const result: Page = await withRetry(timing, signal, async () => {
        try {
          return await connector.fetchPage({ resource, since, pageToken, signal });
        } finally {
          limiter.observe(connector.rateSignal());
          const budget = limiter.budget();
          if (budget) runtime.budgets.set(run.storeId, budget);
        }
      }, ({ attempt, waitMs: retryIn, error }) => {
        logRun(sqlite, run.id, at(), 'warning', resource,
          `${error.message} Trying again in ${Math.ceil(retryIn / 1000)} s (attempt ${attempt + 1} of ${timing.attempts}).`,
          { kind: error.kind, status: error.status ?? null });
        deps.emit('sync.progress', {
          storeId: run.storeId, runId: run.id, resource, page: page + 1, fetched: counts.fetched, total: null,
          etaSeconds: null, waitingMs: retryIn, message: error.message,
        });
      });
      runtime.online.set(run.storeId, true);
      page += 1;
      listed += result.records.length + result.malformed.length;
      newest = newerOf(newest, newestInPage(result.records));
      const last = result.nextPageToken === null;
      // Decided on the first page, when the platform has said how many records the listing holds.
      if (page === 1 && !resumed && since === null) {
        bulk = beginBulkApply(sqlite, run.storeId, resource, { now: deps.now(), expectedRecords: result.total });
      }

      sqlite.transaction(() => {
        const applied = applyRecords(sqlite, run.storeId, result.records, result.malformed, { runId: run.id, now: deps.now() });
        const pageCounts = { fetched: result.records.length + result.malformed.length, ...applied };
        addCounts(counts, pageCounts);
        addCounts(run.counts, pageCounts);
        saveRunCounts(sqlite, run.id, run.counts);
        if (applied.quarantined > 0) logQuarantined(context, resource, page);
        if (last) {
          const state = readResourceState(sqlite, run.storeId, resource);
          finishListing(sqlite, run.storeId, resource, nextCursor(state.cursor, newest, listingStartedAt), result.total, run.id, at());
        } else {
          savePageProgress(sqlite, run.storeId, resource, {
            since, startedAt: listingStartedAt, nextPageToken: result.nextPageToken!, page, newest,
          });
        }
        // IMMEDIATE: take the write lock up front, so a busy database waits (busy_timeout) instead of failing mid-page.
      }).immediate();

      const elapsedS = (timing.clock() - started) / 1000;
      const etaSeconds = result.total !== null && counts.fetched > 0
        ? Math.max(0, Math.round(((result.total - listed) * elapsedS) / counts.fetched))
        : null;
      deps.emit('sync.progress', {
        storeId: run.storeId, runId: run.id, resource, page, fetched: counts.fetched, total: result.total, etaSeconds,
      });
      if (last) {
        if (result.total !== null && !resumed && result.total !== listed) {
          logRun(sqlite, run.id, at(), 'warning', resource,
            `The platform counted ${result.total} ${resource} but listed ${listed}; records that changed while paging are picked up by the next sync.`,
            { total: result.total, listed });
        }
        logRun(sqlite, run.id, at(), 'info', resource, describeCounts(resource, counts), { ...counts });
        return counts;
      }
      pageToken = result.nextPageToken;
    }
  } finally {
    if (bulk) finishBulkApply(sqlite, deps.now());
  }
}

/**
 * The cursor after a complete listing: the newest change read, but never past
 * the listing's start (local clock). A record read early and changed while
 * later pages were fetched has a change newer than the listing started; the
 * next sync must read back to it (re-reads are harmless: not-newer is skipped).
 */
function nextCursor(previous: SyncCursor | null, newest: SyncCursor | null, listingStartedAt: string): SyncCursor | null {
  if (!newest) return previous;
  const clamped = Date.parse(newest.updatedAt) > Date.parse(listingStartedAt)
    ? { updatedAt: listingStartedAt, externalId: '' }
    : newest;
  return newerOf(previous, clamped);
}

function describeCounts(resource: SyncResource, counts: SyncCounts): string {
  const parts = [`${counts.created} new`, `${counts.updated} updated`];
  if (counts.unchanged) parts.push(`${counts.unchanged} skipped as not newer than what Backroom has`);
  if (counts.quarantined) parts.push(`${counts.quarantined} quarantined (reasons above)`);
  return `${resource}: fetched ${counts.fetched}; ${parts.join(', ')}.`;
}
