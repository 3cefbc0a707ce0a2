import type { DemoContext } from './context';
import { DAY, HOUR, MINUTE, isoAt } from './time';
import { CARRIER_SERVICES, type Country, type Place } from './vocabulary';

/** What went wrong on the way, if anything; tickets and refunds react to it. */
export type DeliveryProblem = 'late' | 'exception' | 'attempt_fail' | 'expired' | null;

export interface ShipmentOutcome {
  /** False when the order has not been fulfilled yet (no label by `now`). */
  fulfilled: boolean;
  deliveredMs: number | null;
  problem: DeliveryProblem;
  /** When the problem became visible to the customer. */
  problemMs: number;
  lastEventMs: number;
}

const NOT_FULFILLED: ShipmentOutcome = {
  fulfilled: false, deliveredMs: null, problem: null, problemMs: 0, lastEventMs: 0,
};
const WAREHOUSE = 'Toronto, ON';
const HUB = 'Sorting facility';

/** Closed lists of what scans and shipments say, for columns bound as codes (see bulk-insert.ts). */
export const SHIPMENT_STATUSES = ['Pending', 'InfoReceived', 'InTransit', 'OutForDelivery', 'AttemptFail',
  'Delivered', 'AvailableForPickup', 'Exception', 'Expired'];
export const SHIPMENT_SUB_STATUSES = ['InTransit_Delayed', 'Exception_Lost', 'Exception_Damaged', 'AttemptFail_NoOneHome'];
const MESSAGE = {
  label: 'Shipping label created', pickedUp: 'Picked up by carrier', delayed: 'Delayed in transit; new delivery estimate',
  lost: 'Parcel cannot be located', damaged: 'Parcel damaged in transit', attempt: 'Delivery attempted; nobody available',
  silent: 'No tracking updates for 30 days', pickup: 'Ready for pickup at the post office', out: 'Out for delivery',
  delivered: 'Delivered', collected: 'Picked up',
} as const;
export const SCAN_MESSAGES: string[] = Object.values(MESSAGE);

/**
 * A 12-15 digit tracking number, passed as a number and stored as text (see
 * ColumnSpec integerText): building and binding digit strings cost more.
 */
function trackingNumber(rng: DemoContext['rng'], shipmentId: number): number {
  const digits = 12 + (shipmentId % 4);
  return 10 ** (digits - 1) + Math.floor(rng.next() * 9 * 10 ** (digits - 1));
}

/** [time, status, sub_status, location, message] */
type Scan = [number, string, string | null, string, string];

/**
 * Creates the shipment of an order and its carrier scans (AfterShip's 9-status
 * taxonomy). Outcomes: mostly on time; some late (estimate moved past the
 * original), and a few failures (Exception, AttemptFail, Expired). Scans after
 * `now` have not happened yet and are left out, so recent parcels are still moving.
 */
