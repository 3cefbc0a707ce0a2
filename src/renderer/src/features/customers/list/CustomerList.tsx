import { Badge, Stack, Text } from '@mantine/core';
import { useDebouncedValue, useSessionStorage } from '@mantine/hooks';
import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import type { CustomerFilter, CustomerPage, CustomerRow, CustomerSortKey } from '../../../../../shared/contract';
import { navigate } from '../../../app/router';
import { QueryError } from '../../../components/QueryError';
import { useKeysetPages, VirtualTable, type TableColumn, type TableSort } from '../../../components/table';
import { useI18n } from '../../../i18n';
import { displayName } from '../format';
import { pathForCustomer } from '../routes';
import { SEGMENT_COLOR, SEGMENT_LABEL } from '../labels';
import { CustomerFilters, FILTERS_STORAGE_KEY, hasFilters, NO_FILTERS, type CustomerFilterState } from './CustomerFilters';

const DEFAULT_SORT: TableSort = { by: 'lastOrderAt', direction: 'desc' };
const SEARCH_DEBOUNCE_MS = 250;

/** What the core is asked for: trimmed text, and nothing for a filter left at "any". */
function toFilter(f: CustomerFilterState): CustomerFilter | undefined {
  const filter: CustomerFilter = {
    ...(f.search.trim() && { search: f.search.trim() }),
    ...(f.segments.length > 0 && { segments: f.segments }),
    ...(f.storeId !== null && { storeId: f.storeId }),
    ...(f.consent !== 'any' && { marketingConsent: f.consent === 'yes' }),
    ...(f.tag.trim() && { tag: f.tag.trim() }),
  };
  return Object.keys(filter).length > 0 ? filter : undefined;
}

export function CustomerList() {
  const { t, format } = useI18n();
  // Kept for the session, so coming back from a profile finds the list as it was left.
  const [filters, setFilters] = useSessionStorage<CustomerFilterState>({
    key: FILTERS_STORAGE_KEY,
    defaultValue: NO_FILTERS,
    // Read on the first render, so the list never asks for (and flashes) everyone before the kept filter.
    getInitialValueInEffect: false,
  });
  const [sort, setSort] = useSessionStorage<TableSort>({
    key: 'backroom.customers.sort',
    defaultValue: DEFAULT_SORT,
    getInitialValueInEffect: false,
  });
  const [debounced] = useDebouncedValue(filters, SEARCH_DEBOUNCE_MS);
  const filter = useMemo(() => toFilter(debounced), [debounced]);
  const input = {
    ...(filter && { filter }),
    sort: { by: sort.by as CustomerSortKey, direction: sort.direction },
    limit: 100,
  };
  const pages = useKeysetPages('customers.list', input);
  // The list re-renders whenever its pages change, so reading the first page here stays current.
  const firstPage = useQueryClient().getQueryData<InfiniteData<CustomerPage>>([
    'customers',
    'customers.list',
    'pages',
    input,
  ])?.pages[0];
  const computedAt = firstPage?.figuresComputedAt;

  const unnamed = t('customers.unnamed');
  const columns: TableColumn<CustomerRow>[] = [
    {
      id: 'name',
      header: t('customers.col.name'),
      width: 160,
      sortKey: 'name',
      render: (row) => (
        <Text size="sm" fw={500} truncate="end" data-testid="customer-name">
          {displayName(row, unnamed)}
        </Text>
      ),
    },
    {
      id: 'email',
      header: t('customers.col.email'),
      width: 190,
      // Long addresses are cut to fit: the whole one shows on hover.
      render: (row) => <Cell title={row.email ?? undefined}>{row.email}</Cell>,
    },
    { id: 'phone', header: t('customers.col.phone'), width: 142, render: (row) => <Cell>{row.phone}</Cell> },
    {
      id: 'segment',
      header: t('customers.col.segment'),
      width: 160,
      render: (row) =>
        row.segment ? (
          <Badge variant="light" color={SEGMENT_COLOR[row.segment]} size="sm" tt="none" data-segment={row.segment}>
            {t(SEGMENT_LABEL[row.segment])}
          </Badge>
        ) : (
          <Text size="xs" c="dimmed">{t('customers.segment.none')}</Text>
        ),
    },
    {
      id: 'orders',
      header: t('customers.col.orders'),
      width: 84,
      align: 'right',
      sortKey: 'orders',
      render: (row) => <Cell numeric>{format.number(row.ordersCount)}</Cell>,
    },
    {
      id: 'spend',
      header: t('customers.col.spend'),
      width: 144,
      align: 'right',
      sortKey: 'spend',
      render: (row) => <Cell numeric>{format.money(row.spendMinor, row.currency)}</Cell>,
    },
    {
      id: 'lastOrder',
      header: t('customers.col.lastOrder'),
      width: 136,
      align: 'right',
      sortKey: 'lastOrderAt',
      render: (row) => <Cell numeric>{row.lastOrderAt ? format.date(row.lastOrderAt) : '—'}</Cell>,
    },
    {
      id: 'points',
      header: t('customers.col.points'),
      width: 80,
      align: 'right',
      render: (row) => <Cell numeric>{format.number(row.pointsNet)}</Cell>,
    },
  ];

  return (
    <Stack gap={0}>
      <CustomerFilters value={filters} onChange={setFilters} />
      {pages.isError ? (
        <QueryError error={pages.error} onRetry={pages.refetch} />
      ) : (
        <div style={{ opacity: pages.stale ? 0.6 : 1, transition: 'opacity 150ms' }} data-stale={pages.stale}>
          <VirtualTable
            columns={columns}
            rows={pages.rows}
            rowKey={(row) => row.id}
            height="max(320px, calc(100vh - 330px))"
            hasMore={pages.hasMore}
            loadingMore={pages.loadingMore}
            onLoadMore={pages.loadMore}
            onRowOpen={(row) => navigate(pathForCustomer(row.id))}
            sort={sort}
            onSortChange={setSort}
            loading={pages.loading}
            empty={<EmptyList filtered={hasFilters(filters)} />}
            aria-label={t('customers.table.label')}
            testId="customers-table"
          />
        </div>
      )}
      <Text size="xs" c="dimmed" mt={6} mih={18}>
        {computedAt === undefined
          ? '\u00a0'
          : computedAt === null
            ? t('customers.figuresNever')
            : t('customers.figuresAsOf', { date: format.date(computedAt) })}
      </Text>
    </Stack>
  );
}

function Cell({ children, numeric, title }: { children: ReactNode; numeric?: boolean; title?: string }) {
  return (
    <Text size="sm" truncate="end" title={title} style={numeric ? { fontVariantNumeric: 'tabular-nums' } : undefined}>
      {children || '—'}
    </Text>
  );
}

function EmptyList({ filtered }: { filtered: boolean }) {
  const { t } = useI18n();
  return (
    <Stack gap={4} align="center" p="xl" data-testid="customers-empty">
      <Text fw={600}>{t('customers.empty.title')}</Text>
      <Text size="sm" c="dimmed" ta="center" maw={420}>
        {filtered ? t('customers.empty.filtered') : t('customers.empty.none')}
      </Text>
    </Stack>
  );
}
