import { aftercare } from './aftercare';
import type { DemoProduct } from './catalogue';
import type { DemoContext } from './context';
import { guestHome, homeOf, writeCustomer } from './customers';
import { OrderIds } from './ids';
import type { LoyaltyFacts } from './loyalty';
import { NEW_BUYER, NEWSLETTER_SIGNUP, ORDER_CHANNELS, type StorePlan } from './plan';
import { Random, STREAM, WeightedPicker } from './random';
import { maybeReturn, type DemoLine, type ReturnOutcome } from './returns';
import { shipOrder, type ShipmentOutcome } from './shipments';
import { DAY, HOUR, MINUTE, isoAt } from './time';

const ONLINE_METHODS = WeightedPicker.of([['card', 47], ['paypal', 18], ['apple_pay', 12], ['google_pay', 6],
  ['klarna', 7], ['shop_pay', 5], ['bank_transfer', 4], ['gift_card', 1]] as const);
const POS_METHODS = WeightedPicker.of([['card', 68], ['cash', 25], ['apple_pay', 7]] as const);
const GATEWAYS: Record<string, string> = {
  card: 'stripe', apple_pay: 'stripe', google_pay: 'stripe', paypal: 'paypal', klarna: 'klarna',
  shop_pay: 'shopify_payments', bank_transfer: 'manual', gift_card: 'gift_card', cash: 'cash', marketplace: 'etsy',
};

/** Closed lists of what orders and payments say, for columns bound as codes (see bulk-insert.ts). */
export { ORDER_CHANNELS };
export const ORDER_STATUSES = ['open', 'completed', 'cancelled'];
export const FINANCIAL_STATUSES = ['pending', 'authorized', 'paid', 'partially_refunded', 'refunded', 'voided', 'failed'];
export const FULFILLMENT_STATUSES = ['unfulfilled', 'partial', 'fulfilled', 'returned'];
export const PAYMENT_METHODS = Object.keys(GATEWAYS);
export const GATEWAY_NAMES = [...new Set(Object.values(GATEWAYS))];
export const PAYMENT_KINDS = ['authorization', 'capture', 'sale', 'void', 'refund'];
export const PAYMENT_STATUSES = ['pending', 'success', 'failure', 'error'];
export const PAYMENT_ERRORS = ['card_declined'];
export const REFUND_REASONS = ['return', 'lost_or_damaged', 'late_delivery', 'customer_request', 'goodwill'];

const LINE_COUNTS = WeightedPicker.of([[1, 62], [2, 24], [3, 9], [4, 3], [5, 2]] as const);
const QUANTITIES = WeightedPicker.of([[1, 82], [2, 13], [3, 4], [4, 1]] as const);
const COUPON_PERCENT = [10, 10, 15, 20];
const POINTS_TO_SPEND = [300, 500, 500, 1000];
/** Unsettled bank transfers older than this would have been chased; the demo treats them as paid. */
const TRANSFER_SETTLES_MS = 3 * DAY;

/**
 * Writes order i with everything that happened to it by `now`: its new
 * customers, lines, payments, shipment and scans, return, refund, tickets and
 * feedback, and its loyalty facts. Everything is drawn from the order's own
 * random stream (see Random.stream).
 */
export class OrderGenerator {
  constructor(
    private readonly ctx: DemoContext,
    private readonly plan: StorePlan,
    private readonly products: WeightedPicker<DemoProduct>,
    private readonly facts: LoyaltyFacts,
  ) {}

