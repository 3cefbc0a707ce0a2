import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AfterShipProvider } from '../../src/main/domain/logistics/tracking/aftership/client';
import { DEFAULT_TIMING } from '../../src/main/sync/engine/timing';
import { startAfterShipServer } from '../support/aftership-server';

type Server = Awaited<ReturnType<typeof startAfterShipServer>>;
let server: Server;
beforeEach(async () => {
  server = await startAfterShipServer();
});
afterEach(() => server.close());

const client = (apiKey = server.apiKey) => new AfterShipProvider({
  baseUrl: server.url, apiKey, pageSize: 2, timing: { ...DEFAULT_TIMING, attempts: 3, backoffBaseMs: 5, backoffMaxMs: 20 },
});
const signal = new AbortController().signal;

describe('the AfterShip connector', () => {
  it('sends the key in as-api-key and pages a listing by cursor until has_next_page is false', async () => {
    for (let i = 1; i <= 5; i++) server.state.create({ tracking_number: `PKG0000000${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await client().listUpdated('2020-01-01T00:00:00.000Z', cursor, signal);
      seen.push(...page.trackings.map((t) => t.trackingNumber));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual(['PKG00000001', 'PKG00000002', 'PKG00000003', 'PKG00000004', 'PKG00000005']);
    expect(server.state.requestsTo('GET /trackings')[0]?.path).toContain('updated_at_min=2020-01-01T00%3A00%3A00Z');
  });

  it('lists only trackings changed since the time asked', async () => {
    server.state.create({ tracking_number: 'PKG00000001' });
    const page = await client().listUpdated(new Date(Date.now() + 60_000).toISOString(), null, signal);
    expect(page).toEqual({ trackings: [], nextCursor: null });
  });

  it('explains a refused key and does not retry it', async () => {
    await expect(client('asat_nope').test(signal)).rejects.toMatchObject({
      kind: 'auth', retryable: false,
      message: 'AfterShip refused the API key (“Invalid API key”); check that it was copied whole and is still active.',
    });
    expect(server.state.requests).toHaveLength(1);
  });

  it('follows with the carrier’s slug and the order number as title', async () => {
    const followed = await client().follow({ shipmentId: 1, trackingNumber: '9400111899223197428490', carrier: 'USPS',
      orderNumber: '#1042', destinationCountry: 'US', shippedAt: '2026-03-08T09:00:00.000Z' }, signal);
    expect(followed).toMatchObject({ trackingNumber: '9400111899223197428490', slug: 'usps', status: 'Pending', subStatus: 'Pending_001' });
    expect(server.state.trackings.get(followed.remoteId)).toMatchObject({ title: '#1042', order_number: '#1042' });
  });
});
