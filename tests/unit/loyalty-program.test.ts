import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/core/dispatch';
import type { HandlerContext } from '../../src/main/core/handler';
import { handlers } from '../../src/main/core/handlers';
import type { Sqlite } from '../../src/main/db/connection';
import { balance } from '../../src/main/domain/loyalty/ledger';
import { earnForOrder } from '../../src/main/domain/loyalty/orders';
import { expireDue } from '../../src/main/domain/loyalty/postings';
import { writeLoyaltySettings } from '../../src/main/domain/loyalty/settings';
import { DEFAULT_LOYALTY_SETTINGS, type LoyaltySettings } from '../../src/shared/contract';
import { memoryDb } from '../helpers/db';
import { handlerContext } from '../helpers/context';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';

/**
 * The program rules beyond the base rate: bonus actions, campaign and tier
 * multipliers, pending until delivery plus the return window, and expiry on
 * inactivity. Orders from the fixtures: subtotal = total, no discount, so
 * 10000 cents earn 100 points at the default rate.
 */
let sqlite: Sqlite;
let clock: Date;
let ctx: HandlerContext;
const call = (name: string, input: unknown) => dispatch(handlers, ctx, name, input, () => undefined);
const at = (iso: string) => (clock = new Date(iso));
const ledgerRows = () => sqlite.prepare('SELECT count(*) FROM points_ledger').pluck().get() as number;

function program(edit: (s: LoyaltySettings) => void): void {
  const settings = structuredClone(DEFAULT_LOYALTY_SETTINGS);
  edit(settings);
  writeLoyaltySettings(sqlite, settings, clock);
}

/**
 * Puts the customer in an RFM segment. customer_rfm belongs to the customers
 * area and may grow columns: required ones without a default get a plain value.
 */
