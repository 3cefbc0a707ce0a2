import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBackroom, type Backroom } from './vendure-backroom';
import { recordFigures, serverFacts } from './vendure-facts';
import { startVendure, type VendurePeer } from './vendure/harness';

/**
 * A tracking code added in Backroom (shipments.create) reaches the real Vendure server through the
 * outbox exactly once, though the first push loses Vendure's answer and the second finds the server killed
 * half-way (after the fulfilment was made, before it was marked Shipped).
 */
let peer: VendurePeer;
let backroom: Backroom;
/** What the line does to the next request that names this Vendure mutation. */
const sabotage = new Map<string, 'lose-answer' | 'kill-server'>();
const sent: string[] = [];
/** What the first test pushed, for the second to find locally. */
let pushed: { shipmentId: number; orderId: number; remoteId: string; code: string } | null = null;

const cuttingFetch: typeof fetch = async (input, init) => {
  const body = typeof init?.body === 'string' ? init.body : '';
  const mutation = ['addFulfillmentToOrder', 'transitionFulfillmentToState'].find((name) => body.includes(name));
  if (mutation) sent.push(mutation);
  const plan = mutation ? sabotage.get(mutation) : undefined;
  if (mutation && plan) sabotage.delete(mutation);
  if (plan === 'kill-server') {
    await peer.kill();
    return fetch(input, init);
  }
  const response = await fetch(input, init);
  if (plan === 'lose-answer') {
    // Vendure did the work; the answer never arrives (a dropped connection).
    await response.text();
    throw new TypeError('fetch failed', { cause: new Error('socket hang up') });
  }
  return response;
};

beforeAll(async () => {
  peer = await startVendure();
  // The administrator's login this time (a bearer session), which must outlive the server's restart.
  backroom = await connectBackroom(peer, { auth: 'login', fetchImpl: cuttingFetch });
}, 600_000);

afterAll(async () => {
  backroom?.close();
  await peer?.stop();
});

async function fulfilmentsWith(code: string, orderId: string): Promise<{ id: string; state: string; trackingCode: string }[]> {
  const { order } = await peer.admin<{ order: { fulfillments: { id: string; state: string; trackingCode: string }[] } }>(
    'query ($id: ID!) { order(id: $id) { fulfillments { id state trackingCode } } }', { id: orderId });
  return order.fulfillments.filter((f) => f.trackingCode === code);
}

function outboxRow(key: string): { status: string; attempts: number; last_error: string | null } {
  return backroom.connection.sqlite
    .prepare<[string], { status: string; attempts: number; last_error: string | null }>('SELECT status, attempts, last_error FROM outbox WHERE idempotency_key = ?')
    .get(key)!;
}

