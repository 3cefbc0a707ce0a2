import type { ShipmentRow, ShipmentStatus } from '../../../shared/contract/logistics';
import { customerName } from '../orders/list';
import { trackingUrlFor } from './tracking-links';

/**
 * One shipment as every logistics list shows it. The columns are selected from
 * `shipments s JOIN orders o LEFT JOIN customers c`; statements add their own
 * extra columns (sort keys, exception flags) beside these.
 */
export const SHIPMENT_COLUMNS = `s.id, s.order_id AS orderId, o.order_number AS orderNumber, o.customer_id AS customerId,
  c.first_name AS firstName, c.last_name AS lastName, s.carrier, s.service, s.tracking_number AS trackingNumber,
  s.tracking_url AS platformTrackingUrl, s.status, s.sub_status AS subStatus,
  s.destination_country AS destinationCountry, s.destination_region AS destinationRegion, s.shipped_at AS shippedAt,
  s.original_estimated_delivery_at AS originalEstimatedDeliveryAt, s.estimated_delivery_at AS estimatedDeliveryAt,
  s.delivered_at AS deliveredAt, s.last_event_at AS lastEventAt, s.disputed_at AS disputedAt`;

/** Joins that SHIPMENT_COLUMNS reads from, after `shipments s`. */
export const SHIPMENT_JOINS = `JOIN orders o ON o.id = s.order_id
  LEFT JOIN customers c ON c.id = o.customer_id`;

export interface SelectedShipment {
  id: number;
  orderId: number;
  orderNumber: string;
  customerId: number | null;
  firstName: string | null;
  lastName: string | null;
  carrier: string;
  service: string | null;
  trackingNumber: string | null;
  platformTrackingUrl: string | null;
  status: ShipmentStatus;
  subStatus: string | null;
  destinationCountry: string | null;
  destinationRegion: string | null;
  shippedAt: string | null;
  originalEstimatedDeliveryAt: string | null;
  estimatedDeliveryAt: string | null;
  deliveredAt: string | null;
  lastEventAt: string | null;
  disputedAt: string | null;
}

export function toShipmentRow(r: SelectedShipment): ShipmentRow {
  return {
    id: r.id,
    orderId: r.orderId,
    orderNumber: r.orderNumber,
    customerId: r.customerId,
    customerName: customerName(r.firstName, r.lastName),
    carrier: r.carrier,
    service: r.service,
    trackingNumber: r.trackingNumber,
    trackingUrl: trackingUrlFor(r.platformTrackingUrl, r.carrier, r.trackingNumber),
    status: r.status,
    subStatus: r.subStatus,
    destinationCountry: r.destinationCountry,
    destinationRegion: r.destinationRegion,
    shippedAt: r.shippedAt,
    originalEstimatedDeliveryAt: r.originalEstimatedDeliveryAt,
    estimatedDeliveryAt: r.estimatedDeliveryAt,
    deliveredAt: r.deliveredAt,
    lastEventAt: r.lastEventAt,
    disputedAt: r.disputedAt,
  };
}
