import type {
  RemoteCustomer, RemoteOrder, RemoteOrderLine, RemotePayment, RemoteProduct, RemoteRefund, RemoteShipment,
} from '../model';

/**
 * The boundary check of a record before it is written: every rule the schema
 * would enforce with a CHECK (one failing statement would roll back the whole
 * page), plus the money rules that make an order add up. Each check answers
 * null when the record is fine, or a sentence for the merchant saying what is
 * wrong, which goes to sync_quarantine with the raw record.
 *
 * Hand-written rather than a zod schema: the sentences name the record and the
 * exact figure, and this runs for every record of every page (20k orders/s).
 */

/** A UTC ISO-8601 instant with an explicit zone; a time without one would be read in the machine's zone. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const CURRENCY = /^[A-Z]{3}$/;

const PRODUCT_STATUSES = new Set(['active', 'draft', 'archived']);
const ORDER_STATUSES = new Set(['open', 'completed', 'cancelled']);
const FINANCIAL_STATUSES = new Set(['pending', 'authorized', 'paid', 'partially_refunded', 'refunded', 'voided', 'failed']);
const FULFILLMENT_STATUSES = new Set(['unfulfilled', 'partial', 'fulfilled', 'returned']);
const PAYMENT_KINDS = new Set(['authorization', 'capture', 'sale', 'void', 'refund']);
const PAYMENT_STATUSES = new Set(['pending', 'success', 'failure', 'error']);
const SHIPMENT_STATUSES = new Set(['Pending', 'InfoReceived', 'InTransit', 'OutForDelivery', 'AttemptFail', 'Delivered',
  'AvailableForPickup', 'Exception', 'Expired']);

/**
 * Already canonical UTC, with or without milliseconds (what Shopify and our own
 * writes give): 2024-01-31T23:59:59Z or …59.123Z. Only days 01–28 and valid
 * clock fields: every such text is a real instant, so it needs no Date round trip
 * (a fifth of a page's parsing time went there). Anything else takes the full path.
 */
const CANONICAL_UTC = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{3})?Z$/;
/** …:59Z: a canonical instant without milliseconds (test, not exec: no match array for each of a page's thousands). */
const WITHOUT_MS = '2024-01-31T23:59:59Z'.length;

