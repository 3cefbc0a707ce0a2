import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueOutbox } from '../../src/main/domain/outbox/enqueue';
import { connectBackroom, type Backroom } from './vendure-backroom';
import { recordFigures, serverFacts } from './vendure-facts';
import { startVendure, type VendurePeer } from './vendure/harness';

/**
 * A tracking code added in Backroom reaches the real Vendure server through the outbox exactly
 * once, though the first push loses Vendure's answer and the second finds the server killed
 * half-way (after the fulfilment was made, before it was marked Shipped).
 */
let peer: VendurePeer;
let backroom: Backroom;
/** What the line does to the next request that names this Vendure mutation. */
const sabotage = new Map<string, 'lose-answer' | 'kill-server'>();
const sent: string[] = [];

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
    const key = `order:${local.id}:fulfilment:${code}`;
    backroom.connection.sqlite.transaction(() => enqueueOutbox(backroom.connection.sqlite, {
      storeId: backroom.storeId, idempotencyKey: key, operation: 'order.fulfillment.create', targetType: 'order', targetId: local.id,
      payload: { externalId: target.id, trackingNumber: code, carrier: 'DHL' },
    }, new Date()))();

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

    // A repeated push of the same message is a no-op on the server; the next pull shows the parcel once.
    backroom.connection.sqlite.prepare(`UPDATE outbox SET status = 'pending', completed_at = NULL WHERE idempotency_key = ?`).run(key);
    await backroom.sync();
    expect(await fulfilmentsWith(code, target.id)).toHaveLength(1);
    expect(backroom.count('SELECT count(*) AS n FROM shipments WHERE store_id = ? AND tracking_number = ?', backroom.storeId, code)).toBe(1);
    expect(backroom.connection.sqlite.prepare('SELECT fulfillment_status FROM orders WHERE id = ?').get(local.id)).toEqual({ fulfillment_status: 'fulfilled' });
  });
});
