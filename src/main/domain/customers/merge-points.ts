import { ledgerState, post, type LedgerContext } from '../loyalty/ledger';
import { isPending, isSpendable } from '../loyalty/lots';

/**
 * Moves a customer's points to another, keeping every lot: each live lot of
 * the source (spendable or still pending) is re-created on the target with
 * the same remainder, availability and expiry (key `merge:<S>:<lot>:in`),
 * and taken off the source by a matching debit (`merge:<S>:<lot>:out`).
 * Debt moves too: a credit on the source repays it, a debit on the target
 * takes it on (from the target's own lots first, as any debt is, so the
 * pair's net points are unchanged).
 *
 * The debits are `reverse` entries with no order: the ledger lets only a
 * reversal draw on pending lots without a spendable check, which a transfer
 * of pending points needs. A reversal draws on lots oldest-expiring first
 * rather than on the lot its key names, but the debits add up to exactly the
 * live remainder, so after the last one every live lot of the source is
 * spent to zero and no debt is left behind. Lots already past their expiry
 * stay on the source: they are worth nothing and expire there.
 */
export interface PointsTransfer {
  lots: number;
  points: number;
  debt: number;
}

export function transferPoints(
  ctx: LedgerContext, sourceId: number, targetId: number, staffId: number,
): PointsTransfer {
  const at = ctx.now().toISOString();
  const state = ledgerState(ctx.sqlite, sourceId, at);
  const live = state.lots.filter((lot) => isSpendable(lot, at) || isPending(lot, at));
  let points = 0;
  for (const lot of live) {
    post(ctx, {
      customerId: sourceId, entryType: 'reverse', points: -lot.remaining, orderId: null,
      idempotencyKey: `merge:${sourceId}:${lot.id}:out`, reason: `Merged into customer #${targetId}`, staffId,
    });
    post(ctx, {
      customerId: targetId, entryType: 'adjust', points: lot.remaining, orderId: null,
      idempotencyKey: `merge:${sourceId}:${lot.id}:in`, availableAt: lot.availableAt, expiresAt: lot.expiresAt,
      reason: `Merged from customer #${sourceId}`, staffId,
    });
    points += lot.remaining;
  }
  if (state.debt > 0) {
    post(ctx, {
      customerId: sourceId, entryType: 'adjust', points: state.debt, expiresAt: null,
      idempotencyKey: `merge:${sourceId}:debt:out`, reason: `Debt moved to customer #${targetId}`, staffId,
    });
    post(ctx, {
      customerId: targetId, entryType: 'reverse', points: -state.debt, orderId: null,
      idempotencyKey: `merge:${sourceId}:debt:in`, reason: `Debt merged from customer #${sourceId}`, staffId,
    });
  }
  return { lots: live.length, points, debt: state.debt };
}
