import { AppError } from '../../../shared/errors';
import type { RemoteOrder } from '../model';
import { assembleOrder, emailOrNull, missing, orNull, splitName, type LineDraft } from './assemble';
import { readLineColumns, type LineColumns } from './line-reader';
import { onRow, type FormatReader, type ReadOptions } from './reading';
import type { CsvRow } from './table';
import { CellProblem, isCurrencyCode, readInstant, readMoney, readTags, requireMoney } from './values';
import { wooStatus } from './woocommerce';

/**
 * Any orders spreadsheet, with a mapping that says which column holds which
 * field and how dates and numbers are written. One row per order, or one row
 * per line item with the order's columns repeated or on its first row.
 */
export const GENERIC_FIELDS = [
  'orderId', 'orderNumber', 'placedAt', 'updatedAt', 'status', 'financialStatus', 'fulfillmentStatus',
  'email', 'customerName', 'firstName', 'lastName', 'phone', 'country', 'region', 'city', 'currency',
  'subtotal', 'shipping', 'tax', 'discount', 'total', 'refunded', 'paymentMethod', 'tags',
  'lineTitle', 'lineSku', 'lineQuantity', 'linePrice', 'lineTotal',
] as const;
type Field = (typeof GENERIC_FIELDS)[number];
const FIELD_SET: ReadonlySet<string> = new Set(GENERIC_FIELDS);

/**
 * The mapping's entries are read as column → field ({ "Order no.": "orderNumber" });
 * an entry whose key is a field and whose value is not is read the other way
 * round ({ orderNumber: "Order no." }), so a form that lists fields works too.
 */
export function mappingAliases(columns: Record<string, string>): Record<Field, string[]> {
  const aliases = {} as Record<Field, string[]>;
  for (const [key, value] of Object.entries(columns)) {
    const [column, field] = FIELD_SET.has(value) || !FIELD_SET.has(key) ? [key, value] : [value, key];
    if (!FIELD_SET.has(field)) {
      throw new AppError('VALIDATION', `The mapping names "${field}", which is not an order field; use one of: ${GENERIC_FIELDS.join(', ')}.`);
    }
    if (aliases[field as Field]) throw new AppError('VALIDATION', `The mapping gives the field "${field}" two columns; keep one.`);
    aliases[field as Field] = [column];
  }
  return aliases;
}

const FINANCIAL: Record<string, RemoteOrder['financialStatus']> = {
  paid: 'paid', pending: 'pending', unpaid: 'pending', authorized: 'authorized', partially_paid: 'pending',
  partially_refunded: 'partially_refunded', refunded: 'refunded', voided: 'voided', failed: 'failed',
};
const FULFILLMENT: Record<string, RemoteOrder['fulfillmentStatus']> = {
  fulfilled: 'fulfilled', shipped: 'fulfilled', delivered: 'fulfilled', unfulfilled: 'unfulfilled', unshipped: 'unfulfilled',
  partial: 'partial', partially_fulfilled: 'partial', returned: 'returned', restocked: 'returned',
};
const EXTRA_STATUSES: Record<string, Pick<RemoteOrder, 'status' | 'financialStatus' | 'fulfillmentStatus'>> = {
  open: { status: 'open', financialStatus: 'pending', fulfillmentStatus: 'unfulfilled' },
  paid: { status: 'open', financialStatus: 'paid', fulfillmentStatus: 'unfulfilled' },
  closed: { status: 'completed', financialStatus: 'paid', fulfillmentStatus: 'fulfilled' },
  shipped: { status: 'completed', financialStatus: 'paid', fulfillmentStatus: 'fulfilled' },
  fulfilled: { status: 'completed', financialStatus: 'paid', fulfillmentStatus: 'fulfilled' },
  delivered: { status: 'completed', financialStatus: 'paid', fulfillmentStatus: 'fulfilled' },
  canceled: { status: 'cancelled', financialStatus: 'voided', fulfillmentStatus: 'unfulfilled' },
};

function word<T>(table: Record<string, T>, text: string, column: string): T {
  const value = table[text.trim().toLowerCase().replace(/[\s-]+/g, '_')];
  if (value === undefined) throw new CellProblem(`the ${column} "${text}" is not one of: ${Object.keys(table).join(', ')}`);
  return value;
}

