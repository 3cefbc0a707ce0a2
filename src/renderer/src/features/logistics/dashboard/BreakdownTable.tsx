import { ScrollArea, Table } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { LogisticsBreakdownRow, LogisticsKpis } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { ChartCard } from '../../dashboard/ChartCard';

/** The KPIs for each destination region (or carrier): where parcels are slow or go missing. */
export function BreakdownTable({
  query,
  by,
}: {
  query: UseQueryResult<LogisticsKpis>;
  by: 'byRegion' | 'byCarrier';
}) {
  const { t } = useI18n();
  const region = by === 'byRegion';
  return (
    <ChartCard
      title={t(region ? 'logistics.table.byRegion' : 'logistics.table.byCarrier')}
      testId={region ? 'logistics-table-region' : 'logistics-table-carrier'}
      filename={region ? 'logistics-by-region' : 'logistics-by-carrier'}
      definition={t('logistics.def.breakdown')}
      query={query}
      isEmpty={(data) => data[by].length === 0}
      emptyText={t('logistics.chart.empty')}
      csv={(data) => ({
        columns: [region ? 'region' : 'carrier', 'shipped', 'delivered', 'delivery_rate', 'on_time_rate',
          'transit_p50_days', 'transit_p90_days', 'order_to_delivery_p50_days', 'order_to_delivery_p90_days', 'exceptions'],
        rows: data[by].map((r) => [r.key, r.shipped, r.delivered, r.deliveryRate, r.onTimeRate, r.transitP50, r.transitP90,
          r.orderToDeliveryP50, r.orderToDeliveryP90, r.exceptions]),
      })}
    >
      {(data) => <Rows rows={data[by]} keyHeader={t(region ? 'logistics.table.region' : 'logistics.table.carrier')} />}
    </ChartCard>
  );
}

function Rows({ rows, keyHeader }: { rows: LogisticsBreakdownRow[]; keyHeader: string }) {
  const { t, format } = useI18n();
  const rate = (v: number | null) => (v === null ? '—' : format.percent(v));
  const days = (v: number | null) => (v === null ? '—' : format.number(v));
  return (
    <ScrollArea.Autosize mah={360}>
      <Table striped highlightOnHover stickyHeader fz="sm" miw={760} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{keyHeader}</Table.Th>
            <Table.Th ta="right">{t('logistics.kpi.shipped')}</Table.Th>
            <Table.Th ta="right">{t('logistics.kpi.deliveryRate')}</Table.Th>
            <Table.Th ta="right">{t('logistics.kpi.onTimeRate')}</Table.Th>
            <Table.Th ta="right">{t('logistics.table.transit')}</Table.Th>
            <Table.Th ta="right">{t('logistics.table.orderToDelivery')}</Table.Th>
            <Table.Th ta="right">{t('logistics.kpi.exceptions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key} data-testid="breakdown-row" data-key={r.key}>
              <Table.Td>{r.key}</Table.Td>
              <Table.Td ta="right">{format.number(r.shipped)}</Table.Td>
              <Table.Td ta="right">{rate(r.deliveryRate)}</Table.Td>
              <Table.Td ta="right">{rate(r.onTimeRate)}</Table.Td>
              <Table.Td ta="right">{`${days(r.transitP50)} / ${days(r.transitP90)}`}</Table.Td>
              <Table.Td ta="right">{`${days(r.orderToDeliveryP50)} / ${days(r.orderToDeliveryP90)}`}</Table.Td>
              <Table.Td ta="right">{format.number(r.exceptions)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
