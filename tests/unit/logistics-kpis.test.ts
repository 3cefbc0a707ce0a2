import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { logisticsKpis } from '../../src/main/domain/logistics/kpis';
import { logisticsKpisInput } from '../../src/shared/contract/logistics';
import { memoryDb } from '../helpers/db';
import { capturePlans } from '../helpers/plans';
import { callLogistics } from './logistics-call';
import { insertOrderShipment, seedBasics } from './logistics-fixtures';

/**
 * logistics.kpis against figures worked out by hand. The range is Mon 2 – Sun
 * 15 March 2026; the previous period is 16 February – 1 March. Per shipment
 * (shipped day → delivered day; order placed day):
 *   S1 UPS US/CA   placed Sun 1, shipped Mon 2 → Wed 4, orig ETA Thu 5: on time; transit 2 cal / 2 bus; o2d 3 / 3
 *   S2 UPS US/NY   placed Thu 5, shipped Fri 6 → Tue 10, orig ETA Mon 9 (moved to Thu 12): LATE; 4 / 2; o2d 5 / 3
 *   S3 FedEx US/CA placed Fri 6, shipped Fri 6 → Mon 9, ETA Mon 9: on time; 3 / 1; o2d 3 / 1
 *   S4 FedEx CA/ON shipped Sat 7, Exception, never delivered
 *   S5 UPS US/CA   placed Sun 8, shipped Mon 9 → Thu 12, ETA Thu 12: on time; 3 / 3; o2d 4 / 4
 *   S6 UPS US/NY   shipped Tue 10, InTransit (last scan Wed 11)
 *   S7 USPS US/CA  label Wed 11, Pending: not shipped
 *   S8 UPS US/CA   shipped Tue 3, AttemptFail, orig ETA Fri 6
 *   S9 DHL (no destination) placed Sun 8, shipped Mon 9 → Sat 14; no original ETA, ETA Fri 13: late; 5 / 4; o2d 6 / 5
 *   P1 UPS US/CA   shipped Tue 17 Feb → Thu 19, ETA Fri 20: on time; 2 cal
 *   P2 UPS US/CA   shipped Wed 18 Feb → Mon 23, ETA Fri 20: late; 5 cal
 */
let connection: Connection;
const NOW = new Date('2026-03-20T12:00:00.000Z');

const call = (name: 'logistics.kpis', input: unknown) => callLogistics(connection, NOW, name, input);