  generate(i: number): void {
    const { ctx, plan, facts } = this;
    const rng = (ctx.rng = Random.stream(ctx.seed, STREAM.order, i));
    const ids = (ctx.ids = new OrderIds(ctx.bases, i));
    const { nowMs, tables } = ctx;
    const k = i - facts.lo;
    const placedMs = plan.times[i] as number;
    const orderId = ids.order;
    const channel = ORDER_CHANNELS[plan.channels[i] as number] as string;
    const customerId = (plan.buyers[i] as number) || null;
    this.writeNewCustomers(i, customerId, placedMs, channel);
    const { country, place } = customerId !== null ? homeOf(plan, customerId) : guestHome(rng);

    const lines = this.lines(orderId);
    let subtotal = 0;
    for (const line of lines) subtotal += line.totalMinor;
    const cancelRoll = rng.next();
    const cancelledMs = cancelRoll < 0.018 ? placedMs + rng.int(10, 600) * MINUTE : null;
    const cancelled = cancelledMs !== null && cancelledMs <= nowMs;
    const declined = cancelled && cancelRoll < 0.007;

    let discount = rng.chance(0.14) ? Math.round((subtotal * rng.pick(COUPON_PERCENT)) / 100) : 0;
    // Regulars sometimes spend points; the ledger pass posts it if their balance covers it.
    if (customerId !== null && !cancelled && (plan.seqs[i] as number) >= 3 && rng.chance(0.3)) {
      const points = Math.min(rng.pick(POINTS_TO_SPEND), Math.floor((subtotal - discount) / 200) * 100);
      if (points > 0) {
        facts.redeemWish[k] = points;
        discount += points; // 1 point = 1 minor unit
      }
    }
    const pos = channel === 'pos';
    const shipping = pos || subtotal - discount >= country.freeShippingOverMinor ? 0 : country.shippingMinor;
    const tax = Math.round(((subtotal - discount) * country.taxBasisPoints) / 10_000);
    const total = subtotal - discount + shipping + tax;
    const method = pos ? POS_METHODS.pick(rng) : channel === 'marketplace' ? 'marketplace' : ONLINE_METHODS.pick(rng);
    // Bank transfers ship once the money is in.
    const awaitingTransfer = method === 'bank_transfer' && nowMs - placedMs < TRANSFER_SETTLES_MS;
    const paid = !cancelled && !awaitingTransfer;

    let shipment: ShipmentOutcome | null = null;
    let deliveredMs: number | null = null;
    let touchedMs = cancelled ? (cancelledMs as number) : placedMs;
    if (pos && !cancelled) deliveredMs = placedMs; // handed over the counter
    else if (!cancelled && !awaitingTransfer) {
      shipment = shipOrder(ctx, orderId, placedMs, country, place);
      deliveredMs = shipment.deliveredMs;
      if (shipment.fulfilled) touchedMs = Math.max(touchedMs, shipment.lastEventMs);
    }

    const returned = deliveredMs !== null && paid
      ? maybeReturn(ctx, orderId, customerId, lines, total, deliveredMs, pos ? 0.015 : 0.035)
      : null;
    const [refundMinor, refundMs, refundReason] = paid ? this.refundFor(total, placedMs, shipment, returned) : [0, 0, ''];
    this.payment(0, cancelled ? (declined ? 'sale' : 'void') : 'sale', method,
      declined ? 'failure' : awaitingTransfer ? 'pending' : 'success', total, declined ? 'card_declined' : null,
      method === 'bank_transfer' && paid ? Math.min(nowMs, placedMs + rng.int(20, 60) * HOUR) : placedMs);
    if (refundMinor > 0) {
      tables.refunds.add(ids.refund, orderId, 8_500_000_000 + ids.refund, refundMinor, refundReason, null, isoAt(refundMs));
      this.payment(1, 'refund', method, 'success', refundMinor, null, refundMs);
      touchedMs = Math.max(touchedMs, refundMs);
    }

    if (customerId !== null && paid) {
      const earned = Math.floor((subtotal - discount) / 100); // a point per currency unit of merchandise
      facts.earn[k] = earned;
      if (refundMinor > 0) {
        // A refund takes back the points its order earned, in proportion to the amount refunded.
        facts.reverse[k] = Math.min(earned, Math.round((earned * refundMinor) / total));
        facts.reverseAt[k] = refundMs;
      }
    }
    const goodwill = aftercare(ctx, {
      orderId, orderNumber: `#${1000 + orderId}`, channel, customerId, orderSeq: (plan.seqs[i] as number) || null,
      placedMs, lines, shipment, deliveredMs, returned, refundMinor, refundMs,
    });
    if (goodwill && customerId !== null) {
      facts.goodwillAt[k] = goodwill.atMs;
      facts.goodwillStaff[k] = goodwill.staffId;
    }

    const financial = cancelled ? (declined ? 'failed' : 'voided') : awaitingTransfer ? 'pending'
      : refundMinor === 0 ? 'paid' : refundMinor === total ? 'refunded' : 'partially_refunded';
    const fulfilled = pos || (shipment?.fulfilled ?? false);
    const fulfillment = cancelled || !fulfilled ? 'unfulfilled' : returned?.allReturned ? 'returned' : 'fulfilled';
    const status = cancelled ? 'cancelled' : deliveredMs !== null || refundMinor === total ? 'completed' : 'open';
    const placedAt = isoAt(placedMs);
    tables.orders.add(
      orderId, 5_000_000_000 + orderId, 1000 + orderId, customerId, (plan.seqs[i] as number) || null, channel,
      status, financial, fulfillment, subtotal, discount, shipping, tax, total, refundMinor, method,
      country.code, place.region, placedAt, cancelled ? isoAt(cancelledMs as number) : null, placedAt,
      isoAt(touchedMs),
    );
  }

