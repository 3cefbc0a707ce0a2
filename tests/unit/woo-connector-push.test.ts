import { afterEach, describe, expect, it } from 'vitest';
import type { Connector, OutboxItem } from '../../src/main/sync/connector';
import { createWooConnector } from '../../src/main/sync/connectors/woocommerce/index';
import { startWooServer } from '../support/woo-server/index';

type Server = Awaited<ReturnType<typeof startWooServer>>;
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function shop(): Promise<{ server: Server; connector: Connector }> {
  const server = await startWooServer({ orders: 40, seed: 11 });
  servers.push(server);
  const connector = createWooConnector({ shopUrl: server.url, timezone: 'America/New_York', currency: 'USD' },
    { platform: 'woocommerce', consumerKey: server.consumerKey, consumerSecret: server.consumerSecret });
  return { server, connector };
}

let nextId = 1;
function item(operation: string, payload: Record<string, unknown>, targetExternalId: string | null = null): OutboxItem {
  const id = nextId++;
  return { id, operation, targetType: operation.split('.')[0]!, targetId: id, targetExternalId, payload, idempotencyKey: `test:${id}` };
}

const push = (connector: Connector, message: OutboxItem) => connector.push(message, new AbortController().signal);

describe('WooCommerce connector: outbox push', () => {
  it('adds an order note (POST orders/<id>/notes)', async () => {
    const { server, connector } = await shop();
    const result = await push(connector, item('order.note.set', { externalId: '1010', note: 'Gift wrap, please' }, '1010'));
    const notes = server.state.notes.get(1010)!;
    expect(result).toEqual({ ok: true, remoteId: String(notes[0]!.id) });
    expect(notes.map((note) => [note.note, note.customer_note])).toEqual([['Gift wrap, please', false]]);
  });

  it('keeps order tags in the order\'s meta_data, and reads them back on the next pull', async () => {
    const { server, connector } = await shop();
    expect(await push(connector, item('order.tags.set', { externalId: '1011', tags: ['vip', 'gift'] }, '1011'))).toEqual({ ok: true, remoteId: '1011' });
    expect(server.state.orders.get(1011)!.meta_data).toContainEqual(expect.objectContaining({ key: '_backroom_tags', value: 'vip, gift' }));
    await push(connector, item('order.tags.set', { externalId: '1011', tags: ['vip'] }, '1011'));
    const page = await connector.fetchPage({ resource: 'orders', since: null, pageToken: null, signal: new AbortController().signal });
    const order = page.records.find((entry) => entry.record.externalId === '1011')!.record;
    expect('tags' in order && order.tags).toEqual(['vip']);
  });

  it('creates a single-use coupon, and a repeated push of the same code counts as done', async () => {
    const { server, connector } = await shop();
    const message = item('coupon.create', { code: 'PTS-8K2Q', kind: 'fixed_amount', valueMinor: 500, percent: null, productId: null, minOrderMinor: 2000, customerId: 4, usageLimit: 1 });
    const result = await push(connector, message);
    expect(server.state.coupons).toEqual([expect.objectContaining({ code: 'pts-8k2q', discount_type: 'fixed_cart', amount: '5.00', usage_limit: 1, minimum_amount: '20.00', individual_use: true })]);
    expect(result).toEqual({ ok: true, remoteId: String(server.state.coupons[0]!.id) });
    expect(await push(connector, message)).toEqual({ ok: true });
    expect(server.state.coupons).toHaveLength(1);
    await push(connector, item('coupon.create', { code: 'PTS-PCT1', kind: 'percent', percent: 15, usageLimit: 1 }));
    expect(server.state.coupons[1]).toMatchObject({ discount_type: 'percent', amount: '15.00' });
  });

  it('records a refund with api_refund false, once, even when the push is repeated', async () => {
    const { server, connector } = await shop();
    const order = [...server.state.orders.values()].find((entry) => entry.status === 'processing' && entry.refunds.length === 0)!;
    const message = item('order.refund.create', { externalId: String(order.id), refundId: 3, amountMinor: 250, currency: 'USD', reason: 'return', note: 'Return R-1001' }, String(order.id));
    const result = await push(connector, message);
    const refunds = server.state.refunds.get(order.id)!;
    expect(refunds.map((refund) => [refund.amount, refund.reason])).toEqual([['2.50', 'return — Return R-1001']]);
    expect(result).toEqual({ ok: true, remoteId: String(refunds[0]!.id) });
    expect(await push(connector, message)).toEqual({ ok: true, remoteId: String(refunds[0]!.id) });
    expect(server.state.refunds.get(order.id)).toHaveLength(1);
  });

  it('a refund WooCommerce refuses is a permanent failure with WooCommerce\'s message', async () => {
    const { server, connector } = await shop();
    const order = [...server.state.orders.values()].find((entry) => entry.status === 'processing' && entry.refunds.length === 0)!;
    const tooMuch = Math.round(Number(order.total) * 100) + 100;
    const result = await push(connector, item('order.refund.create', { externalId: String(order.id), amountMinor: tooMuch, currency: 'USD' }, String(order.id)));
    expect(result).toEqual({ ok: false, permanent: true, status: 500, message: 'The shop answered with an error (HTTP 500). WooCommerce said: "Invalid refund amount."' });
  });

  it('a read-only key is refused permanently with WooCommerce\'s reason; a down shop is retried', async () => {
    const { server, connector } = await shop();
    server.state.keyPermissions = 'read';
    const refused = await push(connector, item('order.note.set', { externalId: '1012', note: 'Hi' }, '1012'));
    expect(refused).toMatchObject({ ok: false, permanent: true, status: 401 });
    expect(refused.ok === false && refused.message).toContain('"The API key provided does not have write permissions."');
    server.state.keyPermissions = 'read_write';
    server.state.down = true;
    await expect(push(connector, item('order.note.set', { externalId: '1012', note: 'Hi' }, '1012'))).rejects.toMatchObject({ kind: 'offline', retryable: true });
  });

  it('says what it cannot send', async () => {
    const { connector } = await shop();
    expect(await push(connector, item('order.note.set', { note: 'x' }))).toEqual({ ok: false, permanent: true, message: 'The order has no WooCommerce id, so the change cannot be sent to the shop.' });
    const credit = await push(connector, item('store_credit.issue', { amountMinor: 500 }));
    expect(credit).toEqual({ ok: false, permanent: true, message: 'WooCommerce cannot take "store_credit.issue" from Backroom; discard it or handle it in the shop\'s admin.' });
  });
});
