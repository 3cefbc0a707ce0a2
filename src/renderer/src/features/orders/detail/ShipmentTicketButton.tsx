import { Button, type MantineSize } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMessageReport } from '@tabler/icons-react';
import { useActingStaff } from '../../../app/actingStaff';
import { navigate } from '../../../app/router';
import { refusalSentence } from '../../../components/fieldIssues';
import { useT } from '../../../i18n';
import { newIdempotencyKey, useOpenShipmentTicket } from '../api';

/**
 * "Open a ticket" for a late or failed shipment, then straight to it. The
 * core hands back the shipment's open ticket when it has one; it is told
 * apart by being among the order's tickets already (`knownTicketIds`).
 */
export function ShipmentTicketButton({ shipmentId, knownTicketIds, size = 'xs' }: {
  shipmentId: number;
  knownTicketIds: readonly number[];
  size?: MantineSize | `compact-${MantineSize}`;
}) {
  const t = useT();
  const staff = useActingStaff();
  const openTicket = useOpenShipmentTicket();
  const open = () => {
    if (!staff) return;
    // A fresh key per press: a retry of this press cannot open a second ticket, a later press asks again.
    openTicket.mutate({ shipmentId, staffId: staff.id, idempotencyKey: newIdempotencyKey('shipment-ticket') }, {
      onSuccess: (ticket) => {
        const existing = knownTicketIds.includes(ticket.id);
        notifications.show({
          color: 'teal',
          message: existing ? t('orders.shipments.ticketExisting', { id: ticket.id }) : t('orders.shipments.ticketOpened', { id: ticket.id }),
          'data-testid': 'shipment-ticket-opened',
          'data-existing': String(existing),
        } as Parameters<typeof notifications.show>[0]);
        navigate(`/service/tickets/${ticket.id}`);
      },
      onError: (error) => notifications.show({ color: 'red', title: t('orders.shipments.ticketFailed'), message: refusalSentence(t, error) }),
    });
  };
  return (
    <Button
      size={size}
      variant="light"
      color="orange"
      leftSection={<IconMessageReport size={14} aria-hidden />}
      onClick={open}
      loading={openTicket.isPending}
      disabled={!staff}
      title={staff ? undefined : t('orders.shipments.ticketNoStaff')}
      data-testid="shipment-open-ticket"
      data-shipment-id={shipmentId}
    >
      {t('orders.shipments.openTicket')}
    </Button>
  );
}
