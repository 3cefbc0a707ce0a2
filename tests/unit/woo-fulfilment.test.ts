import { afterEach, describe, expect, it } from 'vitest';
import type { Connector, OutboxItem } from '../../src/main/sync/connector';
import { createWooConnector } from '../../src/main/sync/connectors/woocommerce/index';
import { startWooServer } from '../support/woo-server/index';

/**
 * `order.fulfillment.create` on WooCommerce: the Shipment Tracking
 * extension's tracking item when the shop has it, else a private order note
 * and the `_backroom_tracking` meta; exactly once either way, even when the
 * first answer is lost and the message is sent again.
 */
type Server = Awaited<ReturnType<typeof startWooServer>>;
const servers: Server[] = [];
afterEach(async () => { await Promise.all(servers.splice(0).map((server) => server.close())); });

async function shop(extension: boolean): Promise<{ server: Server; connector: Connector }> {
  const server = await startWooServer({ orders: 20, seed: 5 });
  servers.push(server);
  server.state.shipmentTrackingInstalled = extension;
  const connector = createWooConnector({ shopUrl: server.url, timezone: 'America/New_York', currency: 'USD' },
    { platform: 'woocommerce', consumerKey: server.consumerKey, consumerSecret: server.consumerSecret });
  return { server, connector };
}

let nextId = 1;
const parcel = (orderId: string, payload: Record<string, unknown>): OutboxItem => ({
  id: nextId++, operation: 'order.fulfillment.create', targetType: 'order', targetId: 1, targetExternalId: orderId,
  payload: { externalId: orderId, carrier: 'USPS', shippedAt: '2026-03-02T09:00:00.000Z', state: 'Shipped', ...payload },
  idempotencyKey: `shipment:${nextId}:create`,
});
const push = (connector: Connector, message: OutboxItem) =>
  connector.push(message, new AbortController().signal).catch((error: Error) => ({ ok: false as const, thrown: error.message }));
const writes = (server: Server) => server.state.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);

describe('WooCommerce connector: tracking numbers', () => {
  it('adds a Shipment Tracking item when the extension answers, once even after a lost answer', async () => {
    const { server, connector } = await shop(true);
    server.state.failures.loseWriteAnswers = 1;
    const message = parcel('1005', { trackingNumber: '9400 1118 9956', trackingUrl: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=%1$s' });
    expect((await push(connector, message)).ok).toBe(false);
    expect(server.state.shipmentTrackings.get(1005)).toHaveLength(1); // it landed; only the answer was lost
    const again = await push(connector, message);
    const items = server.state.shipmentTrackings.get(1005)!;
    expect(items).toHaveLength(1);
    expect(again).toEqual({ ok: true, remoteId: items[0]!.tracking_id });
    expect(items[0]).toMatchObject({ custom_tracking_provider: 'USPS', tracking_number: '9400 1118 9956', date_shipped: '2026-03-02',
      tracking_link: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400 1118 9956' });
    // A known provider without a link goes by its name; nothing falls back to notes while the extension is there.
    await push(connector, parcel('1005', { trackingNumber: 'EZ1', carrier: 'UPS' }));
    expect(server.state.shipmentTrackings.get(1005)![1]).toMatchObject({ tracking_provider: 'UPS', tracking_number: 'EZ1' });
    expect(server.state.notes.get(1005)).toBeUndefined();
    expect(writes(server)).toEqual(['POST /wc-shipment-tracking/v3/orders/1005/shipment-trackings',
      'POST /wc-shipment-tracking/v3/orders/1005/shipment-trackings']);
  });

  it('without the extension writes one private note and the tracking meta, once even after a lost answer', async () => {
    const { server, connector } = await shop(false);
    server.state.failures.loseWriteAnswers = 1; // the note lands, its answer is lost
    const message = parcel('1006', { trackingNumber: 'LZ 123', carrier: 'Royal Mail' });
    expect((await push(connector, message)).ok).toBe(false);
    const again = await push(connector, message);
    expect(again.ok).toBe(true);
    expect(await push(connector, message)).toEqual({ ok: true });
    const notes = server.state.notes.get(1006)!;
    expect(notes.map((n) => [n.note, n.customer_note])).toEqual([['Shipped with Royal Mail, tracking LZ 123', false]]);
    const meta = server.state.orders.get(1006)!.meta_data.find((m) => m.key === '_backroom_tracking')!;
    expect(JSON.parse(String(meta.value))).toEqual([{ trackingNumber: 'LZ 123', carrier: 'Royal Mail', url: null, shippedOn: '2026-03-02' }]);
    // A second parcel adds to the list; its number being a prefix of the first changes nothing.
    await push(connector, parcel('1006', { trackingNumber: 'LZ 12' }));
    expect(server.state.notes.get(1006)).toHaveLength(2);
    const after = server.state.orders.get(1006)!.meta_data.find((m) => m.key === '_backroom_tracking')!;
    expect((JSON.parse(String(after.value)) as { trackingNumber: string }[]).map((p) => p.trackingNumber)).toEqual(['LZ 123', 'LZ 12']);
  });

  it('refuses a parcel without a tracking number and an order without a WooCommerce id', async () => {
    const { connector } = await shop(true);
    expect(await push(connector, parcel('1007', { trackingNumber: ' ' }))).toEqual({ ok: false, permanent: true, message: 'The parcel has no tracking number to send.' });
    expect(await push(connector, { ...parcel('x', { trackingNumber: 'A1' }), targetExternalId: 'gid://x', payload: { trackingNumber: 'A1' } }))
      .toMatchObject({ ok: false, permanent: true });
  });
});
