import { beforeEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../src/main/core/handler';
import type { Sqlite } from '../../src/main/db/connection';
import { postBonus } from '../../src/main/domain/loyalty/bonus';
import { earnForOrder } from '../../src/main/domain/loyalty/orders';
import { readLoyaltySettings, writeLoyaltySettings } from '../../src/main/domain/loyalty/settings';
import { memoryDb } from '../helpers/db';
import { handlerContext } from '../helpers/context';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';

/** The first-order bonus rides with the earn entry of the customer's first qualifying order. */
let sqlite: Sqlite;
let ctx: HandlerContext;
const bonuses = () =>
  sqlite.prepare(`SELECT customer_id AS customerId, points, order_id AS orderId, idempotency_key AS key,
    available_at AS availableAt, expires_at AS expiresAt FROM points_ledger WHERE entry_type = 'bonus' ORDER BY id`).all();
const order = (id: number, customerId: number, placedAt: string, status: 'completed' | 'cancelled' = 'completed') =>
  insertOrder(sqlite, { id, customerId, seq: id, placedAt, totalMinor: 10000, status });
function firstOrderPoints(points: number, enabled = true): void {
  const settings = readLoyaltySettings(sqlite);
  settings.bonusActions.firstOrder = points;
  settings.enabled = enabled;
  writeLoyaltySettings(sqlite, settings, new Date('2026-01-01T00:00:00.000Z'));
}

beforeEach(async () => {
  const connection = await memoryDb();
  sqlite = connection.sqlite;
  insertStore(sqlite);
  insertCustomer(sqlite, 1);
  insertCustomer(sqlite, 2);
  ctx = handlerContext(connection, new Date('2026-06-01T00:00:00.000Z'));
  order(1, 1, '2026-03-01T10:00:00.000Z');
  order(2, 1, '2026-04-01T10:00:00.000Z');
});

describe('first-order bonus', () => {
  it('posts once with the first order, pending and expiring with its points', () => {
    firstOrderPoints(200);
    const earned = earnForOrder(ctx, 1);
    earnForOrder(ctx, 1); // replay
    earnForOrder(ctx, 2); // second order
    expect(bonuses()).toEqual([{ customerId: 1, points: 200, orderId: 1, key: 'bonus:firstOrder:customer:1',
      availableAt: earned?.entry.availableAt, expiresAt: earned?.entry.expiresAt }]);
  });

  it('is not given for a later order when an earlier one qualified, even if that one earned nothing yet', () => {
    firstOrderPoints(200);
    earnForOrder(ctx, 2);
    expect(bonuses()).toEqual([]);
  });

  it('skips cancelled earlier orders: the first paid one is the first order', () => {
    firstOrderPoints(200);
    order(3, 2, '2026-02-01T10:00:00.000Z', 'cancelled');
    order(4, 2, '2026-02-02T10:00:00.000Z');
    expect(earnForOrder(ctx, 3)).toBeNull();
    earnForOrder(ctx, 4);
    expect(bonuses()).toMatchObject([{ customerId: 2, orderId: 4 }]);
  });

  it('gives nothing when the program gives no first-order points or is switched off', () => {
    earnForOrder(ctx, 1);
    firstOrderPoints(200, false);
    order(5, 2, '2026-02-01T10:00:00.000Z');
    expect(earnForOrder(ctx, 5)).toBeNull();
    expect(bonuses()).toEqual([]);
  });

  it('does not post twice when the bonus was already given by hand, even at another amount', () => {
    firstOrderPoints(150);
    postBonus(ctx, { customerId: 1, action: 'firstOrder' });
    firstOrderPoints(200);
    expect(earnForOrder(ctx, 1)?.replayed).toBe(false);
    expect(bonuses()).toMatchObject([{ points: 150, orderId: null }]);
  });

  it('rolls back the earn entry when the bonus cannot post: both or neither', () => {
    firstOrderPoints(200);
    sqlite.exec(`CREATE TRIGGER no_bonus BEFORE INSERT ON points_ledger WHEN NEW.entry_type = 'bonus'
      BEGIN SELECT RAISE(ABORT, 'no bonus today'); END`);
    expect(() => earnForOrder(ctx, 1)).toThrow(/no bonus today/);
    expect(sqlite.prepare('SELECT count(*) FROM points_ledger').pluck().get()).toBe(0);
  });
});
