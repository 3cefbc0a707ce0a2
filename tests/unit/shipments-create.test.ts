import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import type { HandlerContext } from '../../src/main/core/handler';
import { dispatch } from '../../src/main/core/dispatch';
import { handlers } from '../../src/main/core/handlers';
import type { OrderDetail } from '../../src/shared/contract';
import type { ShipmentDetail } from '../../src/shared/contract/logistics';
import { applyRecords } from '../../src/main/sync/apply';
import { memoryDb } from '../helpers/db';
import { handlerContext } from '../helpers/context';
import { asOrders, insertConnectedStore, remoteOrder } from './sync-apply-fixtures';

/**
 * shipments.create: staff add tracking to an order. One transaction for the
 * shipment, its items, the audit entry and the outbox message; a refused
 * request writes nothing; a retried request answers the first shipment.
 */
let connection: Connection;
let ctx: HandlerContext;
let events: unknown[];
const NOW = new Date('2026-03-02T09:00:00.000Z');

const count = (sql: string, ...args: unknown[]) => connection.sqlite.prepare(sql).pluck().get(...args) as number;
const call = (name: string, input: unknown) => dispatch(handlers, ctx, name, input, () => undefined);
const orderId = (externalId: string) => count('SELECT id FROM orders WHERE external_id = ?', externalId);
const lineId = (externalId: string) => count('SELECT id FROM order_lines WHERE external_id = ?', externalId);
let keys = 0;
const key = () => `request-key-${++keys}`;

async function create(input: Record<string, unknown>): Promise<ShipmentDetail> {
  const result = await call('shipments.create', { staffId: 1, carrier: 'DHL', requestKey: key(), ...input });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as ShipmentDetail;
}

