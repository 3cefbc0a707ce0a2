import type { CustomerOrderSummary, CustomerProfile, CustomerSegment } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { balance, type LedgerContext } from '../loyalty/ledger';
import { tierStatus } from '../loyalty/tiers';
import { customerName } from '../orders/list';
import { nextPurchaseWindow } from './next-purchase';
import { liveFigures, QUALIFYING_ORDER } from './rfm';
import { customerTimeline } from './timeline';

/**
 * `customers.get`: the 360° profile. Every part is a short index walk by
 * customer id (orders_customer, the timeline's per-source indexes, the
 * ledger's), so it stays fast however big the store.
 */
const RECENT_ORDERS = 20;
const TIMELINE_ITEMS = 100;

interface CustomerRecord {
  id: number;
  storeId: number;
  storeName: string;
  externalId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  birthday: string | null;
  marketing: number;
  personalization: number;
  remoteTags: string;
  localTags: string;
  localNote: string | null;
  createdAt: string;
  mergedIntoId: number | null;
}

function tags(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : [];
}

function customerRecord(sqlite: Sqlite, id: number): CustomerRecord {
  const row = sqlite
    .prepare<[number], CustomerRecord>(
      `SELECT c.id, c.store_id AS storeId, s.name AS storeName, c.external_id AS externalId,
              c.first_name AS firstName, c.last_name AS lastName, c.email, c.phone, c.country, c.region, c.city,
              c.birthday, c.marketing_consent AS marketing, c.personalization_consent AS personalization,
              c.remote_tags AS remoteTags, c.local_tags AS localTags, c.local_note AS localNote,
              c.created_at AS createdAt, c.merged_into_id AS mergedIntoId
         FROM customers c JOIN stores s ON s.id = c.store_id WHERE c.id = ?`,
    )
    .get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no customer with id ${id}.`);
  return row;
}

function mergedFrom(sqlite: Sqlite, id: number): CustomerProfile['mergedFrom'] {
  return sqlite
    .prepare<[number], { id: number; firstName: string | null; lastName: string | null; email: string | null; mergedAt: string }>(
      `SELECT c.id, c.first_name AS firstName, c.last_name AS lastName, c.email, m.merged_at AS mergedAt
         FROM customer_merges m JOIN customers c ON c.id = m.source_customer_id
        WHERE m.target_customer_id = ? ORDER BY m.id`,
    )
    .all(id)
    .map((r) => ({ id: r.id, name: customerName(r.firstName, r.lastName), email: r.email, mergedAt: r.mergedAt }));
}

function recentOrders(sqlite: Sqlite, id: number): CustomerOrderSummary[] {
  return sqlite
    .prepare<[number], CustomerOrderSummary>(
      `SELECT id, order_number AS orderNumber, placed_at AS placedAt, status, financial_status AS financialStatus,
              fulfillment_status AS fulfillmentStatus, currency, total_minor AS totalMinor, refunded_minor AS refundedMinor
         FROM orders WHERE customer_id = ? ORDER BY placed_at DESC, id DESC LIMIT ${RECENT_ORDERS}`,
    )
    .all(id);
}

function orderTimes(sqlite: Sqlite, id: number): string[] {
  return sqlite
    .prepare<[number], { placedAt: string }>(
      `SELECT o.placed_at AS placedAt FROM orders o WHERE o.customer_id = ? AND ${QUALIFYING_ORDER} ORDER BY o.placed_at`,
    )
    .all(id)
    .map((r) => r.placedAt);
}

interface RfmRecord {
  r: number | null;
  f: number | null;
  m: number | null;
  segment: CustomerSegment | null;
  recencyDays: number | null;
  computedAt: string;
}

function rfmScores(sqlite: Sqlite, id: number): CustomerProfile['rfm'] {
  const row = sqlite
    .prepare<[number], RfmRecord>(
      `SELECT r, f, m, segment, recency_days AS recencyDays, computed_at AS computedAt FROM customer_rfm WHERE customer_id = ?`,
    )
    .get(id);
  if (!row || row.segment === null || row.r === null || row.f === null || row.m === null) return null;
  return { r: row.r, f: row.f, m: row.m, segment: row.segment, recencyDays: row.recencyDays ?? 0, computedAt: row.computedAt };
}

export function customerProfile(ctx: LedgerContext, id: number): CustomerProfile {
  const { sqlite } = ctx;
  const c = customerRecord(sqlite, id);
  const live = liveFigures(sqlite, id);
  const spend = live.spend ?? 0;
  const { approved, pending, debt, expiringSoon } = balance(ctx, id);
  return {
    id: c.id, storeId: c.storeId, storeName: c.storeName, externalId: c.externalId,
    name: customerName(c.firstName, c.lastName), firstName: c.firstName, lastName: c.lastName,
    email: c.email, phone: c.phone, country: c.country, region: c.region, city: c.city, birthday: c.birthday,
    consent: { marketing: c.marketing === 1, personalization: c.personalization === 1 },
    remoteTags: tags(c.remoteTags), localTags: tags(c.localTags), localNote: c.localNote, createdAt: c.createdAt,
    mergedFrom: mergedFrom(sqlite, id),
    mergedIntoId: c.mergedIntoId,
    figures: {
      ordersCount: live.n, currency: live.currency, lifetimeSpendMinor: spend,
      averageOrderValueMinor: live.n > 0 ? Math.round(spend / live.n) : null,
      firstOrderAt: live.firstAt, lastOrderAt: live.lastAt,
    },
    nextPurchase: nextPurchaseWindow(orderTimes(sqlite, id)),
    rfm: rfmScores(sqlite, id),
    points: { approved, pending, debt, expiringSoon },
    tier: tierStatus(ctx, id),
    recentOrders: recentOrders(sqlite, id),
    timeline: customerTimeline(sqlite, id, TIMELINE_ITEMS),
  };
}
