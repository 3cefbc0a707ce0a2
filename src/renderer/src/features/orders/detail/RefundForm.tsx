import { Button, Group, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { MAX_ORDER_NOTE, type OrderDetail } from '../../../../../shared/contract';
import { minorUnitDigits, parseMajorToMinor } from '../../../../../shared/money';
import { useActingStaff } from '../../../app/actingStaff';
import { useI18n } from '../../../i18n';
import { newIdempotencyKey, useRefundOrder } from '../api';
import { ActionError } from './ActionError';
import { escapeCloses } from './escapeCloses';

const REASONS = ['customer_request', 'damaged', 'not_received', 'wrong_item', 'other'] as const;

export const refundableOf = (order: OrderDetail): number => Math.max(0, order.totalMinor - order.refundedMinor);

/** A minor amount as the merchant would type it: "12.30", "1500" for JPY. */
const asTyped = (minor: number, currency: string): string => {
  const digits = minorUnitDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
};

/**
 * The local refund: amount (defaulting to what is left), reason, note. One
 * idempotency key per opening of the form, so a double click or a retry
 * after a lost answer refunds once.
 */
export function RefundForm({ order, onDone }: { order: OrderDetail; onDone: () => void }) {
  const { t, format } = useI18n();
  const staff = useActingStaff();
  const refund = useRefundOrder();
  const refundable = refundableOf(order);
  const [amountText, setAmountText] = useState(asTyped(refundable, order.currency));
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const [key] = useState(() => newIdempotencyKey('order-refund'));

  const amount = parseMajorToMinor(amountText, order.currency);
  const money = (minor: number) => format.money(minor, order.currency);
  const amountError =
    amount === null || amount < 0
      ? t('orders.refund.amountInvalid')
      : amount === 0
        ? t('orders.refund.amountZero')
        : amount > refundable
          ? t('orders.refund.amountTooHigh', { amount: money(refundable) })
          : null;

  const submit = () => {
    setTouched(true);
    if (amountError || amount === null || !staff) return;
    const reversedBefore = order.pointsSummary.reversed;
    refund.mutate(
      { id: order.id, amountMinor: amount, ...(reason && { reason }), ...(note.trim() && { note }), staffId: staff.id, idempotencyKey: key },
      {
        onSuccess: (updated) => {
          const points = updated.pointsSummary.reversed - reversedBefore;
          const queuedFor = updated.delivery.queuedFor;
          notifications.show({
            color: 'teal',
            title: t('orders.refund.done', { amount: money(amount) }),
            message: (
              <>
                <div>{points > 0 ? t('orders.refund.pointsReversed', { points: format.number(points) }) : t('orders.refund.noPoints')}</div>
                <div>{queuedFor ? t('orders.refund.queued', { store: queuedFor }) : t('orders.refund.local')}</div>
              </>
            ),
            // Tests and screen readers find the figures without parsing the sentences.
            'data-testid': 'refund-notification',
            'data-points': points,
            'data-queued-for': queuedFor ?? '',
          } as Parameters<typeof notifications.show>[0]);
          onDone();
        },
      },
    );
  };

  const onKeyDown = escapeCloses(onDone);

  return (
    <Paper withBorder radius="md" p="md" onKeyDown={onKeyDown} data-testid="refund-form">
      <form onSubmit={(event) => { event.preventDefault(); submit(); }} noValidate>
        <Stack gap="sm">
          <Title order={3} fz="md">
            {t('orders.refund.title', { number: order.orderNumber })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('orders.refund.explain')}
          </Text>
          <TextInput
            label={t('orders.refund.amount')}
            description={t('orders.refund.amountHint', { amount: money(refundable) })}
            value={amountText}
            inputMode="decimal"
            onChange={(event) => setAmountText(event.currentTarget.value)}
            onBlur={() => setTouched(true)}
            error={touched ? amountError : undefined}
            rightSection={<Text size="xs" c="dimmed">{order.currency}</Text>}
            rightSectionWidth={48}
            data-autofocus
            data-testid="refund-amount"
          />
          <Select
            label={t('orders.refund.reason')}
            data={REASONS.map((code) => ({ value: code, label: t(`orders.refund.reason.${code}`) }))}
            value={reason}
            onChange={setReason}
            clearable
            comboboxProps={{ withinPortal: false }}
            data-testid="refund-reason"
          />
          <Textarea
            label={t('orders.refund.note')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            maxLength={MAX_ORDER_NOTE}
            autosize
            minRows={2}
            data-testid="refund-note"
          />
          {!staff && <Text size="sm" c="red">{t('orders.notes.noStaff')}</Text>}
          {refund.isError && <ActionError title={t('orders.refund.failed')} error={refund.error} testId="refund-error" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('orders.refund.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={refund.isPending} disabled={!staff} data-testid="refund-submit">
              {t('orders.refund.submit', { amount: amount !== null && !amountError ? money(amount) : '' }).trim()}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
