import type { OrderShipment } from '../../../../shared/contract';

/** Carrier statuses that mean the parcel will not arrive as promised without someone stepping in. */
const FAILED = new Set(['Exception', 'AttemptFail']);

export type ShipmentTrouble = 'late' | 'failed';

/**
 * Why a shipment deserves a ticket, or null when it does not: the carrier
 * reported a failure, or it is still on its way after the date first promised
 * (the carrier's moved estimate does not make a late parcel on time).
 */
export function shipmentTrouble(
  shipment: Pick<OrderShipment, 'status' | 'deliveredAt' | 'originalEstimatedDeliveryAt'>,
  now: Date,
): ShipmentTrouble | null {
  if (FAILED.has(shipment.status)) return 'failed';
  if (shipment.deliveredAt !== null || shipment.status === 'Delivered') return null;
  const promised = shipment.originalEstimatedDeliveryAt === null ? NaN : Date.parse(shipment.originalEstimatedDeliveryAt);
  return promised < now.getTime() ? 'late' : null;
}
