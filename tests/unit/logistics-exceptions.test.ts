import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { memoryDb } from '../helpers/db';
import { capturePlans } from '../helpers/plans';
import { exceptionsQueue } from '../../src/main/domain/logistics/exceptions';
import { logisticsExceptionsInput } from '../../src/shared/contract/logistics';
import { callLogistics } from './logistics-call';
import { insertOrderShipment, seedBasics, type ShipmentSpec } from './logistics-fixtures';

/** Today is Friday 20 March 2026, noon UTC; with 5 days, "no scan" means none since 15 March, noon. */
const NOW = new Date('2026-03-20T12:00:00.000Z');
const FUTURE = '2026-03-30T23:00:00.000Z';
let connection: Connection;

const queue = (input: Record<string, unknown> = {}) => callLogistics(connection, NOW, 'logistics.exceptions', input);
const idsOf = (page: { rows: { id: number }[] }) => page.rows.map((r) => r.id).sort((a, b) => a - b);
const add = (s: ShipmentSpec) => insertOrderShipment(connection.sqlite, '2026-03-01T08:00:00.000Z', {
  shippedAt: '2026-03-02T10:00:00.000Z', originalEta: FUTURE, lastEventAt: '2026-03-19T10:00:00.000Z', ...s });

beforeEach(async () => {
  connection = await memoryDb();
  seedBasics(connection.sqlite);
});
afterEach(() => connection.close());

describe('logistics.exceptions: each kind at its boundaries', () => {
  it('late: not delivered and today past the ORIGINAL estimate day', () => {
    add({ id: 1, originalEta: '2026-03-19T23:00:00.000Z' }); // yesterday: late by 1
    add({ id: 2, originalEta: '2026-03-20T00:00:00.000Z' }); // today: not yet late
    add({ id: 3, originalEta: '2026-03-18T09:00:00.000Z', eta: '2026-03-25T23:00:00.000Z' }); // moved estimate: still late
    add({ id: 4, originalEta: '2026-03-10T23:00:00.000Z', deliveredAt: '2026-03-12T10:00:00.000Z' }); // delivered late: done
    add({ id: 5, originalEta: null, eta: '2026-03-17T23:00:00.000Z' }); // no original: the estimate it has
    const page = queue({ kinds: ['late'] });
    expect(idsOf(page)).toEqual([1, 3, 5]);
    expect(Object.fromEntries(page.rows.map((r) => [r.id, r.daysLate]))).toEqual({ 1: 1, 3: 2, 5: 3 });
    expect(page.rows.every((r) => r.kinds.join() === 'late' && r.daysSinceScan === null)).toBe(true);
    expect(page.counts.late).toBe(3);
  });

  it('attempt_fail and exception (Exception or Expired) by status', () => {
    add({ id: 1, status: 'AttemptFail' });
    add({ id: 2, status: 'Exception' });
    add({ id: 3, status: 'Expired' });
    add({ id: 4, status: 'Delivered', deliveredAt: '2026-03-19T09:00:00.000Z' });
    add({ id: 5, status: 'AvailableForPickup' });
    expect(idsOf(queue({ kinds: ['attempt_fail'] }))).toEqual([1]);
    expect(idsOf(queue({ kinds: ['exception'] }))).toEqual([2, 3]);
    expect(queue().counts).toEqual({ late: 0, attempt_fail: 1, exception: 2, no_scan: 0, disputed: 0 });
  });

  it('no_scan: still moving with no scan for more than noScanDays', () => {
    add({ id: 1, status: 'InTransit', lastEventAt: '2026-03-15T11:59:00.000Z' }); // 5 days and a minute
    add({ id: 2, status: 'InTransit', lastEventAt: '2026-03-15T12:00:00.000Z' }); // exactly 5 days: not yet
    add({ id: 3, status: 'OutForDelivery', lastEventAt: null, shippedAt: '2026-03-10T10:00:00.000Z' }); // never scanned
    add({ id: 4, status: 'InfoReceived', lastEventAt: '2026-03-01T10:00:00.000Z' });
    add({ id: 5, status: 'Pending', lastEventAt: '2026-03-01T10:00:00.000Z' }); // not moving: not this kind
    const page = queue({ kinds: ['no_scan'] });
    expect(idsOf(page)).toEqual([1, 3, 4]);
    expect(Object.fromEntries(page.rows.map((r) => [r.id, r.daysSinceScan]))).toEqual({ 1: 5, 3: 10, 4: 19 });
    // A longer patience lets the five-day-old one go.
    expect(idsOf(queue({ kinds: ['no_scan'], noScanDays: 6 }))).toEqual([3, 4]);
  });

  it('disputed: in the queue until resolved', () => {
    add({ id: 1, deliveredAt: '2026-03-18T10:00:00.000Z' });
    add({ id: 2, deliveredAt: '2026-03-18T10:00:00.000Z' });
    callLogistics(connection, NOW, 'shipments.dispute', { id: 1, disputed: true, note: 'Never arrived', staffId: 1 });
    expect(idsOf(queue({ kinds: ['disputed'] }))).toEqual([1]);
    callLogistics(connection, NOW, 'shipments.dispute', { id: 1, disputed: false, staffId: 1 });
    expect(queue({ kinds: ['disputed'] }).rows).toEqual([]);
  });

  it('names every reason a shipment is queued for, and counts it under each', () => {
    add({ id: 1, status: 'Exception', originalEta: '2026-03-15T23:00:00.000Z', lastEventAt: '2026-03-10T10:00:00.000Z' });
    const page = queue({ kinds: ['exception'] });
    expect(page.rows[0]!.kinds).toEqual(['late', 'exception']);
    expect(page.counts).toEqual({ late: 1, attempt_fail: 0, exception: 1, no_scan: 0, disputed: 0 });
  });

  it('leaves out shipments nobody needs to act on or the platform no longer lists', () => {
    add({ id: 1 }); // on its way, on time, scanned yesterday
    add({ id: 2, status: 'Exception' });
    connection.sqlite.prepare(`UPDATE shipments SET removed_remotely_at = '2026-03-19T00:00:00.000Z' WHERE id = 2`).run();
    const page = queue();
    expect(page.rows).toEqual([]);
    expect(page.nextCursor).toBeNull();
  });
});

