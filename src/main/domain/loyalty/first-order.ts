import type { LoyaltySettings } from '../../../shared/contract';
import { bonusKey } from './bonus';
import { entryByKey, post, statement, type LedgerContext, type Posting } from './ledger';

/**
 * The first-order bonus, posted with the earn entry of the customer's first
 * qualifying order (paid, not cancelled: the orders that earn) in the same
 * transaction. Key `bonus:firstOrder:customer:<id>`, the one a bonus given by
 * hand uses, so a customer gets it once however it came.
 */
export interface EarnedOrder {
  id: number;
  customerId: number;
  placedAt: string;
}

/** No earlier order of the customer (by placement, then id) would have earned: this is their first. */
function isFirstQualifyingOrder(ctx: LedgerContext, order: EarnedOrder, earningStatuses: readonly string[]): boolean {
  const statuses = earningStatuses.map(() => '?').join(', ');
  const earlier = statement(ctx.sqlite,
    `SELECT 1 FROM orders WHERE customer_id = ? AND (placed_at < ? OR (placed_at = ? AND id < ?))
       AND status <> 'cancelled' AND financial_status IN (${statuses}) LIMIT 1`,
  ).get(order.customerId, order.placedAt, order.placedAt, order.id, ...earningStatuses);
  return earlier === undefined;
}

/**
 * Posts the bonus when the program gives one and this is the customer's first
 * qualifying order. Its lot lives like the order's points: pending and
 * expiring with them (`earned` is the order's earn entry). Null otherwise.
 */
export function postFirstOrderBonus(ctx: LedgerContext, settings: LoyaltySettings, order: EarnedOrder,
  earned: Posting, earningStatuses: readonly string[]): Posting | null {
  const points = settings.bonusActions.firstOrder;
  if (!settings.enabled || points <= 0) return null;
  const key = bonusKey({ customerId: order.customerId, action: 'firstOrder' }, ctx.now());
  // Already given (by hand, or for an order placed earlier but imported later): never twice, never a conflict.
  if (entryByKey(ctx.sqlite, key)) return null;
  if (!isFirstQualifyingOrder(ctx, order, earningStatuses)) return null;
  return post(ctx, {
    customerId: order.customerId,
    entryType: 'bonus',
    points,
    orderId: order.id,
    idempotencyKey: key,
    availableAt: earned.entry.availableAt,
    expiresAt: earned.entry.expiresAt,
    reason: 'First order bonus',
  });
}
