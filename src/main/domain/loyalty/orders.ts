import type { EarningBasis, LoyaltySettings } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { minorUnitDigits } from '../../../shared/money';
import { entryByKey, inLedgerTransaction, post, statement, type LedgerContext, type Posting } from './ledger';
import { readLoyaltySettings } from './settings';

/**
 * Points from orders: earning on a paid order and taking them back on refund.
 * The earning rules come from the merchant's loyalty settings (settings.ts);
 * a caller may pass its own, as the tests do.
 */
export interface EarningRules {
  /** Points per major currency unit of the basis; at most 2 decimals. */
  pointsPerUnit: number;
  /** subtotalAfterDiscounts excludes shipping and tax; total is what was charged. */
  basis: EarningBasis;
  /** Days an order's points stay pending after it is placed. */
  pendingDays: number;
  /** Calendar months after the order until its lot expires; null: never. */
  lifetimeMonths: number | null;
}

export function earningRulesOf(settings: LoyaltySettings): EarningRules {
  const { pointsPerCurrencyUnit, basis, pendingDays, lotLifetimeMonths } = settings.earning;
  return { pointsPerUnit: pointsPerCurrencyUnit, basis, pendingDays, lifetimeMonths: lotLifetimeMonths };
}

export const DEFAULT_EARNING_RULES: EarningRules = {
  pointsPerUnit: 1, basis: 'subtotalAfterDiscounts', pendingDays: 14, lifetimeMonths: 12,
};

const DAY_MS = 86_400_000;

/**
 * The same day `months` calendar months later (UTC), or the month's last day
 * when it has no such day: 31 January + 1 month is 28 (or 29) February.
 */
export function addMonthsUtc(fromMs: number, months: number): Date {
  const from = new Date(fromMs);
  const target = new Date(from);
  target.setUTCDate(1);
  target.setUTCMonth(from.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  return target;
}

const EARNING_STATUSES = ['paid', 'partially_refunded', 'refunded'];

interface OrderFacts {
  id: number;
  customerId: number | null;
  status: string;
  financialStatus: string;
  currency: string;
  subtotalMinor: number;
  discountMinor: number;
  totalMinor: number;
  placedAt: string;
}

function orderFacts(ctx: LedgerContext, orderId: number): OrderFacts {
  const order = statement(
    ctx.sqlite,
    `SELECT id, customer_id AS customerId, status, financial_status AS financialStatus, currency,
       subtotal_minor AS subtotalMinor, discount_minor AS discountMinor, total_minor AS totalMinor,
       placed_at AS placedAt FROM orders WHERE id = ?`,
  ).get(orderId) as OrderFacts | undefined;
  if (!order) throw new AppError('NOT_FOUND', `There is no order with id ${orderId}.`);
  return order;
}

export const earnKey = (orderId: number): string => `order:${orderId}:earn`;

/**
 * What an order earns under the rules: whole points, rounded down. The rate
 * is taken in integer hundredths so that 0.57 points per unit earns exactly
 * 57 on 100 units (10000 × 0.57 / 100 is 56.99… in floating point).
 */
export function pointsForOrder(order: Pick<OrderFacts, 'subtotalMinor' | 'discountMinor' | 'totalMinor' | 'currency'>,
  rules: Pick<EarningRules, 'pointsPerUnit' | 'basis'>): number {
  const basisMinor = rules.basis === 'total' ? order.totalMinor : order.subtotalMinor - order.discountMinor;
  const rateHundredths = Math.round(rules.pointsPerUnit * 100);
  return Math.floor((Math.max(0, basisMinor) * rateHundredths) / (100 * 10 ** minorUnitDigits(order.currency)));
}

/**
 * Earns an order's points once (key `order:<id>:earn`); replaying the same
 * order returns the first posting. Null when the order earns nothing: a guest
 * checkout, an unpaid or cancelled order, a total too small for one point, or
 * a program the merchant switched off. Without `rules`, the stored settings
 * decide (the defaults when none are stored).
 */
export function earnForOrder(ctx: LedgerContext, orderId: number, rules?: EarningRules): Posting | null {
  const existing = entryByKey(ctx.sqlite, earnKey(orderId));
  if (existing) return { entry: existing, replayed: true };
  const order = orderFacts(ctx, orderId);
  if (!rules) {
    const settings = readLoyaltySettings(ctx.sqlite);
    if (!settings.enabled) return null;
    rules = earningRulesOf(settings);
  }
  if (order.customerId === null || order.status === 'cancelled') return null;
  if (!EARNING_STATUSES.includes(order.financialStatus)) return null;
  const points = pointsForOrder(order, rules);
  if (points <= 0) return null;
  const placedMs = Date.parse(order.placedAt);
  return post(ctx, {
    customerId: order.customerId,
    entryType: 'earn',
    points,
    orderId,
    idempotencyKey: earnKey(orderId),
    availableAt: new Date(placedMs + rules.pendingDays * DAY_MS).toISOString(),
    expiresAt: rules.lifetimeMonths === null ? null : addMonthsUtc(placedMs, rules.lifetimeMonths).toISOString(),
  });
}

export interface RefundReversal {
  orderId: number;
  /** The order's refunded total after this refund (cumulative, like orders.refunded_minor). */
  refundedTotalMinor: number;
  /** The refund event, e.g. `refund:<id>:reverse`; the same refund never reverses twice. */
  refundKey: string;
}

/**
 * Takes back the order's points pro rata of the money refunded so far:
 * floor(earned × refunded / total), less what earlier refunds took. Passing the
 * cumulative figure keeps partial refunds free of rounding drift, and a full
 * refund reverses exactly what the order earned. What the customer already
 * spent cannot be taken back from a lot and is carried as debt (see lots.ts).
 */
export function reverseForRefund(ctx: LedgerContext, refund: RefundReversal): Posting | null {
  if (!Number.isSafeInteger(refund.refundedTotalMinor) || refund.refundedTotalMinor < 0) {
    throw new AppError('VALIDATION', 'The refunded amount must be a whole number of minor units, not negative.');
  }
  if (refund.refundKey.trim() === '') throw new AppError('VALIDATION', 'A refund needs an idempotency key.');
  return inLedgerTransaction(ctx, () => {
    const existing = entryByKey(ctx.sqlite, refund.refundKey);
    if (existing) return { entry: existing, replayed: true };
    const order = orderFacts(ctx, refund.orderId);
    const earned = entryByKey(ctx.sqlite, earnKey(refund.orderId));
    if (!earned || order.totalMinor <= 0) return null;
    const refunded = Math.min(refund.refundedTotalMinor, order.totalMinor);
    const target = Math.floor((earned.points * refunded) / order.totalMinor);
    const reversedSoFar = statement(ctx.sqlite,
      "SELECT coalesce(sum(points), 0) AS points FROM points_ledger WHERE order_id = ? AND entry_type = 'reverse'",
    ).get(refund.orderId) as { points: number };
    const alreadyReversed = -reversedSoFar.points;
    const points = target - alreadyReversed;
    if (points <= 0) return null;
    return post(ctx, {
      customerId: earned.customerId,
      entryType: 'reverse',
      points: -points,
      orderId: refund.orderId,
      idempotencyKey: refund.refundKey,
      reason: 'Order refunded',
    });
  });
}
