import type { Sqlite } from '../../src/main/db/connection';
import type { CampaignMechanic } from '../../src/shared/contract';

/**
 * Launched campaigns written straight into the tables (audience frozen, arms
 * given), for the report, draw and calendar tests: the figures they check
 * are worked out by hand from exactly these rows.
 */
export interface CampaignSpec {
  id: number;
  name?: string;
  storeId?: number | null;
  startsAt: string;
  endsAt: string;
  launchedAt: string | null;
  status?: 'draft' | 'launched' | 'cancelled';
  cancelledAt?: string | null;
  holdoutPercent?: number;
  mechanics?: CampaignMechanic[];
  treatment?: number[];
  holdout?: number[];
}

export function insertCampaign(sqlite: Sqlite, spec: CampaignSpec): void {
  const members = [...(spec.treatment ?? []), ...(spec.holdout ?? [])];
  sqlite.prepare(
    `INSERT INTO campaigns (id, name, goal, status, store_id, starts_at, ends_at, audience, holdout_percent, holdout_salt,
       mechanics, created_at, updated_at, launched_at, audience_count, excluded_no_consent, cancelled_at)
     VALUES (@id, @name, 'reactivate', @status, @storeId, @startsAt, @endsAt, @audience, @holdoutPercent, 'salt',
       @mechanics, @createdAt, @createdAt, @launchedAt, @audienceCount, 0, @cancelledAt)`,
  ).run({
    id: spec.id,
    name: spec.name ?? `Campaign ${spec.id}`,
    status: spec.status ?? (spec.launchedAt === null ? 'draft' : 'launched'),
    storeId: spec.storeId ?? null,
    startsAt: spec.startsAt,
    endsAt: spec.endsAt,
    audience: JSON.stringify({ kind: 'list', entries: members.map(String) }),
    holdoutPercent: spec.holdoutPercent ?? 10,
    mechanics: JSON.stringify(spec.mechanics ?? [{ kind: 'bonus', points: 100 }]),
    createdAt: '2026-01-01T00:00:00.000Z',
    launchedAt: spec.launchedAt,
    audienceCount: spec.launchedAt === null ? null : members.length,
    cancelledAt: spec.cancelledAt ?? null,
  });
  const member = sqlite.prepare('INSERT INTO campaign_members (campaign_id, customer_id, arm) VALUES (?, ?, ?)');
  for (const id of spec.treatment ?? []) member.run(spec.id, id, 'treatment');
  for (const id of spec.holdout ?? []) member.run(spec.id, id, 'holdout');
}

export interface CouponSpec {
  id: number;
  campaignId: number;
  customerId: number;
  kind: 'fixed_amount' | 'percent' | 'free_shipping';
  valueMinor?: number | null;
  percent?: number | null;
  status?: 'issued' | 'used' | 'void';
  usedOrderId?: number | null;
  expiresAt?: string | null;
}

export function insertCampaignCoupon(sqlite: Sqlite, c: CouponSpec): void {
  sqlite.prepare(
    `INSERT INTO campaign_coupons (id, campaign_id, customer_id, store_id, code, kind, value_minor, percent, currency,
       expires_at, status, used_order_id, issued_at, idempotency_key)
     VALUES (?, ?, ?, 1, ?, ?, ?, ?, 'USD', ?, ?, ?, '2026-03-02T00:00:00.000Z', ?)`,
  ).run(c.id, c.campaignId, c.customerId, `BR-TEST-${String(c.id).padStart(4, '0')}`, c.kind, c.valueMinor ?? null,
    c.percent ?? null, c.expiresAt ?? null, c.status ?? 'issued', c.usedOrderId ?? null, `test:coupon:${c.id}`);
}

/** A ledger credit or debit straight into the table (the ledger's own rules are tested elsewhere). */
export function insertLedger(
  sqlite: Sqlite,
  e: { customerId: number; points: number; key: string; type?: string; at?: string; expiresAt?: string | null },
): void {
  const at = e.at ?? '2026-03-02T00:00:00.000Z';
  sqlite.prepare(
    `INSERT INTO points_ledger (customer_id, entry_type, points, idempotency_key, available_at, expires_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(e.customerId, e.type ?? (e.points > 0 ? 'bonus' : 'adjust'), e.points, e.key, at, e.expiresAt ?? null, at);
}
