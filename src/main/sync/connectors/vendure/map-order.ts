import type { RemoteOrder, RemoteOrderLine, RemotePayment, RemoteRefund, RemoteShipment, ShipmentStatus } from '../../model';
import { isObject, latestChange, list, MappingError, money, requireId, text, time, type Json } from './fields';

/**
 * A Vendure order mapped to the sync model. Vendure has one state machine
 * (its default order process) where the model has three statuses; the table:
 *
 * | Vendure state              | status    | payment     | fulfilment  |
 * | -------------------------- | --------- | ----------- | ----------- |
 * | Created, Draft, AddingItems, ArrangingPayment | a cart, not an order yet: skipped |
 * | PaymentAuthorized          | open      | authorized  | unfulfilled |
 * | PaymentSettled             | open      | paid        | unfulfilled |
 * | PartiallyShipped           | open      | paid        | partial     |
 * | Shipped                    | open      | paid        | fulfilled   |
 * | PartiallyDelivered         | open      | paid        | partial     |
 * | Delivered                  | completed | paid        | fulfilled   |
 * | Cancelled                  | cancelled | voided      | unfulfilled |
 * | Modifying, ArrangingAdditionalPayment | open | from its payments | from its fulfilments |
 * | any custom state           | open      | from its payments | from its fulfilments |
 *
 * Refunds (Pending or Settled, not Failed) turn "paid" into partially_refunded or refunded.
 * Money: Vendure's prices here are with tax (taxesIncluded), so the subtotal
 * is the lines' prices with tax before discounts, the discount is what
 * promotions took off them (subTotalWithTax already has it prorated in), and
 * subtotal − discount + shipping = totalWithTax; the tax is totalWithTax − total.
 */
type Statuses = Pick<RemoteOrder, 'status' | 'financialStatus' | 'fulfillmentStatus'>;

export const CART_STATES = new Set(['Created', 'Draft', 'AddingItems', 'ArrangingPayment']);

const STATES: Record<string, Statuses> = {
  PaymentAuthorized: { status: 'open', financialStatus: 'authorized', fulfillmentStatus: 'unfulfilled' },
  PaymentSettled: { status: 'open', financialStatus: 'paid', fulfillmentStatus: 'unfulfilled' },
  PartiallyShipped: { status: 'open', financialStatus: 'paid', fulfillmentStatus: 'partial' },
  Shipped: { status: 'open', financialStatus: 'paid', fulfillmentStatus: 'fulfilled' },
  PartiallyDelivered: { status: 'open', financialStatus: 'paid', fulfillmentStatus: 'partial' },
  Delivered: { status: 'completed', financialStatus: 'paid', fulfillmentStatus: 'fulfilled' },
  Cancelled: { status: 'cancelled', financialStatus: 'voided', fulfillmentStatus: 'unfulfilled' },
};

/** For states the table does not name: what the payments and fulfilments say. */
function derivedStatuses(payments: RemotePayment[], shipments: RemoteShipment[]): Statuses {
  const settled = payments.some((p) => p.kind === 'sale' && p.status === 'success');
  const authorized = payments.some((p) => p.kind === 'authorization' && p.status === 'success');
  return {
    status: 'open',
    financialStatus: settled ? 'paid' : authorized ? 'authorized' : 'pending',
    fulfillmentStatus: shipments.length > 0 ? 'partial' : 'unfulfilled',
  };
}

/** Vendure payment states (default payment process) as the model's kind and status. */
const PAYMENT_STATES: Record<string, Pick<RemotePayment, 'kind' | 'status'>> = {
  Created: { kind: 'authorization', status: 'pending' },
  Authorized: { kind: 'authorization', status: 'success' },
  Settled: { kind: 'sale', status: 'success' },
  Declined: { kind: 'sale', status: 'failure' },
  Error: { kind: 'sale', status: 'error' },
  Cancelled: { kind: 'void', status: 'success' },
};

