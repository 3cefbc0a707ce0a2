import { useQuery } from '@tanstack/react-query';
import type { ShipmentRow } from '../../../../../shared/contract';
import { formatMoney } from '../../../../../shared/money';
import { invoke } from '../../../api';
import { useActingStaff } from '../../../app/actingStaff';
import { useI18n } from '../../../i18n';
import type { MacroValues } from './shipmentMacro';

/** The macro variables for a shipment: its own carrier and link, its order's number and total, its customer's names and points. */
export function useShipmentMacroValues(shipment: ShipmentRow) {
  const { locale } = useI18n();
  const staff = useActingStaff();
  return useQuery({
    queryKey: ['shipments', 'macro-values', shipment.id, shipment.customerId, locale, staff?.name ?? null],
    queryFn: async (): Promise<MacroValues> => {
      const [order, customer] = await Promise.all([
        invoke('orders.get', { id: shipment.orderId }),
        shipment.customerId === null ? Promise.resolve(null) : invoke('customers.get', { id: shipment.customerId }),
      ]);
      return {
        'customer.first_name': customer?.firstName ?? null,
        'customer.last_name': customer?.lastName ?? null,
        'customer.name': customer?.name ?? shipment.customerName,
        'customer.email': customer?.email ?? null,
        'order.number': shipment.orderNumber,
        'order.total': formatMoney(order.totalMinor, order.currency, locale),
        'order.carrier': shipment.carrier,
        'order.tracking_number': shipment.trackingNumber,
        'order.tracking_url': shipment.trackingUrl,
        'points.balance': customer ? new Intl.NumberFormat(locale).format(customer.points.approved) : null,
        'tier.name': customer?.tier?.tierName ?? null,
        'staff.name': staff?.name ?? null,
        // No ticket yet: {{ticket.id}} stays empty and is listed.
        'ticket.id': null,
      };
    },
  });
}
