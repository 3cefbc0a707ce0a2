import type { ParsedInputOf } from '../../../shared/contract';
import type { ReturnDetail, ReturnStatus } from '../../../shared/contract/returns';
import { AppError } from '../../../shared/errors';
import type { HandlerContext } from '../../core/handler';
import { recordAudit } from '../audit/log';
import { requireActiveStaff } from '../orders/staff';
import { getReturn } from './detail';
import { illegalStepSentence, isLegalStep } from './lifecycle';
import { resolveMoney, type Resolution } from './resolve';

/**
 * `returns.transition`: one step of the lifecycle by a named staff member, in
 * one IMMEDIATE transaction: the return row (status, dates, version + 1), its
 * event, the audit entry and, when resolved, the money (resolve.ts). A stale
 * version or an illegal step answers CONFLICT and writes nothing.
 *
 * The idempotency key is kept on the step's event (`step:<key>`): a replay of
 * the same step answers the return as it is now.
 */
type TransitionInput = ParsedInputOf<'returns.transition'>;

interface Current {
  id: number; rmaNumber: string; status: ReturnStatus; version: number; orderId: number; storeId: number;
  customerId: number | null; currency: string;
}

const stepKey = (key: string): string => `step:${key}`;

/** true when this request already happened; CONFLICT when its key was used for another step. */
function isReplay(ctx: HandlerContext, input: TransitionInput): boolean {
  const event = ctx.sqlite.prepare<[string], { returnId: number; to: ReturnStatus }>(
    'SELECT return_id AS returnId, to_status AS "to" FROM return_events WHERE idempotency_key = ?',
  ).get(stepKey(input.idempotencyKey));
  if (!event) return false;
  if (event.returnId === input.id && event.to === input.to) return true;
  throw new AppError('CONFLICT', 'This request was already used for a different step; try the step again.');
}

function current(ctx: HandlerContext, id: number): Current {
  const row = ctx.sqlite.prepare<[number], Current>(
    `SELECT r.id, r.rma_number AS rmaNumber, r.status, r.version, r.order_id AS orderId, o.store_id AS storeId,
       r.customer_id AS customerId, r.currency
       FROM returns r JOIN orders o ON o.id = r.order_id WHERE r.id = ?`,
  ).get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no return with id ${id}.`);
  return row;
}

function refuse(ctx: HandlerContext, input: TransitionInput, row: Current): void {
  if (row.version !== input.expectedVersion) {
    throw new AppError('CONFLICT',
      `Return ${row.rmaNumber} was changed by someone else since you opened it; it is now ${row.status.replace('_', ' ')}. ` +
      'Review it and try again.', { current: getReturn(ctx.sqlite, row.id) });
  }
  if (!isLegalStep(row.status, input.to)) {
    throw new AppError('CONFLICT', illegalStepSentence(row.rmaNumber, row.status, input.to), { current: getReturn(ctx.sqlite, row.id) });
  }
  if (input.to !== 'resolved' && (input.resolution !== undefined || input.amountMinor !== undefined)) {
    throw new AppError('VALIDATION', 'A resolution and an amount are only given when the return is resolved.');
  }
}

function applyStep(ctx: HandlerContext, input: TransitionInput, row: Current): Resolution | null {
  const at = ctx.now().toISOString();
  const resolution = input.to === 'resolved' ? resolveMoney(ctx, input, row) : null;
  ctx.sqlite.prepare(
    `UPDATE returns SET status = @to, version = version + 1, updated_at = @at,
       received_at = CASE WHEN @to = 'received' THEN @at ELSE received_at END,
       resolved_at = CASE WHEN @to = 'resolved' THEN @at ELSE resolved_at END,
       closed_at = CASE WHEN @to = 'closed' THEN @at ELSE closed_at END,
       resolution = coalesce(@resolution, resolution),
       refund_minor = CASE WHEN @to = 'resolved' THEN @amount ELSE refund_minor END,
       refund_id = coalesce(@refundId, refund_id)
     WHERE id = @id`,
  ).run({ id: row.id, to: input.to, at, resolution: resolution?.resolution ?? null,
    amount: resolution?.amountMinor ?? null, refundId: resolution?.refundId ?? null });
  ctx.sqlite.prepare(
    `INSERT INTO return_events (return_id, from_status, to_status, staff_id, note, idempotency_key, at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.id, row.status, input.to, input.staffId, input.note ?? null, stepKey(input.idempotencyKey), at);
  recordAudit(ctx.sqlite, {
    at, staffId: input.staffId, entityType: 'return', entityId: row.id, action: `return.${input.to}`,
    detail: { rmaNumber: row.rmaNumber, from: row.status, to: input.to, note: input.note ?? null,
      ...(resolution ? { resolution: resolution.resolution, amountMinor: resolution.amountMinor, refundId: resolution.refundId } : {}) },
  });
  return resolution;
}

export function transitionReturn(input: TransitionInput, ctx: HandlerContext): ReturnDetail {
  const outcome = ctx.sqlite.transaction(() => {
    requireActiveStaff(ctx.sqlite, input.staffId);
    if (isReplay(ctx, input)) return { wrote: false, resolution: null };
    const row = current(ctx, input.id);
    refuse(ctx, input, row);
    return { wrote: true, resolution: applyStep(ctx, input, row) };
  }).immediate();
  if (outcome.wrote) {
    const money = outcome.resolution?.resolution === 'refund' ? ['orders', 'customers', 'loyalty'] : [];
    ctx.emit('data.changed', { areas: ['returns', ...money] });
  }
  return getReturn(ctx.sqlite, input.id);
}
