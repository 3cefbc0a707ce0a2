import type { ParsedInputOf } from '../../../shared/contract';
import { EXCEPTION_KINDS, type ExceptionKind, type ExceptionRow, type ExceptionsPage } from '../../../shared/contract/logistics';
import { daysBetween } from '../../../shared/dates';
import type { Sqlite } from '../../db/connection';
import { decodeCursor, encodeCursor, queryFingerprint } from '../orders/cursor';
import { OPEN_TICKET } from './detail';
import { FLAG_COLUMN, flaggedKinds, queueSql, type QueueScope } from './exception-kinds';
import { SHIPMENT_COLUMNS, SHIPMENT_JOINS, toShipmentRow, type SelectedShipment } from './shipment-row';

/**
 * `logistics.exceptions`: the shipments that need someone to act, newest
 * trouble first. The queue is read from the partial indexes of parcels not
 * delivered and of disputed ones (a few percent of all shipments), sorted and
 * paged with a keyset cursor; orders, customers and tickets are joined for the
 * page only.
 */
type Query = ParsedInputOf<'logistics.exceptions'>;

type Flags = Record<(typeof FLAG_COLUMN)[ExceptionKind], number>;

interface Queued extends SelectedShipment, Flags {
  sortKey: string;
  openTicketId: number | null;
}

const DAY_MS = 86_400_000;
const FLAGS = Object.values(FLAG_COLUMN);

function fingerprint(query: Query): string {
  const { cursor: _cursor, limit: _limit, ...rest } = query;
  return queryFingerprint(rest);
}

export function exceptionsQueue(sqlite: Sqlite, query: Query, now: Date): ExceptionsPage {
  const scope: QueueScope = { kinds: query.kinds ?? EXCEPTION_KINDS, noScanDays: query.noScanDays,
    carrier: query.carrier, storeId: query.storeId };
  const q = queueSql(sqlite, scope, now);
  let after = '';
  if (query.cursor) {
    const position = decodeCursor(query.cursor, fingerprint(query), 1);
    after = `WHERE (sortKey, id) < (${q.params.add('afterKey', position.keys[0]!)}, ${q.params.add('afterId', position.id)})`;
  }
  const listed = sqlite
    .prepare<Record<string, string | number>, Queued>(
      `${q.withFlagged},
       page AS (SELECT * FROM flagged ${after} ORDER BY sortKey DESC, id DESC LIMIT ${query.limit + 1})
       SELECT ${SHIPMENT_COLUMNS}, page.sortKey, ${FLAGS.map((c) => `page.${c}`).join(', ')},
              (SELECT min(t.id) FROM tickets t WHERE t.shipment_id = s.id AND ${OPEN_TICKET}) AS openTicketId
         FROM page CROSS JOIN shipments s ON s.id = page.id ${SHIPMENT_JOINS}
        ORDER BY page.sortKey DESC, page.id DESC`,
    )
    .all(q.params.values);
  const rows = listed.slice(0, query.limit);
  const last = rows[rows.length - 1];
  const nextCursor =
    listed.length > query.limit && last ? encodeCursor(fingerprint(query), { keys: [last.sortKey], id: last.id }) : null;
  return {
    rows: rows.map((r) => toExceptionRow(r, now)),
    nextCursor,
    counts: countByKind(sqlite, { ...scope, kinds: EXCEPTION_KINDS }, now),
  };
}

function toExceptionRow(r: Queued, now: Date): ExceptionRow {
  const kinds = flaggedKinds(r);
  const today = now.toISOString().slice(0, 10);
  const estimate = r.originalEstimatedDeliveryAt ?? r.estimatedDeliveryAt;
  const lastScan = r.lastEventAt ?? r.shippedAt;
  return {
    ...toShipmentRow(r),
    kinds,
    daysLate: kinds.includes('late') && estimate ? daysBetween(estimate.slice(0, 10), today) : null,
    daysSinceScan: kinds.includes('no_scan') && lastScan ? Math.floor((now.getTime() - Date.parse(lastScan)) / DAY_MS) : null,
    openTicketId: r.openTicketId,
  };
}

const sums = (column = '') => FLAGS.map((c) => `coalesce(sum(${c}), 0) AS ${c}`).join(', ') + column;

/** Shipments in the queue by kind (one shipment may count under several), within the scope's filters. */
export function countByKind(sqlite: Sqlite, scope: QueueScope, now: Date): Record<ExceptionKind, number> {
  const q = queueSql(sqlite, scope, now);
  const row = sqlite
    .prepare<Record<string, string | number>, Flags>(`${q.withFlagged} SELECT ${sums()} FROM flagged`)
    .get(q.params.values)!;
  return Object.fromEntries(EXCEPTION_KINDS.map((k) => [k, row[FLAG_COLUMN[k]]])) as Record<ExceptionKind, number>;
}

/** Current exceptions by kind per carrier (for the dashboard), largest first. */
export function exceptionsByCarrier(
  sqlite: Sqlite, scope: Omit<QueueScope, 'kinds'>, now: Date,
): { carrier: string; counts: Partial<Record<ExceptionKind, number>>; total: number }[] {
  const q = queueSql(sqlite, { ...scope, kinds: EXCEPTION_KINDS }, now);
  const rows = sqlite
    .prepare<Record<string, string | number>, Flags & { carrier: string; total: number }>(
      `${q.withFlagged}
       SELECT carrier, ${sums(', count(*) AS total')} FROM flagged GROUP BY carrier ORDER BY total DESC, carrier`,
    )
    .all(q.params.values);
  return rows.map((r) => ({
    carrier: r.carrier,
    total: r.total,
    counts: Object.fromEntries(EXCEPTION_KINDS.filter((k) => r[FLAG_COLUMN[k]] > 0).map((k) => [k, r[FLAG_COLUMN[k]]])),
  }));
}
