import type { BalanceFigures } from './lots';
import { addMonthsUtc, DAY_MS } from './dates';
import { statement, type LedgerContext } from './ledger';

/**
 * Under inactivity expiry lots carry no date: everything the customer holds
 * expires `months` after their last ledger activity (unless they earn or spend
 * before). The balance's expiring-soon figures say so.
 */
export function inactivityDeadline(ctx: LedgerContext, customerId: number, months: number): Date | null {
  const row = statement(ctx.sqlite, 'SELECT max(created_at) AS lastAt FROM points_ledger WHERE customer_id = ?')
    .get(customerId) as { lastAt: string | null };
  return row.lastAt === null ? null : addMonthsUtc(Date.parse(row.lastAt), months);
}

export function inactivityExpiringSoon(ctx: LedgerContext, customerId: number, months: number,
  figures: BalanceFigures): BalanceFigures['expiringSoon'] {
  const deadline = inactivityDeadline(ctx, customerId, months);
  const held = figures.approved + figures.pending;
  const soon = { ...figures.expiringSoon };
  if (deadline === null || held === 0) return soon;
  const nowMs = ctx.now().getTime();
  // Lots may still carry dates from before the switch: the larger figure is what will really go.
  if (deadline.getTime() <= nowMs + 30 * DAY_MS) soon.days30 = held;
  if (deadline.getTime() <= nowMs + 60 * DAY_MS) soon.days60 = held;
  if (deadline.getTime() <= nowMs + 90 * DAY_MS) soon.days90 = held;
  return soon;
}
