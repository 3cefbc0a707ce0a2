import type { DemoProduct } from './catalogue';
import type { DemoContext } from './context';
import type { CustomerBook } from './customers';
import { maybeNps, maybeReview, recordCsat } from './feedback';
import type { LoyaltyLedger } from './loyalty';
import { WeightedPicker } from './random';
import { maybeReturn, type DemoLine, type ReturnOutcome } from './returns';
import { openTicket, type TicketRequest } from './service';
import { shipOrder, type ShipmentOutcome } from './shipments';
import { DAY, HOUR, MINUTE, isoAt } from './time';

const CHANNELS = WeightedPicker.of([['online', 70], ['marketplace', 14], ['pos', 8], ['social', 8]] as const);
const ONLINE_METHODS = WeightedPicker.of([['card', 47], ['paypal', 18], ['apple_pay', 12], ['google_pay', 6],
  ['klarna', 7], ['shop_pay', 5], ['bank_transfer', 4], ['gift_card', 1]] as const);
const POS_METHODS = WeightedPicker.of([['card', 68], ['cash', 25], ['apple_pay', 7]] as const);
const GATEWAYS: Record<string, string> = {
  card: 'stripe', apple_pay: 'stripe', google_pay: 'stripe', paypal: 'paypal', klarna: 'klarna',
  shop_pay: 'shopify_payments', bank_transfer: 'manual', gift_card: 'gift_card', cash: 'cash',
  marketplace: 'etsy',
};
export const ORDER_CHANNELS = ['online', 'marketplace', 'pos', 'social'];
export const ORDER_STATUSES = ['open', 'completed', 'cancelled'];
export const FINANCIAL_STATUSES = ['pending', 'authorized', 'paid', 'partially_refunded', 'refunded', 'voided', 'failed'];
export const FULFILLMENT_STATUSES = ['unfulfilled', 'partial', 'fulfilled', 'returned'];
export const PAYMENT_METHODS = Object.keys(GATEWAYS);
export const GATEWAY_NAMES = [...new Set(Object.values(GATEWAYS))];
export const PAYMENT_KINDS = ['authorization', 'capture', 'sale', 'void', 'refund'];
export const PAYMENT_STATUSES = ['pending', 'success', 'failure', 'error'];
export const PAYMENT_ERRORS = ['card_declined'];
export const REFUND_REASONS = ['return', 'lost_or_damaged', 'late_delivery', 'customer_request', 'goodwill'];

const LINE_COUNTS = WeightedPicker.of([[1, 55], [2, 27], [3, 12], [4, 4], [5, 2]] as const);
const QUANTITIES = WeightedPicker.of([[1, 82], [2, 13], [3, 4], [4, 1]] as const);
const COUPON_PERCENT = [10, 10, 15, 20];
/** Unsettled bank transfers older than this would have been chased; the demo treats them as paid. */
const TRANSFER_SETTLES_MS = 3 * DAY;

/** Writes one order with everything that happened to it by `now`, in time order of placement. */
export class OrderGenerator {
  constructor(
    private readonly ctx: DemoContext,
    private readonly customers: CustomerBook,
    private readonly loyalty: LoyaltyLedger,
    private readonly products: WeightedPicker<DemoProduct>,
  ) {}

