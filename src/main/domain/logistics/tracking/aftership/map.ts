import { SHIPMENT_STATUSES, type ShipmentStatus } from '../../../../../shared/contract/logistics';
import type { ProviderCheckpoint, ProviderTracking } from '../provider';
import type { AfterShipCheckpoint, AfterShipTracking } from './types';

/**
 * AfterShip's tracking object in Backroom's terms. AfterShip's tags are
 * Backroom's statuses (the contract took its taxonomy from them); its subtags
 * (InTransit_003, Exception_011…) are the sub-status as they come.
 */

const STATUSES = new Set<string>(SHIPMENT_STATUSES);
const isStatus = (tag: unknown): tag is ShipmentStatus => typeof tag === 'string' && STATUSES.has(tag);

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/;

/** Date.parse rolls 30 February over into March; a day that does not exist is not a date. */
function realDay(day: string): boolean {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
}

/**
 * AfterShip's dates come as 'YYYY-MM-DD', local 'YYYY-MM-DDTHH:mm:ss' or with
 * a zone. A zone is honoured; a date or a local time without one is the
 * carrier's own calendar, kept as written (read as UTC) so the day the
 * carrier promised or delivered is the day Backroom counts.
 */
export function utcFromAfterShip(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const value = text.trim();
  if (DATE_ONLY.test(value)) return realDay(value) ? `${value}T00:00:00.000Z` : null;
  const match = DATE_TIME.exec(value);
  if (!match || !realDay(match[1]!.slice(0, 10))) return null;
  const zone = match[2];
  const normalizedZone = zone === undefined ? 'Z' : zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const ms = Date.parse(`${match[1]}${normalizedZone}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function place(c: AfterShipCheckpoint): string | null {
  if (c.location && c.location.trim()) return c.location.trim();
  const parts = [c.city, c.state, c.country_region_name ?? c.country_region].filter((p): p is string => !!p && p.trim() !== '');
  return parts.length > 0 ? parts.join(', ') : null;
}

export function mapCheckpoint(c: AfterShipCheckpoint): ProviderCheckpoint | null {
  const occurredAt = utcFromAfterShip(c.checkpoint_time);
  if (!occurredAt || !isStatus(c.tag)) return null;
  return {
    occurredAt,
    status: c.tag,
    subStatus: c.subtag || null,
    location: place(c),
    message: c.message?.trim() || c.subtag_message?.trim() || null,
  };
}

/** The provider's current estimate: its combined latest one, else the carrier's, else AfterShip's AI, else the merchant's rules. */
function currentEstimate(t: AfterShipTracking): string | null {
  const candidates = [
    t.latest_estimated_delivery?.datetime, t.latest_estimated_delivery?.datetime_max,
    t.courier_estimated_delivery_date?.estimated_delivery_date, t.courier_estimated_delivery_date?.estimated_delivery_date_max,
    t.aftership_estimated_delivery_date?.estimated_delivery_date, t.aftership_estimated_delivery_date?.estimated_delivery_date_max,
    t.custom_estimated_delivery_date?.estimated_delivery_date, t.custom_estimated_delivery_date?.estimated_delivery_date_max,
  ];
  for (const candidate of candidates) {
    const at = utcFromAfterShip(candidate);
    if (at) return at;
  }
  return null;
}

/** Null when the object is not a tracking Backroom can use (no id, no number, a tag outside the taxonomy). */
export function mapTracking(t: AfterShipTracking): ProviderTracking | null {
  if (!t || typeof t.id !== 'string' || !t.id || typeof t.tracking_number !== 'string' || !isStatus(t.tag)) return null;
  const checkpoints = (t.checkpoints ?? [])
    .map(mapCheckpoint)
    .filter((c): c is ProviderCheckpoint => c !== null)
    .sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
  const deliveredCheckpoint = [...checkpoints].reverse().find((c) => c.status === 'Delivered');
  return {
    remoteId: t.id,
    trackingNumber: t.tracking_number,
    slug: t.slug || null,
    status: t.tag,
    subStatus: t.subtag || null,
    updatedAt: utcFromAfterShip(t.updated_at),
    firstEstimatedDeliveryAt:
      utcFromAfterShip(t.first_estimated_delivery?.datetime) ?? utcFromAfterShip(t.first_estimated_delivery?.datetime_max),
    estimatedDeliveryAt: currentEstimate(t),
    pickedUpAt: utcFromAfterShip(t.shipment_pickup_date),
    deliveredAt: t.tag === 'Delivered'
      ? utcFromAfterShip(t.shipment_delivery_date) ?? deliveredCheckpoint?.occurredAt ?? null
      : null,
    trackingUrl: t.courier_tracking_link || null,
    checkpoints,
  };
}

/** AfterShip's courier slugs for the carriers merchants name most; anything else is left for AfterShip to detect. */
const SLUGS: Record<string, string> = {
  ups: 'ups', usps: 'usps', fedex: 'fedex', dhl: 'dhl', 'dhl express': 'dhl', 'dhl ecommerce': 'dhl-global-mail',
  'royal mail': 'royal-mail', 'canada post': 'canada-post', 'australia post': 'australia-post', dpd: 'dpd',
  'dpd uk': 'dpd-uk', gls: 'gls', evri: 'hermes', hermes: 'hermes', 'china post': 'china-post', 'sf express': 'sf-express',
  'la poste': 'la-poste-colissimo', colissimo: 'la-poste-colissimo', 'deutsche post': 'deutsch-post', postnl: 'postnl',
  'japan post': 'japan-post', 'yamato': 'taqbin-jp', 'new zealand post': 'new-zealand-post', 'correos': 'correos-spain',
  'poste italiane': 'poste-italiane', 'ontrac': 'ontrac', 'purolator': 'purolator', 'yodel': 'yodel', 'aramex': 'aramex',
};

export function slugForCarrier(carrier: string): string | undefined {
  return SLUGS[carrier.trim().toLowerCase()];
}
