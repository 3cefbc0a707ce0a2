import type { RemoteOrder, RemoteOrderLine, RemotePayment, RemoteRefund, RemoteShipment } from '../../model';
import {
  decimalToMinor, gmtDate, isObject, MappingError, metaValue, optionalMinor, requireId, tagList, TAGS_META_KEY, text, type Json,
} from './fields';

/**
 * A WooCommerce order mapped to the sync model. WooCommerce has one status
 * where the model has three (order, payment, fulfilment); the table below is
 * how WooCommerce's documented statuses read, with refunds deciding the
 * payment side once money went back.
 */
type Statuses = Pick<RemoteOrder, 'status' | 'financialStatus' | 'fulfillmentStatus'>;
const STATUSES: Record<string, Statuses> = {
  pending: { status: 'open', financialStatus: 'pending', fulfillmentStatus: 'unfulfilled' },
  'on-hold': { status: 'open', financialStatus: 'pending', fulfillmentStatus: 'unfulfilled' },
  processing: { status: 'open', financialStatus: 'paid', fulfillmentStatus: 'unfulfilled' },
  completed: { status: 'completed', financialStatus: 'paid', fulfillmentStatus: 'fulfilled' },
  cancelled: { status: 'cancelled', financialStatus: 'voided', fulfillmentStatus: 'unfulfilled' },
  refunded: { status: 'completed', financialStatus: 'refunded', fulfillmentStatus: 'unfulfilled' },
  failed: { status: 'open', financialStatus: 'failed', fulfillmentStatus: 'unfulfilled' },
};

function statusesOf(raw: Json, totalMinor: number, refundedMinor: number): Statuses {
  const status = String(raw.status ?? '');
  const paid = raw.date_paid_gmt !== null && raw.date_paid_gmt !== undefined && raw.date_paid_gmt !== '';
  // Plugins add statuses ("shipped", "awaiting-pickup"): read them as open, paid when WooCommerce recorded a payment.
  const known = STATUSES[status] ?? { status: 'open', financialStatus: paid ? 'paid' : 'pending', fulfillmentStatus: 'unfulfilled' };
  const base = { ...known };
  if (status === 'refunded' && gmtDate(raw, 'date_completed_gmt') !== null) base.fulfillmentStatus = 'fulfilled';
  if (refundedMinor > 0 && base.financialStatus === 'paid') {
    base.financialStatus = refundedMinor >= totalMinor ? 'refunded' : 'partially_refunded';
  }
  return base;
}

function lineOf(raw: unknown, currency: string, index: number): { line: RemoteOrderLine; subtotal: number } {
  if (!isObject(raw)) throw new MappingError(`line_items[${index}] is not an object.`);
  const externalId = requireId(raw, `line item ${index + 1}`);
  const quantity = raw.quantity;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 0) {
    throw new MappingError(`line_items[${index}].quantity is not a whole number: ${JSON.stringify(quantity)}.`);
  }
  const subtotal = decimalToMinor(raw.subtotal, currency, `line_items[${index}].subtotal`);
  const total = decimalToMinor(raw.total, currency, `line_items[${index}].total`);
  const productId = typeof raw.product_id === 'number' && raw.product_id > 0 ? String(raw.product_id) : null;
  const line: RemoteOrderLine = {
    externalId, productExternalId: productId, title: text(raw, 'name') ?? 'Deleted product', sku: text(raw, 'sku'), quantity,
    unitPriceMinor: quantity > 0 ? Math.round(subtotal / quantity) : 0,
    // subtotal is before coupons, total after: the difference is the line's discount.
    discountMinor: Math.max(0, subtotal - total), totalMinor: total,
  };
  return { line, subtotal };
}

function paymentOf(raw: Json, externalId: string, currency: string, totalMinor: number, placedAt: string): RemotePayment[] {
  const gateway = text(raw, 'payment_method');
  if (gateway === null) return [];
  const paidAt = gmtDate(raw, 'date_paid_gmt');
  return [{
    externalId: text(raw, 'transaction_id') ?? `${externalId}:payment`, kind: 'sale',
    method: text(raw, 'payment_method_title') ?? gateway, gateway,
    status: paidAt !== null ? 'success' : raw.status === 'failed' ? 'failure' : 'pending',
    amountMinor: totalMinor, currency, errorCode: null, processedAt: paidAt ?? placedAt,
  }];
}

/**
 * Fees ("Gift wrap", a payment surcharge) add to an order's total like lines;
 * a negative fee is how some plugins discount, so it counts as discount.
 */
function feesOf(raw: Json, currency: string): { lines: RemoteOrderLine[]; discountMinor: number } {
  const fees = Array.isArray(raw.fee_lines) ? raw.fee_lines : [];
  const lines: RemoteOrderLine[] = [];
  let discountMinor = 0;
  fees.forEach((fee, index) => {
    if (!isObject(fee)) throw new MappingError(`fee_lines[${index}] is not an object.`);
    const total = decimalToMinor(fee.total, currency, `fee_lines[${index}].total`);
    if (total < 0) {
      discountMinor -= total;
      return;
    }
    lines.push({
      externalId: `fee:${requireId(fee, `fee ${index + 1}`)}`, productExternalId: null, title: text(fee, 'name') ?? 'Fee', sku: null,
      quantity: 1, unitPriceMinor: total, discountMinor: 0, totalMinor: total,
    });
  });
  return { lines, discountMinor };
}

