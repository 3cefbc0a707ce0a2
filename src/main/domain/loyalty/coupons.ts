import { randomInt } from 'node:crypto';
import type { CouponsList, CouponView, RewardView } from '../../../shared/contract';
import type { Sqlite } from '../../db/connection';
import { enqueueOutbox } from '../outbox/enqueue';
import { statement } from './ledger';

/**
 * Coupons issued by redemptions. The code is what a customer reads out or
 * types: BR-XXXX-XXXX from 31 characters that cannot be mistaken for each
 * other (no 0/O, 1/I/L), drawn with crypto randomness: 31^8 ≈ 8.5e11 codes,
 * so guessing one is hopeless and a collision (retried) is rare.
 */
export const COUPON_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const COUPON_CODE_PATTERN = /^BR-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/;

export function newCouponCode(): string {
  const group = () => Array.from({ length: 4 }, () => COUPON_ALPHABET[randomInt(COUPON_ALPHABET.length)]).join('');
  return `BR-${group()}-${group()}`;
}

interface CouponRow extends Omit<CouponView, 'queuedForStore'> {
  queued: 0 | 1;
}

const SELECT = `SELECT c.id, c.code, c.customer_id AS customerId, c.reward_id AS rewardId, r.name AS rewardName,
    c.ledger_entry_id AS ledgerEntryId, -l.points AS pointsSpent, c.store_id AS storeId, c.kind,
    c.value_minor AS valueMinor, c.percent, c.product_id AS productId, c.min_order_minor AS minOrderMinor,
    c.status, c.issued_at AS issuedAt,
    EXISTS (SELECT 1 FROM outbox o WHERE o.idempotency_key = 'coupon:' || c.id || ':create') AS queued
  FROM coupons c JOIN rewards r ON r.id = c.reward_id JOIN points_ledger l ON l.id = c.ledger_entry_id`;

function view({ queued, ...row }: CouponRow): CouponView {
  return { ...row, queuedForStore: queued === 1 };
}

export function couponByKey(sqlite: Sqlite, idempotencyKey: string): CouponView | undefined {
  const row = statement(sqlite, `${SELECT} WHERE c.idempotency_key = ?`).get(idempotencyKey) as CouponRow | undefined;
  return row && view(row);
}

export function customerCoupons(sqlite: Sqlite, customerId: number): CouponsList {
  const rows = statement(sqlite, `${SELECT} WHERE c.customer_id = ? ORDER BY c.id DESC`).all(customerId) as CouponRow[];
  return { customerId, coupons: rows.map(view) };
}

/** Coupons of this reward the customer holds or used (void ones do not count against the limit). */
export function redeemedCount(sqlite: Sqlite, customerId: number, rewardId: number): number {
  return (statement(sqlite,
    "SELECT count(*) AS n FROM coupons WHERE customer_id = ? AND reward_id = ? AND status <> 'void'",
  ).get(customerId, rewardId) as { n: number }).n;
}

export interface NewCoupon {
  customerId: number;
  storeId: number;
  reward: RewardView;
  ledgerEntryId: number;
  idempotencyKey: string;
}

/**
 * Writes the coupon with a fresh unique code and queues it for the store when
 * the store is connected. Call inside the redemption's transaction.
 */
export function issueCoupon(sqlite: Sqlite, coupon: NewCoupon, now: Date): CouponView {
  const { reward } = coupon;
  const insert = statement(sqlite,
    `INSERT INTO coupons (code, customer_id, reward_id, ledger_entry_id, store_id, kind, value_minor, percent,
       product_id, min_order_minor, status, issued_at, idempotency_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'issued', ?, ?) ON CONFLICT (code) DO NOTHING`);
  let id: number | null = null;
  let code = '';
  for (let attempt = 0; attempt < 8 && id === null; attempt++) {
    code = newCouponCode();
    const result = insert.run(code, coupon.customerId, reward.id, coupon.ledgerEntryId, coupon.storeId, reward.kind,
      reward.valueMinor, reward.percent, reward.productId, reward.minOrderMinor, now.toISOString(),
      coupon.idempotencyKey);
    if (result.changes === 1) id = Number(result.lastInsertRowid);
  }
  if (id === null) throw new Error('Could not find an unused coupon code after 8 attempts.');
  enqueueOutbox(sqlite, {
    storeId: coupon.storeId,
    idempotencyKey: `coupon:${id}:create`,
    operation: 'coupon.create',
    targetType: 'coupon',
    targetId: id,
    payload: { code, kind: reward.kind, valueMinor: reward.valueMinor, percent: reward.percent,
      productId: reward.productId, minOrderMinor: reward.minOrderMinor, customerId: coupon.customerId,
      usageLimit: 1 },
  }, now);
  return couponByKey(sqlite, coupon.idempotencyKey) as CouponView;
}
