import { afterEach, describe, expect, it } from 'vitest';
import { trackingHandlers } from '../../src/main/domain/logistics/tracking/handlers';
import { scheduleTracking } from '../../src/main/domain/logistics/tracking/schedule';
import { trackingProviderUpdateInput } from '../../src/shared/contract/logistics';
import { startAfterShipServer } from '../support/aftership-server';
import { trackingShop, type TrackingShop } from '../support/aftership-server/shop';

type Server = Awaited<ReturnType<typeof startAfterShipServer>>;
let server: Server;
let shop: TrackingShop;
let stop: (() => void) | undefined;
afterEach(async () => {
  stop?.();
  shop.close();
  await server.close();
});

const until = async (check: () => boolean, ms = 3000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

async function setUp(intervalMinutes: number): Promise<void> {
  server = await startAfterShipServer();
  shop = await trackingShop();
  await trackingHandlers['tracking.provider.update'](trackingProviderUpdateInput.parse({
    provider: 'aftership', apiKey: server.apiKey, baseUrl: server.url, enabled: true, intervalMinutes, staffId: 1,
  }), shop.ctx);
  shop.addShipment({ id: 1, trackingNumber: 'PKG00000001' });
}

describe('the tracking schedule', () => {
  it('refreshes when due and records the run, then waits for the interval', async () => {
    await setUp(60);
    const logged: string[] = [];
    stop = scheduleTracking(shop.ctx, { log: (message) => logged.push(message), tickMs: 30, firstTickMs: 0 }).stop;
    await until(() => server.state.requestsTo('POST /trackings').length === 1);
    await until(() => shop.connection.sqlite.prepare('SELECT last_run_at FROM tracking_provider').pluck().get() !== null);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The pinned clock never reaches the next run: one run only.
    expect(server.state.requestsTo('POST /trackings')).toHaveLength(1);
    expect(shop.connection.sqlite.prepare('SELECT last_run_at FROM tracking_provider').pluck().get()).toBe('2026-03-10T12:00:00.000Z');
    expect(logged).toEqual([]);
  });

  it('does nothing when refreshes are by hand only', async () => {
    await setUp(0);
    stop = scheduleTracking(shop.ctx, { log: () => undefined, tickMs: 30, firstTickMs: 0 }).stop;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.state.requests.filter((r) => r.endpoint === 'POST /trackings')).toEqual([]);
  });
});
