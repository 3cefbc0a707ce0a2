import { describe, expect, it } from 'vitest';
import type { Sqlite } from '../../src/main/db/connection';
import { ledgerState, post, type LedgerContext } from '../../src/main/domain/loyalty/ledger';
import { liabilityReport } from '../../src/main/domain/loyalty/liability';
import { expiringCustomers } from '../../src/main/domain/loyalty/expiring';
import { balanceOf, isPending, isSpendable } from '../../src/main/domain/loyalty/lots';
import { earnForOrder, reverseForRefund, type EarningRules } from '../../src/main/domain/loyalty/orders';
import { expireDue, redeem } from '../../src/main/domain/loyalty/postings';
import { writeLoyaltySettings } from '../../src/main/domain/loyalty/settings';
import { DEFAULT_LOYALTY_SETTINGS } from '../../src/shared/contract';
import { memoryDb } from '../helpers/db';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';
import { mulberry32 } from '../helpers/random';

/**
 * The set-based liability report (held-lots.ts) against a brute-force replay
 * of every customer's ledger with the lot model (lots.ts), on small random
 * ledgers. What the method promises exactly is compared exactly: always the
 * held, approved + pending and owed totals; with no pending period (lots
 * spendable from the start, one lifetime) also the approved/pending split and
 * the points expiring month by month.
 */
const DAY_MS = 86_400_000;
const CUSTOMERS = [1, 2, 3, 4, 5];

interface Replayed {
  approved: number;
  pending: number;
  debt: number;
  customers: number;
  months: Map<string, number>;
}

function bruteForce(sqlite: Sqlite, at: Date): Replayed {
  const atIso = at.toISOString();
  const result: Replayed = { approved: 0, pending: 0, debt: 0, customers: 0, months: new Map() };
  for (const customerId of CUSTOMERS) {
    const state = ledgerState(sqlite, customerId, atIso);
    const figures = balanceOf(state, at);
    result.approved += figures.approved;
    result.pending += figures.pending;
    result.debt += figures.debt;
    if (figures.approved + figures.pending > 0) result.customers++;
    for (const lot of state.lots) {
      if (!(isSpendable(lot, atIso) || isPending(lot, atIso)) || lot.expiresAt === null) continue;
      const month = lot.expiresAt.slice(0, 7);
      result.months.set(month, (result.months.get(month) ?? 0) + lot.remaining);
    }
  }
  return result;
}

/** A random ledger over ~ a year, with expiry run often enough that nothing is left overdue at the end. */
async function randomLedger(seed: number, pendingDays: number) {
  const random = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const { sqlite } = await memoryDb();
  insertStore(sqlite);
  CUSTOMERS.forEach((id) => insertCustomer(sqlite, id));
  let nowMs = Date.parse('2026-01-01T00:00:00.000Z');
  const ctx: LedgerContext = { sqlite, now: () => new Date(nowMs) };
  const rules: EarningRules = { pointsPerUnit: 1, basis: 'subtotalAfterDiscounts', pendingDays, lifetimeMonths: 4 };
  const orders: { id: number; total: number; refunded: number }[] = [];
  let key = 0;
  for (let step = 0; step < 120; step++) {
    const customerId = CUSTOMERS[int(0, CUSTOMERS.length - 1)] as number;
    const roll = random();
    if (roll < 0.35) {
      const id = orders.length + 1;
      const total = int(100, 30000);
      insertOrder(sqlite, { id, customerId, seq: id, placedAt: new Date(nowMs).toISOString(), totalMinor: total });
      earnForOrder(ctx, id, rules);
      orders.push({ id, total, refunded: 0 });
    } else if (roll < 0.5) {
      const points = int(1, 200);
      post(ctx, { customerId, entryType: 'bonus', points, idempotencyKey: `b${key++}`,
        expiresAt: new Date(nowMs + 120 * DAY_MS).toISOString() });
    } else if (roll < 0.75) {
      const held = balanceOf(ledgerState(sqlite, customerId), new Date(nowMs)).approved;
      if (held > 0) redeem(ctx, { customerId, points: int(1, held), idempotencyKey: `r${key++}` });
    } else if (roll < 0.85 && orders.length > 0) {
      const order = orders[int(0, orders.length - 1)]!;
      order.refunded = random() < 0.5 ? order.total : int(order.refunded, order.total);
      reverseForRefund(ctx, { orderId: order.id, refundedTotalMinor: order.refunded, refundKey: `f${key++}` });
    } else {
      expireDue(ctx);
    }
    nowMs += int(0, 3) * DAY_MS;
  }
  expireDue(ctx);
  writeLoyaltySettings(sqlite, { ...DEFAULT_LOYALTY_SETTINGS, pointValueMinor: 2 }, new Date(nowMs));
  return { sqlite, at: new Date(nowMs) };
}

