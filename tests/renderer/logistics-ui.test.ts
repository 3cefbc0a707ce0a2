import { describe, expect, it } from 'vitest';
import { renderShipmentMacro } from '../../src/renderer/src/features/logistics/exceptions/shipmentMacro';
import { subStatusText } from '../../src/renderer/src/features/logistics/labels';
import { logisticsTabPath, parseLogisticsPath, shipmentPath } from '../../src/renderer/src/features/logistics/routes';

/** "Prepare message" in the exceptions queue renders a macro for a shipment with no ticket yet. */
describe('renderShipmentMacro', () => {
  const values = {
    'customer.first_name': 'Jonas',
    'order.number': '#2964',
    'order.carrier': 'UPS',
    'order.tracking_url': 'https://www.ups.com/track?tracknum=1Z',
    'ticket.id': null,
  };

  it('fills known variables, with or without spaces inside the braces', () => {
    const out = renderShipmentMacro('Hi {{customer.first_name}}, order {{ order.number }} left with {{order.carrier}}: {{order.tracking_url}}', values);
    expect(out.body).toBe('Hi Jonas, order #2964 left with UPS: https://www.ups.com/track?tracknum=1Z');
    expect(out.emptyVariables).toEqual([]);
    expect(out.unknownVariables).toEqual([]);
  });

  it('leaves a known variable without a value empty and lists it once', () => {
    const out = renderShipmentMacro('Ticket {{ticket.id}} / {{ticket.id}} for {{points.balance}}', values);
    expect(out.body).toBe('Ticket  /  for ');
    expect(out.emptyVariables).toEqual(['ticket.id', 'points.balance']);
  });

  it('keeps what is not a variable as typed, and says so', () => {
    const out = renderShipmentMacro('Dear {{customer.nickname}}, {{order.number}}', values);
    expect(out.body).toBe('Dear {{customer.nickname}}, #2964');
    expect(out.unknownVariables).toEqual(['customer.nickname']);
  });
});

describe('logistics addresses', () => {
  it('maps each path to its tab, a shipment to the list with its drawer, and refuses others', () => {
    expect(parseLogisticsPath('/logistics')).toEqual({ kind: 'tab', tab: 'dashboard', shipmentId: null });
    expect(parseLogisticsPath('/logistics/')).toEqual({ kind: 'tab', tab: 'dashboard', shipmentId: null });
    expect(parseLogisticsPath('/logistics/exceptions')).toEqual({ kind: 'tab', tab: 'exceptions', shipmentId: null });
    expect(parseLogisticsPath(shipmentPath(42))).toEqual({ kind: 'tab', tab: 'shipments', shipmentId: 42 });
    expect(parseLogisticsPath('/logistics/dashboard')).toEqual({ kind: 'notFound' });
    expect(parseLogisticsPath('/logistics/shipments/abc')).toEqual({ kind: 'notFound' });
    for (const tab of ['dashboard', 'shipments', 'exceptions', 'tracking'] as const) {
      expect(parseLogisticsPath(logisticsTabPath(tab))).toMatchObject({ kind: 'tab', tab });
    }
  });

  it('reads a sub-status as words', () => {
    expect(subStatusText('Exception_Lost')).toBe('Lost');
    expect(subStatusText('AttemptFail_NoOneHome')).toBe('No One Home');
    expect(subStatusText(null)).toBeNull();
  });
});
