import {
  CUSTOMER_SEGMENTS, type CustomerSegment, type ParsedInputOf, type SegmentExportChunk, type SegmentList,
} from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { decodeCursor, encodeCursor, queryFingerprint } from '../orders/cursor';
import { csvLine, type CsvCell } from '../../../shared/csvWrite';
import { customerName } from '../orders/list';
import { decimalMajor } from '../orders/money-text';
import { SqlParams } from '../orders/sql-params';
import { ensureRfm, figuresComputedAt, lastRecomputeMs } from './rfm';

/**
 * `segments.list` and `segments.export`, both read off customer_rfm. Revenue
 * is summed in one currency: the chosen store's, or else the currency of the
 * most customers' store; customers of stores in another currency are counted
 * but their money is not added to it.
 */
function reportingCurrency(sqlite: Sqlite, storeId: number | undefined): string {
  if (storeId !== undefined) {
    const store = sqlite.prepare<[number], { currency: string }>('SELECT currency FROM stores WHERE id = ?').get(storeId);
    if (!store) throw new AppError('NOT_FOUND', `There is no store with id ${storeId}.`);
    return store.currency;
  }
  const row = sqlite
    .prepare<[], { currency: string }>(
      `SELECT s.currency FROM stores s ORDER BY (SELECT count(*) FROM customers c WHERE c.store_id = s.id) DESC, s.id LIMIT 1`,
    )
    .get();
  return row?.currency ?? 'USD';
}

interface SegmentRow {
  segment: CustomerSegment | null;
  customers: number;
  orders: number;
  revenue: number;
  consent: number;
}

export function listSegments(sqlite: Sqlite, input: ParsedInputOf<'segments.list'>, now: Date): SegmentList {
  ensureRfm(sqlite, now);
  const currency = reportingCurrency(sqlite, input.storeId);
  const storesInCurrency = sqlite
    .prepare<[string], { id: number }>('SELECT id FROM stores WHERE currency = ?')
    .all(currency)
    .map((s) => s.id);
  // Store ids are integers from the database: safe to write into the statement.
  const inCurrency = `r.store_id IN (${storesInCurrency.join(', ') || 'NULL'})`;
  const rows = sqlite
    .prepare<Record<string, number>, SegmentRow>(
      `SELECT r.segment, count(*) AS customers, sum(r.orders_count) AS orders,
              sum(CASE WHEN ${inCurrency} THEN r.spend_minor ELSE 0 END) AS revenue,
              sum(r.marketing_consent) AS consent
         FROM customer_rfm r INDEXED BY customer_rfm_segment
        ${input.storeId === undefined ? '' : 'WHERE r.store_id = @storeId'}
        GROUP BY r.segment`,
    )
    .all(input.storeId === undefined ? {} : { storeId: input.storeId });
  const bySegment = new Map(rows.map((r) => [r.segment, r]));
  const totalRevenue = rows.reduce((sum, r) => sum + r.revenue, 0);
  return {
    currency,
    segments: CUSTOMER_SEGMENTS.map((segment) => {
      const r = bySegment.get(segment);
      const orders = r?.orders ?? 0;
      const revenue = r?.revenue ?? 0;
      return {
        segment, customers: r?.customers ?? 0, orders, revenueMinor: revenue,
        revenueShare: totalRevenue > 0 ? revenue / totalRevenue : 0,
        averageOrderValueMinor: orders > 0 ? Math.round(revenue / orders) : null,
        marketingConsent: r?.consent ?? 0,
      };
    }),
    withoutOrders: bySegment.get(null)?.customers ?? 0,
    totalCustomers: rows.reduce((sum, r) => sum + r.customers, 0),
    totalRevenueMinor: totalRevenue,
    computedAt: figuresComputedAt(sqlite),
    lastRecomputeMs: lastRecomputeMs(sqlite),
  };
}

type ExportInput = ParsedInputOf<'segments.export'>;

