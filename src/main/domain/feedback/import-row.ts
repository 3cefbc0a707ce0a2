import { FEEDBACK_CSV_COLUMNS, FEEDBACK_SOURCES, type FeedbackSource } from '../../../shared/contract/feedback';
import type { Sqlite } from '../../db/connection';
import type { NewFeedback } from './insert';
import { orderCustomerProblem } from './links';
import { ratingProblem } from './rating';

/**
 * One CSV row checked and turned into a feedback row, or the sentence that
 * says what is wrong with it. Lookups are cached for the whole file.
 * An unknown customer email is not an error (the row is kept without a
 * customer: the review is still worth reading). An unknown order number or
 * product SKU is an error: it is almost always a typo or the wrong shop's
 * file, and a review pinned to nothing would vanish from product trends;
 * the merchant fixes the row and imports the file again (rows already in
 * are skipped as duplicates).
 */
export type CsvColumn = (typeof FEEDBACK_CSV_COLUMNS)[number];
export type RowValues = Partial<Record<CsvColumn, string>>;

const TITLE_MAX = 200;
const BODY_MAX = 10_000;
const EXTERNAL_ID_MAX = 200;

export class RowLookups {
  private readonly customers = new Map<string, number | null>();
  private readonly orders = new Map<string, { id: number; customerId: number | null; orderNumber: string } | null>();
  private readonly products = new Map<string, number | null>();
  constructor(private readonly sqlite: Sqlite) {}

  customerByEmail(email: string): number | null {
    const key = email.trim().toLowerCase();
    if (!this.customers.has(key)) {
      // Same expression as the customers_email_normalized index, so this is one index probe.
      const id = this.sqlite
        .prepare<[string], number>(`SELECT id FROM customers
          WHERE lower(trim(email)) = ? AND email IS NOT NULL AND merged_into_id IS NULL ORDER BY id LIMIT 1`)
        .pluck().get(key);
      this.customers.set(key, id ?? null);
    }
    return this.customers.get(key) ?? null;
  }

  order(orderNumber: string) {
    const key = orderNumber.trim();
    if (!this.orders.has(key)) {
      const candidates = key.startsWith('#') ? [key] : [key, `#${key}`];
      const found = this.sqlite
        .prepare<string[], { id: number; customerId: number | null; orderNumber: string }>(
          `SELECT id, customer_id AS customerId, order_number AS orderNumber FROM orders
            WHERE order_number IN (${candidates.map(() => '?').join(', ')}) ORDER BY id LIMIT 1`)
        .get(...candidates);
      this.orders.set(key, found ?? null);
    }
    return this.orders.get(key) ?? null;
  }

  productBySku(sku: string): number | null {
    const key = sku.trim();
    if (!this.products.has(key)) {
      const id = this.sqlite.prepare<[string], number>('SELECT id FROM products WHERE sku = ? ORDER BY id LIMIT 1').pluck().get(key);
      this.products.set(key, id ?? null);
    }
    return this.products.get(key) ?? null;
  }
}

/** ISO dates and date-times; a time without an offset is read as UTC. */
export function parseCreatedAt(text: string): Date | null {
  const trimmed = text.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(trimmed);
  if (!match) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = match;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${zone ? (zone === 'Z' ? 'Z' : zone.replace(/(\d{2})(\d{2})$/, '$1:$2')) : 'Z'}`;
  const date = new Date(iso);
  // Date accepts 2026-02-30 and rolls it over: a calendar check refuses it.
  if (Number.isNaN(date.getTime()) || (!zone && date.toISOString().slice(0, 10) !== `${y}-${mo}-${d}`)) return null;
  return date;
}

export function readRow(values: RowValues, defaultSource: FeedbackSource, lookups: RowLookups, now: Date,
  importedFrom: string): NewFeedback | string {
  const value = (column: CsvColumn) => values[column]?.trim() ?? '';
  const sourceText = value('source').toLowerCase();
  if (sourceText !== '' && !(FEEDBACK_SOURCES as readonly string[]).includes(sourceText)) {
    return `the source "${values.source}" is not one of ${FEEDBACK_SOURCES.join(', ')}`;
  }
  const source = (sourceText || defaultSource) as FeedbackSource;
  const ratingText = value('rating');
  let rating: number | null = null;
  if (ratingText !== '') {
    rating = /^-?\d+(\.0+)?$/.test(ratingText) ? Number(ratingText) : Number.NaN;
    const problem = Number.isNaN(rating) ? `the rating "${ratingText}" is not a number` : ratingProblem(source, rating);
    if (problem) return problem;
  }
  const title = value('title');
  const body = value('body');
  if (title.length > TITLE_MAX) return `the title is longer than ${TITLE_MAX} characters`;
  if (body.length > BODY_MAX) return `the text is longer than ${BODY_MAX.toLocaleString('en')} characters`;
  if (rating === null && title === '' && body === '') return 'it has neither a rating nor any text';
  const externalId = value('external_id');
  if (externalId.length > EXTERNAL_ID_MAX) return `the external id is longer than ${EXTERNAL_ID_MAX} characters`;

  let createdAt = now;
  if (value('created_at') !== '') {
    const parsed = parseCreatedAt(value('created_at'));
    if (!parsed) return `the date "${value('created_at')}" is not a date such as 2026-03-14 or 2026-03-14T09:30:00Z`;
    if (parsed.getTime() > now.getTime() + 60_000) return `the date "${value('created_at')}" is in the future`;
    createdAt = parsed;
  }
  let customerId = value('customer_email') === '' ? null : lookups.customerByEmail(value('customer_email'));
  let orderId: number | null = null;
  if (value('order_number') !== '') {
    const order = lookups.order(value('order_number'));
    if (!order) return `there is no order numbered "${value('order_number')}"`;
    const problem = orderCustomerProblem(order, customerId);
    if (problem) return `${problem.charAt(0).toLowerCase()}${problem.slice(1)} than ${value('customer_email')}`;
    orderId = order.id;
    customerId = customerId ?? order.customerId;
  }
  let productId: number | null = null;
  if (value('product_sku') !== '') {
    productId = lookups.productBySku(value('product_sku'));
    if (productId === null) return `there is no product with SKU "${value('product_sku')}"`;
  }
  return {
    source, rating, title: title || null, body: body || null, customerId, orderId, productId,
    createdAt: createdAt.toISOString(), externalId: externalId || null, importedFrom, idempotencyKey: null,
  };
}
