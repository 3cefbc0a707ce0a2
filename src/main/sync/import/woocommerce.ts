import type { RemoteOrder } from '../model';
import { assembleOrder, emailOrNull, orNull, type LineDraft } from './assemble';
import { readLineColumns, type LineColumns } from './line-reader';
import { onRow, type FormatReader, type ReadOptions } from './reading';
import type { CsvRow } from './table';
import { CellProblem, isCurrencyCode, readInstant, readMoney, requireMoney } from './values';

/**
 * WooCommerce orders exports. WooCommerce itself has no orders CSV, so shops
 * use an export extension; the two common ones name columns differently: the
 * "Advanced Order Export" labels (Order ID, Order Date, Order Status,
 * First Name (Billing), Item Name, Item Cost, …) and the official Customer /
 * Order CSV Export's keys (order_id, order_date, status, billing_email,
 * item_name, …). Both are read: one row per line item, the order's columns
 * repeated or on the first row only. Dates are the shop's local time without
 * an offset, so they are read in the store's time zone.
 */
const COLUMNS = {
  orderId: ['Order ID', 'order_id', 'Order Id', 'ID'],
  orderNumber: ['Order Number', 'order_number', 'Order Number Formatted', 'order_number_formatted', 'Order #'],
  orderDate: ['Order Date', 'order_date', 'Date Created', 'date_created'],
  modifiedDate: ['Order Modification Date', 'Date Modified', 'date_modified', 'Modified Date'],
  paidDate: ['Paid Date', 'Date Paid', 'date_paid', 'Order Paid Date'],
  completedDate: ['Completed Date', 'Date Completed', 'date_completed'],
  status: ['Order Status', 'status', 'order_status'],
  email: ['Customer email', 'Email (Billing)', 'Billing Email', 'billing_email', 'Customer Email'],
  firstName: ['Billing First Name', 'First Name (Billing)', 'billing_first_name'],
  lastName: ['Billing Last Name', 'Last Name (Billing)', 'billing_last_name'],
  phone: ['Billing Phone', 'Phone (Billing)', 'billing_phone'],
  billingCity: ['Billing City', 'City (Billing)', 'billing_city'],
  billingState: ['Billing State', 'State Code (Billing)', 'billing_state'],
  billingCountry: ['Billing Country', 'Country Code (Billing)', 'billing_country'],
  shippingState: ['Shipping State', 'State Code (Shipping)', 'shipping_state'],
  shippingCountry: ['Shipping Country', 'Country Code (Shipping)', 'shipping_country'],
  currency: ['Order Currency', 'order_currency', 'Currency'],
  subtotal: ['Order Subtotal Amount', 'Order Subtotal', 'order_subtotal'],
  shipping: ['Order Shipping Amount', 'Order Shipping', 'shipping_total'],
  tax: ['Order Total Tax Amount', 'Order Tax', 'tax_total'],
  discount: ['Cart Discount Amount', 'Order Discount', 'cart_discount', 'discount_total'],
  total: ['Order Total', 'Order Total Amount', 'order_total'],
  refunded: ['Order Refund Amount', 'Order Refunds', 'refunded_total'],
  paymentMethod: ['Payment Method Title', 'payment_method_title', 'Payment Method', 'payment_method'],
  itemName: ['Item Name', 'item_name', 'Product Name'],
  itemSku: ['Item SKU', 'SKU', 'item_sku'],
  itemQuantity: ['Quantity', 'Item Quantity', 'item_quantity', 'Qty'],
  itemCost: ['Item Cost', 'item_cost', 'Item Price'],
  itemTotal: ['Item Total', 'item_total', 'Order Line Total'],
} as const;
type Field = keyof typeof COLUMNS;

type Status = Pick<RemoteOrder, 'status' | 'financialStatus' | 'fulfillmentStatus'>;
const STATUSES: Record<string, Status> = {
  pending: { status: 'open', financialStatus: 'pending', fulfillmentStatus: 'unfulfilled' },
  processing: { status: 'open', financialStatus: 'paid', fulfillmentStatus: 'unfulfilled' },
  'on-hold': { status: 'open', financialStatus: 'pending', fulfillmentStatus: 'unfulfilled' },
  completed: { status: 'completed', financialStatus: 'paid', fulfillmentStatus: 'fulfilled' },
  cancelled: { status: 'cancelled', financialStatus: 'voided', fulfillmentStatus: 'unfulfilled' },
  // Money returned in full; the goods' whereabouts are not in the export.
  refunded: { status: 'completed', financialStatus: 'refunded', fulfillmentStatus: 'unfulfilled' },
  failed: { status: 'cancelled', financialStatus: 'failed', fulfillmentStatus: 'unfulfilled' },
  'checkout-draft': { status: 'open', financialStatus: 'pending', fulfillmentStatus: 'unfulfilled' },
};

