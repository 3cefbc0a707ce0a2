import type { Sqlite } from '../../db/connection';
import { earnForOrder, reverseForRefund } from '../../domain/loyalty/orders';
import type { LedgerContext } from '../../domain/loyalty/ledger';
import type { RemoteOrder } from '../model';
import type { NewRefund } from './order-children';
import { prepared } from './statements';

/**
 * Loyalty for synced orders, through the loyalty area's own functions: an
 * order earns once (its key is `order:<id>:earn`, so applying the same page
 * again posts nothing), and each refund first seen here reverses its share once
 * (key `refund:<refund row id>:reverse`, the key orders.refund uses too).
 */

/** The statuses earnForOrder earns on: checked here first only to skip its reads for orders that cannot earn. */
const EARNING = new Set(['paid', 'partially_refunded', 'refunded']);

/**
 * Money refunded on the platform up to and including this refund. Refunds
 * recorded here (`local:…`) are left out: once pushed, the platform sends them
 * back under its own id, and reverseForRefund subtracts every reversal already
 * posted, so counting both would take the same points twice.
 */
const REFUNDED_THROUGH = `SELECT coalesce(sum(amount_minor), 0) AS total FROM refunds
  WHERE order_id = ? AND external_id NOT LIKE 'local:%' AND (refunded_at < ? OR (refunded_at = ? AND id <= ?))`;

export interface AppliedOrder {
  orderId: number;
  customerId: number | null;
  order: RemoteOrder;
}

export function earnAndReverse(sqlite: Sqlite, now: Date, applied: AppliedOrder, newRefunds: readonly NewRefund[]): void {
  const { order, orderId } = applied;
  const canEarn = applied.customerId !== null && order.status !== 'cancelled' && EARNING.has(order.financialStatus);
  if (!canEarn && newRefunds.length === 0) return;
  const ctx: LedgerContext = { sqlite, now: () => now };
  if (canEarn) earnForOrder(ctx, orderId);
  // Whatever the order's status now: a refund takes back what the order earned, if it earned.
  for (const refund of newRefunds) {
    const { total } = prepared(sqlite, REFUNDED_THROUGH).get(orderId, refund.refundedAt, refund.refundedAt, refund.id) as
      { total: number };
    reverseForRefund(ctx, { orderId, refundedTotalMinor: total, refundKey: `refund:${refund.id}:reverse` });
  }
}