/** Fulfilment states: Vendure records that a parcel left and arrived, not the carrier's progress in between. */
const FULFILMENT_STATES: Record<string, ShipmentStatus> = { Created: 'InfoReceived', Pending: 'InfoReceived', Shipped: 'InTransit', Delivered: 'Delivered' };

function lineOf(raw: Json, index: number): RemoteOrderLine | null {
  const quantity = raw.quantity;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 0) {
    throw new MappingError(`Line ${index + 1}'s quantity is not a whole number: ${JSON.stringify(quantity)}.`);
  }
  // A cancelled line keeps its row with quantity 0 and no money: nothing was sold.
  if (quantity === 0) return null;
  const variant = isObject(raw.productVariant) ? raw.productVariant : {};
  const product = isObject(variant.product) ? variant.product : {};
  const linePrice = money(raw, 'linePriceWithTax', `line ${index + 1}`);
  const prorated = money(raw, 'proratedLinePriceWithTax', `line ${index + 1}`);
  return {
    externalId: requireId(raw, `line ${index + 1}`),
    productExternalId: typeof product.id === 'string' ? product.id : null,
    title: text(variant, 'name') ?? 'Deleted product', sku: text(variant, 'sku'), quantity,
    unitPriceMinor: money(raw, 'unitPriceWithTax', `line ${index + 1}`),
    // Item and order-level promotions both end up in the prorated price.
    discountMinor: Math.max(0, linePrice - prorated), totalMinor: prorated,
  };
}

function paymentsOf(raw: Json, currency: string): { payments: RemotePayment[]; refunds: RemoteRefund[] } {
  const payments: RemotePayment[] = [];
  const refunds: RemoteRefund[] = [];
  for (const payment of list(raw, 'payments')) {
    const id = requireId(payment, 'payment');
    const state = String(payment.state ?? '');
    const known = PAYMENT_STATES[state] ?? { kind: 'sale', status: 'pending' };
    const method = text(payment, 'method') ?? 'unknown';
    payments.push({
      externalId: id, ...known, method, gateway: method, amountMinor: money(payment, 'amount', 'payment'), currency,
      errorCode: text(payment, 'errorMessage'),
      processedAt: time(payment, 'updatedAt', 'payment') ?? time(payment, 'createdAt', 'payment', true),
    });
    for (const refund of list(payment, 'refunds')) {
      // A Failed refund gave nothing back. A Pending one is owed (Vendure's dummy and many manual
      // handlers leave refunds Pending until settleRefund), so it counts as refunded.
      if (refund.state === 'Failed') continue;
      refunds.push({
        externalId: requireId(refund, 'refund'), amountMinor: money(refund, 'total', 'refund'), currency,
        reason: text(refund, 'reason'), note: null,
        refundedAt: time(refund, 'updatedAt', 'refund') ?? time(refund, 'createdAt', 'refund', true),
      });
    }
  }
  return { payments, refunds };
}

function shipmentsOf(raw: Json): RemoteShipment[] {
  return list(raw, 'fulfillments').flatMap((fulfilment): RemoteShipment[] => {
    const status = FULFILMENT_STATES[String(fulfilment.state)];
    // A cancelled fulfilment shipped nothing (and one in a custom state is not read as a parcel).
    if (!status) return [];
    const updatedAt = time(fulfilment, 'updatedAt', 'fulfilment', true);
    return [{
      externalId: requireId(fulfilment, 'fulfilment'),
      // Vendure's manual handler stores the carrier the merchant typed as `method`.
      carrier: text(fulfilment, 'method') ?? 'Unknown carrier', service: null,
      trackingNumber: text(fulfilment, 'trackingCode'), trackingUrl: null, status,
      // Vendure keeps no transition times: the last change is when it shipped or arrived (or after).
      shippedAt: status === 'InTransit' || status === 'Delivered' ? updatedAt : null,
      estimatedDeliveryAt: null, deliveredAt: status === 'Delivered' ? updatedAt : null, updatedAt,
    }];
  });
}