/** "Processing", "wc-on-hold", "On hold" → the status WooCommerce stores. */
export function wooStatus(text: string, column: string): Status {
  const key = text.trim().toLowerCase().replace(/^wc-/, '').replace(/[\s_]+/g, '-');
  const status = STATUSES[key];
  if (!status) throw new CellProblem(`the ${column} "${text}" is not a WooCommerce order status (${Object.keys(STATUSES).join(', ')})`);
  return status;
}

const LINE: LineColumns = {
  title: 'itemName', sku: 'itemSku', quantity: 'itemQuantity', total: 'itemTotal', unitPrice: 'itemCost',
  labels: { quantity: 'Quantity', total: 'Item Total', unitPrice: 'Item Cost', noTitle: 'the Item Name is empty',
    noPrice: 'the Item Cost is empty' },
};

function readLine(row: CsvRow, currency: string, separator: ReadOptions['decimalSeparator']): LineDraft | null {
  return readLineColumns(row, LINE, currency, separator);
}

function build(rows: readonly CsvRow[], options: ReadOptions) {
  const first = rows[0] as CsvRow;
  return onRow(first, () => {
    const get = (field: Field) => first.get(field);
    const currency = get('currency').toUpperCase() || options.currency || '';
    if (!isCurrencyCode(currency)) {
      throw new CellProblem(get('currency') === ''
        ? 'the file has no Order Currency and no currency was chosen for it'
        : `the Order Currency "${get('currency')}" is not a three-letter code`);
    }
    const sep = options.decimalSeparator;
    const time = (field: Field, column: string) =>
      get(field) === '' ? null : readInstant(get(field), options.dateOrder, options.timeZone, column);
    const money = (field: Field, column: string) => Math.abs(readMoney(get(field), currency, sep, column) ?? 0);
    const state = wooStatus(get('status'), 'Order Status');
    const id = get('orderId') || get('orderNumber');
    const totalMinor = requireMoney(get('total'), currency, sep, 'Order Total');
    const refunded = readMoney(get('refunded'), currency, sep, 'Order Refund Amount');
    const order = assembleOrder({
      externalId: id,
      orderNumber: get('orderNumber') || id,
      channel: 'online',
      ...state,
      currency,
      subtotalMinor: readMoney(get('subtotal'), currency, sep, 'Order Subtotal Amount'),
      discountMinor: money('discount', 'Cart Discount Amount'),
      shippingMinor: money('shipping', 'Order Shipping Amount'),
      taxMinor: money('tax', 'Order Total Tax Amount'),
      totalMinor,
      // WooCommerce writes refunds as negative amounts; a "refunded" order without the column was refunded in full.
      refundedMinor: refunded !== null ? Math.abs(refunded) : state.financialStatus === 'refunded' ? totalMinor : 0,
      paymentMethod: orNull(get('paymentMethod')),
      shippingCountry: orNull(get('shippingCountry') || get('billingCountry')),
      shippingRegion: orNull(get('shippingState') || get('billingState')),
      tags: [],
      placedAt: readInstant(get('orderDate'), options.dateOrder, options.timeZone, 'Order Date'),
      paidAt: time('paidDate', 'Paid Date'),
      cancelledAt: state.status === 'cancelled' ? time('modifiedDate', 'Order Modification Date') : null,
      otherTimes: [time('modifiedDate', 'Order Modification Date'), time('completedDate', 'Completed Date')],
      lines: rows.map((row) => readLine(row, currency, sep)).filter((line): line is LineDraft => line !== null),
    });
    const email = emailOrNull(get('email'));
    const customer = email === null ? null : {
      email,
      firstName: orNull(get('firstName')),
      lastName: orNull(get('lastName')),
      phone: orNull(get('phone')),
      country: orNull(get('billingCountry') || get('shippingCountry')),
      region: orNull(get('billingState') || get('shippingState')),
      city: orNull(get('billingCity')),
      marketingConsent: false,
    };
    return { order, customer };
  });
}

export const wooOrdersReader: FormatReader = {
  describes: 'a WooCommerce orders export',
  aliases: COLUMNS,
  required: [['orderId', 'orderNumber'], ['orderDate'], ['status'], ['total']],
  orderKey: (row) => row.get('orderId') || row.get('orderNumber'),
  build,
};