function segmentOf(customerId: number, segment: string): void {
  const columns = sqlite.prepare('PRAGMA table_info(customer_rfm)').all() as
    { name: string; notnull: number; dflt_value: unknown; pk: number; type: string }[];
  const values: Record<string, unknown> = { customer_id: customerId, segment };
  for (const c of columns) {
    if (c.name in values || !c.notnull || c.dflt_value !== null || c.pk) continue;
    values[c.name] = c.name === 'store_id' ? 1 : /TEXT/i.test(c.type) ? '2026-01-01T00:00:00.000Z' : 0;
  }
  const names = Object.keys(values);
  sqlite.prepare(`INSERT INTO customer_rfm (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
    .run(...Object.values(values));
}

beforeEach(async () => {
  const connection = await memoryDb();
  sqlite = connection.sqlite;
  insertStore(sqlite);
  insertCustomer(sqlite, 1);
  insertCustomer(sqlite, 2);
  sqlite.prepare("INSERT INTO staff (id, name, created_at) VALUES (7, 'Ana', '2026-01-01T00:00:00.000Z')").run();
  at('2026-05-10T00:00:00.000Z');
  ctx = handlerContext(connection, () => clock);
});

describe('bonus actions', () => {
  beforeEach(() => program((s) => {
    s.bonusActions = { signUp: 100, firstOrder: 50, review: 20, birthday: 200, referral: 500, socialShare: 0 };
  }));

  it('gives each action its points once per event', async () => {
    const bonus = (input: Record<string, unknown>) => call('loyalty.bonus', { customerId: 1, ...input });
    expect(await bonus({ action: 'signUp' })).toMatchObject({ ok: true, data: { replayed: false,
      entry: { type: 'bonus', points: 100, reason: 'Sign-up bonus', expiresAt: '2027-05-10T00:00:00.000Z' } } });
    expect(await bonus({ action: 'signUp' })).toMatchObject({ ok: true, data: { replayed: true } });
    expect(await bonus({ action: 'review', reference: 'review-9' })).toMatchObject({ ok: true,
      data: { entry: { points: 20, reason: 'Review bonus (review-9)' } } });
    expect(await bonus({ action: 'review', reference: 'review-9' })).toMatchObject({ ok: true, data: { replayed: true } });
    expect(await bonus({ action: 'review', reference: 'review-10' })).toMatchObject({ ok: true, data: { replayed: false } });
    expect(await bonus({ action: 'birthday' })).toMatchObject({ ok: true, data: { replayed: false } });
    expect(await bonus({ action: 'birthday' })).toMatchObject({ ok: true, data: { replayed: true } });
    at('2027-05-10T00:00:00.000Z'); // a year later: a new birthday
    expect(await bonus({ action: 'birthday' })).toMatchObject({ ok: true, data: { replayed: false } });
    expect(ledgerRows()).toBe(5);
    expect(balance(ctx, 1).approved).toBe(100 + 20 + 20 + 200 + 200 - 100 - 20 - 20 - 200); // the first year's lots expired
  });

  it('refuses an action worth nothing, a missing reference, and a review already rewarded for someone else', async () => {
    expect(await call('loyalty.bonus', { customerId: 1, action: 'socialShare', reference: 'post-1' })).toMatchObject({
      ok: false, error: { code: 'VALIDATION', message: 'This action gives no points in your program.' } });
    const missing = await call('loyalty.bonus', { customerId: 1, action: 'referral' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(!missing.ok && missing.error.details)).toContain('"path":"reference"');
    await call('loyalty.bonus', { customerId: 1, action: 'review', reference: 'review-9' });
    expect(await call('loyalty.bonus', { customerId: 2, action: 'review', reference: 'review-9' })).toMatchObject({
      ok: false, error: { code: 'CONFLICT', message: 'This action has already earned points for another customer.' } });
    expect(await call('loyalty.bonus', { customerId: 42, action: 'signUp' })).toMatchObject({
      ok: false, error: { code: 'VALIDATION' } });
    expect(ledgerRows()).toBe(1);
  });
});

describe('multipliers', () => {
  const campaigns: LoyaltySettings['campaigns'] = [
    { id: 'may', name: 'Double May', multiplier: 2, startsOn: '2026-05-01', endsOn: '2026-05-31', segment: null },
    { id: 'win-back', name: 'Win back', multiplier: 3.5, startsOn: '2026-05-31', endsOn: '2026-06-10',
      segment: 'atRisk' },
  ];

  it.each([
    ['before any campaign', '2026-04-30T23:59:59.000Z', 1, 100],
    ['on the first day (inclusive)', '2026-05-01T00:00:00.000Z', 1, 200],
    ['on the last day (inclusive), outside the segment', '2026-05-31T23:00:00.000Z', 1, 200],
    ['in both, in the segment: the best one, not both', '2026-05-31T23:00:00.000Z', 2, 350],
    ['only the segment campaign, outside it', '2026-06-05T00:00:00.000Z', 1, 100],
    ['only the segment campaign, in it', '2026-06-05T00:00:00.000Z', 2, 350],
  ])('earns %s', (_label, placedAt, customerId, points) => {
    program((s) => (s.campaigns = campaigns));
    segmentOf(2, 'atRisk');
    insertOrder(sqlite, { id: 1, customerId, seq: 1, placedAt, totalMinor: 10000 });
    expect(earnForOrder(ctx, 1)?.entry.points).toBe(points);
  });

  it('leaves segment campaigns out for a customer without a segment', () => {
    program((s) => (s.campaigns = [{ ...campaigns[1]!, segment: 'champions' }]));
    insertOrder(sqlite, { id: 1, customerId: 1, seq: 1, placedAt: '2026-06-01T00:00:00.000Z', totalMinor: 10000 });
    expect(earnForOrder(ctx, 1)?.entry.points).toBe(100);
  });

  it('multiplies the tier by the campaign, exactly (1.25 × 2 on 123.45 is 308)', () => {
    program((s) => {
      s.tiers = [{ id: 'base', name: 'Base', threshold: 0, multiplier: 1.25, benefits: '' }];
      s.campaigns = [campaigns[0]!];
    });
    insertOrder(sqlite, { id: 1, customerId: 1, seq: 1, placedAt: '2026-05-02T00:00:00.000Z', totalMinor: 12345 });
    expect(earnForOrder(ctx, 1)?.entry.points).toBe(308); // floor(123.45 × 2.5 = 308.625)
  });

  it('applies the tier held when the order earns: an upgrade counts at once', () => {
    program((s) => {
      s.tierBasis = 'spend';
      s.tiers = [{ id: 'base', name: 'Base', threshold: 0, multiplier: 1, benefits: '' },
        { id: 'gold', name: 'Gold', threshold: 20000, multiplier: 2, benefits: 'Double points' }];
    });
    insertOrder(sqlite, { id: 1, customerId: 1, seq: 1, placedAt: '2026-05-01T00:00:00.000Z', totalMinor: 15000 });
    expect(earnForOrder(ctx, 1)?.entry.points).toBe(150);
    insertOrder(sqlite, { id: 2, customerId: 1, seq: 2, placedAt: '2026-05-02T00:00:00.000Z', totalMinor: 10000 });
    expect(earnForOrder(ctx, 2)?.entry.points).toBe(200); // 250.00 spent: gold from this order on
  });
});

describe('pending until delivery plus the return window', () => {
  beforeEach(() => program((s) => {
    s.earning.pendingMode = 'deliveryPlusReturnWindow';
    s.earning.returnWindowDays = 30;
    s.earning.pendingDays = 7;
  }));

  const ship = (id: number, deliveredAt: string | null) => sqlite.prepare(`INSERT INTO shipments (id, order_id, store_id,
    external_id, carrier, status, delivered_at, created_at, updated_at) VALUES (?, 1, 1, ?, 'UPS', ?, ?, ?, ?)`)
    .run(id, `s${id}`, deliveredAt ? 'Delivered' : 'InTransit', deliveredAt, '2026-05-01T00:00:00.000Z',
      '2026-05-01T00:00:00.000Z');

  it('counts from the first delivery when the order is already delivered', () => {
    insertOrder(sqlite, { id: 1, customerId: 1, seq: 1, placedAt: '2026-05-01T00:00:00.000Z', totalMinor: 10000 });
    ship(1, '2026-05-06T12:00:00.000Z');
    ship(2, '2026-05-04T12:00:00.000Z');
    expect(earnForOrder(ctx, 1)?.entry.availableAt).toBe('2026-06-03T12:00:00.000Z');
  });

  it('estimates conservatively while not delivered: placed + pending days + return window', () => {
    insertOrder(sqlite, { id: 1, customerId: 1, seq: 1, placedAt: '2026-05-01T00:00:00.000Z', totalMinor: 10000 });
    ship(1, null);
    expect(earnForOrder(ctx, 1)?.entry.availableAt).toBe('2026-06-07T00:00:00.000Z');
    expect(balance(ctx, 1)).toMatchObject({ approved: 0, pending: 100 });
    at('2026-06-07T00:00:00.000Z'); // available without any rewrite of the ledger
    expect(balance(ctx, 1)).toMatchObject({ approved: 100, pending: 0 });
  });
});

describe('expiry on inactivity', () => {
  beforeEach(() => program((s) => {
    s.earning.expiryMode = 'inactivity';
    s.earning.inactivityMonths = 6;
  }));

  it('gives lots no date of their own and expires everything 6 months after the last activity', async () => {
    at('2026-01-31T00:00:00.000Z');
    await call('loyalty.adjust', { customerId: 1, points: 50, reason: 'Hi', staffId: 7, idempotencyKey: 'a' });
    insertOrder(sqlite, { id: 1, customerId: 1, seq: 1, placedAt: '2026-01-15T00:00:00.000Z', totalMinor: 10000 });
    expect(earnForOrder(ctx, 1)?.entry.expiresAt).toBeNull();
    at('2026-07-01T00:00:00.000Z');
    expect(await call('loyalty.balance', { customerId: 1 })).toMatchObject({ ok: true,
      data: { approved: 150, expiringSoon: { days30: 150, days60: 150, days90: 150 } } });
    expect(expireDue(ctx)).toEqual([]); // 31 January + 6 months is 31 July
    at('2026-07-31T00:00:00.000Z');
    expect(expireDue(ctx).map((p) => p.entry.points)).toEqual([-50, -100]);
    expect(balance(ctx, 1)).toMatchObject({ approved: 0, pending: 0 });
    expect(expireDue(ctx)).toEqual([]);
  });

  it('keeps the points of a customer who was active meanwhile', async () => {
    at('2026-01-01T00:00:00.000Z');
    await call('loyalty.adjust', { customerId: 1, points: 50, reason: 'Hi', staffId: 7, idempotencyKey: 'a' });
    at('2026-05-01T00:00:00.000Z');
    await call('loyalty.adjust', { customerId: 1, points: -10, reason: 'Typo', staffId: 7, idempotencyKey: 'b' });
    at('2026-08-01T00:00:00.000Z');
    expect(expireDue(ctx)).toEqual([]);
    at('2026-11-01T00:00:00.000Z');
    expect(expireDue(ctx).map((p) => p.entry.points)).toEqual([-40]);
  });
});
