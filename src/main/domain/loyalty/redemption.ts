import type { CouponView } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/log';
import { couponByKey, issueCoupon, redeemedCount } from './coupons';
import {
  inLedgerTransaction, ledgerState, post, requireCustomer, statement, type LedgerContext, type LedgerEntry,
} from './ledger';
import { spendableLots } from './lots';
import { requireReward } from './rewards';

/**
 * Redeeming a reward: the redeem entry (oldest-expiring lots first, as every
 * debit), the coupon and its outbox message, in ONE immediate transaction. The
 * write lock is taken before the balance is read, so of two redemptions racing
 * for the same points the second waits, sees the first, and is refused.
 */
export interface RewardRedemption {
  customerId: number;
  rewardId: number;
  /** One per attempt: a retry returns the first coupon instead of issuing another. */
  idempotencyKey: string;
  staffId?: number | null;
}

export interface RedeemedReward {
  entry: LedgerEntry;
  coupon: CouponView;
  replayed: boolean;
}

/** The ledger key of a reward redemption; the coupon carries the caller's key itself. */
export const rewardRedeemKey = (idempotencyKey: string): string => `reward:${idempotencyKey}`;

function entryById(ctx: LedgerContext, id: number): LedgerEntry {
  return statement(ctx.sqlite,
    `SELECT id, customer_id AS customerId, entry_type AS entryType, points, order_id AS orderId,
       idempotency_key AS idempotencyKey, available_at AS availableAt, expires_at AS expiresAt, reason,
       staff_id AS staffId, created_at AS createdAt FROM points_ledger WHERE id = ?`,
  ).get(id) as LedgerEntry;
}

function replayOf(ctx: LedgerContext, request: RewardRedemption): RedeemedReward | null {
  const coupon = couponByKey(ctx.sqlite, request.idempotencyKey);
  if (!coupon) return null;
  if (coupon.customerId !== request.customerId || coupon.rewardId !== request.rewardId) {
    throw new AppError('CONFLICT', 'This redemption key was already used for another customer or reward.');
  }
  return { entry: entryById(ctx, coupon.ledgerEntryId), coupon, replayed: true };
}

export function redeemReward(ctx: LedgerContext, request: RewardRedemption): RedeemedReward {
  return inLedgerTransaction(ctx, () => {
    const replay = replayOf(ctx, request);
    if (replay) return replay;
    requireCustomer(ctx.sqlite, request.customerId, 'VALIDATION');
    const reward = requireReward(ctx.sqlite, request.rewardId, 'VALIDATION');
    if (!reward.active) {
      throw new AppError('CONFLICT', `The reward "${reward.name}" is no longer offered.`);
    }
    const now = ctx.now();
    const spendable = spendableLots(ledgerState(ctx.sqlite, request.customerId), now.toISOString())
      .reduce((sum, lot) => sum + lot.remaining, 0);
    if (spendable < reward.pointsCost) {
      throw new AppError('VALIDATION',
        `The customer has ${spendable} spendable points; "${reward.name}" costs ${reward.pointsCost}.`,
        { spendable, cost: reward.pointsCost });
    }
    if (reward.limitPerCustomer !== null) {
      const used = redeemedCount(ctx.sqlite, request.customerId, reward.id);
      if (used >= reward.limitPerCustomer) {
        throw new AppError('CONFLICT', `The customer has already redeemed "${reward.name}" ${used} ` +
          `time${used === 1 ? '' : 's'}, the most allowed per customer.`, { used, limit: reward.limitPerCustomer });
      }
    }
    const { entry } = post(ctx, {
      customerId: request.customerId,
      entryType: 'redeem',
      points: -reward.pointsCost,
      idempotencyKey: rewardRedeemKey(request.idempotencyKey),
      reason: `Redeemed: ${reward.name}`,
      staffId: request.staffId ?? null,
    });
    const { storeId } = statement(ctx.sqlite, 'SELECT store_id AS storeId FROM customers WHERE id = ?')
      .get(request.customerId) as { storeId: number };
    const coupon = issueCoupon(ctx.sqlite, { customerId: request.customerId, storeId, reward, ledgerEntryId: entry.id,
      idempotencyKey: request.idempotencyKey }, now);
    recordAudit(ctx.sqlite, { at: now, staffId: request.staffId ?? null, entityType: 'customer',
      entityId: request.customerId, action: 'points.redeem',
      detail: { rewardId: reward.id, points: reward.pointsCost, couponCode: coupon.code, ledgerEntryId: entry.id } });
    return { entry, coupon, replayed: false };
  });
}
