import type { Sqlite } from '../../../db/connection';
import type { FollowRequest } from './provider';

/**
 * Which shipments the provider follows and which it should. A shipment is
 * followed while it is on its way: one Delivered or Expired is never asked
 * about again. Demo stores stay local (as with the outbox): their tracking
 * numbers are made up, and following them would cost the merchant trackings.
 */

/** The statuses of a parcel still on its way (the shipments_status index serves an IN list). */
const MOVING = `('Pending','InfoReceived','InTransit','OutForDelivery','AttemptFail','AvailableForPickup','Exception')`;
const TERMINAL_STATUSES = new Set(['Delivered', 'Expired']);

export const isTerminal = (status: string): boolean => TERMINAL_STATUSES.has(status);

/** A number the provider refused is asked about again after a day (the carrier may not have scanned it yet). */
export const REFUSED_RETRY_MS = 24 * 60 * 60_000;

/**
 * Only parcels shipped in the last 90 days are followed unasked: an older one
 * the marketplace never marked delivered is almost always delivered long ago,
 * and each tracking created counts against the merchant's AfterShip plan.
 * (A merchant can still ask about any one by refreshing it.)
 */
export const FOLLOW_WINDOW_MS = 90 * 24 * 60 * 60_000;

interface CandidateRow {
  shipmentId: number;
  trackingNumber: string;
  carrier: string;
  orderNumber: string;
  destinationCountry: string | null;
  shippedAt: string | null;
}

const CANDIDATE_COLUMNS = `s.id AS shipmentId, s.tracking_number AS trackingNumber, s.carrier, o.order_number AS orderNumber,
  s.destination_country AS destinationCountry, s.shipped_at AS shippedAt`;

/** Shipments on their way with a tracking number that the provider does not follow yet, newest first. */
export function shipmentsToFollow(sqlite: Sqlite, nowIso: string, limit: number): FollowRequest[] {
  const retryBefore = new Date(Date.parse(nowIso) - REFUSED_RETRY_MS).toISOString();
  const shippedSince = new Date(Date.parse(nowIso) - FOLLOW_WINDOW_MS).toISOString();
  return sqlite
    .prepare<[string, string, number], CandidateRow>(
      `SELECT ${CANDIDATE_COLUMNS}
       FROM shipments s
       JOIN stores st ON st.id = s.store_id AND st.platform <> 'demo'
       JOIN orders o ON o.id = s.order_id
       WHERE s.status IN ${MOVING} AND s.tracking_number IS NOT NULL AND trim(s.tracking_number) <> ''
         AND NOT EXISTS (SELECT 1 FROM tracking_follows f WHERE f.shipment_id = s.id)
         AND (s.tracking_error IS NULL OR s.tracking_checked_at IS NULL OR s.tracking_checked_at < ?)
         AND coalesce(s.shipped_at, s.created_at) >= ?
       ORDER BY s.shipped_at DESC, s.id DESC
       LIMIT ?`,
    )
    .all(retryBefore, shippedSince, limit);
}

export interface ChosenShipment extends FollowRequest {
  status: string;
  remoteId: string | null;
  isDemo: boolean;
}

/** The shipments a merchant asked about by id, with what the provider knows of them. */
export function chosenShipments(sqlite: Sqlite, ids: readonly number[]): ChosenShipment[] {
  return sqlite
    .prepare<[string], CandidateRow & { status: string; remoteId: string | null; isDemo: 0 | 1; trackingNumber: string | null }>(
      `SELECT ${CANDIDATE_COLUMNS}, s.status, f.remote_id AS remoteId, (st.platform = 'demo') AS isDemo
       FROM shipments s
       JOIN stores st ON st.id = s.store_id
       JOIN orders o ON o.id = s.order_id
       LEFT JOIN tracking_follows f ON f.shipment_id = s.id
       WHERE s.id IN (SELECT value FROM json_each(?))
       ORDER BY s.id`,
    )
    .all(JSON.stringify(ids))
    .map((row) => ({ ...row, trackingNumber: row.trackingNumber ?? '', isDemo: row.isDemo === 1 }));
}

/** Where the next "updated since" listing starts: the newest provider time applied (null: nothing followed yet). */
export function newestRemoteUpdate(sqlite: Sqlite, provider: string): string | null {
  return sqlite
    .prepare<[string], { at: string | null }>('SELECT max(remote_updated_at) AS at FROM tracking_follows WHERE provider = ?')
    .get(provider)?.at ?? null;
}

/** Our shipments behind these provider ids (a listing also holds trackings that are not Backroom's; one parcel may be two shipments). */
export function shipmentsByRemoteId(sqlite: Sqlite, provider: string, remoteIds: readonly string[]): Map<string, number[]> {
  const rows = sqlite
    .prepare<[string, string], { remoteId: string; shipmentId: number }>(
      `SELECT remote_id AS remoteId, shipment_id AS shipmentId FROM tracking_follows
       WHERE provider = ? AND remote_id IN (SELECT value FROM json_each(?))`,
    )
    .all(provider, JSON.stringify(remoteIds));
  const byRemoteId = new Map<string, number[]>();
  for (const row of rows) byRemoteId.set(row.remoteId, [...(byRemoteId.get(row.remoteId) ?? []), row.shipmentId]);
  return byRemoteId;
}
