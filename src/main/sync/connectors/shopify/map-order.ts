import type { RemoteOrder, RemoteOrderLine, RemotePayment, RemoteRefund, RemoteShipment, ShipmentStatus } from '../../model';
import { mapCustomer, optionalTime, requireId, requireTime, type ShopifyCustomerNode } from './map-catalog';
import { bagToMinor, MappingError } from './money';

/** A Shopify Order node (2025-10) as ORDERS_QUERY and the bulk export ask for it. */
type Bag = { shopMoney?: { amount?: unknown; currencyCode?: unknown } | null } | null;

export interface ShopifyLineNode {
  id?: unknown; title?: string | null; sku?: string | null; quantity?: unknown; product?: { id?: string } | null;
  originalUnitPriceSet?: Bag; totalDiscountSet?: Bag; discountedTotalSet?: Bag;
}

export interface ShopifyOrderNode {
  id?: unknown; name?: unknown; createdAt?: unknown; processedAt?: unknown; updatedAt?: unknown; cancelledAt?: string | null;
  closed?: boolean | null; currencyCode?: unknown; sourceName?: string | null;
  displayFinancialStatus?: string | null; displayFulfillmentStatus?: string | null; tags?: string[] | null;
  paymentGatewayNames?: string[] | null;
  taxesIncluded?: boolean | null; subtotalPriceSet?: Bag; totalDiscountsSet?: Bag; totalShippingPriceSet?: Bag; totalTaxSet?: Bag; totalPriceSet?: Bag; totalRefundedSet?: Bag;
  shippingAddress?: { countryCodeV2?: string | null; provinceCode?: string | null } | null;
  customer?: ShopifyCustomerNode | null;
  transactions?: { id?: unknown; kind?: string; status?: string; gateway?: string | null; processedAt?: string | null; errorCode?: string | null; amountSet?: Bag }[] | null;
  refunds?: { id?: unknown; createdAt?: unknown; note?: string | null; totalRefundedSet?: Bag }[] | null;
  fulfillments?: { id?: unknown; status?: string; displayStatus?: string | null; createdAt?: string | null; updatedAt?: unknown;
    deliveredAt?: string | null; estimatedDeliveryAt?: string | null; trackingInfo?: { company?: string | null; number?: string | null; url?: string | null }[] | null }[] | null;
  lineItems?: { edges?: { node: ShopifyLineNode }[]; pageInfo?: { hasNextPage?: boolean; endCursor?: string | null } } | null;
}

const FINANCIAL: Record<string, RemoteOrder['financialStatus']> = {
  PENDING: 'pending', AUTHORIZED: 'authorized', PARTIALLY_PAID: 'pending', PAID: 'paid',
  PARTIALLY_REFUNDED: 'partially_refunded', REFUNDED: 'refunded', VOIDED: 'voided', EXPIRED: 'voided',
};

const FULFILLMENT: Record<string, RemoteOrder['fulfillmentStatus']> = {
  FULFILLED: 'fulfilled', PARTIALLY_FULFILLED: 'partial', IN_PROGRESS: 'partial', UNFULFILLED: 'unfulfilled',
  OPEN: 'unfulfilled', PENDING_FULFILLMENT: 'unfulfilled', SCHEDULED: 'unfulfilled', ON_HOLD: 'unfulfilled',
  REQUEST_DECLINED: 'unfulfilled', RESTOCKED: 'returned',
};

const TRANSACTION_KIND: Record<string, RemotePayment['kind']> = {
  AUTHORIZATION: 'authorization', EMV_AUTHORIZATION: 'authorization', CAPTURE: 'capture', SALE: 'sale', VOID: 'void', REFUND: 'refund',
};

const TRANSACTION_STATUS: Record<string, RemotePayment['status']> = {
  SUCCESS: 'success', PENDING: 'pending', AWAITING_RESPONSE: 'pending', UNKNOWN: 'pending', FAILURE: 'failure', ERROR: 'error',
};

