import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trackingHandlers } from '../../src/main/domain/logistics/tracking/handlers';
import { trackingProviderUpdateInput, trackingRefreshInput } from '../../src/shared/contract/logistics';
import { AppError } from '../../src/shared/errors';
import { startAfterShipServer } from '../support/aftership-server';
import { trackingShop, type TrackingShop } from '../support/aftership-server/shop';

type Server = Awaited<ReturnType<typeof startAfterShipServer>>;
let server: Server;
let shop: TrackingShop;

beforeEach(async () => {
  server = await startAfterShipServer();
  shop = await trackingShop();
});
afterEach(async () => {
  shop.close();
  await server.close();
});

const save = (input: Record<string, unknown>) =>
  trackingHandlers['tracking.provider.update'](trackingProviderUpdateInput.parse({
    provider: 'aftership', baseUrl: server.url, enabled: true, intervalMinutes: 30, staffId: 1, ...input,
  }), shop.ctx);
const refresh = (shipmentIds?: number[]) =>
  trackingHandlers['tracking.refresh'](trackingRefreshInput.parse(shipmentIds ? { shipmentIds } : {}), shop.ctx);
const shipment = (id: number) => shop.connection.sqlite.prepare(`SELECT status, sub_status AS subStatus,
    last_event_at AS lastEventAt, estimated_delivery_at AS estimate, original_estimated_delivery_at AS original,
    delivered_at AS deliveredAt, tracking_error AS trackingError FROM shipments WHERE id = ?`).get(id) as Record<string, string | null>;
const eventCount = (id: number) =>
  (shop.connection.sqlite.prepare('SELECT count(*) AS n FROM tracking_events WHERE shipment_id = ?').get(id) as { n: number }).n;

