import type { MergeResult, ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { isActiveStaff, recordAudit } from '../audit/log';
import { inLedgerTransaction, type LedgerContext } from '../loyalty/ledger';
import { transferPoints } from './merge-points';
import { recomputeCustomerRfm } from './rfm';

/**
 * `customers.merge`: folds a duplicate (the source) into the customer who
 * stays (the target), in one IMMEDIATE transaction: orders, tickets, returns
 * and feedback move to the target, points move lot by lot (merge-points.ts),
 * local tags are joined, the source is marked merged (hidden from lists, kept
 * for history), and the merge is recorded with an audit entry on both. The
 * target's RFM row is recomputed; the source's is dropped.
 */
type MergeInput = ParsedInputOf<'customers.merge'>;

interface CustomerState {
  id: number;
  mergedIntoId: number | null;
  localTags: string;
}

function customerState(sqlite: Sqlite, id: number, role: string): CustomerState {
  const row = sqlite
    .prepare<[number], CustomerState>('SELECT id, merged_into_id AS mergedIntoId, local_tags AS localTags FROM customers WHERE id = ?')
    .get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no customer with id ${id} to merge ${role}.`);
  return row;
}

function replayOf(sqlite: Sqlite, input: MergeInput): MergeResult | null {
  const row = sqlite
    .prepare<[string], { source: number; target: number; detail: string }>(
      `SELECT source_customer_id AS source, target_customer_id AS target, detail FROM customer_merges WHERE idempotency_key = ?`,
    )
    .get(input.idempotencyKey);
  if (!row) return null;
  if (row.source !== input.sourceId || row.target !== input.targetId) {
    throw new AppError('CONFLICT', 'This idempotency key was already used for a different merge.');
  }
  return { ...(JSON.parse(row.detail) as MergeResult), replayed: true };
}

function checkMergeable(sqlite: Sqlite, input: MergeInput): { source: CustomerState; target: CustomerState } {
  if (input.sourceId === input.targetId) {
    throw new AppError('VALIDATION', 'A customer cannot be merged into itself.');
  }
  const source = customerState(sqlite, input.sourceId, 'away');
  const target = customerState(sqlite, input.targetId, 'into');
  if (source.mergedIntoId !== null) {
    throw new AppError('CONFLICT', `Customer #${source.id} was already merged into customer #${source.mergedIntoId}.`);
  }
  if (target.mergedIntoId !== null) {
    throw new AppError('CONFLICT',
      `Customer #${target.id} was merged into customer #${target.mergedIntoId}; merge into that customer instead.`);
  }
  if (!isActiveStaff(sqlite, input.staffId)) {
    throw new AppError('VALIDATION', `There is no active staff member with id ${input.staffId} to record the merge.`);
  }
  return { source, target };
}

function moveRows(sqlite: Sqlite, sourceId: number, targetId: number, nowIso: string): MergeResult['moved'] {
  const move = (table: string, stamp: string | null) =>
    sqlite
      .prepare(`UPDATE ${table} SET customer_id = ?${stamp ? `, ${stamp} = ?` : ''} WHERE customer_id = ?`)
      .run(...(stamp ? [targetId, nowIso, sourceId] : [targetId, sourceId])).changes;
  const moved = {
    orders: move('orders', 'updated_at'),
    tickets: move('tickets', 'updated_at'),
    returns: move('returns', 'updated_at'),
    feedback: move('feedback', null),
  };
  // Coupons already issued stay usable: they show on the surviving customer's profile.
  move('coupons', null);
  // The target's orders, old and new, numbered again in time order (the dashboard reads 1 as "first order").
  sqlite
    .prepare(
      `UPDATE orders SET customer_order_seq = (
         SELECT count(*) FROM orders o2 WHERE o2.customer_id = orders.customer_id
            AND (o2.placed_at < orders.placed_at OR (o2.placed_at = orders.placed_at AND o2.id <= orders.id)))
       WHERE customer_id = ?`,
    )
    .run(targetId);
  return moved;
}

function joinedTags(target: string, source: string): string {
  const parse = (json: string) => {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  };
  return JSON.stringify([...new Set([...parse(target), ...parse(source)])]);
}

export function mergeCustomers(sqlite: Sqlite, input: MergeInput, now: Date): MergeResult {
  const nowIso = now.toISOString();
  // One clock for every posting, so the lots the transfer sees are the lots it moves.
  const ctx: LedgerContext = { sqlite, now: () => now };
  return inLedgerTransaction(ctx, () => {
    const replayed = replayOf(sqlite, input);
    if (replayed) return replayed;
    const { source, target } = checkMergeable(sqlite, input);
    const moved = moveRows(sqlite, source.id, target.id, nowIso);
    const points = transferPoints(ctx, source.id, target.id, input.staffId);
    sqlite
      .prepare('UPDATE customers SET local_tags = ?, updated_at = ? WHERE id = ?')
      .run(joinedTags(target.localTags, source.localTags), nowIso, target.id);
    sqlite.prepare('UPDATE customers SET merged_into_id = ?, updated_at = ? WHERE id = ?').run(target.id, nowIso, source.id);
    sqlite.prepare('DELETE FROM customer_rfm WHERE customer_id = ?').run(source.id);
    recomputeCustomerRfm(sqlite, target.id, now);
    const insert = sqlite
      .prepare(
        `INSERT INTO customer_merges (source_customer_id, target_customer_id, staff_id, idempotency_key, merged_at, detail)
         VALUES (?, ?, ?, ?, ?, '{}')`,
      )
      .run(source.id, target.id, input.staffId, input.idempotencyKey, nowIso);
    const result: MergeResult = {
      mergeId: Number(insert.lastInsertRowid), sourceId: source.id, targetId: target.id, mergedAt: nowIso,
      moved, points, replayed: false,
    };
    sqlite.prepare('UPDATE customer_merges SET detail = ? WHERE id = ?').run(JSON.stringify(result), result.mergeId);
    const detail = { mergeId: result.mergeId, sourceId: source.id, targetId: target.id, moved, points };
    recordAudit(sqlite, { at: now, staffId: input.staffId, entityType: 'customer', entityId: target.id, action: 'customer.merge', detail });
    recordAudit(sqlite, { at: now, staffId: input.staffId, entityType: 'customer', entityId: source.id, action: 'customer.merged_into', detail });
    return result;
  });
}
