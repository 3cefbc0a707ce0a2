import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import type { HandlerContext } from '../../src/main/core/handler';
import type { DuplicateGroup } from '../../src/shared/contract';
import { handlerContext } from '../helpers/context';
import { memoryDb } from '../helpers/db';
import { insertCustomer, insertStore } from '../helpers/fixtures';
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

  it('leaves merged customers out', () => {
    call(ctx, 'customers.merge', { sourceId: 9, targetId: 8, staffId: 1, idempotencyKey: 'm1' });
    expect(allGroups(25).map((g) => g.key)).toEqual(['ava@example.com', '4165550199']);
  });

  it('refuses a cursor it did not give out', () => {
    expect(() => call(ctx, 'customers.duplicates', { cursor: 'bogus' })).toThrow(/not one this list gave out/);
  });
});
