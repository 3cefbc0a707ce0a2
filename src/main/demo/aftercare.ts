import type { DemoContext } from './context';
import { maybeNps, maybeReview, recordCsat } from './feedback';
import type { ReturnOutcome, DemoLine } from './returns';
import { openTicket, type TicketRequest } from './service';
import type { ShipmentOutcome } from './shipments';
import { DAY, HOUR, MINUTE } from './time';

/** An order as the service desk and the feedback inbox see it. */
export interface SoldOrder {
  orderId: number;
  orderNumber: string;
  channel: string;
  customerId: number | null;
  orderSeq: number | null;
  placedMs: number;
  lines: DemoLine[];
  shipment: ShipmentOutcome | null;
  deliveredMs: number | null;
  returned: ReturnOutcome | null;
  refundMinor: number;
  refundMs: number;
}

export interface Goodwill {
  staffId: number;
  atMs: number;
}

/**
 * What customers say about an order: tickets (more likely when something went
 * wrong), reviews, NPS answers, and the CSAT scores of solved tickets. Returns
 * the first goodwill credit an agent granted, for the loyalty ledger.
 */
export function aftercare(ctx: DemoContext, order: SoldOrder): Goodwill | null {
  const { rng } = ctx;
  const desk: ServiceDesk = { ctx, goodwill: null };
  const about = { customerId: order.customerId, orderId: order.orderId, orderNumber: order.orderNumber, orderChannel: order.channel };

  // A returning customer sometimes asks something before buying again.
  if (order.customerId !== null && (order.orderSeq ?? 0) > 1 && rng.chance(0.008)) {
    ticket(desk, { ...about, orderId: null, topic: 'pre_sale', createdMs: order.placedMs - rng.int(2, 72) * HOUR });
  }
  const { shipment } = order;
  if (shipment?.problem && rng.chance(0.4)) {
    const topic = shipment.problem === 'exception' ? (rng.chance(0.5) ? 'damaged' : 'lost') : 'where_is_my_order';
    ticket(desk, { ...about, topic, createdMs: shipment.problemMs + rng.int(2, 30) * HOUR });
  }
  if (order.returned && rng.chance(0.35)) {
    ticket(desk, { ...about, topic: 'return', createdMs: order.returned.requestedMs - rng.int(1, 6) * HOUR });
  }
  if (order.refundMinor > 0 && rng.chance(0.08)) {
    ticket(desk, { ...about, topic: 'refund_status', createdMs: order.refundMs + rng.int(1, 4) * DAY });
  }
  if (shipment && rng.chance(0.006)) {
    ticket(desk, { ...about, topic: 'address', createdMs: order.placedMs + rng.int(10, 120) * MINUTE });
  }
  if (order.deliveredMs === null) return desk.goodwill;
  const first = order.lines[0] as DemoLine;
  if (rng.chance(0.06)) {
    maybeReview(ctx, order.customerId, order.orderId, first.productId, order.deliveredMs,
      (createdMs) => ticket(desk, { ...about, topic: 'review', createdMs }));
  }
  if (order.customerId !== null && rng.chance(0.03)) maybeNps(ctx, order.customerId, order.orderId, order.deliveredMs);
  return desk.goodwill;
}

interface ServiceDesk {
  ctx: DemoContext;
  /** The first goodwill credit granted on this order's tickets. */
  goodwill: Goodwill | null;
}

/** Opens a ticket and files its CSAT answer as feedback. */
function ticket(desk: ServiceDesk, request: TicketRequest): number | null {
  const outcome = openTicket(desk.ctx, request);
  if (!outcome) return null;
  if (outcome.csatScore !== null && outcome.solvedMs !== null) {
    recordCsat(desk.ctx, request.customerId, request.orderId, outcome.ticketId, outcome.slot, outcome.csatScore, outcome.solvedMs);
  }
  desk.goodwill ??= outcome.goodwill;
  return outcome.ticketId;
}
