import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyTracking } from '../../src/main/domain/logistics/tracking/apply';
import { newestRemoteUpdate, shipmentsByRemoteId, shipmentsToFollow } from '../../src/main/domain/logistics/tracking/follows';
import type { ProviderTracking } from '../../src/main/domain/logistics/tracking/provider';
import { capturePlans } from '../helpers/plans';
import { trackingShop, type TrackingShop } from '../support/aftership-server/shop';

let shop: TrackingShop;
beforeEach(async () => {
  shop = await trackingShop();
});
afterEach(() => shop.close());

const tracking = (over: Partial<ProviderTracking> = {}): ProviderTracking => ({
  remoteId: 'r1', trackingNumber: 'PKG1', slug: 'ups', status: 'InTransit', subStatus: 'InTransit_001',
  updatedAt: '2026-03-10T10:00:00.000Z', firstEstimatedDeliveryAt: null, estimatedDeliveryAt: null, pickedUpAt: null,
  deliveredAt: null, trackingUrl: null, checkpoints: [], ...over,
});
const NOW = '2026-03-10T12:00:00.000Z';

describe('tracking storage', () => {
  it('forgets a follow with its shipment, and one parcel can update two shipments', () => {
    const { sqlite } = shop.connection;
    shop.addShipment({ id: 1, trackingNumber: 'PKG1' });
    shop.addShipment({ id: 2, trackingNumber: 'PKG1' });
    applyTracking(sqlite, 'aftership', 1, tracking(), NOW);
    applyTracking(sqlite, 'aftership', 2, tracking({ updatedAt: '2026-03-10T11:00:00.000Z' }), NOW);
    expect(shipmentsByRemoteId(sqlite, 'aftership', ['r1', 'r2'])).toEqual(new Map([['r1', [1, 2]]]));
    expect(newestRemoteUpdate(sqlite, 'aftership')).toBe('2026-03-10T11:00:00.000Z');
    sqlite.prepare('DELETE FROM shipments WHERE id = 2').run();
    expect(shipmentsByRemoteId(sqlite, 'aftership', ['r1'])).toEqual(new Map([['r1', [1]]]));
  });

  it('never moves the provider’s update time backwards (an older page applied late)', () => {
    const { sqlite } = shop.connection;
    shop.addShipment({ id: 1, trackingNumber: 'PKG1' });
    applyTracking(sqlite, 'aftership', 1, tracking({ updatedAt: '2026-03-10T11:00:00.000Z' }), NOW);
    applyTracking(sqlite, 'aftership', 1, tracking({ updatedAt: '2026-03-10T09:00:00.000Z' }), NOW);
    expect(newestRemoteUpdate(sqlite, 'aftership')).toBe('2026-03-10T11:00:00.000Z');
  });

  it('does not take a stale status over a delivery, unless the provider has a newer scan', () => {
    const { sqlite } = shop.connection;
    shop.addShipment({ id: 1, trackingNumber: 'PKG1', status: 'Delivered' });
    sqlite.prepare(`UPDATE shipments SET delivered_at = '2026-03-09T15:00:00.000Z' WHERE id = 1`).run();
    const scan = (at: string) => ({ occurredAt: at, status: 'InTransit' as const, subStatus: null, location: null, message: null });
    expect(applyTracking(sqlite, 'aftership', 1, tracking({ checkpoints: [scan('2026-03-08T10:00:00.000Z')] }), NOW).changed).toBe(true);
    expect(sqlite.prepare('SELECT status FROM shipments WHERE id = 1').get()).toEqual({ status: 'Delivered' });
    applyTracking(sqlite, 'aftership', 1, tracking({ status: 'Exception', subStatus: 'Exception_011',
      checkpoints: [{ ...scan('2026-03-10T08:00:00.000Z'), status: 'Exception' }] }), NOW);
    expect(sqlite.prepare('SELECT status, sub_status FROM shipments WHERE id = 1').get())
      .toEqual({ status: 'Exception', sub_status: 'Exception_011' });
  });

  it('finds what to follow and what a listing is about through indexes', () => {
    const plans = capturePlans(shop.connection.sqlite, (spied) => {
      shipmentsToFollow(spied, NOW, 200);
      shipmentsByRemoteId(spied, 'aftership', ['r1']);
      newestRemoteUpdate(spied, 'aftership');
    });
    expect(plans[0]).toContain('SEARCH s USING INDEX shipments_status');
    expect(plans[0]).not.toMatch(/SCAN s\b/);
    expect(plans[1]).toMatch(/USING (COVERING )?INDEX tracking_follows_remote/);
    expect(plans[2]).toContain('tracking_follows_updated');
  });
});
