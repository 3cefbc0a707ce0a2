import { Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { OrderDetail } from '../../../../../shared/contract';
import type { ReturnPolicy } from '../../../../../shared/contract/returns';
import { useActingStaff } from '../../../app/actingStaff';
import { navigate } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { newIdempotencyKey, useCreateReturn } from '../api';
import { reasonText } from '../labels';
import { ReturnError } from '../ReturnError';
import { returnableByLine } from './returnable';

/** Which units come back, why, and whether the desk should follow it up as a ticket. */
export function ReturnRequestForm({ order, policy }: { order: OrderDetail; policy: ReturnPolicy }) {
  const { t, format, locale } = useI18n();
  const staff = useActingStaff();
  const create = useCreateReturn();
  const returnable = useMemo(() => returnableByLine(order), [order]);
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [openTicket, setOpenTicket] = useState(false);
  const [touched, setTouched] = useState(false);
  const [key] = useState(() => newIdempotencyKey('return-create'));

  const lines = order.lines.map((line) => ({ orderLineId: line.id, quantity: quantities[line.id] ?? 0 })).filter((l) => l.quantity > 0);
  const reasons = policy.reasons.filter((r) => r.active).map((r) => ({ value: r.code, label: reasonText(policy, r.code, locale) }));
  const nothingLeft = [...returnable.values()].every((left) => left === 0);
  const linesError = touched && lines.length === 0 ? t('returns.create.noLines') : null;
  const reasonError = touched && reason === null ? t('returns.create.noReason') : null;

  const submit = () => {
    setTouched(true);
    if (lines.length === 0 || reason === null || !staff) return;
    create.mutate(
      { orderId: order.id, staffId: staff.id, lines, reason, ...(note.trim() && { note: note.trim() }), openTicket, idempotencyKey: key },
      { onSuccess: (created) => navigate(`/returns/${created.id}`) },
    );
  };

  return (
    <Paper withBorder radius="md" p="md" maw={900}>
      <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
        <Stack gap="md">
          <Title order={2} fz="md" data-testid="return-form-order">
            {t('returns.create.forOrder', { number: order.orderNumber, customer: order.customer?.name ?? order.customer?.email ?? t('returns.guest') })}
          </Title>
          {nothingLeft && <Text c="orange" size="sm" data-testid="return-nothing-left">{t('returns.create.nothingLeft')}</Text>}
          <Table withRowBorders={false} striped data-testid="return-form-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('returns.line.item')}</Table.Th>
                <Table.Th ta="right">{t('returns.line.unitPrice')}</Table.Th>
                <Table.Th ta="right">{t('returns.create.canReturn')}</Table.Th>
                <Table.Th w={140}>{t('returns.line.quantity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {order.lines.map((line) => {
                const left = returnable.get(line.id) ?? 0;
                return (
                  <Table.Tr key={line.id} data-testid="return-form-line">
                    <Table.Td>{line.title}</Table.Td>
                    <Table.Td ta="right">{format.money(line.unitPriceMinor, order.currency)}</Table.Td>
                    <Table.Td ta="right">{t('returns.line.ofOrdered', { quantity: format.number(left), ordered: format.number(line.quantity) })}</Table.Td>
                    <Table.Td>
                      <NumberInput aria-label={t('returns.create.quantityFor', { item: line.title })} min={0} max={left} disabled={left === 0}
                        allowDecimal={false} allowNegative={false} clampBehavior="strict" value={quantities[line.id] ?? 0}
                        onChange={(value) => setQuantities({ ...quantities, [line.id]: typeof value === 'number' ? value : 0 })}
                        data-testid={`return-qty-${line.id}`} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {linesError && <Text c="red" size="sm">{linesError}</Text>}
          <Select label={t('returns.col.reason')} data={reasons} value={reason} onChange={setReason} error={reasonError}
            w={320} comboboxProps={{ withinPortal: false }} data-testid="return-reason-select" />
          <Textarea label={t('returns.detail.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
          <Checkbox label={t('returns.create.openTicket')} checked={openTicket} onChange={(e) => setOpenTicket(e.currentTarget.checked)} data-testid="return-open-ticket" />
          {!staff && <Text size="sm" c="red">{t('returns.noStaff')}</Text>}
          {create.isError && <ReturnError title={t('returns.create.failed')} error={create.error} testId="return-create-error" />}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} disabled={!staff || nothingLeft} data-testid="return-create-submit">
              {t('returns.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