  generate(placedMs: number): void {
    const { ctx } = this;
    const { rng, nowMs, tables } = ctx;
    const orderId = tables.orders.nextId();
    const orderNumber = `#${1000 + orderId}`;
    const channel = CHANNELS.pick(rng);
    const buyer = this.customers.buyerFor(placedMs, channel);
    const customerId = buyer.customerId;
    const placedAt = isoAt(placedMs);

    if (customerId !== null && (buyer.orderSeq as number) > 1 && rng.chance(0.008)) {
      this.ticket({ topic: 'pre_sale', customerId, orderId: null, orderNumber, createdMs: placedMs - rng.int(2, 72) * HOUR });
    }

    const lines = this.lines(orderId);
    let subtotal = 0;
    for (const line of lines) subtotal += line.totalMinor;

    const cancelRoll = rng.next();
    const cancelledMs = cancelRoll < 0.018 ? placedMs + rng.int(10, 600) * MINUTE : null;
    const cancelled = cancelledMs !== null && cancelledMs <= nowMs;
    const declined = cancelled && cancelRoll < 0.007;

    let discount = rng.chance(0.14) ? Math.round((subtotal * rng.pick(COUPON_PERCENT)) / 100) : 0;
    if (customerId !== null && !cancelled) {
      discount += this.loyalty.redeemAtCheckout(customerId, orderId, placedMs, subtotal - discount);
    }
    const { country, place } = buyer;
    const pos = channel === 'pos';
    const shipping = pos || subtotal - discount >= country.freeShippingOverMinor ? 0 : country.shippingMinor;
    const tax = Math.round(((subtotal - discount) * country.taxBasisPoints) / 10_000);
    const total = subtotal - discount + shipping + tax;
    const method = pos ? POS_METHODS.pick(rng) : channel === 'marketplace' ? 'marketplace' : ONLINE_METHODS.pick(rng);
    const awaitingTransfer = method === 'bank_transfer' && nowMs - placedMs < TRANSFER_SETTLES_MS;
    const paid = !cancelled && !awaitingTransfer;

    let shipment: ShipmentOutcome | null = null;
    let deliveredMs: number | null = null;
    let touchedMs = cancelled ? (cancelledMs as number) : placedMs;
    if (pos && !cancelled) deliveredMs = placedMs; // handed over the counter
    else if (!cancelled) {
      shipment = shipOrder(ctx, orderId, placedMs, country, place);
      deliveredMs = shipment.deliveredMs;
      if (shipment.fulfilled) touchedMs = Math.max(touchedMs, shipment.lastEventMs);
    }

    const returned = deliveredMs !== null && paid
      ? maybeReturn(ctx, orderId, customerId, lines, total, deliveredMs, pos ? 0.015 : 0.035)
      : null;
    const [refundMinor, refundMs, refundReason] = paid ? this.refundFor(total, placedMs, shipment, returned) : [0, 0, ''];
    if (refundMinor > 0) {
      const refundId = tables.refunds.nextId();
      tables.refunds.add(refundId, orderId, 8_500_000_000 + refundId, refundMinor, refundReason, null, isoAt(refundMs));
      this.payment(orderId, 'refund', method, 'success', refundMinor, null, refundMs);
      touchedMs = Math.max(touchedMs, refundMs);
    }

    this.payment(orderId, cancelled ? (declined ? 'sale' : 'void') : 'sale', method,
      declined ? 'failure' : awaitingTransfer ? 'pending' : 'success', total,
      declined ? 'card_declined' : null,
      method === 'bank_transfer' && paid ? Math.min(nowMs, placedMs + rng.int(20, 60) * HOUR) : placedMs);

    if (customerId !== null && paid) {
      const earned = this.loyalty.earn(customerId, orderId, placedMs, subtotal - discount);
      if (refundMinor > 0) this.loyalty.reverse(customerId, orderId, earned, refundMinor / total, refundMs);
    }

    this.serviceAndFeedback(orderId, orderNumber, channel, customerId, placedMs, lines, shipment, deliveredMs, returned, refundMinor, refundMs);

    const financial = cancelled ? (declined ? 'failed' : 'voided') : awaitingTransfer ? 'pending'
      : refundMinor === 0 ? 'paid' : refundMinor === total ? 'refunded' : 'partially_refunded';
    const fulfilled = pos || (shipment?.fulfilled ?? false);
    const fulfillment = cancelled || !fulfilled ? 'unfulfilled' : returned?.allReturned ? 'returned' : 'fulfilled';
    const status = cancelled ? 'cancelled' : deliveredMs !== null || (refundMinor > 0 && refundMinor === total) ? 'completed' : 'open';
    tables.orders.add(
      orderId, 5_000_000_000 + orderId, 1000 + orderId, customerId, buyer.orderSeq, channel,
      status, financial, fulfillment, subtotal, discount, shipping, tax, total, refundMinor, method,
      country.code, place.region, placedAt, cancelled ? isoAt(cancelledMs as number) : null, placedAt,
      isoAt(touchedMs),
    );
  }