const HEADER = [
  'customer_id', 'first_name', 'last_name', 'name', 'email', 'phone', 'country', 'store', 'segment',
  'recency_score', 'frequency_score', 'monetary_score', 'orders', 'spend', 'currency', 'last_order_at',
  'marketing_consent', 'personalization_consent',
];

interface ExportRow {
  id: number;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  store: string;
  r: number;
  f: number;
  m: number;
  orders: number;
  spend: number;
  currency: string;
  lastOrderAt: string | null;
  marketing: number;
  personalization: number;
}

function cells(row: ExportRow, segment: CustomerSegment): CsvCell[] {
  return [
    row.id, row.firstName, row.lastName, customerName(row.firstName, row.lastName), row.email, row.phone, row.country,
    row.store, segment, row.r, row.f, row.m, row.orders, decimalMajor(row.spend, row.currency), row.currency,
    row.lastOrderAt, row.marketing === 1 ? 'yes' : 'no', row.personalization === 1 ? 'yes' : 'no',
  ];
}

function exportConditions(input: ExportInput, params: SqlParams): string[] {
  const where = [`r.segment = ${params.add('segment', input.segment)}`, 'c.merged_into_id IS NULL'];
  if (input.onlyMarketingConsent) where.push('c.marketing_consent = 1');
  if (input.storeId !== undefined) where.push(`c.store_id = ${params.add('store', input.storeId)}`);
  return where;
}

const EXPORT_CURSOR = /^(\d{1,12})\.([A-Za-z0-9_-]+)$/;

/** Best customers first (spend, then id), walking customer_rfm_segment_spend; the total travels in the cursor. */
export function exportSegment(sqlite: Sqlite, input: ExportInput, now: Date): SegmentExportChunk {
  ensureRfm(sqlite, now);
  const fingerprint = queryFingerprint([input.segment, input.onlyMarketingConsent, input.storeId]);
  let total: number;
  const params = new SqlParams();
  const where = exportConditions(input, params);
  if (input.cursor !== undefined) {
    const match = EXPORT_CURSOR.exec(input.cursor);
    if (!match) throw new AppError('VALIDATION', 'The request is not valid: cursor is not one this export gave out; start the export again.');
    total = Number(match[1]);
    const after = decodeCursor(match[2]!, fingerprint, 1);
    where.push(`(r.spend_minor, r.customer_id) < (${params.add('afterSpend', after.keys[0]!)}, ${params.add('afterId', after.id)})`);
  } else {
    const countParams = new SqlParams();
    total = sqlite
      .prepare<Record<string, string | number>, { n: number }>(
        `SELECT count(*) AS n FROM customer_rfm r JOIN customers c ON c.id = r.customer_id
          WHERE ${exportConditions(input, countParams).join(' AND ')}`,
      )
      .get(countParams.values)!.n;
  }
  const rows = sqlite
    .prepare<Record<string, string | number>, ExportRow>(
      `SELECT c.id, c.first_name AS firstName, c.last_name AS lastName, c.email, c.phone, c.country, s.name AS store,
              r.r, r.f, r.m, r.orders_count AS orders, r.spend_minor AS spend, s.currency, r.last_order_at AS lastOrderAt,
              c.marketing_consent AS marketing, c.personalization_consent AS personalization
         FROM customer_rfm r INDEXED BY customer_rfm_segment_spend
         JOIN customers c ON c.id = r.customer_id JOIN stores s ON s.id = c.store_id
        WHERE ${where.join(' AND ')}
        ORDER BY r.spend_minor DESC, r.customer_id DESC LIMIT ${input.pageSize + 1}`,
    )
    .all(params.values);
  const page = rows.slice(0, input.pageSize);
  const lines = page.map((row) => csvLine(cells(row, input.segment)));
  if (input.cursor === undefined) lines.unshift(csvLine(HEADER));
  const last = page[page.length - 1];
  const next = rows.length > input.pageSize && last
    ? `${total}.${encodeCursor(fingerprint, { keys: [last.spend], id: last.id })}`
    : null;
  return { csv: lines.join(''), rows: page.length, nextCursor: next, total };
}
