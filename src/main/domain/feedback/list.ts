import type { FeedbackItem } from '../../../shared/contract/feedback';
import type { ParsedInputOf } from '../../../shared/contract';
import { addDays } from '../../../shared/dates';
import type { Sqlite } from '../../db/connection';
import { decodeCursor, encodeCursor, queryFingerprint } from '../orders/cursor';
import { SqlParams } from '../orders/sql-params';
import { ITEM_COLUMNS, ITEM_JOINS, toFeedbackItem, type ItemRow } from './item';

/**
 * `feedback.list`: the inbox, newest first, one keyset page at a time
 * (created_at, id). The walk goes down feedback_created (or
 * feedback_customer / feedback_product when one is filtered on) and stops
 * after a page; the other filters are checks on each row it passes.
 */
type ListInput = ParsedInputOf<'feedback.list'>;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function conditions(input: ListInput, params: SqlParams): string[] {
  const where: string[] = [];
  if (input.source) where.push(params.in('f.source', 'source', input.source));
  if (input.sentiment) where.push(params.in('f.sentiment', 'sentiment', input.sentiment));
  if (input.status) where.push(params.in('f.status', 'status', input.status));
  if (input.topic) where.push(`EXISTS (SELECT 1 FROM json_each(f.topics) t WHERE t.value = ${params.add('topic', input.topic)})`);
  if (input.productId !== undefined) where.push(`f.product_id = ${params.add('product', input.productId)}`);
  if (input.customerId !== undefined) where.push(`f.customer_id = ${params.add('customer', input.customerId)}`);
  if (input.range?.from) where.push(`f.created_at >= ${params.add('from', input.range.from)}`);
  if (input.range?.to) where.push(`f.created_at < ${params.add('to', addDays(input.range.to, 1))}`);
  if (input.search) {
    const pattern = params.add('search', likePattern(input.search));
    where.push(`(f.title LIKE ${pattern} ESCAPE '\\' OR f.body LIKE ${pattern} ESCAPE '\\'
      OR c.email LIKE ${pattern} ESCAPE '\\' OR (coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) LIKE ${pattern} ESCAPE '\\')`);
  }
  return where;
}

export function listFeedback(input: ListInput, sqlite: Sqlite): { rows: FeedbackItem[]; nextCursor: string | null } {
  const { cursor, limit, ...query } = input;
  const fingerprint = queryFingerprint(query);
  const params = new SqlParams();
  const where = conditions(input, params);
  if (cursor) {
    const position = decodeCursor(cursor, fingerprint, 1);
    const at = params.add('at', position.keys[0] as string);
    where.push(`(f.created_at < ${at} OR (f.created_at = ${at} AND f.id < ${params.add('id', position.id)}))`);
  }
  const sql = `SELECT ${ITEM_COLUMNS} FROM feedback f ${ITEM_JOINS}
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY f.created_at DESC, f.id DESC LIMIT ${params.add('limit', limit + 1)}`;
  const found = sqlite.prepare(sql).all(params.values) as ItemRow[];
  const page = found.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = found.length > limit && last ? encodeCursor(fingerprint, { keys: [last.createdAt], id: last.id }) : null;
  return { rows: page.map(toFeedbackItem), nextCursor };
}
