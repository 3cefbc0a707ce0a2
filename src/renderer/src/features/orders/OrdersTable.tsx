import { Text } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import type { OrderRow, OrderSort } from '../../../../shared/contract';
import { VirtualTable, type TableColumn, type TableSort } from '../../components/table';
import type { KeysetPages } from '../../components/table';
import { useI18n } from '../../i18n';
import { codeLabel } from './labels';
import { StatusBadges } from './StatusBadges';
import { useRemainingHeight } from './useRemainingHeight';

export function OrdersTable({
  pages,
  sort,
  onSortChange,
  onOpen,
  openId,
  empty,
}: {
  pages: KeysetPages<OrderRow>;
  sort: OrderSort;
  onSortChange: (sort: OrderSort) => void;
  onOpen: (order: OrderRow) => void;
  openId: number | null;
  empty: ReactNode;
}) {
  const { t, format } = useI18n();
  const fill = useRemainingHeight(24, 320);
  const columns = useMemo<TableColumn<OrderRow>[]>(
    () => [
      { id: 'number', header: t('orders.col.number'), width: 90, sortKey: 'orderNumber', render: (o) => <Text fw={600} size="sm">{o.orderNumber}</Text> },
      { id: 'date', header: t('orders.col.date'), width: 145, sortKey: 'placedAt', render: (o) => format.date(o.placedAt) },
      {
        id: 'customer',
        header: t('orders.col.customer'),
        width: 160,
        render: (o) =>
          o.customer ? (
            o.customer.name ?? o.customer.email ?? `#${o.customer.id}`
          ) : (
            <Text span size="sm" c="dimmed">{t('orders.guest')}</Text>
          ),
      },
      { id: 'status', header: t('orders.col.status'), width: 310, render: (o) => <StatusBadges order={o} /> },
      { id: 'channel', header: t('orders.col.channel'), width: 110, render: (o) => codeLabel(t, 'orders.channel', o.channel) },
      {
        id: 'paymentMethod',
        header: t('orders.col.paymentMethod'),
        width: 120,
        render: (o) => (o.paymentMethod ? codeLabel(t, 'orders.method', o.paymentMethod) : '—'),
      },
      { id: 'total', header: t('orders.col.total'), width: 110, align: 'right', sortKey: 'total', render: (o) => format.money(o.totalMinor, o.currency) },
      {
        id: 'refunded',
        header: t('orders.col.refunded'),
        width: 100,
        align: 'right',
        render: (o) =>
          o.refundedMinor > 0 ? (
            <Text span size="sm" c="orange">{format.money(o.refundedMinor, o.currency)}</Text>
          ) : (
            <Text span size="sm" c="dimmed">—</Text>
          ),
      },
    ],
    [t, format],
  );

  return (
    <div ref={fill.ref} style={{ opacity: pages.stale ? 0.6 : 1, transition: 'opacity 120ms' }} data-stale={pages.stale}>
      <VirtualTable
        columns={columns}
        rows={pages.rows}
        rowKey={(o) => o.id}
        height={fill.height}
        hasMore={pages.hasMore}
        loadingMore={pages.loadingMore}
        onLoadMore={pages.loadMore}
        onRowOpen={onOpen}
        sort={sort}
        onSortChange={(next: TableSort) => onSortChange(next as OrderSort)}
        loading={pages.loading}
        empty={empty}
        aria-label={t('orders.tableLabel')}
        testId="orders-table"
        // aria-rowcount must be the real number: a lower bound ("10,000+") leaves it unknown.
        totalRows={pages.stale || !pages.totalExact ? undefined : pages.totalEstimate}
        selectedKey={openId}
      />
    </div>
  );
}
