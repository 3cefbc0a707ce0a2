import type { Generated } from 'kysely';
import type { Timestamp } from './columns';

/** Marketplace sync's tables: cursors, the outbox, runs, their log, quarantine and imported files (0001, 0013–0014). */
export interface SyncStateTable {
  store_id: number;
  resource: string;
  cursor_updated_at: Timestamp | null;
  cursor_external_id: string | null;
  last_started_at: Timestamp | null;
  last_succeeded_at: Timestamp | null;
  last_error: string | null;
  remote_total: number | null;
  last_run_id: number | null;
  // 0014 (sync-engine): the unfinished listing a crashed run resumes
  listing_since: Timestamp | null;
  listing_started_at: Timestamp | null;
  listing_page_token: string | null;
  listing_page: number | null;
  listing_max_updated_at: Timestamp | null;
  listing_max_external_id: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  store_id: number;
  idempotency_key: string;
  operation: string;
  target_type: string;
  target_id: number | null;
  entity_key: string;
  payload: string;
  status: Generated<'pending' | 'sending' | 'done' | 'failed' | 'discarded'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp | null;
  last_error: string | null;
  last_http_status: number | null;
  created_at: Timestamp;
  completed_at: Timestamp | null;
  /** 0017: the shop's change time a push lost a race to; "send again" stops only for a newer one. */
  race_seen_at: Timestamp | null;
}

export interface SyncRunsTable {
  id: Generated<number>;
  store_id: number;
  trigger: 'manual' | 'schedule' | 'startup';
  status: 'running' | 'succeeded' | 'failed' | 'cancelled';
  resources: string;
  fetched: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  quarantined: Generated<number>;
  error: string | null;
  started_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface SyncLogTable {
  id: Generated<number>;
  run_id: number;
  at: Timestamp;
  level: 'info' | 'warning' | 'error';
  resource: string | null;
  message: string;
  detail: Generated<string>;
}

export interface SyncQuarantineTable {
  id: Generated<number>;
  store_id: number;
  run_id: number | null;
  resource: string;
  external_id: string | null;
  reason: string;
  payload: string;
  created_at: Timestamp;
  resolved_at: Timestamp | null;
}

export interface ImportFilesTable {
  id: Generated<number>;
  store_id: number;
  format: string;
  file_name: string | null;
  content_hash: string;
  rows: number;
  staff_id: number | null;
  imported_at: Timestamp;
}

// sync-apply (migration 0016): deferred indexes and rows the platform no longer lists.
/** Secondary indexes a first backfill dropped, with their exact DDL, until they are rebuilt. */
export interface SyncDeferredIndexesTable {
  name: string;
  table_name: string;
  sql: string;
  store_id: number | null;
  resource: string | null;
  deferred_at: Timestamp;
}

/** refunds and shipments: set when the platform stopped listing a row that local data still hangs off. */
export interface RemovedRemotelyColumn {
  removed_remotely_at: Timestamp | null;
}
