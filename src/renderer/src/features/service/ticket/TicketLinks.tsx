import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { TicketDetail } from '../../../../../shared/contract';
import { hrefFor } from '../../../app/router';
import { useT } from '../../../i18n';
import { ticketPath } from '../routes';

/** Where the ticket came from and what it is tied to: order, review, return, shipment, merged tickets. */
export function TicketLinks({ ticket }: { ticket: TicketDetail }) {
  const t = useT();
  const { links } = ticket;
  const items = [
    ticket.order && { id: 'order', label: t('service.links.order'), href: `/orders/${ticket.order.id}`, text: ticket.order.orderNumber },
    links.feedbackId !== null && { id: 'feedback', label: t('service.links.feedback'), href: `/feedback/${links.feedbackId}`, text: `#${links.feedbackId}` },
    links.returnId !== null && { id: 'return', label: t('service.links.return'), href: `/returns/${links.returnId}`, text: `#${links.returnId}` },
    links.shipmentId !== null && ticket.order && { id: 'shipment', label: t('service.links.shipment'), href: `/orders/${ticket.order.id}`, text: `#${links.shipmentId}` },
    ticket.mergedInto !== null && { id: 'mergedInto', label: t('service.links.mergedInto'), href: ticketPath(ticket.mergedInto), text: `#${ticket.mergedInto}` },
  ].filter((item): item is { id: string; label: string; href: string; text: string } => Boolean(item));
  if (items.length === 0 && ticket.mergedFrom.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="ticket-links-title" data-testid="ticket-links">
      <Title order={2} fz="md" mb="xs" id="ticket-links-title">{t('service.links.title')}</Title>
      <Stack gap={4}>
        {items.map((item) => (
          <Group key={item.id} gap="xs" justify="space-between" data-testid={`ticket-link-${item.id}`}>
            <Text size="sm" c="dimmed">{item.label}</Text>
            <Anchor size="sm" href={hrefFor(item.href)}>{item.text}</Anchor>
          </Group>
        ))}
        {ticket.mergedFrom.length > 0 && (
          <Group gap="xs" justify="space-between">
            <Text size="sm" c="dimmed">{t('service.links.mergedFrom')}</Text>
            <Group gap={6}>
              {ticket.mergedFrom.map((id) => <Anchor key={id} size="sm" href={hrefFor(ticketPath(id))}>#{id}</Anchor>)}
            </Group>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
