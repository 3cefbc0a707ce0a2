import type { DemoContext } from './context';
import { DAY, HOUR, isoAt } from './time';

export interface DemoLine {
  id: number;
  /** Position in the order (its id slot). */
  slot: number;
  productId: number;
  title: string;
  quantity: number;
  totalMinor: number;
}

export interface ReturnOutcome {
  returnId: number;
  /** Money to refund to the customer's payment method, once `refundMs` has passed; 0 otherwise. */
  refundMinor: number;
  refundMs: number;
  /** Every unit of every line came back and was received. */
  allReturned: boolean;
  requestedMs: number;
}

/** Reason codes of the default return policy (src/main/domain/returns/policy.ts), which labels them in both languages. */
const REASONS = ['does_not_fit', 'damaged_in_transit', 'not_as_described', 'changed_mind', 'wrong_item',
  'arrived_late', 'better_price'];

/**
 * Maybe files a return (RMA) for a delivered order, with return lines for some
 * of its items, and moves it through requested → approved → in transit →
 * received → inspected → resolved → closed (or requested → declined → closed)
 * as far as `now` allows. The lifecycle events are derived after the load
 * (src/main/domain/returns/demo-events.ts) from the times kept here.
 */
export function maybeReturn(
  ctx: DemoContext, orderId: number, customerId: number | null, lines: readonly DemoLine[],
  totalMinor: number, deliveredMs: number, returnRate: number,
): ReturnOutcome | null {
  const { rng, nowMs } = ctx;
  if (!rng.chance(returnRate)) return null;
  // A few ask after the default 30-day window: the policy check flags those.
  const requestedMs = deliveredMs + (rng.chance(0.05) ? rng.int(31, 50) : rng.int(2, 20)) * DAY + rng.int(0, 23) * HOUR;
  if (requestedMs > nowMs) return null;

  const table = ctx.tables.returns;
  const returnId = ctx.ids.return;
  const reason = rng.pick(REASONS);
  const returnLines = ctx.tables.return_lines;
  let amount = 0;
  let everything = true;
  lines.forEach((line, i) => {
    const include = rng.chance(0.6) || (i === lines.length - 1 && amount === 0);
    if (!include) {
      everything = false;
      return;
    }
    const quantity = line.quantity === 1 ? 1 : rng.int(1, line.quantity);
    if (quantity < line.quantity) everything = false;
    amount += Math.round((line.totalMinor * quantity) / line.quantity);
    returnLines.add(ctx.ids.returnLine(line.slot), returnId, line.id, quantity, rng.chance(0.7) ? reason : null);
  });
  amount = Math.min(amount, totalMinor);

  const rejected = rng.chance(0.06);
  const resolutionRoll = rng.next();
  const resolution = rejected ? null : resolutionRoll < 0.7 ? 'refund' : resolutionRoll < 0.85 ? 'exchange' : 'store_credit';
  const approvedMs = requestedMs + rng.int(4, 30) * HOUR;
  const inTransitMs = approvedMs + rng.int(1, 4) * DAY;
  const receivedMs = inTransitMs + rng.int(2, 6) * DAY;
  const inspectedMs = receivedMs + rng.int(2, 20) * HOUR;
  const settledMs = inspectedMs + rng.int(1, 3) * DAY;
  const closedMs = settledMs + rng.int(1, 10) * DAY;

  let status = 'requested';
  let updatedMs = requestedMs;
  const reached = (ms: number, next: string): boolean => {
    if (ms > nowMs) return false;
    status = next;
    updatedMs = ms;
    return true;
  };
  if (rejected) {
    if (reached(approvedMs, 'declined')) reached(closedMs, 'closed');
  } else if (reached(approvedMs, 'approved') && reached(inTransitMs, 'in_transit') && reached(receivedMs, 'received')
    && reached(inspectedMs, 'inspected') && reached(settledMs, 'resolved')) {
    reached(closedMs, 'closed');
  }
  const received = !rejected && receivedMs <= nowMs;
  const resolved = !rejected && settledMs <= nowMs;
  const refunds = resolution === 'refund' && resolved && amount > 0;
  table.add(
    returnId, `RMA-${String(returnId).padStart(6, '0')}`, orderId, customerId, status,
    reason, resolved ? resolution : null, resolved && (resolution === 'refund' || resolution === 'store_credit') ? amount : null,
    isoAt(requestedMs), received ? isoAt(receivedMs) : null, resolved ? isoAt(settledMs) : null,
    status === 'closed' ? isoAt(updatedMs) : null, isoAt(updatedMs),
    // The order's refund row (src/main/demo/orders.ts writes it with this id when the return refunds).
    refunds ? ctx.ids.refund : null,
  );
  return {
    returnId,
    refundMinor: refunds ? amount : 0,
    refundMs: settledMs,
    allReturned: everything && received,
    requestedMs,
  };
}
