import { Autocomplete, Button, Checkbox, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { OrderDetail } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { useI18n } from '../../../i18n';
import { newIdempotencyKey, useCreateShipment } from '../api';
import { ActionError } from './ActionError';
import { escapeCloses } from './escapeCloses';

/** Carriers merchants use most (the ones Backroom builds tracking links for); any other name may be typed. */
const COMMON_CARRIERS = ['UPS', 'USPS', 'FedEx', 'DHL', 'Royal Mail', 'Canada Post', 'Purolator', 'Australia Post', 'NZ Post',
  'An Post', 'China Post', 'SF Express', 'YunExpress', '4PX'];

/** The same rules as the contract's schema, checked as the merchant types (the core checks again). */
const TRACKING_NUMBER = /^[\p{L}\p{N}][\p{L}\p{N} -]*$/u;

/**
 * "Add tracking": carrier, number, optional link, and which items the parcel
 * holds (everything not yet in a parcel, or chosen quantities). One request
 * key per opening of the form, so a double click or a retry after a lost
 * answer records one parcel.
 */
export function TrackingForm({ order, onDone }: { order: OrderDetail; onDone: () => void }) {
  const { t } = useI18n();
  const staff = useActingStaff();
  const create = useCreateShipment();
  const [carrier, setCarrier] = useState('');
  const [number, setNumber] = useState('');
  const [link, setLink] = useState('');
  const [allItems, setAllItems] = useState(true);
  const [quantities, setQuantities] = useState<Record<number, number>>(() =>
    Object.fromEntries(order.lines.map((line) => [line.id, line.quantity])));
  const [touched, setTouched] = useState(false);
  const [requestKey] = useState(() => newIdempotencyKey('shipment'));

  const trimmedNumber = number.trim();
  const carrierError = carrier.trim() === '' ? t('orders.tracking.carrierRequired') : null;
  const numberError = trimmedNumber === '' ? t('orders.tracking.numberRequired')
    : trimmedNumber.length > 60 || !TRACKING_NUMBER.test(trimmedNumber) ? t('orders.tracking.numberInvalid') : null;
  const linkError = link.trim() !== '' && !/^https:\/\/\S+\.\S+/i.test(link.trim()) ? t('orders.tracking.linkInvalid') : null;
  const chosen = order.lines.filter((line) => (quantities[line.id] ?? 0) > 0)
    .map((line) => ({ orderLineId: line.id, quantity: quantities[line.id]! }));
  const itemsError = !allItems && chosen.length === 0 ? t('orders.tracking.noItems') : null;

  const submit = () => {
    setTouched(true);
    if (carrierError || numberError || linkError || itemsError || !staff) return;
    create.mutate(
      { orderId: order.id, carrier: carrier.trim(), trackingNumber: trimmedNumber, ...(link.trim() && { trackingUrl: link.trim() }),
        ...(!allItems && { lines: chosen }), staffId: staff.id, requestKey },
      {
        onSuccess: (shipment) => {
          notifications.show({ color: 'teal', message: t('orders.tracking.saved', { number: shipment.trackingNumber ?? trimmedNumber }) });
          onDone();
        },
      },
    );
  };

  const onKeyDown = escapeCloses(onDone);

  return (
    <Paper withBorder radius="md" p="md" onKeyDown={onKeyDown} data-testid="tracking-form">
      <form onSubmit={(event) => { event.preventDefault(); submit(); }} noValidate>
        <Stack gap="sm">
          <Title order={3} fz="md">{t('orders.tracking.title', { number: order.orderNumber })}</Title>
          <Text size="sm" c="dimmed">{t('orders.tracking.explain')}</Text>
          <Autocomplete
            label={t('orders.tracking.carrier')}
            description={t('orders.tracking.carrierHint')}
            data={COMMON_CARRIERS}
            value={carrier}
            onChange={setCarrier}
            maxLength={60}
            error={touched ? carrierError : undefined}
            comboboxProps={{ withinPortal: false }}
            data-autofocus
            data-testid="tracking-carrier"
          />
          <TextInput
            label={t('orders.tracking.number')}
            value={number}
            onChange={(event) => setNumber(event.currentTarget.value)}
            maxLength={60}
            error={touched ? numberError : undefined}
            data-testid="tracking-number"
          />
          <TextInput
            label={t('orders.tracking.link')}
            description={t('orders.tracking.linkHint')}
            value={link}
            type="url"
            placeholder="https://"
            onChange={(event) => setLink(event.currentTarget.value)}
            error={touched ? linkError : undefined}
            data-testid="tracking-link"
          />
          <Checkbox
            label={t('orders.tracking.allItems')}
            checked={allItems}
            onChange={(event) => setAllItems(event.currentTarget.checked)}
            data-testid="tracking-all-items"
          />
          {!allItems && (
            <Stack gap={6} role="group" aria-label={t('orders.tracking.items')} data-testid="tracking-lines">
              {order.lines.map((line) => (
                <Group key={line.id} gap="sm" wrap="nowrap" justify="space-between">
                  <Text size="sm" style={{ flex: 1 }} truncate>{line.title}</Text>
                  <NumberInput
                    aria-label={t('orders.tracking.quantityOf', { title: line.title })}
                    value={quantities[line.id] ?? 0}
                    onChange={(value) => setQuantities((q) => ({ ...q, [line.id]: typeof value === 'number' ? value : 0 }))}
                    min={0}
                    max={line.quantity}
                    allowDecimal={false}
                    w={90}
                    data-testid="tracking-line-quantity"
                    data-line-id={line.id}
                  />
                  <Text size="xs" c="dimmed" w={60}>{t('orders.tracking.ofQuantity', { count: line.quantity })}</Text>
                </Group>
              ))}
              {touched && itemsError && <Text size="sm" c="red">{itemsError}</Text>}
            </Stack>
          )}
          {!staff && <Text size="sm" c="red">{t('orders.notes.noStaff')}</Text>}
          {create.isError && <ActionError title={t('orders.tracking.failed')} error={create.error} testId="tracking-error" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>{t('orders.tracking.cancel')}</Button>
            <Button type="submit" loading={create.isPending} disabled={!staff} data-testid="tracking-submit">
              {t('orders.tracking.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
