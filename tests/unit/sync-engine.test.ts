import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../src/main/sync/connector';
import { readResourceState } from '../../src/main/sync/engine/cursor';
import { cancelSync, OFFLINE_MESSAGE, startSync } from '../../src/main/sync/engine/run';
import { readLog } from '../../src/main/sync/engine/runLog';
import { FakeConnector, offline, remoteOrder, serverError } from './sync-engine-fake';
import { engineHarness, storedOrders, type EngineHarness } from './sync-engine-setup';

const at = (minute: number): string => new Date(Date.parse('2026-02-01T00:00:00.000Z') + minute * 60_000).toISOString();
let harness: EngineHarness | null = null;
afterEach(() => harness?.connection.close());

async function syncOnce(h: EngineHarness) {
  const started = startSync(h.deps, h.storeId, { trigger: 'manual' });
  await h.settle();
  return h.connection.sqlite.prepare<[number], { status: string; error: string | null; fetched: number; created: number; updated: number; unchanged: number }>(
    'SELECT status, error, fetched, created, updated, unchanged FROM sync_runs WHERE id = ?').get(started.id)!;
}

describe('sync engine: cursor and overlap', () => {
  it('reads everything first, then only from the cursor less the overlap window', async () => {
    const fake = new FakeConnector();
    for (let n = 1; n <= 7; n++) fake.put(remoteOrder(n, at(n * 10)));
    harness = await engineHarness(fake);
    const first = await syncOnce(harness);
    expect(first).toMatchObject({ status: 'succeeded', fetched: 7, created: 7, updated: 0 });
    expect(readResourceState(harness.connection.sqlite, 1, 'orders')).toEqual({
      cursor: { updatedAt: at(70), externalId: 'o7' }, listing: null,
    });

    fake.put(remoteOrder(8, at(80)));
    fake.requests = [];
    const second = await syncOnce(harness);
    // o7 (70) is inside the 5-minute window before the cursor: re-read and skipped as not newer.
    expect(fake.requests[0]).toEqual({ since: at(65), pageToken: null });
    expect(second).toMatchObject({ status: 'succeeded', fetched: 2, created: 1, unchanged: 1 });
    expect(storedOrders(harness.connection)).toHaveLength(8);
  });

  it('neither loses nor doubles records sharing a timestamp across a page boundary', async () => {
    const fake = new FakeConnector();
    for (let n = 1; n <= 5; n++) fake.put(remoteOrder(n, at(30)));
    harness = await engineHarness(fake);
    expect(await syncOnce(harness)).toMatchObject({ fetched: 5, created: 5 });
    // A sixth record with the same timestamp appears after the sync: the next one must still find it.
    fake.put(remoteOrder(6, at(30)));
    expect(await syncOnce(harness)).toMatchObject({ status: 'succeeded', fetched: 6, created: 1, unchanged: 5 });
    expect(storedOrders(harness.connection).map((o) => o.external_id)).toEqual(['o1', 'o2', 'o3', 'o4', 'o5', 'o6']);
  });

  it('picks up a record that changed after its page was read, even when newer records follow it', async () => {
    const fake = new FakeConnector();
    fake.order = 'id';
    for (let n = 1; n <= 6; n++) fake.put(remoteOrder(n, at(n)));
    harness = await engineHarness(fake);
    const h = harness;
    fake.beforePage = (page) => {
      if (page !== 1) return;
      // While page 2 is fetched: o1 (already read) changes and o7 is created, both after the listing began.
      h.clock.now = Date.parse('2026-03-01T14:00:00.000Z');
      fake.put(remoteOrder(1, '2026-03-01T13:00:00.000Z', { totalMinor: 5000, subtotalMinor: 5000 }));
      fake.put(remoteOrder(7, '2026-03-01T14:00:00.000Z'));
    };
    await syncOnce(h);
    expect(storedOrders(h.connection).find((o) => o.external_id === 'o1')?.total_minor).toBe(1001);
    fake.beforePage = () => undefined;
    expect(await syncOnce(h)).toMatchObject({ status: 'succeeded', updated: 1 });
    expect(storedOrders(h.connection).find((o) => o.external_id === 'o1')?.total_minor).toBe(5000);
    expect(storedOrders(h.connection)).toHaveLength(7);
  });
});

