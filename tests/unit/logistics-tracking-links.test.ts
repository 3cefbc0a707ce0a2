import { describe, expect, it } from 'vitest';
import { carrierKey, knowsCarrier, trackingUrlFor } from '../../src/main/domain/logistics/tracking-links';

describe('tracking links', () => {
  it('reads a carrier by any of its usual names or AfterShip slugs', () => {
    expect(carrierKey('Royal Mail')).toBe('royalmail');
    expect(carrierKey('royal-mail')).toBe('royalmail');
    expect(carrierKey('china-ems')).toBe('chinapost');
    expect(carrierKey('SF Express')).toBe('sfexpress');
    expect(carrierKey('new-zealand-post')).toBe('nzpost');
    for (const carrier of ['UPS', 'USPS', 'FedEx', 'DHL Express', 'Canada Post', 'Australia Post', 'China Post', 'YunExpress', '4PX', 'Purolator', 'An Post']) {
      expect(knowsCarrier(carrier)).toBe(true);
    }
    expect(knowsCarrier('Bob’s Van')).toBe(false);
  });

  it('builds the carrier page with the number escaped, and prefers the platform link', () => {
    expect(trackingUrlFor(null, 'Canada Post', '7023 2109')).toBe(
      'https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=7023%202109');
    expect(trackingUrlFor(null, 'fedex', ' 123 ')).toBe('https://www.fedex.com/fedextrack/?trknbr=123');
    expect(trackingUrlFor('https://shop.example/track/1', 'UPS', '1Z')).toBe('https://shop.example/track/1');
    // Not a web address: ignored rather than handed to the UI as a link.
    expect(trackingUrlFor('javascript:alert(1)', 'UPS', '1Z')).toBe('https://www.ups.com/track?tracknum=1Z');
    expect(trackingUrlFor(null, 'UPS', null)).toBeNull();
    expect(trackingUrlFor(null, 'Bob’s Van', '42')).toBeNull();
  });
});
