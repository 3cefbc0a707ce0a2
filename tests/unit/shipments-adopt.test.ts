import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { dispatch } from '../../src/main/core/dispatch';
import { handlers } from '../../src/main/core/handlers';
import type { HandlerContext } from '../../src/main/core/handler';
import { applyRecords } from '../../src/main/sync/apply';
import { adoptLocalShipment } from '../../src/main/sync/apply/adopt-local-shipment';
import type { RemoteShipment } from '../../src/main/sync/model';
import { memoryDb } from '../helpers/db';
import { handlerContext } from '../helpers/context';
import { capturePlans } from '../helpers/plans';
import { asOrders, insertConnectedStore, NOW, remoteOrder } from './sync-apply-fixtures';

/**
 * A parcel recorded in Backroom, pushed, then listed by the marketplace under
 * its own id: the local row takes that id (no second shipment), keeps its
 * items, and is refreshed from the platform from then on.
 */
let connection: Connection;
let ctx: HandlerContext;
const one = <T>(sql: string, ...args: unknown[]) => connection.sqlite.prepare(sql).get(...args) as T;
const all = (sql: string, ...args: unknown[]) => connection.sqlite.prepare(sql).all(...args);
const orderId = () => one<{ id: number }>("SELECT id FROM orders WHERE external_id = 'o1'").id;
const apply = (shipments: RemoteShipment[], updatedAt: string) =>
  applyRecords(connection.sqlite, 1, asOrders(remoteOrder('o1', { shipments, updatedAt })), [], { runId: null, now: NOW });
const remote = (externalId: string, trackingNumber: string | null, overrides: Partial<RemoteShipment> = {}): RemoteShipment => ({
  externalId, carrier: 'DHL', service: null, trackingNumber, trackingUrl: null, status: 'InTransit',
  shippedAt: '2026-03-02T09:00:00Z', estimatedDeliveryAt: null, deliveredAt: null, updatedAt: '2026-03-02T10:00:00Z', ...overrides,
});

/** A parcel made in Backroom: the whole order, or one mug when `oneMug`. */
async function createLocal(trackingNumber: string, oneMug = false): Promise<number> {
  const lines = oneMug ? [{ orderLineId: one<{ id: number }>("SELECT id FROM order_lines WHERE external_id = 'o1-l1'").id, quantity: 1 }] : undefined;
  const result = await dispatch(handlers, ctx, 'shipments.create',
    { orderId: orderId(), staffId: 1, carrier: 'DHL', trackingNumber, requestKey: `adopt-${trackingNumber}`, lines }, () => undefined);
  if (!result.ok) throw new Error(result.error.message);
  return (result.data as { id: number }).id;
}

beforeEach(async () => {
  connection = await memoryDb();
  ctx = handlerContext(connection, new Date('2026-03-02T09:00:00.000Z'));
  insertConnectedStore(connection.sqlite);
  connection.sqlite.exec("INSERT INTO staff (id, name, created_at) VALUES (1, 'Mia', 'x')");
  apply([], '2026-02-01T10:05:00Z');
});
afterEach(() => connection.close());

describe('adoptLocalShipment', () => {
  it('gives the local shipment with the same tracking number (any case or spacing) the remote id', async () => {
    const local = await createLocal('1Z 999 AA1', true);
    const other = await createLocal('JD-2');
    expect(adoptLocalShipment(connection.sqlite, 1, orderId(), '1z999aa1', 'gid://shopify/Fulfillment/7', 'T1')).toEqual({ id: local });
    expect(all('SELECT id, external_id AS ext, updated_at AS at FROM shipments ORDER BY id')).toEqual([
      { id: local, ext: 'gid://shopify/Fulfillment/7', at: 'T1' },
      { id: other, ext: 'local:adopt-JD-2', at: '2026-03-02T09:00:00.000Z' },
    ]);
    // Adopted once: the same remote fulfilment finds nothing local the second time.
    expect(adoptLocalShipment(connection.sqlite, 1, orderId(), '1Z999AA1', 'gid://shopify/Fulfillment/7', 'T2')).toBeUndefined();
  });

  it('adopts nothing without a tracking number, for another order or store, or for another number', async () => {
    await createLocal('AB-1');
    expect(adoptLocalShipment(connection.sqlite, 1, orderId(), null, 'f1', 'T')).toBeUndefined();
    expect(adoptLocalShipment(connection.sqlite, 1, orderId(), '  ', 'f1', 'T')).toBeUndefined();
    expect(adoptLocalShipment(connection.sqlite, 1, orderId(), 'AB-2', 'f1', 'T')).toBeUndefined();
    expect(adoptLocalShipment(connection.sqlite, 2, orderId(), 'AB-1', 'f1', 'T')).toBeUndefined();
    expect(adoptLocalShipment(connection.sqlite, 1, orderId() + 1, 'AB-1', 'f1', 'T')).toBeUndefined();
    expect(all("SELECT external_id AS ext FROM shipments")).toEqual([{ ext: 'local:adopt-AB-1' }]);
  });

  it('leaves an adopted shipment to the normal update path of the next sync: one row, refreshed, items kept', async () => {
    const local = await createLocal('AB-1');
    adoptLocalShipment(connection.sqlite, 1, orderId(), 'AB-1', 'f-100', NOW.toISOString());
    apply([remote('f-100', 'AB-1', { status: 'Delivered', deliveredAt: '2026-03-04T10:00:00Z' })], '2026-03-04T11:00:00Z');
    expect(all('SELECT id, external_id AS ext, status FROM shipments')).toEqual([{ id: local, ext: 'f-100', status: 'Delivered' }]);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM shipment_lines WHERE shipment_id = ?', local).n).toBe(2);
  });

  it('asks only the index of local shipments, never the whole shipments table', () => {
    const plans = capturePlans(connection.sqlite, (spied) => adoptLocalShipment(spied, 1, orderId(), 'AB-1', 'f-1', 'T'), { selectsOnly: true });
    expect(plans).toEqual([expect.stringContaining('USING INDEX shipments_local')]);
  });

  it('a sync page listing our fulfilment under its remote id adopts the local shipment instead of adding one', async () => {
    const local = await createLocal('AB-1');
    apply([remote('f-100', 'ab-1 ')], '2026-03-03T11:00:00Z');
    expect(all('SELECT id, external_id AS ext, status FROM shipments')).toEqual([{ id: local, ext: 'f-100', status: 'InTransit' }]);
  });
});
