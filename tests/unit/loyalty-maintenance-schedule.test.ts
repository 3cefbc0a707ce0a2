import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { openCore } from '../../src/main/core';
import { openConnection } from '../../src/main/db/connection';
import { MAINTENANCE_INTERVAL_MS } from '../../src/main/domain/loyalty/maintenance-schedule';
import type { PushMessage } from '../../src/shared/contract';
import { tempDir } from '../helpers/db';
import { insertCustomer, insertStore } from '../helpers/fixtures';

/** The core runs loyalty maintenance on its own when asked, and stops with it. */
const temp = tempDir();
afterEach(() => {
  vi.useRealTimers();
});
afterAll(() => temp.cleanup());

async function openWithDueLot(name: string, maintenance?: boolean) {
  const dbPath = join(temp.dir, name);
  let clock = new Date('2026-05-01T00:00:00.000Z');
  const core = await openCore({ dbPath, now: () => clock, maintenance });
  const writer = openConnection(dbPath);
  insertStore(writer.sqlite);
  insertCustomer(writer.sqlite, 1);
  writer.sqlite.prepare(`INSERT INTO points_ledger (customer_id, entry_type, points, idempotency_key, available_at,
    expires_at, created_at) VALUES (1, 'bonus', 60, 'b', '2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z',
    '2026-01-01T00:00:00.000Z')`).run();
  writer.close();
  const events: PushMessage[] = [];
  core.subscribe((m) => events.push(m));
  return { core, events, setClock: (iso: string) => (clock = new Date(iso)) };
}

describe('scheduled loyalty maintenance', () => {
  it('runs shortly after opening and hourly, tells the views, and clears its timers on close', async () => {
    vi.useFakeTimers();
    const { core, events, setClock } = await openWithDueLot('on.sqlite', true);
    expect(vi.getTimerCount()).toBe(2);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(events).toEqual([{ event: 'data.changed', payload: { areas: ['loyalty'] } }]);
    const last = await core.invoke('loyalty.maintenance.last', {});
    expect(last).toMatchObject({ ok: true, data: { expired: { customers: 1, points: 60 } } });
    setClock('2026-05-01T01:00:00.000Z');
    await vi.advanceTimersByTimeAsync(MAINTENANCE_INTERVAL_MS);
    expect(events).toHaveLength(1); // nothing new to post: no event
    expect(await core.invoke('loyalty.maintenance.last', {})).toMatchObject({ data: { at: '2026-05-01T01:00:00.000Z' } });
    await core.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not run unless asked, and runs on demand through the operation', async () => {
    vi.useFakeTimers();
    const { core, events } = await openWithDueLot('off.sqlite');
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(2 * MAINTENANCE_INTERVAL_MS);
    expect(await core.invoke('loyalty.maintenance.last', {})).toEqual({ ok: true, data: null });
    expect(await core.invoke('loyalty.maintenance.run', {})).toMatchObject({
      ok: true, data: { at: '2026-05-01T00:00:00.000Z', expired: { customers: 1, points: 60 }, birthdays: 0 } });
    expect(events).toEqual([{ event: 'data.changed', payload: { areas: ['loyalty'] } }]);
    expect(await core.invoke('loyalty.maintenance.run', {})).toMatchObject({ data: { expired: { points: 0 } } });
    expect(events).toHaveLength(1);
    expect(await core.invokeByName('loyalty.maintenance.run', { now: 1 })).toMatchObject({
      ok: false, error: { code: 'VALIDATION' } });
    await core.close();
  });
});
