import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/core/dispatch';
import type { HandlerContext } from '../../src/main/core/handler';
import { handlers } from '../../src/main/core/handlers';
import { openConnection, type Connection } from '../../src/main/db/connection';
import { migrate } from '../../src/main/db/migrate';
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
  events = [];
  ctx = handlerContext(connection, new Date('2026-05-01T00:00:00.000Z'), events);
});

afterEach(() => connection.close());

describe('loyalty operations', () => {
  it('adjusts with a reason, answers with the new balance and tells the views to refetch', async () => {
    const result = await call('loyalty.adjust', { customerId: 1, points: 25, reason: '  Sorry for the delay ' });
    expect(result).toMatchObject({
      ok: true,
      data: { replayed: false, entry: { type: 'adjust', points: 25, reason: 'Sorry for the delay', balanceAfter: 25 },
        balance: { customerId: 1, approved: 25, pending: 0, debt: 0 } },
    });
    expect(events).toEqual([{ event: 'data.changed', payload: { areas: ['loyalty'] } }]);
  });

  it.each([
    [{ customerId: 1, points: 1.5, reason: 'x' }, 'points'],
    [{ customerId: 1, points: 0, reason: 'x' }, 'points'],
    [{ customerId: 1, points: 5, reason: '   ' }, 'reason'],
    [{ customerId: 1, points: 5, reason: 'x'.repeat(501) }, 'reason'],
    [{ customerId: 1, points: 5 }, 'reason'],
    [{ customerId: 1, points: 5, reason: 'x', extra: true }, ''],
  ])('refuses %j with VALIDATION at the boundary', async (input, path) => {
    const result = await call('loyalty.adjust', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (path && !result.ok) expect(JSON.stringify(result.error.details)).toContain(`"path":"${path}"`);
    expect(events).toEqual([]);
  });

  it('answers an unknown customer with NOT_FOUND and a bad redemption with a sentence', async () => {
    expect(await call('loyalty.balance', { customerId: 42 })).toMatchObject({
      ok: false, error: { code: 'NOT_FOUND', message: 'There is no customer with id 42.' },
    });
    expect(await call('loyalty.redeem', { customerId: 1, points: 10, idempotencyKey: 'k' })).toMatchObject({
      ok: false, error: { code: 'CONFLICT', message: 'The customer has 0 spendable points, fewer than the 10 asked for.' },
    });
  });

  it('pages the history newest first with the balance after each entry', async () => {
    await call('loyalty.adjust', { customerId: 1, points: 100, reason: 'Opening balance' });
    await call('loyalty.redeem', { customerId: 1, points: 30, idempotencyKey: 'r1' });
    await call('loyalty.redeem', { customerId: 1, points: 30, idempotencyKey: 'r1' }); // a retry: no effect
    await call('loyalty.redeem', { customerId: 1, points: 20, idempotencyKey: 'r2' });
    const first = await call('loyalty.history', { customerId: 1, limit: 2 });
    expect(first).toMatchObject({ ok: true, data: { entries: [
      { type: 'redeem', points: -20, balanceAfter: 50 },
      { type: 'redeem', points: -30, balanceAfter: 70 },
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
