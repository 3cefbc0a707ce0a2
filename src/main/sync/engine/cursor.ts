import type { Sqlite } from '../../db/connection';
import type { RemoteRecord, SyncResource } from '../model';
import type { SyncCursor } from '../connector';

/** Where a resource's sync stands (sync_state), with the listing a crashed run left unfinished. */
export interface ResourceState {
  cursor: SyncCursor | null;
  listing: {
    since: string | null;
    startedAt: string;
    pageToken: string | null;
    page: number;
    newest: SyncCursor | null;
  } | null;
}

interface StateRow {
  cursor_updated_at: string | null;
  cursor_external_id: string | null;
  listing_since: string | null;
  listing_started_at: string | null;
  listing_page_token: string | null;
  listing_page: number | null;
  listing_max_updated_at: string | null;
  listing_max_external_id: string | null;
}

const pair = (updatedAt: string | null, externalId: string | null): SyncCursor | null =>
  updatedAt === null ? null : { updatedAt, externalId: externalId ?? '' };

export function readResourceState(sqlite: Sqlite, storeId: number, resource: SyncResource): ResourceState {
  const row = sqlite
    .prepare<[number, string], StateRow>(
      `SELECT cursor_updated_at, cursor_external_id, listing_since, listing_started_at, listing_page_token,
         listing_page, listing_max_updated_at, listing_max_external_id
       FROM sync_state WHERE store_id = ? AND resource = ?`,
    )
    .get(storeId, resource);
  if (!row) return { cursor: null, listing: null };
  return {
    cursor: pair(row.cursor_updated_at, row.cursor_external_id),
    listing: row.listing_started_at === null
      ? null
      : {
          since: row.listing_since,
          startedAt: row.listing_started_at,
          pageToken: row.listing_page_token,
          page: row.listing_page ?? 0,
          newest: pair(row.listing_max_updated_at, row.listing_max_external_id),
        },
  };
}

/** Orders cursors by time (as instants, whatever the offset is written as), then by external id. */
export function compareCursors(a: SyncCursor, b: SyncCursor): number {
  const byTime = Date.parse(a.updatedAt) - Date.parse(b.updatedAt);
  if (byTime !== 0) return byTime;
  return a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0;
}

export function newerOf(a: SyncCursor | null, b: SyncCursor | null): SyncCursor | null {
  if (!a) return b;
  if (!b) return a;
  return compareCursors(a, b) >= 0 ? a : b;
}

/** The newest (updated_at, external id) among a page's records. */
export function newestInPage(records: readonly RemoteRecord[]): SyncCursor | null {
  let newest: SyncCursor | null = null;
  for (const { record } of records) {
    newest = newerOf(newest, { updatedAt: new Date(record.updatedAt).toISOString(), externalId: record.externalId });
  }
  return newest;
}

export function ensureStateRow(sqlite: Sqlite, storeId: number, resource: SyncResource): void {
  sqlite.prepare('INSERT INTO sync_state (store_id, resource) VALUES (?, ?) ON CONFLICT DO NOTHING').run(storeId, resource);
}

/** Records that a page was applied: in the same transaction as the page, so a crash resumes right after it. */
export function savePageProgress(
  sqlite: Sqlite,
  storeId: number,
  resource: SyncResource,
  progress: { since: string | null; startedAt: string; nextPageToken: string; page: number; newest: SyncCursor | null },
): void {
  sqlite
    .prepare(
      `UPDATE sync_state SET listing_since = ?, listing_started_at = ?, listing_page_token = ?, listing_page = ?,
         listing_max_updated_at = ?, listing_max_external_id = ?
       WHERE store_id = ? AND resource = ?`,
    )
    .run(progress.since, progress.startedAt, progress.nextPageToken, progress.page,
      progress.newest?.updatedAt ?? null, progress.newest?.externalId ?? null, storeId, resource);
}

/** The listing is complete: the cursor moves on and the listing is forgotten (same transaction as its last page). */
export function finishListing(
  sqlite: Sqlite,
  storeId: number,
  resource: SyncResource,
  cursor: SyncCursor | null,
  remoteTotal: number | null,
  runId: number,
  at: string,
): void {
  sqlite
    .prepare(
      `UPDATE sync_state SET cursor_updated_at = ?, cursor_external_id = ?, remote_total = coalesce(?, remote_total),
         listing_since = NULL, listing_started_at = NULL, listing_page_token = NULL, listing_page = NULL,
         listing_max_updated_at = NULL, listing_max_external_id = NULL,
         last_run_id = ?, last_succeeded_at = ?, last_error = NULL
       WHERE store_id = ? AND resource = ?`,
    )
    .run(cursor?.updatedAt ?? null, cursor?.externalId ?? null, remoteTotal, runId, at, storeId, resource);
}

export function markResource(
  sqlite: Sqlite,
  storeId: number,
  resource: SyncResource,
  fields: { startedAt?: string; error?: string | null; runId: number },
): void {
  ensureStateRow(sqlite, storeId, resource);
  sqlite
    .prepare(
      `UPDATE sync_state SET last_started_at = coalesce(?, last_started_at), last_error = ?, last_run_id = ?
       WHERE store_id = ? AND resource = ?`,
    )
    .run(fields.startedAt ?? null, fields.error ?? null, fields.runId, storeId, resource);
}
