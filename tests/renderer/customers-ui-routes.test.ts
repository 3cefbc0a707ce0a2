import { describe, expect, it } from 'vitest';
import { parseCustomersPath, pathForCustomer, pathForTab } from '../../src/renderer/src/features/customers/routes';

/** The customers area's addresses: the URL decides the tab or profile, so Back and reload land on the same view. */
describe('customers routes', () => {
  it('reads tabs and profiles from the address, and writes the same addresses back', () => {
    expect(parseCustomersPath('/customers')).toEqual({ kind: 'list' });
    expect(parseCustomersPath('/customers/')).toEqual({ kind: 'list' });
    expect(parseCustomersPath('/customers/segments')).toEqual({ kind: 'segments' });
    expect(parseCustomersPath('/customers/duplicates/')).toEqual({ kind: 'duplicates' });
    expect(parseCustomersPath('/customers/42')).toEqual({ kind: 'profile', customerId: 42 });
    for (const tab of ['list', 'segments', 'duplicates'] as const) expect(parseCustomersPath(pathForTab(tab))).toEqual({ kind: tab });
    expect(parseCustomersPath(pathForCustomer(7))).toEqual({ kind: 'profile', customerId: 7 });
  });

  it('sends anything else to "not found" rather than to a wrong customer', () => {
    for (const path of ['/customers/0', '/customers/-3', '/customers/4.5', '/customers/abc', '/customers/42/orders',
      '/customers/1234567890123456', '/customers/segmentsx']) {
      expect(parseCustomersPath(path)).toEqual({ kind: 'notFound' });
    }
  });
});
