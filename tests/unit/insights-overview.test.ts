import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection, Sqlite } from '../../src/main/db/connection';
import { adjust, redeem } from '../../src/main/domain/loyalty/postings';
import { readLoyaltySettings } from '../../src/main/domain/loyalty/settings';
import { overview } from '../../src/main/domain/insights/operations';
import { slaReport } from '../../src/main/domain/service/sla/report';
import { memoryDb } from '../helpers/db';
import { handlerContext } from '../helpers/context';
import { NOW, insertRetentionStore, parsed } from './insights-fixture';

/**
 * The tiles for March 2026 (previous period: the 31 days before, Jan 29 – Feb 28),
 * on the retention store plus tickets, shipments, returns and points.
 */
let connection: Connection;
beforeEach(async () => {
  connection = await memoryDb();
  insertRetentionStore(connection.sqlite);
  insertService(connection.sqlite);
});
afterEach(() => connection.close());

function insertService(sqlite: Sqlite): void {
  const ticket = sqlite.prepare(`INSERT INTO tickets (id, channel, subject, status, first_reply_breached, resolution_breached,
      csat_score, merged_into_id, created_at, updated_at) VALUES (?, 'email', 'Parcel', ?, ?, ?, ?, ?, ?, ?)`);
  // [id, status, first reply breached, resolution breached, csat, merged into, created]
  const tickets: [number, string, number | null, number | null, number | null, number | null, string][] = [
    [1, 'solved', 0, 0, 5, null, '2026-03-02'], // 2 targets met
    [2, 'solved', 1, 0, 3, null, '2026-03-10'], // 1 of 2
    [3, 'open', 0, null, null, null, '2026-03-15'], // first reply met; resolution undecided, due in the future
    [6, 'open', null, null, null, null, '2026-03-20'], // both undecided; the resolution is already overdue: missed
    [4, 'solved', 0, 1, 4, null, '2026-02-10'], // previous period: 1 of 2
    [5, 'solved', 1, 1, 1, 1, '2026-03-03'], // merged into ticket 1: counted there, not again
  ];
  for (const [id, status, first, resolution, csat, merged, day] of tickets) {
    ticket.run(id, status, first, resolution, csat, merged, `${day}T09:00:00.000Z`, `${day}T09:00:00.000Z`);
  }
  sqlite.prepare(`UPDATE tickets SET first_reply_due_at = '2026-06-01T00:00:00.000Z', resolution_due_at = ? WHERE id IN (3, 6)`)
    .run('2026-05-20T00:00:00.000Z');
  sqlite.prepare(`UPDATE tickets SET resolution_due_at = '2026-04-01T00:00:00.000Z' WHERE id = 6`).run();
  const shipment = sqlite.prepare(`INSERT INTO shipments (id, order_id, store_id, external_id, carrier, status, shipped_at,
      original_estimated_delivery_at, estimated_delivery_at, delivered_at, created_at, updated_at)
    VALUES (?, ?, 1, ?, 'UPS', ?, ?, ?, ?, ?, ?, ?)`);
  const at = (day: string | null) => (day ? `${day}T15:00:00.000Z` : null);
  // [id, order, status, shipped, original estimate, estimate, delivered]
  const shipments: [number, number, string, string, string | null, string | null, string | null][] = [
    [1, 7, 'Delivered', '2026-03-02', '2026-03-06', '2026-03-06', '2026-03-05'], // on time
    [2, 9, 'Delivered', '2026-03-10', '2026-03-12', '2026-03-16', '2026-03-15'], // late against the original
    [3, 10, 'Delivered', '2026-03-20', null, '2026-03-21', '2026-03-21'], // on time by the only estimate
    [4, 12, 'InTransit', '2026-03-25', '2026-03-30', '2026-03-30', null],
    [5, 8, 'Delivered', '2026-02-20', '2026-02-24', '2026-02-24', '2026-02-25'], // previous period, late
  ];
  for (const [id, orderId, status, shipped, original, estimate, delivered] of shipments) {
    shipment.run(id, orderId, `s${id}`, status, at(shipped), at(original), at(estimate), at(delivered), at(shipped), at(shipped));
  }
  const returned = sqlite.prepare(`INSERT INTO returns (id, store_id, rma_number, order_id, status, reason, currency,
      requested_at, updated_at) VALUES (?, 1, ?, ?, 'requested', 'damaged', 'USD', ?, ?)`);
  returned.run(1, 'RMA-1', 9, '2026-03-16T10:00:00.000Z', '2026-03-16T10:00:00.000Z');
  returned.run(2, 'RMA-2', 8, '2026-02-27T10:00:00.000Z', '2026-02-27T10:00:00.000Z');
}

