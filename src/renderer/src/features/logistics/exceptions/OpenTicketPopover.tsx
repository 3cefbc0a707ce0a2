import { Anchor, Button, Group, Popover, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMessageReport } from '@tabler/icons-react';
import { useState } from 'react';
import type { ShipmentRow } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { hrefFor } from '../../../app/router';
import { refusalSentence } from '../../../components/fieldIssues';
import { useT } from '../../../i18n';
import { newIdempotencyKey } from '../../service/api';
import { useCreateShipmentTicket } from '../api';

/**
 * A ticket about a shipment in two clicks: "Open ticket" shows the subject
 * it will get (editable), "Create" opens it; the link to it then takes the
 * button's place. Nothing is written by the first click.
 */
export function OpenTicketPopover({ shipment }: { shipment: ShipmentRow }) {
  const t = useT();
  const staff = useActingStaff();
  const create = useCreateShipmentTicket();
  const defaultSubject = t('logistics.ticket.subject', {
    number: shipment.orderNumber,
    carrier: shipment.trackingNumber ? `${shipment.carrier} ${shipment.trackingNumber}` : shipment.carrier,
  });
  const [opened, setOpened] = useState(false);
  const [subject, setSubject] = useState(defaultSubject);
  // One key per popover opening: a double press of Create cannot open two tickets.
  const [key, setKey] = useState(() => newIdempotencyKey('shipment-ticket'));
  const [created, setCreated] = useState<number | null>(null);

  if (created !== null) {
    return (
      <Anchor href={hrefFor(`/service/tickets/${created}`)} size="sm" data-testid="exception-ticket-link" data-ticket-id={created}>
        {t('logistics.ticket.link', { id: created })}
      </Anchor>
    );
  }
  const submit = () => {
    if (!staff || subject.trim() === '') return;
    create.mutate(
      { shipmentId: shipment.id, staffId: staff.id, subject: subject.trim(), idempotencyKey: key },
      {
        onSuccess: ({ ticket, existing }) => {
          setOpened(false);
          setCreated(ticket.id);
          const message = existing ? 'logistics.ticket.existing' : 'logistics.ticket.created';
          notifications.show({ color: 'teal', message: t(message, { id: ticket.id }) });
        },
        onError: (error) => notifications.show({ color: 'red', title: t('logistics.ticket.failed'), message: refusalSentence(t, error) }),
      },
    );
  };
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      withArrow
      shadow="md"
      trapFocus
      returnFocus
      width={340}
    >
      <Popover.Target>
        <Button
          size="compact-sm"
          variant="light"
          color="orange"
          leftSection={<IconMessageReport size={14} aria-hidden />}
          disabled={!staff}
          title={staff ? undefined : t('logistics.ticket.noStaff')}
          onClick={() => {
            setSubject(defaultSubject);
            setKey(newIdempotencyKey('shipment-ticket'));
            setOpened((o) => !o);
          }}
          data-testid="exception-open-ticket"
        >
          {t('logistics.ticket.open')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid="exception-ticket-confirm">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack gap="xs">
            <TextInput
              label={t('logistics.ticket.subjectLabel')}
              value={subject}
              maxLength={200}
              onChange={(event) => setSubject(event.currentTarget.value)}
              error={subject.trim() === '' ? t('logistics.ticket.subjectRequired') : undefined}
              data-testid="exception-ticket-subject"
              data-autofocus
            />
            <Text size="xs" c="dimmed">{t('logistics.ticket.explain')}</Text>
            <Group justify="flex-end" gap="xs">
              <Button variant="default" size="xs" onClick={() => setOpened(false)}>{t('logistics.ticket.cancel')}</Button>
              <Button type="submit" size="xs" loading={create.isPending} disabled={subject.trim() === ''} data-testid="exception-ticket-create">
                {t('logistics.ticket.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
