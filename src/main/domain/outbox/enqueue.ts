import type { Sqlite } from '../../db/connection';

/**
 * The outbox: local changes waiting to reach a marketplace. The sync engine
 * (issue 5) sends them; this is the one way areas put them there.
 *
 * Only stores with a remote side are queued: a demo or CSV store has nowhere
 * to send to, so its changes stay local (and say so in the UI).
 */
const REMOTE_PLATFORMS = ['shopify', 'woocommerce', 'vendure'];

export interface OutboxMessage {
  storeId: number;
  /** Unique per change: a retried request queues once. */
  idempotencyKey: string;
  /** What the connector must do: 'order.note.set', 'order.tags.set', 'coupon.create', ... */
  operation: string;
  targetType: string;
  targetId: number | null;
  payload: Record<string, unknown>;
}

export function storeIsConnected(sqlite: Sqlite, storeId: number): boolean {
  const row = sqlite.prepare<[number], { platform: string }>('SELECT platform FROM stores WHERE id = ? AND disconnected_at IS NULL').get(storeId);
  return row !== undefined && REMOTE_PLATFORMS.includes(row.platform);
}

/**
 * Queues the message when the store is connected; returns whether it was queued.
 * Call inside the transaction of the change itself. A repeated key is a no-op.
 */
export function enqueueOutbox(sqlite: Sqlite, message: OutboxMessage, now: Date): boolean {
  if (!storeIsConnected(sqlite, message.storeId)) return false;
  sqlite
    .prepare(
      `INSERT INTO outbox (store_id, idempotency_key, operation, target_type, target_id, entity_key, payload, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
    )
    .run(message.storeId, message.idempotencyKey, message.operation, message.targetType, message.targetId,
      // One entity's messages go out in the order they were made (a note, then its correction).
      `${message.targetType}:${message.targetId ?? message.idempotencyKey}`, JSON.stringify(message.payload), now.toISOString());
  return true;
}
