import type { EarningBasis, LoyaltySettings } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { minorUnitDigits } from '../../../shared/money';
import { addMonthsUtc, DAY_MS } from './dates';
import { entryByKey, inLedgerTransaction, post, statement, type LedgerContext, type Posting } from './ledger';
import { bestCampaignMultiplier, customerSegment } from './program';
import { readLoyaltySettings } from './settings';
import { currentCustomerId } from '../customers/merged';
import { tierStatus } from './tiers';
import { postFirstOrderBonus } from './first-order';
import { postCampaignMultipliers } from '../campaigns/multiplier'; // campaigns-core (issue 8)

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
  /** days (the default): pendingDays after placement; deliveryPlusReturnWindow: see pendingUntil. */
  pendingMode?: 'days' | 'deliveryPlusReturnWindow';
  returnWindowDays?: number;
  /** Tier × campaign multiplier for this order (at most 2 decimals each); 1 when absent. */
  multiplier?: number;
}

/** The program's rules for earning, before any multiplier (which depends on the customer and the day). */
export function earningRulesOf(settings: LoyaltySettings): EarningRules {
  const { pointsPerCurrencyUnit, basis, pendingDays, lotLifetimeMonths, pendingMode, returnWindowDays,
    expiryMode } = settings.earning;
  return { pointsPerUnit: pointsPerCurrencyUnit, basis, pendingDays, pendingMode, returnWindowDays,
    lifetimeMonths: expiryMode === 'inactivity' ? null : lotLifetimeMonths };
}

export const DEFAULT_EARNING_RULES: EarningRules = {
  pointsPerUnit: 1, basis: 'subtotalAfterDiscounts', pendingDays: 14, lifetimeMonths: 12,
};

export { addMonthsUtc } from './dates';

/** The financial statuses an order earns on (earn-many.ts reads them too). */
export const EARNING_STATUSES = ['paid', 'partially_refunded', 'refunded'];

/** What earning needs of an order. */
export interface OrderFacts {
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
  rules: Pick<EarningRules, 'pointsPerUnit' | 'basis' | 'multiplier'>): number {
  const basisMinor = Math.max(0, rules.basis === 'total' ? order.totalMinor : order.subtotalMinor - order.discountMinor);
  const rateHundredths = Math.round(rules.pointsPerUnit * 100);
  // The multiplier is a product of two 2-decimal factors: exact in ten-thousandths.
  const multiplier = Math.round((rules.multiplier ?? 1) * 10_000);
  const scale = 100 * 10 ** minorUnitDigits(order.currency) * 10_000;
  const product = basisMinor * rateHundredths * multiplier;
  // While product + scale stays below 2^53 the product is exact, and so is the floor of the division: a quotient
  // k − r/scale (r ≥ 1) is at least 1/scale from k, more than half a unit in the last place of k (k·2^-53, with
  // k·scale < product + scale < 2^53), so it never rounds up to k. Anything larger goes through BigInt.
  // (BigInt for every order cost a first sync's page a tenth of its time.)
  if (Number.isSafeInteger(product + scale)) return Math.floor(product / scale);
  return Number((BigInt(basisMinor) * BigInt(rateHundredths) * BigInt(multiplier)) / BigInt(scale));
}

/**
 * When an order's points become spendable. In deliveryPlusReturnWindow mode:
 * the first delivery of the order plus the return window when a shipment is
 * already delivered at posting time; otherwise a conservative estimate,
 * placement + pendingDays + returnWindowDays. The ledger is append-only, so
 * the date is fixed when the points post: the estimate is the latest a normal
 * delivery would reach, and the points become available then without any rewrite.
 */
export function pendingUntil(ctx: LedgerContext, order: Pick<OrderFacts, 'id' | 'placedAt'>,
  rules: EarningRules): string {
  const placedMs = Date.parse(order.placedAt);
  if (rules.pendingMode !== 'deliveryPlusReturnWindow') return new Date(placedMs + rules.pendingDays * DAY_MS).toISOString();
  const windowMs = (rules.returnWindowDays ?? 0) * DAY_MS;
  const delivered = statement(ctx.sqlite,
    'SELECT min(delivered_at) AS at FROM shipments WHERE order_id = ? AND delivered_at IS NOT NULL',
  ).get(order.id) as { at: string | null };
  if (delivered.at) return new Date(Date.parse(delivered.at) + windowMs).toISOString();
  return new Date(placedMs + rules.pendingDays * DAY_MS + windowMs).toISOString();
}