describe('tracking provider settings', () => {
  it('refuses a bad key with AfterShip’s reason in a sentence, and saves nothing', async () => {
    const attempt = save({ apiKey: 'asat_wrong' });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'AfterShip refused the API key (“Invalid API key”); check that it was copied whole and is still active. '
        + 'The tracking settings were not saved.',
    });
    const state = await trackingHandlers['tracking.provider.get']({}, shop.ctx);
    expect(state).toMatchObject({ provider: null, hasKey: false, enabled: false });
  });

  it('keeps a good key in the vault: never returned, never in the audit log', async () => {
    const state = await save({ apiKey: server.apiKey });
    expect(state).toMatchObject({ provider: 'aftership', enabled: true, hasKey: true, baseUrl: server.url, intervalMinutes: 30 });
    expect(JSON.stringify(state)).not.toContain(server.apiKey);
    const audit = shop.connection.sqlite.prepare(`SELECT detail FROM audit_log WHERE action = 'tracking_provider.update'`).all();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(server.apiKey);
    expect(JSON.stringify(shop.connection.sqlite.prepare('SELECT * FROM tracking_provider').all())).not.toContain(server.apiKey);
    // Turning it off later needs no key and no call.
    const calls = server.state.requests.length;
    expect(await save({ enabled: false })).toMatchObject({ enabled: false, hasKey: true });
    expect(server.state.requests.length).toBe(calls);
  });

  it('will not turn updates on without a key, nor refresh while off', async () => {
    await expect(save({})).rejects.toMatchObject({ code: 'VALIDATION', message: 'Enter the AfterShip API key to turn tracking updates on.' });
    await expect(refresh()).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('the poller', () => {
  beforeEach(async () => {
    await save({ apiKey: server.apiKey });
  });

  it('follows new shipments on their way, not delivered, number-less, demo or months-old ones', async () => {
    shop.addShipment({ id: 1, trackingNumber: '1Z999AA10123456784' });
    shop.addShipment({ id: 5, trackingNumber: '1Z999AA10123456787', shippedAt: '2025-10-01T09:00:00.000Z' });
    shop.addShipment({ id: 2, trackingNumber: '1Z999AA10123456785', status: 'Delivered' });
    shop.addShipment({ id: 3, trackingNumber: null });
    shop.addShipment({ id: 4, trackingNumber: '1Z999AA10123456786', storeId: 2 });
    const result = await refresh();
    // Updated: AfterShip's courier link fills the shipment's missing tracking link.
    expect(result).toEqual({ checked: 1, updated: 1, newEvents: 0, failed: 0, message: null });
    expect(shop.connection.sqlite.prepare('SELECT tracking_url AS url FROM shipments WHERE id = 1').get())
      .toEqual({ url: 'https://carrier.example/track?number=1Z999AA10123456784' });
    const created = [...server.state.trackings.values()];
    expect(created.map((t) => [t.tracking_number, t.slug, t.title])).toEqual([['1Z999AA10123456784', 'ups', '#1001']]);
    // AfterShip knows nothing yet ('Pending'): the marketplace's InTransit stays.
    expect(shipment(1)).toMatchObject({ status: 'InTransit', subStatus: null });
    expect((await trackingHandlers['tracking.provider.get']({}, shop.ctx)).following).toBe(1);
    // A second run creates nothing new.
    await refresh();
    expect(server.state.requestsTo('POST /trackings')).toHaveLength(1);
  });

  it('applies the tag, subtag and scans, and the same scan twice is one event', async () => {
    shop.addShipment({ id: 1, trackingNumber: '1Z999AA10123456784' });
    await refresh();
    server.state.advance('1Z999AA10123456784', 'InTransit', { subtag: 'InTransit_003', checkpointTime: '2026-03-09T08:15:00-05:00',
      location: 'Memphis, TN' });
    shop.events.length = 0;
    expect(await refresh()).toMatchObject({ checked: 1, updated: 1, newEvents: 1, failed: 0, message: null });
    expect(shipment(1)).toMatchObject({ status: 'InTransit', subStatus: 'InTransit_003', lastEventAt: '2026-03-09T13:15:00.000Z' });
    expect(shop.events).toEqual([{ event: 'data.changed', payload: { areas: ['logistics'] } }]);

    server.state.repeatLastCheckpoint('1Z999AA10123456784');
    shop.events.length = 0;
    expect(await refresh()).toMatchObject({ checked: 1, updated: 0, newEvents: 0 });
    expect(eventCount(1)).toBe(1);
    expect(shop.events).toEqual([]);

    server.state.advance('1Z999AA10123456784', 'AttemptFail', { subtag: 'AttemptFail_002', checkpointTime: '2026-03-10T09:00:00Z' });
    expect(await refresh([1])).toMatchObject({ checked: 1, updated: 1, newEvents: 1 });
    expect(shipment(1)).toMatchObject({ status: 'AttemptFail', subStatus: 'AttemptFail_002' });
    expect(eventCount(1)).toBe(2);
  });

  it('keeps the original estimate when the carrier moves its estimate', async () => {
    shop.addShipment({ id: 1, trackingNumber: 'AAA0000000001', originalEstimate: '2026-03-11T00:00:00.000Z' });
    shop.addShipment({ id: 2, trackingNumber: 'AAA0000000002' });
    await refresh();
    server.state.setCourierEstimate('AAA0000000001', '2026-03-12');
    server.state.setCourierEstimate('AAA0000000002', '2026-03-12');
    await refresh();
    expect(shipment(1)).toMatchObject({ original: '2026-03-11T00:00:00.000Z', estimate: '2026-03-12T00:00:00.000Z' });
    expect(shipment(2)).toMatchObject({ original: '2026-03-12T00:00:00.000Z', estimate: '2026-03-12T00:00:00.000Z' });
    server.state.setCourierEstimate('AAA0000000001', '2026-03-14');
    server.state.setCourierEstimate('AAA0000000002', '2026-03-14');
    await refresh();
    expect(shipment(1)).toMatchObject({ original: '2026-03-11T00:00:00.000Z', estimate: '2026-03-14T00:00:00.000Z' });
    expect(shipment(2)).toMatchObject({ original: '2026-03-12T00:00:00.000Z', estimate: '2026-03-14T00:00:00.000Z' });
  });

  it('stops asking about a parcel once it is delivered', async () => {
    shop.addShipment({ id: 1, trackingNumber: '1Z999AA10123456784' });
    await refresh();
    server.state.advance('1Z999AA10123456784', 'Delivered', { subtag: 'Delivered_003', checkpointTime: '2026-03-10T14:02:00Z' });
    await refresh([1]);
    expect(shipment(1)).toMatchObject({ status: 'Delivered', subStatus: 'Delivered_003', deliveredAt: '2026-03-10T14:02:00.000Z' });
    const asked = server.state.requests.length;
    expect(await refresh([1])).toMatchObject({ checked: 0, failed: 0, message: null });
    await refresh();
    const since = server.state.requests.slice(asked);
    expect(since.filter((r) => r.endpoint !== 'GET /trackings')).toEqual([]);
    expect((await trackingHandlers['tracking.provider.get']({}, shop.ctx)).following).toBe(0);
  });

  it('keeps a refusal about one shipment on it and goes on with the others', async () => {
    shop.addShipment({ id: 1, trackingNumber: 'no!' });
    shop.addShipment({ id: 2, trackingNumber: '1Z999AA10123456784' });
    expect(await refresh()).toMatchObject({ checked: 1, failed: 1, message: null });
    expect(shipment(1).trackingError).toBe('AfterShip refused the request (“The value of `tracking_number` is invalid”).');
    // Not asked again within a day.
    await refresh();
    expect(server.state.requestsTo('POST /trackings').filter((r) => r.status === 400)).toHaveLength(1);
  });

  it('follows a parcel AfterShip already tracks instead of failing', async () => {
    server.state.create({ tracking_number: '1Z999AA10123456784', slug: 'ups' });
    server.state.advance('1Z999AA10123456784', 'OutForDelivery', { checkpointTime: '2026-03-10T07:00:00Z' });
    shop.addShipment({ id: 1, trackingNumber: '1Z999AA10123456784' });
    expect(await refresh()).toMatchObject({ checked: 1, updated: 1, newEvents: 1, failed: 0 });
    expect(shipment(1)).toMatchObject({ status: 'OutForDelivery', subStatus: 'OutForDelivery_001' });
  });

  it('follows a parcel afresh when AfterShip no longer has its tracking', async () => {
    shop.addShipment({ id: 1, trackingNumber: '1Z999AA10123456784' });
    await refresh();
    server.state.trackings.clear();
    expect(await refresh([1])).toMatchObject({ checked: 0, failed: 1, message: null });
    expect(shipment(1).trackingError).toBe('AfterShip refused the request (“Tracking does not exist”).');
    // The next full run (a day on: a refused parcel waits a day) creates the tracking again.
    shop.ctx.now = () => new Date('2026-03-11T13:00:00.000Z');
    expect(await refresh()).toMatchObject({ checked: 1, failed: 0 });
    expect(server.state.trackings.size).toBe(1);
    expect(shipment(1).trackingError).toBeNull();
  });
});