beforeEach(async () => {
  connection = await memoryDb();
  const { sqlite } = connection;
  seedBasics(sqlite);
  const at = (day: string, hour = 10) => `2026-${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  insertOrderShipment(sqlite, at('03-01', 20), { id: 1, carrier: 'UPS', region: 'CA', shippedAt: at('03-02'),
    originalEta: at('03-05', 23), deliveredAt: at('03-04', 15) });
  insertOrderShipment(sqlite, at('03-05', 8), { id: 2, carrier: 'UPS', region: 'NY', shippedAt: at('03-06', 9),
    originalEta: at('03-09', 23), eta: at('03-12', 23), deliveredAt: at('03-10', 11) });
  insertOrderShipment(sqlite, at('03-06', 12), { id: 3, carrier: 'FedEx', shippedAt: at('03-06', 18),
    originalEta: at('03-09', 23), deliveredAt: at('03-09') });
  insertOrderShipment(sqlite, at('03-07', 8), { id: 4, carrier: 'FedEx', country: 'CA', region: 'ON', shippedAt: at('03-07'),
    originalEta: at('03-10', 23), status: 'Exception' });
  insertOrderShipment(sqlite, at('03-08', 9), { id: 5, carrier: 'UPS', shippedAt: at('03-09', 9),
    originalEta: at('03-12', 23), deliveredAt: at('03-12', 8) });
  insertOrderShipment(sqlite, at('03-10', 8), { id: 6, carrier: 'UPS', region: 'NY', shippedAt: at('03-10', 12),
    originalEta: at('03-13', 23), lastEventAt: at('03-11'), status: 'InTransit' });
  insertOrderShipment(sqlite, at('03-11', 8), { id: 7, carrier: 'USPS', shippedAt: null, createdAt: at('03-11'),
    status: 'Pending', lastEventAt: null });
  insertOrderShipment(sqlite, at('03-02', 8), { id: 8, carrier: 'UPS', shippedAt: at('03-03'), originalEta: at('03-06', 23),
    status: 'AttemptFail', lastEventAt: at('03-06', 14) });
  insertOrderShipment(sqlite, at('03-08', 7), { id: 9, carrier: 'DHL', country: null, region: null, shippedAt: at('03-09'),
    originalEta: null, eta: at('03-13', 23), deliveredAt: at('03-14', 16) });
  insertOrderShipment(sqlite, at('02-16'), { id: 21, carrier: 'UPS', shippedAt: at('02-17'), originalEta: at('02-20', 23),
    deliveredAt: at('02-19') });
  insertOrderShipment(sqlite, at('02-18', 6), { id: 22, carrier: 'UPS', shippedAt: at('02-18'), originalEta: at('02-20', 23),
    deliveredAt: at('02-23') });
});

afterEach(() => connection.close());

const RANGE = { from: '2026-03-02', to: '2026-03-15' };

describe('logistics.kpis', () => {
  it('answers delivery, on-time (against the original estimate) and calendar-day percentiles, and the previous period', async () => {
    const kpis = call('logistics.kpis', { range: RANGE });
    expect(kpis.range).toEqual(RANGE);
    expect(kpis.previousRange).toEqual({ from: '2026-02-16', to: '2026-03-01' });
    expect(kpis.current).toEqual({
      shipped: 8, delivered: 5, deliveryRate: 5 / 8,
      // S2 arrived before its moved estimate but after the original one: late. S9 falls back to its only estimate.
      onTimeRate: 3 / 5,
      transitP50: 3, transitP90: 5, orderToDeliveryP50: 4, orderToDeliveryP90: 6,
      exceptions: 2,
    });
    expect(kpis.previous).toEqual({
      shipped: 2, delivered: 2, deliveryRate: 1, onTimeRate: 0.5,
      transitP50: 2, transitP90: 5, orderToDeliveryP50: 3, orderToDeliveryP90: 5, exceptions: 0,
    });
  });

  it('counts business days Monday to Friday (shipped Friday, delivered Monday is one day)', async () => {
    const kpis = call('logistics.kpis', { range: RANGE, basis: 'business', compare: false });
    expect(kpis.basis).toBe('business');
    expect(kpis.previous).toBeNull();
    expect(kpis.current).toMatchObject({ transitP50: 2, transitP90: 4, orderToDeliveryP50: 3, orderToDeliveryP90: 5 });
    const fedex = kpis.byCarrier.find((r) => r.key === 'FedEx');
    // S3 alone: shipped Friday, delivered Monday.
    expect(fedex).toMatchObject({ shipped: 2, delivered: 1, transitP50: 1, transitP90: 1, exceptions: 1 });
  });

  it('breaks the figures down by carrier and by destination region', async () => {
    const kpis = call('logistics.kpis', { range: RANGE });
    const byCarrier = Object.fromEntries(kpis.byCarrier.map((r) => [r.key, r]));
    expect(Object.keys(byCarrier)).toEqual(['UPS', 'FedEx', 'DHL', 'USPS']);
    expect(byCarrier.UPS).toMatchObject({ shipped: 5, delivered: 3, deliveryRate: 3 / 5, onTimeRate: 2 / 3,
      transitP50: 3, transitP90: 4, exceptions: 1 });
    // A label that never left is not shipped: no rate rather than 0 %.
    expect(byCarrier.USPS).toMatchObject({ shipped: 0, delivered: 0, deliveryRate: null, onTimeRate: null, transitP50: null });
    const byRegion = Object.fromEntries(kpis.byRegion.map((r) => [r.key, r]));
    expect(byRegion['US / CA']).toMatchObject({ shipped: 4, delivered: 3, onTimeRate: 1, exceptions: 1 });
    expect(byRegion['US / NY']).toMatchObject({ shipped: 2, delivered: 1, onTimeRate: 0, transitP50: 4 });
    expect(byRegion['CA / ON']).toMatchObject({ shipped: 1, exceptions: 1 });
    expect(byRegion['']).toMatchObject({ shipped: 1, delivered: 1, transitP50: 5 });
    expect(kpis.carriers).toEqual(['DHL', 'FedEx', 'UPS', 'USPS']);
    expect(kpis.countries).toEqual(['CA', 'US']);
  });

  it('shows volume by shipped day (the label day when not shipped) and status', async () => {
    const kpis = call('logistics.kpis', { range: RANGE });
    expect(kpis.volumeByDay).toEqual([
      { day: '2026-03-02', counts: { Delivered: 1 }, total: 1 },
      { day: '2026-03-03', counts: { AttemptFail: 1 }, total: 1 },
      { day: '2026-03-06', counts: { Delivered: 2 }, total: 2 },
      { day: '2026-03-07', counts: { Exception: 1 }, total: 1 },
      { day: '2026-03-09', counts: { Delivered: 2 }, total: 2 },
      { day: '2026-03-10', counts: { InTransit: 1 }, total: 1 },
      { day: '2026-03-11', counts: { Pending: 1 }, total: 1 },
    ]);
  });

  it('filters by carrier and by country, keeping every carrier and country as a choice', async () => {
    const ups = call('logistics.kpis', { range: RANGE, carrier: ['UPS'] });
    expect(ups.current).toMatchObject({ shipped: 5, delivered: 3, exceptions: 1 });
    expect(ups.previous).toMatchObject({ shipped: 2 });
    expect(ups.byCarrier.map((r) => r.key)).toEqual(['UPS']);
    expect(ups.volumeByDay.reduce((n, d) => n + d.total, 0)).toBe(5);
    expect(ups.carriers).toEqual(['DHL', 'FedEx', 'UPS', 'USPS']);
    const canada = call('logistics.kpis', { range: RANGE, country: 'ca' });
    expect(canada.current).toMatchObject({ shipped: 1, delivered: 0, deliveryRate: 0, exceptions: 1, transitP50: null });
    expect(canada.exceptionsByCarrier).toEqual([{ carrier: 'FedEx', counts: { late: 1, exception: 1 }, total: 1 }]);
    const otherStore = call('logistics.kpis', { range: RANGE, storeId: 2 });
    expect(otherStore.current).toMatchObject({ shipped: 0, deliveryRate: null, transitP50: null });
    expect(otherStore.exceptionsByCarrier).toEqual([]);
  });

  it('lists the current exceptions by carrier from the shipments themselves', async () => {
    const kpis = call('logistics.kpis', { range: RANGE });
    // S4 lost and past its estimate; S6 late and silent since the 11th; S8 failed attempt, past its estimate.
    expect(kpis.exceptionsByCarrier).toEqual([
      { carrier: 'UPS', counts: { late: 2, attempt_fail: 1, no_scan: 1 }, total: 2 },
      { carrier: 'FedEx', counts: { late: 1, exception: 1 }, total: 1 },
    ]);
  });

  it('sees a change made after the first view (the rollups follow the shipments)', async () => {
    call('logistics.kpis', { range: RANGE });
    connection.sqlite.prepare(`UPDATE shipments SET status = 'Delivered', delivered_at = '2026-03-12T09:00:00.000Z' WHERE id = 6`).run();
    const kpis = call('logistics.kpis', { range: RANGE });
    // S6: shipped Tue 10, delivered Thu 12 (before its Fri 13 estimate): 2 days.
    expect(kpis.current).toMatchObject({ delivered: 6, deliveryRate: 6 / 8, onTimeRate: 4 / 6, transitP50: 3 });
  });

  it('reads each rollup through its key by store and day range, never the whole table', () => {
    const plans = capturePlans(connection.sqlite, (spied) =>
      logisticsKpis(spied, logisticsKpisInput.parse({ range: RANGE, carrier: ['UPS'] }), NOW), { selectsOnly: true });
    const rollupReads = plans.filter((p) => /rollup_(shipments_daily|delivery_days)/.test(p));
    expect(rollupReads).toHaveLength(5);
    for (const plan of rollupReads) {
      expect(plan).toMatch(/SEARCH rollup_\w+ USING PRIMARY KEY \(store_id=\? AND day>\? AND day<\?\)/);
    }
    // rollup_dirty is read whole on purpose: it holds only what changed since the last view.
    expect(plans.join('\n')).not.toMatch(/SCAN (shipments|rollup_(?!dirty))/);
  });

  it('streams a long range\'s transit histograms out of their index, sorting nothing', () => {
    const plans = capturePlans(connection.sqlite, (spied) => logisticsKpis(spied, logisticsKpisInput.parse({}), NOW),
      { selectsOnly: true });
    const histogram = plans.filter((p) => p.includes('rollup_delivery_days'));
    expect(histogram).toHaveLength(1);
    expect(histogram[0]).toMatch(/USING COVERING INDEX rollup_delivery_days_histogram \(basis=\?\)/);
    expect(histogram[0]).not.toMatch(/TEMP B-TREE/);
    // The same figures as the short reads give.
    const allTime = callLogistics(connection, NOW, 'logistics.kpis', {});
    expect(allTime.current).toMatchObject({ shipped: 10, delivered: 7, transitP50: 3, transitP90: 5 });
  });
});
