import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import type { TicketDetail } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { navigate } from '../../../app/router';
import { useT } from '../../../i18n';
import { refusalSentence } from '../../loyalty/issues';
import { newIdempotencyKey, useMergeTicket } from '../api';
import { useCustomerTickets } from '../customer/api';
import { statusLabel } from '../labels';
import { ticketPath } from '../routes';

/** Merges this ticket into another open ticket of the same customer; every message moves with it. */
export function MergeModal({ ticket, customerId, opened, onClose }: { ticket: TicketDetail; customerId: number; opened: boolean; onClose: () => void }) {
  const t = useT();
  const staff = useActingStaff();
  const merge = useMergeTicket();
  const others = (useCustomerTickets(customerId).data?.rows ?? []).filter((row) => row.id !== ticket.id);
  const [target, setTarget] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey('merge'));
  const close = () => {
    merge.reset();
    setTarget(null);
    onClose();
  };
  const submit = () => {
    if (!staff || target === null) return;
    merge.mutate(
      { sourceId: ticket.id, targetId: Number(target), staffId: staff.id, idempotencyKey: key.current },
      { onSuccess: (merged) => { close(); navigate(ticketPath(merged.id)); } },
    );
  };
  return (
    <Modal opened={opened} onClose={close} title={t('service.merge.title', { id: ticket.id })} data-testid="merge-modal">
      <Stack gap="sm">
        <Text size="sm">{t('service.merge.body')}</Text>
        {others.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="merge-none">{t('service.merge.none')}</Text>
        ) : (
          <Radio.Group value={target} onChange={setTarget} label={t('service.merge.into')}>
            <Stack gap={6} mt={6}>
              {others.map((row) => (
                <Radio key={row.id} value={String(row.id)} label={`#${row.id} · ${row.subject} · ${statusLabel(t, row.status)}`} data-testid="merge-target" />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {merge.isError && <Alert color="red" variant="light" role="alert">{refusalSentence(t, merge.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>{t('service.cancel')}</Button>
          <Button onClick={submit} disabled={target === null || !staff} loading={merge.isPending} data-testid="merge-submit">{t('service.merge.submit')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
