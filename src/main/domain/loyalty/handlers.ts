import type {
  LedgerPostingResult, LoyaltySettings, ParsedInputOf, PointsBalance, PointsHistory,
} from '../../../shared/contract';
import type { HandlerContext } from '../../core/handler';
import { balance, ledgerState, type Posting } from './ledger';
import { entryView, history } from './history';
import { adjust, redeem } from './postings';
import { readLoyaltySettings, writeLoyaltySettings } from './settings';

export function loyaltyBalance(input: ParsedInputOf<'loyalty.balance'>, ctx: HandlerContext): PointsBalance {
  const at = ctx.now();
  return { customerId: input.customerId, at: at.toISOString(), ...balance(ctx, input.customerId, at) };
}

export function loyaltyHistory(input: ParsedInputOf<'loyalty.history'>, ctx: HandlerContext): PointsHistory {
  return history(ctx, input.customerId, input.limit, input.before);
}

/** The posting as the UI sees it, and tells every view of loyalty to refetch when something was written. */
function postingResult(ctx: HandlerContext, posting: Posting): LedgerPostingResult {
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

export function loyaltyAdjust(input: ParsedInputOf<'loyalty.adjust'>, ctx: HandlerContext): LedgerPostingResult {
  return postingResult(ctx, adjust(ctx, input));
}

export function loyaltyRedeem(input: ParsedInputOf<'loyalty.redeem'>, ctx: HandlerContext): LedgerPostingResult {
  return postingResult(ctx, redeem(ctx, input));
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

export const loyaltyHandlers = {
  'loyalty.balance': loyaltyBalance,
  'loyalty.history': loyaltyHistory,
  'loyalty.adjust': loyaltyAdjust,
  'loyalty.redeem': loyaltyRedeem,
  'loyalty.settings.get': loyaltySettingsGet,
  'loyalty.settings.update': loyaltySettingsUpdate,
};
