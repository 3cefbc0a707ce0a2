import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/core/dispatch';
import type { HandlerContext } from '../../src/main/core/handler';
import { handlers } from '../../src/main/core/handlers';
import type { Sqlite } from '../../src/main/db/connection';
import { balance } from '../../src/main/domain/loyalty/ledger';
import { addMonthsUtc, earnForOrder } from '../../src/main/domain/loyalty/orders';
import { adjust } from '../../src/main/domain/loyalty/postings';
import { DEFAULT_LOYALTY_SETTINGS, type LoyaltySettings } from '../../src/shared/contract';
import { memoryDb } from '../helpers/db';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';

/**
 * Earning reads the merchant's settings. The order used throughout, placed
 * 2026-03-01T10:00Z in USD: subtotal 100.00, discount 15.00, shipping 7.00,
 * tax 8.50, total 100.50; so 85.00 after discounts (shipping and tax left out).
 */
let sqlite: Sqlite;
let clock: Date;
let ctx: HandlerContext;
const PLACED = '2026-03-01T10:00:00.000Z';

function placeOrder(id: number, placedAt = PLACED): void {
  insertOrder(sqlite, { id, customerId: 1, seq: id, placedAt, totalMinor: 10050 });
  sqlite.prepare(`UPDATE orders SET subtotal_minor = 10000, discount_minor = 1500, shipping_minor = 700,
    tax_minor = 850 WHERE id = ?`).run(id);
}

async function save(edit: (s: LoyaltySettings) => void): Promise<void> {
  const settings = structuredClone(DEFAULT_LOYALTY_SETTINGS);
  edit(settings);
  const result = await dispatch(handlers, ctx, 'loyalty.settings.update', settings, () => undefined);
  expect(result.ok).toBe(true);
}

beforeEach(async () => {
  const connection = await memoryDb();
  sqlite = connection.sqlite;
  insertStore(sqlite);
  insertCustomer(sqlite, 1);
  clock = new Date('2026-03-02T00:00:00.000Z');
  ctx = { sqlite, db: connection.db, dbPath: ':memory:', now: () => clock, emit: () => undefined };
});

describe('earning under the stored settings', () => {
  it('keeps the defaults when nothing is stored: 85 points, pending 14 days, expiring in 12 months', () => {
    placeOrder(1);
    expect(earnForOrder(ctx, 1)?.entry).toMatchObject({
      points: 85, availableAt: '2026-03-15T10:00:00.000Z', expiresAt: '2027-03-01T10:00:00.000Z',
    });
  });

  it('uses a changed rate, pending period and lifetime', async () => {
    await save((s) => {
      s.earning.pointsPerCurrencyUnit = 2.5; // 85.00 × 2.5 = 212.5 → 212
      s.earning.pendingDays = 3; // 1 March 10:00 + 3 days
      s.earning.lotLifetimeMonths = 6; // 1 September
    });
    placeOrder(1);
    expect(earnForOrder(ctx, 1)?.entry).toMatchObject({
      points: 212, availableAt: '2026-03-04T10:00:00.000Z', expiresAt: '2026-09-01T10:00:00.000Z',
    });
    expect(balance(ctx, 1)).toMatchObject({ approved: 0, pending: 212 });
    clock = new Date('2026-03-04T10:00:00.000Z');
    expect(balance(ctx, 1)).toMatchObject({ approved: 212, pending: 0 });
  });

  it('earns on what was charged when the basis is the total: 100.50 × 2.5 = 251.25 → 251', async () => {
    await save((s) => {
      s.earning.pointsPerCurrencyUnit = 2.5;
      s.earning.basis = 'total';
    });
    placeOrder(1);
    expect(earnForOrder(ctx, 1)?.entry.points).toBe(251);
  });

  it('counts decimal rates exactly: 0.57 per unit on 85.00 is 48.45 → 48, on 100.00 exactly 57', async () => {
    await save((s) => (s.earning.pointsPerCurrencyUnit = 0.57));
    placeOrder(1);
    expect(earnForOrder(ctx, 1)?.entry.points).toBe(48);
    insertOrder(sqlite, { id: 2, customerId: 1, seq: 2, placedAt: PLACED, totalMinor: 10000 });
    expect(earnForOrder(ctx, 2)?.entry.points).toBe(57); // 10000 × 0.57 / 100 is 56.99… in floating point
  });

  it('makes points spendable at once with no pending period, and never expire without a lifetime', async () => {
    await save((s) => {
      s.earning.pendingDays = 0;
      s.earning.lotLifetimeMonths = null;
    });
    placeOrder(1);
    expect(earnForOrder(ctx, 1)?.entry).toMatchObject({ points: 85, availableAt: PLACED, expiresAt: null });
    expect(balance(ctx, 1)).toMatchObject({ approved: 85, pending: 0 });
  });

  it('earns nothing while the program is switched off', async () => {
    await save((s) => (s.enabled = false));
    placeOrder(1);
    expect(earnForOrder(ctx, 1)).toBeNull();
    expect(sqlite.prepare('SELECT count(*) FROM points_ledger').pluck().get()).toBe(0);
  });

  it('leaves points already earned as they were when the rules change, and replays them unchanged', async () => {
    placeOrder(1);
    earnForOrder(ctx, 1);
    await save((s) => (s.earning.pointsPerCurrencyUnit = 10));
    expect(earnForOrder(ctx, 1)).toMatchObject({ replayed: true, entry: { points: 85 } });
  });

  it('gives hand-adjusted points the program lifetime unless told otherwise', async () => {
    await save((s) => (s.earning.lotLifetimeMonths = 3));
    expect(adjust(ctx, { customerId: 1, points: 10, reason: 'Goodwill' }).entry.expiresAt)
      .toBe('2026-06-02T00:00:00.000Z');
  });
});

describe('calendar months', () => {
  it.each([
    ['2026-01-31T12:00:00.000Z', 1, '2026-02-28T12:00:00.000Z'],
    ['2028-01-31T12:00:00.000Z', 1, '2028-02-29T12:00:00.000Z'],
    ['2026-03-31T00:00:00.000Z', 6, '2026-09-30T00:00:00.000Z'],
    ['2026-11-15T08:30:00.000Z', 3, '2027-02-15T08:30:00.000Z'],
    ['2026-01-01T00:00:00.000Z', 120, '2036-01-01T00:00:00.000Z'],
  ])('%s + %i months is %s (the last day when the month is shorter)', (from, months, expected) => {
    expect(addMonthsUtc(Date.parse(from), months).toISOString()).toBe(expected);
  });
});
