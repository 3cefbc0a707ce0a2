import type {
  CouponsList, ExpiringList, LiabilityReport, ParsedInputOf, RewardsList, RewardView, TierStatus,
} from '../../../shared/contract';
import type { HandlerContext } from '../../core/handler';
import { customerCoupons } from './coupons';
import { expiringCustomers } from './expiring';
import { requireCustomer } from './ledger';
import { liabilityReport } from './liability';
import { archiveReward, listRewards, saveReward } from './rewards';
import { tierStatus } from './tiers';

/** The program-wide operations: the rewards catalog, coupons, tiers and reports. */

function rewardsList(input: ParsedInputOf<'loyalty.rewards.list'>, ctx: HandlerContext): RewardsList {
  return listRewards(ctx.sqlite, input.includeInactive ?? false);
}

function rewardsSave(input: ParsedInputOf<'loyalty.rewards.save'>, ctx: HandlerContext): RewardView {
  const saved = saveReward(ctx.sqlite, input, ctx.now());
  ctx.emit('data.changed', { areas: ['loyalty'] });
  return saved;
}

function rewardsArchive(input: ParsedInputOf<'loyalty.rewards.archive'>, ctx: HandlerContext): RewardView {
  const archived = archiveReward(ctx.sqlite, input.id, ctx.now());
  ctx.emit('data.changed', { areas: ['loyalty'] });
  return archived;
}

function coupons(input: ParsedInputOf<'loyalty.coupons'>, ctx: HandlerContext): CouponsList {
  requireCustomer(ctx.sqlite, input.customerId);
  return customerCoupons(ctx.sqlite, input.customerId);
}

function tier(input: ParsedInputOf<'loyalty.tier'>, ctx: HandlerContext): TierStatus | null {
  requireCustomer(ctx.sqlite, input.customerId);
  return tierStatus(ctx, input.customerId);
}

function liability(input: ParsedInputOf<'loyalty.liability'>, ctx: HandlerContext): LiabilityReport {
  return liabilityReport(ctx.sqlite, input.at === undefined ? ctx.now() : new Date(input.at));
}

function expiring(input: ParsedInputOf<'loyalty.expiring'>, ctx: HandlerContext): ExpiringList {
  return expiringCustomers(ctx.sqlite, ctx.now(), input.days, input.limit, input.cursor);
}

export const programHandlers = {
  'loyalty.rewards.list': rewardsList,
  'loyalty.rewards.save': rewardsSave,
  'loyalty.rewards.archive': rewardsArchive,
  'loyalty.coupons': coupons,
  'loyalty.tier': tier,
  'loyalty.liability': liability,
  'loyalty.expiring': expiring,
};
