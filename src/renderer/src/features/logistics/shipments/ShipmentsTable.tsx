import { Text } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import type { ShipmentRow } from '../../../../../shared/contract';
import { VirtualTable, type KeysetPages, type TableColumn } from '../../../components/table';
import { useI18n } from '../../../i18n';
import { useRemainingHeight } from '../../orders/useRemainingHeight';
import { StatusBadge } from '../StatusBadge';

/** Shipments as a virtualized grid: a row opens its detail (click or Enter). */
export function ShipmentsTable({
  pages,
  onOpen,
  openId,
  empty,
}: {
  pages: KeysetPages<ShipmentRow>;
  onOpen: (row: ShipmentRow) => void;
  openId: number | null;
  empty: ReactNode;
}) {
  const { t, format } = useI18n();
  const fill = useRemainingHeight(24, 320);
  const date = (iso: string | null) => (iso ? format.date(iso) : <Text span size="sm" c="dimmed">—</Text>);
  const columns = useMemo<TableColumn<ShipmentRow>[]>(
    () => [
      { id: 'order', header: t('logistics.col.order'), width: 80, render: (s) => <Text fw={600} size="sm">{s.orderNumber}</Text> },
      { id: 'customer', header: t('logistics.col.customer'), width: 140, render: (s) => s.customerName ?? <Text span size="sm" c="dimmed">{t('logistics.guest')}</Text> },
      { id: 'carrier', header: t('logistics.col.carrier'), width: 165, render: (s) => (s.service ? `${s.carrier} · ${s.service}` : s.carrier) },
      { id: 'tracking', header: t('logistics.col.tracking'), width: 145, render: (s) => <Text span size="sm" ff="monospace">{s.trackingNumber ?? '—'}</Text> },
      { id: 'status', header: t('logistics.col.status'), width: 135, render: (s) => <StatusBadge status={s.status} subStatus={s.subStatus} /> },
      { id: 'destination', header: t('logistics.col.destination'), width: 120, render: (s) => [s.destinationCountry, s.destinationRegion].filter(Boolean).join(' / ') || '—' },
      { id: 'shipped', header: t('logistics.col.shipped'), width: 110, render: (s) => date(s.shippedAt) },
      { id: 'estimated', header: t('logistics.col.estimated'), width: 110, render: (s) => date(s.originalEstimatedDeliveryAt ?? s.estimatedDeliveryAt) },
      { id: 'delivered', header: t('logistics.col.delivered'), width: 110, render: (s) => date(s.deliveredAt) },
    ],
    [t, format],
  );
  return (
    <div ref={fill.ref} style={{ opacity: pages.stale ? 0.6 : 1, transition: 'opacity 120ms' }} data-stale={pages.stale}>
      <VirtualTable
        columns={columns}
        rows={pages.rows}
        rowKey={(s) => s.id}
        height={fill.height}
        hasMore={pages.hasMore}
        loadingMore={pages.loadingMore}
        onLoadMore={pages.loadMore}
        onRowOpen={onOpen}
        loading={pages.loading}
        empty={empty}
        aria-label={t('logistics.shipments.tableLabel')}
        testId="shipments-table"
        totalRows={pages.stale || !pages.totalExact ? undefined : pages.totalEstimate}
        selectedKey={openId}
      />
    </div>
  );
}
