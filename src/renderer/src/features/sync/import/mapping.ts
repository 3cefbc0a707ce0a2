import type { MessageKey } from '../../../i18n';

/**
 * The order fields a generic CSV can fill, and the column names that usually
 * hold them (for a first guess the merchant then checks). The first group is
 * required: without an order number, a date and a total there is no order.
 */
export const GENERIC_FIELDS = [
  'orderNumber', 'orderId', 'placedAt', 'updatedAt', 'total', 'currency', 'status', 'financialStatus', 'fulfillmentStatus',
  'email', 'customerName', 'firstName', 'lastName', 'phone', 'country', 'region', 'city',
  'subtotal', 'shipping', 'tax', 'discount', 'refunded', 'paymentMethod', 'tags',
  'lineTitle', 'lineSku', 'lineQuantity', 'linePrice', 'lineTotal',
] as const;
export type GenericField = (typeof GENERIC_FIELDS)[number];
/** An order number (or the platform's order id), a date and a total: without them there is no order. */
export const REQUIRED_FIELDS: readonly GenericField[] = ['orderNumber', 'placedAt', 'total'];

const GUESSES: Record<GenericField, string[]> = {
  orderNumber: ['order number', 'order', 'number', 'name', 'order no', 'bestellnummer', '订单号'],
  orderId: ['order id', 'id'],
  placedAt: ['date', 'order date', 'created at', 'placed at', 'created', 'datum', '下单时间', '日期'],
  updatedAt: ['updated at', 'modified', 'date modified', 'updated'],
  total: ['total', 'order total', 'amount', 'grand total', 'gesamt', '总额', '金额'],
  currency: ['currency', 'währung', '货币'],
  status: ['status', 'order status'],
  financialStatus: ['financial status', 'payment status'],
  fulfillmentStatus: ['fulfillment status', 'shipping status'],
  email: ['email', 'customer email', 'e mail', 'billing email', '邮箱'],
  customerName: ['customer', 'customer name', 'kunde', 'billing name', '客户'],
  firstName: ['first name', 'firstname'],
  lastName: ['last name', 'lastname', 'surname'],
  phone: ['phone', 'telephone', '电话'],
  country: ['country', 'land', '国家'],
  region: ['region', 'state', 'province', 'province code'],
  city: ['city', 'stadt', '城市'],
  subtotal: ['subtotal', 'sub total'],
  shipping: ['shipping', 'shipping total', 'versand', '运费'],
  tax: ['tax', 'taxes', 'tax total', 'steuer', '税'],
  discount: ['discount', 'discount amount', 'discount total', 'rabatt', '折扣'],
  refunded: ['refunded', 'refunded amount', 'refund'],
  paymentMethod: ['payment method', 'payment', 'zahlungsart'],
  tags: ['tags', '标签'],
  lineTitle: ['item', 'product', 'line title', 'item name', 'product name', 'lineitem name', 'artikel', '商品'],
  lineSku: ['sku', 'item sku', 'lineitem sku'],
  lineQuantity: ['quantity', 'qty', 'lineitem quantity', 'menge', '数量'],
  linePrice: ['price', 'item price', 'unit price', 'lineitem price', 'item cost', 'preis', '单价'],
  lineTotal: ['line total', 'item total'],
};

export const fieldLabelKey = (field: GenericField): MessageKey => `sync.import.field.${field}`;

const simplify = (name: string) => name.toLowerCase().replace(/[_\-.]+/g, ' ').replace(/\s+/g, ' ').trim();

/** A first guess of which column holds each field, from the columns' names; each column used once. */
export function guessMapping(columns: readonly string[]): Partial<Record<GenericField, string>> {
  const guess: Partial<Record<GenericField, string>> = {};
  const used = new Set<string>();
  for (const field of GENERIC_FIELDS) {
    const column = columns.find((c) => !used.has(c) && GUESSES[field].includes(simplify(c)));
    if (column) {
      guess[field] = column;
      used.add(column);
    }
  }
  return guess;
}

/** The contract's mapping: each chosen column (the key) with the field it holds. */
export function columnsToFields(mapping: Partial<Record<GenericField, string>>): Record<string, string> {
  const columns: Record<string, string> = {};
  for (const [field, column] of Object.entries(mapping)) if (column) columns[column] = field;
  return columns;
}
