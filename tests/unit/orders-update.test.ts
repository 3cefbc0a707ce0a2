import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import type { HandlerContext } from '../../src/main/core/handler';
import { dispatch } from '../../src/main/core/dispatch';
import { handlers } from '../../src/main/core/handlers';
import type { OrderWriteResult } from '../../src/shared/contract';
import { memoryDb } from '../helpers/db';
import { handlerContext } from '../helpers/context';
import { insertOrder } from '../helpers/fixtures';

/** orders.update: the local note and tags, with their audit trail and outbox messages, in one transaction. */
let connection: Connection;
let ctx: HandlerContext;
let events: unknown[];
const count = (sql: string, ...args: unknown[]) => connection.sqlite.prepare(sql).pluck().get(...args) as number;
const call = (name: string, input: unknown) => dispatch(handlers, ctx, name, input, () => undefined);

async function update(input: Record<string, unknown>): Promise<OrderWriteResult> {
  const result = await call('orders.update', { staffId: 1, ...input });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as OrderWriteResult;
}

beforeEach(async () => {
  connection = await memoryDb();
  events = [];
  ctx = handlerContext(connection, new Date('2026-06-01T12:00:00Z'), events);
  connection.sqlite.exec(`INSERT INTO stores (id, platform, name, currency, created_at, updated_at)
      VALUES (1, 'woocommerce', 'Connected', 'USD', 'x', 'x'), (2, 'csv', 'Imported', 'USD', 'x', 'x');
    INSERT INTO staff (id, name, created_at) VALUES (1, 'Mia', 'x')`);
  insertOrder(connection.sqlite, { id: 1, customerId: null, seq: null, placedAt: '2026-05-01T10:00:00.000Z', totalMinor: 100 });
  insertOrder(connection.sqlite, { id: 2, customerId: null, seq: null, placedAt: '2026-05-01T10:00:00.000Z', totalMinor: 100, storeId: 2 });
  connection.sqlite.exec(`UPDATE orders SET remote_tags = '["from-shop"]' WHERE id = 1`);
});
afterEach(() => connection.close());

describe('orders.update', () => {
  it('sets the note and tags, audits both with before and after, and queues both for the store', async () => {
    const order = await update({ id: 1, note: 'Call before delivery', tags: ['vip', 'gift', 'vip'], idempotencyKey: 'update-key-1' });
    expect(order).toMatchObject({ localNote: 'Call before delivery', localTags: ['vip', 'gift'], remoteTags: ['from-shop'],
      tags: ['from-shop', 'gift', 'vip'], delivery: { queuedFor: 'Connected' } });
    expect(order.audit.map((a) => [a.action, a.detail])).toEqual([
      ['tags.set', { before: [], after: ['vip', 'gift'], idempotencyKey: 'update-key-1' }],
      ['note.set', { before: null, after: 'Call before delivery', idempotencyKey: 'update-key-1' }],
    ]);
    expect(connection.sqlite.prepare(`SELECT tag FROM order_tags WHERE order_id = 1 AND source = 'local' ORDER BY tag`).pluck().all())
      .toEqual(['gift', 'vip']);
    const outbox = connection.sqlite.prepare('SELECT operation, payload FROM outbox ORDER BY id').all() as { operation: string; payload: string }[];
    expect(outbox.map((m) => [m.operation, JSON.parse(m.payload)])).toEqual([
      ['order.note.set', { externalId: 'o1', note: 'Call before delivery' }],
      ['order.tags.set', { externalId: 'o1', tags: ['vip', 'gift'] }],
    ]);
    expect(events).toEqual([{ event: 'data.changed', payload: { areas: ['orders'] } }]);
  });

  it('changes only what is given, and clears a note with null', async () => {
    await update({ id: 1, note: 'first', tags: ['a'], idempotencyKey: 'update-key-2' });
    const cleared = await update({ id: 1, note: null, idempotencyKey: 'update-key-3' });
    expect(cleared).toMatchObject({ localNote: null, localTags: ['a'] });
    expect(cleared.audit[0]).toMatchObject({ action: 'note.set', detail: { before: 'first', after: null } });
    // A late replay of the first request does not bring its note back.
    expect((await update({ id: 1, note: 'first', tags: ['a'], idempotencyKey: 'update-key-2' })).localNote).toBeNull();
    const untagged = await update({ id: 1, tags: [], idempotencyKey: 'update-key-4' });
    expect(untagged.localTags).toEqual([]);
    expect(count(`SELECT count(*) FROM order_tags WHERE order_id = 1 AND source = 'local'`)).toBe(0);
  });

  it('writes nothing when replayed or when nothing changes', async () => {
    expect((await update({ id: 1, note: 'same', idempotencyKey: 'update-key-5' })).delivery).toEqual({ queuedFor: 'Connected' });
    const written = [count('SELECT count(*) FROM audit_log'), count('SELECT count(*) FROM outbox')];
    // Nothing queued by these requests, so nothing is said to be on its way.
    expect((await update({ id: 1, note: 'same', idempotencyKey: 'update-key-5' })).delivery).toEqual({ queuedFor: null });
    expect((await update({ id: 1, note: 'same', idempotencyKey: 'update-key-6' })).delivery).toEqual({ queuedFor: null });
    expect([count('SELECT count(*) FROM audit_log'), count('SELECT count(*) FROM outbox')]).toEqual(written);
  });

  it('keeps the changes of a store without a remote side local', async () => {
    const saved = await update({ id: 2, note: 'local only', tags: ['x'], idempotencyKey: 'update-key-7' });
    expect(saved.delivery).toEqual({ queuedFor: null });
    expect(count('SELECT count(*) FROM outbox')).toBe(0);
    expect(count('SELECT count(*) FROM audit_log WHERE entity_id = 2')).toBe(2);
  });

  it.each([
    ['a note over 2000 characters', { id: 1, note: 'x'.repeat(2001), staffId: 1, idempotencyKey: 'update-bad-1' }, 'VALIDATION'],
    ['a tag over 40 characters', { id: 1, tags: ['x'.repeat(41)], staffId: 1, idempotencyKey: 'update-bad-2' }, 'VALIDATION'],
    ['an empty tag', { id: 1, tags: ['  '], staffId: 1, idempotencyKey: 'update-bad-3' }, 'VALIDATION'],
    ['51 tags', { id: 1, tags: Array.from({ length: 51 }, (_, i) => `t${i}`), staffId: 1, idempotencyKey: 'update-bad-4' }, 'VALIDATION'],
    ['nothing to change', { id: 1, staffId: 1, idempotencyKey: 'update-bad-5' }, 'VALIDATION'],
    ['an unknown staff member', { id: 1, note: 'n', staffId: 9, idempotencyKey: 'update-bad-6' }, 'VALIDATION'],
    ['an unknown order', { id: 99, note: 'n', staffId: 1, idempotencyKey: 'update-bad-7' }, 'NOT_FOUND'],
  ])('refuses %s, writing nothing', async (_label, input, code) => {
    const result = await call('orders.update', input);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(count('SELECT count(*) FROM audit_log') + count('SELECT count(*) FROM outbox')).toBe(0);
    expect(count(`SELECT count(*) FROM orders WHERE local_note IS NOT NULL OR local_tags <> '[]'`)).toBe(0);
  });
});
