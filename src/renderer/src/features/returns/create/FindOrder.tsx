import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { navigate } from '../../../app/router';
import type { OrderRow } from '../../../../../shared/contract';
import { useFormat, useT } from '../../../i18n';
import { findOrdersByNumber } from '../api';
import { ReturnError } from '../ReturnError';

/** Step one of a new return: the order, by the number on the customer's receipt. */
export function FindOrder() {
  const t = useT();
  const [number, setNumber] = useState('');
  const [searching, setSearching] = useState(false);
  const [notFound, setNotFound] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [choices, setChoices] = useState<OrderRow[]>([]);
  const format = useFormat();

  const find = async () => {
    if (number.trim() === '') return;
    setSearching(true);
    setNotFound(false);
    setError(null);
    setChoices([]);
    try {
      const orders = await findOrdersByNumber(number);
      if (orders.length === 1) navigate(`/returns/new/${orders[0]!.id}`);
      else if (orders.length === 0) setNotFound(true);
      else setChoices(orders);
    } catch (caught) {
      setError(caught);
    } finally {
      setSearching(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="md" maw={560}>
      <form onSubmit={(e) => { e.preventDefault(); void find(); }}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{t('returns.create.findExplain')}</Text>
          <Group align="flex-end" gap="sm">
            <TextInput label={t('returns.create.orderNumber')} placeholder="#1234" value={number} autoFocus
              onChange={(e) => setNumber(e.currentTarget.value)} w={240} data-testid="return-order-number"
              error={notFound ? t('returns.create.notFound', { number: number.trim() }) : undefined} />
            <Button type="submit" leftSection={<IconSearch size={16} />} loading={searching} data-testid="return-order-find">
              {t('returns.create.find')}
            </Button>
          </Group>
          {choices.length > 1 && (
            <Stack gap={6} data-testid="return-order-choices">
              <Text size="sm">{t('returns.create.severalOrders', { number: number.trim(), count: choices.length })}</Text>
              {choices.map((order) => (
                <Button key={order.id} variant="default" justify="space-between" onClick={() => navigate(`/returns/new/${order.id}`)}
                  data-testid={`return-order-choice-${order.id}`}>
                  {[order.orderNumber, format.date(order.placedAt.slice(0, 10)), order.customer?.name ?? order.customer?.email ?? t('returns.create.guest'),
                    format.money(order.totalMinor, order.currency)].join(' · ')}
                </Button>
              ))}
            </Stack>
          )}
          {error !== null && <ReturnError title={t('returns.create.findFailed')} error={error} testId="return-find-error" />}
        </Stack>
      </form>
    </Paper>
  );
}
