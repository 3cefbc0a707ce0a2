import type { OrderWriteResult, ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { HandlerContext } from '../../core/handler';
import { recordAudit } from '../audit/log';
import { refreshCustomerRfm } from '../customers/rfm';
import { reverseForRefund } from '../loyalty/orders';
import { enqueueOutbox } from '../outbox/enqueue';
import { deliveryOf } from './delivery';
import { getOrder } from './detail';
import { decimalMajor } from './money-text';
import { orderFacts, requireActiveStaff, type OrderFacts } from './staff';

/**
 * `orders.refund`: a refund the merchant records here (the marketplace hears
 * of it through the outbox when the store is connected). One IMMEDIATE
 * transaction writes the refund, the order's refunded total and status, the
 * points reversal, the audit entry and the outbox message, or none of them.
 *
 * The idempotency key is the refund's identity (external_id `local:<key>`):
 * replaying a request returns the order as it is and writes nothing.
 */
type RefundInput = ParsedInputOf<'orders.refund'>;

/** Statuses whose money was taken; anything else has nothing to give back. */
const REFUNDABLE_STATUSES = ['paid', 'partially_refunded', 'refunded'];

interface ExistingRefund { orderId: number; amountMinor: number }

function existingRefund(ctx: HandlerContext, storeId: number, externalId: string): ExistingRefund | undefined {
  return ctx.sqlite
    .prepare<[number, string], ExistingRefund>(
      'SELECT order_id AS orderId, amount_minor AS amountMinor FROM refunds WHERE store_id = ? AND external_id = ?',
    )
    .get(storeId, externalId);
}

function refuseUnrefundable(order: OrderFacts, number: string, amountMinor: number): void {
  if (order.status === 'cancelled' || order.financialStatus === 'voided') {
    throw new AppError('CONFLICT', `Order ${number} was cancelled or voided, so it cannot be refunded.`);
  }
  if (!REFUNDABLE_STATUSES.includes(order.financialStatus)) {
    throw new AppError('CONFLICT', `Order ${number} has not been paid (${order.financialStatus}), so there is nothing to refund.`);
  }
  const refundable = order.totalMinor - order.refundedMinor;
  if (amountMinor > refundable) {
    throw new AppError('VALIDATION',
      `A refund of ${decimalMajor(amountMinor, order.currency)} ${order.currency} is more than the ` +
      `${decimalMajor(refundable, order.currency)} ${order.currency} still refundable on order ${number}.`,
      { refundableMinor: refundable });
  }
}

interface Applied { wrote: boolean; storeId: number; queued: boolean }

/** `wrote` is false on a replay (nothing written, nothing queued by this request). */
function applyRefund(input: RefundInput, ctx: HandlerContext): Applied {
  const { sqlite } = ctx;
  requireActiveStaff(sqlite, input.staffId);
  const order = orderFacts(sqlite, input.id);
  const externalId = `local:${input.idempotencyKey}`;
  const earlier = existingRefund(ctx, order.storeId, externalId);
  if (earlier) {
    if (earlier.orderId === order.id && earlier.amountMinor === input.amountMinor) {
      return { wrote: false, storeId: order.storeId, queued: false };
    }
    throw new AppError('CONFLICT', 'This refund request was already used for a different order or amount; start a new refund.');
  }
  const number = sqlite.prepare<[number], { n: string }>('SELECT order_number AS n FROM orders WHERE id = ?').get(order.id)!.n;
  refuseUnrefundable(order, number, input.amountMinor);

  const now = ctx.now();
  const at = now.toISOString();
  const refundedAfter = order.refundedMinor + input.amountMinor;
  const financialStatus = refundedAfter >= order.totalMinor ? 'refunded' : 'partially_refunded';
  const refundId = Number(sqlite
    .prepare(`INSERT INTO refunds (order_id, store_id, external_id, amount_minor, currency, reason, note, refunded_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(order.id, order.storeId, externalId, input.amountMinor, order.currency, input.reason ?? null, input.note ?? null, at)
    .lastInsertRowid);
  sqlite.prepare('UPDATE orders SET refunded_minor = ?, financial_status = ?, updated_at = ? WHERE id = ?')
    .run(refundedAfter, financialStatus, at, order.id);
  const reversal = reverseForRefund(ctx, {
    orderId: order.id, refundedTotalMinor: refundedAfter, refundKey: `refund:${refundId}:reverse`,
  });
  const pointsReversed = reversal && !reversal.replayed ? -reversal.entry.points : 0;
  // The customer's spend fell: their RFM row and segment follow at once (one customer, indexed).
  const customerId = sqlite.prepare<[number], { c: number | null }>('SELECT customer_id AS c FROM orders WHERE id = ?')
    .get(order.id)?.c ?? null;
  if (customerId !== null) refreshCustomerRfm(sqlite, customerId, now);
  recordAudit(sqlite, {
    at: now, staffId: input.staffId, entityType: 'order', entityId: order.id, action: 'refund.local',
    detail: {
      refundId, amountMinor: input.amountMinor, currency: order.currency, reason: input.reason ?? null,
      note: input.note ?? null, before: { refundedMinor: order.refundedMinor, financialStatus: order.financialStatus },
      after: { refundedMinor: refundedAfter, financialStatus }, pointsReversed,
    },
  });
  const queued = enqueueOutbox(sqlite, {
    storeId: order.storeId, idempotencyKey: `order:${order.id}:refund:${input.idempotencyKey}`,
    operation: 'order.refund.create', targetType: 'order', targetId: order.id,
    payload: { externalId: order.externalId, refundId, amountMinor: input.amountMinor, currency: order.currency,
      reason: input.reason ?? null, note: input.note ?? null },
  }, now);
  return { wrote: true, storeId: order.storeId, queued };
}

export function refundOrder(input: RefundInput, ctx: HandlerContext): OrderWriteResult {
  // IMMEDIATE: the write lock before the refundable amount is read, so two racing refunds serialize.
  const applied = ctx.sqlite.transaction(() => applyRefund(input, ctx)).immediate();
  if (applied.wrote) ctx.emit('data.changed', { areas: ['orders', 'customers', 'loyalty'] });
  return { ...getOrder(ctx.sqlite, input.id), delivery: deliveryOf(ctx.sqlite, applied.storeId, applied.queued) };
}