/** The stored program's rules for this order, with the customer's tier and the best campaign applied. */
function programRules(ctx: LedgerContext, settings: LoyaltySettings, order: OrderFacts): EarningRules {
  const customerId = order.customerId as number;
  // No tiers in the program: tierStatus would answer null after reading the settings again.
  const tier = settings.tiers.length === 0 ? 1 : tierStatus(ctx, customerId)?.multiplier ?? 1;
  const campaign = settings.campaigns.length === 0 ? 1
    : bestCampaignMultiplier(settings.campaigns, order.placedAt, customerSegment(ctx.sqlite, customerId));
  return { ...earningRulesOf(settings), multiplier: tier * campaign };
}

/**
 * Earns an order's points once (key `order:<id>:earn`); replaying the same
 * order returns the first posting. Null when the order earns nothing: a guest
 * checkout, an unpaid or cancelled order, a total too small for one point, or
 * a program the merchant switched off. Without `rules`, the stored settings
 * decide (the defaults when none are stored). `options.settings`: the stored
 * settings already read by a caller earning many orders at once (a sync page),
 * so they are parsed once per page rather than once per order.
 */
export function earnForOrder(ctx: LedgerContext, orderId: number, rules?: EarningRules,
  options: { settings?: LoyaltySettings } = {}): Posting | null {
  const existing = entryByKey(ctx.sqlite, earnKey(orderId));
  if (existing) return { entry: existing, replayed: true };
  const order = orderFacts(ctx, orderId);
  if (order.customerId === null || order.status === 'cancelled') return null;
  if (!EARNING_STATUSES.includes(order.financialStatus)) return null;
  const settings = options.settings ?? readLoyaltySettings(ctx.sqlite);
  if (!rules) {
    if (!settings.enabled) return null;
    rules = programRules(ctx, settings, order);
  }
  const points = pointsForOrder(order, rules);
  if (points <= 0) return null;
  const placedMs = Date.parse(order.placedAt);
  const customerId = order.customerId;
  const availableAt = pendingUntil(ctx, order, rules);
  const expiresAt = rules.lifetimeMonths === null ? null : addMonthsUtc(placedMs, rules.lifetimeMonths).toISOString();
  // The order's points and, on a first order, the program's first-order bonus: both or neither.
  return inLedgerTransaction(ctx, () => {
    const earned = post(ctx, { customerId, entryType: 'earn', points, orderId, idempotencyKey: earnKey(orderId),
      availableAt, expiresAt });
    if (!earned.replayed) postFirstOrderBonus(ctx, settings, { ...order, customerId }, earned, EARNING_STATUSES);
    // Campaigns (issue 8): a launched multiplier campaign whose treatment holds this customer adds its extra points.
    if (!earned.replayed) postCampaignMultipliers(ctx, { id: orderId, customerId, placedAt: order.placedAt }, earned.entry);
    return earned;
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
/** The extra points campaigns posted on an order (keys campaign:<id>:order:<orderId>, found through the order index). */
export const CAMPAIGN_EXTRA = `SELECT coalesce(sum(points), 0) AS points FROM points_ledger
  WHERE order_id = ? AND entry_type = 'bonus' AND idempotency_key LIKE 'campaign:%'`;

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
    // A campaign's extra points on this order (its multiplier) go back in the same proportion as the earning.
    const campaignExtra = (statement(ctx.sqlite, CAMPAIGN_EXTRA).get(refund.orderId) as { points: number }).points;
    const target = Math.floor(((earned.points + campaignExtra) * refunded) / order.totalMinor);
    const reversedSoFar = statement(ctx.sqlite,
      "SELECT coalesce(sum(points), 0) AS points FROM points_ledger WHERE order_id = ? AND entry_type = 'reverse'",
    ).get(refund.orderId) as { points: number };
    const alreadyReversed = -reversedSoFar.points;
    const points = target - alreadyReversed;
    if (points <= 0) return null;
    return post(ctx, {
      // After a merge the points live with the surviving customer: take them back there.
      customerId: currentCustomerId(ctx.sqlite, earned.customerId),
      entryType: 'reverse',
      points: -points,
      orderId: refund.orderId,
      idempotencyKey: refund.refundKey,
      reason: 'Order refunded',
    });
  });
}