  /** Customers appear with their first order (and the odd newsletter-only signup with it). */
  private writeNewCustomers(i: number, customerId: number | null, placedMs: number, channel: string): void {
    const created = this.plan.newCustomers[i] as number;
    if (customerId === null || created === 0) return;
    const k = i - this.facts.lo;
    if (created & NEW_BUYER) {
      this.facts.welcomeAt[k * 2] = writeCustomer(this.ctx, this.plan, customerId, placedMs, channel === 'pos' ? 'pos' : 'checkout');
    }
    if (created & NEWSLETTER_SIGNUP) {
      this.facts.welcomeAt[k * 2 + 1] = writeCustomer(this.ctx, this.plan, customerId + 1, placedMs, 'newsletter');
    }
  }

  private lines(orderId: number): DemoLine[] {
    const { rng, tables, ids } = this.ctx;
    const count = LINE_COUNTS.pick(rng);
    const lines: DemoLine[] = [];
    for (let slot = 0; slot < count; slot++) {
      const product = this.products.pick(rng);
      const quantity = QUANTITIES.pick(rng);
      // Occasional markdowns on individual items.
      const lineDiscount = rng.chance(0.08) ? Math.round(product.priceMinor * quantity * 0.2) : 0;
      const id = ids.line(slot);
      const totalMinor = product.priceMinor * quantity - lineDiscount;
      tables.order_lines.add(id, orderId, 5_500_000_000 + id, product.id, product.title, product.sku, quantity,
        product.priceMinor, lineDiscount, totalMinor);
      lines.push({ id, slot, productId: product.id, title: product.title, quantity, totalMinor });
    }
    return lines;
  }

  /** [amount, when, reason]: a return's refund, compensation for a failed delivery, or an occasional goodwill refund. */
  private refundFor(
    total: number, placedMs: number, shipment: ShipmentOutcome | null, returned: ReturnOutcome | null,
  ): [number, number, string] {
    const { rng, nowMs } = this.ctx;
    let refund: [number, number, string] = [0, 0, ''];
    if (returned) {
      if (returned.refundMinor > 0) refund = [returned.refundMinor, returned.refundMs, 'return'];
    } else if (shipment?.problem === 'exception' || shipment?.problem === 'expired') {
      if (rng.chance(0.55)) refund = [total, shipment.problemMs + rng.int(2, 5) * DAY, 'lost_or_damaged'];
    } else if (shipment?.problem === 'late') {
      if (rng.chance(0.12)) refund = [Math.round((total * rng.int(10, 20)) / 100), shipment.problemMs + rng.int(1, 4) * DAY, 'late_delivery'];
    } else if (rng.chance(0.022)) {
      const full = rng.chance(0.3);
      refund = [full ? total : Math.round((total * rng.int(5, 40)) / 100), placedMs + rng.int(2, 40) * DAY,
        full ? 'customer_request' : 'goodwill'];
    }
    return refund[0] > 0 && refund[1] <= nowMs ? refund : [0, 0, ''];
  }

  private payment(slot: 0 | 1, kind: string, method: string, status: string, amount: number, error: string | null, atMs: number): void {
    const id = this.ctx.ids.payment(slot);
    this.ctx.tables.payments.add(id, this.ctx.ids.order, 8_000_000_000 + id, kind, method, GATEWAYS[method], status,
      amount, error, isoAt(atMs));
  }
}