function orderStatus(row: CsvRow) {
  const text = row.get('status');
  // A spreadsheet of past orders without a status column: taken as paid and delivered.
  const base = text === '' ? EXTRA_STATUSES.closed! : EXTRA_STATUSES[text.toLowerCase()] ?? wooStatus(text, 'status');
  return {
    ...base,
    ...(row.get('financialStatus') !== '' ? { financialStatus: word(FINANCIAL, row.get('financialStatus'), 'payment status') } : {}),
    ...(row.get('fulfillmentStatus') !== '' ? { fulfillmentStatus: word(FULFILLMENT, row.get('fulfillmentStatus'), 'fulfilment status') } : {}),
  };
}

const LINE: LineColumns = {
  title: 'lineTitle', sku: 'lineSku', quantity: 'lineQuantity', total: 'lineTotal', unitPrice: 'linePrice',
  labels: { quantity: 'line quantity', total: 'line total', unitPrice: 'line price', noTitle: 'the line has no title',
    noPrice: 'the line price is empty' },
};

function readLine(row: CsvRow, currency: string, options: ReadOptions): LineDraft | null {
  return readLineColumns(row, LINE, currency, options.decimalSeparator);
}

function build(rows: readonly CsvRow[], options: ReadOptions) {
  const first = rows[0] as CsvRow;
  return onRow(first, () => {
    const get = (field: Field) => first.get(field);
    const currency = get('currency').toUpperCase() || options.currency || '';
    if (!isCurrencyCode(currency)) {
      throw new CellProblem(get('currency') === '' ? 'the currency is empty and the mapping names none' : `the currency "${get('currency')}" is not a three-letter code`);
    }
    const sep = options.decimalSeparator;
    const money = (field: Field, column: string) => readMoney(get(field), currency, sep, column) ?? 0;
    const time = (field: Field, column: string) => (get(field) === '' ? null : readInstant(get(field), options.dateOrder, options.timeZone, column));
    const state = orderStatus(first);
    const id = get('orderId') || get('orderNumber');
    const order = assembleOrder({
      externalId: `csv:${id}`,
      orderNumber: get('orderNumber') || id,
      channel: 'online',
      ...state,
      currency,
      subtotalMinor: readMoney(get('subtotal'), currency, sep, 'subtotal'),
      discountMinor: Math.abs(money('discount', 'discount')),
      shippingMinor: money('shipping', 'shipping'),
      taxMinor: money('tax', 'tax'),
      totalMinor: requireMoney(get('total'), currency, sep, 'total'),
      refundedMinor: Math.abs(money('refunded', 'refunded amount')),
      paymentMethod: orNull(get('paymentMethod')),
      shippingCountry: orNull(get('country')),
      shippingRegion: orNull(get('region')),
      tags: readTags(get('tags')),
      placedAt: time('placedAt', 'order date') ?? missing('the order date is empty'),
      paidAt: null,
      cancelledAt: null,
      otherTimes: [time('updatedAt', 'last change date')],
      lines: rows.map((row) => readLine(row, currency, options)).filter((line): line is LineDraft => line !== null),
    });
    const email = emailOrNull(get('email'));
    const named = get('firstName') || get('lastName')
      ? { firstName: orNull(get('firstName')), lastName: orNull(get('lastName')) }
      : splitName(get('customerName'));
    const customer = email === null ? null : {
      email, ...named, phone: orNull(get('phone')), country: orNull(get('country')), region: orNull(get('region')),
      city: orNull(get('city')), marketingConsent: false,
    };
    return { order, customer };
  });
}

export function genericOrdersReader(columns: Record<string, string>): FormatReader {
  const aliases = mappingAliases(columns);
  return {
    describes: 'the orders file the mapping describes',
    aliases,
    // Every mapped column must be in the file: a misspelt one would otherwise be silently empty.
    required: [['orderNumber', 'orderId'], ['placedAt'], ['total'], ...Object.keys(aliases).map((field) => [field])],
    orderKey: (row) => row.get('orderId') || row.get('orderNumber'),
    build,
  };
}
