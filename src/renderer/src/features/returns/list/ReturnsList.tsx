import { Button, Stack, Text } from '@mantine/core';
import { useDebouncedValue, useSessionStorage } from '@mantine/hooks';
import { useMemo } from 'react';
import type { ReturnRow } from '../../../../../shared/contract/returns';
import { hrefFor, navigate } from '../../../app/router';
import { QueryError } from '../../../components/QueryError';
import { useKeysetPages, VirtualTable, type TableColumn } from '../../../components/table';
import { useI18n } from '../../../i18n';
import { useReturnPolicy } from '../api';
import { FlagBadges, StatusBadge } from '../Badges';
import { reasonText } from '../labels';
import { EMPTY_FILTER, ReturnsFilters, type ReturnsFilter } from './ReturnsFilters';

const PAGE_SIZE = 100;

/** Every return, newest request first, with filters kept for the browser tab. */
export function ReturnsList() {
  const { t, format, locale } = useI18n();
  const policy = useReturnPolicy().data;
  const [filter, setFilter] = useSessionStorage<ReturnsFilter>({ key: 'backroom.returns.filter', defaultValue: EMPTY_FILTER });
  const [search] = useDebouncedValue(filter.search.trim(), 250);
  const filtered = filter.status.length > 0 || filter.flagged !== 'all' || search !== '';
  const pages = useKeysetPages('returns.list', {
    limit: PAGE_SIZE,
    ...(filter.status.length > 0 && { status: filter.status }),
    ...(filter.flagged !== 'all' && { flagged: filter.flagged === 'flagged' }),
    ...(search !== '' && { search }),
  });

  const columns = useMemo<TableColumn<ReturnRow>[]>(() => [
    { id: 'rma', header: t('returns.col.rma'), width: 120, render: (r) => <Text fw={600} size="sm">{r.rmaNumber}</Text> },
    { id: 'requested', header: t('returns.col.requested'), width: 120, render: (r) => format.date(r.requestedAt) },
    { id: 'order', header: t('returns.col.order'), width: 90, render: (r) => r.order.orderNumber },
    {
      id: 'customer', header: t('returns.col.customer'), width: 170,
      render: (r) => r.customer ? (r.customer.name ?? r.customer.email ?? `#${r.customer.id}`)
        : <Text span size="sm" c="dimmed">{t('returns.guest')}</Text>,
    },
    { id: 'reason', header: t('returns.col.reason'), width: 200, render: (r) => reasonText(policy, r.reason, locale) },
    { id: 'status', header: t('returns.col.status'), width: 120, render: (r) => <StatusBadge status={r.status} /> },
    { id: 'flags', header: t('returns.col.flags'), width: 240, render: (r) => <FlagBadges flags={r.policyFlags} /> },
    {
      id: 'amount', header: t('returns.col.amount'), width: 110, align: 'right',
      render: (r) => r.refundMinor === null ? <Text span size="sm" c="dimmed">—</Text> : format.money(r.refundMinor, r.currency),
    },
  ], [t, format, locale, policy]);

  const empty = filtered ? (
    <Stack align="center" gap="xs" py="xl" data-testid="returns-empty">
      <Text>{t('returns.empty.filtered')}</Text>
      <Button variant="light" onClick={() => setFilter(EMPTY_FILTER)}>{t('returns.filter.clear')}</Button>
    </Stack>
  ) : (
    <Stack align="center" gap="xs" py="xl" data-testid="returns-empty">
      <Text>{t('returns.empty.none')}</Text>
      <Button component="a" href={hrefFor('/returns/new')} variant="light">{t('returns.new')}</Button>
    </Stack>
  );

  return (
    <Stack gap="md">
      <ReturnsFilters filter={filter} onChange={setFilter} />
      {pages.isError ? (
        <QueryError error={pages.error} onRetry={pages.refetch} />
      ) : (
        <div style={{ opacity: pages.stale ? 0.6 : 1, transition: 'opacity 120ms' }}>
          <VirtualTable
            columns={columns}
            rows={pages.rows}
            rowKey={(r) => r.id}
            height="calc(100vh - 330px)"
            hasMore={pages.hasMore}
            loadingMore={pages.loadingMore}
            onLoadMore={pages.loadMore}
            onRowOpen={(r) => navigate(`/returns/${r.id}`)}
            loading={pages.loading}
            empty={empty}
            aria-label={t('returns.tableLabel')}
            testId="returns-table"
          />
        </div>
      )}
    </Stack>
  );
}
