import type {
  ReturnDetail, ReturnEvent, ReturnLine, ReturnPolicyFlag, ReturnResolution, ReturnRow, ReturnStatus,
} from '../../../shared/contract/returns';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { auditTrail } from '../audit/log';
import { customerName } from '../orders/list';
import { NEXT_STEPS } from './lifecycle';
import { lineValueMinor } from './quantities';

/** The columns a return row is read with, joined to its order and customer (`r`, `o`, `c`). */
export const RETURN_ROW_COLUMNS = `r.id, r.rma_number AS rmaNumber, r.status, r.order_id AS orderId, o.order_number AS orderNumber,
  r.customer_id AS customerId, c.first_name AS firstName, c.last_name AS lastName, c.email,
  r.reason, r.resolution, r.refund_minor AS refundMinor, r.currency, r.policy_flags AS policyFlags,
  r.requested_at AS requestedAt, r.updated_at AS updatedAt, r.version`;

export const RETURN_ROW_FROM = 'returns r JOIN orders o ON o.id = r.order_id LEFT JOIN customers c ON c.id = r.customer_id';

export interface StoredReturnRow {
  id: number;
  rmaNumber: string;
  status: ReturnStatus;
  orderId: number;
  orderNumber: string;
  customerId: number | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  reason: string;
  resolution: ReturnResolution | null;
  refundMinor: number | null;
  currency: string;
  policyFlags: string;
  requestedAt: string;
  updatedAt: string;
  version: number;
}

export function toReturnRow(r: StoredReturnRow): ReturnRow {
  return {
    id: r.id, rmaNumber: r.rmaNumber, status: r.status,
    order: { id: r.orderId, orderNumber: r.orderNumber },
    customer: r.customerId === null ? null
      : { id: r.customerId, name: customerName(r.firstName, r.lastName), email: r.email },
    reason: r.reason, resolution: r.resolution, refundMinor: r.refundMinor, currency: r.currency,
    policyFlags: JSON.parse(r.policyFlags) as ReturnPolicyFlag[],
    requestedAt: r.requestedAt, updatedAt: r.updatedAt, version: r.version,
  };
}

interface StoredDetailRow extends StoredReturnRow {
  note: string | null;
  storeId: number;
  restockingFeeMinor: number;
  returnShippingMinor: number;
  refundId: number | null;
  ticketId: number | null;
}

interface StoredLine extends Omit<ReturnLine, 'unitPriceMinor'> { unitPriceMinor: number; lineTotalMinor: number }

function lines(sqlite: Sqlite, returnId: number): StoredLine[] {
  return sqlite.prepare<[number], StoredLine>(
    `SELECT rl.id, rl.order_line_id AS orderLineId, ol.product_id AS productId, ol.title, rl.quantity,
       ol.quantity AS orderedQuantity, ol.unit_price_minor AS unitPriceMinor, rl.reason, ol.total_minor AS lineTotalMinor
       FROM return_lines rl JOIN order_lines ol ON ol.id = rl.order_line_id
      WHERE rl.return_id = ? ORDER BY rl.id`,
  ).all(returnId);
}

function events(sqlite: Sqlite, returnId: number): ReturnEvent[] {
  return sqlite.prepare<[number], { id: number; from: ReturnStatus | null; to: ReturnStatus; staffId: number | null;
    staffName: string | null; note: string | null; at: string }>(
    `SELECT e.id, e.from_status AS "from", e.to_status AS "to", e.staff_id AS staffId, s.name AS staffName, e.note, e.at
       FROM return_events e LEFT JOIN staff s ON s.id = e.staff_id
      WHERE e.return_id = ? ORDER BY e.at, e.id`,
  ).all(returnId).map((e) => ({
    id: e.id, from: e.from, to: e.to, note: e.note, at: e.at,
    staff: e.staffId === null ? null : { id: e.staffId, name: e.staffName ?? '' },
  }));
}

