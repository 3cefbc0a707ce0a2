import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBackroom, type Backroom } from './vendure-backroom';
import { earnings, localOrders, localSums, recordFigures, serverFacts, serverSums, type ServerFacts } from './vendure-facts';
import { startVendure, type VendurePeer } from './vendure/harness';

/**
 * Backroom against a real Vendure server (tests/integration/vendure): a first full sync, then the
 * shop moves on (new orders, payments settled, parcels shipped and delivered, one cancelled, a
 * customer edited) and the next sync must show every change, with nothing duplicated.
 */
let peer: VendurePeer;
let backroom: Backroom;
const figures: Record<string, unknown> = {};

beforeAll(async () => {
  const started = Date.now();
  peer = await startVendure();
  figures.peerStartMs = Date.now() - started;
  figures.seedMs = peer.seeded!.seedMs;
  figures.seededOrders = peer.seeded!.orders;
  // No overlap window: the seeded shop is seconds or minutes old, and the default 5 minutes would read it all again.
  backroom = await connectBackroom(peer, { auth: 'apiKey', timing: { overlapMs: 0 } });
}, 600_000);

afterAll(async () => {
  backroom?.close();
  await peer?.stop();
  if (Object.keys(figures).length > 0) recordFigures(figures);
});

/**
 * Every order Vendure holds is in Backroom once, with its total, status and refunds. Refunds count
 * unless Failed: Vendure's dummy handler (like many manual ones) leaves them Pending until settleRefund.
 */
function expectSameOrders(facts: ServerFacts): void {
  const local = localOrders(backroom);
  expect([...local.keys()].sort()).toEqual([...facts.orders.keys()].sort());
  for (const order of facts.orders.values()) {
    const mine = local.get(order.id)!;
    const refunded = order.payments.flatMap((p) => p.refunds).filter((r) => r.state !== 'Failed').reduce((sum, r) => sum + r.total, 0);
    expect({ id: order.id, total: mine.total_minor, refunded: mine.refunded_minor, cancelled: mine.status === 'cancelled', completed: mine.status === 'completed' })
      .toEqual({ id: order.id, total: order.totalWithTax, refunded, cancelled: order.state === 'Cancelled', completed: order.state === 'Delivered' });
  }
  expect(localSums(backroom)).toEqual(serverSums(facts));
}

function localTrackingCodes(): string[] {
  return backroom.connection.sqlite
    .prepare<[number], { tracking_number: string }>('SELECT tracking_number FROM shipments WHERE store_id = ? AND tracking_number IS NOT NULL ORDER BY tracking_number')
    .all(backroom.storeId).map((row) => row.tracking_number);
}

function serverTrackingCodes(facts: ServerFacts): string[] {
  return [...facts.orders.values()].flatMap((o) => o.fulfillments ?? []).filter((f) => f.trackingCode).map((f) => f.trackingCode!).sort();
}

