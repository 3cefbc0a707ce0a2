import type { CampaignReport } from '../../../../shared/contract';
import type { Sqlite } from '../../../db/connection';
import { statement } from '../../loyalty/ledger';
import { readLoyaltySettings } from '../../loyalty/settings';

/**
 * What a campaign cost:
 * - points: every ledger entry whose idempotency key belongs to the campaign
 *   (`campaign:<id>:…`) or to one of its draws (`draw:<drawId>:…`), net of any
 *   reversals posted under those keys and of the campaign's share of refunds:
 *   a refund takes back an order's earning and every campaign's extra points on
 *   it together (loyalty's reverseForRefund, under the refund's own key), so
 *   this campaign's extra on the order counts only in the proportion the
 *   reversals left (pointsTakenBack); valued at the program's point value;
 * - coupons: the discount of each campaign coupon that was used (fixed: its
 *   amount; percent: that share of the order's subtotal; free shipping: the
 *   order's shipping). Orders do not record which discount code they carried,
 *   so "used" is the coupon's own status (set with the order that used it).
 * Key prefixes are read as ranges of the ledger's unique key index:
 * [`campaign:7:`, `campaign:7;`) holds exactly the keys starting `campaign:7:`.
 */
function prefixRange(prefix: string): [string, string] {
  const last = prefix.charCodeAt(prefix.length - 1);
  return [prefix, prefix.slice(0, -1) + String.fromCharCode(last + 1)];
}

function pointsUnder(sqlite: Sqlite, prefix: string): number {
  const [from, to] = prefixRange(prefix);
  return (statement(sqlite,
    'SELECT coalesce(sum(points), 0) AS n FROM points_ledger WHERE idempotency_key >= ? AND idempotency_key < ?',
  ).get(from, to) as { n: number }).n;
}

export function campaignPointsPosted(sqlite: Sqlite, campaignId: number): number {
  const drawIds = statement(sqlite, 'SELECT id FROM draws WHERE campaign_id = ?').all(campaignId) as { id: number }[];
  return drawIds.reduce((sum, draw) => sum + pointsUnder(sqlite, `draw:${draw.id}:`), pointsUnder(sqlite, `campaign:${campaignId}:`));
}

/**
 * The campaign's extra points on orders (`campaign:<id>:order:<orderId>`) that
 * refunds took back: on each order, its extra × the share of the order's
 * earning plus all campaigns' extras that reversals took (at most all of it).
 */
function pointsTakenBack(sqlite: Sqlite, campaignId: number): number {
  const [from, to] = prefixRange(`campaign:${campaignId}:order:`);
  const orders = statement(sqlite,
    `SELECT sum(m.points) AS points,
       (SELECT -coalesce(sum(r.points), 0) FROM points_ledger r WHERE r.order_id = m.order_id
         AND r.entry_type = 'reverse') AS reversed,
       (SELECT coalesce(sum(e.points), 0) FROM points_ledger e WHERE e.order_id = m.order_id
         AND (e.entry_type = 'earn' OR (e.entry_type = 'bonus' AND e.idempotency_key LIKE 'campaign:%'))) AS base
     FROM points_ledger m WHERE m.idempotency_key >= ? AND m.idempotency_key < ? AND m.order_id IS NOT NULL
     GROUP BY m.order_id`,
  ).all(from, to) as { points: number; reversed: number; base: number }[];
  const taken = orders.reduce((sum, order) =>
    (order.base > 0 && order.reversed > 0 ? sum + order.points * Math.min(1, order.reversed / order.base) : sum), 0);
  return Math.round(taken);
}

interface CouponFigures {
  issued: number;
  used: number;
  discountMinor: number | null;
}

function couponFigures(sqlite: Sqlite, campaignId: number): CouponFigures {
  return statement(sqlite,
    `SELECT count(*) FILTER (WHERE c.status <> 'void') AS issued,
       count(*) FILTER (WHERE c.status = 'used') AS used,
       sum(CASE WHEN c.status <> 'used' THEN 0
         WHEN c.kind = 'fixed_amount' THEN coalesce(c.value_minor, 0)
         WHEN c.kind = 'percent' THEN round(coalesce(c.percent, 0) * coalesce(o.subtotal_minor, 0) / 100.0)
         ELSE coalesce(o.shipping_minor, 0) END) AS discountMinor
     FROM campaign_coupons c LEFT JOIN orders o ON o.id = c.used_order_id
     WHERE c.campaign_id = ?`,
  ).get(campaignId) as CouponFigures;
}

export function campaignCost(sqlite: Sqlite, campaignId: number): CampaignReport['cost'] {
  const pointsPosted = campaignPointsPosted(sqlite, campaignId);
  const takenBack = pointsTakenBack(sqlite, campaignId);
  const pointsValueMinor = Math.round((pointsPosted - takenBack) * readLoyaltySettings(sqlite).pointValueMinor);
  const coupons = couponFigures(sqlite, campaignId);
  const couponDiscountMinor = Math.round(coupons.discountMinor ?? 0);
  return {
    pointsPosted,
    pointsTakenBack: takenBack,
    pointsValueMinor,
    couponsIssued: coupons.issued,
    couponsUsed: coupons.used,
    couponDiscountMinor,
    totalMinor: pointsValueMinor + couponDiscountMinor,
  };
}
