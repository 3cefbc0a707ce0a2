import type { LedgerEntryView, PointsHistory } from '../../../shared/contract';
import { customerEntries, requireCustomer, type LedgerContext, type LedgerEntry } from './ledger';
import { applyEntry, type LedgerState } from './lots';

export function entryView(entry: LedgerEntry, after: LedgerState): LedgerEntryView {
  return {
    id: entry.id,
    type: entry.entryType,
    points: entry.points,
    orderId: entry.orderId,
    reason: entry.reason,
    staffId: entry.staffId,
    availableAt: entry.availableAt,
    expiresAt: entry.expiresAt,
    createdAt: entry.createdAt,
    balanceAfter: after.lots.reduce((sum, lot) => sum + lot.remaining, 0),
    debtAfter: after.debt,
  };
}

/** Every entry of a customer, oldest first, each with the state the replay reached after it. */
export function replayedEntries(ctx: LedgerContext, customerId: number): LedgerEntryView[] {
  const state: LedgerState = { lots: [], debt: 0 };
  return customerEntries(ctx.sqlite, customerId).map((entry) => {
    applyEntry(state, entry);
    return entryView(entry, state);
  });
}

/**
 * A page of a customer's history, newest first. The running balance needs
 * every earlier entry, so the whole ledger of the customer is replayed: a
 * customer has tens of entries, not thousands.
 */
export function history(ctx: LedgerContext, customerId: number, limit = 50, before?: number): PointsHistory {
  requireCustomer(ctx.sqlite, customerId);
  const older = replayedEntries(ctx, customerId).filter((e) => before === undefined || e.id < before);
  const entries = older.slice(-limit).reverse();
  const nextBefore = older.length > limit ? (entries[entries.length - 1]?.id ?? null) : null;
  return { customerId, entries, nextBefore };
}