/** Refund details (with dates) when fetched, else the order's summary with the order's modification time. */
function refundsOf(raw: Json, details: readonly unknown[] | null, currency: string, updatedAt: string): RemoteRefund[] {
  if (details) {
    return details.filter(isObject).map((refund, index) => ({
      externalId: requireId(refund, `refund ${index + 1}`),
      amountMinor: decimalToMinor(refund.amount, currency, `refunds[${index}].amount`), currency,
      reason: text(refund, 'reason'), note: null,
      refundedAt: gmtDate(refund, 'date_created_gmt') ?? updatedAt,
    }));
  }
  const summary = Array.isArray(raw.refunds) ? raw.refunds : [];
  return summary.map((refund, index) => {
    if (!isObject(refund)) throw new MappingError(`refunds[${index}] is not an object.`);
    return {
      externalId: requireId(refund, `refund ${index + 1}`),
      // The summary's total is negative ("-5.00"): money that left the shop.
      amountMinor: Math.abs(decimalToMinor(refund.total, currency, `refunds[${index}].total`)), currency,
      reason: text(refund, 'reason'), note: null, refundedAt: updatedAt,
    };
  });
}

/** Shipment Tracking's `_wc_shipment_tracking_items` meta, when the shop uses that extension. */
function shipmentsOf(raw: Json, updatedAt: string, nowMs: number): RemoteShipment[] {
  const items = metaValue(raw, '_wc_shipment_tracking_items');
  if (!Array.isArray(items)) return [];
  return items.filter(isObject).map((item, index) => {
    const shippedSeconds = Number(item.date_shipped);
    const shippedAt = Number.isFinite(shippedSeconds) && shippedSeconds > 0 ? new Date(shippedSeconds * 1000).toISOString() : null;
    return {
      externalId: text(item, 'tracking_id') ?? `${String(raw.id)}:tracking:${index}`,
      carrier: text(item, 'tracking_provider') ?? text(item, 'custom_tracking_provider') ?? 'Unknown carrier',
      service: null, trackingNumber: text(item, 'tracking_number'), trackingUrl: text(item, 'custom_tracking_link'),
      // The extension records a shipment, not the carrier's progress: shipped means on its way.
      status: shippedAt !== null && Date.parse(shippedAt) <= nowMs ? 'InTransit' : 'InfoReceived',
      shippedAt, estimatedDeliveryAt: null, deliveredAt: null, updatedAt,
    };
  });
}

export function mapOrder(raw: unknown, refundDetails: readonly unknown[] | null, nowMs: number): RemoteOrder {
  if (!isObject(raw)) throw new MappingError('The order is not an object.');
  const externalId = requireId(raw, 'order');
  const currency = text(raw, 'currency');
  if (currency === null || !/^[A-Z]{3}$/.test(currency)) throw new MappingError(`currency is not a currency code: ${JSON.stringify(raw.currency)}.`);
  const placedAt = gmtDate(raw, 'date_created_gmt', true);
  const updatedAt = gmtDate(raw, 'date_modified_gmt', true);
  if (!Array.isArray(raw.line_items)) throw new MappingError('line_items is not a list.');
  const read = raw.line_items.map((line, index) => lineOf(line, currency, index));
  const fees = feesOf(raw, currency);
  const lines = [...read.map((entry) => entry.line), ...fees.lines];
  const totalMinor = decimalToMinor(raw.total, currency, 'total');
  const refunds = refundsOf(raw, refundDetails, currency, updatedAt);
  const refundedMinor = refunds.reduce((sum, refund) => sum + refund.amountMinor, 0);
  const statuses = statusesOf(raw, totalMinor, refundedMinor);
  const billing: Json = isObject(raw.billing) ? raw.billing : {};
  const shipping: Json = isObject(raw.shipping) ? raw.shipping : {};
  const where = text(shipping, 'country') ? shipping : billing;
  const customerId = typeof raw.customer_id === 'number' && raw.customer_id > 0 ? String(raw.customer_id) : null;
  return {
    externalId, orderNumber: text(raw, 'number') ?? externalId,
    // customer_id 0 is a guest checkout; a registered customer arrives through the customers listing.
    customerExternalId: customerId, customer: null,
    channel: 'online', ...statuses, currency,
    subtotalMinor: read.reduce((sum, entry) => sum + entry.subtotal, 0) + fees.lines.reduce((sum, line) => sum + line.totalMinor, 0),
    discountMinor: optionalMinor(raw, 'discount_total', currency) + fees.discountMinor,
    shippingMinor: optionalMinor(raw, 'shipping_total', currency),
    taxMinor: optionalMinor(raw, 'total_tax', currency),
    // WooCommerce stores line, discount and shipping amounts without tax even when prices are entered with it
    // (prices_include_tax); total_tax is always added on top.
    taxesIncluded: false,
    totalMinor, refundedMinor,
    paymentMethod: text(raw, 'payment_method_title') ?? text(raw, 'payment_method'),
    shippingCountry: text(where, 'country'), shippingRegion: text(where, 'state'),
    tags: tagList(metaValue(raw, TAGS_META_KEY)),
    placedAt,
    // WooCommerce keeps no cancellation time; the last change is when it was cancelled, or after.
    cancelledAt: statuses.status === 'cancelled' ? updatedAt : null,
    updatedAt, lines,
    payments: paymentOf(raw, externalId, currency, totalMinor, placedAt),
    refunds, shipments: shipmentsOf(raw, updatedAt, nowMs),
  };
}
