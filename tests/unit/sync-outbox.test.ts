import { afterEach, describe, expect, it } from 'vitest';
import { enqueueOutbox } from '../../src/main/domain/outbox/enqueue';
import { ConnectorError, type OutboxItem, type PushResult } from '../../src/main/sync/connector';
import { startSync } from '../../src/main/sync/engine/run';
import { pushOutbox } from '../../src/main/sync/outbox/push';
import { FakeConnector, offline } from './sync-engine-fake';
import { engineHarness, type EngineHarness } from './sync-engine-setup';

let harness: EngineHarness | null = null;
afterEach(() => harness?.connection.close());

/** A marketplace that takes a few ms per push and records what it received, and how many at once. */
class SlowMarketplace extends FakeConnector {
  down = false;
  inFlight = 0;
  maxInFlight = 0;
  received: string[] = [];
  override async push(item: OutboxItem): Promise<PushResult> {
    if (this.down) throw offline();
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 3));
    this.inFlight -= 1;
    const result = await super.push(item);
    if (result.ok) this.received.push(`${item.targetId}:${String(item.payload.n)}`);
    return result;
  }
}

function queue(h: EngineHarness, target: number, n: number): void {
  enqueueOutbox(h.connection.sqlite, {
    storeId: 1, idempotencyKey: `note-${target}-${n}`, operation: 'order.note.set', targetType: 'order', targetId: target,
    payload: { n },
  }, new Date(h.clock.now));
}

const statuses = (h: EngineHarness) =>
  h.connection.sqlite.prepare('SELECT id, status, last_error AS lastError, last_http_status AS http FROM outbox ORDER BY id').all();

describe('outbox push', () => {
  it('sends each entity in order, one at a time, two entities at once', async () => {
    const market = new SlowMarketplace();
    harness = await engineHarness(market);
    for (let n = 1; n <= 4; n++) for (const target of [10, 20, 30]) queue(harness, target, n);
    await pushOutbox(harness.deps, 1, market);
    expect(market.maxInFlight).toBe(2);
    for (const target of [10, 20, 30]) {
      expect(market.received.filter((r) => r.startsWith(`${target}:`))).toEqual([1, 2, 3, 4].map((n) => `${target}:${n}`));
    }
    expect(market.received).toHaveLength(12);
    expect(market.pushed.map((item) => item.idempotencyKey)).toContain('note-10-1');
    expect(statuses(harness).every((row) => (row as { status: string }).status === 'done')).toBe(true);
  });

  it('retries a retryable failure with backoff, then sends it once', async () => {
    const market = new SlowMarketplace();
    harness = await engineHarness(market);
    queue(harness, 10, 1);
    market.pushFailures = [new ConnectorError('502 Bad Gateway', 'server', true, 502), { ok: false, permanent: false, message: 'Busy.' }];
    await pushOutbox(harness.deps, 1, market);
    expect(market.received).toEqual(['10:1']);
    expect(harness.sleeps).toEqual([250, 500]);
  });

  it('marks a 4xx failed with the platform message and holds back that entity only, until retried', async () => {
    const market = new SlowMarketplace();
    harness = await engineHarness(market);
    queue(harness, 10, 1);
    queue(harness, 10, 2);
    queue(harness, 20, 1);
    market.pushFailures = [{ ok: false, permanent: true, status: 422, message: 'Note is too long (maximum is 5000 characters).' }];
    await pushOutbox(harness.deps, 1, market);
    expect(market.received).toEqual(['20:1']);
    expect(statuses(harness)).toEqual([
      { id: 1, status: 'failed', lastError: 'Note is too long (maximum is 5000 characters).', http: 422 },
      { id: 2, status: 'pending', lastError: null, http: null },
      { id: 3, status: 'done', lastError: null, http: null },
    ]);
    await pushOutbox(harness.deps, 1, market);
    expect(market.received).toEqual(['20:1']);
    harness.connection.sqlite.prepare(`UPDATE outbox SET status = 'pending' WHERE id = 1`).run();
    await pushOutbox(harness.deps, 1, market);
    expect(market.received).toEqual(['20:1', '10:1', '10:2']);
  });

  it('keeps queueing while offline and pushes each change once, in order, when the server is back', async () => {
    const market = new SlowMarketplace();
    harness = await engineHarness(market);
    market.down = true;
    queue(harness, 10, 1);
    queue(harness, 20, 1);
    await pushOutbox(harness.deps, 1, market);
    expect(harness.deps.runtime.online.get(1)).toBe(false);
    queue(harness, 10, 2);
    await pushOutbox(harness.deps, 1, market);
    expect(market.received).toEqual([]);
    expect(statuses(harness).map((row) => (row as { status: string }).status)).toEqual(['pending', 'pending', 'pending']);

    market.down = false;
    await pushOutbox(harness.deps, 1, market);
    await pushOutbox(harness.deps, 1, market);
    expect(market.received.sort()).toEqual(['10:1', '10:2', '20:1']);
    expect(market.received.indexOf('10:1')).toBeLessThan(market.received.indexOf('10:2'));
    expect(market.pushed).toHaveLength(3);
    expect(harness.deps.runtime.online.get(1)).toBe(true);
  });

  it('is pushed after a successful sync run', async () => {
    const market = new SlowMarketplace();
    harness = await engineHarness(market);
    queue(harness, 10, 1);
    startSync(harness.deps, 1, { trigger: 'manual' });
    await harness.settle();
    expect(market.received).toEqual(['10:1']);
  });
});
