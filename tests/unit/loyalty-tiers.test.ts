import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/core/dispatch';
import type { HandlerContext } from '../../src/main/core/handler';
import { handlers } from '../../src/main/core/handlers';
import type { Sqlite } from '../../src/main/db/connection';
import { auditTrail } from '../../src/main/domain/audit/log';
import { post } from '../../src/main/domain/loyalty/ledger';
import { tierStatus } from '../../src/main/domain/loyalty/tiers';
import { writeLoyaltySettings } from '../../src/main/domain/loyalty/settings';
import { DEFAULT_LOYALTY_SETTINGS, type LoyaltySettings } from '../../src/shared/contract';
import { memoryDb } from '../helpers/db';
import { handlerContext } from '../helpers/context';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';

/**
 * Tier timing: upgrade at once, downgrade only at the end of the period after
 * the one the tier was last qualified in. Ladder: Bronze 0, Silver 500, Gold 2000.
 */
let sqlite: Sqlite;
let clock: Date;
let ctx: HandlerContext;
let nextOrder = 1;
const at = (iso: string) => (clock = new Date(iso));
const status = () => tierStatus(ctx, 1);

function program(edit: (s: LoyaltySettings) => void): void {
  const settings = structuredClone(DEFAULT_LOYALTY_SETTINGS);
  settings.tiers = [
    { id: 'bronze', name: 'Bronze', threshold: 0, multiplier: 1, benefits: '' },
    { id: 'silver', name: 'Silver', threshold: 500, multiplier: 1.25, benefits: 'Early access' },
    { id: 'gold', name: 'Gold', threshold: 2000, multiplier: 2, benefits: 'Free shipping' },
  ];
  edit(settings);
  writeLoyaltySettings(sqlite, settings, clock);
}

/** Points earned now (points basis). */
function earn(points: number): void {
  post(ctx, { customerId: 1, entryType: 'bonus', points, idempotencyKey: `earn:${clock.toISOString()}:${points}` });
}

/** An order placed now (spend basis), in minor units. */
function spend(totalMinor: number, extra: { refundedMinor?: number; status?: 'cancelled' } = {}): void {
  const id = nextOrder++;
  insertOrder(sqlite, { id, customerId: 1, seq: id, placedAt: clock.toISOString(), totalMinor, ...extra });
}

beforeEach(async () => {
  const connection = await memoryDb();
  sqlite = connection.sqlite;
  insertStore(sqlite);
  insertCustomer(sqlite, 1);
  nextOrder = 1;
  at('2026-03-01T00:00:00.000Z');
  ctx = handlerContext(connection, () => clock);
});

describe('tier status', () => {
  it('is null without tiers, through the operation too', async () => {
    writeLoyaltySettings(sqlite, DEFAULT_LOYALTY_SETTINGS, clock);
    expect(status()).toBeNull();
    expect(await dispatch(handlers, ctx, 'loyalty.tier', { customerId: 1 }, () => undefined))
      .toEqual({ ok: true, data: null });
    expect(await dispatch(handlers, ctx, 'loyalty.tier', { customerId: 9 }, () => undefined))
      .toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('on points over a calendar year: upgrades at once, keeps the tier through the next year, then drops', () => {
    program((s) => (s.tierPeriod = 'calendarYear'));
    earn(300);
    expect(status()).toMatchObject({ tierId: 'bronze', progress: 300,
      next: { tierId: 'silver', threshold: 500, needed: 200 }, neededToKeep: 0, heldUntil: null });
    at('2026-06-01T00:00:00.000Z');
    earn(1800);
    expect(status()).toMatchObject({ tierId: 'gold', multiplier: 2, benefits: 'Free shipping', progress: 2100,
      next: null, neededToKeep: 0, heldUntil: null });
    at('2027-02-01T00:00:00.000Z'); // a new year: progress starts again, gold is kept through 2027
    earn(100);
    expect(status()).toMatchObject({ tierId: 'gold', progress: 100, neededToKeep: 1900,
      heldUntil: '2028-01-01T00:00:00.000Z' });
    at('2028-01-01T00:00:00.000Z'); // 2027 ended without qualifying: down to what 2028 gives
    expect(status()).toMatchObject({ tierId: 'bronze', progress: 0, heldUntil: null });
    expect(auditTrail(sqlite, 'customer', 1).map((e) => e.detail)).toEqual([
      { from: 'gold', to: 'bronze' }, { from: 'bronze', to: 'gold' }, { from: null, to: 'bronze' },
    ]);
  });

  it('on spend over rolling 12 months: refunds and cancelled orders do not count; downgrade 12 months after last qualifying', () => {
    program((s) => {
      s.tierBasis = 'spend';
      s.tierPeriod = 'rolling12Months';
    });
    spend(400);
    spend(900, { status: 'cancelled' });
    spend(300, { refundedMinor: 250 });
    expect(status()).toMatchObject({ tierId: 'bronze', basis: 'spend', progress: 450, next: { needed: 50 } });
    spend(100);
    expect(status()).toMatchObject({ tierId: 'silver', progress: 550 });
    at('2026-12-01T00:00:00.000Z'); // still within 12 months of the orders: still qualifies, hold extended
    expect(status()).toMatchObject({ tierId: 'silver', progress: 550, neededToKeep: 0 });
    at('2027-03-02T00:00:00.000Z'); // the orders left the window, but silver is held until 2027-12-01
    expect(status()).toMatchObject({ tierId: 'silver', progress: 0, neededToKeep: 500,
      heldUntil: '2027-12-01T00:00:00.000Z' });
    at('2027-12-01T00:00:00.000Z');
    expect(status()).toMatchObject({ tierId: 'bronze', progress: 0 });
  });

  it('over a lifetime never drops, and counts everything', () => {
    program((s) => (s.tierPeriod = 'lifetime'));
    earn(600);
    at('2030-01-01T00:00:00.000Z');
    expect(status()).toMatchObject({ tierId: 'silver', progress: 600, neededToKeep: 0, heldUntil: null,
      next: { tierId: 'gold', needed: 1400 } });
  });
});