/** The instant as stored (…sss Z), or null when the text is not a zoned ISO-8601 time. */
export function utcInstant(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  if (CANONICAL_UTC.test(text)) return text.length === WITHOUT_MS ? `${text.slice(0, -1)}.000Z` : text;
  if (!INSTANT.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const present = (text: unknown): text is string => typeof text === 'string' && text.trim() !== '';

function timeProblem(label: string, value: unknown, required: boolean): string | null {
  if (value === null || value === undefined || value === '') return required ? `${label} is missing.` : null;
  return utcInstant(value) === null ? `${label} "${String(value)}" is not a date and time with a time zone.` : null;
}

function amountProblem(label: string, value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    return `${label} (${String(value)}) is not a whole number of minor units.`;
  }
  return value < 0 ? `${label} is negative (${value}).` : null;
}

function currencyProblem(label: string, value: unknown): string | null {
  return typeof value === 'string' && CURRENCY.test(value) ? null
    : `${label} "${String(value)}" is not a three-letter currency code such as USD.`;
}

function oneOfProblem(label: string, value: unknown, allowed: Set<string>): string | null {
  return typeof value === 'string' && allowed.has(value) ? null : `${label} "${String(value)}" is not one Backroom knows.`;
}

const firstProblem = (...problems: (string | null)[]): string | null => problems.find((p) => p !== null) ?? null;

const idProblem = (what: string, id: unknown): string | null => (present(id) ? null : `The ${what} has no id.`);

export function productProblem(p: RemoteProduct): string | null {
  return firstProblem(
    idProblem('product', p.externalId),
    present(p.title) ? null : 'The product has no title.',
    amountProblem('The price', p.priceMinor),
    currencyProblem('The currency', p.currency),
    oneOfProblem('The status', p.status, PRODUCT_STATUSES),
    p.inventoryQuantity === null || Number.isSafeInteger(p.inventoryQuantity) ? null
      : `The inventory quantity (${String(p.inventoryQuantity)}) is not a whole number.`,
    timeProblem('The creation date', p.createdAt, false),
    timeProblem('The last-updated date', p.updatedAt, true),
  );
}

export function customerProblem(c: RemoteCustomer): string | null {
  return firstProblem(
    idProblem('customer', c.externalId),
    typeof c.marketingConsent === 'boolean' ? null : 'The marketing consent is neither yes nor no.',
    Array.isArray(c.tags) ? null : 'The tags are not a list.',
    timeProblem('The creation date', c.createdAt, false),
    timeProblem('The last-updated date', c.updatedAt, true),
  );
}

const isAmount = (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isInstantOrEmpty = (value: unknown): boolean =>
  value === null || value === undefined || value === '' || utcInstant(value) !== null;

/*
 * The checks below build a sentence naming the line or payment for every rule,
 * which cost more than writing the row; each first asks the same rules without
 * words (never stricter: anything it doubts goes to the full check).
 */
const lineIsFine = (line: RemoteOrderLine): boolean => present(line.externalId) && present(line.title) &&
  Number.isSafeInteger(line.quantity) && line.quantity >= 1 && isAmount(line.unitPriceMinor) &&
  isAmount(line.discountMinor) && isAmount(line.totalMinor);

function lineProblem(line: RemoteOrderLine, index: number): string | null {
  if (lineIsFine(line)) return null;
  const label = `Line ${index + 1}${present(line.title) ? ` (${line.title})` : ''}`;
  return firstProblem(
    present(line.externalId) ? null : `${label} has no id.`,
    present(line.title) ? null : `${label} has no title.`,
    Number.isSafeInteger(line.quantity) && line.quantity >= 1 ? null
      : `${label} has a quantity of ${String(line.quantity)}; it must be at least 1.`,
    amountProblem(`${label}'s unit price`, line.unitPriceMinor),
    amountProblem(`${label}'s discount`, line.discountMinor),
    amountProblem(`${label}'s total`, line.totalMinor),
  );
}

const paymentIsFine = (p: RemotePayment): boolean => present(p.externalId) && PAYMENT_KINDS.has(p.kind) &&
  PAYMENT_STATUSES.has(p.status) && present(p.method) && present(p.gateway) && isAmount(p.amountMinor) &&
  typeof p.currency === 'string' && CURRENCY.test(p.currency) && present(p.processedAt) && utcInstant(p.processedAt) !== null;

function paymentProblem(payment: RemotePayment, index: number): string | null {
  if (paymentIsFine(payment)) return null;
  const label = `Payment ${index + 1}`;
  return firstProblem(
    present(payment.externalId) ? null : `${label} has no id.`,
    oneOfProblem(`${label}'s kind`, payment.kind, PAYMENT_KINDS),
    oneOfProblem(`${label}'s status`, payment.status, PAYMENT_STATUSES),
    present(payment.method) ? null : `${label} has no payment method.`,
    present(payment.gateway) ? null : `${label} has no gateway.`,
    amountProblem(`${label}'s amount`, payment.amountMinor),
    currencyProblem(`${label}'s currency`, payment.currency),
    timeProblem(`${label}'s processing date`, payment.processedAt, true),
  );
}

function refundProblem(refund: RemoteRefund, index: number): string | null {
  const label = `Refund ${index + 1}`;
  return firstProblem(
    present(refund.externalId) ? null : `${label} has no id.`,
    amountProblem(`${label}'s amount`, refund.amountMinor),
    currencyProblem(`${label}'s currency`, refund.currency),
    timeProblem(`${label}'s date`, refund.refundedAt, true),
  );
}

const shipmentIsFine = (s: RemoteShipment): boolean => present(s.externalId) && present(s.carrier) &&
  SHIPMENT_STATUSES.has(s.status) && isInstantOrEmpty(s.shippedAt) && isInstantOrEmpty(s.estimatedDeliveryAt) &&
  isInstantOrEmpty(s.deliveredAt) && present(s.updatedAt) && utcInstant(s.updatedAt) !== null;

function shipmentProblem(shipment: RemoteShipment, index: number): string | null {
  if (shipmentIsFine(shipment)) return null;
  const label = `Shipment ${index + 1}`;
  return firstProblem(
    present(shipment.externalId) ? null : `${label} has no id.`,
    present(shipment.carrier) ? null : `${label} has no carrier.`,
    oneOfProblem(`${label}'s status`, shipment.status, SHIPMENT_STATUSES),
    timeProblem(`${label}'s shipping date`, shipment.shippedAt, false),
    timeProblem(`${label}'s estimated delivery date`, shipment.estimatedDeliveryAt, false),
    timeProblem(`${label}'s delivery date`, shipment.deliveredAt, false),
    timeProblem(`${label}'s last-updated date`, shipment.updatedAt, true),
  );
}

/** Each child id once per order: two lines with one id would overwrite each other. */
function duplicateIdProblem(what: string, items: readonly { externalId: string }[]): string | null {
  if (items.length < 2) return null;
  // An order's few children: comparing pairs allocates nothing (a Set per list per order did).
  if (items.length <= 16) {
    for (let i = 1; i < items.length; i++) {
      for (let j = 0; j < i; j++) {
        if (items[i]!.externalId === items[j]!.externalId) return `Two ${what} share the id "${items[i]!.externalId}".`;
      }
    }
    return null;
  }
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.externalId)) return `Two ${what} share the id "${item.externalId}".`;
    seen.add(item.externalId);
  }
  return null;
}

