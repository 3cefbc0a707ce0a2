import type { Sqlite } from '../../db/connection';
import { statement } from '../loyalty/ledger';
import { newCouponCode } from '../loyalty/coupons';
import { enqueueOutbox } from '../outbox/enqueue';

/**
 * Campaign coupons: one unique code per treatment member (coupon drops) or per
 * draw winner. The idempotency key names the event (campaign:<id>:coupon:<customer>,
 * draw:<id>:coupon:<customer>), so a retried launch or draw gets the first code
 * back. Queued for the store as 'coupon.create' with the payload the loyalty
 * coupons send (the connectors' push.ts read it), plus expiresAt.
 * Runs in the caller's transaction.
 */
export interface NewCampaignCoupon {
  campaignId: number;
  customerId: number;
  storeId: number;
  kind: 'fixed_amount' | 'percent' | 'free_shipping';
  valueMinor: number | null;
  percent: number | null;
  minOrderMinor: number;
  currency: string | null;
  expiresAt: string | null;
  idempotencyKey: string;
}

export const campaignCouponOutboxKey = (couponId: number): string => `campaign-coupon:${couponId}:create`;

/** `makeCode`: crypto-random codes; the demo store passes a seeded one so its content follows from its seed. */
export function issueCampaignCoupon(sqlite: Sqlite, coupon: NewCampaignCoupon, now: Date,
  makeCode: () => string = newCouponCode): { id: number; code: string; replayed: boolean } {
  const existing = statement(sqlite, 'SELECT id, code FROM campaign_coupons WHERE idempotency_key = ?')
    .get(coupon.idempotencyKey) as { id: number; code: string } | undefined;
  if (existing) return { ...existing, replayed: true };
  // ON CONFLICT (code) only: a taken code retries with a fresh one; a taken key cannot happen after the read above
  // inside the caller's write transaction.
  const insert = statement(sqlite,
    `INSERT INTO campaign_coupons (campaign_id, customer_id, store_id, code, kind, value_minor, percent, min_order_minor,
       currency, expires_at, status, issued_at, idempotency_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'issued', ?, ?) ON CONFLICT (code) DO NOTHING`);
  let id: number | null = null;
  let code = '';
  for (let attempt = 0; attempt < 8 && id === null; attempt++) {
    code = makeCode();
    const result = insert.run(coupon.campaignId, coupon.customerId, coupon.storeId, code, coupon.kind, coupon.valueMinor,
      coupon.percent, coupon.minOrderMinor, coupon.currency, coupon.expiresAt, now.toISOString(), coupon.idempotencyKey);
    if (result.changes === 1) id = Number(result.lastInsertRowid);
  }
  if (id === null) throw new Error('Could not find an unused coupon code after 8 attempts.');
  enqueueOutbox(sqlite, {
    storeId: coupon.storeId,
    idempotencyKey: campaignCouponOutboxKey(id),
    operation: 'coupon.create',
    targetType: 'campaign_coupon',
    targetId: id,
    payload: { code, kind: coupon.kind, valueMinor: coupon.valueMinor, percent: coupon.percent, productId: null,
      minOrderMinor: coupon.minOrderMinor, customerId: coupon.customerId, usageLimit: 1, expiresAt: coupon.expiresAt },
  }, now);
  return { id, code, replayed: false };
}
