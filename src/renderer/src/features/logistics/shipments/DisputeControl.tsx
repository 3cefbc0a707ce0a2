import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ShipmentDetail } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { refusalSentence } from '../../../components/fieldIssues';
import { useI18n } from '../../../i18n';
import { useDisputeShipment } from '../api';
import { DrawerSection } from './DrawerSection';

/**
 * "Delivered, but the customer says it never came": marks the shipment
 * disputed (it joins the exceptions queue) with a note, or resolves it.
 * Only a delivered parcel can be disputed.
 */
export function DisputeControl({ shipment }: { shipment: ShipmentDetail }) {
  const { t, format } = useI18n();
  const staff = useActingStaff();
  const dispute = useDisputeShipment();
  const [note, setNote] = useState('');
  const disputed = shipment.disputedAt !== null;
  if (!disputed && shipment.status !== 'Delivered') return null;
  const submit = () => {
    if (!staff) return;
    dispute.mutate(
      { id: shipment.id, disputed: !disputed, staffId: staff.id, ...(note.trim() && { note: note.trim() }) },
      {
        onSuccess: () => {
          setNote('');
          notifications.show({ color: 'teal', message: t(disputed ? 'logistics.dispute.resolved' : 'logistics.dispute.marked') });
        },
        onError: (error) => notifications.show({ color: 'red', title: t('logistics.dispute.failed'), message: refusalSentence(t, error) }),
      },
    );
  };
  return (
    <DrawerSection title={t('logistics.dispute.title')}>
      <Stack gap="xs" data-testid="shipment-dispute" data-disputed={disputed}>
        <Text size="sm" c="dimmed">
          {disputed && shipment.disputedAt
            ? t('logistics.dispute.since', { date: format.date(shipment.disputedAt) })
            : t('logistics.dispute.explain')}
        </Text>
        <Textarea
          aria-label={t('logistics.dispute.note')}
          placeholder={t('logistics.dispute.notePlaceholder')}
          autosize
          minRows={2}
          maxLength={1000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <Group>
          <Button
            size="xs"
            variant={disputed ? 'default' : 'light'}
            color={disputed ? undefined : 'grape'}
            onClick={submit}
            loading={dispute.isPending}
            disabled={!staff}
            data-testid="shipment-dispute-toggle"
          >
            {t(disputed ? 'logistics.dispute.resolve' : 'logistics.dispute.mark')}
          </Button>
        </Group>
      </Stack>
    </DrawerSection>
  );
}