const march = { range: { from: '2026-03-01', to: '2026-03-31' } };

describe('insights.overview', () => {
  it('gives each tile for the range and the period before it', () => {
    const tiles = overview(parsed('insights.overview', march), handlerContext(connection, NOW));
    expect(tiles.range).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(tiles.previousRange).toEqual({ from: '2026-01-29', to: '2026-02-28' });
    // First orders in March: c5 and c6, both again later; before: c3 (again) and c4 (not).
    expect(tiles.repeatPurchaseRate).toEqual({ current: 1, previous: 0.5 });
    // March targets: 5 decided (4 met) and ticket 6's overdue resolution (missed); February: 2, met 1.
    expect(tiles.slaCompliance).toEqual({ current: 4 / 6, previous: 0.5 });
    // The same figure as the service desk's SLA report.
    const report = slaReport(connection.sqlite, march, NOW).byPriority;
    const met = report.reduce((sum, r) => sum + r.firstReplyMet + r.resolutionMet, 0);
    const missed = report.reduce((sum, r) => sum + r.firstReplyMissed + r.resolutionMissed, 0);
    expect(tiles.slaCompliance.current).toBe(met / (met + missed));
    expect(tiles.csatAverage).toEqual({ current: 4, previous: 4, responses: 2 });
    // One return requested in March over three parcels shipped in March and delivered; one over one before.
    expect(tiles.returnRate.current).toBeCloseTo(1 / 3);
    expect(tiles.returnRate.previous).toBe(1);
    // Shipped in March with an estimate and delivered: 3, on time 2; before: 1, late.
    expect(tiles.onTimeDeliveryRate.current).toBeCloseTo(2 / 3);
    expect(tiles.onTimeDeliveryRate.previous).toBe(0);
    expect(tiles.rollupsAt).toBe(NOW.toISOString());
  });

  it('has no previous period for an open range, and no rates without data', () => {
    const tiles = overview(parsed('insights.overview', { range: { to: '2025-12-31' } }), handlerContext(connection, NOW));
    expect(tiles.previousRange).toBeNull();
    expect(tiles.repeatPurchaseRate).toEqual({ current: null, previous: null });
    expect(tiles.slaCompliance.current).toBeNull();
    expect(tiles.csatAverage).toEqual({ current: null, previous: null, responses: 0 });
    expect(tiles.returnRate.current).toBeNull();
    expect(tiles.onTimeDeliveryRate.current).toBeNull();
  });

  it('takes points liability and redemption rate from the loyalty area’s report', () => {
    const ledger = { sqlite: connection.sqlite, now: () => new Date('2026-05-01T00:00:00.000Z') };
    const before = overview(parsed('insights.overview', march), handlerContext(connection, NOW));
    expect(before.pointsLiabilityMinor).toBe(0);
    expect(before.redemptionRate).toBeNull();
    adjust(ledger, { customerId: 1, points: 1000, reason: 'Welcome gift', lifetimeDays: null });
    redeem(ledger, { customerId: 1, points: 300, idempotencyKey: 'r1' });
    const tiles = overview(parsed('insights.overview', march), handlerContext(connection, NOW));
    // Redeemed 300, expired none in 12 months: every point is expected to be redeemed.
    expect(tiles.redemptionRate).toBe(1);
    expect(tiles.pointsLiabilityMinor).toBe(Math.round(700 * readLoyaltySettings(connection.sqlite).pointValueMinor));
    expect(tiles.pointsLiabilityMinor).toBeGreaterThan(0);
  });
});
