import { randomBytes } from 'node:crypto';
import { WooHttpError } from './errors';
import type { WooServerState } from './state';

/**
 * The WooCommerce Shipment Tracking extension's REST API (namespace
 * wc-shipment-tracking/v3), when a test installs it:
 *   GET  orders/<id>/shipment-trackings   the order's tracking items
 *   POST orders/<id>/shipment-trackings   tracking_number (required), date_shipped (YYYY-MM-DD, default today),
 *                                         tracking_provider, or custom_tracking_provider + custom_tracking_link
 * answering 201 with the item (tracking_id a 32-character hex string, as the
 * extension's md5 ids are). Without the extension WordPress has no such route.
 */
export interface WooShipmentTracking {
  tracking_id: string;
  tracking_provider: string;
  custom_tracking_provider: string;
  custom_tracking_link: string;
  tracking_number: string;
  date_shipped: string;
  tracking_link: string;
}

export const TRACKING_ROUTE = /^\/wp-json\/wc-shipment-tracking\/v3\/orders\/(\d+)\/shipment-trackings$/;

export function shipmentTrackings(state: WooServerState, method: string, orderId: number, body: unknown): { status: number; body: unknown } {
  if (!state.shipmentTrackingInstalled) throw new WooHttpError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
  if (!state.orders.has(orderId)) throw new WooHttpError(404, 'woocommerce_rest_order_invalid_id', 'Invalid order ID.');
  const items = state.shipmentTrackings.get(orderId) ?? [];
  if (method === 'GET') return { status: 200, body: items };
  if (method !== 'POST') throw new WooHttpError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
  const input = (body ?? {}) as Record<string, unknown>;
  if (typeof input.tracking_number !== 'string' || input.tracking_number.trim() === '') {
    throw new WooHttpError(400, 'rest_missing_callback_param', 'Missing parameter(s): tracking_number', { params: ['tracking_number'] });
  }
  const text = (name: string): string => (typeof input[name] === 'string' ? (input[name] as string) : '');
  const link = text('custom_tracking_link');
  const item: WooShipmentTracking = {
    tracking_id: randomBytes(16).toString('hex'), tracking_provider: text('tracking_provider'),
    custom_tracking_provider: text('custom_tracking_provider'), custom_tracking_link: link,
    tracking_number: input.tracking_number.trim(),
    date_shipped: text('date_shipped') || new Date(state.clock()).toISOString().slice(0, 10),
    tracking_link: link.replace('%1$s', input.tracking_number.trim()),
  };
  state.shipmentTrackings.set(orderId, [...items, item]);
  return { status: 201, body: item };
}