/** FulfillmentDisplayStatus to the tracking states Backroom shows (AfterShip's vocabulary). */
const SHIPMENT_STATUS: Record<string, ShipmentStatus> = {
  LABEL_PURCHASED: 'InfoReceived', LABEL_PRINTED: 'InfoReceived', CONFIRMED: 'InfoReceived', SUBMITTED: 'InfoReceived',
  FULFILLED: 'InfoReceived', MARKED_AS_FULFILLED: 'InfoReceived', CARRIER_PICKED_UP: 'InTransit', IN_TRANSIT: 'InTransit',
  OUT_FOR_DELIVERY: 'OutForDelivery', ATTEMPTED_DELIVERY: 'AttemptFail', READY_FOR_PICKUP: 'AvailableForPickup',
  PICKED_UP: 'Delivered', DELIVERED: 'Delivered', FAILURE: 'Exception', NOT_DELIVERED: 'Exception',
};

function channelOf(sourceName: string | null | undefined): string {
  if (sourceName === 'pos') return 'pos';
  if (!sourceName || sourceName === 'web' || sourceName === 'shopify_draft_order' || sourceName === 'iphone' || sourceName === 'android') return 'online';
  if (/facebook|instagram|tiktok|pinterest/i.test(sourceName)) return 'social';
  return 'marketplace';
}

export function mapLine(node: ShopifyLineNode, currency: string): RemoteOrderLine {
  const id = requireId(node.id, 'LineItem');
  if (typeof node.quantity !== 'number' || !Number.isInteger(node.quantity)) throw new MappingError(`Line ${id} has no whole quantity.`);
  return {
    externalId: id, productExternalId: node.product?.id ?? null, title: node.title ?? '', sku: node.sku || null,
    quantity: node.quantity,
    unitPriceMinor: bagToMinor(node.originalUnitPriceSet, currency, `Line ${id} unit price`),
    discountMinor: bagToMinor(node.totalDiscountSet, currency, `Line ${id} discount`, true),
    totalMinor: bagToMinor(node.discountedTotalSet, currency, `Line ${id} total`),
  };
}

/** Maps one order; `lines` are all its lines when the caller had to page them separately. */
export function mapOrder(node: ShopifyOrderNode, lines?: ShopifyLineNode[]): RemoteOrder {
  const externalId = requireId(node.id, 'Order');
  if (typeof node.name !== 'string' || node.name === '') throw new MappingError('The order has no name (order number).');
  if (typeof node.currencyCode !== 'string') throw new MappingError('The order has no currency.');
  const currency = node.currencyCode;
  const financialStatus = FINANCIAL[node.displayFinancialStatus ?? ''];
  if (!financialStatus) throw new MappingError(`The financial status "${String(node.displayFinancialStatus)}" is not one Backroom knows.`);
  const fulfillmentStatus = FULFILLMENT[node.displayFulfillmentStatus ?? ''];
  if (!fulfillmentStatus) throw new MappingError(`The fulfillment status "${String(node.displayFulfillmentStatus)}" is not one Backroom knows.`);
  const cancelledAt = optionalTime(node.cancelledAt);
  const updatedAt = requireTime(node.updatedAt, "The order's updatedAt");
  const lineNodes = lines ?? node.lineItems?.edges?.map((e) => e.node) ?? [];
  return {
    externalId,
    orderNumber: node.name,
    customerExternalId: node.customer?.id ? requireId(node.customer.id, 'Customer') : null,
    customer: node.customer ? mapCustomer(node.customer) : null,
    channel: channelOf(node.sourceName),
    status: cancelledAt ? 'cancelled' : node.closed ? 'completed' : 'open',
    financialStatus,
    fulfillmentStatus,
    currency,
    // Shopify's subtotal is after discounts; the model's is before them (subtotal − discount + shipping + tax = total).
    subtotalMinor: bagToMinor(node.subtotalPriceSet, currency, 'The subtotal')
      + bagToMinor(node.totalDiscountsSet, currency, 'The discount total', true),
    discountMinor: bagToMinor(node.totalDiscountsSet, currency, 'The discount total', true),
    taxesIncluded: node.taxesIncluded === true,
    shippingMinor: bagToMinor(node.totalShippingPriceSet, currency, 'The shipping total', true),
    taxMinor: bagToMinor(node.totalTaxSet, currency, 'The tax total', true),
    totalMinor: bagToMinor(node.totalPriceSet, currency, 'The order total'),
    refundedMinor: bagToMinor(node.totalRefundedSet, currency, 'The refunded total', true),
    paymentMethod: node.paymentGatewayNames?.[0] ?? null,
    shippingCountry: node.shippingAddress?.countryCodeV2 ?? null,
    shippingRegion: node.shippingAddress?.provinceCode ?? null,
    tags: node.tags ?? [],
    placedAt: requireTime(node.processedAt ?? node.createdAt, "The order's processedAt"),
    cancelledAt,
    updatedAt,
    lines: lineNodes.map((line) => mapLine(line, currency)),
    payments: mapPayments(node, currency, updatedAt),
    refunds: mapRefunds(node, currency),
    shipments: mapShipments(node, updatedAt),
  };
}

