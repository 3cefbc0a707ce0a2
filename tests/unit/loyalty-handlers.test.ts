import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/core/dispatch';
import type { HandlerContext } from '../../src/main/core/handler';
import { handlers } from '../../src/main/core/handlers';
import { openConnection, type Connection } from '../../src/main/db/connection';
import { migrate } from '../../src/main/db/migrate';
import { auditTrail } from '../../src/main/domain/audit/log';
import { balance } from '../../src/main/domain/loyalty/ledger';
import { adjust, redeem } from '../../src/main/domain/loyalty/postings';
import { memoryDb, tempDir } from '../helpers/db';
import { handlerContext } from '../helpers/context';
import { insertCustomer, insertStore } from '../helpers/fixtures';

/** The loyalty operations through the contract's one door, as the UI calls them. */
let connection: Connection;
let events: unknown[];
let ctx: HandlerContext;
const noLog = () => undefined;
const call = (name: string, input: unknown) => dispatch(handlers, ctx, name, input, noLog);

beforeEach(async () => {
  connection = await memoryDb();
  insertStore(connection.sqlite);
  insertCustomer(connection.sqlite, 1);
  connection.sqlite.prepare(`INSERT INTO staff (id, name, active, created_at) VALUES
    (7, 'Ana', 1, '2026-01-01T00:00:00.000Z'), (8, 'Former', 0, '2026-01-01T00:00:00.000Z')`).run();
  events = [];
  ctx = handlerContext(connection, new Date('2026-05-01T00:00:00.000Z'), events);
});

afterEach(() => connection.close());

