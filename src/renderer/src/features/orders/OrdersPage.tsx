import { Group } from '@mantine/core';
import { useSessionStorage } from '@mantine/hooks';
import { useCallback } from 'react';
import type { OrderRow } from '../../../../shared/contract';
import { navigate } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useKeysetPages } from '../../components/table';
import { useI18n } from '../../i18n';
import { OrderDrawer } from './detail/OrderDrawer';
import { ExportButton } from './export/ExportButton';
import { FiltersBar } from './filters/FiltersBar';
import { activeFilterCount, DEFAULT_QUERY, type OrdersQuery } from './filters/query';
import { SavedViews } from './filters/SavedViews';
import { OrdersCount } from './OrdersCount';
import { OrdersEmpty } from './OrdersEmpty';
import { OrdersTable } from './OrdersTable';

const PAGE_SIZE = 100;

/** "/orders/123" opens order 123 in the drawer, so an order can be linked to. */
function orderIdFromPath(path: string): number | null {
  const match = /^\/orders\/(\d+)$/.exec(path);
  return match ? Number(match[1]) : null;
}

/** The orders area. Sub-paths ("/orders/…") are passed in `path`. */
export function OrdersPage({ path }: { path: string }) {
  const { t } = useI18n();
  const openId = orderIdFromPath(path);
  // Kept for the browser tab: coming back from a customer finds the same list.
  const [query, setQuery] = useSessionStorage<OrdersQuery>({ key: 'backroom.orders.query', defaultValue: DEFAULT_QUERY });
  const filtered = activeFilterCount(query.filter) > 0;
  const pages = useKeysetPages('orders.list', {
    ...(filtered && { filter: query.filter }),
    sort: query.sort,
    limit: PAGE_SIZE,
  });
  const open = useCallback((order: OrderRow) => navigate(`/orders/${order.id}`), []);

  const count = pages.stale ? undefined : pages.totalEstimate;
  return (
    <>
      <PageHeader
        title={t('area.orders.title')}
        description={
          count === undefined ? t('orders.description') : <OrdersCount count={count} exact={pages.totalExact} />
        }
        actions={
          <Group gap="sm">
            <SavedViews query={query} onPick={setQuery} />
            <ExportButton query={query} />
          </Group>
        }
      />
      <FiltersBar filter={query.filter} onChange={(filter) => setQuery({ ...query, filter })} />
      {pages.isError ? (
        <QueryError error={pages.error} onRetry={pages.refetch} />
      ) : (
        <OrdersTable
          pages={pages}
          sort={query.sort}
          onSortChange={(sort) => setQuery({ ...query, sort })}
          onOpen={open}
          openId={openId}
          empty={<OrdersEmpty filtered={filtered} onClear={() => setQuery({ ...query, filter: {} })} />}
        />
      )}
      <OrderDrawer orderId={openId} onClose={() => navigate('/orders')} />
    </>
  );
}