function mapPayments(node: ShopifyOrderNode, currency: string, fallbackTime: string): RemotePayment[] {
  const payments: RemotePayment[] = [];
  for (const t of node.transactions ?? []) {
    const kind = TRANSACTION_KIND[t.kind ?? ''];
    if (!kind) continue; // CHANGE and SUGGESTED_REFUND move no money of their own
    const id = requireId(t.id, 'OrderTransaction');
    payments.push({
      externalId: id, kind, method: t.gateway ?? 'unknown', gateway: t.gateway ?? 'unknown',
      status: TRANSACTION_STATUS[t.status ?? ''] ?? 'pending',
      amountMinor: bagToMinor(t.amountSet, currency, `Transaction ${id} amount`), currency,
      errorCode: t.errorCode ?? null, processedAt: optionalTime(t.processedAt) ?? fallbackTime,
    });
  }
  return payments;
}

function mapRefunds(node: ShopifyOrderNode, currency: string): RemoteRefund[] {
  return (node.refunds ?? []).map((r) => {
    const id = requireId(r.id, 'Refund');
    return { externalId: id, amountMinor: bagToMinor(r.totalRefundedSet, currency, `Refund ${id} amount`), currency,
      reason: null, note: r.note ?? null, refundedAt: requireTime(r.createdAt, `Refund ${id} createdAt`) };
  });
}

/** One shipment per tracking number; a fulfillment without tracking is still a shipment. */
function mapShipments(node: ShopifyOrderNode, orderUpdatedAt: string): RemoteShipment[] {
  const shipments: RemoteShipment[] = [];
  for (const f of node.fulfillments ?? []) {
    if (f.status === 'CANCELLED' || f.status === 'ERROR' || f.displayStatus === 'CANCELED' || f.displayStatus === 'LABEL_VOIDED') continue;
    const id = requireId(f.id, 'Fulfillment');
    const tracking = f.trackingInfo?.length ? f.trackingInfo : [{ company: null, number: null, url: null }];
    tracking.forEach((t, i) => shipments.push({
      externalId: i === 0 ? id : `${id}#${i}`,
      carrier: t.company || 'Other', service: null, trackingNumber: t.number || null, trackingUrl: t.url || null,
      status: SHIPMENT_STATUS[f.displayStatus ?? ''] ?? 'Pending',
      shippedAt: optionalTime(f.createdAt), estimatedDeliveryAt: optionalTime(f.estimatedDeliveryAt),
      deliveredAt: optionalTime(f.deliveredAt), updatedAt: optionalTime(f.updatedAt) ?? orderUpdatedAt,
    }));
  }
  return shipments;
}
