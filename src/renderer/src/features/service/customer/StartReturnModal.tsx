import { Alert, Button, Group, Loader, Modal, NumberInput, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import type { CustomerProfile } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { useI18n } from '../../../i18n';
import { refusalSentence } from '../../loyalty/issues';
import { newIdempotencyKey } from '../api';
import { useCreateReturn, useOrderDetail, useReturnPolicy } from './api';

/** A return request for some lines of one order, with a reason from the return policy (returns.create). */
export function StartReturnModal({ customer, defaultOrderId, opened, onClose }: { customer: CustomerProfile; defaultOrderId: number | null; opened: boolean; onClose: () => void }) {
  const { t, format, locale } = useI18n();
  const staff = useActingStaff();
  const [orderId, setOrderId] = useState<number | null>(defaultOrderId ?? customer.recentOrders[0]?.id ?? null);
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const order = useOrderDetail(opened ? orderId : null);
  const policy = useReturnPolicy(opened);
  const create = useCreateReturn();
  const key = useRef(newIdempotencyKey('return'));

  useEffect(() => setQuantities({}), [orderId]);

  const close = () => {
    create.reset();
    setQuantities({});
    setReason(null);
    setNote('');
    setProblem(null);
    key.current = newIdempotencyKey('return');
    onClose();
  };

  const lines = Object.entries(quantities).filter(([, q]) => q > 0).map(([id, quantity]) => ({ orderLineId: Number(id), quantity }));
  const submit = () => {
    if (!staff || orderId === null) return;
    if (lines.length === 0) return setProblem(t('service.return.noLines'));
    if (!reason) return setProblem(t('service.return.noReason'));
    setProblem(null);
    create.mutate(
      { orderId, staffId: staff.id, lines, reason, ...(note.trim() && { note: note.trim() }), idempotencyKey: key.current },
      {
        onSuccess: (created) => {
          notifications.show({ color: 'teal', message: t('service.return.done', { rma: created.rmaNumber }) });
          close();
        },
      },
    );
  };

  const reasons = (policy.data?.reasons ?? []).filter((r) => r.active).map((r) => ({ value: r.code, label: locale === 'zh-CN' ? r.zh : r.en }));
  return (
    <Modal opened={opened} onClose={close} title={t('service.return.title')} size="lg" data-testid="start-return-modal">
      <Stack gap="sm">
        <Select
          label={t('service.return.order')}
          data={customer.recentOrders.map((o) => ({ value: String(o.id), label: `${o.orderNumber} · ${format.date(o.placedAt)} · ${format.money(o.totalMinor, o.currency)}` }))}
          value={orderId === null ? null : String(orderId)}
          allowDeselect={false}
          onChange={(v) => setOrderId(v === null ? null : Number(v))}
          data-testid="return-order"
        />
        {order.isPending && orderId !== null ? (
          <Loader size="sm" />
        ) : (
          <Table verticalSpacing={4} data-testid="return-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('service.return.item')}</Table.Th>
                <Table.Th ta="right">{t('service.return.ordered')}</Table.Th>
                <Table.Th w={120}>{t('service.return.quantity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(order.data?.lines ?? []).map((line) => (
                <Table.Tr key={line.id}>
                  <Table.Td><Text size="sm">{line.title}</Text></Table.Td>
                  <Table.Td ta="right"><Text size="sm">{line.quantity}</Text></Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      min={0}
                      max={line.quantity}
                      allowDecimal={false}
                      aria-label={t('service.return.quantityOf', { item: line.title })}
                      value={quantities[line.id] ?? 0}
                      onChange={(v) => setQuantities({ ...quantities, [line.id]: typeof v === 'number' ? Math.min(Math.max(v, 0), line.quantity) : 0 })}
                      data-testid="return-line-quantity"
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Select label={t('service.return.reason')} withAsterisk data={reasons} value={reason} onChange={setReason} placeholder={policy.isPending ? t('service.loading') : t('service.return.reasonPlaceholder')} data-testid="return-reason" />
        <Textarea label={t('service.return.note')} autosize minRows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {problem && <Alert color="orange" variant="light">{problem}</Alert>}
        {create.isError && <Alert color="red" variant="light" role="alert" data-testid="return-error">{refusalSentence(t, create.error)}</Alert>}
        {!staff && <Alert color="orange">{t('service.noStaff')}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>{t('service.cancel')}</Button>
          <Button onClick={submit} loading={create.isPending} disabled={!staff || orderId === null} data-testid="return-submit">{t('service.return.submit')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
