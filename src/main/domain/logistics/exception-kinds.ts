import { EXCEPTION_KINDS, type ExceptionKind } from '../../../shared/contract/logistics';
import type { Sqlite } from '../../db/connection';
import { SqlParams } from '../orders/sql-params';
import { indexHint } from './index-hint';

/**
 * What puts a shipment in the exceptions queue, as SQL over `shipments s`:
 * - late: not delivered, and today is past the day of its ORIGINAL estimate
 *   (the estimate it was sold with, not one the carrier moved later; the
 *   current one when there never was another);
 * - attempt_fail: the carrier tried and nobody was there;
 * - exception: lost, damaged, returned to sender (Exception) or gone silent for good (Expired);
 * - no_scan: still moving (InfoReceived, InTransit, OutForDelivery) but not
 *   scanned for more than `noScanDays` (since it shipped when never scanned);
 * - disputed: the customer says a delivered parcel never came (until resolved).
 * Shipments the platform no longer lists (removed_remotely_at) are left out.
 */
const CONDITIONS: Record<ExceptionKind, string> = {
  late: "s.delivered_at IS NULL AND s.status <> 'Delivered' AND coalesce(s.original_estimated_delivery_at, s.estimated_delivery_at) < @today",
  attempt_fail: "s.status = 'AttemptFail'",
  exception: "s.status IN ('Exception','Expired')",
  no_scan: "s.status IN ('InfoReceived','InTransit','OutForDelivery') AND coalesce(s.last_event_at, s.shipped_at) < @scanCutoff",
  disputed: 's.disputed_at IS NOT NULL',
};

/** Column aliases of the flags in a queue statement. */
export const FLAG_COLUMN = {
  late: 'isLate', attempt_fail: 'isAttemptFail', exception: 'isException', no_scan: 'isNoScan', disputed: 'isDisputed',
} as const satisfies Record<ExceptionKind, string>;

/** Newest first: the latest thing that happened to the parcel: a dispute, else its last scan, else shipping or the label. */
const ACTIVITY_KEY = "max(coalesce(s.disputed_at, ''), coalesce(s.last_event_at, s.shipped_at, s.created_at))";

export interface QueueScope {
  kinds: readonly ExceptionKind[];
  noScanDays: number;
  carrier?: string[];
  country?: string;
  storeId?: number;
}

export interface QueueSql {
  /**
   * `WITH flagged AS (…)`: every shipment in the queue for the scope's kinds,
   * once, as (id, sortKey, carrier, one 0/1 column per kind — all five, so a
   * late parcel that is also lost says both).
   */
  withFlagged: string;
  params: SqlParams;
}

const DAY_MS = 86_400_000;

export function queueSql(sqlite: Sqlite, scope: QueueScope, now: Date): QueueSql {
  const params = new SqlParams();
  params.values.today = now.toISOString().slice(0, 10);
  params.values.scanCutoff = new Date(now.getTime() - scope.noScanDays * DAY_MS).toISOString();
  const filters = ['s.removed_remotely_at IS NULL'];
  if (scope.carrier) filters.push(params.in('s.carrier', 'carrier', scope.carrier));
  if (scope.country) filters.push(`s.destination_country = ${params.add('country', scope.country.toUpperCase())}`);
  if (scope.storeId !== undefined) filters.push(`s.store_id = ${params.add('store', scope.storeId)}`);
  const kinds = EXCEPTION_KINDS.filter((k) => scope.kinds.includes(k));
  const columns = `s.id, ${ACTIVITY_KEY} AS sortKey, s.carrier,
    ${EXCEPTION_KINDS.map((k) => `(${CONDITIONS[k]}) AS ${FLAG_COLUMN[k]}`).join(', ')}`;
  const anyKind = `(${kinds.map((k) => `(${CONDITIONS[k]})`).join(' OR ')})`;
  // Every kind but disputed is a parcel not delivered: one small partial index holds them all, with
  // every column tested here. Disputed parcels are delivered ones, from their own index; the two never overlap.
  const arms = [
    `SELECT ${columns} FROM shipments s ${indexHint(sqlite, 'shipments_open_queue')}
      WHERE s.status <> 'Delivered' AND ${anyKind} AND ${filters.join(' AND ')}`,
  ];
  if (kinds.includes('disputed')) {
    arms.push(`SELECT ${columns} FROM shipments s ${indexHint(sqlite, 'shipments_disputed')}
      WHERE s.disputed_at > '' AND s.status = 'Delivered' AND ${filters.join(' AND ')}`);
  }
  return { withFlagged: `WITH flagged AS (${arms.join(' UNION ALL ')})`, params };
}

export function flaggedKinds(row: { [C in (typeof FLAG_COLUMN)[ExceptionKind]]: number }): ExceptionKind[] {
  return EXCEPTION_KINDS.filter((k) => row[FLAG_COLUMN[k]] === 1);
}
