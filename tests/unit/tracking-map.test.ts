import { describe, expect, it } from 'vitest';
import { mapTracking, slugForCarrier, utcFromAfterShip } from '../../src/main/domain/logistics/tracking/aftership/map';
import type { AfterShipTracking } from '../../src/main/domain/logistics/tracking/aftership/types';
import { SHIPMENT_STATUSES } from '../../src/shared/contract/logistics';

const base: AfterShipTracking = {
  id: 'a1b2c3', tracking_number: '1Z999AA10123456784', slug: 'ups', tag: 'InTransit', subtag: 'InTransit_003',
  updated_at: '2026-03-09T10:00:00+00:00', checkpoints: [],
};

describe('AfterShip tracking → shipment', () => {
  it.each(SHIPMENT_STATUSES.map((tag) => [tag]))('maps the tag %s to the same status, its subtag to the sub-status', (tag) => {
    const mapped = mapTracking({ ...base, tag, subtag: `${tag}_001` });
    expect(mapped?.status).toBe(tag);
    expect(mapped?.subStatus).toBe(`${tag}_001`);
  });

  it('keeps subtags as AfterShip names them (a failed attempt because the business was closed, a return to sender)', () => {
    expect(mapTracking({ ...base, tag: 'AttemptFail', subtag: 'AttemptFail_003' })?.subStatus).toBe('AttemptFail_003');
    expect(mapTracking({ ...base, tag: 'Exception', subtag: 'Exception_011' })?.subStatus).toBe('Exception_011');
    expect(mapTracking({ ...base, tag: 'Delivered', subtag: 'Delivered_002' })?.subStatus).toBe('Delivered_002');
  });

  it('refuses a tracking whose tag is outside the taxonomy, or without an id', () => {
    expect(mapTracking({ ...base, tag: 'Lost' })).toBeNull();
    expect(mapTracking({ ...base, id: undefined })).toBeNull();
  });

  it('turns checkpoints into events in time order with place and message, skipping unreadable ones', () => {
    const mapped = mapTracking({
      ...base,
      checkpoints: [
        { checkpoint_time: '2026-03-09T08:15:00-05:00', tag: 'InTransit', subtag: 'InTransit_003', city: 'Memphis', state: 'TN',
          country_region_name: 'United States', message: 'Arrived at facility' },
        { checkpoint_time: '2026-03-08T10:00:00', tag: 'InfoReceived', subtag: 'InfoReceived_001', location: 'Louisville, KY',
          message: '', subtag_message: 'Info received' },
        { checkpoint_time: 'yesterday', tag: 'InTransit', subtag: 'InTransit_001' },
        { checkpoint_time: '2026-03-09T09:00:00Z', tag: 'Misplaced' },
      ],
    });
    expect(mapped?.checkpoints).toEqual([
      { occurredAt: '2026-03-08T10:00:00.000Z', status: 'InfoReceived', subStatus: 'InfoReceived_001',
        location: 'Louisville, KY', message: 'Info received' },
      { occurredAt: '2026-03-09T13:15:00.000Z', status: 'InTransit', subStatus: 'InTransit_003',
        location: 'Memphis, TN, United States', message: 'Arrived at facility' },
    ]);
  });

  it('reads the estimates: the first one, and the current one by preference latest → carrier → AfterShip AI', () => {
    const mapped = mapTracking({
      ...base,
      courier_estimated_delivery_date: { estimated_delivery_date: '2026-03-12' },
      aftership_estimated_delivery_date: { estimated_delivery_date: '2026-03-13' },
      first_estimated_delivery: { datetime: '2026-03-11' },
    });
    expect(mapped?.firstEstimatedDeliveryAt).toBe('2026-03-11T00:00:00.000Z');
    expect(mapped?.estimatedDeliveryAt).toBe('2026-03-12T00:00:00.000Z');
    expect(mapTracking({ ...base, aftership_estimated_delivery_date: { estimated_delivery_date: '2026-03-13' } })?.estimatedDeliveryAt)
      .toBe('2026-03-13T00:00:00.000Z');
    expect(mapTracking({ ...base, latest_estimated_delivery: { datetime: '2026-03-15T18:00:00+01:00' },
      courier_estimated_delivery_date: { estimated_delivery_date: '2026-03-12' } })?.estimatedDeliveryAt).toBe('2026-03-15T17:00:00.000Z');
  });

  it('takes the delivery time from shipment_delivery_date, else the Delivered scan, and only when delivered', () => {
    const scans = [{ checkpoint_time: '2026-03-10T14:02:00Z', tag: 'Delivered', subtag: 'Delivered_001' }];
    expect(mapTracking({ ...base, tag: 'Delivered', subtag: 'Delivered_001', checkpoints: scans })?.deliveredAt)
      .toBe('2026-03-10T14:02:00.000Z');
    expect(mapTracking({ ...base, tag: 'Delivered', shipment_delivery_date: '2026-03-10T15:00:00', checkpoints: scans })?.deliveredAt)
      .toBe('2026-03-10T15:00:00.000Z');
    expect(mapTracking({ ...base, shipment_delivery_date: '2026-03-10T15:00:00' })?.deliveredAt).toBeNull();
  });

  it('normalizes AfterShip date formats to UTC ISO-8601', () => {
    expect(utcFromAfterShip('2026-03-12')).toBe('2026-03-12T00:00:00.000Z');
    expect(utcFromAfterShip('2026-03-12T08:30:00')).toBe('2026-03-12T08:30:00.000Z');
    expect(utcFromAfterShip('2026-03-12T08:30:00+0800')).toBe('2026-03-12T00:30:00.000Z');
    expect(utcFromAfterShip('2026-03-12T08:30:00+08:00')).toBe('2026-03-12T00:30:00.000Z');
    expect(utcFromAfterShip('2026-02-30')).toBeNull();
    expect(utcFromAfterShip('soon')).toBeNull();
    expect(utcFromAfterShip(null)).toBeNull();
  });

  it('names AfterShip slugs for common carriers and leaves the rest to its detection', () => {
    expect(slugForCarrier('UPS')).toBe('ups');
    expect(slugForCarrier(' Royal Mail ')).toBe('royal-mail');
    expect(slugForCarrier('Hillside Couriers')).toBeUndefined();
  });
});
