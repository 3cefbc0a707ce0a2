import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { navigate } from '../../../app/router';
import { useT } from '../../../i18n';
import { findOrderByNumber } from '../api';
import { ReturnError } from '../ReturnError';

/** Step one of a new return: the order, by the number on the customer's receipt. */
export function FindOrder() {
  const t = useT();
  const [number, setNumber] = useState('');
  const [searching, setSearching] = useState(false);
  const [notFound, setNotFound] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const find = async () => {
    if (number.trim() === '') return;
    setSearching(true);
    setNotFound(false);
    setError(null);
    try {
      const order = await findOrderByNumber(number);
      if (order) navigate(`/returns/new/${order.id}`);
      else setNotFound(true);
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
          {error !== null && <ReturnError title={t('returns.create.findFailed')} error={error} testId="return-find-error" />}
        </Stack>
      </form>
    </Paper>
  );
}
