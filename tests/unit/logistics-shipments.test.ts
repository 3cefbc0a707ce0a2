import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { auditTrail } from '../../src/main/domain/audit/log';
import { listShipments } from '../../src/main/domain/logistics/list';
import { shipmentsListInput } from '../../src/shared/contract/logistics';
import { memoryDb } from '../helpers/db';
import { capturePlans } from '../helpers/plans';
import { callLogistics } from './logistics-call';
import { insertNamedCustomer, insertPlainOrder, insertShipment, seedBasics } from './logistics-fixtures';

const NOW = new Date('2026-03-20T12:00:00.000Z');
let connection: Connection;
const list = (input: Record<string, unknown> = {}) => callLogistics(connection, NOW, 'shipments.list', input);
const ids = (page: { rows: { id: number }[] }) => page.rows.map((r) => r.id);
const at = (day: number, hour = 10) => `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

/**
 * Six shipments: 1–5 shipped on days 1–5, 6 a label made on day 6 and not shipped.
 * Ava Smith ordered #1001 and #1002, Ben Stone #1003, the rest are guests.
 */
beforeEach(async () => {
  connection = await memoryDb();
  const { sqlite } = connection;
  seedBasics(sqlite);
  insertNamedCustomer(sqlite, 1, 'Ava', 'Smith');
  insertNamedCustomer(sqlite, 2, 'Ben', 'Stone');
  const owners = [1, 1, 2, null, null, null];
  owners.forEach((customer, i) => insertPlainOrder(sqlite, i + 1, at(i + 1, 8), customer));
  insertShipment(sqlite, { id: 1, carrier: 'UPS', trackingNumber: '1ZAB0001', shippedAt: at(1), eta: at(9, 23),
    deliveredAt: at(4), lastEventAt: at(4) });
  insertShipment(sqlite, { id: 2, carrier: 'USPS', trackingNumber: '9400111', shippedAt: at(2), eta: at(8, 23),
    lastEventAt: at(7), status: 'InTransit' });
  insertShipment(sqlite, { id: 3, carrier: 'DHL', country: 'DE', region: 'BE', trackingNumber: 'JD0143', shippedAt: at(3),
    eta: null, lastEventAt: at(5), status: 'Exception' });
  insertShipment(sqlite, { id: 4, carrier: 'Royal Mail', country: 'GB', region: 'England', trackingNumber: 'RM123GB',
    shippedAt: at(4), eta: at(7, 23), lastEventAt: at(6), status: 'OutForDelivery' });
  insertShipment(sqlite, { id: 5, carrier: 'Local Courier', trackingNumber: 'LC-55', trackingUrl: 'https://track.example/LC-55',
    shippedAt: at(5), eta: at(12, 23), lastEventAt: at(5), status: 'InTransit' });
  insertShipment(sqlite, { id: 6, carrier: 'UPS', trackingNumber: null, shippedAt: null, createdAt: at(6), eta: null,
    lastEventAt: null, status: 'Pending' });
});
afterEach(() => connection.close());

describe('shipments.list', () => {
  it('sorts by shipped day (the label day when not shipped), last event and estimate, and counts the matches', () => {
    const page = list();
    expect(ids(page)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(page.total).toBe(6);
    expect(ids(list({ sort: 'shipped_asc' }))).toEqual([1, 2, 3, 4, 5, 6]);
    // Ties (6 and 4, 5 and 3) go by id, newest first.
    expect(ids(list({ sort: 'last_event_desc' }))).toEqual([2, 6, 4, 5, 3, 1]);
    // No estimate: last.
    expect(ids(list({ sort: 'estimated_asc' }))).toEqual([4, 2, 1, 5, 3, 6]);
  });

  it('filters by status, carrier, country, shipped day and store', () => {
    expect(ids(list({ status: ['InTransit', 'OutForDelivery'] }))).toEqual([5, 4, 2]);
    expect(ids(list({ carrier: ['UPS', 'DHL'] }))).toEqual([6, 3, 1]);
    expect(ids(list({ country: 'gb' }))).toEqual([4]);
    expect(ids(list({ range: { from: '2026-03-02', to: '2026-03-03' } }))).toEqual([3, 2]);
    expect(ids(list({ range: { from: '2026-03-06', to: '2026-03-06' } }))).toEqual([6]);
    expect(list({ storeId: 2 }).rows).toEqual([]);
    expect(list({ status: ['Delivered'], carrier: ['USPS'] }).total).toBe(0);
  });

  it('finds shipments by tracking number, order number, customer name or email', () => {
    expect(ids(list({ search: '1zab' }))).toEqual([1]);
    expect(ids(list({ search: 'RM1' }))).toEqual([4]);
    expect(ids(list({ search: '#1003' }))).toEqual([3]);
    expect(ids(list({ search: '1003' }))).toEqual([3]);
    expect(ids(list({ search: 'ava' }))).toEqual([2, 1]);
    expect(ids(list({ search: 'Ben St' }))).toEqual([3]);
    expect(ids(list({ search: 'c1@example.com' }))).toEqual([2, 1]);
    expect(ids(list({ search: 'ava', status: ['Delivered'] }))).toEqual([1]);
    expect(list({ search: 'ava' }).total).toBe(2);
    expect(list({ search: 'nobody' })).toEqual({ rows: [], nextCursor: null, total: 0 });
  });

  it('answers a broad search (thousands of matches) by testing rows as the walk goes, with the same rows', () => {
    const { sqlite } = connection;
    sqlite.transaction(() => {
      for (let i = 0; i < 2100; i++) {
        const id = 100 + i;
        // Every other customer is a Zed; the rest match the tracking prefix "ZED" only.
        insertNamedCustomer(sqlite, id, i % 2 ? 'Zed' : 'Amy', `Number${i}`);
        insertPlainOrder(sqlite, id, at(7, 8), id);
        insertShipment(sqlite, { id, trackingNumber: i % 2 ? `T${i}` : `ZED${i}`, shippedAt: `2026-03-07T${String(i % 24).padStart(2, '0')}:00:00.000Z` });
      }
    })();
    const page = list({ search: 'zed', limit: 100 });
    expect(page.total).toBe(2100);
    const expected = list({ range: { from: '2026-03-07', to: '2026-03-07' }, limit: 100 });
    expect(ids(page)).toEqual(ids(expected));
    expect(ids(list({ search: 'zed', limit: 5, cursor: page.nextCursor }))).toEqual(
      ids(list({ range: { from: '2026-03-07', to: '2026-03-07' }, limit: 5, cursor: expected.nextCursor })));
  });

  it('pages with a keyset cursor that neither skips nor repeats when shipments arrive meanwhile', () => {
    const first = list({ limit: 2 });
    expect(ids(first)).toEqual([6, 5]);
    // A newer shipment and one in the middle of the walk arrive between pages.
    insertPlainOrder(connection.sqlite, 7, at(9, 8));
    insertShipment(connection.sqlite, { id: 7, orderId: 7, shippedAt: at(9) });
    insertPlainOrder(connection.sqlite, 8, at(3, 8));
    insertShipment(connection.sqlite, { id: 8, orderId: 8, shippedAt: at(3, 12) });
    const second = list({ limit: 2, cursor: first.nextCursor });
    expect(second.total).toBeNull();
    expect(ids(second)).toEqual([4, 8]);
    const third = list({ limit: 2, cursor: second.nextCursor });
    expect(ids(third)).toEqual([3, 2]);
    const last = list({ limit: 2, cursor: third.nextCursor });
    expect(ids(last)).toEqual([1]);
    expect(last.nextCursor).toBeNull();
    expect(() => list({ sort: 'shipped_asc', limit: 2, cursor: first.nextCursor })).toThrow(/different filter or sort/);
  });

  it('links to the carrier: the platform link first, else one built for a known carrier, else none', () => {
    const rows = Object.fromEntries(list().rows.map((r) => [r.id, r]));
    expect(rows[1]!.trackingUrl).toBe('https://www.ups.com/track?tracknum=1ZAB0001');
    expect(rows[2]!.trackingUrl).toBe('https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111');
    expect(rows[4]!.trackingUrl).toBe('https://www.royalmail.com/track-your-item#/tracking-results/RM123GB');
    expect(rows[5]!.trackingUrl).toBe('https://track.example/LC-55');
    expect(rows[6]!.trackingUrl).toBeNull();
    expect(rows[1]).toMatchObject({ orderNumber: '#1001', customerName: 'Ava Smith', status: 'Delivered' });
    expect(rows[4]!.customerName).toBeNull();
  });

  it('walks the sort index of a large list and stops after a page, never sorting the table', () => {
    const plans = capturePlans(connection.sqlite, (spied) =>
      listShipments(spied, shipmentsListInput.parse({ status: ['InTransit'], carrier: ['UPS'], cursor: null })), { selectsOnly: true });
    const page = plans.find((p) => p.includes('shipments_shipped_sort'));
    expect(page).toMatch(/SCAN s USING (COVERING )?INDEX shipments_shipped_sort/);
    expect(page).not.toMatch(/TEMP B-TREE/);
    for (const sort of ['last_event_desc', 'estimated_asc'] as const) {
      const sorted = capturePlans(connection.sqlite, (spied) => listShipments(spied, shipmentsListInput.parse({ sort })), { selectsOnly: true })
        .find((p) => p.includes('SEARCH o'));
      expect(sorted).toMatch(/s USING INDEX shipments_(last_event|estimated)_sort/);
      expect(sorted).not.toMatch(/TEMP B-TREE/);
    }
    const tracking = capturePlans(connection.sqlite, (spied) => listShipments(spied, shipmentsListInput.parse({ search: '1ZAB' })));
    expect(tracking.join('\n')).toMatch(/shipments USING (COVERING )?INDEX shipments_tracking_number/);
  });
});

describe('shipments.get and shipments.dispute', () => {
  beforeEach(() => {
    const event = connection.sqlite.prepare(`INSERT INTO tracking_events (shipment_id, occurred_at, status, location, message)
      VALUES (1, ?, ?, 'Toronto, ON', ?)`);
    event.run(at(1), 'InTransit', 'Picked up');
    event.run(at(4), 'Delivered', 'Delivered');
    event.run(at(3), 'OutForDelivery', 'Out for delivery');
    const ticket = connection.sqlite.prepare(`INSERT INTO tickets (id, channel, subject, status, shipment_id, created_at, updated_at)
      VALUES (?, 'manual', ?, ?, 1, '2026-03-05T00:00:00.000Z', '2026-03-05T00:00:00.000Z')`);
    ticket.run(1, 'Old question', 'solved');
    ticket.run(2, 'Parcel missing', 'open');
  });

  it('shows the timeline newest first, the open tickets and the tracking state', () => {
    connection.sqlite.prepare(`UPDATE shipments SET tracking_checked_at = ?, tracking_error = 'Rate limited' WHERE id = 1`).run(at(19));
    const detail = callLogistics(connection, NOW, 'shipments.get', { id: 1 });
    expect(detail.events.map((e) => e.status)).toEqual(['Delivered', 'OutForDelivery', 'InTransit']);
    expect(detail.tickets).toEqual([{ id: 2, subject: 'Parcel missing', status: 'open' }]);
    expect(detail.tracking).toEqual({ provider: null, lastCheckedAt: at(19), lastError: 'Rate limited' });
    connection.sqlite.prepare(`INSERT INTO tracking_provider (id, provider, enabled, updated_at) VALUES (1, 'aftership', 1, ?)`).run(at(1));
    expect(callLogistics(connection, NOW, 'shipments.get', { id: 1 }).tracking.provider).toBe('aftership');
    expect(() => callLogistics(connection, NOW, 'shipments.get', { id: 99 })).toThrow(/no shipment with id 99/);
  });

  it('marks a delivered parcel disputed and resolved, each with its audit entry and a change event', () => {
    const events: unknown[] = [];
    const disputed = callLogistics(connection, NOW, 'shipments.dispute',
      { id: 1, disputed: true, note: 'Customer says it never came', staffId: 1 }, events);
    expect(disputed.disputedAt).toBe(NOW.toISOString());
    expect(events).toEqual([{ event: 'data.changed', payload: { areas: ['logistics'] } }]);
    const later = new Date('2026-03-21T09:00:00.000Z');
    const resolved = callLogistics(connection, later, 'shipments.dispute', { id: 1, disputed: false, note: 'Found at a neighbour', staffId: 1 });
    expect(resolved.disputedAt).toBeNull();
    const trail = auditTrail(connection.sqlite, 'shipment', 1);
    expect(trail.map((e) => [e.action, e.staff?.name, e.detail.note])).toEqual([
      ['shipment.dispute.resolve', 'Mia Owner', 'Found at a neighbour'],
      ['shipment.dispute', 'Mia Owner', 'Customer says it never came'],
    ]);
  });

  it('refuses what cannot be disputed, and changes nothing when it does', () => {
    expect(() => callLogistics(connection, NOW, 'shipments.dispute', { id: 2, disputed: true, staffId: 1 }))
      .toThrow(/Only a parcel the carrier reports as delivered/);
    expect(() => callLogistics(connection, NOW, 'shipments.dispute', { id: 1, disputed: true, staffId: 2 }))
      .toThrow(/no active staff member with id 2/);
    expect(() => callLogistics(connection, NOW, 'shipments.dispute', { id: 1, disputed: false, staffId: 1 }))
      .toThrow(/not disputed/);
    expect(() => callLogistics(connection, NOW, 'shipments.dispute', { id: 1, disputed: true } as never)).toThrow();
    expect(callLogistics(connection, NOW, 'shipments.get', { id: 1 }).disputedAt).toBeNull();
    expect(auditTrail(connection.sqlite, 'shipment', 1)).toEqual([]);
  });
});