  private lines(orderId: number): DemoLine[] {
    const { rng, tables } = this.ctx;
    const count = LINE_COUNTS.pick(rng);
    const lines: DemoLine[] = [];
    for (let i = 0; i < count; i++) {
      const product = this.products.pick(rng);
      const quantity = QUANTITIES.pick(rng);
      // Occasional markdowns on individual items.
      const lineDiscount = rng.chance(0.08) ? Math.round(product.priceMinor * quantity * 0.2) : 0;
      const id = tables.order_lines.nextId();
      const totalMinor = product.priceMinor * quantity - lineDiscount;
      tables.order_lines.add(id, orderId, 5_500_000_000 + id, product.id, product.title,
        product.sku, quantity, product.priceMinor, lineDiscount, totalMinor);
      lines.push({ id, productId: product.id, title: product.title, quantity, totalMinor });
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
      if (rng.chance(0.12)) refund = [Math.round(total * rng.int(10, 20) / 100), shipment.problemMs + rng.int(1, 4) * DAY, 'late_delivery'];
    } else if (rng.chance(0.022)) {
      const full = rng.chance(0.3);
      refund = [full ? total : Math.round(total * rng.int(5, 40) / 100), placedMs + rng.int(2, 40) * DAY,
        full ? 'customer_request' : 'goodwill'];
    }
    return refund[0] > 0 && refund[1] <= nowMs ? refund : [0, 0, ''];
  }

  private payment(orderId: number, kind: string, method: string, status: string, amount: number, error: string | null, atMs: number): void {
    const payments = this.ctx.tables.payments;
    const id = payments.nextId();
    payments.add(id, orderId, 8_000_000_000 + id, kind, method, GATEWAYS[method], status, amount, error, isoAt(atMs));
  }

  private serviceAndFeedback(
    orderId: number, orderNumber: string, orderChannel: string, customerId: number | null, placedMs: number, lines: DemoLine[],
    shipment: ShipmentOutcome | null, deliveredMs: number | null, returned: ReturnOutcome | null,
    refundMinor: number, refundMs: number,
  ): void {
    const { rng } = this.ctx;
    const base = { customerId, orderId, orderNumber, orderChannel };
    const problem = shipment?.problem ?? null;
    if (problem !== null && rng.chance(0.4)) {
      const topic = problem === 'exception' ? (rng.chance(0.5) ? 'damaged' : 'lost') : 'where_is_my_order';
      this.ticket({ ...base, topic, createdMs: shipment!.problemMs + rng.int(2, 30) * HOUR });
    }
    if (returned && rng.chance(0.35)) this.ticket({ ...base, topic: 'return', createdMs: returned.requestedMs - rng.int(1, 6) * HOUR });
    if (refundMinor > 0 && rng.chance(0.08)) this.ticket({ ...base, topic: 'refund_status', createdMs: refundMs + rng.int(1, 4) * DAY });
    if (shipment && rng.chance(0.006)) this.ticket({ ...base, topic: 'address', createdMs: placedMs + rng.int(10, 120) * MINUTE });
    if (deliveredMs === null) return;
    const first = lines[0] as DemoLine;
    if (rng.chance(0.06)) {
      maybeReview(this.ctx, customerId, orderId, first.productId, deliveredMs,
        (createdMs) => this.ticket({ ...base, topic: 'review', createdMs }));
    }
    if (customerId !== null && rng.chance(0.03)) maybeNps(this.ctx, customerId, orderId, deliveredMs);
  }

  /** Opens a ticket and files its CSAT answer as feedback. */
  private ticket(request: TicketRequest): number | null {
    const outcome = openTicket(this.ctx, this.loyalty, request);
    if (outcome && outcome.csatScore !== null && outcome.solvedMs !== null) {
      recordCsat(this.ctx, request.customerId, request.orderId, outcome.ticketId, outcome.csatScore, outcome.solvedMs);
    }
    return outcome?.ticketId ?? null;
  }
}