export function shipOrder(
  ctx: DemoContext, orderId: number, placedMs: number, country: Country, place: Place,
): ShipmentOutcome {
  const { rng, nowMs } = ctx;
  const handlingMs = rng.int(3, 52) * HOUR + rng.int(0, 59) * MINUTE;
  const labelMs = placedMs + Math.floor(handlingMs * 0.6);
  if (labelMs > nowMs) return NOT_FULFILLED;
  const shippedMs = placedMs + handlingMs;
  const transitMs = rng.int(country.transitDays[0], country.transitDays[1]) * DAY;
  const originalEtaMs = Math.floor((shippedMs + transitMs) / DAY) * DAY + 23 * HOUR;
  let etaMs = originalEtaMs;
  const destination = `${place.city}, ${place.region}`;

  // Two to five scans a parcel: many carriers report nothing before pickup, few report "out for delivery".
  const scans: Scan[] = [[shippedMs, 'InTransit', null, WAREHOUSE, MESSAGE.pickedUp]];
  if (rng.chance(0.25)) {
    scans.push([Math.min(labelMs + rng.int(5, 300) * MINUTE, shippedMs - MINUTE), 'InfoReceived', null, WAREHOUSE, MESSAGE.label]);
  }
  let problem: DeliveryProblem = null;
  let problemMs = 0;
  let deliveredMs: number | null = null;
  let pickup = false;
  const roll = rng.next();
  if (roll < 0.07) {
    problem = 'late';
    etaMs = originalEtaMs + rng.int(1, 6) * DAY;
    problemMs = originalEtaMs - rng.int(4, 20) * HOUR;
    scans.push([problemMs, 'InTransit', 'InTransit_Delayed', HUB, MESSAGE.delayed]);
    deliveredMs = etaMs - rng.int(2, 12) * HOUR;
  } else if (roll < 0.082) {
    problem = 'exception';
    problemMs = shippedMs + Math.floor(transitMs * 0.6);
    const lost = rng.chance(0.5);
    scans.push([problemMs, 'Exception', lost ? 'Exception_Lost' : 'Exception_Damaged', HUB, lost ? MESSAGE.lost : MESSAGE.damaged]);
  } else if (roll < 0.09) {
    problem = 'attempt_fail';
    problemMs = originalEtaMs - rng.int(3, 9) * HOUR;
    scans.push([problemMs, 'AttemptFail', 'AttemptFail_NoOneHome', destination, MESSAGE.attempt]);
    deliveredMs = problemMs + DAY + rng.int(0, 6) * HOUR;
  } else if (roll < 0.095) {
    problem = 'expired';
    problemMs = shippedMs + 30 * DAY;
    scans.push([problemMs, 'Expired', null, HUB, MESSAGE.silent]);
  } else if (roll < 0.105) {
    const readyMs = originalEtaMs - rng.int(3, 10) * HOUR;
    pickup = true;
    scans.push([readyMs, 'AvailableForPickup', null, destination, MESSAGE.pickup]);
    deliveredMs = readyMs + rng.int(4, 96) * HOUR;
  } else {
    deliveredMs = Math.max(shippedMs + HOUR, originalEtaMs - rng.int(0, 36) * HOUR - rng.int(0, 59) * MINUTE);
  }
  if (deliveredMs !== null) {
    const outMs = deliveredMs - rng.int(2, 6) * HOUR;
    if (!pickup && outMs > shippedMs && rng.chance(0.2)) scans.push([outMs, 'OutForDelivery', null, destination, MESSAGE.out]);
    scans.push([deliveredMs, 'Delivered', null, destination, pickup ? MESSAGE.collected : MESSAGE.delivered]);
  }
  // Scans were added by outcome; the carrier reports them in time order.
  scans.sort((a, b) => a[0] - b[0]);

  const table = ctx.tables.shipments;
  const shipmentId = ctx.ids.shipment;
  const events = ctx.tables.tracking_events;
  let scanSlot = 0;
  let status = 'Pending';
  let subStatus: string | null = null;
  let lastEventMs = labelMs;
  for (const [atMs, scanStatus, scanSub, location, message] of scans) {
    if (atMs > nowMs) break;
    const at = isoAt(atMs);
    events.add(ctx.ids.scan(scanSlot++), shipmentId, at, scanStatus, scanSub, location, message);
    status = scanStatus;
    subStatus = scanSub;
    lastEventMs = atMs;
  }
  const delivered = deliveredMs !== null && deliveredMs <= nowMs;
  const shipped = shippedMs <= nowMs;
  // The customer sees the moved estimate only once the delay is reported.
  const estimateMs = problem === 'late' && problemMs > nowMs ? originalEtaMs : etaMs;
  table.add(
    shipmentId, orderId, 8_200_000_000 + shipmentId, rng.pick(country.carriers),
    rng.pick(CARRIER_SERVICES), trackingNumber(rng, shipmentId), status, subStatus, country.code,
    place.region, shipped ? isoAt(shippedMs) : null, isoAt(originalEtaMs),
    problem === 'exception' || problem === 'expired' ? null : isoAt(estimateMs),
    delivered ? isoAt(deliveredMs as number) : null, status === 'Pending' ? null : isoAt(lastEventMs),
    isoAt(labelMs), isoAt(lastEventMs),
  );
  return {
    fulfilled: true,
    deliveredMs: delivered ? deliveredMs : null,
    problem: problemMs <= nowMs ? problem : null,
    problemMs,
    lastEventMs,
  };
}
