import { Anchor, Badge, Button, Center, Paper, Skeleton, Table, Text, Title } from '@mantine/core';
import type { LedgerEntryKind, LedgerEntryView } from '../../../../../shared/contract';
import { hrefFor } from '../../../app/router';
import { QueryError } from '../../../components/QueryError';
import { useI18n, type MessageKey } from '../../../i18n';
import { useAppInfo } from '../../settings/api';
import { usePointsHistory } from '../api';

const KIND_LABELS: Record<LedgerEntryKind, MessageKey> = {
  earn: 'loyalty.entry.earn',
  bonus: 'loyalty.entry.bonus',
  redeem: 'loyalty.entry.redeem',
  expire: 'loyalty.entry.expire',
  adjust: 'loyalty.entry.adjust',
  reverse: 'loyalty.entry.reverse',
};
const KIND_COLORS: Record<LedgerEntryKind, string> = {
  earn: 'teal',
  bonus: 'grape',
  redeem: 'blue',
  expire: 'gray',
  adjust: 'yellow',
  reverse: 'red',
};

/** The ledger, newest first, with the balance after each entry; older pages on request. */
export function HistoryTable({ customerId }: { customerId: number }) {
  const { t } = useI18n();
  const history = usePointsHistory(customerId);
  const entries = history.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <Paper withBorder p="md" radius="md" data-testid="points-history">
      <Title order={2} fz="md" fw={600} mb="md">
        {t('loyalty.history.title')}
      </Title>
      {history.isPending && <Skeleton height={200} />}
      {history.isError && <QueryError error={history.error} onRetry={() => void history.refetch()} />}
      {history.isSuccess && entries.length === 0 && (
        <Text size="sm" c="dimmed">{t('loyalty.history.empty')}</Text>
      )}
      {entries.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6} striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('loyalty.history.date')}</Table.Th>
                <Table.Th>{t('loyalty.history.kind')}</Table.Th>
                <Table.Th>{t('loyalty.history.details')}</Table.Th>
                <Table.Th ta="right">{t('loyalty.history.points')}</Table.Th>
                <Table.Th ta="right">{t('loyalty.history.balanceAfter')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <HistoryRow key={entry.id} entry={entry} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {history.hasNextPage && (
        <Center mt="sm">
          <Button variant="default" size="xs" loading={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
            {t('loyalty.history.more')}
          </Button>
        </Center>
      )}
    </Paper>
  );
}

function HistoryRow({ entry }: { entry: LedgerEntryView }) {
  const { t, format } = useI18n();
  const staff = useAppInfo().data?.staff ?? [];
  const staffName = entry.staffId === null ? null : (staff.find((s) => s.id === entry.staffId)?.name ?? `#${entry.staffId}`);
  const pending = entry.points > 0 && entry.availableAt > new Date().toISOString();
  return (
    <Table.Tr data-testid="points-history-row" data-entry-id={entry.id}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(entry.createdAt)}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={KIND_COLORS[entry.type]} size="sm">
          {t(KIND_LABELS[entry.type])}
        </Badge>
        {pending && (
          <Badge variant="outline" color="gray" size="sm" ml={6}>
            {t('loyalty.history.pendingUntil', { date: format.date(entry.availableAt) })}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {entry.orderId !== null && (
          <Anchor href={hrefFor(`/orders/${entry.orderId}`)} size="sm">
            {t('loyalty.history.order', { id: entry.orderId })}
          </Anchor>
        )}
        {entry.reason && <Text size="sm">{entry.reason}</Text>}
        {staffName && (
          <Text size="xs" c="dimmed">
            {t('loyalty.history.by', { name: staffName })}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }} c={entry.points > 0 ? 'teal' : 'red'} fw={600}>
        {entry.points > 0 ? '+' : '−'}
        {format.number(Math.abs(entry.points))}
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="points-history-balance">
        {format.number(entry.balanceAfter)}
        {entry.debtAfter > 0 && (
          <Text size="xs" c="orange">
            {t('loyalty.history.debtAfter', { points: format.number(entry.debtAfter) })}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