describe('sync engine: failures', () => {
  it('retries a 5xx with exponential backoff and full jitter, then succeeds', async () => {
    const fake = new FakeConnector();
    for (let n = 1; n <= 4; n++) fake.put(remoteOrder(n, at(n)));
    fake.failures = [serverError(), serverError(), new ConnectorError('Slow down.', 'throttled', true, 429, 7000)];
    harness = await engineHarness(fake);
    expect(await syncOnce(harness)).toMatchObject({ status: 'succeeded', created: 4 });
    // random() = 0.5: half of 500 ms, of 1000 ms; then the server's Retry-After (7 s) beats half of 2000 ms.
    expect(harness.sleeps).toEqual([250, 500, 7000]);
    const warnings = readLog(harness.connection.sqlite, { limit: 100 }).filter((e) => e.level === 'warning');
    expect(warnings.map((w) => w.message)).toContain('The shop answered 503 Service Unavailable. Trying again in 1 s (attempt 2 of 6).');
  });

  it('reports a permanent 4xx in the run, the resource and the log, with the platform reason', async () => {
    const fake = new FakeConnector();
    fake.put(remoteOrder(1, at(1)));
    fake.failures = [new ConnectorError('WooCommerce refused the key: Invalid signature - provided signature does not match.', 'auth', false, 401)];
    harness = await engineHarness(fake);
    const run = await syncOnce(harness);
    expect(run).toMatchObject({ status: 'failed', error: 'WooCommerce refused the key: Invalid signature - provided signature does not match.' });
    expect(harness.sleeps).toEqual([]);
    const state = harness.connection.sqlite.prepare(`SELECT last_error FROM sync_state WHERE resource = 'orders'`).get() as { last_error: string };
    expect(state.last_error).toMatch(/Invalid signature/);
    expect(harness.events).toContainEqual({ event: 'sync.finished', payload: expect.objectContaining({ status: 'failed' }) });
  });

  it('ends offline runs as failed with a sentence, marks the store offline, and keeps what it had', async () => {
    const fake = new FakeConnector();
    fake.put(remoteOrder(1, at(1)));
    harness = await engineHarness(fake);
    fake.failures = Array.from({ length: 6 }, offline);
    expect(await syncOnce(harness)).toMatchObject({ status: 'failed', error: OFFLINE_MESSAGE });
    expect(harness.deps.runtime.online.get(1)).toBe(false);
    expect(await syncOnce(harness)).toMatchObject({ status: 'succeeded', created: 1 });
    expect(harness.deps.runtime.online.get(1)).toBe(true);
  });

  it('resumes an interrupted listing at its next page with the same since, not past unread records', async () => {
    const fake = new FakeConnector();
    fake.order = 'id';
    for (let n = 1; n <= 9; n++) fake.put(remoteOrder(n, at(100 - n)));
    harness = await engineHarness(fake);
    fake.beforePage = (page) => {
      if (page === 1) fake.failures.push(new ConnectorError('Bad request.', 'client', false, 400));
    };
    expect(await syncOnce(harness)).toMatchObject({ status: 'failed', created: 6 });
    const state = readResourceState(harness.connection.sqlite, 1, 'orders');
    expect(state.cursor).toBeNull();
    expect(state.listing).toMatchObject({ since: null, pageToken: '6', page: 2 });
    fake.beforePage = () => undefined;
    fake.requests = [];
    expect(await syncOnce(harness)).toMatchObject({ status: 'succeeded', created: 3 });
    expect(fake.requests).toEqual([{ since: null, pageToken: '6' }]);
    // Paged by id, the newest change (o1 at minute 99) was on the first page: the cursor still gets it.
    expect(readResourceState(harness.connection.sqlite, 1, 'orders').cursor).toEqual({ updatedAt: at(99), externalId: 'o1' });
  });
});