describe('Vendure: a real server', () => {
  it('a first full sync brings every product, customer and order with the server\'s own counts and totals', async () => {
    const facts = await serverFacts(peer);
    expect(facts.orders.size).toBe(peer.seeded!.orders);
    const started = Date.now();
    const run = await backroom.sync();
    figures.fullSyncMs = Date.now() - started;
    figures.ordersSynced = facts.orders.size;
    expect(run).toMatchObject({ status: 'succeeded', error: null });
    expect(backroom.count('SELECT count(*) AS n FROM sync_quarantine')).toBe(0);
    expect(backroom.count('SELECT count(*) AS n FROM products WHERE store_id = ?', backroom.storeId)).toBe(facts.products);
    expect(backroom.count('SELECT count(*) AS n FROM customers WHERE store_id = ?', backroom.storeId)).toBe(facts.customers);
    expectSameOrders(facts);
    expect(localTrackingCodes()).toEqual(serverTrackingCodes(facts));
    const earned = earnings(backroom);
    expect(earned.earnEntries).toBe(earned.ordersEarned);
    expect(earned.ordersEarned).toBe(earned.earningOrders);
    expect(earned.earningOrders).toBeGreaterThan(50);
  });

  it('after the shop moves on, an incremental sync shows every change once', async () => {
    const before = await serverFacts(peer);
    const states = (state: string) => [...before.orders.values()].filter((o) => o.state === state).map((o) => o.id);
    const [settleA, settleB, cancelled] = states('PaymentAuthorized');
    const [shipA, shipB] = states('PaymentSettled');
    // New orders: two from known customers, one from a customer Vendure has not seen.
    const variants = (await peer.admin<{ productVariants: { items: { id: string }[] } }>('{ productVariants(options: { take: 3 }) { items { id } } }'))
      .productVariants.items;
    const known = (await peer.admin<{ customers: { items: { id: string; emailAddress: string; firstName: string; lastName: string }[] } }>(
      '{ customers(options: { take: 2, sort: { id: ASC } }) { items { id emailAddress firstName lastName } } }')).customers.items;
    const placed = [
      await peer.shop.placeOrder({ customer: { emailAddress: known[0]!.emailAddress, firstName: known[0]!.firstName, lastName: known[0]!.lastName },
        lines: [{ variantId: variants[0]!.id, quantity: 2 }], paymentMethod: 'instant-payment' }),
      await peer.shop.placeOrder({ customer: { emailAddress: known[1]!.emailAddress, firstName: known[1]!.firstName, lastName: known[1]!.lastName },
        lines: [{ variantId: variants[1]!.id, quantity: 1 }, { variantId: variants[2]!.id, quantity: 1 }], paymentMethod: 'standard-payment' }),
      await peer.shop.placeOrder({ customer: { emailAddress: 'wren.hart@example.test', firstName: 'Wren', lastName: 'Hart' },
        lines: [{ variantId: variants[2]!.id, quantity: 3 }], paymentMethod: 'instant-payment', shippingMethodIndex: 1 }),
    ];
    await peer.desk.settle(settleA!);
    await peer.desk.settle(settleB!);
    const parcelA = await peer.desk.fulfil(shipA!, 'RM-NEW-A-GB');
    await peer.desk.moveFulfilment(parcelA, 'Shipped');
    const parcelB = await peer.desk.fulfil(shipB!, 'RM-NEW-B-GB');
    await peer.desk.moveFulfilment(parcelB, 'Shipped');
    await peer.desk.moveFulfilment(parcelB, 'Delivered');
    await peer.desk.cancel(cancelled!);
    await peer.desk.editCustomer(known[0]!.id, { firstName: 'Renamed', lastName: 'Customer', phoneNumber: '+44 113 496 0000' });

    const started = Date.now();
    const run = await backroom.sync();
    figures.incrementalSyncMs = Date.now() - started;
    figures.incrementalFetched = run.fetched;
    expect(run).toMatchObject({ status: 'succeeded', error: null });
    // Only what changed was asked for: the changes, and what shares the cursor's second (Vendure on SQLite keeps
    // whole seconds; the products, imported in one burst, may all come again unchanged). A full listing is ~400.
    expect(run.fetched).toBeLessThan(120);
    expect(run.unchanged).toBe(run.fetched - run.created - run.updated);
    expect(run.created).toBe(4);
    expect(run.updated).toBeGreaterThanOrEqual(6);
    expect(backroom.count('SELECT count(*) AS n FROM sync_quarantine')).toBe(0);
    const after = await serverFacts(peer);
    expect(after.orders.size).toBe(before.orders.size + 3);
    expectSameOrders(after);
    const local = localOrders(backroom);
    for (const order of placed) expect(local.has(order.id)).toBe(true);
    expect(local.get(settleA!)!.financial_status).toBe('paid');
    expect(local.get(settleB!)!.financial_status).toBe('paid');
    expect(local.get(shipA!)!.fulfillment_status).toBe('fulfilled');
    expect(local.get(shipB!)!.status).toBe('completed');
    expect(local.get(cancelled!)!.status).toBe('cancelled');
    expect(localTrackingCodes()).toEqual(serverTrackingCodes(after));
    expect(backroom.count('SELECT count(*) AS n FROM customers WHERE store_id = ?', backroom.storeId)).toBe(after.customers);
    expect(after.customers).toBe(before.customers + 1);
    const edited = backroom.connection.sqlite
      .prepare('SELECT first_name AS firstName, last_name AS lastName, phone FROM customers WHERE store_id = ? AND external_id = ?')
      .get(backroom.storeId, known[0]!.id);
    expect(edited).toEqual({ firstName: 'Renamed', lastName: 'Customer', phone: '+44 113 496 0000' });
    // The settled orders now earn, the cancelled one does not, and nothing earned twice.
    const earned = earnings(backroom);
    expect(earned.earnEntries).toBe(earned.ordersEarned);
    expect(earned.ordersEarned).toBe(earned.earningOrders);
    const earnedBy = (externalId: string) => backroom.count(
      `SELECT count(*) AS n FROM points_ledger p JOIN orders o ON o.id = p.order_id WHERE p.entry_type = 'earn' AND o.external_id = ?`, externalId);
    expect([earnedBy(settleA!), earnedBy(settleB!), earnedBy(placed[0]!.id), earnedBy(placed[1]!.id)]).toEqual([1, 1, 1, 0]);
    expect(backroom.count(`SELECT count(*) AS n FROM sync_runs WHERE store_id = ? AND status = 'succeeded'`, backroom.storeId)).toBe(2);
  });
});
