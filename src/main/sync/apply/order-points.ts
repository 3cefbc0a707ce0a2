import type { Sqlite } from '../../db/connection';
import { earnForOrder, reverseForRefund, type OrderFacts, type RefundReversal } from '../../domain/loyalty/orders';
import { readLoyaltySettings } from '../../domain/loyalty/settings';
import { earnForOrderFacts, earnsPerOrderAlone, reverseForRefunds } from '../../domain/loyalty/earn-many';
import type { LedgerContext } from '../../domain/loyalty/ledger';
import type { RemoteOrder } from '../model';
import type { NewRefund } from './order-children';
import type { PageState } from './orders';
import { prepared } from './statements';

/**
 * Loyalty for synced orders, through the loyalty area's own functions: an
 * order earns once (its key is `order:<id>:earn`, so applying the same page
 * again posts nothing), and each refund first seen here reverses its share once
 * (key `refund:<refund row id>:reverse`, the key orders.refund uses too).
 * An order cancelled on the platform gives back everything it earned at once
 * (key `order:<id>:cancel`), not only when a refund arrives: cancelling is
 * reversing in full, through the same function, so what refunds already took
 * back is not taken twice, and applying the order again posts nothing more.
 */
export const cancelKey = (orderId: number): string => `order:${orderId}:cancel`;

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
  /** placed_at as stored (validate.ts utcInstant). */
  placedAt: string;
}

/** What the order was written with, as earning reads it (earnForOrderFacts). */
const factsOf = ({ orderId, customerId, order, placedAt }: AppliedOrder): OrderFacts => ({
  id: orderId, customerId, status: order.status, financialStatus: order.financialStatus, currency: order.currency,
  subtotalMinor: order.subtotalMinor, discountMinor: order.discountMinor, totalMinor: order.totalMinor, placedAt,
});

export function earnAndReverse(sqlite: Sqlite, page: PageState, applied: AppliedOrder,
  newRefunds: readonly NewRefund[]): void {
  const { order, orderId } = applied;
  const cancelled = order.status === 'cancelled';
  const canEarn = applied.customerId !== null && !cancelled && EARNING.has(order.financialStatus);
  // The common case of a first sync: queued, with nothing to reverse (no context, no closure per order).
  if (canEarn && page.earnLater && !cancelled && newRefunds.length === 0) {
    page.earnLater.push(factsOf(applied));
    return;
  }
  if (!canEarn && !cancelled && newRefunds.length === 0) return;
  const now = page.now;
  // The page's transaction (or the record's savepoint) is rolled back whole on any error: no savepoint per posting.
  const ctx: LedgerContext = { sqlite, now: () => now, callerTransaction: true };
  // Queued (earnQueued): the reversals wait for the earnings, so they come after this order's in either case.
  const queue = page.reverseLater;
  const reverse = (reversal: RefundReversal): void => {
    if (queue) queue.push(reversal);
    else reverseForRefund(ctx, reversal);
  };
  if (canEarn && page.earnLater) {
    page.earnLater.push(factsOf(applied));
  } else if (canEarn) {
    // Read once per page: parsing and validating the program for every order cost more than earning.
    page.loyaltySettings ??= readLoyaltySettings(sqlite);
    earnForOrder(ctx, orderId, undefined, { settings: page.loyaltySettings });
  }
  // Whatever the order's status now: a refund takes back what the order earned, if it earned. The refunded
  // total is read now, as of this refund, whenever the reversal posts.
  for (const refund of newRefunds) {
    const { total } = prepared(sqlite, REFUNDED_THROUGH).get(orderId, refund.refundedAt, refund.refundedAt, refund.id) as
      { total: number };
    reverse({ orderId, refundedTotalMinor: total, refundKey: `refund:${refund.id}:reverse` });
  }
  // After the refunds, so a cancelled and refunded order's refunds keep their own share and this takes the rest.
  if (cancelled) reverse({ orderId, refundedTotalMinor: order.totalMinor, refundKey: cancelKey(orderId) });
}

/**
 * The page's queued earnings, in one go through the loyalty area's
 * earnForOrderFacts (the same entries earnForOrder would post), once every order
 * of the page is written. Any order it leaves is earned one by one. Then the
 * page's reversals (refunds first seen, cancellations), which waited so that a
 * refunded order's earning could join the others instead of posting alone,
 * together too (earn-many's reverseForRefunds: reverseForRefund's entries).
 */
export function earnQueued(sqlite: Sqlite, page: PageState): void {
  const now = page.now;
  const ctx: LedgerContext = { sqlite, now: () => now, callerTransaction: true };
  if (page.earnLater && page.earnLater.length > 0) {
    page.loyaltySettings ??= readLoyaltySettings(sqlite);
    const settings = page.loyaltySettings;
    for (const orderId of earnForOrderFacts(ctx, page.earnLater, { settings })) {
      earnForOrder(ctx, orderId, undefined, { settings });
    }
    page.earnLater = [];
  }
  // In the order the page met them, each after the earning it takes back from.
  if (page.reverseLater && page.reverseLater.length > 0) {
    reverseForRefunds(ctx, page.reverseLater);
    page.reverseLater = [];
  }
}

/** Whether this page may queue its earnings (earnQueued): the program earns per order alone. */
export function canQueueEarnings(sqlite: Sqlite, page: PageState): boolean {
  page.loyaltySettings ??= readLoyaltySettings(sqlite);
  return earnsPerOrderAlone(page.loyaltySettings);
}
