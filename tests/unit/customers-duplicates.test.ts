import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import type { HandlerContext } from '../../src/main/core/handler';
import type { DuplicateGroup } from '../../src/shared/contract';
import { handlerContext } from '../helpers/context';
import { memoryDb } from '../helpers/db';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';
import { adjust } from '../../src/main/domain/loyalty/postings';
import { call, insertStaff, setPerson } from './customers-fixtures';

const NOW = new Date('2026-03-01T00:00:00.000Z');
let connection: Connection;
let ctx: HandlerContext;

beforeEach(async () => {
  connection = await memoryDb();
  ctx = handlerContext(connection, NOW);
  const { sqlite } = connection;
  insertStore(sqlite, 1);
  insertStore(sqlite, 2);
  insertStaff(sqlite, 1);
  for (let id = 1; id <= 9; id++) insertCustomer(sqlite, id, id <= 5 ? 1 : 2);
  setPerson(sqlite, 1, { email: 'ava@example.com', phone: '+1 416 555 0101' });
  setPerson(sqlite, 2, { email: '  AVA@Example.com ' }); // same email, other case and spaces
  setPerson(sqlite, 6, { email: 'ava@example.com' }); // same email in the other store
  setPerson(sqlite, 3, { email: 'ben@example.com', phone: '(416) 555-0199' });
  setPerson(sqlite, 7, { email: null, phone: '416.555.0199' }); // same phone, other punctuation
  setPerson(sqlite, 4, { email: 'cleo@example.com', phone: '416-555-0000' });
  setPerson(sqlite, 5, { email: 'dan@example.com' });
  setPerson(sqlite, 8, { email: 'eve@example.com' });
  setPerson(sqlite, 9, { email: 'eve@example.com' });
});

function allGroups(limit: number): DuplicateGroup[] {
  const groups: DuplicateGroup[] = [];
  let cursor: string | undefined;
  do {
    const page = call(ctx, 'customers.duplicates', { limit, cursor });
    expect(page.groups.length).toBeLessThanOrEqual(limit);
    groups.push(...page.groups);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return groups;
}

describe('customers.duplicates', () => {
  it('groups by normalized email and phone digits, across stores', () => {
    const summary = (groups: DuplicateGroup[]) => groups.map((g) => `${g.matchedBy}:${g.key}:${g.customers.map((c) => c.id).join('+')}`);
    expect(summary(allGroups(25))).toEqual([
      'email:ava@example.com:1+2+6',
      'email:eve@example.com:8+9',
      'phone:4165550199:3+7',
    ]);
    // Pages of one give the same groups in the same order.
    expect(summary(allGroups(1))).toEqual(summary(allGroups(25)));
    expect(allGroups(25)[0]!.customers[2]).toMatchObject({ id: 6, storeId: 2, storeName: 'Store 2', ordersCount: 0 });
  });

  it("shows each customer's spend, currency and net points as the profile counts them", () => {
    const { sqlite } = connection;
    insertStore(sqlite, 3, 'EUR');
    sqlite.prepare('UPDATE customers SET store_id = 3 WHERE id = 6').run();
    const at = '2026-02-01T10:00:00.000Z';
    insertOrder(sqlite, { id: 1, customerId: 1, seq: 1, placedAt: at, totalMinor: 5_000, refundedMinor: 1_200 });
    insertOrder(sqlite, { id: 2, customerId: 1, seq: 2, placedAt: at, totalMinor: 9_999, status: 'cancelled' });
    // Not in the store's currency: counted as an order, left out of the money (as the profile does).
    insertOrder(sqlite, { id: 3, customerId: 1, seq: 3, placedAt: at, totalMinor: 700, currency: 'CAD' });
    insertOrder(sqlite, { id: 4, customerId: 6, seq: 1, placedAt: at, totalMinor: 2_500, currency: 'EUR', storeId: 3 });
    const ledger = { sqlite, now: () => NOW };
    adjust(ledger, { customerId: 1, points: 40, reason: 'Welcome', staffId: 1, idempotencyKey: 'a1' });
    adjust(ledger, { customerId: 1, points: -15, reason: 'Correction', staffId: 1, idempotencyKey: 'a2' });
    adjust(ledger, { customerId: 6, points: 7, reason: 'Welcome', staffId: 1, idempotencyKey: 'a6' });

    const ava = allGroups(25)[0]!;
    const figures = ava.customers.map((c) => [c.id, c.ordersCount, c.spendMinor, c.currency, c.pointsNet]);
    expect(figures).toEqual([[1, 3, 3_800, 'USD', 25], [2, 0, 0, 'USD', 0], [6, 1, 2_500, 'EUR', 7]]);
    for (const customer of ava.customers) {
      const profile = call(ctx, 'customers.get', { id: customer.id });
      expect(customer.spendMinor).toBe(profile.figures.lifetimeSpendMinor);
      expect(customer.currency).toBe(profile.figures.currency);
      expect(customer.pointsNet).toBe(profile.points.approved + profile.points.pending - profile.points.debt);
    }
  });

  it('leaves merged customers out', () => {
    call(ctx, 'customers.merge', { sourceId: 9, targetId: 8, staffId: 1, idempotencyKey: 'm1' });
    expect(allGroups(25).map((g) => g.key)).toEqual(['ava@example.com', '4165550199']);
  });

  it('refuses a cursor it did not give out', () => {
    expect(() => call(ctx, 'customers.duplicates', { cursor: 'bogus' })).toThrow(/not one this list gave out/);
  });
});