describe('Vendure: a tracking code through the outbox', () => {
  it('reaches the server exactly once through a lost answer and a server killed mid-push', async () => {
    expect(await backroom.sync()).toMatchObject({ status: 'succeeded' });
    const facts = await serverFacts(peer);
    const target = [...facts.orders.values()].find((o) => o.state === 'PaymentSettled' && (o.fulfillments ?? []).length === 0)!;
    const local = backroom.connection.sqlite
      .prepare<[number, string], { id: number }>('SELECT id FROM orders WHERE store_id = ? AND external_id = ?').get(backroom.storeId, target.id)!;
    const code = 'BR-TRACK-0001';
    // Staff add the tracking in Backroom: shipments.create records the parcel and queues it in the outbox.
    const shipment = await backroom.call<{ id: number }>('shipments.create', {
      orderId: local.id, carrier: 'DHL', trackingNumber: code, staffId: 1, requestKey: 'vendure-push-test-1',
    });
    const key = `shipment:${shipment.id}:create`;
    expect(outboxRow(key).status).toBe('pending');

    // 1. The fulfilment is made, but Backroom never hears so: the push stops as offline and keeps the message.
    sabotage.set('addFulfillmentToOrder', 'lose-answer');
    await backroom.sync();
    expect(outboxRow(key).status).not.toBe('done');
    expect(await fulfilmentsWith(code, target.id)).toEqual([expect.objectContaining({ state: 'Pending' })]);

    // 2. The retry finds that fulfilment and only has to ship it, but the server dies before it can.
    sabotage.set('transitionFulfillmentToState', 'kill-server');
    await backroom.sync();
    expect(outboxRow(key).status).not.toBe('done');
    await peer.restart();
    expect(await fulfilmentsWith(code, target.id)).toEqual([expect.objectContaining({ state: 'Pending' })]);

    // 3. The server is back: the push finishes what was started, and makes nothing new.
    const started = Date.now();
    const run = await backroom.sync();
    recordFigures({ pushRetryAfterRestartMs: Date.now() - started });
    expect(run.status).toBe('succeeded');
    expect(outboxRow(key)).toMatchObject({ status: 'done' });
    const landed = await fulfilmentsWith(code, target.id);
    expect(landed).toEqual([expect.objectContaining({ state: 'Shipped', trackingCode: code })]);
    expect(sent.filter((name) => name === 'addFulfillmentToOrder')).toHaveLength(1);
    const { order } = await peer.admin<{ order: { state: string } }>('query ($id: ID!) { order(id: $id) { state } }', { id: target.id });
    expect(order.state).toBe('Shipped');

    // A repeated push of the same message is a no-op on the server.
    backroom.connection.sqlite.prepare(`UPDATE outbox SET status = 'pending', completed_at = NULL WHERE idempotency_key = ?`).run(key);
    await backroom.sync();
    expect(await fulfilmentsWith(code, target.id)).toHaveLength(1);
    pushed = { shipmentId: shipment.id, orderId: local.id, remoteId: landed[0]!.id, code };
  });

  it('the fulfilment Vendure then lists is the parcel staff recorded: one shipment, under Vendure\'s id', async () => {
    expect(pushed, 'the push test above did not get this far').not.toBeNull();
    const { shipmentId, orderId, remoteId, code } = pushed!;
    expect(backroom.connection.sqlite.prepare('SELECT id, external_id AS externalId FROM shipments WHERE store_id = ? AND tracking_number = ?')
      .all(backroom.storeId, code)).toEqual([{ id: shipmentId, externalId: remoteId }]);
    expect(backroom.connection.sqlite.prepare('SELECT fulfillment_status FROM orders WHERE id = ?').get(orderId)).toEqual({ fulfillment_status: 'fulfilled' });
  });

  it('sends a note and tags set in Backroom once: the note into the order\'s history, the tags into its custom field', async () => {
    const facts = await serverFacts(peer);
    const target = [...facts.orders.values()].find((o) => o.state === 'Shipped')!;
    const local = backroom.connection.sqlite
      .prepare<[number, string], { id: number }>('SELECT id FROM orders WHERE store_id = ? AND external_id = ?').get(backroom.storeId, target.id)!;
    const note = 'Customer asked for a gift receipt.';
    const update = { id: local.id, note, tags: ['vip', 'gift'], staffId: 1, idempotencyKey: 'vendure-push-note-1' };
    await backroom.call('orders.update', update);
    // The same request again (a double click, a retried call) queues nothing new.
    await backroom.call('orders.update', update);
    expect(backroom.count('SELECT count(*) AS n FROM outbox WHERE target_id = ?', local.id)).toBe(2);
    expect(await backroom.sync()).toMatchObject({ status: 'succeeded' });
    // A push repeated after its answer was lost must not add the note twice.
    backroom.connection.sqlite.prepare(`UPDATE outbox SET status = 'pending', completed_at = NULL WHERE target_id = ? AND operation = 'order.note.set'`).run(local.id);
    await backroom.sync();
    const { order } = await peer.admin<{ order: { customFields: { backroomTags: string | null }; history: { items: { data: { note?: string } }[] } } }>(
      `query ($id: ID!) { order(id: $id) { customFields { backroomTags }
        history(options: { filter: { type: { eq: "ORDER_NOTE" } } }) { items { data } } } }`, { id: target.id });
    expect(order.history.items.filter((entry) => entry.data.note === note)).toHaveLength(1);
    expect(order.customFields.backroomTags?.split(/\s*,\s*/).sort()).toEqual(['gift', 'vip']);
    expect(backroom.count(`SELECT count(*) AS n FROM outbox WHERE target_id = ? AND status <> 'done'`, local.id)).toBe(0);
  });
});
