import type { ParsedInputOf } from '../../../shared/contract';
import type { ReturnResolution } from '../../../shared/contract/returns';
import { AppError } from '../../../shared/errors';
import type { HandlerContext } from '../../core/handler';
import { enqueueOutbox } from '../outbox/enqueue';
import { refundOrder } from '../orders/refund';
import { decimalMajor } from '../orders/money-text';
import { defaultRefundMinor, getReturn, refundRequestKey, resolutionOutboxKey } from './detail';

/**
 * The money side of resolving a return, inside the transition's transaction.
 * A refund goes through orders.refund's own code path (refunds row, the
 * order's refunded total, points reversed through the loyalty ledger, the
 * outbox for connected stores, the order's audit entry), nested as a
 * savepoint; store credit is recorded on the return and sent to connected
 * stores; an exchange pays nothing back.
 */
type TransitionInput = ParsedInputOf<'returns.transition'>;

export interface Resolution {
  resolution: ReturnResolution;
  amountMinor: number | null;
  refundId: number | null;
}

interface ReturnFacts { id: number; rmaNumber: string; orderId: number; storeId: number; customerId: number | null; currency: string }

function refundIdOf(ctx: HandlerContext, storeId: number, returnId: number): number {
  return ctx.sqlite.prepare<[number, string], { id: number }>('SELECT id FROM refunds WHERE store_id = ? AND external_id = ?')
    .get(storeId, `local:${refundRequestKey(returnId)}`)!.id;
}

function refund(ctx: HandlerContext, input: TransitionInput, facts: ReturnFacts, amountMinor: number): number {
  if (amountMinor === 0) {
    throw new AppError('VALIDATION',
      `Return ${facts.rmaNumber} has nothing to refund after its fees; enter an amount or resolve it as an exchange or store credit.`);
  }
  // orders.refund announces its own change; this transition announces everything once it commits.
  refundOrder({
    id: facts.orderId, amountMinor, reason: 'return', note: `Return ${facts.rmaNumber}`,
    staffId: input.staffId, idempotencyKey: refundRequestKey(facts.id),
  }, { ...ctx, emit: () => undefined });
  return refundIdOf(ctx, facts.storeId, facts.id);
}

function storeCredit(ctx: HandlerContext, facts: ReturnFacts, amountMinor: number): void {
  if (facts.customerId === null) {
    throw new AppError('VALIDATION', `Return ${facts.rmaNumber} belongs to a guest order; store credit needs a customer, so refund it instead.`);
  }
  const customer = ctx.sqlite.prepare<[number], { externalId: string }>('SELECT external_id AS externalId FROM customers WHERE id = ?')
    .get(facts.customerId);
  enqueueOutbox(ctx.sqlite, {
    storeId: facts.storeId, idempotencyKey: resolutionOutboxKey(facts.orderId, facts.id, 'store_credit')!,
    operation: 'store_credit.issue', targetType: 'customer', targetId: facts.customerId,
    payload: { customerExternalId: customer?.externalId ?? null, amountMinor, currency: facts.currency,
      returnId: facts.id, rmaNumber: facts.rmaNumber, note: `Return ${facts.rmaNumber}` },
  }, ctx.now());
}

export function resolveMoney(ctx: HandlerContext, input: TransitionInput, facts: ReturnFacts): Resolution {
  const resolution = input.resolution!;
  if (resolution === 'exchange') {
    if (input.amountMinor !== undefined && input.amountMinor > 0) {
      throw new AppError('VALIDATION', 'An exchange pays nothing back; leave the amount empty or choose refund or store credit.');
    }
    return { resolution, amountMinor: null, refundId: null };
  }
  const amountMinor = input.amountMinor ?? defaultRefundMinor(getReturn(ctx.sqlite, facts.id));
  if (resolution === 'refund') return { resolution, amountMinor, refundId: refund(ctx, input, facts, amountMinor) };
  if (amountMinor === 0) {
    throw new AppError('VALIDATION', `Store credit for return ${facts.rmaNumber} must be more than ${decimalMajor(0, facts.currency)} ${facts.currency}.`);
  }
  storeCredit(ctx, facts, amountMinor);
  return { resolution, amountMinor, refundId: null };
}
