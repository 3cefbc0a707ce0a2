import type { PushOutcome, QueuedItem } from '../race';
import { WooApiError, type WooClient } from './client';
import { isObject } from './fields';

/**
 * The outbox message `order.fulfillment.create` on WooCommerce. Core
 * WooCommerce has no fulfilment resource, so this follows, in order:
 *
 * 1. WooCommerce Shipment Tracking (the official extension), REST namespace
 *    wc-shipment-tracking/v3: GET/POST orders/<id>/shipment-trackings with
 *    tracking_number, date_shipped (YYYY-MM-DD) and either tracking_provider
 *    (a provider the extension knows, by name) or, when we have the parcel's
 *    link, custom_tracking_provider + custom_tracking_link.
 * 2. Without the extension (WordPress answers 404 rest_no_route for its
 *    namespace): a private order note "Shipped with <carrier>, tracking
 *    <number>" and the order meta `_backroom_tracking` (a JSON list of the
 *    parcels Backroom sent) for other tools to read.
 *
 * Neither takes an idempotency key, so the tracking number is the key: the
 * order's tracking items (1), or its notes and meta (2), are read first and a
 * number already there is not sent again. The order's line items are not sent:
 * neither resource records items per parcel.
 */
export const TRACKING_META = '_backroom_tracking';

/**
 * The client speaks /wp-json/wc/v3/<path>; the extension lives beside it at
 * /wp-json/wc-shipment-tracking/v3. URL parsing resolves the two dot segments
 * (WHATWG URL), so this reaches the extension with the client's auth and errors.
 */
const EXTENSION = '../../wc-shipment-tracking/v3';

const trackingKey = (n: string): string => n.replace(/\s+/g, '').toUpperCase();
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

interface Parcel { trackingNumber: string; carrier: string; url: string | null; shippedOn: string }

async function viaExtension(client: WooClient, orderId: string, parcel: Parcel, signal: AbortSignal): Promise<PushOutcome | null> {
  const path = `${EXTENSION}/orders/${orderId}/shipment-trackings`;
  let listed: unknown;
  try {
    listed = (await client.request('GET', path, { signal })).body;
  } catch (error) {
    if (error instanceof WooApiError && error.status === 404 && error.wooCode === 'rest_no_route') return null;
    throw error;
  }
  const key = trackingKey(parcel.trackingNumber);
  const found = Array.isArray(listed)
    ? listed.find((t) => isObject(t) && typeof t.tracking_number === 'string' && trackingKey(t.tracking_number) === key) : undefined;
  if (isObject(found)) return { ok: true, remoteId: String(found.tracking_id) };
  const provider = parcel.url
    ? { custom_tracking_provider: parcel.carrier, custom_tracking_link: parcel.url }
    : { tracking_provider: parcel.carrier };
  const created = await client.request('POST', path, {
    body: { ...provider, tracking_number: parcel.trackingNumber, date_shipped: parcel.shippedOn }, signal,
  });
  return { ok: true, remoteId: isObject(created.body) ? String(created.body.tracking_id) : undefined };
}

/** Reads the number back out of a note this file wrote. */
const NOTE_PATTERN = /^Shipped with .+, tracking (.+?)(?: \(https:\/\/\S+\))?$/;
const noteText = (p: Parcel): string => `Shipped with ${p.carrier}, tracking ${p.trackingNumber}${p.url ? ` (${p.url})` : ''}`;

async function viaNoteAndMeta(client: WooClient, orderId: string, parcel: Parcel, signal: AbortSignal): Promise<PushOutcome> {
  const key = trackingKey(parcel.trackingNumber);
  const [order, notes] = await Promise.all([
    client.request('GET', `orders/${orderId}`, { signal }),
    client.request('GET', `orders/${orderId}/notes`, { query: { type: 'internal' }, signal }),
  ]);
  const meta = isObject(order.body) && Array.isArray(order.body.meta_data)
    ? order.body.meta_data.find((m) => isObject(m) && m.key === TRACKING_META) : undefined;
  let sent: Parcel[] = [];
  try {
    const value: unknown = isObject(meta) ? (typeof meta.value === 'string' ? JSON.parse(meta.value) : meta.value) : [];
    if (Array.isArray(value)) sent = value.filter((v): v is Parcel => isObject(v) && typeof v.trackingNumber === 'string');
  } catch {
    sent = []; // someone else's value under our key: ours replaces it
  }
  const noted = Array.isArray(notes.body) && notes.body.some((n) => {
    const number = isObject(n) && typeof n.note === 'string' ? NOTE_PATTERN.exec(n.note)?.[1] : undefined;
    return number !== undefined && trackingKey(number) === key;
  });
  let noteId: string | undefined;
  if (!noted) {
    const created = await client.request('POST', `orders/${orderId}/notes`, { body: { note: noteText(parcel), customer_note: false }, signal });
    noteId = isObject(created.body) ? String(created.body.id) : undefined;
  }
  if (!sent.some((p) => trackingKey(p.trackingNumber) === key)) {
    await client.request('PUT', `orders/${orderId}`, { body: { meta_data: [{ key: TRACKING_META, value: JSON.stringify([...sent, parcel]) }] }, signal });
  }
  return { ok: true, remoteId: noteId };
}

export async function addWooTracking(client: WooClient, orderId: string, item: QueuedItem, signal: AbortSignal, now = new Date()): Promise<PushOutcome> {
  const trackingNumber = text(item.payload.trackingNumber);
  if (trackingNumber === null) return { ok: false, permanent: true, message: 'The parcel has no tracking number to send.' };
  const parcel: Parcel = { trackingNumber, carrier: text(item.payload.carrier) ?? 'Other', url: text(item.payload.trackingUrl),
    shippedOn: (text(item.payload.shippedAt) ?? now.toISOString()).slice(0, 10) };
  return (await viaExtension(client, orderId, parcel, signal)) ?? viaNoteAndMeta(client, orderId, parcel, signal);
}
