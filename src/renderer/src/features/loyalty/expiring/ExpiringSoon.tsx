import { Anchor, Button, Center, Group, Paper, SegmentedControl, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useSessionStorage } from '@mantine/hooks';
import { EXPIRING_WINDOWS } from '../../../../../shared/contract';
import { hrefFor } from '../../../app/router';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { useExpiring, type ExpiringWindow } from '../api';

/** Customers whose points expire within 30, 60 or 90 days: the people to remind first. */
export function ExpiringSoon() {
  const { t, format } = useI18n();
  const [days, setDays] = useSessionStorage<ExpiringWindow>({ key: 'backroom.loyalty.expiringDays', defaultValue: 30 });
  const expiring = useExpiring(days);
  const customers = expiring.data?.pages.flatMap((page) => page.customers) ?? [];
  return (
    <Paper withBorder p="md" radius="md" data-testid="expiring-soon">
      <Group justify="space-between" mb="md" gap="sm">
        <Text size="sm" c="dimmed" maw={560}>
          {t('loyalty.expiring.intro')}
        </Text>
        <SegmentedControl
          aria-label={t('loyalty.expiring.window')}
          data-testid="expiring-window"
          value={String(days)}
          onChange={(value) => setDays(Number(value) as ExpiringWindow)}
          data={EXPIRING_WINDOWS.map((d) => ({ value: String(d), label: t('loyalty.expiring.within', { days: d }) }))}
        />
      </Group>
      {expiring.isPending && <Skeleton height={240} data-testid="expiring-loading" />}
      {expiring.isError && <QueryError error={expiring.error} onRetry={() => void expiring.refetch()} />}
      {expiring.isSuccess && customers.length === 0 && (
        <Stack align="center" gap="xs" py="xl" data-testid="expiring-empty">
          <Text c="dimmed" size="sm">
            {t('loyalty.expiring.empty', { days })}
          </Text>
          {days < 90 && (
            <Button variant="subtle" size="xs" onClick={() => setDays(90)}>
              {t('loyalty.expiring.tryLonger')}
            </Button>
          )}
        </Stack>
      )}
      {customers.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table
            verticalSpacing={6}
            striped
            highlightOnHover
            style={{ opacity: expiring.isPlaceholderData ? 0.6 : 1 }}
            data-testid="expiring-table"
            data-days={expiring.data?.pages[0]?.days}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('loyalty.expiring.customer')}</Table.Th>
                <Table.Th>{t('loyalty.expiring.email')}</Table.Th>
                <Table.Th ta="right">{t('loyalty.expiring.points')}</Table.Th>
                <Table.Th>{t('loyalty.expiring.firstExpiry')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {customers.map((c) => (
                <Table.Tr key={c.customerId} data-testid="expiring-row" data-customer-id={c.customerId}>
                  <Table.Td>
                    <Anchor href={hrefFor(`/customers/${c.customerId}`)} size="sm">
                      {c.name ?? t('loyalty.expiring.unnamed', { id: c.customerId })}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">{c.email ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="expiring-points">
                    {format.number(c.points)}
                  </Table.Td>
                  <Table.Td>{format.date(c.firstExpiry)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {expiring.hasNextPage && (
        <Center mt="sm">
          <Button variant="default" size="xs" loading={expiring.isFetchingNextPage} onClick={() => void expiring.fetchNextPage()}>
            {t('loyalty.expiring.more')}
          </Button>
        </Center>
      )}
    </Paper>
  );
}