describe('sync engine: cancel, progress, log', () => {
  it('cancels between pages, keeps what was applied and resumes from there', async () => {
    const fake = new FakeConnector();
    for (let n = 1; n <= 9; n++) fake.put(remoteOrder(n, at(n)));
    harness = await engineHarness(fake);
    const h = harness;
    fake.beforePage = (page) => {
      if (page === 1) cancelSync(h.deps, 1);
    };
    expect(await syncOnce(h)).toMatchObject({ status: 'cancelled', created: 6 });
    expect(storedOrders(h.connection)).toHaveLength(6);
    expect(h.events).toContainEqual({ event: 'sync.finished', payload: expect.objectContaining({ status: 'cancelled' }) });
    fake.beforePage = () => undefined;
    expect(await syncOnce(h)).toMatchObject({ status: 'succeeded', created: 3 });
  });

  it('cancels a page that hangs', async () => {
    const fake = new FakeConnector();
    fake.put(remoteOrder(1, at(1)));
    fake.failures = ['hang'];
    harness = await engineHarness(fake);
    const run = startSync(harness.deps, 1, { trigger: 'manual' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(cancelSync(harness.deps, 1)).toBe(true);
    await harness.settle();
    const row = harness.connection.sqlite.prepare('SELECT status FROM sync_runs WHERE id = ?').get(run.id) as { status: string };
    expect(row.status).toBe('cancelled');
  });

  it('reports progress per page with totals and an estimate, and a log the merchant can read', async () => {
    const fake = new FakeConnector();
    for (let n = 1; n <= 7; n++) fake.put(remoteOrder(n, at(n)));
    harness = await engineHarness(fake);
    const h = harness;
    fake.beforePage = () => {
      h.clock.now += 1000;
    };
    const run = startSync(h.deps, 1, { trigger: 'manual' });
    expect(run.status).toBe('running');
    await h.settle();
    const progress = h.events.filter((e) => e.event === 'sync.progress').map((e) => e.payload);
    expect(progress.map((p) => [p.page, p.fetched, p.total])).toEqual([[1, 3, 7], [2, 6, 7], [3, 7, 7]]);
    expect(progress[0]!.etaSeconds).toBeGreaterThan(0);
    expect(progress[2]!.etaSeconds).toBe(0);
    expect(h.events).toContainEqual({ event: 'data.changed', payload: { areas: ['sync', 'orders', 'customers'] } });
    const log = readLog(h.connection.sqlite, { runId: run.id, limit: 100 }).map((e) => e.message).reverse();
    expect(log).toEqual(['Sync started (manual): orders.', 'Fetching all orders.', 'orders: fetched 7; 7 new, 0 updated.']);

    fake.totalBias = 2;
    const second = startSync(h.deps, 1, { trigger: 'manual' });
    await h.settle();
    const messages = readLog(h.connection.sqlite, { runId: second.id, limit: 100 }).map((e) => e.message);
    expect(messages).toContain('The platform counted 8 orders but listed 6; records that changed while paging are picked up by the next sync.');
    expect(messages).toContain('orders: fetched 6; 0 new, 0 updated, 6 skipped as not newer than what Backroom has.');
  });

  it('quarantines malformed records with their reason and goes on', async () => {
    const fake = new FakeConnector();
    fake.put(remoteOrder(1, at(1)));
    fake.put(remoteOrder(2, at(2), { totalMinor: 1 }));
    fake.malformed = [{ resource: 'orders', externalId: '77', reason: 'The order has no line items list.', raw: { id: 77 } }];
    harness = await engineHarness(fake);
    expect(await syncOnce(harness)).toMatchObject({ status: 'succeeded', fetched: 3, created: 1 });
    const q = harness.connection.sqlite.prepare('SELECT external_id, reason FROM sync_quarantine ORDER BY external_id').all() as { external_id: string; reason: string }[];
    expect(q).toEqual([
      { external_id: '77', reason: 'The order has no line items list.' },
      { external_id: 'o2', reason: expect.stringMatching(/does not add up/) },
    ]);
    const log = readLog(harness.connection.sqlite, { limit: 100 }).map((e) => e.message);
    expect(log).toContain('Skipped 77: The order has no line items list.');
    expect(log).toContain(`Skipped o2: ${q[1]!.reason}`);
    expect(log).toContain('orders: fetched 3; 1 new, 0 updated, 2 quarantined (reasons above).');
  });
});
