import type {
  LedgerPostingResult, LoyaltyMaintenanceReport, LoyaltySettings, ParsedInputOf, PointsBalance, PointsHistory, RedemptionResult,
} from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { HandlerContext } from '../../core/handler';
import { isActiveStaff } from '../audit/log';
import { postBonus } from './bonus';
import { balance, ledgerState, type LedgerEntry, type Posting } from './ledger';
import { entryView, history } from './history';
import { inactivityExpiringSoon } from './inactivity';
import { lastMaintenance, postedAnything, runLoyaltyMaintenance } from './maintenance';
import { adjust } from './postings';
import { programHandlers } from './program-handlers';
import { redeemReward } from './redemption';
import { readLoyaltySettings, writeLoyaltySettings } from './settings';

export function loyaltyBalance(input: ParsedInputOf<'loyalty.balance'>, ctx: HandlerContext): PointsBalance {
  const at = ctx.now();
  const figures = balance(ctx, input.customerId, at);
  const settings = readLoyaltySettings(ctx.sqlite);
  if (settings.earning.expiryMode === 'inactivity') {
    figures.expiringSoon = inactivityExpiringSoon(ctx, input.customerId, settings.earning.inactivityMonths, figures);
  }
  return { customerId: input.customerId, at: at.toISOString(), ...figures };
}

export function loyaltyHistory(input: ParsedInputOf<'loyalty.history'>, ctx: HandlerContext): PointsHistory {
  return history(ctx, input.customerId, input.limit, input.before);
}

/** The posting as the UI sees it, and tells every view of loyalty to refetch when something was written. */
function postingResult(ctx: HandlerContext, posting: Posting | { entry: LedgerEntry; replayed: boolean }): LedgerPostingResult {
  const { entry, replayed } = posting;
  const state = ledgerState(ctx.sqlite, entry.customerId);
  if (!replayed) ctx.emit('data.changed', { areas: ['loyalty'] });
  return {
    // The state after the whole ledger, which is the state after the entry unless it is a replay.
    entry: entryView(entry, state),
    replayed,
    balance: loyaltyBalance({ customerId: entry.customerId }, ctx),
  };
}

function requireActiveStaff(ctx: HandlerContext, staffId: number): void {
  if (!isActiveStaff(ctx.sqlite, staffId)) {
    throw new AppError('VALIDATION',
      `Choose who is making this change: there is no active staff member with id ${staffId}.`);
  }
}

export function loyaltyAdjust(input: ParsedInputOf<'loyalty.adjust'>, ctx: HandlerContext): LedgerPostingResult {
  requireActiveStaff(ctx, input.staffId);
  return postingResult(ctx, adjust(ctx, input));
}

export function loyaltyBonus(input: ParsedInputOf<'loyalty.bonus'>, ctx: HandlerContext): LedgerPostingResult {
  if (input.staffId !== undefined) requireActiveStaff(ctx, input.staffId);
  return postingResult(ctx, postBonus(ctx, input));
}

export function loyaltyRedeem(input: ParsedInputOf<'loyalty.redeem'>, ctx: HandlerContext): RedemptionResult {
  if (input.staffId !== undefined) requireActiveStaff(ctx, input.staffId);
  const redeemed = redeemReward(ctx, input);
  return { ...postingResult(ctx, redeemed), coupon: redeemed.coupon };
}

export function loyaltySettingsGet(_input: ParsedInputOf<'loyalty.settings.get'>, ctx: HandlerContext): LoyaltySettings {
  return readLoyaltySettings(ctx.sqlite);
}

/** Replaces the whole program; the views refetch only after the write committed. */
export function loyaltySettingsUpdate(input: ParsedInputOf<'loyalty.settings.update'>,
  ctx: HandlerContext): LoyaltySettings {
  const saved = writeLoyaltySettings(ctx.sqlite, input, ctx.now());
  ctx.emit('data.changed', { areas: ['loyalty'] });
  return saved;
}

export function loyaltyMaintenanceRun(_input: ParsedInputOf<'loyalty.maintenance.run'>,
  ctx: HandlerContext): LoyaltyMaintenanceReport {
  const report = runLoyaltyMaintenance(ctx, ctx.now());
  if (postedAnything(report)) ctx.emit('data.changed', { areas: ['loyalty'] });
  return report;
}

export const loyaltyHandlers = {
  'loyalty.balance': loyaltyBalance,
  'loyalty.history': loyaltyHistory,
  'loyalty.adjust': loyaltyAdjust,
  'loyalty.bonus': loyaltyBonus,
  'loyalty.redeem': loyaltyRedeem,
  'loyalty.settings.get': loyaltySettingsGet,
  'loyalty.settings.update': loyaltySettingsUpdate,
  'loyalty.maintenance.run': loyaltyMaintenanceRun,
  'loyalty.maintenance.last': (_input: ParsedInputOf<'loyalty.maintenance.last'>, ctx: HandlerContext) =>
    lastMaintenance(ctx.sqlite),
  ...programHandlers,
};
