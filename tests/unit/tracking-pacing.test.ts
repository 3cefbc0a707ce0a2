import { afterEach, describe, expect, it } from 'vitest';
import { AfterShipPacer } from '../../src/main/domain/logistics/tracking/aftership/pacer';
import { trackingHandlers } from '../../src/main/domain/logistics/tracking/handlers';
import { nextRunAt as nextTrackingRunAt } from '../../src/main/core/interval';
import { trackingProviderUpdateInput, trackingRefreshInput } from '../../src/shared/contract/logistics';
import { startAfterShipServer, type RecordedRequest } from '../support/aftership-server';
import { trackingShop, type TrackingShop } from '../support/aftership-server/shop';

type Server = Awaited<ReturnType<typeof startAfterShipServer>>;
let server: Server | undefined;
let shop: TrackingShop | undefined;
afterEach(async () => {
  shop?.close();
  await server?.close();
});

async function connected(limits: Partial<Record<string, number>>, shipments: number): Promise<{ server: Server; shop: TrackingShop }> {
  server = await startAfterShipServer({ limits });
  shop = await trackingShop();
  await trackingHandlers['tracking.provider.update'](trackingProviderUpdateInput.parse({
    provider: 'aftership', apiKey: server.apiKey, baseUrl: server.url, enabled: true, staffId: 1,
  }), shop.ctx);
  for (let id = 1; id <= shipments; id++) shop.addShipment({ id, trackingNumber: `PKG${String(id).padStart(8, '0')}` });
  return { server, shop };
}
const refresh = (s: TrackingShop, shipmentIds?: number[]) =>
  trackingHandlers['tracking.refresh'](trackingRefreshInput.parse(shipmentIds ? { shipmentIds } : {}), s.ctx);

/** The most requests any one-second window of the server saw, per endpoint. */
function busiestWindow(requests: RecordedRequest[], endpoint: string): number {
  const perSecond = new Map<number, number>();
  for (const r of requests.filter((q) => q.endpoint === endpoint)) {
    const second = Math.floor(r.at / 1000);
    perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  }
  return Math.max(0, ...perSecond.values());
}

describe('pacing within AfterShip’s limits', () => {
  it('never sends more than an endpoint’s limit in one second, so AfterShip never refuses', async () => {
    const { server, shop } = await connected({ 'POST /trackings': 4, 'GET /trackings/:id': 3 }, 9);
    expect(await refresh(shop)).toMatchObject({ checked: 9, failed: 0, message: null });
    expect(await refresh(shop, [1, 2, 3, 4, 5, 6, 7, 8, 9])).toMatchObject({ checked: 9, failed: 0, message: null });
    const requests = server.state.requests;
    expect(requests.filter((r) => r.endpoint === 'POST /trackings')).toHaveLength(9);
    expect(requests.filter((r) => r.endpoint === 'GET /trackings/:id')).toHaveLength(9);
    expect(requests.filter((r) => r.status === 429)).toEqual([]);
    expect(busiestWindow(requests, 'POST /trackings')).toBeLessThanOrEqual(4);
    expect(busiestWindow(requests, 'GET /trackings/:id')).toBeLessThanOrEqual(3);
  }, 20_000);

  it('on a 429 waits until the window resets, then carries on', async () => {
    const { server, shop } = await connected({}, 1);
    await refresh(shop);
    server.state.failures.rateLimited = 1;
    const before = server.state.requests.length;
    expect(await refresh(shop, [1])).toMatchObject({ checked: 1, failed: 0, message: null });
    const [refused, retried] = server.state.requests.slice(before);
    expect(refused?.status).toBe(429);
    expect(retried?.status).toBe(200);
    // x-ratelimit-reset was the next whole second after the refusal.
    expect(retried!.at).toBeGreaterThanOrEqual((Math.floor(refused!.at / 1000) + 1) * 1000);
  }, 10_000);

  it('retries a 5xx with backoff, and after the last attempt says so in a sentence', async () => {
    const { server, shop } = await connected({}, 1);
    await refresh(shop);
    server.state.failures.serverErrors = 2;
    expect(await refresh(shop, [1])).toMatchObject({ checked: 1, message: null });
    server.state.failures.serverErrors = 50;
    server.state.failures.serverErrorStatus = 503;
    const result = await refresh(shop);
    expect(result.message).toBe('AfterShip had a problem on its side (HTTP 503) (“Something went wrong on AfterShip\'s end”).');
    const state = await trackingHandlers['tracking.provider.get']({}, shop.ctx);
    expect(state.lastError).toBe(result.message);
  });

  it('says when AfterShip cannot be reached', async () => {
    const { server, shop } = await connected({}, 1);
    server.state.failures.down = true;
    expect((await refresh(shop)).message).toBe('AfterShip could not be reached; check the internet connection.');
  });
});

describe('the pacer', () => {
  it('counts against the documented limit before any answer, then believes the headers', () => {
    let now = 10_000_200;
    const pacer = new AfterShipPacer(() => now);
    for (let i = 0; i < 5; i++) {
      expect(pacer.waitBeforeMs('GET /trackings/:id')).toBe(0);
      pacer.sent('GET /trackings/:id');
    }
    // Five a second for GET /trackings/:id: the sixth waits for the next second.
    expect(pacer.waitBeforeMs('GET /trackings/:id')).toBe(800 + 25);
    expect(pacer.waitBeforeMs('POST /trackings')).toBe(0);
    now = 10_001_000;
    expect(pacer.waitBeforeMs('GET /trackings/:id')).toBe(0);
    pacer.observe('GET /trackings', new Headers({ 'x-ratelimit-limit': '6', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '10002' }));
    expect(pacer.waitBeforeMs('GET /trackings')).toBe(1000 + 25);
  });
});

describe('the schedule', () => {
  it('is due at once the first time, then every interval; never when set to by hand only', () => {
    const now = new Date('2026-03-10T12:00:00.000Z');
    expect(nextTrackingRunAt(60, null, now)).toBe('2026-03-10T12:00:00.000Z');
    expect(nextTrackingRunAt(60, '2026-03-10T11:30:00.000Z', now)).toBe('2026-03-10T12:30:00.000Z');
    expect(nextTrackingRunAt(0, null, now)).toBeNull();
  });
});
