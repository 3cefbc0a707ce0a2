import type { ParsedInputOf } from '../../../shared/contract';
import type { TicketPage, TicketSortKey } from '../../../shared/contract/tickets';
import type { Sqlite } from '../../db/connection';
import { decodeCursor, encodeCursor, queryFingerprint, type SortKeyValue } from '../orders/cursor';
import { SqlParams } from '../orders/sql-params';
import { DUE_KEY, QUEUE_INDEX, breachingBefore, queueCondition } from './queues';
import { loadSlaPolicy } from './sla/clock';
import { TICKET_ROW_COLUMNS, TICKET_ROW_JOINS, toTicketRow, type TicketRowRecord } from './ticket-row';

/**
 * `tickets.list`: one keyset page of a queue. The default order (earliest
 * deadline first, no deadline last) walks the queue's own partial index from
 * migration 0009 and stops after a page; other orders sort the queue, which
 * holds open tickets only (thousands, not the whole table), by id and sort key
 * alone before joining names to the page. "All open" with a status filter
 * lists past tickets too, walking the whole-table sort indexes of 0009.
 */
type ListQuery = ParsedInputOf<'tickets.list'>;
type Filter = NonNullable<ListQuery['filter']>;

const PRIORITY_RANK = `CASE t.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END`;

/** Sort expressions before the id tie-breaker; descending deadlines still put "no deadline" last. */
function sortKeys(by: TicketSortKey, direction: 'asc' | 'desc', pastTickets: boolean): string[] {
  switch (by) {
    case 'slaDue':
      // Past tickets mostly have no deadline left: one key both ways, so tickets_due_all serves either.
      return [direction === 'asc' || pastTickets ? DUE_KEY : `ifnull(t.sla_due_at, '')`];
    case 'updated':
      return ['t.updated_at'];
    case 'created':
      return ['t.created_at'];
    case 'priority':
      // urgent → low ascending; within a priority, the earliest deadline first
      return [PRIORITY_RANK, DUE_KEY];
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

export function filterConditions(filter: Filter, params: SqlParams): string[] {
  const where: string[] = [];
  if (filter.status) where.push(params.in('t.status', 'status', filter.status));
  if (filter.priority) where.push(params.in('t.priority', 'priority', filter.priority));
  if (filter.channel) where.push(params.in('t.channel', 'channel', filter.channel));
  if (filter.assigneeId) {
    const ids = filter.assigneeId.filter((id): id is number => id !== null);
    const parts = [
      ...(ids.length > 0 ? [params.in('t.assignee_id', 'assignee', ids)] : []),
      ...(filter.assigneeId.includes(null) ? ['t.assignee_id IS NULL'] : []),
    ];
    where.push(`(${parts.join(' OR ')})`);
  }
  if (filter.tag) {
    where.push(`EXISTS (SELECT 1 FROM json_each(t.tags) j WHERE ${params.in('j.value', 'tag', filter.tag)})`);
  }
  if (filter.customerId !== undefined) where.push(`t.customer_id = ${params.add('customer', filter.customerId)}`);
  if (filter.orderId !== undefined) where.push(`t.order_id = ${params.add('order', filter.orderId)}`);
  if (filter.search) where.push(searchCondition(filter.search, params));
  return where;
}

/** "#123" finds ticket 123; anything else matches subject, customer name or e-mail, or order number. */
function searchCondition(search: string, params: SqlParams): string {
  const byId = /^#(\d{1,12})$/.exec(search);
  if (byId) return `t.id = ${params.add('ticket', Number(byId[1]))}`;
  const like = params.add('search', `%${escapeLike(search)}%`);
  const fields = ['t.subject', 'c.first_name', 'c.last_name', 'c.email', 'o.order_number',
    `coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')`];
  return `(${fields.map((f) => `${f} LIKE ${like} ESCAPE '\\'`).join(' OR ')})`;
}

type ListedTicket = TicketRowRecord & Record<`k${number}`, SortKeyValue>;

/** The statement for one page, exported so the plan tests see exactly what runs. */
export function pageStatement(sqlite: Sqlite, query: ListQuery, now: Date): { sql: string; params: SqlParams } {
  const params = new SqlParams();
  const filter = query.filter ?? {};
  const pastTickets = listsPastTickets(query);
  // A customer's or an order's past tickets come through the same operation.
  const where = pastTickets
    ? ['t.merged_into_id IS NULL']
    : [queueCondition(query.queue, params, { staffId: query.staffId, breachingBefore: breachingBefore(sqlite, now) })];
  // Pinned: with other orders than the default, the planner may prefer scanning the whole
  // table to sorting a partial index's rows, not knowing how few of them are open.
  const from = pastTickets ? 'tickets t' : `tickets t INDEXED BY ${QUEUE_INDEX[query.queue]}`;
  where.push(...filterConditions(filter, params));
  const keys = sortKeys(query.sort.by, query.sort.direction, pastTickets);
  const dir = query.sort.direction === 'desc' ? 'DESC' : 'ASC';
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor, fingerprint(query), keys.length);
    const bound = [...after.keys.map((k) => params.add('afterKey', k)), params.add('afterId', after.id)];
    // The row value says exactly where to resume; the plain bound on the first key lets
    // SQLite start the index walk there (it does not derive a range from a row value over expressions).
    where.push(`${keys[0]} ${dir === 'DESC' ? '<=' : '>='} ${bound[0]}`);
    where.push(`(${keys.join(', ')}, t.id) ${dir === 'DESC' ? '<' : '>'} (${bound.join(', ')})`);
  }
  // The page is chosen first (ids and sort keys only, joining customers and orders only to
  // search them); names and numbers are then joined for its rows alone, not for every open
  // ticket a sort other than the index's own has to look at.
  const joinsForSearch = filter.search ? TICKET_ROW_JOINS : '';
  const sql = `SELECT ${TICKET_ROW_COLUMNS}, ${keys.map((_, i) => `page.k${i}`).join(', ')}
    FROM (SELECT t.id, ${keys.map((k, i) => `${k} AS k${i}`).join(', ')}
            FROM ${from} ${joinsForSearch}
           WHERE ${where.join(' AND ')}
           ORDER BY ${[...keys, 't.id'].map((k) => `${k} ${dir}`).join(', ')}
           LIMIT ${query.limit + 1}) page
    CROSS JOIN tickets t ON t.id = page.id ${TICKET_ROW_JOINS}
   ORDER BY ${[...keys.map((_, i) => `page.k${i}`), 'page.id'].map((k) => `${k} ${dir}`).join(', ')}`;
  return { sql, params };
}

/** "All open" with an explicit status filter lists exactly those statuses, solved and closed included. */
function listsPastTickets(query: ListQuery): boolean {
  return query.queue === 'all_open' && query.filter?.status !== undefined;
}

function fingerprint(query: ListQuery): string {
  return queryFingerprint([query.queue, query.staffId ?? null, query.filter ?? null, query.sort]);
}

export function listTickets(sqlite: Sqlite, query: ListQuery, now: Date): TicketPage {
  const { sql, params } = pageStatement(sqlite, query, now);
  const listed = sqlite.prepare<Record<string, string | number>, ListedTicket>(sql).all(params.values);
  const page = listed.slice(0, query.limit);
  const last = page[page.length - 1];
  const keyCount = sortKeys(query.sort.by, query.sort.direction, listsPastTickets(query)).length;
  const nextCursor = listed.length > query.limit && last
    ? encodeCursor(fingerprint(query), {
      keys: Array.from({ length: keyCount }, (_, i) => last[`k${i}`] as SortKeyValue),
      id: last.id,
    })
    : null;
  const { warningMinutes } = loadSlaPolicy(sqlite);
  return { rows: page.map((row) => toTicketRow(row, now, warningMinutes)), nextCursor };
}