describe('the liability report against a replay', () => {
  it('agrees on held, approved + pending and owed points on random ledgers with pending periods', async () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { sqlite, at } = await randomLedger(seed, 14);
      const report = liabilityReport(sqlite, at);
      const replay = bruteForce(sqlite, at);
      const label = `seed ${seed}`;
      expect(report.approvedPoints + report.pendingPoints, label).toBe(replay.approved + replay.pending);
      expect(report.debtPoints, label).toBe(replay.debt);
      expect(report.customersWithPoints, label).toBe(replay.customers);
      sqlite.close();
    }
  });

  it('agrees on the split and every month when points are spendable at once', async () => {
    let sawDebt = false;
    for (let seed = 1; seed <= 30; seed++) {
      const { sqlite, at } = await randomLedger(seed, 0);
      const report = liabilityReport(sqlite, at);
      const replay = bruteForce(sqlite, at);
      const label = `seed ${seed}`;
      expect({ approved: report.approvedPoints, pending: report.pendingPoints, debt: report.debtPoints }, label)
        .toEqual({ approved: replay.approved, pending: replay.pending, debt: replay.debt });
      for (const month of report.expiringByMonth) {
        expect(month.points, `${label}, ${month.month}`).toBe(replay.months.get(month.month) ?? 0);
      }
      expect(report.expiringByMonth.reduce((s, m) => s + m.points, 0) + report.neverExpiringPoints, label)
        .toBe(report.approvedPoints);
      sawDebt ||= report.debtPoints > 0;
      sqlite.close();
    }
    expect(sawDebt).toBe(true); // the sequences reach refunds of spent points
  });
});

describe('the liability figures', () => {
  it('values outstanding points at the historical redemption rate, and falls back to 1 without history', async () => {
    const { sqlite } = await memoryDb();
    insertStore(sqlite, 1, 'EUR');
    insertCustomer(sqlite, 1);
    let nowMs = Date.parse('2026-01-10T00:00:00.000Z');
    const ctx: LedgerContext = { sqlite, now: () => new Date(nowMs) };
    writeLoyaltySettings(sqlite, { ...DEFAULT_LOYALTY_SETTINGS, pointValueMinor: 0.5 }, new Date(nowMs));
    post(ctx, { customerId: 1, entryType: 'bonus', points: 1000, idempotencyKey: 'a',
      expiresAt: '2026-03-15T00:00:00.000Z' });
    post(ctx, { customerId: 1, entryType: 'bonus', points: 400, idempotencyKey: 'b', expiresAt: null });
    post(ctx, { customerId: 1, entryType: 'bonus', points: 200, idempotencyKey: 'c',
      availableAt: '2026-02-01T00:00:00.000Z', expiresAt: '2026-06-01T00:00:00.000Z' });
    const fresh = liabilityReport(sqlite, new Date(nowMs));
    expect(fresh).toMatchObject({ approvedPoints: 1400, pendingPoints: 200, debtPoints: 0, customersWithPoints: 1,
      currency: 'EUR', redemptionRate: 1, redemptionRateSource: 'fallback', faceValueMinor: 800, liabilityMinor: 800,
      neverExpiringPoints: 400 });
    expect(fresh.expiringByMonth.slice(0, 6).map((m) => [m.month, m.points, m.cumulativePoints])).toEqual([
      ['2026-01', 0, 0], ['2026-02', 0, 0], ['2026-03', 1000, 1000], ['2026-04', 0, 1000], ['2026-05', 0, 1000],
      ['2026-06', 200, 1200],
    ]);
    redeem(ctx, { customerId: 1, points: 300, idempotencyKey: 'r' }); // from the lot expiring in March
    nowMs = Date.parse('2026-04-01T00:00:00.000Z');
    expireDue(ctx); // the other 700 of it expire
    const later = liabilityReport(sqlite, new Date(nowMs));
    expect(later).toMatchObject({ approvedPoints: 600, pendingPoints: 0, redeemedPoints12Months: 300,
      expiredPoints12Months: 700, redemptionRate: 0.3, redemptionRateSource: 'history', faceValueMinor: 300,
      liabilityMinor: 90 });
    expect(later.expiringByMonth[0]).toMatchObject({ month: '2026-04' });
    sqlite.close();
  });
});

describe('the expiring-soon list', () => {
  it('lists customers by first expiry within 30, 60 or 90 days, in pages', async () => {
    const { sqlite } = await memoryDb();
    insertStore(sqlite);
    CUSTOMERS.forEach((id) => insertCustomer(sqlite, id));
    sqlite.exec("UPDATE customers SET first_name = 'Mia', last_name = 'Chen' WHERE id = 2");
    const now = new Date('2026-01-01T00:00:00.000Z');
    const ctx: LedgerContext = { sqlite, now: () => now };
    const lot = (customerId: number, points: number, days: number | null) => post(ctx, { customerId,
      entryType: 'bonus', points, idempotencyKey: `${customerId}:${points}:${days}`,
      expiresAt: days === null ? null : new Date(now.getTime() + days * DAY_MS).toISOString() });
    lot(1, 100, 20);
    lot(1, 50, 45);
    lot(2, 70, 10);
    lot(3, 30, 80);
    lot(4, 999, null);
    lot(5, 40, 25);
    redeem(ctx, { customerId: 5, points: 40, idempotencyKey: 'spent' }); // nothing left to expire
    expect(expiringCustomers(sqlite, now, 30, 50).customers).toEqual([
      { customerId: 2, name: 'Mia Chen', email: 'c2@example.com', points: 70, firstExpiry: '2026-01-11T00:00:00.000Z' },
      { customerId: 1, name: null, email: 'c1@example.com', points: 100, firstExpiry: '2026-01-21T00:00:00.000Z' },
    ]);
    expect(expiringCustomers(sqlite, now, 60, 50).customers.map((c) => [c.customerId, c.points]))
      .toEqual([[2, 70], [1, 150]]);
    const first = expiringCustomers(sqlite, now, 90, 2);
    expect(first.customers.map((c) => c.customerId)).toEqual([2, 1]);
    const second = expiringCustomers(sqlite, now, 90, 2, first.nextCursor ?? undefined);
    expect(second).toMatchObject({ customers: [{ customerId: 3, points: 30 }], nextCursor: null });
    expect(() => expiringCustomers(sqlite, now, 90, 2, 'nonsense')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    sqlite.close();
  });
});