describe('logistics.exceptions: the page', () => {
  beforeEach(() => {
    for (let id = 1; id <= 7; id++) {
      add({ id, status: 'Exception', carrier: id % 2 ? 'UPS' : 'DHL', lastEventAt: `2026-03-1${id}T10:00:00.000Z` });
    }
  });

  it('pages newest trouble first with a stable cursor', () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page = queue({ limit: 3, cursor });
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1]);
  });

  it('filters by carrier and refuses a cursor from another filter', () => {
    const ups = queue({ carrier: ['UPS'], limit: 2 });
    expect(ups.rows.map((r) => r.id)).toEqual([7, 5]);
    expect(ups.counts.exception).toBe(4);
    expect(() => queue({ carrier: ['DHL'], cursor: ups.nextCursor })).toThrow(/different filter/);
  });

  it('links the open ticket about the shipment', () => {
    const insertTicket = connection.sqlite.prepare(`INSERT INTO tickets (id, channel, subject, status, shipment_id, created_at, updated_at)
      VALUES (?, 'manual', 'Where is it?', ?, ?, '2026-03-19T00:00:00.000Z', '2026-03-19T00:00:00.000Z')`);
    insertTicket.run(10, 'solved', 7);
    insertTicket.run(11, 'open', 6);
    const rows = Object.fromEntries(queue().rows.map((r) => [r.id, r.openTicketId]));
    expect(rows[7]).toBeNull();
    expect(rows[6]).toBe(11);
  });

  it('reads the queue from its partial indexes without touching the shipments table, and tickets by shipment', () => {
    const plans = capturePlans(connection.sqlite, (spied) => exceptionsQueue(spied, logisticsExceptionsInput.parse({}), NOW))
      .filter((p) => !p.includes('sqlite_master'));
    for (const plan of plans) {
      expect(plan).toMatch(/SCAN s USING COVERING INDEX shipments_open_queue/);
      expect(plan).toMatch(/SEARCH s USING INDEX shipments_disputed \(disputed_at>\?\)/);
      expect(plan).not.toMatch(/SCAN (s|shipments)(?! USING)/);
    }
    expect(plans[0]).toMatch(/SEARCH t USING INDEX tickets_shipment/);
    const ups = capturePlans(connection.sqlite, (spied) =>
      exceptionsQueue(spied, logisticsExceptionsInput.parse({ carrier: ['UPS'], kinds: ['late'] }), NOW));
    expect(ups.join('\n')).toMatch(/SEARCH s USING COVERING INDEX shipments_open_queue \(carrier=\?\)/);
  });

  it('still answers while a first sync has dropped its indexes (deferred until the sync ends)', () => {
    const before = queue({ limit: 3 });
    connection.sqlite.exec('DROP INDEX shipments_open_queue; DROP INDEX shipments_disputed; DROP INDEX shipments_shipped_sort');
    expect(queue({ limit: 3 })).toEqual(before);
    expect(callLogistics(connection, NOW, 'shipments.list', { limit: 3 }).rows.map((r) => r.id)).toEqual([7, 6, 5]);
  });
});
