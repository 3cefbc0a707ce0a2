import type { CustomerTimelineItem, CustomerTimelineKind, CustomerTimelinePage } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';

/**
 * One timeline per customer: orders, tickets, returns, feedback, points
 * entries and audited changes, newest first. Each source is read through its
 * (customer, time) index for at most `limit + 1` rows before the cursor and
 * the sources are merged here, so a page costs six short index walks however
 * long the history. Ties in time are broken by kind, then id, so the cursor
 * (time, kind, id) names one position exactly.
 */
const RANK: Record<CustomerTimelineKind, number> = { order: 1, ticket: 2, return: 3, feedback: 4, points: 5, audit: 6 };

interface Source {
  kind: CustomerTimelineKind;
  /** SELECT … FROM … WHERE <customer> with `@c`; `at` and `id` columns; must be ordered by `atColumn`. */
  sql: string;
  atColumn: string;
  idColumn: string;
  toItem(row: Record<string, unknown>): CustomerTimelineItem;
}

type Row = Record<string, unknown>;
const str = (v: unknown) => v as string;
const num = (v: unknown) => v as number;
const nullable = <T>(v: unknown) => (v ?? null) as T | null;

const SOURCES: Source[] = [
  {
    kind: 'order', atColumn: 'placed_at', idColumn: 'id',
    sql: `SELECT id, placed_at AS at, order_number, status, financial_status, currency, total_minor, refunded_minor
            FROM orders WHERE customer_id = @c`,
    toItem: (r: Row) => ({ kind: 'order', id: num(r.id), at: str(r.at), orderNumber: str(r.order_number),
      status: str(r.status), financialStatus: str(r.financial_status), currency: str(r.currency),
      totalMinor: num(r.total_minor), refundedMinor: num(r.refunded_minor) }),
  },
  {
    kind: 'ticket', atColumn: 'created_at', idColumn: 'id',
    sql: `SELECT id, created_at AS at, subject, status, channel, priority, order_id FROM tickets
           INDEXED BY tickets_customer_created WHERE customer_id = @c`,
    toItem: (r: Row) => ({ kind: 'ticket', id: num(r.id), at: str(r.at), subject: str(r.subject), status: str(r.status),
      channel: str(r.channel), priority: str(r.priority), orderId: nullable<number>(r.order_id) }),
  },
  {
    kind: 'return', atColumn: 'requested_at', idColumn: 'id',
    sql: `SELECT id, requested_at AS at, rma_number, status, reason, refund_minor, currency, order_id FROM returns
           WHERE customer_id = @c`,
    toItem: (r: Row) => ({ kind: 'return', id: num(r.id), at: str(r.at), rmaNumber: str(r.rma_number),
      status: str(r.status), reason: str(r.reason), refundMinor: nullable<number>(r.refund_minor),
      currency: str(r.currency), orderId: num(r.order_id) }),
  },
  {
    kind: 'feedback', atColumn: 'created_at', idColumn: 'id',
    sql: `SELECT id, created_at AS at, source, rating, title, body, order_id FROM feedback
           INDEXED BY feedback_customer WHERE customer_id = @c`,
    toItem: (r: Row) => ({ kind: 'feedback', id: num(r.id), at: str(r.at), source: str(r.source),
      rating: nullable<number>(r.rating), title: nullable<string>(r.title), body: nullable<string>(r.body),
      orderId: nullable<number>(r.order_id) }),
  },
  {
    kind: 'points', atColumn: 'created_at', idColumn: 'id',
    // Postings of a merge (merge-points.ts keys them "merge:…") are transfers, whatever their entry type.
    sql: `SELECT id, created_at AS at, entry_type, points, order_id, reason, idempotency_key LIKE 'merge:%' AS via_merge
            FROM points_ledger WHERE customer_id = @c`,
    toItem: (r: Row) => ({ kind: 'points', id: num(r.id), at: str(r.at), entryType: str(r.entry_type),
      points: num(r.points), orderId: nullable<number>(r.order_id), reason: nullable<string>(r.reason),
      viaMerge: r.via_merge === 1 }),
  },
  {
    kind: 'audit', atColumn: 'a.at', idColumn: 'a.id',
    sql: `SELECT a.id, a.at AS at, a.action, a.detail, a.staff_id, s.name AS staff_name
            FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id
           WHERE a.entity_type = 'customer' AND a.entity_id = @c`,
    toItem: (r: Row) => ({ kind: 'audit', id: num(r.id), at: str(r.at), action: str(r.action),
      staff: r.staff_id == null ? null : { id: num(r.staff_id), name: str(r.staff_name ?? '') },
      detail: JSON.parse(str(r.detail)) as Record<string, unknown> }),
  },
];

interface Position {
  at: string;
  rank: number;
  id: number;
}

export function encodeBefore(item: CustomerTimelineItem): string {
  return Buffer.from(JSON.stringify([item.at, RANK[item.kind], item.id]), 'utf8').toString('base64url');
}

function decodeBefore(before: string): Position {
  try {
    const [at, rank, id] = JSON.parse(Buffer.from(before, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && Number.isInteger(rank) && Number.isInteger(id)) {
      return { at, rank: rank as number, id: id as number };
    }
  } catch {
    // falls through to the sentence below
  }
  throw new AppError('VALIDATION', 'The request is not valid: `before` is not a position this timeline gave out.');
}

function beforeCondition(source: Source, before: Position): string {
  const rank = RANK[source.kind];
  const tie = rank < before.rank ? '1' : rank > before.rank ? '0' : `${source.idColumn} < @id`;
  return `AND (${source.atColumn} < @at OR (${source.atColumn} = @at AND ${tie}))`;
}

function newestFirst(a: CustomerTimelineItem, b: CustomerTimelineItem): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.kind !== b.kind) return RANK[b.kind] - RANK[a.kind];
  return b.id - a.id;
}

export function customerTimeline(sqlite: Sqlite, customerId: number, limit: number, before?: string): CustomerTimelinePage {
  const position = before === undefined ? undefined : decodeBefore(before);
  const items: CustomerTimelineItem[] = [];
  for (const source of SOURCES) {
    const sql = `${source.sql} ${position ? beforeCondition(source, position) : ''}
      ORDER BY ${source.atColumn} DESC, ${source.idColumn} DESC LIMIT ${limit + 1}`;
    const params: Record<string, string | number> = { c: customerId };
    if (position) {
      params.at = position.at;
      if (RANK[source.kind] === position.rank) params.id = position.id;
    }
    for (const row of sqlite.prepare<Record<string, string | number>, Row>(sql).all(params)) items.push(source.toItem(row));
  }
  items.sort(newestFirst);
  const page = items.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page, nextBefore: items.length > limit && last ? encodeBefore(last) : null };
}