describe('loyalty operations', () => {
  it('adjusts with a reason by a named staff member, audited, answers with the new balance and tells the views to refetch', async () => {
    const input = { customerId: 1, points: 25, reason: '  Sorry for the delay ', staffId: 7, idempotencyKey: 'adj-1' };
    const result = await call('loyalty.adjust', input);
    expect(result).toMatchObject({
      ok: true,
      data: { replayed: false, entry: { type: 'adjust', points: 25, reason: 'Sorry for the delay', staffId: 7,
        balanceAfter: 25 }, balance: { customerId: 1, approved: 25, pending: 0, debt: 0 } },
    });
    expect(events).toEqual([{ event: 'data.changed', payload: { areas: ['loyalty'] } }]);
    expect(auditTrail(connection.sqlite, 'customer', 1)).toMatchObject([{ action: 'points.adjust',
      staff: { id: 7, name: 'Ana' }, detail: { points: 25, reason: 'Sorry for the delay' } }]);
    // A retry with the same key posts nothing and writes no second audit entry.
    expect(await call('loyalty.adjust', input)).toMatchObject({ ok: true, data: { replayed: true } });
    expect(auditTrail(connection.sqlite, 'customer', 1)).toHaveLength(1);
  });

  it.each([
    [{ customerId: 1, points: 5, reason: 'x', idempotencyKey: 'k' }, 'staffId'],
    [{ customerId: 1, points: 5, reason: 'x', staffId: 7 }, 'idempotencyKey'],
    [{ customerId: 1, points: 1.5, reason: 'x', staffId: 7, idempotencyKey: 'k' }, 'points'],
    [{ customerId: 1, points: 0, reason: 'x', staffId: 7, idempotencyKey: 'k' }, 'points'],
    [{ customerId: 1, points: 5, reason: '   ', staffId: 7, idempotencyKey: 'k' }, 'reason'],
    [{ customerId: 1, points: 5, reason: 'x'.repeat(501), staffId: 7, idempotencyKey: 'k' }, 'reason'],
    [{ customerId: 1, points: 5, staffId: 7, idempotencyKey: 'k' }, 'reason'],
    [{ customerId: 1, points: 5, reason: 'x', staffId: 7, idempotencyKey: 'k', extra: true }, ''],
  ])('refuses %j with VALIDATION at the boundary', async (input, path) => {
    const result = await call('loyalty.adjust', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (path && !result.ok) expect(JSON.stringify(result.error.details)).toContain(`"path":"${path}"`);
    expect(events).toEqual([]);
  });

  it.each([[8, 'inactive'], [99, 'unknown']])('refuses an adjustment by the %s staff member %i with a sentence',
    async (staffId) => {
      expect(await call('loyalty.adjust', { customerId: 1, points: 5, reason: 'x', staffId, idempotencyKey: 'k' }))
        .toMatchObject({ ok: false, error: { code: 'VALIDATION',
          message: `Choose who is making this change: there is no active staff member with id ${staffId}.` } });
      expect(connection.sqlite.prepare('SELECT count(*) FROM points_ledger').pluck().get()).toBe(0);
      expect(auditTrail(connection.sqlite, 'customer', 1)).toEqual([]);
    });

  it('answers the program reports and refuses windows they do not offer', async () => {
    expect(await call('loyalty.expiring', { days: 30 })).toMatchObject({ ok: true,
      data: { days: 30, customers: [], nextCursor: null } });
    expect(await call('loyalty.expiring', { days: 45 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('loyalty.liability', {})).toMatchObject({ ok: true,
      data: { at: '2026-05-01T00:00:00.000Z', approvedPoints: 0, redemptionRateSource: 'fallback', currency: 'USD' } });
    expect(await call('loyalty.liability', { at: '1 May' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('loyalty.coupons', { customerId: 42 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers an unknown customer with NOT_FOUND', async () => {
    expect(await call('loyalty.balance', { customerId: 42 })).toMatchObject({
      ok: false, error: { code: 'NOT_FOUND', message: 'There is no customer with id 42.' },
    });
  });

  it('pages the history newest first with the balance after each entry', async () => {
    const adjustBy = (points: number, key: string) =>
      call('loyalty.adjust', { customerId: 1, points, reason: 'Correction', staffId: 7, idempotencyKey: key });
    await adjustBy(100, 'a1');
    await adjustBy(-30, 'r1');
    await adjustBy(-30, 'r1'); // a retry: no effect
    await adjustBy(-20, 'r2');
    const first = await call('loyalty.history', { customerId: 1, limit: 2 });
    expect(first).toMatchObject({ ok: true, data: { entries: [
      { type: 'adjust', points: -20, balanceAfter: 50 },
      { type: 'adjust', points: -30, balanceAfter: 70 },
    ] } });
    const before = first.ok ? (first.data as { nextBefore: number }).nextBefore : 0;
    expect(await call('loyalty.history', { customerId: 1, limit: 2, before })).toMatchObject({
      ok: true, data: { entries: [{ type: 'adjust', points: 100, balanceAfter: 100 }], nextBefore: null },
    });
  });
});

describe('two connections to one database', () => {
  it('let only one of two redemptions of the same points succeed', async () => {
    const { dir, cleanup } = tempDir();
    const path = join(dir, 'store.db');
    const a = openConnection(path);
    const b = openConnection(path);
    try {
      await migrate(a);
      insertStore(a.sqlite);
      insertCustomer(a.sqlite, 1);
      const now = () => new Date('2026-05-01T00:00:00.000Z');
      adjust({ sqlite: a.sqlite, now }, { customerId: 1, points: 100, reason: 'Opening balance' });
      // Each connection sees 100 spendable before either redeems.
      expect(balance({ sqlite: b.sqlite, now }, 1).approved).toBe(100);
      redeem({ sqlite: a.sqlite, now }, { customerId: 1, points: 60, idempotencyKey: 'a' });
      expect(() => redeem({ sqlite: b.sqlite, now }, { customerId: 1, points: 60, idempotencyKey: 'b' })).toThrow(
        expect.objectContaining({ code: 'CONFLICT' }),
      );
      expect(balance({ sqlite: b.sqlite, now }, 1).approved).toBe(40);
    } finally {
      a.close();
      b.close();
      cleanup();
    }
  });
});
