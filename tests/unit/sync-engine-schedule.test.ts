import { afterEach, describe, expect, it } from 'vitest';
import { enqueueOutbox } from '../../src/main/domain/outbox/enqueue';
import { nextRunAt } from '../../src/main/core/interval';
import { scheduleSyncs } from '../../src/main/sync/engine/scheduler';
import { FakeConnector, remoteOrder } from './sync-engine-fake';
import { engineHarness, type EngineHarness } from './sync-engine-setup';

let harness: EngineHarness | null = null;
let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  harness?.connection.close();
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 40));
/** Polls until `check` holds (a loaded machine may tick late). */
async function until(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited > 5000) throw new Error('timed out waiting for the scheduler');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
const runs = (h: EngineHarness) => h.connection.sqlite.prepare('SELECT trigger, status FROM sync_runs ORDER BY id').all();

describe('sync scheduler', () => {
  it('syncs at startup, then every interval, and skips disconnected stores', async () => {
    const fake = new FakeConnector();
    fake.put(remoteOrder(1, '2026-02-01T00:00:00.000Z'));
    harness = await engineHarness(fake);
    harness.connection.sqlite.prepare('UPDATE stores SET sync_interval_minutes = 10 WHERE id = 1').run();
    stop = scheduleSyncs(harness.deps, { log: () => undefined, tickMs: 10, firstTickMs: 0 }).stop;
    await until(() => runs(harness!).length > 0);
    await harness.settle();
    expect(runs(harness)).toEqual([{ trigger: 'startup', status: 'succeeded' }]);
    await tick();
    expect(runs(harness)).toHaveLength(1);
    harness.clock.now += 10 * 60_000;
    await until(() => runs(harness!).length > 1);
    await harness.settle();
    expect(runs(harness)).toEqual([{ trigger: 'startup', status: 'succeeded' }, { trigger: 'schedule', status: 'succeeded' }]);
    harness.connection.sqlite.prepare(`UPDATE stores SET disconnected_at = '2026-03-01T00:00:00.000Z' WHERE id = 1`).run();
    harness.clock.now += 60 * 60_000;
    await tick();
    expect(runs(harness)).toHaveLength(2);
  });

  it('pushes changes waiting in the outbox between syncs', async () => {
    const fake = new FakeConnector();
    harness = await engineHarness(fake);
    harness.connection.sqlite.prepare(`INSERT INTO sync_runs (store_id, trigger, status, resources, started_at) VALUES (1, 'manual', 'succeeded', '[]', ?)`)
      .run(new Date(harness.clock.now).toISOString());
    enqueueOutbox(harness.connection.sqlite, { storeId: 1, idempotencyKey: 'k', operation: 'order.tags.set', targetType: 'order', targetId: 3, payload: { tags: ['vip'] } }, new Date(harness.clock.now));
    stop = scheduleSyncs(harness.deps, { log: () => undefined, tickMs: 10, firstTickMs: 0 }).stop;
    await until(() => fake.pushed.length > 0);
    await harness.settle();
    expect(fake.pushed.map((item) => item.idempotencyKey)).toEqual(['k']);
    expect(runs(harness)).toHaveLength(1);
  });

  it('says when the next run is due', () => {
    expect(nextRunAt(0, null, new Date('2026-03-01T00:00:00Z'))).toBeNull();
    expect(nextRunAt(15, '2026-03-01T00:00:00.000Z', new Date())).toBe('2026-03-01T00:15:00.000Z');
  });
});