export function mapOrder(raw: unknown): RemoteOrder {
  if (!isObject(raw)) throw new MappingError('The order is not an object.');
  const externalId = requireId(raw, 'order');
  const currency = text(raw, 'currencyCode');
  if (currency === null || !/^[A-Z]{3}$/.test(currency)) throw new MappingError(`The order's currencyCode is not a currency code: ${JSON.stringify(raw.currencyCode)}.`);
  const placedAt = time(raw, 'orderPlacedAt', 'order');
  if (placedAt === null) throw new MappingError(`The order is in state ${String(raw.state)} but has no orderPlacedAt.`);
  // Settling, shipping and delivering leave the order's own updatedAt as it was: its parts say when it changed.
  const updatedAt = latestChange(raw, 'order');
  const lines = list(raw, 'lines').map(lineOf).filter((line): line is RemoteOrderLine => line !== null);
  const surcharges = list(raw, 'surcharges').map((surcharge) => ({
    id: requireId(surcharge, 'surcharge'), title: text(surcharge, 'description') ?? 'Surcharge', sku: text(surcharge, 'sku'),
    amount: money(surcharge, 'priceWithTax', 'surcharge'),
  }));
  // A positive surcharge is charged like a line; a negative one is how Vendure gives a one-off discount.
  for (const surcharge of surcharges.filter((s) => s.amount > 0)) {
    lines.push({ externalId: `surcharge:${surcharge.id}`, productExternalId: null, title: surcharge.title, sku: surcharge.sku,
      quantity: 1, unitPriceMinor: surcharge.amount, discountMinor: 0, totalMinor: surcharge.amount });
  }
  const subTotalWithTax = money(raw, 'subTotalWithTax', 'order');
  const shippingMinor = money(raw, 'shippingWithTax', 'order');
  const totalMinor = money(raw, 'totalWithTax', 'order');
  const lineSum = lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);
  const subtotalMinor = Math.max(lineSum, subTotalWithTax);
  const { payments, refunds } = paymentsOf(raw, currency);
  const shipments = shipmentsOf(raw);
  const refundedMinor = refunds.reduce((sum, refund) => sum + refund.amountMinor, 0);
  const state = String(raw.state ?? '');
  const statuses = { ...(STATES[state] ?? derivedStatuses(payments, shipments)) };
  if (refundedMinor > 0 && (statuses.financialStatus === 'paid' || statuses.financialStatus === 'voided')) {
    statuses.financialStatus = refundedMinor >= totalMinor && totalMinor > 0 ? 'refunded' : 'partially_refunded';
  }
  const shipping = isObject(raw.shippingAddress) ? raw.shippingAddress : {};
  const billing = isObject(raw.billingAddress) ? raw.billingAddress : {};
  const where = text(shipping, 'countryCode') ? shipping : billing;
  const customer = isObject(raw.customer) ? raw.customer : null;
  return {
    externalId,
    // Vendure's order code ("Y4M8J2ZK3NP1W4AA") is what the merchant and the customer see.
    orderNumber: text(raw, 'code') ?? externalId,
    customerExternalId: customer && typeof customer.id === 'string' ? customer.id : null,
    // The customers listing brings the full customer (with addresses) before the orders.
    customer: null,
    channel: 'online', ...statuses, currency,
    subtotalMinor, discountMinor: subtotalMinor - subTotalWithTax, shippingMinor,
    taxMinor: Math.max(0, totalMinor - money(raw, 'total', 'order')),
    taxesIncluded: true,
    totalMinor, refundedMinor,
    paymentMethod: payments.find((p) => p.status === 'success')?.method ?? payments[0]?.method ?? null,
    shippingCountry: text(where, 'countryCode')?.toUpperCase() ?? null, shippingRegion: text(where, 'province'),
    tags: [], placedAt,
    // Vendure keeps no cancellation time; the last change is when it was cancelled, or after.
    cancelledAt: statuses.status === 'cancelled' ? updatedAt : null,
    updatedAt, lines, payments, refunds, shipments,
  };
}