async function refused(input: Record<string, unknown>): Promise<{ code: string; message: string }> {
  const result = await call('shipments.create', { staffId: 1, carrier: 'DHL', requestKey: key(), ...input });
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

async function orderDetail(id: number): Promise<OrderDetail> {
  const result = await call('orders.get', { id });
  if (!result.ok) throw new Error(result.error.message);
  return result.data as OrderDetail;
}

/** Everything a shipment writes, to prove a refused one wrote none of it. */
const footprint = () => ['shipments', 'shipment_lines', 'audit_log', 'outbox'].map((t) => count(`SELECT count(*) FROM ${t}`));

beforeEach(async () => {
  connection = await memoryDb();
  events = [];
  ctx = handlerContext(connection, NOW, events);
  const s = connection.sqlite;
  insertConnectedStore(s, 1);
  s.exec(`INSERT INTO stores (id, platform, name, currency, created_at, updated_at) VALUES (2, 'demo', 'Demo shop', 'USD', 'x', 'x');
    INSERT INTO staff (id, name, created_at) VALUES (1, 'Mia', 'x');
    INSERT INTO staff (id, name, active, created_at) VALUES (2, 'Gone', 0, 'x')`);
  // o1: Blue mug × 2 and Red plate × 1 (connected store); o2 cancelled.
  applyRecords(s, 1, asOrders(remoteOrder('o1'), remoteOrder('o2', { status: 'cancelled', cancelledAt: '2026-02-01T11:00:00Z' })),
    [], { runId: null, now: NOW });
  applyRecords(s, 2, asOrders(remoteOrder('d1')), [], { runId: null, now: NOW });
});
afterEach(() => connection.close());

describe('shipments.create', () => {
  it('records the parcel, its items, the audit entry and one outbox message for a connected store', async () => {
    const before = footprint();
    const shipment = await create({ orderId: orderId('o1'), trackingNumber: '1Z 999 AA1', trackingUrl: 'https://track.example/1Z999AA1',
      lines: [{ orderLineId: lineId('o1-l1'), quantity: 1 }] });
    expect(shipment).toMatchObject({ orderId: orderId('o1'), carrier: 'DHL', trackingNumber: '1Z 999 AA1', status: 'InfoReceived',
      shippedAt: NOW.toISOString(), destinationCountry: 'GB', trackingUrl: 'https://track.example/1Z999AA1' });
    expect(footprint()).toEqual(before.map((n) => n + 1));
    const outbox = connection.sqlite.prepare('SELECT operation, idempotency_key AS k, target_type AS t, target_id AS id, payload FROM outbox')
      .all() as { operation: string; k: string; t: string; id: number; payload: string }[];
    expect(outbox).toEqual([expect.objectContaining({ operation: 'order.fulfillment.create', k: `shipment:${shipment.id}:create`,
      t: 'order', id: orderId('o1') })]);
    expect(JSON.parse(outbox[0]!.payload)).toMatchObject({ externalId: 'o1', trackingNumber: '1Z 999 AA1', carrier: 'DHL',
      lines: [{ externalId: 'o1-l1', quantity: 1 }], state: 'Shipped' });
    expect(events).toEqual([{ event: 'data.changed', payload: { areas: ['logistics', 'orders'] } }]);

    const order = await orderDetail(orderId('o1'));
    expect(order.shipments[0]!.push).toEqual({ state: 'pending', storeName: 'Test shop', lastError: null });
    expect(order.audit[0]).toMatchObject({ action: 'shipment.create', staff: { id: 1, name: 'Mia' } });
  });

  it('answers a retried request with the first shipment and writes nothing more', async () => {
    const input = { orderId: orderId('o1'), trackingNumber: 'JD0001', requestKey: 'retry-key-0001' };
    const first = await create(input);
    const before = footprint();
    events.length = 0;
    const again = await create(input);
    expect(again.id).toBe(first.id);
    expect(footprint()).toEqual(before);
    expect(events).toEqual([]);
    // The same key for another parcel is a conflict, not a silent answer.
    const reused = await call('shipments.create', { ...input, staffId: 1, carrier: 'DHL', trackingNumber: 'JD0002' });
    expect(reused.ok ? null : reused.error.code).toBe('CONFLICT');
  });

  it('ships every item not yet in a parcel when no lines are given, and then has nothing left', async () => {
    await create({ orderId: orderId('o1'), trackingNumber: 'A-1', lines: [{ orderLineId: lineId('o1-l1'), quantity: 1 }] });
    const rest = await create({ orderId: orderId('o1'), trackingNumber: 'A-2' });
    const lines = connection.sqlite.prepare('SELECT order_line_id AS line, quantity FROM shipment_lines WHERE shipment_id = ? ORDER BY 1')
      .all(rest.id);
    expect(lines).toEqual([{ line: lineId('o1-l1'), quantity: 1 }, { line: lineId('o1-l2'), quantity: 1 }]);
    // No lines in the payload: the marketplace sends what it has open.
    const payload = JSON.parse(count(`SELECT payload FROM outbox WHERE idempotency_key = 'shipment:${rest.id}:create'`) as unknown as string);
    expect(payload.lines).toBeUndefined();
    const before = footprint();
    expect(await refused({ orderId: orderId('o1'), trackingNumber: 'A-3' }))
      .toMatchObject({ code: 'VALIDATION', message: 'Every item of order #o1 is already in a parcel with tracking.' });
    expect(footprint()).toEqual(before);
  });

  it('refuses with a sentence, writing nothing: quantities, foreign lines, repeats, cancelled orders, inactive staff', async () => {
    await create({ orderId: orderId('o1'), trackingNumber: 'abc 123' });
    const before = footprint();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ orderId: orderId('o2'), trackingNumber: 'X1' }, 'VALIDATION', 'Order #o2 was cancelled, so it has nothing to ship.'],
      [{ orderId: orderId('o1'), trackingNumber: 'ABC123' }, 'VALIDATION', 'Order #o1 already has a parcel with tracking number ABC123.'],
      [{ orderId: orderId('d1'), trackingNumber: 'X2', lines: [{ orderLineId: lineId('o1-l1'), quantity: 1 }] }, 'VALIDATION',
        `Item ${lineId('o1-l1')} is not part of order #d1.`],
      [{ orderId: orderId('d1'), trackingNumber: 'X3', lines: [{ orderLineId: lineId('d1-l1'), quantity: 3 }] }, 'VALIDATION',
        'Only 2 of "Blue mug" are left to ship, not 3.'],
      [{ orderId: orderId('d1'), trackingNumber: 'X4', lines: [{ orderLineId: lineId('d1-l2'), quantity: 1 }, { orderLineId: lineId('d1-l2'), quantity: 1 }] },
        'VALIDATION', '"Red plate" is listed twice; give its quantity once.'],
      [{ orderId: orderId('d1'), trackingNumber: 'X5', staffId: 2 }, 'VALIDATION', 'There is no active staff member with id 2; choose who is making this change.'],
      [{ orderId: 999, trackingNumber: 'X6' }, 'NOT_FOUND', 'There is no order with id 999.'],
    ];
    for (const [input, code, message] of cases) expect(await refused(input)).toEqual(expect.objectContaining({ code, message }));
    expect(footprint()).toEqual(before);
  });

  it('checks the input at the boundary: tracking characters, https links, request keys', async () => {
    const bad = [
      { trackingNumber: 'AB/12' }, { trackingNumber: '' }, { trackingNumber: 'x'.repeat(61) },
      { trackingNumber: 'AB12', trackingUrl: 'http://track.example/AB12' }, { trackingNumber: 'AB12', requestKey: 'short' },
      { trackingNumber: 'AB12', carrier: '' },
    ];
    for (const input of bad) {
      const result = await call('shipments.create', { orderId: orderId('d1'), staffId: 1, carrier: 'DHL', requestKey: key(), ...input });
      expect(result.ok ? 'ok' : result.error.code).toBe('VALIDATION');
    }
    expect(count('SELECT count(*) FROM shipments')).toBe(0);
  });

  it('keeps a demo store\'s parcel in Backroom: no outbox message, shown as local', async () => {
    const shipment = await create({ orderId: orderId('d1'), trackingNumber: 'LOCAL-1', carrier: 'Royal Mail' });
    expect(count('SELECT count(*) FROM outbox')).toBe(0);
    expect(shipment.trackingUrl).toBe('https://www.royalmail.com/track-your-item#/tracking-results/LOCAL-1');
    const order = await orderDetail(orderId('d1'));
    expect(order.shipments.map((s) => s.push)).toEqual([{ state: 'local' }]);
  });
});

describe('migration: shipment_lines', () => {
  it('keeps a parcel\'s items with it: gone with the shipment, never a quantity below 1', async () => {
    const shipment = await create({ orderId: orderId('d1'), trackingNumber: 'M-1' });
    const s = connection.sqlite;
    expect(() => s.prepare('INSERT INTO shipment_lines (shipment_id, order_line_id, quantity) VALUES (?, ?, 0)')
      .run(shipment.id, lineId('o1-l1'))).toThrow(/CHECK/);
    s.prepare('DELETE FROM shipments WHERE id = ?').run(shipment.id);
    expect(count('SELECT count(*) FROM shipment_lines')).toBe(0);
  });
});
