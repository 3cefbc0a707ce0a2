import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import type { HandlerContext } from '../../src/main/core/handler';
import { dispatch } from '../../src/main/core/dispatch';
import { handlers } from '../../src/main/core/handlers';
import type { SavedView } from '../../src/shared/contract';
import { memoryDb } from '../helpers/db';
import { handlerContext } from '../helpers/context';

/** Saved views (views.list / views.save / views.delete) for the orders and customers workspaces. */
let connection: Connection;
let ctx: HandlerContext;
let clock = new Date('2026-06-01T12:00:00Z');
const call = (name: string, input: unknown) => dispatch(handlers, ctx, name, input, () => undefined);

async function ok<T>(name: string, input: unknown): Promise<T> {
  const result = await call(name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

beforeEach(async () => {
  connection = await memoryDb();
  clock = new Date('2026-06-01T12:00:00Z');
  ctx = handlerContext(connection, () => clock);
});
afterEach(() => connection.close());

describe('saved views', () => {
  const unpaid = { filter: { financialStatus: ['pending'], tag: ['vip'] }, sort: { by: 'total', direction: 'desc' } };

  it('saves, lists by name per area, replaces by name and deletes', async () => {
    const saved = await ok<SavedView>('views.save', { area: 'orders', name: 'Unpaid VIPs', query: unpaid });
    expect(saved).toMatchObject({ area: 'orders', name: 'Unpaid VIPs', query: unpaid, createdAt: '2026-06-01T12:00:00.000Z' });
    await ok('views.save', { area: 'orders', name: 'all cash', query: { filter: { paymentMethod: ['cash'] } } });
    await ok('views.save', { area: 'customers', name: 'Lost', query: { segment: 'lost' } });
    expect((await ok<SavedView[]>('views.list', { area: 'orders' })).map((v) => v.name)).toEqual(['all cash', 'Unpaid VIPs']);
    clock = new Date('2026-06-02T12:00:00Z');
    const replaced = await ok<SavedView>('views.save', { area: 'orders', name: 'Unpaid VIPs', query: { sort: { by: 'placedAt', direction: 'asc' } } });
    expect(replaced).toMatchObject({ id: saved.id, createdAt: saved.createdAt, updatedAt: '2026-06-02T12:00:00.000Z',
      query: { sort: { by: 'placedAt', direction: 'asc' } } });
    expect(await ok('views.delete', { id: saved.id })).toEqual({ id: saved.id });
    expect((await ok<SavedView[]>('views.list', { area: 'orders' })).map((v) => v.name)).toEqual(['all cash']);
    expect((await ok<SavedView[]>('views.list', { area: 'customers' })).map((v) => v.query)).toEqual([{ segment: 'lost' }]);
  });

  it.each([
    ['an orders query with an unknown status', { area: 'orders', name: 'x', query: { filter: { status: ['lost'] } } }],
    ['an orders query with a cursor', { area: 'orders', name: 'x', query: { cursor: 'abc' } }],
    ['an empty name', { area: 'orders', name: '  ', query: {} }],
    ['an unknown area', { area: 'tickets', name: 'x', query: {} }],
    ['a customers query over 4 KB', { area: 'customers', name: 'x', query: { blob: 'x'.repeat(4100) } }],
    ['a customers query that is not an object', { area: 'customers', name: 'x', query: ['a'] }],
  ])('refuses %s with VALIDATION', async (_label, input) => {
    expect(await call('views.save', input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(connection.sqlite.prepare('SELECT count(*) FROM saved_views').pluck().get()).toBe(0);
  });

  it('answers deleting an unknown view with NOT_FOUND', async () => {
    expect(await call('views.delete', { id: 42 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/\.$/) } });
  });
});
