import type { ParsedInputOf } from '../../../shared/contract';
import type { ReturnRow } from '../../../shared/contract/returns';
import type { Sqlite } from '../../db/connection';
import { decodeCursor, encodeCursor, queryFingerprint } from '../orders/cursor';
import { searchCondition } from '../orders/search';
import { SqlParams } from '../orders/sql-params';
import { RETURN_ROW_COLUMNS, RETURN_ROW_FROM, toReturnRow, type StoredReturnRow } from './detail';

/**
 * `returns.list`: newest request first, one keyset page (requested_at, id).
 * The search box takes an RMA number ("RMA-000123" or "123"), an order
 * number or a customer (the orders list's own search).
 */
type ListInput = ParsedInputOf<'returns.list'>;

const RMA = /^(?:rma-?)?\s*0*(\d{1,9})$/i;

function searchWhere(sqlite: Sqlite, search: string, params: SqlParams): string | null {
  const rma = RMA.exec(search);
  const rmaCondition = rma ? `r.rma_number = ${params.add('rma', `RMA-${rma[1]!.padStart(6, '0')}`)}` : null;
  if (rma && /^rma/i.test(search)) return rmaCondition;
  const other = searchCondition(sqlite, search, params);
  if (rmaCondition && other) return `(${rmaCondition} OR ${other})`;
  return rmaCondition ?? other;
}

function conditions(sqlite: Sqlite, input: ListInput, params: SqlParams): string[] | null {
  const where: string[] = [];
  if (input.status) where.push(params.in('r.status', 'status', input.status));
  if (input.flagged !== undefined) where.push(input.flagged ? `r.policy_flags <> '[]'` : `r.policy_flags = '[]'`);
  if (input.customerId !== undefined) where.push(`r.customer_id = ${params.add('customer', input.customerId)}`);
  if (input.orderId !== undefined) where.push(`r.order_id = ${params.add('order', input.orderId)}`);
  if (input.search) {
    const search = searchWhere(sqlite, input.search, params);
    if (search === null) return null;
    where.push(search);
  }
  return where;
}

export function listReturns(sqlite: Sqlite, input: ListInput): { rows: ReturnRow[]; nextCursor: string | null } {
  const { cursor, limit, ...query } = input;
  const fingerprint = queryFingerprint(query);
  const params = new SqlParams();
  const where = conditions(sqlite, input, params);
  if (where === null) return { rows: [], nextCursor: null };
  if (cursor) {
    const after = decodeCursor(cursor, fingerprint, 1);
    const at = params.add('afterAt', after.keys[0]!);
    where.push(`(r.requested_at < ${at} OR (r.requested_at = ${at} AND r.id < ${params.add('afterId', after.id)}))`);
  }
  const rows = sqlite.prepare<Record<string, string | number>, StoredReturnRow>(
    `SELECT ${RETURN_ROW_COLUMNS} FROM ${RETURN_ROW_FROM}
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY r.requested_at DESC, r.id DESC LIMIT ${limit + 1}`,
  ).all(params.values);
  const page = rows.slice(0, limit).map(toReturnRow);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last
    ? encodeCursor(fingerprint, { keys: [last.requestedAt], id: last.id }) : null;
  return { rows: page, nextCursor };
}
