import type { Sqlite } from '../../db/connection';
import type { OutboxEntry } from '../../../shared/contract';
import type { QueuedItem } from '../connectors/race';

interface OutboxRow {
  id: number; store_id: number; idempotency_key: string; operation: string; target_type: string;
  target_id: number | null; entity_key: string; payload: string; status: OutboxEntry['status'];
  attempts: number; next_attempt_at: string | null; last_error: string | null; last_http_status: number | null;
  created_at: string; completed_at: string | null; race_seen_at: string | null;
}

export function entryFromRow(row: OutboxRow): OutboxEntry {
  return {
    id: row.id, storeId: row.store_id, operation: row.operation, targetType: row.target_type, targetId: row.target_id,
    payload: JSON.parse(row.payload) as Record<string, unknown>, status: row.status, attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at, lastError: row.last_error, createdAt: row.created_at, completedAt: row.completed_at,
  };
}

export function readEntry(sqlite: Sqlite, id: number): OutboxEntry | null {
  const row = sqlite.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE id = ?').get(id);
  return row ? entryFromRow(row) : null;
}

/**
 * Entities with a message to send now: each entity's oldest unfinished message,
 * when it is pending and due. An entity whose oldest unfinished message failed
 * is blocked until the merchant retries or discards it.
 */
export function dueHeads(sqlite: Sqlite, storeId: number, at: string): OutboxRow[] {
  return sqlite
    .prepare<[number, string], OutboxRow>(
      `SELECT o.* FROM outbox o
       WHERE o.id IN (
         SELECT min(id) FROM outbox WHERE store_id = ? AND status IN ('pending','sending','failed') GROUP BY entity_key
       )
       AND o.status = 'pending' AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?)
       ORDER BY o.id`,
    )
    .all(storeId, at);
}

/** A crash while sending leaves 'sending': send again (the idempotency key makes that safe). */
export function requeueInterrupted(sqlite: Sqlite, storeId: number): void {
  sqlite.prepare(`UPDATE outbox SET status = 'pending' WHERE store_id = ? AND status = 'sending'`).run(storeId);
}

export function markSending(sqlite: Sqlite, id: number): void {
  sqlite.prepare(`UPDATE outbox SET status = 'sending', attempts = attempts + 1 WHERE id = ?`).run(id);
}

export function markDone(sqlite: Sqlite, id: number, at: string): void {
  sqlite
    .prepare(`UPDATE outbox SET status = 'done', completed_at = ?, last_error = NULL, next_attempt_at = NULL WHERE id = ?`)
    .run(at, id);
}

export function markFailed(sqlite: Sqlite, id: number, message: string, status: number | null): void {
  sqlite
    .prepare(`UPDATE outbox SET status = 'failed', last_error = ?, last_http_status = ?, next_attempt_at = NULL WHERE id = ?`)
    .run(message, status, id);
}

/** Delivered, over a race the shop lost (ours was sent): the sentence stays for the merchant to read. */
export function markDoneOverRace(sqlite: Sqlite, id: number, at: string, message: string, remoteUpdatedAt: string): void {
  sqlite
    .prepare(`UPDATE outbox SET status = 'done', completed_at = ?, last_error = ?, race_seen_at = ?, next_attempt_at = NULL WHERE id = ?`)
    .run(at, message, remoteUpdatedAt, id);
}

/** Lost a race (the shop's version kept): failed until the merchant sends it anyway or discards it. */
export function markLostRace(sqlite: Sqlite, id: number, message: string, remoteUpdatedAt: string): void {
  sqlite
    .prepare(`UPDATE outbox SET status = 'failed', last_error = ?, last_http_status = NULL, race_seen_at = ?, next_attempt_at = NULL WHERE id = ?`)
    .run(message, remoteUpdatedAt, id);
}

export function markRetryLater(sqlite: Sqlite, id: number, message: string, nextAttemptAt: string): void {
  sqlite
    .prepare(`UPDATE outbox SET status = 'pending', last_error = ?, next_attempt_at = ? WHERE id = ?`)
    .run(message, nextAttemptAt, id);
}

const EXTERNAL_ID_TABLES: Record<string, string> = { order: 'orders', customer: 'customers', product: 'products' };

/**
 * The message as a connector sees it, with its target's remote id and what a
 * race check needs: when the change was made here (or the shop change the
 * merchant chose to send over), and what Backroom last delivered for the same
 * entity and operation.
 */
export function toItem(sqlite: Sqlite, row: OutboxRow): QueuedItem {
  const table = EXTERNAL_ID_TABLES[row.target_type];
  const external = table && row.target_id !== null
    ? sqlite.prepare<[number], { external_id: string }>(`SELECT external_id FROM ${table} WHERE id = ?`).get(row.target_id)
    : undefined;
  const lastSent = sqlite
    .prepare<[number, string, string, number], { payload: string }>(
      `SELECT payload FROM outbox WHERE store_id = ? AND entity_key = ? AND operation = ? AND id < ? AND status = 'done'
       ORDER BY id DESC LIMIT 1`,
    )
    .get(row.store_id, row.entity_key, row.operation, row.id);
  const changedHereAt = row.race_seen_at !== null && Date.parse(row.race_seen_at) > Date.parse(row.created_at) ? row.race_seen_at : row.created_at;
  return {
    id: row.id, operation: row.operation, targetType: row.target_type, targetId: row.target_id,
    targetExternalId: external?.external_id ?? null, payload: JSON.parse(row.payload) as Record<string, unknown>,
    idempotencyKey: row.idempotency_key,
    race: { changedHereAt, lastSent: lastSent ? JSON.parse(lastSent.payload) as Record<string, unknown> : null },
  };
}

export type { OutboxRow };
