import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/core/dispatch';
import { handlers } from '../../src/main/core/handlers';
import { enqueueOutbox } from '../../src/main/domain/outbox/enqueue';
import type { Result } from '../../src/shared/errors';
import { handlerContext } from '../helpers/context';
import { FakeConnector, remoteOrder } from './sync-engine-fake';
import { engineHarness, type EngineHarness } from './sync-engine-setup';

const SECRET = 'cs_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
let harness: EngineHarness | null = null;
afterEach(() => harness?.connection.close());

async function call(h: EngineHarness, name: string, input: unknown): Promise<Result<any>> {
  const ctx = handlerContext(h.connection, () => new Date(h.clock.now), h.events as unknown[]);
  return dispatch(handlers, ctx, name, input, () => undefined);
}

const connectInput = {
  staffId: 1, name: 'Corner Shop', shopUrl: 'https://corner.example.com/',
  credentials: { platform: 'woocommerce', consumerKey: 'ck_corner', consumerSecret: SECRET },
  resources: ['orders'], timezone: 'Europe/Berlin', currency: 'EUR',
};

describe('stores.* handlers', () => {
  it('tests first and refuses with the platform reason, saving nothing', async () => {
    const fake = new FakeConnector();
    fake.verdict = { ok: false, message: 'WooCommerce refused the key: Consumer key is invalid.' };
    harness = await engineHarness(fake);
    const result = await call(harness, 'stores.connect', connectInput);
    expect(result).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'WooCommerce refused the key: Consumer key is invalid.' } });
    const list = await call(harness, 'stores.list', {});
    expect(list.ok && list.data).toHaveLength(1);
    expect(harness.deps.runtime.vault.has(2)).toBe(false);
  });

  it('refuses an unknown staff member', async () => {
    harness = await engineHarness(new FakeConnector());
    const result = await call(harness, 'stores.connect', { ...connectInput, staffId: 99 });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('connects, keeps the secret out of SQLite and out of every answer, and removes keeping the data', async () => {
    const fake = new FakeConnector();
    fake.put(remoteOrder(1, '2026-02-01T00:00:00.000Z'));
    harness = await engineHarness(fake);
    const connected = await call(harness, 'stores.connect', connectInput);
    expect(connected).toMatchObject({
      ok: true,
      data: {
        id: 2, name: 'Corner Shop', platform: 'woocommerce', shopUrl: 'https://corner.example.com', currency: 'EUR',
        timezone: 'Europe/Berlin', resources: ['orders'], intervalMinutes: 15, hasCredentials: true, secretStore: 'file',
      },
    });
    expect(harness.deps.runtime.vault.get(2)).toMatchObject({ consumerSecret: SECRET });
    expect(harness.connection.sqlite.serialize().includes(Buffer.from(SECRET))).toBe(false);
    expect(harness.connection.sqlite.serialize().includes(Buffer.from('ck_corner'))).toBe(false);
    const list = await call(harness, 'stores.list', {});
    expect(JSON.stringify(list)).not.toContain(SECRET);

    const run = await call(harness, 'sync.run', { storeId: 2 });
    expect(run).toMatchObject({ ok: true, data: { status: 'running', trigger: 'manual' } });
    await harness.deps.runtime.active.get(2)?.done;
    const status = await call(harness, 'sync.status', { storeId: 2 });
    expect(status).toMatchObject({
      ok: true,
      data: [{
        online: true, running: null, lastRun: { status: 'succeeded', counts: { fetched: 1, created: 1 } },
        resources: [{ resource: 'orders', localCount: 1, remoteTotal: 1, cursor: { externalId: 'o1' } }],
        outbox: { pending: 0, failed: 0 },
      }],
    });
    const log = await call(harness, 'sync.log', { storeId: 2 });
    expect(log.ok && log.data.length).toBeGreaterThan(0);
    expect(await call(harness, 'sync.cancel', { storeId: 2 })).toEqual({ ok: true, data: { cancelled: false } });

    // A change waiting for the store when it is removed is set aside with a sentence (it could never be sent).
    enqueueOutbox(harness.connection.sqlite, { storeId: 2, idempotencyKey: 'waiting', operation: 'order.note.set',
      targetType: 'order', targetId: 1, payload: { note: 'kept here' } }, new Date());
    expect(await call(harness, 'stores.remove', { storeId: 2, staffId: 1 })).toEqual({ ok: true, data: { id: 2 } });
    expect(harness.connection.sqlite.prepare("SELECT status, last_error AS lastError FROM outbox WHERE idempotency_key = 'waiting'").get())
      .toEqual({ status: 'discarded', lastError: expect.stringContaining('disconnected') });
    expect(harness.deps.runtime.vault.has(2)).toBe(false);
    const after = await call(harness, 'stores.list', {});
    expect(after.ok && after.data.find((s: { id: number }) => s.id === 2)).toMatchObject({ hasCredentials: false, connectedAt: null });
    expect(harness.connection.sqlite.prepare('SELECT count(*) AS n FROM orders WHERE store_id = 2').get()).toEqual({ n: 1 });
    expect(await call(harness, 'sync.run', { storeId: 2 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(harness.events).toContainEqual({ event: 'data.changed', payload: { areas: ['sync'] } });
  });

  it('tests saved and unsaved credentials with a verdict', async () => {
    const fake = new FakeConnector();
    harness = await engineHarness(fake);
    expect(await call(harness, 'stores.test', { storeId: 1 })).toEqual({ ok: true, data: { ok: true, message: 'Connected to Test shop.' } });
    fake.verdict = { ok: false, message: 'The access token was revoked.' };
    expect(await call(harness, 'stores.test', { shopUrl: 'https://x.myshopify.com', credentials: { platform: 'shopify', accessToken: 't' } }))
      .toEqual({ ok: true, data: { ok: false, message: 'The access token was revoked.' } });
  });
});

describe('outbox.* handlers', () => {
  it('lists, retries with an edited payload and discards, naming the staff member', async () => {
    const fake = new FakeConnector();
    harness = await engineHarness(fake);
    const { sqlite } = harness.connection;
    const now = new Date(harness.clock.now);
    enqueueOutbox(sqlite, { storeId: 1, idempotencyKey: 'k1', operation: 'order.note.set', targetType: 'order', targetId: 5, payload: { note: 'a' } }, now);
    enqueueOutbox(sqlite, { storeId: 1, idempotencyKey: 'k2', operation: 'order.note.set', targetType: 'order', targetId: 6, payload: { note: 'b' } }, now);
    sqlite.prepare(`UPDATE outbox SET status = 'failed', last_error = 'Note too long.' WHERE idempotency_key IN ('k1','k2')`).run();
    const listed = await call(harness, 'outbox.list', { status: ['failed'] });
    expect(listed.ok && listed.data.map((e: { lastError: string }) => e.lastError)).toEqual(['Note too long.', 'Note too long.']);

    expect(await call(harness, 'outbox.retry', { id: 1, staffId: 77 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const retried = await call(harness, 'outbox.retry', { id: 1, staffId: 1, payload: { note: 'short' } });
    expect(retried).toMatchObject({ ok: true, data: { payload: { note: 'short' }, lastError: null } });
    await harness.settle();
    expect(fake.pushed.map((item) => item.payload)).toEqual([{ note: 'short' }]);

    expect(await call(harness, 'outbox.discard', { id: 2, staffId: 1 })).toMatchObject({ ok: true, data: { status: 'discarded' } });
    expect(await call(harness, 'outbox.discard', { id: 2, staffId: 1 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call(harness, 'outbox.retry', { id: 42, staffId: 1 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
