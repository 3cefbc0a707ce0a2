import type { RemoteOrder } from '../model';
import { assembleOrder, emailOrNull, missing, orNull, splitName, type LineDraft } from './assemble';
import { onRow, type FormatReader, type ReadOptions } from './reading';
import type { CsvRow } from './table';
import { CellProblem, isCurrencyCode, readInstant, readMoney, readQuantity, readTags, requireMoney } from './values';

/**
 * Shopify admin → Orders → Export (CSV for Excel or plain CSV): one row per
 * line item; the order's own fields (status, totals, addresses) are on the
 * first row of each order and blank on the rest, which repeat Name, Email and
 * Created at. Times carry the shop's offset ("2026-03-05 14:22:31 -0500");
 * amounts use a dot ("12.50"); statuses are Shopify's codes (paid,
 * partially_refunded, fulfilled, …).
 */
const COLUMNS = {
  name: ['Name'], email: ['Email'], financialStatus: ['Financial Status'], paidAt: ['Paid at'],
  fulfillmentStatus: ['Fulfillment Status'], fulfilledAt: ['Fulfilled at'], acceptsMarketing: ['Accepts Marketing'],
  currency: ['Currency'], subtotal: ['Subtotal'], shipping: ['Shipping'], taxes: ['Taxes'], total: ['Total'],
  discountAmount: ['Discount Amount'], createdAt: ['Created at'], lineQuantity: ['Lineitem quantity'],
  lineName: ['Lineitem name'], linePrice: ['Lineitem price'], lineSku: ['Lineitem sku'], lineDiscount: ['Lineitem discount'],
  billingName: ['Billing Name'], billingCity: ['Billing City'], billingProvince: ['Billing Province'],
  billingCountry: ['Billing Country'], shippingCountry: ['Shipping Country'], shippingProvince: ['Shipping Province'],
  paymentMethod: ['Payment Method'], refundedAmount: ['Refunded Amount'], cancelledAt: ['Cancelled at'],
  tags: ['Tags'], id: ['Id'], phone: ['Phone', 'Billing Phone'], source: ['Source'],
} as const;

export const FINANCIAL: Record<string, RemoteOrder['financialStatus']> = {
  paid: 'paid', pending: 'pending', authorized: 'authorized', partially_paid: 'pending',
  partially_refunded: 'partially_refunded', refunded: 'refunded', voided: 'voided', expired: 'voided',
};
export const FULFILLMENT: Record<string, RemoteOrder['fulfillmentStatus']> = {
  fulfilled: 'fulfilled', unfulfilled: 'unfulfilled', partial: 'partial', restocked: 'returned', '': 'unfulfilled',
};

export function code<T>(table: Record<string, T>, text: string, column: string): T {
  const value = table[text.trim().toLowerCase().replace(/\s+/g, '_')];
  if (value === undefined) throw new CellProblem(`the ${column} "${text}" is not one Shopify writes (${Object.keys(table).filter(Boolean).join(', ')})`);
  return value;
}

function readLine(row: CsvRow, currency: string): LineDraft | null {
  if (row.get('lineName') === '' && row.get('lineQuantity') === '' && row.get('lineSku') === '') return null;
  return onRow(row, () => ({
    title: row.get('lineName') || row.get('lineSku') || missing('the Lineitem name is empty'),
    sku: orNull(row.get('lineSku')),
    quantity: readQuantity(row.get('lineQuantity'), 'Lineitem quantity'),
    unitPriceMinor: requireMoney(row.get('linePrice'), currency, '.', 'Lineitem price'),
    discountMinor: readMoney(row.get('lineDiscount'), currency, '.', 'Lineitem discount') ?? 0,
    totalMinor: null,
  }));
}

function build(rows: readonly CsvRow[], options: ReadOptions) {
  const first = rows[0] as CsvRow;
  return onRow(first, () => {
    const currency = first.get('currency') || options.currency || '';
    if (!isCurrencyCode(currency)) {
      throw new CellProblem(first.get('currency') === '' ? 'the Currency is empty (Shopify fills it on the first row of each order)' : `the Currency "${currency}" is not a three-letter code`);
    }
    const time = (field: keyof typeof COLUMNS, column: string) =>
      first.get(field) === '' ? null : readInstant(first.get(field), 'iso', options.timeZone, column);
    const placedAt = readInstant(first.get('createdAt'), 'iso', options.timeZone, 'Created at');
    const financialStatus = code(FINANCIAL, first.get('financialStatus'), 'Financial Status');
    const fulfillmentStatus = code(FULFILLMENT, first.get('fulfillmentStatus'), 'Fulfillment Status');
    const cancelledAt = time('cancelledAt', 'Cancelled at');
    const money = (field: keyof typeof COLUMNS, column: string) => readMoney(first.get(field), currency, '.', column) ?? 0;
    const subtotal = readMoney(first.get('subtotal'), currency, '.', 'Subtotal');
    const discount = money('discountAmount', 'Discount Amount');
    const lines = rows.map((row) => readLine(row, currency)).filter((line): line is LineDraft => line !== null);
    const id = first.get('id');
    const order = assembleOrder({
      externalId: id !== '' ? `gid://shopify/Order/${id}` : `shopify-csv:${first.get('name')}`,
      orderNumber: first.get('name'),
      channel: first.get('source') === 'pos' ? 'pos' : 'online',
      status: cancelledAt ? 'cancelled' : fulfillmentStatus === 'fulfilled' || fulfillmentStatus === 'returned' ? 'completed' : 'open',
      financialStatus,
      fulfillmentStatus,
      currency,
      // Shopify's Subtotal is after discounts; the record's is before them.
      subtotalMinor: subtotal === null ? null : subtotal + discount,
      discountMinor: discount,
      shippingMinor: money('shipping', 'Shipping'),
      taxMinor: money('taxes', 'Taxes'),
      totalMinor: requireMoney(first.get('total'), currency, '.', 'Total'),
      refundedMinor: money('refundedAmount', 'Refunded Amount'),
      paymentMethod: orNull(first.get('paymentMethod')),
      shippingCountry: orNull(first.get('shippingCountry') || first.get('billingCountry')),
      shippingRegion: orNull(first.get('shippingProvince') || first.get('billingProvince')),
      tags: readTags(first.get('tags')),
      placedAt,
      paidAt: time('paidAt', 'Paid at'),
      cancelledAt,
      otherTimes: [time('fulfilledAt', 'Fulfilled at')],
      lines,
    });
    const email = emailOrNull(first.get('email'));
    const customer = email === null ? null : {
      email,
      ...splitName(first.get('billingName')),
      phone: orNull(first.get('phone')),
      country: orNull(first.get('billingCountry') || first.get('shippingCountry')),
      region: orNull(first.get('billingProvince') || first.get('shippingProvince')),
      city: orNull(first.get('billingCity')),
      marketingConsent: first.get('acceptsMarketing').toLowerCase() === 'yes',
    };
    return { order, customer };
  });
}

export const shopifyOrdersReader: FormatReader = {
  describes: 'a Shopify orders export',
  aliases: COLUMNS,
  required: [['name'], ['createdAt'], ['total'], ['currency'], ['financialStatus'], ['lineQuantity'], ['linePrice']],
  orderKey: (row) => row.get('name'),
  build,
};