/** The outbox key of the money a resolution sends to the store; refund.ts builds the refund's the same way. */
export function resolutionOutboxKey(orderId: number, returnId: number, resolution: ReturnResolution): string | null {
  if (resolution === 'refund') return `order:${orderId}:refund:${refundRequestKey(returnId)}`;
  if (resolution === 'store_credit') return `return:${returnId}:store_credit`;
  return null;
}

/** One refund per return, whatever the request's own key: the refund's identity in orders.refund. */
export function refundRequestKey(returnId: number): string {
  return `return:${returnId}:refund`;
}

/**
 * The ledger entry of the refund's reversal: `refund:<id>:reverse` as orders.refund
 * posts it, or `order:<id>:reverse` for the demo's one refund per order.
 */
function pointsReversed(sqlite: Sqlite, refundId: number | null, orderId: number): number {
  if (refundId === null) return 0;
  const refund = sqlite.prepare<[number], { externalId: string }>('SELECT external_id AS externalId FROM refunds WHERE id = ?').get(refundId);
  if (!refund) return 0;
  const key = refund.externalId.startsWith('local:') ? `refund:${refundId}:reverse` : `order:${orderId}:reverse`;
  const entry = sqlite.prepare<[string], { points: number }>('SELECT points FROM points_ledger WHERE idempotency_key = ?').get(key);
  return entry ? -entry.points : 0;
}

function delivery(sqlite: Sqlite, row: StoredDetailRow): ReturnDetail['delivery'] {
  if (row.resolution === null) return null;
  const key = resolutionOutboxKey(row.orderId, row.id, row.resolution);
  if (key === null) return null;
  // A refund the demo already had (no refund row of ours) has nothing to send either.
  const queued = sqlite.prepare<[string], { id: number }>('SELECT id FROM outbox WHERE idempotency_key = ?').get(key);
  return queued ? 'queued' : 'local';
}

export function getReturn(sqlite: Sqlite, id: number): ReturnDetail {
  const row = sqlite.prepare<[number], StoredDetailRow>(
    `SELECT ${RETURN_ROW_COLUMNS}, r.note, o.store_id AS storeId, r.restocking_fee_minor AS restockingFeeMinor,
       r.return_shipping_minor AS returnShippingMinor, r.refund_id AS refundId, r.ticket_id AS ticketId
       FROM ${RETURN_ROW_FROM} WHERE r.id = ?`,
  ).get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no return with id ${id}.`);
  const stored = lines(sqlite, id);
  return {
    ...toReturnRow(row),
    note: row.note,
    lines: stored.map(({ lineTotalMinor: _total, ...line }) => line),
    events: events(sqlite, id),
    goodsMinor: goodsValueMinor(stored),
    restockingFeeMinor: row.restockingFeeMinor,
    returnShippingMinor: row.returnShippingMinor,
    refundId: row.refundId,
    ticketId: row.ticketId,
    next: [...NEXT_STEPS[row.status]],
    pointsReversed: pointsReversed(sqlite, row.refundId, row.orderId),
    delivery: delivery(sqlite, row),
    audit: auditTrail(sqlite, 'return', id),
  };
}

/** What the returned units were paid, after their line discounts. */
export function goodsValueMinor(stored: readonly { quantity: number; orderedQuantity: number; lineTotalMinor: number }[]): number {
  return stored.reduce((sum, l) => sum + lineValueMinor({ quantity: l.orderedQuantity, totalMinor: l.lineTotalMinor }, l.quantity), 0);
}

/** What a resolution pays by default: the goods less the fees kept, never below zero. */
export function defaultRefundMinor(detail: Pick<ReturnDetail, 'goodsMinor' | 'restockingFeeMinor' | 'returnShippingMinor'>): number {
  return Math.max(0, detail.goodsMinor - detail.restockingFeeMinor - detail.returnShippingMinor);
}