function totalsProblem(o: RemoteOrder): string | null {
  const expected = o.subtotalMinor - o.discountMinor + o.shippingMinor + (o.taxesIncluded ? 0 : o.taxMinor);
  if (Math.abs(expected - o.totalMinor) <= 1) return null;
  const tax = o.taxesIncluded ? '' : ` + tax ${o.taxMinor}`;
  return `The total ${o.totalMinor} does not add up: subtotal ${o.subtotalMinor} − discount ${o.discountMinor} + ` +
    `shipping ${o.shippingMinor}${tax} = ${expected} (minor units of ${o.currency}).`;
}

function childrenProblem<T>(items: unknown, what: string, check: (item: T, index: number) => string | null): string | null {
  if (!Array.isArray(items)) return `The order's ${what} are not a list.`;
  for (let i = 0; i < items.length; i++) {
    const problem = check(items[i] as T, i);
    if (problem) return problem;
  }
  return null;
}

function embeddedCustomerProblem(customer: RemoteCustomer | null | undefined): string | null {
  const problem = customer === null || customer === undefined ? null : customerProblem(customer);
  return problem === null ? null : `The order's customer: ${problem.charAt(0).toLowerCase()}${problem.slice(1)}`;
}

/** The first rule the order breaks; each asked only when those before it hold (`??`: no list of every answer). */
export function orderProblem(o: RemoteOrder): string | null {
  return idProblem('order', o.externalId)
    ?? (present(o.orderNumber) ? null : 'The order has no order number.')
    ?? timeProblem('The order date', o.placedAt, true)
    ?? timeProblem('The last-updated date', o.updatedAt, true)
    ?? timeProblem('The cancellation date', o.cancelledAt, false)
    ?? oneOfProblem('The order status', o.status, ORDER_STATUSES)
    ?? oneOfProblem('The payment status', o.financialStatus, FINANCIAL_STATUSES)
    ?? oneOfProblem('The fulfilment status', o.fulfillmentStatus, FULFILLMENT_STATUSES)
    ?? currencyProblem('The currency', o.currency)
    ?? amountProblem('The subtotal', o.subtotalMinor)
    ?? amountProblem('The discount', o.discountMinor)
    ?? amountProblem('The shipping', o.shippingMinor)
    ?? amountProblem('The tax', o.taxMinor)
    ?? amountProblem('The total', o.totalMinor)
    ?? amountProblem('The refunded amount', o.refundedMinor)
    ?? (Array.isArray(o.tags) ? null : 'The tags are not a list.')
    ?? totalsProblem(o)
    ?? childrenProblem(o.lines, 'lines', lineProblem)
    ?? childrenProblem(o.payments, 'payments', paymentProblem)
    ?? childrenProblem(o.refunds, 'refunds', refundProblem)
    ?? childrenProblem(o.shipments, 'shipments', shipmentProblem)
    ?? duplicateIdProblem('lines', o.lines)
    ?? duplicateIdProblem('payments', o.payments)
    ?? duplicateIdProblem('refunds', o.refunds)
    ?? duplicateIdProblem('shipments', o.shipments)
    ?? embeddedCustomerProblem(o.customer);
}
