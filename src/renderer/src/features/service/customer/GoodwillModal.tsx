import { Alert, Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useActingStaff } from '../../../app/actingStaff';
import { useI18n } from '../../../i18n';
import { refusalSentence } from '../../loyalty/issues';
import { newIdempotencyKey } from '../api';
import { useGoodwillPoints } from './api';

/** Goodwill points for a customer with a problem: a positive adjustment with a reason (loyalty.adjust), like the loyalty panel's. */
export function GoodwillModal({ customerId, ticketId, opened, onClose }: { customerId: number; ticketId: number; opened: boolean; onClose: () => void }) {
  const { t, format } = useI18n();
  const staff = useActingStaff();
  const adjust = useGoodwillPoints();
  const [points, setPoints] = useState<number | string>('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey('goodwill'));

  const close = () => {
    adjust.reset();
    setPoints('');
    setReason('');
    setProblem(null);
    key.current = newIdempotencyKey('goodwill');
    onClose();
  };

  const submit = () => {
    if (!staff) return;
    if (typeof points !== 'number' || !Number.isInteger(points) || points <= 0) return setProblem(t('service.goodwill.pointsPositive'));
    if (!reason.trim()) return setProblem(t('service.goodwill.reasonRequired'));
    setProblem(null);
    adjust.mutate(
      { customerId, points, reason: t('service.goodwill.reasonPrefix', { id: ticketId, reason: reason.trim() }), staffId: staff.id, idempotencyKey: key.current },
      {
        onSuccess: (result) => {
          notifications.show({ color: 'teal', message: t('service.goodwill.done', { points: format.number(points), balance: format.number(result.balance.approved) }) });
          close();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={t('service.goodwill.title')} data-testid="goodwill-modal">
      <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
        <Stack gap="sm">
          <NumberInput label={t('service.goodwill.points')} min={1} allowDecimal={false} value={points} onChange={setPoints} data-autofocus withAsterisk data-testid="goodwill-points" />
          <Textarea label={t('service.goodwill.reason')} description={t('service.goodwill.reasonHint')} withAsterisk autosize minRows={2} maxLength={400} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="goodwill-reason" />
          {problem && <Alert color="orange" variant="light">{problem}</Alert>}
          {adjust.isError && <Alert color="red" variant="light" role="alert">{refusalSentence(t, adjust.error)}</Alert>}
          {staff ? <Text size="xs" c="dimmed">{t('service.actingAs', { name: staff.name })}</Text> : <Alert color="orange">{t('service.noStaff')}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('service.cancel')}</Button>
            <Button type="submit" loading={adjust.isPending} disabled={!staff} data-testid="goodwill-submit">{t('service.goodwill.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
