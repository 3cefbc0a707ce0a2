import type { ParsedInputOf } from '../../../shared/contract';
import type { ReturnDetail } from '../../../shared/contract/returns';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import { requireActiveStaff } from '../orders/staff';
import { createTicket } from '../service/create';
import { getReturn } from './detail';
import { checkPolicy } from './policy-check';
import { readReturnPolicy } from './policy';
import { checkRequestedLines, lineValueMinor, returnableLines } from './quantities';
import { nextRmaNumber } from './rma';

/**
 * `returns.create`: records a request as `requested`, with the policy check's
 * flags (a flagged request is still recorded; a person decides), the fees the
 * policy charges today, its lines, the first lifecycle event and the audit
 * entry, and optionally a service ticket, in one transaction.
 *
 * The idempotency key is kept on the first event (`create:<key>`): a replay
 * answers the return the first attempt made and writes nothing.
 */
type CreateInput = ParsedInputOf<'returns.create'>;

interface OrderRow {
  id: number;
  storeId: number;
  orderNumber: string;
  customerId: number | null;
  currency: string;
  placedAt: string;
  status: string;
}

const createKey = (key: string): string => `create:${key}`;

function replayOf(sqlite: Sqlite, input: CreateInput): number | null {
  const event = sqlite.prepare<[string], { returnId: number; orderId: number }>(
    `SELECT e.return_id AS returnId, r.order_id AS orderId FROM return_events e JOIN returns r ON r.id = e.return_id
      WHERE e.idempotency_key = ?`,
  ).get(createKey(input.idempotencyKey));
  if (!event) return null;
  if (event.orderId !== input.orderId) {
    throw new AppError('CONFLICT', 'This return request was already used for a different order; start a new request.');
  }
  return event.returnId;
}

function orderOf(sqlite: Sqlite, orderId: number): OrderRow {
  const order = sqlite.prepare<[number], OrderRow>(
    `SELECT id, store_id AS storeId, order_number AS orderNumber, customer_id AS customerId, currency,
       placed_at AS placedAt, status FROM orders WHERE id = ?`,
  ).get(orderId);
  if (!order) throw new AppError('NOT_FOUND', `There is no order with id ${orderId}.`);
  if (order.status === 'cancelled') {
    throw new AppError('VALIDATION', `Order ${order.orderNumber} was cancelled, so nothing on it can be returned.`);
  }
  return order;
}

function insertReturn(sqlite: Sqlite, input: CreateInput, now: Date): number {
  const order = orderOf(sqlite, input.orderId);
  const policy = readReturnPolicy(sqlite);
  const reason = policy.reasons.find((r) => r.code === input.reason && r.active);
  if (!reason) {
    throw new AppError('VALIDATION', `"${input.reason}" is not one of the return reasons in the policy; choose a reason from the list.`);
  }
  const lines = checkRequestedLines(returnableLines(sqlite, order.id), input.lines, order.orderNumber);
  const flags = checkPolicy(sqlite, policy, { orderId: order.id, placedAt: order.placedAt, customerId: order.customerId, lines, now });
  const goodsMinor = lines.reduce((sum, line, i) => sum + lineValueMinor(line, input.lines[i]!.quantity), 0);
  const restockingFeeMinor = Math.round((goodsMinor * policy.restockingFeeBps) / 10_000);
  const returnShippingMinor = policy.returnShipping === 'paid' ? policy.returnShippingFeeMinor : 0;
  const at = now.toISOString();
  const { id, rmaNumber } = nextRmaNumber(sqlite);
  sqlite.prepare(
    `INSERT INTO returns (id, store_id, rma_number, order_id, customer_id, status, reason, note, restocking_fee_minor,
       return_shipping_minor, currency, policy_flags, requested_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'requested', ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, order.storeId, rmaNumber, order.id, order.customerId, reason.code, input.note ?? null, restockingFeeMinor,
    returnShippingMinor, order.currency, JSON.stringify(flags), at, at);
  const addLine = sqlite.prepare('INSERT INTO return_lines (return_id, order_line_id, quantity, reason) VALUES (?, ?, ?, ?)');
  for (const line of input.lines) addLine.run(id, line.orderLineId, line.quantity, line.reason || null);
  sqlite.prepare(
    `INSERT INTO return_events (return_id, from_status, to_status, staff_id, note, idempotency_key, at)
     VALUES (?, NULL, 'requested', ?, ?, ?, ?)`,
  ).run(id, input.staffId, input.note ?? null, createKey(input.idempotencyKey), at);
  recordAudit(sqlite, {
    at, staffId: input.staffId, entityType: 'return', entityId: id, action: 'return.create',
    detail: { rmaNumber, orderId: order.id, reason: reason.code, lines: input.lines, policyFlags: flags,
      goodsMinor, restockingFeeMinor, returnShippingMinor },
  });
  if (input.openTicket) {
    // svc-core's createTicket links the ticket both ways (tickets.return_id and returns.ticket_id).
    createTicket(sqlite, {
      staffId: input.staffId, source: { kind: 'return', returnId: id }, tags: ['return'],
      idempotencyKey: `return:${input.idempotencyKey}:ticket`,
    }, now);
  }
  return id;
}

/** Runs in its own IMMEDIATE transaction (a savepoint when the caller is already in one). */
export function createReturn(sqlite: Sqlite, input: CreateInput, now: Date): ReturnDetail {
  const id = sqlite.transaction(() => {
    requireActiveStaff(sqlite, input.staffId);
    return replayOf(sqlite, input) ?? insertReturn(sqlite, input, now);
  }).immediate();
  return getReturn(sqlite, id);
}
